import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { laesSkemaBuffer, type LaestSkema } from "../../src/cli/laes";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { type Udfyldning, xlsxBytes } from "../../src/cli/skabelon";
import { celleFor, type Genberegnet, somTabel, validerSkema, YDELSE_RAEKKER } from "../../src/takstskema";
import { fejlVaerdier, profil } from "../helpers/genberegn";
import { medGnumeric, medLibreOffice, sofficeSti, ssconvertSti } from "../helpers/miljoe";
import { FORVENTET, I_TIDE, REGISTER } from "../takstskema/hjaelp";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

// The CLI's skema filled with the shipped examples and recalculated by LibreOffice headless and
// by Gnumeric shows the engine's value in every computed cell (±1 kr.) and no error value: the
// template's native formulas stand on their own. The cached results are falsified (-7) before the
// program gets the file, so a value read back can only come from the program's own recalculation.

const EKSEMPLER = join(__dirname, "..", "..", "examples");
const json = (navn: string): Udfyldning => JSON.parse(readFileSync(join(EKSEMPLER, navn), "utf8")) as Udfyldning;

const FALSK = -7;
const FELTER = ["TS_OverheadGrundlag", "TS_Overhead", "TS_Takstgrundlag", "TS_Basisgrundlag", "TS_Belaegningsdage", "TS_Pladser", "TS_Belaegning", "TS_A4", "TS_A5", "TS_A7"] as const;
const KOLONNER = ["TS_Ydelser_Basistakst", "TS_Ydelser_Servicetakst", "TS_Ydelser_Takst", "TS_Ydelser_Takstudvikling"] as const;
const falsk: Udfyldning = Object.fromEntries([...FELTER.map((n) => [n, FALSK]), ...KOLONNER.map((n) => [n, Array<number>(YDELSE_RAEKKER).fill(FALSK)])]);

/** The values read back, as numbers and number columns (what a recalculated skema holds). */
type Tal = Record<string, number | undefined> & Partial<Record<(typeof KOLONNER)[number], (number | null)[]>>;
const tal = (l: LaestSkema) => l.vaerdier as unknown as Tal;

/** Field → the engine's result (Genberegnet) it must equal. */
const ENGINE: Record<(typeof FELTER)[number], keyof Genberegnet> = {
  TS_OverheadGrundlag: "overheadGrundlag", TS_Overhead: "overhead", TS_Takstgrundlag: "takstgrundlag", TS_Basisgrundlag: "basisgrundlag",
  TS_Belaegningsdage: "belaegningsdage", TS_Pladser: "pladser", TS_Belaegning: "belaegning", TS_A4: "A4", TS_A5: "A5", TS_A7: "A7",
};
const KOLONNE_ENGINE = { TS_Ydelser_Basistakst: "basistakst", TS_Ydelser_Servicetakst: "servicetakst", TS_Ydelser_Takst: "takst", TS_Ydelser_Takstudvikling: "takstudvikling" } as const;
/** Fractions (belægning, takstudvikling) compare to 9 decimals; belægningsdage to 10⁻⁶; kroner within 1 kr. */
const BROEK = new Set<string>(["TS_Belaegning", "TS_Ydelser_Takstudvikling"]);

const differentieret = json("botilbud-differentieret-syd-2018.json");
const TILFAELDE: [string, Udfyldning][] = [
  ["botilbud-syd-2018", json("botilbud-syd-2018.json")],
  ["botilbud-differentieret-syd-2018", differentieret],
  // A blank ressource counts as 1: row 1's ressource is 1 in the example, so the takster stay the same.
  ["differentieret-tom-ressource", { ...differentieret, TS_Ydelser_Ressource: [null, 1.5, 2.5] }],
  // No PL (SYD-2018 has no plSats): the engine gives no takstudvikling, and neither may the sheet (never 0 %).
  ["uden-pl", Object.fromEntries(Object.entries(json("botilbud-syd-2018.json")).filter(([k]) => k !== "TS_PLPct"))],
  // Category 9's second line, the pool's share: the native TS_Takstgrundlag must sum it too.
  ["med-puljeregulering", { ...json("botilbud-syd-2018.json"), TS_ReguleringPulje: -84_096 }],
];

