import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { lavArbejdsbog, xlsxBytes } from "../../src/cli/skabelon";
import { FUNKTIONER } from "../../src/functions/beskrivelser";
import { validerFil } from "../../src/cli/valider";
import { markerDynamiske } from "../../src/cli/xlsxEfterbehandling";
import { TILFOEJELSE } from "../../src/cli/webudvidelse";
import { ARKNAVN, CELLER, FELTER, SPILDENDE_SOC, skabelonLayout, spilder } from "../../src/takstskema";
import { EKSEMPEL_STI, FORVENTET, I_TIDE, REGISTER } from "../takstskema/hjaelp";

// Issue 13: the .xlsx the CLI writes carries the add-in (web extension + task pane parts) and
// stores SOC calls as dynamic-array formulas. The expected XML is written out by hand from
// [MS-OWEXML] and Microsoft's "Automatically open a task pane with a document".
const ROD = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROD, "manifest.xml"), "utf8");
const stille = { out: () => undefined, err: () => undefined };

let dir: string;
let skabelon: JSZip;
let udfyldt: JSZip;
let udfyldtSti: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "takstskema-dele-"));
  expect(await main(["skabelon", "--regelsaet", "SYD-2018", "--ud", join(dir, "skabelon.xlsx")], stille)).toBe(0);
  udfyldtSti = join(dir, "udfyldt.xlsx");
  expect(await main(["udfyld", EKSEMPEL_STI, "--ud", udfyldtSti], stille)).toBe(0);
  skabelon = await JSZip.loadAsync(readFileSync(join(dir, "skabelon.xlsx")));
  udfyldt = await JSZip.loadAsync(readFileSync(udfyldtSti));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const del = async (zip: JSZip, sti: string) => {
  const f = zip.file(sti);
  expect(f).not.toBeNull();
  return f!.async("string");
};

/** The <c> element of a cell in the sheet XML. */
function celleXml(ark: string, adresse: string): string {
  const m = new RegExp(`<c r="${adresse}"[^>]*?(?:/>|>.*?</c>)`).exec(ark);
  expect(m).not.toBeNull();
  return m![0];
}

describe.each([["skabelon", () => skabelon], ["udfyldt skema", () => udfyldt]])("the %s names the add-in, opens its task pane, and stores formulas", (_navn, zip) => {
  it("webextension1.xml references the manifest's add-in and asks for the pane with the document", async () => {
    const we = await del(zip(), "xl/webextensions/webextension1.xml");
    const id = /<Id>([^<]+)<\/Id>/.exec(MANIFEST)![1]!;
    const version = /<Version>([^<]+)<\/Version>/.exec(MANIFEST)![1]!;
    expect(TILFOEJELSE).toEqual({ id, version });
    expect(we).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
    expect(we).toMatch(/<we:webextension xmlns:we="http:\/\/schemas.microsoft.com\/office\/webextensions\/webextension\/2010\/11" id="\{[0-9A-F-]{36}\}">/);
    expect(we).toContain(`<we:reference id="${id}" version="${version}" store="EXCatalog" storeType="EXCatalog"/>`);
    expect(we).toContain(`<we:alternateReferences><we:reference id="${id}" version="${version}" store="developer" storeType="Registry"/></we:alternateReferences>`);
    expect(we).toContain('<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>');
    // The manifest's ShowTaskpane action carries the reserved id the property refers to.
    expect(MANIFEST).toContain("<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>");
  });

  it("taskpanes.xml shows the pane docked right, with its relationship to the web extension", async () => {
    const tp = await del(zip(), "xl/webextensions/taskpanes.xml");
    expect(tp).toContain('<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11">');
    expect(tp).toContain('<wetp:taskpane dockstate="right" visibility="1" width="350" row="0">');
    expect(tp).toContain('<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>');
    const rels = await del(zip(), "xl/webextensions/_rels/taskpanes.xml.rels");
    expect(rels).toContain('<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/>');
  });

  it("the package root relates the task panes, and both parts have their content types", async () => {
    const rod = await del(zip(), "_rels/.rels");
    expect(rod).toMatch(/<Relationship Id="rId\d+" Type="http:\/\/schemas.microsoft.com\/office\/2011\/relationships\/webextensiontaskpanes" Target="xl\/webextensions\/taskpanes.xml"\/>/);
    expect(rod).toContain('Target="xl/workbook.xml"');
    const ids = [...rod.matchAll(/Id="(rId\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const ct = await del(zip(), "[Content_Types].xml");
    expect(ct).toContain('<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>');
    // Not related from the workbook as well (Excel relates them from the root only).
    expect(await del(zip(), "xl/_rels/workbook.xml.rels")).not.toContain("webextension");
  });

  it("scalar SOC calls and native formulas stay plain formulas (LibreOffice keeps their cached values)", async () => {
    const ark = await del(zip(), "xl/worksheets/sheet1.xml");
    const adresse = (navn: keyof typeof CELLER) => CELLER[navn].split("!")[1]!;
    for (const navn of ["TS_Overhead", "TS_Takstgrundlag"] as const) {
      const c = celleXml(ark, adresse(navn));
      expect(c).not.toContain("cm=");
      expect(c).toMatch(/<f>/);
    }
    // Only formulas of spilling SOC functions are dynamic arrays, and the metadata part exists only for them.
    const spildende = FELTER.filter((f) => "formel" in f && spilder(String(f.formel)));
    expect([...ark.matchAll(/cm="1"/g)]).toHaveLength(spildende.length);
    expect(zip().file("xl/metadata.xml") === null).toBe(spildende.length === 0);
  });
});

describe("the file still opens and validates", () => {
  it("ExcelJS opens the filled skema: formulas, cached results and names intact", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(udfyldtSti) as unknown as ArrayBuffer);
    const [ark, adr] = CELLER.TS_Overhead.split("!") as [string, string];
    const v = wb.getWorksheet(ark)!.getCell(adr).value as ExcelJS.CellFormulaValue;
    expect(v.formula).toBe("ROUND(TS_OverheadGrundlag*TS_OverheadSats,0)");
    expect(v.result).toBe(FORVENTET.overhead);
    // The rows the layout makes taller, and no other, as the print plan counts them.
    const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
    const hoejder: Record<number, number> = {};
    wb.getWorksheet(ark)!.eachRow({ includeEmpty: true }, (r, nr) => {
      if (r.height !== undefined) hoejder[nr] = r.height;
    });
    expect(hoejder).toEqual(layout.raekkeHoejder);
  });

  it("the CLI validates its own filled skema without findings of error severity", async () => {
    const r = await validerFil(udfyldtSti, REGISTER, I_TIDE);
    expect(r.fejl).toBeUndefined();
    expect(r.resultat!.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.resultat!.beregnet!.takst).toBe(FORVENTET.takst);
  });

  it("two files get different web extension instance ids (Excel keys open instances by it)", async () => {
    const a = await del(udfyldt, "xl/webextensions/webextension1.xml");
    const b = await del(skabelon, "xl/webextensions/webextension1.xml");
    const id = (s: string) => /<we:webextension [^>]*id="([^"]+)"/.exec(s)![1];
    expect(id(a)).not.toBe(id(b));
  });
});

