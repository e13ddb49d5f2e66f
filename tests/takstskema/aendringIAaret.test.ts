import { celleFor, parseFelt, felt, ts131, ts133 } from "../../src/takstskema";
import { kort, REGISTER, rundtur, valider } from "./hjaelp";

const SYD = REGISTER.hent("SYD-2018");
const dato = (v: unknown) => parseFelt(felt("TS_AendringIkrafttraedelse")!, v);

describe("the in-year change's dates (Bilag 11, product.md §2) are read as YYYY-MM-DD", () => {
  it.each([
    ["ISO text", "2018-05-01"],
    ["Danish text with dots", "1.5.2018"],
    ["Danish text with dashes", "01-05-2018"],
    ["an Excel serial day (Office.js)", 43221],
    ["an ExcelJS date cell (midnight UTC)", new Date(Date.UTC(2018, 4, 1))],
  ])("%s", (_, v) => {
    expect(dato(v)).toEqual({ ok: true, vaerdi: "2018-05-01" });
  });

  it("refuses a day that does not exist, an English month-first text and a fraction of a day (TS002)", () => {
    for (const v of ["2018-02-30", "31.4.2018", "05/31/2018", 43221.5, "i morgen"]) expect(dato(v)).toMatchObject({ ok: false });
    const r = valider({ TS_AendringVedtaget: "30.2.2018" });
    expect(kort(r.findings)).toContain(`TS002 error TS_AendringVedtaget ${celleFor("TS_AendringVedtaget")}`);
  });
});

describe("TS130: a takstforhøjelse in force before it was decided (004:4117-4125)", () => {
  const forhoejelse = { TS_AendringArt: "takstforhoejelse", TS_AendringBegrundelse: "Ny normering" };

  it("refuses an increase from 1 May decided on 15 May, on the ikrafttrædelse cell", () => {
    const r = valider({ ...forhoejelse, TS_AendringVedtaget: "2018-05-15", TS_AendringIkrafttraedelse: "2018-05-01" });
    const f = r.findings.find((x) => x.code === "TS130");
    expect(f).toMatchObject({ severity: "error", field: "TS_AendringIkrafttraedelse", cell: celleFor("TS_AendringIkrafttraedelse") });
    expect(f!.message).toContain("1.5.2018, før den blev vedtaget 15.5.2018");
    expect(r.ok).toBe(false);
  });

  it("accepts an increase from the day it was decided or later", () => {
    for (const ikraft of ["2018-05-15", "2018-06-01"]) {
      expect(valider({ ...forhoejelse, TS_AendringVedtaget: "2018-05-15", TS_AendringIkrafttraedelse: ikraft }).findings.map((f) => f.code)).not.toContain("TS130");
    }
  });

  it("lets a takstreduktion or a teknisk fejl apply from 1 January (004:4127-4146)", () => {
    for (const art of ["takstreduktion", "teknisk_fejl"]) {
      const r = valider({ TS_AendringArt: art, TS_AendringVedtaget: "2018-05-15", TS_AendringIkrafttraedelse: "2018-01-01" });
      expect(r.findings.map((f) => f.code)).not.toContain("TS130");
    }
  });

  it("asks a takstforhøjelse for both dates (\"Tidspunktet for ændringens ikrafttrædelse skal fremgå\", 004:4121)", () => {
    const r = valider({ ...forhoejelse, TS_AendringVedtaget: "2018-05-15" });
    expect(r.findings.find((f) => f.code === "TS130")).toMatchObject({ field: "TS_AendringIkrafttraedelse" });
  });

  it("takes only the contract's arts (product.md §2)", () => {
    expect(kort(valider({ TS_AendringArt: "prisstigning" }).findings)).toContain(`TS002 error TS_AendringArt ${celleFor("TS_AendringArt")}`);
  });
});

describe("TS002 (no code of its own in product.md §3): the change applies from a day in the takstår", () => {
  it("refuses 1 May 2019 in a 2018 skema", () => {
    const r = valider({ TS_AendringArt: "takstreduktion", TS_AendringIkrafttraedelse: "2019-05-01" });
    expect(r.findings.find((f) => f.code === "TS002" && f.field === "TS_AendringIkrafttraedelse")).toMatchObject({ severity: "error", message: expect.stringContaining("ikke ligger i takståret 2018") });
  });
});

describe("TS131 and TS133 (the service's, from the register)", () => {
  it("TS131: another kategori than the published one; the ruleset's synonym or another case is the same kategori", () => {
    expect(ts131(SYD, "Højt specialiseret tilbud med regional betydning", "Klyngetilbud")).toMatchObject({ code: "TS131", severity: "error", field: "TS_Kategori" });
    expect(ts131(SYD, "Lokalt tilbud", null)!.message).toContain("offentliggjort med ingen kategori");
    expect(ts131(SYD, "Lokale tilbud", "lokalt tilbud")).toBeNull();
    expect(ts131(SYD, "  klyngetilbud", "Klyngetilbud")).toBeNull();
  });

  it("TS133: only a klynge/HS tilbud with changed pladser and no begrundelse (Bilag 12, 004:4156-4171)", () => {
    const sidste = [{ pladser: 12 }];
    const klynge = { TS_Kategori: "Klyngetilbud" };
    expect(ts133(SYD, klynge, [{ pladser: 10 }, { pladser: 4 }], sidste)).toMatchObject({ code: "TS133", severity: "warning", field: "TS_Pladser" });
    expect(ts133(SYD, klynge, [{ pladser: 12 }], sidste)).toBeNull();
    expect(ts133(SYD, { TS_Kategori: "Lokalt tilbud" }, [{ pladser: 14 }], sidste)).toBeNull();
    // Flag: the skema has no field of its own for the capacity reason; either begrundelse counts.
    expect(ts133(SYD, { ...klynge, TS_BelaegningBegrundelse: "To nye pladser" }, [{ pladser: 14 }], sidste)).toBeNull();
    expect(ts133(SYD, { ...klynge, TS_AendringBegrundelse: "Udvidelse" }, [{ pladser: 14 }], sidste)).toBeNull();
    // No tilbud last year: nothing to compare.
    expect(ts133(SYD, klynge, [{ pladser: 14 }], undefined)).toBeNull();
  });
});

describe("the template carries the in-year change (pane and CLI share the layout)", () => {
  it("udfyld writes the dates as Excel dates that read back as the same days, and TS130 finds them in the file", async () => {
    const r = await rundtur(
      { TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "15.5.2018", TS_AendringIkrafttraedelse: "2018-05-01", TS_AendringBegrundelse: "Ny normering" },
      {},
      undefined,
      (wb) => {
        const [ark, adresse] = celleFor("TS_AendringIkrafttraedelse").split("!");
        const c = wb.getWorksheet(ark!)!.getCell(adresse!);
        // Excel's serial day of 1 May 2018 (43221), shown as a date.
        expect([c.value, c.numFmt]).toEqual([43221, "dd-mm-yyyy"]);
      },
    );
    expect(r.vaerdier).toMatchObject({ TS_AendringVedtaget: "2018-05-15", TS_AendringIkrafttraedelse: "2018-05-01", TS_AendringArt: "takstforhoejelse" });
    expect(kort(r.findings)).toContain(`TS130 error TS_AendringIkrafttraedelse ${celleFor("TS_AendringIkrafttraedelse")}`);
  });
});
