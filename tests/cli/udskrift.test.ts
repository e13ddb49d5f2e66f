import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { CELLER, FELTER, SEKTIONER, skabelonLayout, udskrift } from "../../src/takstskema";
import { medLibreOffice, sofficeSti } from "../helpers/miljoe";
import { EKSEMPEL_STI, eksempel, REGISTER } from "../takstskema/hjaelp";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// Issue 13, acceptance 2: the PDF LibreOffice makes of a skema filled by the CLI
// (`takstskema udfyld` with the shipped example) has the planned pages, no section's rows on two
// pages, the headings on every page and the footer. The pages are also rendered to PNG in
// tests/artifacts/ (the README's pictures in docs/billeder/ are made the same way).
const ARTEFAKTER = join(__dirname, "..", "artifacts");
const stille = { out: () => undefined, err: () => undefined };

/** Lines of a page as pdftotext -layout gives them, trimmed. */
function linjer(pdf: string, side: number): string[] {
  return execFileSync("pdftotext", ["-layout", "-f", String(side), "-l", String(side), pdf, "-"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim());
}

/** True when a line begins with the label as its own cell (followed by a gap or the end). */
const begynderMed = (linje: string, etiket: string) => linje === etiket || linje.startsWith(`${etiket}  `);

medLibreOffice()("the printed skema (LibreOffice PDF)", () => {
  let dir: string;
  let pdf: string;
  let sider: string[][];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "takstskema-pdf-"));
    const xlsx = join(dir, "botilbud-syd-2018.xlsx");
    expect(await main(["udfyld", EKSEMPEL_STI, "--ud", xlsx], stille)).toBe(0);
    execFileSync(sofficeSti()!, [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
    pdf = join(dir, "botilbud-syd-2018.pdf");
    const antal = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
    sider = Array.from({ length: antal }, (_, i) => linjer(pdf, i + 1));
    mkdirSync(ARTEFAKTER, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(dir, "udskrift")], { timeout: PROGRAM_VENTETID_MS });
    for (let i = 1; i <= antal; i++) copyFileSync(join(dir, `udskrift-${i}.png`), join(ARTEFAKTER, `udskrift-side-${i}.png`));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has exactly the planned pages: one more than the manual breaks, no page of overflowing columns", () => {
    const plan = udskrift(skabelonLayout(REGISTER.hent("SYD-2018")));
    expect(sider.length).toBe(plan.sideskift.length + 1);
    // Every page carries skema rows (a page split off to the right would carry only help texts).
    for (const s of sider) expect(s.some((l) => /^(skal|kan|beregnet|automatisk)\b/.test(l.split(/\s{2,}/)[1] ?? ""))).toBe(true);
  });

  it("no section's rows span two pages", () => {
    const sideFor = (etiket: string) => sider.map((s, i) => (s.some((l) => begynderMed(l, etiket)) ? i + 1 : 0)).filter((i) => i > 0);
    for (const sektion of SEKTIONER) {
      const overskrift = sideFor(sektion);
      expect([sektion, overskrift]).toEqual([sektion, [expect.any(Number)]]);
      for (const f of FELTER.filter((x) => x.sektion === sektion)) {
        expect([f.etiket, sideFor(f.etiket)]).toEqual([f.etiket, overskrift]);
      }
    }
  });

  it("repeats the column headings and prints the footer on every page", () => {
    const e = eksempel();
    sider.forEach((s, i) => {
      expect(s.some((l) => /^Felt\s+Skal\/kan\s+Værdi\s+Enhed\s+Hjælp$/.test(l))).toBe(true);
      const fod = s.filter((l) => l !== "").at(-1)!;
      expect(fod).toContain(`${e.TS_Driftsherre} · ${e.TS_Tilbud} · Takstår 2018`);
      expect(fod).toContain("Ikke indsendt");
      expect(fod).toMatch(new RegExp(`Side ${i + 1} af ${sider.length}$`));
    });
  });

  it("shows a percentage once: no unit column after a percent value", () => {
    const alt = sider.flat();
    expect(alt.some((l) => begynderMed(l, "Overheadsats") && /4\.40%(\s|$)/.test(l))).toBe(true);
    expect(alt.some((l) => /%\s+%/.test(l))).toBe(false);
  });
});

