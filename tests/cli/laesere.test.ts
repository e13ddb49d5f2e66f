import { readFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { lavArbejdsbog } from "../../src/cli/skabelon";
import { CELLER, kolonneAdresse, skabelonLayout, YDELSE_RAEKKER } from "../../src/takstskema";
import { aendrXlsx } from "../helpers/zip";
import { eksempel, REGISTER } from "../takstskema/hjaelp";

// Issue 15: the fast reader gives exactly what the ExcelJS path gives, on every kind of .xlsx
// the tests and examples produce (the round-trip files of tests/takstskema/rundtur.test.ts are
// compared in tests/takstskema/hjaelp.ts on every call). `laeser` says which reader a file
// should end up with: the fast one, or ExcelJS for what the fast one leaves alone.

const ROD = join(__dirname, "..", "..");
const ARK = "xl/worksheets/sheet1.xml";

async function xlsx(wb: ExcelJS.Workbook | Promise<ExcelJS.Workbook>): Promise<Buffer> {
  return Buffer.from(await (await wb).xlsx.writeBuffer());
}
const udfyldt = (aendr: Record<string, string | number | null> = {}, efter?: (wb: ExcelJS.Workbook) => void) =>
  udfyldtArbejdsbog({ ...eksempel(), ...aendr }, REGISTER).then((wb) => {
    efter?.(wb);
    return wb;
  });
const celle = (adr: string, v: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet("Takstskema")!.getCell(adr).value = v;
};
/** Replace the XML of cell `adr` (`<c r="adr" …>…</c>` or `<c r="adr" …/>`) with `ny`. */
/** The cell of a field in the template (rows move when the layout grows). */
const a = (navn: keyof typeof CELLER): string => CELLER[navn].split("!")[1]!;
const raekke = (navn: keyof typeof CELLER): string => a(navn).slice(1);
const erstatCelle = (adr: string, ny: string) => (xml: string) => {
  const re = new RegExp(`<c r="${adr}"[^>]*?(/>|>.*?</c>)`);
  if (!re.test(xml)) throw new Error(`ingen celle ${adr}`);
  return xml.replace(re, ny);
};

type Tilfaelde = [navn: string, laeser: "hurtig" | "exceljs" | "fejl", lav: () => Promise<Buffer>];

const tilfaelde: Tilfaelde[] = [
  ...REGISTER.ids().map((id): Tilfaelde => [`template ${id}`, "hurtig", () => xlsx(lavArbejdsbog(skabelonLayout(REGISTER.hent(id))))]),
  ["examples/botilbud-syd-2018.xlsx", "hurtig", async () => readFileSync(join(ROD, "examples", "botilbud-syd-2018.xlsx"))],
  ["filled example", "hurtig", () => xlsx(udfyldt())],
  ["the CLI test's broken skema", "hurtig", () => xlsx(udfyldt({ TS_OverheadSats: 0.05, TS_Tilbud: null }))],
  ["Danish text in number cells", "hurtig", () => xlsx(udfyldt({ TS_Loen: "14.250.000,00", TS_Belaegning: "96 %", TS_Oevrige: "1.5" }))],
  ["rich text", "hurtig", () => xlsx(udfyldt({}, celle(a("TS_Tilbud"), { richText: [{ text: "Bofællesskabet " }, { font: { bold: true }, text: "Skov<brynet> & co" }] })))],
  ["hyperlink", "hurtig", () => xlsx(udfyldt({}, celle(a("TS_Email"), { text: "mette.jensen@example.dk", hyperlink: "mailto:mette.jensen@example.dk" })))],
  ["boolean and error values", "hurtig", () => xlsx(udfyldt({}, (wb) => {
    celle(a("TS_Dage"), true)(wb);
    celle(a("TS_BelaegningAarMinus1"), { error: "#N/A" } as ExcelJS.CellErrorValue)(wb);
  }))],
  ["a formula with a text result and one without a result", "hurtig", () => xlsx(udfyldt({}, (wb) => {
    celle(a("TS_Maalgruppe"), { formula: "\"Bo\"&\"tilbud\"", result: "Botilbud" } as ExcelJS.CellFormulaValue)(wb);
    celle(a("TS_Dage"), { formula: "12+12" } as ExcelJS.CellFormulaValue)(wb);
  }))],
  ["a number with a date format", "exceljs", () => xlsx(udfyldt({}, (wb) => {
    const c = wb.getWorksheet("Takstskema")!.getCell(a("TS_Dage"));
    c.numFmt = "dd-mm-yyyy";
  }))],
  ["a named cell inside a merged range reads its top-left cell", "hurtig", () => xlsx(udfyldt({}, (wb) => {
    celle(`C${raekke("TS_Tilbud")}`, "Bosted Vest")(wb);
    wb.getWorksheet("Takstskema")!.mergeCells(`C${raekke("TS_Tilbud")}:${a("TS_Tilbud")}`);
  }))],
  ["a missing name (TS005)", "hurtig", () => xlsx(udfyldt({}, (wb) => wb.definedNames.remove(`Takstskema!$D$${raekke("TS_Tilbud")}`, "TS_Tilbud")))],
  ["a name on two cells (TS005)", "hurtig", () => xlsx(udfyldt({}, (wb) => wb.definedNames.add(`Takstskema!$E$${raekke("TS_Dage")}`, "TS_Dage")))],
  ["a vertical range (a Ydelser column)", "hurtig", () => xlsx(udfyldt({}, (wb) => {
    // Column M is right of the template (B-K), so the range holds only these three cells.
    celle("M41", 12)(wb);
    celle("M43", "tekst")(wb);
    celle("M49", { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)(wb);
    // The name moves: off the template's range, onto M40:M49.
    for (let i = 0; i < YDELSE_RAEKKER; i++) wb.definedNames.remove(`Takstskema!$${kolonneAdresse("TS_Ydelser_Pladser", i).replace(/(\d+)/, "$$$1")}`, "TS_Ydelser_Pladser");
    wb.definedNames.add("Takstskema!$M$40:$M$49", "TS_Ydelser_Pladser");
  }))],
  ["a bare <c/>, an inline string, a plain str, a boolean and an error in the XML", "hurtig", async () =>
    aendrXlsx(await xlsx(udfyldt()), {
      [ARK]: (x) => [
        erstatCelle(a("TS_Tilbud"), `<c r="${a("TS_Tilbud")}"/>`),
        erstatCelle(a("TS_Driftsherre"), `<c r="${a("TS_Driftsherre")}" t="inlineStr"><is><t>Odense &amp; Omegn</t></is></c>`),
        erstatCelle(a("TS_Maalgruppe"), `<c r="${a("TS_Maalgruppe")}" t="str"><v>Botilbud</v></c>`),
        erstatCelle(a("TS_Dage"), `<c r="${a("TS_Dage")}" t="b"><v>0</v></c>`),
        erstatCelle(a("TS_BelaegningAarMinus1"), `<c r="${a("TS_BelaegningAarMinus1")}" t="e"><v>#DIV/0!</v></c>`),
        erstatCelle(a("TS_BelaegningAarMinus2"), `<c r="${a("TS_BelaegningAarMinus2")}" t="b"><v>2</v></c>`),
        erstatCelle(a("TS_Loen"), `<c r="${a("TS_Loen")}"><v>1.425E7</v></c>`),
        erstatCelle(a("TS_Udvikling"), `<c r="${a("TS_Udvikling")}"><v>abc</v></c>`),
      ].reduce((acc, f) => f(acc), x),
    })],
  ["character references in a shared string", "hurtig", async () =>
    aendrXlsx(await xlsx(udfyldt({ TS_Tilbud: "Tilbud" })), { "xl/sharedStrings.xml": (x) => x.replace("<t>Tilbud</t>", "<t>Tilbud &#8211; &#x41;&lt;</t>") })],
  ["an _xHHHH_ escape (ExcelJS decodes it)", "exceljs", async () =>
    aendrXlsx(await xlsx(udfyldt({ TS_Tilbud: "Tilbud" })), { "xl/sharedStrings.xml": (x) => x.replace("<t>Tilbud</t>", "<t>Til_x0042_ud</t>") })],
  ["a quoted sheet name with a space", "hurtig", async () =>
    aendrXlsx(await xlsx(udfyldt()), { "xl/workbook.xml": (x) => x.replace('name="Takstskema"', 'name="Takst skema"').replace(/>Takstskema!/g, ">'Takst skema'!") })],
  ["a relative reference (ExcelJS drops the name)", "exceljs", async () =>
    aendrXlsx(await xlsx(udfyldt()), { "xl/workbook.xml": (x) => x.replace(`>Takstskema!$D$${raekke("TS_Tilbud")}<`, `>Takstskema!D${raekke("TS_Tilbud")}<`) })],
  ["a sheet-local name", "exceljs", async () =>
    aendrXlsx(await xlsx(udfyldt()), { "xl/workbook.xml": (x) => x.replace('<definedName name="TS_Tilbud">', '<definedName name="TS_Tilbud" localSheetId="0">') })],
  ["overlapping merges (ExcelJS refuses the file)", "fejl", async () =>
    aendrXlsx(await xlsx(udfyldt()), { [ARK]: (x) => x.replace('<mergeCell ref="B9:K9"/>', '<mergeCell ref="B9:K9"/><mergeCell ref="C9:C10"/>') })],
  ["not a zip", "fejl", async () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])],
  ["a truncated file", "fejl", async () => (await xlsx(udfyldt())).subarray(0, 4000)],
];

