import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { lavArbejdsbog } from "../../src/cli/skabelon";
import { skabelonLayout } from "../../src/takstskema";
import { eksempel, REGISTER } from "../takstskema/hjaelp";
import { medLibreOffice, sofficeSti } from "../helpers/miljoe";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// Acceptance 4: LibreOffice opens the generated workbooks (so they are valid outside ExcelJS)
// and the first page is rendered to PNG, kept in tests/artifacts/ (gitignored).
const ARTEFAKTER = join(__dirname, "..", "artifacts");

medLibreOffice()("the template in LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "takstskema-lo-"));
    mkdirSync(ARTEFAKTER, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function tilPng(xlsx: string, navn: string): string {
    const profil = `file://${join(dir, `profil-${navn}`)}`;
    execFileSync(sofficeSti()!, [`-env:UserInstallation=${profil}`, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
    const pdf = xlsx.replace(/\.xlsx$/, ".pdf");
    expect(existsSync(pdf)).toBe(true);
    execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, join(dir, navn)], { timeout: PROGRAM_VENTETID_MS });
    const png = join(dir, `${navn}.png`);
    copyFileSync(png, join(ARTEFAKTER, `${navn}.png`));
    return png;
  }

  it.each([["skabelon-syd-2018", false], ["eksempel-botilbud-syd-2018", true]])("%s converts to PDF and renders a page", async (navn, udfyldt) => {
    const wb = udfyldt ? await udfyldtArbejdsbog(eksempel(), REGISTER) : await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")));
    const xlsx = join(dir, `${navn}.xlsx`);
    await wb.xlsx.writeFile(xlsx);
    const png = tilPng(xlsx, navn);
    const buf = readFileSync(png);
    expect(buf.subarray(1, 4).toString("latin1")).toBe("PNG");
    // A blank page at 80 dpi compresses to a few kB; the rendered form is far larger.
    expect(statSync(png).size).toBeGreaterThan(30_000);
  });
});
