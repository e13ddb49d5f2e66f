import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { CELLER, beregnetSchema, celleFor, valideringJsonSchema } from "../../src/takstskema";
import { eksempel, REGISTER } from "../takstskema/hjaelp";

// Acceptance 2: the CLI as a subprocess (bin/takstskema.js, as `npx takstskema` runs it).
const ROD = join(__dirname, "..", "..");
const BIN = join(ROD, "bin", "takstskema.js");
const EKSEMPEL = join(ROD, "examples", "botilbud-syd-2018.xlsx");
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROD, encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "takstskema-cli-"));
  const broken = await udfyldtArbejdsbog({ ...eksempel(), TS_OverheadSats: 0.05, TS_Tilbud: null }, REGISTER);
  await broken.xlsx.writeFile(join(dir, "fejl.xlsx"));
  // Issue 10: the mistakes accountants really make, all in one skema, plus one that is no mistake
  // ("Døgn"). An amount typed as text ("950.000") became one with issue 20: the sheet's formulas give #VALUE!.
  const typiske = await udfyldtArbejdsbog({ ...eksempel(), ...TYPISKE_FEJL, TS_Takstenhed: "Døgn", TS_Ejendom: "950.000" }, REGISTER);
  await typiske.xlsx.writeFile(join(dir, "typiske.xlsx"));
});
const TYPISKE_FEJL = {
  TS_Loen: -14_200_000, // TS013
  TS_BelaegningAarMinus2: 93, // TS015
  TS_PLPct: 1.8, // TS015
  TS_OverheadSats: 4.4, // TS015
  TS_Kategori: "Rammeaftaletilbud", // TS006
  TS_Pladser: 24.5, // TS010
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("takstskema skabelon", () => {
  it("writes the template (exit 0) that validates with only TS001 findings", async () => {
    const ud = join(dir, "skema.xlsx");
    const r = await cli("skabelon", "--regelsaet", "SYD-2018", "--ud", ud);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SYD-2018");
    const v = await cli("valider", ud, "--json", "--indsendt", "2017-11-10");
    expect(v.code).toBe(1);
    const json = valideringJsonSchema.parse(JSON.parse(v.stdout));
    expect(new Set(json.findings.map((f) => f.code))).toEqual(new Set(["TS001"]));
  });
  it("an unknown ruleset is a usage error (exit 2) in Danish", async () => {
    const r = await cli("skabelon", "--regelsaet", "NORD-2099", "--ud", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ukendt regelsæt");
  });
});

describe("takstskema valider", () => {
  it("a skema with the typical mistakes reports each one with its cell (issue 10, acceptance 2)", async () => {
    const r = await cli("valider", join(dir, "typiske.xlsx"), "--json", "--indsendt", "2017-11-10");
    expect(r.code).toBe(1);
    const json = valideringJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.findings.map((f) => `${f.code} ${f.field} ${f.cell}`).sort()).toEqual([
      `TS002 TS_Ejendom ${CELLER.TS_Ejendom}`,
      `TS006 TS_Kategori ${CELLER.TS_Kategori}`,
      `TS010 TS_Ydelser_Pladser ${celleFor("TS_Ydelser_Pladser", 0)}`,
      `TS013 TS_Loen ${CELLER.TS_Loen}`,
      `TS015 TS_BelaegningAarMinus2 ${CELLER.TS_BelaegningAarMinus2}`,
      `TS015 TS_OverheadSats ${CELLER.TS_OverheadSats}`,
      `TS015 TS_PLPct ${CELLER.TS_PLPct}`,
    ].sort());
    // The checks built on them are listed as skipped with the reason, and no takst is shown.
    expect(json.skipped.find((s) => s.code === "TS012")?.message).toContain("Beregnes når fejlen i");
    expect(json.skipped.find((s) => s.code === "TS050")?.message).toContain("Beregnes når fejlen i");
    const tekst = await cli("valider", join(dir, "typiske.xlsx"), "--indsendt", "2017-11-10");
    expect(tekst.stdout).toContain("takst –");
  });
  it("the example: exit 0, --json has exactly the product.md §4 shape", async () => {
    const r = await cli("valider", EKSEMPEL, "--json", "--indsendt", "2017-11-10");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    // Issue 12: --json also carries `beregnet`, with the figures per ydelse (product.md §4).
    expect(Object.keys(json).sort()).toEqual(["beregnet", "findings", "ok", "skipped"]);
    expect(json).toMatchObject({ ok: true, findings: [], skipped: [] });
    const b = beregnetSchema.parse(json.beregnet);
    // The single-takst example (tests/takstskema/hjaelp.ts): 17.210.921 / 8.409,6 = 2.047.
    expect(b.takstgrundlag).toBe(17_210_921);
    expect(b.ydelser).toHaveLength(1);
    expect(b.ydelser[0]).toMatchObject({ raekke: 0, navn: "Længerevarende botilbud", basistakst: 2047, servicetakst: 0, takst: 2047 });
  });
  it("the differentiated example: --json has navn, basistakst, servicetakst and takst per ydelse", async () => {
    const r = await cli("valider", join(ROD, "examples", "botilbud-differentieret-syd-2018.xlsx"), "--json", "--indsendt", "2017-11-10");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { ok: boolean; beregnet: unknown };
    expect(json.ok).toBe(true);
    // Worked out in tests/takstskema/ydelser.test.ts.
    expect(beregnetSchema.parse(json.beregnet).ydelser.map(({ navn, basistakst, servicetakst, takst }) => ({ navn, basistakst, servicetakst, takst }))).toEqual([
      { navn: "Gruppe A: moderat støtte", basistakst: 597, servicetakst: 887, takst: 1484 },
      { navn: "Gruppe B: omfattende støtte", basistakst: 597, servicetakst: 1330, takst: 1927 },
      { navn: "Gruppe C: særlig tæt støtte", basistakst: 597, servicetakst: 2217, takst: 2814 },
    ]);
    const tekst = await cli("valider", join(ROD, "examples", "botilbud-differentieret-syd-2018.xlsx"), "--indsendt", "2017-11-10");
    expect(tekst.stdout).toContain("Gruppe C: særlig tæt støtte: takst 2.814 kr. pr. døgn (basistakst 597 kr. + servicetakst 2.217 kr.)");
  });
  it("after the deadline the example still passes with a TS090 warning", async () => {
    const r = await cli("valider", EKSEMPEL, "--json", "--indsendt", "2017-12-01");
    expect(r.code).toBe(0);
    const json = valideringJsonSchema.parse(JSON.parse(r.stdout));
    expect(json.findings.map((f) => [f.code, f.severity, f.field, f.cell])).toEqual([["TS090", "warning", "TS_Regelsaet", "Takstskema!D14"]]);
    for (const f of json.findings) expect(Object.keys(f).sort()).toEqual(["cell", "code", "field", "message", "severity"]);
  });
  it("a skema with errors: exit 1; human output in Danish grouped by severity with cells and da-DK amounts", async () => {
    const r = await cli("valider", join(dir, "fejl.xlsx"), "--indsendt", "2017-11-10");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("AFVIST");
    expect(r.stdout).toContain("Fejl (skal rettes før indsendelse)");
    expect(r.stdout).toMatch(new RegExp(`TS020\\s+${CELLER.TS_OverheadSats}`));
    expect(r.stdout).toMatch(/TS001\s+Takstskema!D17/);
    expect(r.stdout).toContain("4,40 %");
    expect(r.stdout).toMatch(/takstgrundlag \d{2}\.\d{3}\.\d{3} kr\./);
  });
  it("folder mode: an array of { fil, ok, findings, skipped }, exit 1 when one file has errors", async () => {
    const mappe = mkdtempSync(join(dir, "mappe-"));
    copyFileSync(EKSEMPEL, join(mappe, "a.xlsx"));
    copyFileSync(join(dir, "fejl.xlsx"), join(mappe, "b.xlsx"));
    writeFileSync(join(mappe, "noter.txt"), "ikke et skema");
    const r = await cli("valider", mappe, "--json", "--indsendt", "2017-11-10");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { fil: string; ok: boolean }[];
    expect(json.map((x) => [x.fil.endsWith("a.xlsx"), x.ok])).toEqual([[true, true], [false, false]]);
    const ok = await cli("valider", mappe.replace(/$/, ""), "--indsendt", "2017-11-10");
    expect(ok.stdout).toContain("2 filer: 1 godkendt, 1 afvist, 0 kan ikke læses.");
  });
  it("folder mode: exit 0 when all pass", async () => {
    const mappe = mkdtempSync(join(dir, "alle-"));
    copyFileSync(EKSEMPEL, join(mappe, "a.xlsx"));
    copyFileSync(EKSEMPEL, join(mappe, "b.xlsx"));
    expect((await cli("valider", mappe, "--indsendt", "2017-11-10")).code).toBe(0);
  });
  it("a corrupt .xlsx: exit 2 with a clear Danish message", async () => {
    const fil = join(dir, "korrupt.xlsx");
    writeFileSync(fil, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    const r = await cli("valider", fil);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kan ikke læses som \.xlsx; filen er beskadiget/);
  });
  it("a non-xlsx file: exit 2 with a clear Danish message", async () => {
    const fil = join(dir, "skema.csv");
    writeFileSync(fil, "TS_Loen;14250000\n");
    const r = await cli("valider", fil, "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("er ikke en Excel-projektmappe (.xlsx)");
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, findings: [], skipped: [] });
  });
  it("a folder with one unreadable file: exit 2 even when others have errors", async () => {
    const mappe = mkdtempSync(join(dir, "blandet-"));
    copyFileSync(join(dir, "fejl.xlsx"), join(mappe, "a.xlsx"));
    writeFileSync(join(mappe, "b.xlsx"), "ikke en zip");
    const r = await cli("valider", mappe);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("KAN IKKE LÆSES");
  });
  it("a missing file and an empty folder: exit 2", async () => {
    expect((await cli("valider", join(dir, "findes-ikke.xlsx"))).stderr).toContain("findes ikke");
    const tom = mkdtempSync(join(dir, "tom-"));
    const r = await cli("valider", tom);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("ingen .xlsx-filer");
  });
  it("no arguments or an unknown command: usage, exit 2", async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli("slet");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Ukendt kommando");
  });
});
