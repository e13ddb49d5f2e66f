import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { lavArbejdsbog } from "../../src/cli/skabelon";
import { skabelonLayout } from "../../src/takstskema";
import { eksempel, REGISTER } from "../takstskema/hjaelp";
import { aendrXlsx, zipBombe } from "../helpers/zip";

// Issue 16, the CLI: hostile files are refused from their sizes before parsing (exit 2, a
// Danish reason, the other files of a batch still reported), workbook text cannot steer the
// terminal, and the first five minutes (help, file errors, dates, grammar). Memory is bounded
// by outcome: the child reports its peak (tests/helpers/toprss.cjs) and runs with a small heap.

const ROD = join(__dirname, "..", "..");
const EKSEMPEL = join(ROD, "examples", "botilbud-syd-2018.xlsx");
const run = promisify(execFile);
/** Far below the gigabytes ExcelJS takes for these files; a Node process with tsx is ~150 MB. */
const MAKS_MB = 400;
/** What must never reach the terminal raw: ESC, BEL, the 8-bit CSI and a right-to-left override. */
// eslint-disable-next-line no-control-regex -- these control characters are what is looked for
const RAA_STYRETEGN = /[\u001b\u0007\u009b\u202e]/;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; peakMb: number }> {
  const argv = ["--max-old-space-size=256", "-r", join(ROD, "tests", "helpers", "toprss.cjs"), join(ROD, "bin", "takstskema.js"), ...args];
  let r: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(process.execPath, argv, { cwd: ROD, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    r = { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    r = { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
  const kb = Number(/toprss_kb=(\d+)/.exec(r.stderr)?.[1]);
  return { ...r, stderr: r.stderr.replace(/\ntoprss_kb=\d+\n/, ""), peakMb: kb / 1024 };
}

let dir: string;
let bombe: string;
let loegn: string;
let flettet: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "takstskema-fjendtlig-"));
  const skema = readFileSync(EKSEMPEL);
  bombe = join(dir, "bombe.xlsx");
  writeFileSync(bombe, zipBombe(skema, 2500));
  loegn = join(dir, "loegn.xlsx");
  writeFileSync(loegn, zipBombe(skema, 2500, true));
  // The template with its merges replaced by one sheet-wide merged range.
  flettet = join(dir, "flettet.xlsx");
  const skabelon = Buffer.from(await (await lavArbejdsbog(skabelonLayout(REGISTER.hent("SYD-2018")))).xlsx.writeBuffer());
  writeFileSync(flettet, aendrXlsx(skabelon, {
    "xl/worksheets/sheet1.xml": (x) => x.replace(/<mergeCells[^>]*>.*?<\/mergeCells>/, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
  }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostile .xlsx files", () => {
  it("the files are what the issue describes", () => {
    expect(readFileSync(bombe).length).toBeLessThan(3 * 1024 * 1024);
    expect(readFileSync(flettet).length).toBeLessThan(30 * 1024);
    expect(readFileSync(flettet).toString("latin1")).not.toContain("B9:F9");
  });

  it("a 2.5 MB zip bomb (2,500 MB inflated): exit 2 with a Danish reason, memory bounded", async () => {
    const r = await cli("valider", bombe);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("er for stor til at blive læst sikkert");
    expect(r.stderr).toContain("zip-bombe");
    expect(r.peakMb).toBeLessThan(MAKS_MB);
  });

  it("a zip bomb whose directory lies about its size is caught while inflating, memory bounded", async () => {
    const r = await cli("valider", loegn);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kan ikke læses som \.xlsx; filen er beskadiget .*xl\/worksheets\/sheet1\.xml/);
    expect(r.peakMb).toBeLessThan(MAKS_MB);
  });

  it("a small file with one sheet-wide merged range: exit 2, cells counted before ExcelJS", async () => {
    const r = await cli("valider", flettet, "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, fejl: expect.stringContaining("flettede områder talt celle for celle") });
    expect(r.peakMb).toBeLessThan(MAKS_MB);
  });

  it("a batch keeps the other files' results", async () => {
    const mappe = mkdtempSync(join(dir, "batch-"));
    copyFileSync(EKSEMPEL, join(mappe, "a.xlsx"));
    copyFileSync(bombe, join(mappe, "b.xlsx"));
    copyFileSync(flettet, join(mappe, "c.xlsx"));
    const json = await cli("valider", mappe, "--json", "--indsendt", "2017-11-10");
    expect(json.code).toBe(2);
    const svar = JSON.parse(json.stdout) as { fil: string; ok: boolean; fejl?: string }[];
    expect(svar.map((s) => [s.fil.slice(-6), s.ok, s.fejl === undefined])).toEqual([["a.xlsx", true, true], ["b.xlsx", false, false], ["c.xlsx", false, false]]);
    const tekst = await cli("valider", mappe, "--indsendt", "2017-11-10");
    expect(tekst.stdout).toContain("3 filer: 1 godkendt, 0 afvist, 2 kan ikke læses.");
  });

  it("a 100,000-character text is refused with TS002 before any pattern sees it (and not also TS001)", async () => {
    const fil = join(dir, "lang.xlsx");
    // Put in after the template is filled: udfyldtArbejdsbog validates its input, which is what is being avoided.
    const wb = await udfyldtArbejdsbog({ ...eksempel(), TS_Loen: "LANGLOEN", TS_Tilbud: "LANGTILBUD" }, REGISTER);
    writeFileSync(fil, aendrXlsx(Buffer.from(await wb.xlsx.writeBuffer()), {
      "xl/sharedStrings.xml": (x) => x.replace("<t>LANGLOEN</t>", `<t xml:space="preserve">1${" ".repeat(100_000)}x</t>`).replace("<t>LANGTILBUD</t>", `<t>${"a".repeat(100_000)}</t>`),
    }));
    const r = await cli("valider", fil, "--json", "--indsendt", "2017-11-10");
    expect(r.code).toBe(1);
    const fund = (JSON.parse(r.stdout) as { findings: { code: string; field: string; message: string }[] }).findings;
    const om = (felt: string) => fund.filter((f) => f.field === felt).map((f) => f.code);
    expect(om("TS_Loen")).toEqual(["TS002"]);
    expect(om("TS_Tilbud")).toEqual(["TS002"]);
    expect(fund.find((f) => f.field === "TS_Loen")!.message).toContain("100.002 tegn");
  });
});

describe("terminal escape codes from cells and file names", () => {
  it("are printed escaped in the report, on stdout and stderr", async () => {
    const mappe = mkdtempSync(join(dir, "escape-"));
    // XML cannot hold ESC or BEL, but Excel's _xHHHH_ escapes can, and ExcelJS decodes them.
    const wb = await udfyldtArbejdsbog({ ...eksempel(), TS_Loen: "ESCAPES", TS_Takstenhed: "døgn\u009b31m\u202e" }, REGISTER);
    writeFileSync(join(mappe, "skema\u001b[31m.xlsx"), aendrXlsx(Buffer.from(await wb.xlsx.writeBuffer()), {
      "xl/sharedStrings.xml": (x) => x.replace("<t>ESCAPES</t>", "<t>_x001B_]0;hacked_x0007__x001B_[2J</t>"),
    }));
    writeFileSync(join(mappe, "ulaeselig\u001b[1A.xlsx"), "ikke en zip");
    const r = await cli("valider", mappe, "--indsendt", "2017-11-10");
    expect(r.code).toBe(2);
    for (const s of [r.stdout, r.stderr]) expect(s).not.toMatch(RAA_STYRETEGN);
    expect(r.stdout).toContain("skema\\x1b[31m.xlsx: AFVIST");
    expect(r.stdout).toContain("\\x1b]0;hacked\\x07\\x1b[2J");
    expect(r.stdout).toContain("døgn\\x9b31m\\u202e");
    expect(r.stderr).toContain("ulaeselig\\x1b[1A.xlsx");
    const json = await cli("valider", mappe, "--json", "--indsendt", "2017-11-10");
    expect(json.stdout).not.toMatch(RAA_STYRETEGN);
    // Still JSON with the same text.
    expect((JSON.parse(json.stdout) as { fil: string }[])[0]!.fil).toContain("skema\u001b[31m.xlsx");
  });
});

describe("the first five minutes", () => {
  it("--help and hjaelp print the usage and exit 0; no arguments is a usage error (exit 2)", async () => {
    for (const args of [["--help"], ["valider", "--help"], ["hjaelp"]]) {
      const r = await cli(...args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 0]);
      expect(r.stdout).toContain("takstskema valider");
    }
    expect((await cli()).code).toBe(2);
  });

  it("a missing file: Danish, printed once, no ENOENT", async () => {
    const r = await cli("valider", join(dir, "findes-ikke.xlsx"));
    expect(r.code).toBe(2);
    const alt = r.stdout + r.stderr;
    expect(alt.match(/den findes ikke/g)).toHaveLength(1);
    expect(alt).not.toMatch(/ENOENT|no such file/i);
    expect(r.stdout).toContain("findes-ikke.xlsx: KAN IKKE LÆSES");
  });

  it("udfyld and skabelon: file and JSON errors in Danish, no raw ENOENT or parser text", async () => {
    const ud = join(dir, "ud.xlsx");
    const mangler = await cli("udfyld", join(dir, "mangler.json"), "--ud", ud);
    expect([mangler.code, mangler.stderr]).toEqual([2, expect.stringContaining("den findes ikke")]);
    const ugyldig = join(dir, "ugyldig.json");
    writeFileSync(ugyldig, '{\n  "TS_Regelsaet": "SYD-2018",\n  "TS_Loen": 14250000,\n}\n');
    const json = await cli("udfyld", ugyldig, "--ud", ud);
    expect([json.code, json.stderr]).toEqual([2, expect.stringContaining("er ikke gyldig JSON (fejl i linje 4)")]);
    const forkert = join(dir, "liste.json");
    writeFileSync(forkert, "[1, 2]");
    expect((await cli("udfyld", forkert, "--ud", ud)).stderr).toContain("skal være et JSON-objekt");
    const mappe = await cli("skabelon", "--regelsaet", "SYD-2018", "--ud", join(dir, "findes", "ikke", "skema.xlsx"));
    expect([mappe.code, mappe.stderr]).toEqual([2, expect.stringContaining("mappen findes ikke")]);
    for (const r of [mangler, json, mappe]) expect(r.stderr).not.toMatch(/ENOENT|Unexpected token|JSON at position|no such file/);
  });

  it("--indsendt 2017-02-30 is refused; 2017-02-28 is accepted", async () => {
    const r = await cli("valider", EKSEMPEL, "--indsendt", "2017-02-30");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--indsendt skal være en dato, der findes");
    expect((await cli("valider", EKSEMPEL, "--indsendt", "2017-02-28")).code).toBe(0);
  });

  it('a folder with one file says "1 fil"', async () => {
    const mappe = join(dir, "en");
    mkdirSync(mappe);
    copyFileSync(EKSEMPEL, join(mappe, "a.xlsx"));
    expect((await cli("valider", mappe, "--indsendt", "2017-11-10")).stdout).toContain("\n1 fil: 1 godkendt, 0 afvist, 0 kan ikke læses.");
  });
});
