import ExcelJS from "exceljs";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { lavArbejdsbog } from "../../src/cli/skabelon";
import { CELLER, skabelonLayout, validerSkema } from "../../src/takstskema";
import { FORVENTET, I_TIDE, kort, REGISTER, rundtur } from "./hjaelp";

// Acceptance 1: write the template with ExcelJS, fill it, read it back, validate.
// `cache` holds the computed cells' cached results as Excel would save them; null = no cached
// value (a file saved outside Excel), which the validator recomputes silently.

const INGEN_CACHE_EFTER_OVERHEAD = { TS_Takstgrundlag: null, TS_Takst: null, TS_Takstudvikling: null };

describe("round trip through an .xlsx file", () => {
  it("the example has no findings, and the cached results are read back", async () => {
    const r = await rundtur();
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.vaerdier).toMatchObject({ TS_Takst: 2047, TS_Takstgrundlag: FORVENTET.takstgrundlag, TS_Belaegning: 0.96, TS_Tilbud: "Bofællesskabet Skovbrynet" });
  });

  it("an empty template (only the prefilled ruleset, year and days) gives TS001 for the other mandatory fields", async () => {
    const wb = await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")));
    const laest = await laesSkemaBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const r = validerSkema(laest.vaerdier, { register: REGISTER, indsendt: new Date("2017-11-01") });
    expect(laest.fund).toEqual([]);
    expect(new Set(r.findings.map((f) => f.code))).toEqual(new Set(["TS001"]));
    expect(r.findings.map((f) => f.field).sort()).toEqual(
      ["TS_Driftsherre", "TS_Tilbud", "TS_Ydelse", "TS_Lovgrundlag", "TS_Kontaktperson", "TS_Email", "TS_Pladser", "TS_Belaegning", "TS_Takstenhed", "TS_Loen", "TS_OverheadSats"].sort(),
    );
  });

  // Each broken workbook yields exactly its code on the right cell.
  const tilfaelde: [string, "error" | "warning", string, Record<string, unknown>, Record<string, unknown>?, Date?][] = [
    ["TS001", "error", "TS_Tilbud", { TS_Tilbud: null }],
    ["TS002", "error", "TS_Loen", { TS_Loen: "fjorten mio." }],
    ["TS002", "error", "TS_Oevrige", { TS_Oevrige: "1.5" }],
    ["TS003", "error", "TS_Regelsaet", { TS_Regelsaet: "NORD-2099" }],
    ["TS004", "warning", "TS_Takstaar", { TS_Takstaar: 2019 }],
    ["TS010", "error", "TS_Pladser", { TS_Pladser: 24.5 }],
    ["TS011", "error", "TS_Belaegning", { TS_Belaegning: 96 }],
    ["TS011", "error", "TS_Belaegning", { TS_Belaegning: "95" }],
    ["TS012", "warning", "TS_BelaegningBegrundelse", { TS_BelaegningAarMinus2: 0.85, TS_BelaegningAarMinus1: 0.89 }],
    ["TS020", "error", "TS_OverheadSats", { TS_OverheadSats: 0.05 }],
    ["TS021", "error", "TS_Overhead", {}, { TS_Overhead: 700_000, ...INGEN_CACHE_EFTER_OVERHEAD }],
    ["TS022", "error", "TS_OverheadGrundlag", {}, { TS_OverheadGrundlag: 16_000_000, TS_Overhead: null, ...INGEN_CACHE_EFTER_OVERHEAD }],
    ["TS030", "error", "TS_Takst", {}, { TS_Takst: 2100, TS_Takstudvikling: null }],
    ["TS031", "error", "TS_Takstgrundlag", {}, { TS_Takstgrundlag: 17_000_000, TS_Takst: null, TS_Takstudvikling: null }],
    ["TS033", "error", "TS_Belaegningsdage", {}, { TS_Belaegningsdage: 8760 }],
    ["TS040", "warning", "TS_Regulering", { TS_Regulering: -100_000 }],
    ["TS050", "warning", "TS_UdviklingBegrundelse", { TS_SidsteAarsTakst: 1900 }],
    ["TS051", "warning", "TS_Takstudvikling", {}, { TS_Takstudvikling: 0.1 }],
    ["TS060", "error", "TS_Basistakst", { TS_Regelsaet: "MIDT-2021", TS_Takstaar: 2021, TS_Basistakst: 800, TS_Servicetakst: 1200 }],
    ["TS061", "warning", "TS_Basistakst", { TS_Regelsaet: "MIDT-2021", TS_Takstaar: 2021 }],
    ["TS070", "error", "TS_Rentesats", { TS_Rentesats: 0.02 }],
    ["TS080", "warning", "TS_Tjenestemandspension", { TS_PensionsgivendeLoen: 900_000 }],
    ["TS090", "warning", "TS_Regelsaet", {}, {}, new Date("2017-11-20T09:00:00+01:00")],
    ["TS100", "warning", "TS_Kategori", { TS_Kategori: "Højt specialiseret tilbud med regional betydning", TS_Pladser: 25 }],
    ["TS006", "error", "TS_Kategori", { TS_Kategori: "Rammeaftaletilbud" }],
    ["TS013", "error", "TS_Loen", { TS_Loen: -14_200_000 }],
    ["TS015", "error", "TS_BelaegningAarMinus2", { TS_BelaegningAarMinus2: 93 }],
    ["TS015", "error", "TS_PLPct", { TS_PLPct: 1.8 }],
    ["TS015", "error", "TS_OverheadSats", { TS_OverheadSats: 4.4 }],
    ["TS032", "error", "TS_Takstgrundlag", { TS_Indtaegter: 20_000_000 }],
    ["TS101", "warning", "TS_Kategori", { TS_Kategori: "klyngetilbud" }],
  ];
  // Every row gets all six values: jest would take a missing trailing argument for `done`.
  const raekker = tilfaelde.map(([c, s, f, a, cache, d]) => [c, s, f, a, cache ?? {}, d ?? I_TIDE] as const);
  it.each(raekker)("%s (%s) on %s", async (code, severity, felt, aendringer, cache, indsendt) => {
    const r = await rundtur(aendringer as never, cache as never, indsendt);
    expect(kort(r.findings)).toEqual([`${code} ${severity} ${felt} ${CELLER[felt as keyof typeof CELLER]}`]);
    expect(r.ok).toBe(severity === "warning");
  });

  it("a missing defined name falls back to the standard cell and is reported (TS005)", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => wb.definedNames.remove(`Takstskema!$D$17`, "TS_Tilbud"));
    expect(CELLER.TS_Tilbud).toBe("Takstskema!D17");
    expect(kort(r.findings)).toEqual([`TS005 warning TS_Tilbud ${CELLER.TS_Tilbud}`]);
    expect(r.vaerdier.TS_Tilbud).toBe("Bofællesskabet Skovbrynet");
  });

  it("a moved cell is found through its defined name", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => {
      const ws = wb.getWorksheet("Takstskema")!;
      ws.getCell("H40").value = 30;
      // The name's own cell, wherever the layout puts it ("Takstskema!D30" → "Takstskema!$D$30").
      wb.definedNames.remove(CELLER.TS_Pladser.replace(/!([A-Z]+)(\d+)$/, "!$$$1$$$2"), "TS_Pladser");
      wb.definedNames.add("Takstskema!$H$40", "TS_Pladser");
    });
    expect(r.vaerdier.TS_Pladser).toBe(30);
    // 17.210.921 / (30 × 365 × 0,96) = 1.637,8 → the cached 2.047 is now wrong.
    expect(r.findings.map((f) => f.code)).toContain("TS030");
  });

  it("Danish text typed into cells is parsed or reported, never silently wrong (acceptance 3)", async () => {
    const ok = await rundtur({ TS_Loen: "14.250.000,00", TS_Belaegning: "96 %" });
    expect(ok.findings).toEqual([]);
    expect(ok.vaerdier.TS_Loen).toBe(14_250_000);
    const tvetydig = await rundtur({ TS_Udvikling: "1,234" }, { TS_OverheadGrundlag: null, TS_Overhead: null, ...INGEN_CACHE_EFTER_OVERHEAD });
    expect(kort(tvetydig.findings)).toEqual([`TS002 error TS_Udvikling ${CELLER.TS_Udvikling}`]);
  });

  it("rich text and hyperlink cells are read as their text", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => {
      const ws = wb.getWorksheet("Takstskema")!;
      ws.getCell("D17").value = { richText: [{ text: "Bofællesskabet " }, { font: { bold: true }, text: "Skovbrynet" }] };
      ws.getCell("D24").value = { text: "mette.jensen@example.dk", hyperlink: "mailto:mette.jensen@example.dk" };
    });
    expect(r.findings).toEqual([]);
    expect(r.vaerdier.TS_Tilbud).toBe("Bofællesskabet Skovbrynet");
  });

  it("the file has the SOC formulas in their stored form and the sheet is protected", async () => {
    const wb = await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = wb2.getWorksheet("Takstskema")!;
    const takst = ws.getCell(CELLER.TS_Takst.split("!")[1]!).value as { formula: string };
    expect(takst.formula).toBe("_xldudf_SOC_TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)");
    expect((ws.getCell(CELLER.TS_Loen.split("!")[1]!).protection as { locked: boolean }).locked).toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const dv = ws.getCell(CELLER.TS_Loen.split("!")[1]!).dataValidation;
    expect(dv.prompt).toMatch(/løn/i);
  });
});