describe("the fast reader and the ExcelJS path read the same", () => {
  it.each(tilfaelde)("%s (%s)", async (_navn, laeser, lav) => {
    const buf = await lav();
    const svar = async (valg: { laeser?: "exceljs" }) => laesSkemaBuffer(buf, "fil.xlsx", valg).then(
      (r) => ({ ok: r }),
      (e: Error) => ({ fejl: `${e.name}: ${e.message}` }),
    );
    const [hurtig, reference] = [await svar({}), await svar({ laeser: "exceljs" })];
    if (laeser === "fejl") {
      expect(hurtig).toEqual(reference);
      expect(hurtig).toEqual({ fejl: expect.stringMatching(/^LaesFejl: fil\.xlsx kan ikke læses som \.xlsx; filen er beskadiget/) });
      return;
    }
    expect("ok" in hurtig && hurtig.ok.laeser).toBe(laeser);
    expect("ok" in reference && { ...reference.ok, laeser }).toEqual("ok" in hurtig && hurtig.ok);
  });

  it("a vertical range gives one value per row, null for empty cells", async () => {
    const buf = await tilfaelde.find(([n]) => n.startsWith("a vertical range"))![2]();
    const r = await laesSkemaBuffer(buf);
    expect(r.vaerdier.TS_Ydelser_Pladser).toEqual([null, 12, null, "tekst", null, null, null, null, null, 2]);
  });

  it("odd values in the XML are read as ExcelJS reads them (worked out by hand from cell-xform.js)", async () => {
    const buf = await tilfaelde.find(([n]) => n.startsWith("a bare <c/>"))![2]();
    const v = (await laesSkemaBuffer(buf)).vaerdier;
    expect([v.TS_Tilbud, v.TS_Driftsherre, v.TS_Maalgruppe, v.TS_Dage, v.TS_BelaegningAarMinus1]).toEqual([null, "Odense & Omegn", "Botilbud", false, { error: "#DIV/0!" }]);
    expect(v.TS_Loen).toBe(14_250_000);
    // cell-xform.js: parseInt(value, 10) !== 0, so "2" is TRUE.
    expect(v.TS_BelaegningAarMinus2).toBe(true);
    expect(v.TS_Udvikling).toBeNaN();
  });
});
