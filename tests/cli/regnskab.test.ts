import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { main, udfyldtArbejdsbog } from "../../src/cli/main";
import { type Udfyldning, xlsxBytes } from "../../src/cli/skabelon";
import { fejlVaerdier, profil } from "../helpers/genberegn";
import { medGnumeric, medLibreOffice, sofficeSti, ssconvertSti } from "../helpers/miljoe";
import { REGISTER } from "../takstskema/hjaelp";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// The regnskabsskema through the command line (product.md §4): the template, a filled file read
// back and validated with beregnet.efterregulering, and LibreOffice recalculating it without the
// add-in to the engine's A1..A7 (acceptance 3). The expected figures are Bilag 18's (the fixture).

interface Tilfaelde { navn: string; regnskab: Udfyldning; expect: Record<string, number> }
const GOLDEN = (JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "regnskab-bilag18.json"), "utf8")) as { cases: Tilfaelde[] }).cases;
/**
 * Intern afregning (TS_A1Kilde "regnskab"): example 1 with A1 = 10.250.000 as booked, not 10.400 × 1.000.
 * By hand: A5 = 10.250.000 − A4 10.000.000 = 250.000; A7 = 250.000 − A6 400.000 = −150.000; år +2 gets +150.000.
 */
const EKS1 = GOLDEN[0]!;
const INTERN: Tilfaelde = {
  navn: "eksempel-1-intern", regnskab: { ...EKS1.regnskab, TS_A1Kilde: "regnskab", TS_A1Regnskab: 10_250_000 },
  expect: { ...EKS1.expect, A1: 10_250_000, A5: 250_000, A7: -150_000, reguleringAarPlus2: 150_000 },
};
const TILFAELDE = [...GOLDEN, INTERN];

const stille = () => {
  const ud: string[] = [];
  return { ud, io: { out: (s: string) => void ud.push(s), err: (s: string) => void ud.push(s) } };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "regnskab-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("takstskema skabelon --type regnskab", () => {
  it("writes the regnskabsskema: its names, TS_Skematype regnskab and the ruleset's year as regnskabsår", async () => {
    const fil = join(dir, "regnskab.xlsx");
    const { ud, io } = stille();
    expect(await main(["skabelon", "--type", "regnskab", "--regelsaet", "SYD-2018", "--ud", fil], io)).toBe(0);
    expect(ud.join("")).toContain("regnskabsskemaet");
    const l = await laesSkemaBuffer(readFileSync(fil));
    expect([l.vaerdier.TS_Skematype, l.vaerdier.TS_Regnskabsaar]).toEqual(["regnskab", 2018]);
    expect(Object.keys(l.vaerdier)).toEqual(expect.arrayContaining(["TS_A6Pulje", "TS_A6Overfoert", "TS_ReguleringAarPlus2", "TS_AktiveretDrift", "TS_Ydelser_FaktiskeDage", "TS_Ydelser_GyldigFra"]));
    // Read with its own names: no "name missing, standard cell read" warning for the budget's columns.
    expect(l.fund).toEqual([]);
  });

  it("an unknown --type is a usage error (exit 2) naming the allowed ones", async () => {
    const { ud, io } = stille();
    expect(await main(["skabelon", "--type", "regnskaber", "--regelsaet", "SYD-2018", "--ud", join(dir, "x.xlsx")], io)).toBe(2);
    expect(ud.join("")).toContain("budget, regnskab eller tilsyn");
  });
});

