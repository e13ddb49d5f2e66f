import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EksportRaekke, KOLONNER, somXlsx } from "../../src/server/indberetninger/eksport";
import { takstoversigtXlsx } from "../../src/server/offentliggoerelse/filer";
import type { TakstoversigtRaekke } from "../../src/server/offentliggoerelse/raekker";
import { medLibreOffice, sofficeSti } from "../helpers/miljoe";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// Issue 14, acceptance 3: the published takstoversigt .xlsx opens in LibreOffice and prints on
// landscape pages with the heading row on every page. Pages as PNG go to tests/artifacts/
// (the README's pictures docs/billeder/takstoversigt-side-*.png are made the same way).
const ARTEFAKTER = join(__dirname, "..", "artifacts");

/** 140 made-up takster (70 tilbud with two ydelser): more than one landscape page. */
function raekker(): TakstoversigtRaekke[] {
  return Array.from({ length: 140 }, (_, i) => ({
    driftsherre: ["Odense Kommune", "Vejle Kommune", "Region Syddanmark"][i % 3]!,
    tilbud: `Bostedet nr. ${Math.floor(i / 2) + 1}`,
    tilbudsportalId: String(5000 + Math.floor(i / 2)),
    lovgrundlag: "SEL § 108",
    ydelse: i % 2 === 0 ? "Gruppe A: moderat støtte" : "Gruppe B: omfattende støtte",
    takstenhed: "døgn",
    pladser: 10,
    belaegning: 0.95,
    takst: 1484 + i,
    basistakst: 1000,
    servicetakst: 484 + i,
    sidsteAarsTakst: 1460,
    takstudvikling: -0.0025,
    aendretIAaret: i === 3 ? "2018-03-01T10:00:00.000Z" : null,
    aendringBegrundelse: i === 3 ? "Ny overenskomst" : null,
    gyldigFra: i === 3 ? "2018-04-01" : "2018-01-01",
    gyldigTil: null,
    art: i === 3 ? ("takstforhoejelse" as const) : ("offentliggjort" as const),
    indberetningId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    nummer: `SYD-2018-${String(i + 1).padStart(4, "0")}`,
  }));
}

/** The secretariat's export: 150 made-up rows, more than one landscape page. */
function eksportRaekker(): EksportRaekke[] {
  return Array.from({ length: 150 }, (_, i) => ({
    driftsherre: ["Odense Kommune", "Vejle Kommune", "Region Syddanmark"][i % 3]!,
    tilbud: `Bostedet nr. ${Math.floor(i / 2) + 1}`,
    ydelse: i % 2 === 0 ? "Gruppe A: moderat støtte" : "Gruppe B: omfattende støtte",
    takstaar: 2018,
    version: 1,
    takst: 1484 + i,
    sidsteAarsTakst: 1460,
    plPct: 0.02,
    takstudvikling: -0.0025,
  }));
}

/** The file as LibreOffice prints it: page count, page size (points), and each page's text. */
function somPdf(dir: string, navn: string, xlsx: Buffer): { antal: number; stoerrelse: number[]; sider: string[]; pdf: string } {
  const fil = join(dir, navn);
  writeFileSync(fil, xlsx);
  execFileSync(sofficeSti()!, [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, fil], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
  const pdf = fil.replace(/\.xlsx$/, ".pdf");
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const antal = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const [, b, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
  const sider = Array.from({ length: antal }, (_, i) => execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }));
  return { antal, stoerrelse: [Math.round(Number(b)), Math.round(Number(h))], sider, pdf };
}

/** The height in points of the word `ord` the first time page 1 has it (its font size, near enough). */
function ordHoejde(pdf: string, ord: string): number {
  const html = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  const m = new RegExp(`<word xMin="[\\d.]+" yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${ord}</word>`).exec(html);
  if (!m) throw new Error(`${ord} findes ikke på side 1`);
  return Number(m[2]!) - Number(m[1]!);
}