describe("spilling SOC functions are dynamic-array formulas", () => {
  it("cm=1 on the anchor cell, t=array over the spill range, XLDAPR metadata related from the workbook", async () => {
    const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
    // A cell with SOC.EFTERREG.MODEL (7 × 2), right of the template's columns (B-K, with merged rows).
    layout.celler.push({ adresse: "M10", formel: "SOC.EFTERREG.MODEL(TS_A1,TS_A2,TS_A3,TS_A6)", spild: "M10:N16", laast: true });
    const zip = await JSZip.loadAsync(await xlsxBytes(await lavArbejdsbog(layout)));
    const ark = await del(zip, "xl/worksheets/sheet1.xml");
    expect(celleXml(ark, "M10")).toMatch(/^<c r="M10"[^>]* cm="1"><f t="array" ref="M10:N16">_xldudf_SOC_EFTERREG_MODEL\(TS_A1,TS_A2,TS_A3,TS_A6\)<\/f>/);
    expect([...ark.matchAll(/cm="1"/g)]).toHaveLength(1);
    const meta = await del(zip, "xl/metadata.xml");
    expect(meta).toContain('<metadataType name="XLDAPR" minSupportedVersion="120000"');
    expect(meta).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(meta).toContain('<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>');
    expect(await del(zip, "xl/_rels/workbook.xml.rels")).toMatch(/Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/sheetMetadata" Target="metadata.xml"\/>/);
    expect(await del(zip, "[Content_Types].xml")).toContain('<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>');
    // ExcelJS still opens it and sees the array formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ArrayBuffer);
    const v = wb.getWorksheet(ARKNAVN)!.getCell("M10").value as ExcelJS.CellFormulaValue & { shareType?: string; ref?: string };
    expect(v).toEqual(expect.objectContaining({ formula: "_xldudf_SOC_EFTERREG_MODEL(TS_A1,TS_A2,TS_A3,TS_A6)", shareType: "array", ref: "M10:N16" }));
  });

  it("the list of spilling functions is the functions with a matrix result", () => {
    const matrix = FUNKTIONER.filter((b) => b.resultat.dimensionality === "matrix").map((b) => `SOC.${b.id}`).sort();
    expect([...SPILDENDE_SOC].sort()).toEqual(matrix);
    expect(spilder("IF(A1=\"\",\"\",_xldudf_SOC_TAKSTSTRUKTUR(1,2))")).toBe(true);
    expect(spilder("SOC.TAKST(1,2,3)")).toBe(false);
  });
});

describe("markerDynamiske", () => {
  it("marks array formulas once and leaves other cells alone", () => {
    const xml = '<c r="A1" s="2"><f t="array" ref="A1:A3">X()</f><v>1</v></c><c r="B1"><f>SUM(A1)</f></c><c r="C1" cm="1"><f t="array" ref="C1">Y()</f></c>';
    expect(markerDynamiske(xml)).toEqual({
      xml: '<c r="A1" s="2" cm="1"><f t="array" ref="A1:A3">X()</f><v>1</v></c><c r="B1"><f>SUM(A1)</f></c><c r="C1" cm="1"><f t="array" ref="C1">Y()</f></c>',
      antal: 1,
    });
  });
});