describe("takstskema valider --json on a filled regnskabsskema", () => {
  it.each(TILFAELDE.map((c) => [c.navn, c] as const))("%s: beregnet.efterregulering is Bilag 18's, exit 0, TS202/TS203 skipped", async (navn, c) => {
    const json = join(dir, `${navn}.json`);
    const xlsx = join(dir, `${navn}.xlsx`);
    writeFileSync(json, JSON.stringify(c.regnskab));
    expect(await main(["udfyld", json, "--ud", xlsx], stille().io)).toBe(0);
    const { ud, io } = stille();
    expect(await main(["valider", xlsx, "--json"], io)).toBe(0);
    const svar = JSON.parse(ud.join("")) as { ok: boolean; findings: unknown[]; skipped: { code: string }[]; beregnet: { efterregulering: unknown } };
    expect([svar.ok, svar.findings]).toEqual([true, []]);
    expect(svar.beregnet.efterregulering).toEqual(c.expect);
    expect(svar.skipped.map((s) => s.code)).toEqual(expect.arrayContaining(["TS202", "TS203"]));
  });
});

const FALSK = -7;
const BEREGNEDE = ["TS_A1", "TS_A2", "TS_A4", "TS_A5", "TS_A6", "TS_A7", "TS_ReguleringAarPlus2", "TS_OverheadGrundlag", "TS_Overhead"] as const;
const MOTOR: Record<(typeof BEREGNEDE)[number], string> = {
  TS_A1: "A1", TS_A2: "A2", TS_A4: "A4", TS_A5: "A5", TS_A6: "A6", TS_A7: "A7", TS_ReguleringAarPlus2: "reguleringAarPlus2", TS_OverheadGrundlag: "overheadGrundlag", TS_Overhead: "overhead",
};

/** The checks for every spreadsheet program: `genberegn` recalculates `filer` into `ud` (same names). */
function genberegnetAf(program: string, genberegn: (ind: string, filer: string[], ud: string) => void) {
  const efter = new Map<string, Record<string, unknown>>();
  const foer = new Map<string, Record<string, unknown>>();
  const fejl = new Map<string, string[]>();
  beforeAll(async () => {
    const ind = join(dir, program);
    const ud = join(ind, "ud");
    mkdirSync(ud, { recursive: true });
    const filer: string[] = [];
    for (const c of TILFAELDE) {
      // The cached results are falsified: a value read back can only be LibreOffice's own.
      const buf = await xlsxBytes(await udfyldtArbejdsbog({ ...c.regnskab }, REGISTER, Object.fromEntries(BEREGNEDE.map((n) => [n, FALSK]))));
      const sti = join(ind, `${c.navn}.xlsx`);
      writeFileSync(sti, buf);
      foer.set(c.navn, (await laesSkemaBuffer(buf)).vaerdier);
      filer.push(sti);
    }
    genberegn(ind, filer, ud);
    for (const c of TILFAELDE) {
      const buf = readFileSync(join(ud, `${c.navn}.xlsx`));
      efter.set(c.navn, (await laesSkemaBuffer(buf)).vaerdier);
      fejl.set(c.navn, await fejlVaerdier(buf));
    }
  });

  it(`the files handed to ${program} carry only falsified results`, () => {
    for (const c of TILFAELDE) for (const n of BEREGNEDE) expect([c.navn, n, foer.get(c.navn)![n]]).toEqual([c.navn, n, FALSK]);
  });

  it.each(TILFAELDE.map((c) => [c.navn, c] as const))("%s: A1..A7, regulering år +2 and overhead are Bilag 18's and the engine's, no error value", (navn, c) => {
    expect(fejl.get(navn)).toEqual([]);
    const v = efter.get(navn)!;
    for (const n of BEREGNEDE) expect([navn, n, v[n]]).toEqual([navn, n, c.expect[MOTOR[n]]]);
  });
}

medLibreOffice()("a regnskabsskema recalculated by LibreOffice (no add-in)", () => {
  genberegnetAf("LibreOffice", (ind, filer, ud) => {
    execFileSync(sofficeSti()!, [`-env:UserInstallation=${profil(join(ind, "profil"))}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", ud, ...filer], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
  });
});

medGnumeric()("a regnskabsskema recalculated by Gnumeric (no add-in)", () => {
  genberegnetAf("Gnumeric", (_ind, filer, ud) => {
    for (const fil of filer) execFileSync(ssconvertSti()!, ["--recalc", fil, join(ud, basename(fil))], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
  });
});
