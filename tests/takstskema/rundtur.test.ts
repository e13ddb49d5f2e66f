import ExcelJS from "exceljs";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { lavArbejdsbog } from "../../src/cli/skabelon";
import { CELLER, celleFor, KOLONNE_OMRAADER, skabelonLayout, validerSkema } from "../../src/takstskema";
import { FORVENTET, I_TIDE, kort, REGISTER, rundtur } from "./hjaelp";

// Acceptance 1: write the template with ExcelJS, fill it, read it back, validate.
// `cache` holds the computed cells' cached results as Excel would save them; null = no cached
// value (a file saved outside Excel), which the validator recomputes silently.

// Excel would recompute everything downstream of a changed cell; here those caches are left empty.
const INGEN_CACHE_EFTER_OVERHEAD = {
  TS_Takstgrundlag: null, TS_Basisgrundlag: null,
  TS_Ydelser_Basistakst: [null], TS_Ydelser_Servicetakst: [null], TS_Ydelser_Takst: [null], TS_Ydelser_Takstudvikling: [null],
};

describe("round trip through an .xlsx file", () => {
  it("the example has no findings, and the cached results are read back", async () => {
    const r = await rundtur();
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.vaerdier).toMatchObject({ TS_Takstgrundlag: FORVENTET.takstgrundlag, TS_Belaegning: 0.96, TS_Tilbud: "Bofællesskabet Skovbrynet" });
    // The single-takst example is read back as a one-row table.
    expect(r.vaerdier.TS_Ydelser_Takst?.[0]).toBe(2047);
    expect(r.vaerdier.TS_Ydelser_Navn?.[0]).toBe("Længerevarende botilbud");
  });

  it("an empty template (only the prefilled ruleset, year and days) gives TS001 for the other mandatory fields", async () => {
    const wb = await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")));
    const laest = await laesSkemaBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const r = validerSkema(laest.vaerdier, { register: REGISTER, indsendt: new Date("2017-11-01") });
    expect(laest.fund).toEqual([]);
    expect(new Set(r.findings.map((f) => f.code))).toEqual(new Set(["TS001"]));
    expect(r.findings.map((f) => f.field).sort()).toEqual(
      ["TS_Driftsherre", "TS_Tilbud", "TS_Ydelser_Navn", "TS_Lovgrundlag", "TS_Kontaktperson", "TS_Email", "TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_Takstenhed", "TS_Loen", "TS_OverheadSats"].sort(),
    );
  });

  // Each broken workbook yields exactly its code on the right cell.
  const tilfaelde: [string, "error" | "warning", string, Record<string, unknown>, Record<string, unknown>?, Date?][] = [
    ["TS001", "error", "TS_Tilbud", { TS_Tilbud: null }],
    ["TS002", "error", "TS_Loen", { TS_Loen: "fjorten mio." }],
    ["TS002", "error", "TS_Oevrige", { TS_Oevrige: "1.5" }],
    ["TS003", "error", "TS_Regelsaet", { TS_Regelsaet: "NORD-2099" }],
    ["TS004", "warning", "TS_Takstaar", { TS_Takstaar: 2019 }],
    ["TS010", "error", "TS_Ydelser_Pladser", { TS_Pladser: 24.5 }],
    ["TS011", "error", "TS_Ydelser_Belaegning", { TS_Belaegning: 96 }],
    ["TS011", "error", "TS_Ydelser_Belaegning", { TS_Belaegning: "95" }],
    ["TS012", "warning", "TS_BelaegningBegrundelse", { TS_BelaegningAarMinus2: 0.85, TS_BelaegningAarMinus1: 0.89 }],
    ["TS020", "error", "TS_OverheadSats", { TS_OverheadSats: 0.05 }],
    ["TS021", "error", "TS_Overhead", {}, { TS_Overhead: 700_000, ...INGEN_CACHE_EFTER_OVERHEAD }],
    ["TS022", "error", "TS_OverheadGrundlag", {}, { TS_OverheadGrundlag: 16_000_000, TS_Overhead: null, ...INGEN_CACHE_EFTER_OVERHEAD }],
    ["TS030", "error", "TS_Ydelser_Takst", {}, { TS_Takst: 2100, TS_Takstudvikling: null }],
    ["TS031", "error", "TS_Takstgrundlag", {}, { TS_Takstgrundlag: 17_000_000, TS_Takst: null, TS_Takstudvikling: null }],
    ["TS033", "error", "TS_Belaegningsdage", {}, { TS_Belaegningsdage: 8760 }],
    ["TS040", "warning", "TS_Regulering", { TS_Regulering: -100_000 }],
    ["TS050", "warning", "TS_Ydelser_Takstudvikling", { TS_SidsteAarsTakst: 1900 }],
    ["TS051", "warning", "TS_Ydelser_Takstudvikling", {}, { TS_Ydelser_Takstudvikling: [0.1] }],
    // With 10.000.000 kr. borgerrettet: basis (17.210.921 - 10.000.000) / 8.409,6 = 857,46 → 857,
    // service 10.000.000 / 8.409,6 = 1.189,12 → 1.189, takst 2.046. Cells 858 and 1.190 are each
    // within TS030's 1 kr. but add up to 2.048 ≠ 2.046.
    ["TS060", "error", "TS_Ydelser_Basistakst", { TS_Borgerrettet: 10_000_000 }, { TS_Ydelser_Basistakst: [858], TS_Ydelser_Servicetakst: [1190], TS_Ydelser_Takst: [2046] }],
    ["TS061", "warning", "TS_Borgerrettet", { TS_Regelsaet: "MIDT-2021", TS_Takstaar: 2021 }],
    ["TS013", "error", "TS_Borgerrettet", { TS_Borgerrettet: -1_000_000 }],
    ["TS013", "error", "TS_Borgerrettet", { TS_Borgerrettet: 18_000_000 }],
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
    expect(kort(r.findings)).toEqual([`${code} ${severity} ${felt} ${celleFor(felt, 0)}`]);
    expect(r.ok).toBe(severity === "warning");
  });

  it("a missing defined name falls back to the standard cell and is reported (TS005)", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => wb.definedNames.remove(`Takstskema!$D$17`, "TS_Tilbud"));
    expect(CELLER.TS_Tilbud).toBe("Takstskema!D17");
    expect(kort(r.findings)).toEqual([`TS005 warning TS_Tilbud ${CELLER.TS_Tilbud}`]);
    expect(r.vaerdier.TS_Tilbud).toBe("Bofællesskabet Skovbrynet");
  });

  it("a moved cell is found through its defined name, a moved Ydelser column through its range", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => {
      const ws = wb.getWorksheet("Takstskema")!;
      ws.getCell("M40").value = 30;
      // The column's own range, wherever the layout puts it ("Takstskema!D41:D50").
      const [fra, til] = /!D(\d+):D(\d+)$/.exec(KOLONNE_OMRAADER.TS_Ydelser_Pladser)!.slice(1).map(Number) as [number, number];
      expect(til - fra).toBe(9);
      // ExcelJS keeps names per cell: remove each cell of the old range.
      for (let r = fra; r <= til; r++) wb.definedNames.remove(`Takstskema!$D$${r}`, "TS_Ydelser_Pladser");
      wb.definedNames.add("Takstskema!$M$40:$M$49", "TS_Ydelser_Pladser");
    });
    expect(r.vaerdier.TS_Ydelser_Pladser?.[0]).toBe(30);
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
      ws.getCell(CELLER.TS_Email.split("!")[1]!).value = { text: "mette.jensen@example.dk", hyperlink: "mailto:mette.jensen@example.dk" };
    });
    expect(r.findings).toEqual([]);
    expect(r.vaerdier.TS_Tilbud).toBe("Bofællesskabet Skovbrynet");
  });

  it("the file's computed cells hold native formulas (no SOC call, no array formula) and the sheet is protected", async () => {
    const wb = await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await wb.xlsx.writeBuffer());
    const ws = wb2.getWorksheet("Takstskema")!;
    const formel = (celle: string) => (ws.getCell(celle.split("!")[1]!).value as { formula: string; shareType?: string });
    // Row 3 of the Ydelser table (sheet row 43) refers to its own cells: D43 pladser, F43 ressource, H43/I43 the parts.
    expect(formel(celleFor("TS_Ydelser_Basistakst", 2))).toEqual({ formula: 'IF(D43="","",ROUND(TS_Basisgrundlag/TS_Belaegningsdage,0))' });
    expect(formel(celleFor("TS_Ydelser_Servicetakst", 2)).formula).toBe(
      'IF(D43="","",ROUND(SUM(TS_Borgerrettet)*IF(F43="",1,F43)/(SUMPRODUCT(TS_Ydelser_Pladser,TS_Ydelser_Belaegning,TS_Ydelser_Ressource+(TS_Ydelser_Ressource=""))*TS_Dage),0))',
    );
    expect(formel(celleFor("TS_Ydelser_Takst", 2)).formula).toBe('IF(D43="","",H43+I43)');
    expect(formel(CELLER.TS_Overhead).formula).toBe("ROUND(TS_OverheadGrundlag*TS_OverheadSats,0)");
    const formler: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => {
      const v = c.value as { formula?: string; shareType?: string } | null;
      if (v && typeof v === "object" && v.formula) formler.push(`${c.address} ${v.formula} ${v.shareType ?? ""}`);
    }));
    // 10 computed fields (Pladser, Belægning, Overheadgrundlag, Overhead, Takstgrundlag, Basisgrundlag,
    // Belægningsdage, A4, A5, A7) and 4 computed columns × 10 rows.
    expect(formler).toHaveLength(10 + 40);
    expect(formler.filter((f) => /SOC|_xldudf_|array/.test(f))).toEqual([]);
    expect((ws.getCell(CELLER.TS_Loen.split("!")[1]!).protection as { locked: boolean }).locked).toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const dv = ws.getCell(CELLER.TS_Loen.split("!")[1]!).dataValidation;
    expect(dv.prompt).toMatch(/løn/i);
  });
});