/** Writes each case as the CLI fills it, with falsified results; returns the files and what was written. */
async function skrivTilfaelde(dir: string, foer: Map<string, LaestSkema>): Promise<string[]> {
  const filer: string[] = [];
  for (const [navn, raa] of TILFAELDE) {
    const sti = join(dir, `${navn}.xlsx`);
    const buf = await xlsxBytes(await udfyldtArbejdsbog(raa, REGISTER, falsk));
    writeFileSync(sti, buf);
    foer.set(navn, await laesSkemaBuffer(buf, `${navn}.xlsx`));
    filer.push(sti);
  }
  return filer;
}

/**
 * The same checks for every spreadsheet program: `genberegn` recalculates the files in `dir`
 * into `ud` (same file names). Each program computes the template's native formulas on its own.
 */
function genberegnetAf(program: string, genberegn: (dir: string, filer: string[], ud: string) => void) {
  let dir: string;
  const foer = new Map<string, LaestSkema>();
  const efter = new Map<string, LaestSkema>();
  const fejlceller = new Map<string, string[]>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "takstskema-genberegn-"));
    const filer = await skrivTilfaelde(dir, foer);
    const ud = join(dir, "ud");
    mkdirSync(ud, { recursive: true });
    genberegn(dir, filer, ud);
    for (const [navn] of TILFAELDE) {
      const buf = readFileSync(join(ud, `${navn}.xlsx`));
      efter.set(navn, await laesSkemaBuffer(buf, `${navn}.xlsx`));
      fejlceller.set(navn, await fejlVaerdier(buf));
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${program}: no cell of any sheet holds an error value (#NUM!, #VALUE!, ...)`, () => {
    for (const [navn] of TILFAELDE) expect([navn, fejlceller.get(navn)]).toEqual([navn, []]);
  });

  it(`the file handed to ${program} carries only falsified results`, () => {
    for (const [navn] of TILFAELDE) {
      const v = foer.get(navn)!.vaerdier as Record<string, unknown>;
      for (const f of FELTER) expect([navn, f, v[f]]).toEqual([navn, f, FALSK]);
      for (const k of KOLONNER) expect([navn, k, v[k]]).toEqual([navn, k, Array<number>(YDELSE_RAEKKER).fill(FALSK)]);
    }
  });

  it.each(TILFAELDE)("%s: every computed cell of Omkostninger, Kapacitet, Beregning, Efterregulering and the Ydelser table is the engine's value", (navn, raa) => {
    const b = validerSkema(somTabel(raa).input, { register: REGISTER }).beregnet!;
    const v = efter.get(navn)!.vaerdier as Record<string, unknown>;
    const sammenlign = (felt: string, celle: unknown, motor: number | null) => {
      const hvor = `${navn} ${felt}`;
      if (motor === null) return expect([hvor, celle ?? null]).toEqual([hvor, null]);
      expect([hvor, typeof celle]).toEqual([hvor, "number"]);
      const tolerance = BROEK.has(felt) ? 1e-9 : felt === "TS_Belaegningsdage" ? 1e-6 : 1;
      expect([hvor, Math.abs((celle as number) - motor) <= tolerance]).toEqual([hvor, true]);
    };
    for (const f of FELTER) sammenlign(f, v[f], b[ENGINE[f]] as number | null);
    for (const k of KOLONNER) {
      const kolonne = (v[k] ?? []) as (number | null)[];
      for (let i = 0; i < YDELSE_RAEKKER; i++) {
        const y = b.ydelser.find((x) => x.raekke === i);
        sammenlign(celleFor(k, i), kolonne[i], y ? y[KOLONNE_ENGINE[k]] : null);
      }
    }
  });

  it("shows the hand-worked figures (tests/takstskema/hjaelp.ts, ydelser.test.ts)", () => {
    const enkelt = tal(efter.get("botilbud-syd-2018")!);
    expect([enkelt.TS_OverheadGrundlag, enkelt.TS_Overhead, enkelt.TS_Takstgrundlag, enkelt.TS_Belaegningsdage, enkelt.TS_A4, enkelt.TS_A5, enkelt.TS_A7]).toEqual(
      [FORVENTET.overheadGrundlag, FORVENTET.overhead, FORVENTET.takstgrundlag, FORVENTET.belaegningsdage, FORVENTET.A4, FORVENTET.A5, FORVENTET.A7],
    );
    expect(enkelt.TS_Ydelser_Takst?.[0]).toBe(FORVENTET.takst);
    // The pool's −84.096 (= 10 × 8.409,6 belægningsdage): takstgrundlag 17.126.825, takst 10 kr. lower, 2.037.
    const pulje = tal(efter.get("med-puljeregulering")!);
    expect([pulje.TS_Takstgrundlag, pulje.TS_Ydelser_Takst?.[0]]).toEqual([17_126_825, 2037]);
    // Differentiated: basis 597 for all; service 887, 1.330, 2.217 (ressource 1; 1,5; 2,5); takst 1.484, 1.927, 2.814.
    for (const navn of ["botilbud-differentieret-syd-2018", "differentieret-tom-ressource"]) {
      const d = tal(efter.get(navn)!);
      expect([navn, d.TS_Ydelser_Basistakst?.slice(0, 4), d.TS_Ydelser_Servicetakst?.slice(0, 4), d.TS_Ydelser_Takst?.slice(0, 4)]).toEqual(
        [navn, [597, 597, 597, null], [887, 1330, 2217, null], [1484, 1927, 2814, null]],
      );
    }
  });

  it("the validator accepts the recalculated skema and still catches one wrong cell (TS030, TS031, TS021)", () => {
    const l = efter.get("botilbud-differentieret-syd-2018")!;
    const fejl = (v: Record<string, unknown>) => validerSkema(v, { register: REGISTER, indsendt: I_TIDE }).findings.filter((f) => f.severity === "error");
    expect(fejl(l.vaerdier)).toEqual([]);
    const v = tal(l);
    const service = [...v.TS_Ydelser_Servicetakst!];
    service[1] = service[1]! + 2;
    expect(fejl({ ...v, TS_Ydelser_Servicetakst: service }).map((f) => `${f.code} ${f.cell}`)).toContain(`TS030 ${celleFor("TS_Ydelser_Servicetakst", 1)}`);
    expect(fejl({ ...v, TS_Takstgrundlag: v.TS_Takstgrundlag! + 2 }).map((f) => f.code)).toContain("TS031");
    expect(fejl({ ...v, TS_Overhead: v.TS_Overhead! - 2 }).map((f) => f.code)).toContain("TS021");
  });
}

medLibreOffice()("the skema recalculated by LibreOffice (no add-in)", () => {
  genberegnetAf("LibreOffice", (dir, filer, ud) => {
    execFileSync(sofficeSti()!, [`-env:UserInstallation=${profil(join(dir, "profil"))}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", ud, ...filer], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
  });
});

// Gnumeric computes some functions differently from Excel and LibreOffice (N() of an empty cell
// was #NUM!): the template uses only forms every engine computes the same. `--recalc`
// recalculates every cell before the file is written.
medGnumeric()("the skema recalculated by Gnumeric (no add-in)", () => {
  genberegnetAf("Gnumeric", (_dir, filer, ud) => {
    for (const fil of filer) execFileSync(ssconvertSti()!, ["--recalc", fil, join(ud, basename(fil))], { timeout: PROGRAM_VENTETID_MS, stdio: "pipe" });
  });
});