medLibreOffice()("the secretariat's export in LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "eksport-lo-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints on A4 landscape with every column on each page (pages = row pages, not columns over 3 pages)", async () => {
    const { antal, stoerrelse, sider } = somPdf(dir, "takster-2018.xlsx", await somXlsx(eksportRaekker()));
    expect(stoerrelse).toEqual([842, 595]);
    expect(antal).toBeGreaterThanOrEqual(2);
    for (const [i, tekst] of sider.entries()) {
      // The first and the last column, heading and data, on every page.
      expect({ side: i + 1, foerste: tekst.includes(KOLONNER[0]), sidste: tekst.includes(KOLONNER[8]), data: /Kommune|Region/.test(tekst) && /-0[.,]3 ?%/.test(tekst) }).toEqual({ side: i + 1, foerste: true, sidste: true, data: true });
      expect(tekst).toContain(`Side ${i + 1} af ${antal}`);
    }
  });
});

medLibreOffice()("the published takstoversigt in LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "takstoversigt-lo-"));
    mkdirSync(ARTEFAKTER, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints on A4 landscape pages, each with the heading row and 'Side x af y'", async () => {
    const xlsx = join(dir, "takstoversigt-2018.xlsx");
    if (process.env.BEHOLD_PDF) dir = process.env.BEHOLD_PDF;
    writeFileSync(xlsx, await takstoversigtXlsx(2018, "2018-01-15T09:00:00.000Z", raekker()));
    execFileSync(sofficeSti()!, [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
    const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const antal = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(antal).toBeGreaterThanOrEqual(2);
    // A4 landscape: 842 × 595 points (wider than high).
    const [, b, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect([Math.round(Number(b)), Math.round(Number(h))]).toEqual([842, 595]);
    for (let side = 1; side <= antal; side++) {
      const tekst = execFileSync("pdftotext", ["-layout", "-f", String(side), "-l", String(side), pdf, "-"], { encoding: "utf8" });
      // The heading row (its first and last columns) on every page, and the footer.
      expect({ side, hoved: /Driftsherre\s+Tilbud\s+Tilbudsportal-ID/.test(tekst) && tekst.includes("Ændret i året") }).toEqual({ side, hoved: true });
      expect(tekst).toContain(`Side ${side} af ${antal}`);
    }
    // Fitted to width: the last column is on page 1, with Danish formats (LibreOffice uses the file's codes).
    const side1 = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
    expect(side1.replace(/\s+/g, " ")).toMatch(/01\.03\.2018: Ny( overenskomst)?/); // wrapped in its cell since issue 20
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(dir, "takstoversigt-side")], { timeout: PROGRAM_VENTETID_MS });
    for (let side = 1; side <= antal; side++) {
      const navn = `takstoversigt-side-${side}.png`;
      if (existsSync(join(dir, navn))) copyFileSync(join(dir, navn), join(ARTEFAKTER, navn));
    }
  });

  it("one long reason is wrapped in its cell and does not shrink all text on the page", async () => {
    const kort = somPdf(dir, "kort.xlsx", await takstoversigtXlsx(2018, "2018-01-15T09:00:00.000Z", raekker()));
    const lang = raekker();
    lang[3]!.aendringBegrundelse = "Ny overenskomst for pædagogisk personale med virkning fra 1. marts, som hæver lønnen på botilbuddet; godkendt af sekretariatet efter dialog med kommunen om belægningen og den nye normering";
    const medLang = somPdf(dir, "lang.xlsx", await takstoversigtXlsx(2018, "2018-01-15T09:00:00.000Z", lang));
    const foer = ordHoejde(kort.pdf, "Driftsherre");
    const efter = ordHoejde(medLang.pdf, "Driftsherre");
    expect({ foer, efter: Math.round((efter / foer) * 100) }).toEqual({ foer, efter: 100 });
    // The whole reason is printed (wrapped), with every column still on the page.
    expect(medLang.sider.join(" ").replace(/\s+/g, " ")).toContain("normering");
    expect(medLang.stoerrelse).toEqual([842, 595]);
  });
});