// A begrundelse of several sentences (as the secretariat asks for them) printed whole: its cell
// wraps and its row grows; before, the text ran under the help column and was cut at the cell.
const LANG_BEGRUNDELSE =
  "Normeringen er øget med to årsværk i nattevagten efter tilsynets anbefaling, og en ny gruppe borgere med omfattende støttebehov er flyttet ind i efteråret. " +
  "Samtidig er huslejen steget efter renoveringen af fællesarealerne. Afslutningsord: kvadratrodsbegrundelse.";

medLibreOffice()("a long begrundelse in the printed skema (LibreOffice PDF)", () => {
  let dir: string;
  let tekst: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "takstskema-lang-"));
    const json = join(dir, "lang.json");
    writeFileSync(json, JSON.stringify({ ...eksempel(), TS_UdviklingBegrundelse: LANG_BEGRUNDELSE }));
    const xlsx = join(dir, "lang.xlsx");
    expect(await main(["udfyld", json, "--ud", xlsx], stille)).toBe(0);
    execFileSync(sofficeSti()!, [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
    tekst = execFileSync("pdftotext", [join(dir, "lang.pdf"), "-"], { encoding: "utf8" });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints every word of a long begrundelse: the cell wraps and the row grows, nothing is cut", () => {
    // The cell's lines come out one after the other; LibreOffice breaks a word longer than the column.
    const uden = (t: string) => t.replace(/\s+/g, "");
    expect(uden(tekst)).toContain(uden(LANG_BEGRUNDELSE));
  });
});

describe("a long begrundelse's row grows in the file the CLI writes, and the print plan counts it", () => {
  it("wraps the cell and sets the row's height from its lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "takstskema-lang-"));
    try {
      const json = join(dir, "lang.json");
      writeFileSync(json, JSON.stringify({ ...eksempel(), TS_UdviklingBegrundelse: LANG_BEGRUNDELSE }));
      const xlsx = join(dir, "lang.xlsx");
      expect(await main(["udfyld", json, "--ud", xlsx], stille)).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      const celle = wb.worksheets[0]!.getCell(CELLER.TS_UdviklingBegrundelse.split("!")[1]!);
      expect(celle.value).toBe(LANG_BEGRUNDELSE);
      expect(celle.alignment?.wrapText).toBe(true);
      // 293 characters in column D (18 wide): at least 17 lines of 15 points.
      expect(wb.worksheets[0]!.getRow(Number(celle.row)).height).toBeGreaterThanOrEqual(17 * 15);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("print setup written by the CLI (ExcelJS)", () => {
  it("fixed scale (not Fit To, which would drop the breaks), print titles, breaks and the receipt in the footer", async () => {
    const dir = mkdtempSync(join(tmpdir(), "takstskema-pdf-"));
    try {
      const json = join(dir, "ind.json");
      writeFileSync(json, JSON.stringify({ ...eksempel(), TS_Kvittering: "ind_7f3a", TS_Tilbud: "Bo & Liv" }));
      const xlsx = join(dir, "ud.xlsx");
      expect(await main(["udfyld", json, "--ud", xlsx], stille)).toBe(0);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.pageSetup.fitToPage).toBeFalsy();
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.pageSetup.printTitlesRow).toBe("12:12");
      // "&" in a name is doubled: a single one would start an Excel header/footer code.
      expect(ws.headerFooter.oddFooter).toBe("&L&8Odense Kommune · Bo && Liv · Takstår 2018&C&8Kvittering ind_7f3a&R&8Side &P af &N");
      // ExcelJS does not read page breaks back: read them from the sheet XML.
      const ark = await (await JSZip.loadAsync(readFileSync(xlsx))).file("xl/worksheets/sheet1.xml")!.async("string");
      const brud = [...ark.matchAll(/<brk id="(\d+)"[^>]* man="1"\/>/g)].map((m) => Number(m[1]));
      expect(brud.length).toBeGreaterThan(0);
      expect(brud).toEqual(udskrift(skabelonLayout(REGISTER.hent("SYD-2018"))).sideskift);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
