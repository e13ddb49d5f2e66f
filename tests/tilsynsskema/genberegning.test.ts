import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { xlsxBytes, type Udfyldning } from "../../src/cli/skabelon";
import { laesTilsynsskema, tilsynsRegisterCli, udfyldtTilsynsskema } from "../../src/cli/tilsyn";
import { type TilsynBeregnet, validerTilsynsskema } from "../../src/tilsynsskema";
import { medLibreOffice, sofficeSti, suiteHvis } from "../helpers/miljoe";
import { NORD_2024, NORD_OF, OEST_2020, SYD_2018 } from "./saed";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// Issue 23, acceptance 3: a filled tilsynsskema recalculated by LibreOffice headless (and Gnumeric), with the
// add-in absent, shows the engine's figures in every computed cell. The cached results are
// falsified (-7) before LibreOffice gets the file, so a value read back can only come from
// LibreOffice's own recalculation of the template's native formulas.
const REGISTER = tilsynsRegisterCli();
const FALSK = -7;
const falsk: Udfyldning = {
  ST_Behov: FALSK, ST_Grundtakstbehov: FALSK, ST_OFPrPlejefamilie: FALSK, ST_BPATakst: FALSK,
  ST_Takster: Array<number>(4).fill(FALSK), ST_Skaerpet: Array<number>(4).fill(FALSK), ST_Nygodkendelse: Array<number>(4).fill(FALSK),
  ST_VaesentligAendring: Array<number>(4).fill(FALSK), ST_OF: Array<number>(30).fill(FALSK),
};
const TILFAELDE: [string, Udfyldning][] = [["syd-2018", SYD_2018], ["nord-2024", NORD_2024], ["oest-2020", OEST_2020]];

/** A throwaway LibreOffice profile that recalculates every formula of an .xlsx file on load (by default it keeps the cached results). */
function profil(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  const item = (prop: string) => `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${prop}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(join(dir, "user", "registrymodifications.xcu"), `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n${item("OOXMLRecalcMode")}\n</oor:items>\n`);
  return `file://${dir}`;
}

type Laest = Record<string, unknown>;
const liste = (v: unknown) => (Array.isArray(v) ? v : [v]);

/** Every computed cell read back against the engine's figures. */
function sammenlign(l: Laest, b: TilsynBeregnet): void {
  expect(l.ST_Behov).toBe(b.behov);
  expect(l.ST_Grundtakstbehov).toBe(b.grundtakstbehov);
  expect(liste(l.ST_Takster)).toEqual(b.takster);
  expect(liste(l.ST_Skaerpet)).toEqual(b.skaerpet);
  expect(liste(l.ST_OF).slice(0, b.of.length)).toEqual(b.of.map((o) => o.beloeb));
  expect(l.ST_OFPrPlejefamilie).toBe(b.ofPrPlejefamilie);
  if (b.nygodkendelse) expect(liste(l.ST_Nygodkendelse)).toEqual(b.nygodkendelse);
  if (b.vaesentligAendring) expect(liste(l.ST_VaesentligAendring)).toEqual(b.vaesentligAendring);
  if (b.bpaTakst !== null) expect(l.ST_BPATakst).toBe(b.bpaTakst);
}

/** The filled, falsified files of TILFAELDE in a folder, and the engine's figures for each. */
async function skrivFalske(dir: string): Promise<{ filer: string[]; motor: Map<string, TilsynBeregnet> }> {
  const filer: string[] = [];
  const motor = new Map<string, TilsynBeregnet>();
  for (const [navn, raa] of TILFAELDE) {
    const r = REGISTER.hent(String(raa.ST_Regelsaet));
    const sti = join(dir, `${navn}.xlsx`);
    writeFileSync(sti, await xlsxBytes(await udfyldtTilsynsskema(raa, r, REGISTER, falsk)));
    motor.set(navn, validerTilsynsskema(raa, REGISTER).beregnet!);
    filer.push(sti);
  }
  return { filer, motor };
}

const ssconvert = (): string | undefined => ["/usr/bin/ssconvert", "/usr/local/bin/ssconvert"].find((s) => existsSync(s));

// Gnumeric too (issue 20 asks the takstskema's recalculation test to run it): its COUNTIF, MOD and
// SUMPRODUCT give the same figures as LibreOffice's and the engine's.
suiteHvis("Gnumeric (ssconvert)", ssconvert() !== undefined, "REQUIRE_GNUMERIC")("the tilsynsskema recalculated by Gnumeric (no add-in)", () => {
  let dir: string;
  let motor: Map<string, TilsynBeregnet>;
  const efter = new Map<string, Laest>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tilsynsskema-gnumeric-"));
    const f = await skrivFalske(dir);
    motor = f.motor;
    for (const [navn] of TILFAELDE) {
      const ud = join(dir, `${navn}-gnumeric.xlsx`);
      execFileSync(ssconvert()!, ["--recalc", join(dir, `${navn}.xlsx`), ud], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
      efter.set(navn, (await laesTilsynsskema(readFileSync(ud)))!);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it.each(TILFAELDE.map(([n]) => [n]))("%s: every computed figure equals the engine's", (navn) => {
    sammenlign(efter.get(navn)!, motor.get(navn)!);
  });
});

medLibreOffice()("the tilsynsskema recalculated by LibreOffice (no add-in)", () => {
  let dir: string;
  const foer = new Map<string, Laest>();
  const efter = new Map<string, Laest>();
  const motor = new Map<string, TilsynBeregnet>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tilsynsskema-genberegn-"));
    const { filer, motor: m } = await skrivFalske(dir);
    for (const [navn] of TILFAELDE) {
      foer.set(navn, (await laesTilsynsskema(readFileSync(join(dir, `${navn}.xlsx`))))!);
      motor.set(navn, m.get(navn)!);
    }
    const ud = join(dir, "ud");
    execFileSync(sofficeSti()!, [`-env:UserInstallation=${profil(join(dir, "profil"))}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", ud, ...filer], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
    for (const [navn] of TILFAELDE) efter.set(navn, (await laesTilsynsskema(readFileSync(join(ud, `${navn}.xlsx`))))!);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the file handed to LibreOffice carries only falsified results", () => {
    for (const [navn] of TILFAELDE) {
      expect(foer.get(navn)!.ST_Behov).toBe(FALSK);
      expect(liste(foer.get(navn)!.ST_Takster)).toEqual([FALSK, FALSK, FALSK, FALSK]);
    }
  });
  it.each(TILFAELDE.map(([n]) => [n]))("%s: every computed figure equals the engine's", (navn) => {
    sammenlign(efter.get(navn)!, motor.get(navn)!);
  });
  it("Syd 2018's 22 kommuner share 27.600.000 exactly by largest remainder, as the engine does", () => {
    const of = liste(efter.get("syd-2018")!.ST_OF).slice(0, 22) as number[];
    expect(of.reduce((s, x) => s + x, 0)).toBe(27_600_000);
  });
  it("Nord 2024's sheet gives the published OF column, row by row (002:386-408)", () => {
    expect(liste(efter.get("nord-2024")!.ST_OF).slice(0, 11)).toEqual(NORD_OF);
  });
  it("Øst 2020's sheet computes væsentlig ændring −6,2 % in every category (003:1036-1057)", () => {
    expect(liste(efter.get("oest-2020")!.ST_UdviklingVaesentligAendring)).toEqual([-6.2, -6.2, -6.2, -6.2]);
  });
});
