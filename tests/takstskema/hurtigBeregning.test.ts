import fc from "fast-check";
import { beregn, laesVaerdier, validerSkema } from "../../src/takstskema";
import { beregnMedDecimal } from "../../src/takstskema/beregning";
import { eksempel, I_TIDE, REGISTER } from "./hjaelp";

// beregn takes the engine's exact double fast paths (issue 15); decimal.js alone is the
// reference. Every generated skema must give the same figures, bit for bit (-0 is not 0).
const KOERSLER = 1_000;

const tekst = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));

const kroner = fc.oneof(fc.integer({ min: 0, max: 30_000_000 }), fc.integer({ min: 0, max: 3_000_000_000 }).map((n) => n / 100));
const skoert = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0, -1, 1e15, 1e16, 1e300, 5e-324, 0.1 + 0.2, 123.456789, "1.234.567,50", "95 %", "#VALUE!"));
const beloeb = fc.oneof({ weight: 6, arbitrary: kroner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: skoert });
const kolonne = <T>(celle: fc.Arbitrary<T>) => fc.array(fc.oneof({ weight: 5, arbitrary: celle }, { weight: 1, arbitrary: fc.constant(null) }), { maxLength: 10 });
const bel = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 50, max: 100 }).map((n) => n / 100) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 10_000 }).map((n) => n / 10_000) }, { weight: 1, arbitrary: skoert });

const skema = fc.record(
  {
    TS_Loen: beloeb, TS_Udvikling: beloeb, TS_Administration: beloeb, TS_Indtaegter: beloeb, TS_Tjenestemandspension: beloeb,
    TS_Tilsyn: beloeb, TS_Ejendom: beloeb, TS_Afskrivninger: beloeb, TS_Forrentning: beloeb, TS_Regulering: beloeb, TS_Oevrige: beloeb,
    TS_OverheadSats: fc.oneof(fc.integer({ min: 0, max: 100 }).map((n) => n / 1000), skoert),
    TS_OverheadGrundlag: beloeb, TS_Overhead: beloeb, TS_Takstgrundlag: beloeb, TS_Basisgrundlag: beloeb,
    TS_Borgerrettet: fc.oneof(fc.integer({ min: 0, max: 3_000_000 }), skoert),
    TS_Dage: fc.oneof(fc.constant(365), fc.integer({ min: 1, max: 366 }), skoert),
    TS_PLPct: fc.oneof(fc.integer({ min: -100, max: 500 }).map((n) => n / 10_000), skoert),
    TS_A1: beloeb, TS_A2: beloeb, TS_A3: beloeb, TS_A6: beloeb,
    TS_Ydelser_Navn: kolonne(fc.constantFrom("Gruppe A", "Gruppe B", "Gruppe C")),
    TS_Ydelser_Pladser: kolonne(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: skoert })),
    TS_Ydelser_Belaegning: kolonne(bel),
    TS_Ydelser_Ressource: kolonne(fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 400 }).map((n) => n / 10), skoert)),
    TS_Ydelser_SidsteAarsTakst: kolonne(fc.oneof(fc.integer({ min: 100, max: 10_000 }), skoert)),
    TS_Ydelser_Takst: kolonne(fc.oneof(fc.integer({ min: 100, max: 10_000 }), skoert)),
    // The former single-takst shape (read as a one-row table).
    TS_Ydelse: fc.constantFrom("Botilbud"),
    TS_Pladser: fc.integer({ min: 1, max: 60 }),
    TS_Belaegning: bel,
  },
  { requiredKeys: [] },
);

/** A consistent skema: every row with pladser has a belægning, costs above income, sometimes a computed cell typed in. */
const typisk = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 50, max: 100 }), fc.option(fc.integer({ min: 1, max: 400 })), fc.option(fc.integer({ min: 500, max: 5_000 }))), { minLength: 1, maxLength: 10 }),
    fc.record({ TS_Loen: kroner, TS_Administration: kroner, TS_Ejendom: kroner, TS_OverheadSats: fc.integer({ min: 0, max: 60 }).map((n) => n / 1000) }),
    fc.record({ TS_Borgerrettet: fc.integer({ min: 0, max: 500_000 }), TS_PLPct: fc.integer({ min: -100, max: 500 }).map((n) => n / 10_000), TS_Dage: fc.integer({ min: 200, max: 366 }), TS_Overhead: kroner, TS_Indtaegter: fc.integer({ min: 0, max: 100_000 }) }, { requiredKeys: [] }),
  )
  .map(([raekker, omk, valgfri]) => ({
    ...omk,
    ...valgfri,
    TS_Ydelser_Navn: raekker.map((_, i) => `Gruppe ${i + 1}`),
    TS_Ydelser_Pladser: raekker.map(([p]) => p),
    TS_Ydelser_Belaegning: raekker.map(([, b]) => b / 100),
    TS_Ydelser_Ressource: raekker.map(([, , r]) => (r === null ? null : r / 10)),
    TS_Ydelser_SidsteAarsTakst: raekker.map(([, , , t]) => t),
  }));

describe("beregn with the fast paths equals beregn with decimal.js alone", () => {
  it("on the example skema", () => {
    const { vaerdier, enkeltTakst } = laesVaerdier(eksempel());
    expect(tekst(beregn(vaerdier, enkeltTakst))).toBe(tekst(beregnMedDecimal(vaerdier, enkeltTakst)));
    expect(beregn(vaerdier, enkeltTakst).beregnet.takst).toBe(2047); // tests/takstskema/hjaelp.ts: 17.210.921 / 8.409,6 → 2.047
  });

  it("on generated skemaer, table and single-takst shape", () => {
    let medTakst = 0;
    fc.assert(
      fc.property(fc.oneof({ weight: 2, arbitrary: typisk }, { weight: 1, arbitrary: skema }), (raa) => {
        const { vaerdier, enkeltTakst } = laesVaerdier(raa);
        const hurtig = beregn(vaerdier, enkeltTakst);
        if (hurtig.beregnet.ydelser.some((y) => y.takst !== null)) medTakst++;
        expect({ raa, b: tekst(hurtig) }).toEqual({ raa, b: tekst(beregnMedDecimal(vaerdier, enkeltTakst)) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    // Most skemaer must reach the takster, or the comparison says little about the fast paths.
    expect(medTakst).toBeGreaterThan(KOERSLER / 3);
  });
});

/** Freezes an object and everything in it: a write then throws (strict mode) instead of passing unseen. */
function frys<T>(x: T): T {
  if (x !== null && typeof x === "object" && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) frys(v);
  }
  return x;
}

// As decimal.js tests immutability as an invariant: validating (and recomputing) never changes
// what it was given, so the pane, CLI and service may hand over their own objects.
describe("validation does not change its input", () => {
  it("validerSkema and beregn leave generated input as it was, and never fail on frozen input", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 2, arbitrary: typisk }, { weight: 1, arbitrary: skema }), (raa) => {
        const foer = structuredClone(raa);
        const r = validerSkema(frys(raa) as never, { register: REGISTER, indsendt: I_TIDE });
        expect({ raa, ts999: r.findings.filter((f) => f.code === "TS999") }).toEqual({ raa: foer, ts999: [] });
        const { vaerdier, enkeltTakst } = laesVaerdier(raa);
        const laest = structuredClone(vaerdier);
        beregn(frys(vaerdier), enkeltTakst);
        expect(vaerdier).toEqual(laest);
      }),
      { numRuns: KOERSLER, seed: 28 },
    );
  });
});
