import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { takstoversigtXlsx } from "../../src/server/offentliggoerelse/filer";
import type { TakstoversigtRaekke } from "../../src/server/offentliggoerelse/raekker";
import { medLibreOffice, sofficeSti } from "../helpers/miljoe";

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
  }));
}

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
    execFileSync(sofficeSti()!, [`-env:UserInstallation=file://${join(dir, "profil")}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: 90_000, stdio: "pipe" });
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
    expect(side1).toContain("Ny overenskomst");
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, join(dir, "takstoversigt-side")], { timeout: 30_000 });
    for (let side = 1; side <= antal; side++) {
      const navn = `takstoversigt-side-${side}.png`;
      if (existsSync(join(dir, navn))) copyFileSync(join(dir, navn), join(ARTEFAKTER, navn));
    }
  }, 120_000);
});
