import fc from "fast-check";
import {
  efterregModelTal,
  hurtigBelaegning,
  hurtigBelaegningsafvigelse,
  hurtigSum,
  hurtigTakststruktur,
  hurtigTjenestemandspension,
  overheadGrundlag,
  kunDecimal,
  tilTal,
} from "../../src/engine";
import {
  afvigelseInput,
  belaegningInput,
  ensSkema,
  pensionInput,
  sammenlignSkema,
  type SkemaSammenligning,
  strukturInput,
  sumInput,
  tekst,
  udviklingInput,
} from "../helpers/hurtigeSkemaInput";

// The skema's fast paths (issue 15) must give exactly decimal.js's numbers or hand over (undefined).
// CI-sized sample here; bench/engine.bench.ts compares a million inputs per function.
const KOERSLER = 2_500;

describe.each([
  ["the sums of the omkostninger", sumInput, sammenlignSkema.SUM, 4],
  ["SOC.TAKSTSTRUKTUR (with exact ,5 ties)", strukturInput, sammenlignSkema.TAKSTSTRUKTUR, 4],
  ["the tilbud's belægning Σ bd / (Σ pladser × dage)", belaegningInput, sammenlignSkema.BELAEGNING, 2],
  ["the real takstudvikling ny / (sidste × (1 + PL)) − 1, rounded, and its ±5 % flag (also almost 0)", udviklingInput, sammenlignSkema.TAKSTUDVIKLING, 3],
  ["TS080's tjenestemandspension", pensionInput, sammenlignSkema.TJENESTEMANDSPENSION, 4],
  ["TS012's belægningsafvigelse and its side of 5 points", afvigelseInput, sammenlignSkema.BELAEGNINGSAFVIGELSE, 4],
] as const)("fast path for %s", (_navn, input, sml, andel) => {
  it("gives the same as decimal.js, or hands over", () => {
    let hurtige = 0;
    fc.assert(
      fc.property(input as fc.Arbitrary<never>, (a) => {
        const s = (sml as (a: never) => SkemaSammenligning)(a);
        if (s.hurtig !== undefined) hurtige++;
        expect({ a, s, ens: ensSkema(s) }).toEqual({ a, s, ens: true });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    // Both paths must be exercised, or the property says little.
    expect(hurtige).toBeGreaterThan(KOERSLER / andel);
    expect(KOERSLER - hurtige).toBeGreaterThan(KOERSLER / 50);
  });
});

describe("worked examples", () => {
  it("worked example: the fixture's overhead lines 6.500.000 + 300.000 = 6.800.000; øre add up exactly; 0,1 + 0,2 = 0,3", () => {
    expect(hurtigSum([6_500_000, 300_000, 0, 0, 0, 0, 0, 0], 0)).toBe(6_800_000);
    expect(hurtigSum([0.1, 0.2], 0)).toBe(0.3);
    expect(hurtigSum([1234.56], 1234.56)).toBe(0);
    expect(Object.is(hurtigSum([-0], 0), 0)).toBe(true);
    expect(hurtigSum([0.123456], 0)).toBeUndefined(); // more decimals than the fast path reads
    expect(hurtigSum([NaN], 0)).toBeUndefined();
    expect(tilTal(overheadGrundlag({ loen: 6_500_000, administration: 300_000, udvikling: 0, oevrige: 0, ejendom: 0, afskrivninger: 0, forrentning: 0, tjenestemandspension: 0, indtaegter: 0 }))).toBe(6_800_000);
  });
  it("worked examples: the fixture's skema; a tie; no ydelse, a negative grundlag and a belægning above 100 % go to the engine", () => {
    // 7.072.000 kr. / (12 × 365 × 0,96 = 4.204,8 bd) = 1.681,89 → 1.682 kr. (tests/server/fixtures.ts)
    expect(hurtigTakststruktur(7_072_000, 0, [{ pladser: 12, belaegning: 0.96, ressource: null }], 365)).toEqual({
      raekker: [{ belaegningsdage: 4204.8, basistakst: 1682, servicetakst: 0, takst: 1682 }],
      belaegningsdage: 4204.8,
    });
    // Two ydelser of 1 plads × 365 × 100 % = 730 bd: 1.825 / 730 = 2,5 exactly → 3 (half away from zero).
    // Service 730 split by ressource 1 : 3 over 365 + 1.095 = 1.460: 730 / 1.460 = 0,5 → 1 and 2.190 / 1.460 = 1,5 → 2.
    const to = [{ pladser: 1, belaegning: 1, ressource: 1 }, { pladser: null, belaegning: null, ressource: null }, { pladser: 1, belaegning: 1, ressource: 3 }];
    expect(hurtigTakststruktur(1825, 730, to, 365)).toEqual({
      raekker: [{ belaegningsdage: 365, basistakst: 3, servicetakst: 1, takst: 4 }, null, { belaegningsdage: 365, basistakst: 3, servicetakst: 2, takst: 5 }],
      belaegningsdage: 730,
    });
    expect(hurtigTakststruktur(1000, 0, [{ pladser: null, belaegning: 0.9, ressource: null }], 365)).toBeUndefined();
    expect(hurtigTakststruktur(-1, 0, [{ pladser: 1, belaegning: 1, ressource: null }], 365)).toBeUndefined();
    expect(hurtigTakststruktur(1000, 0, [{ pladser: 1, belaegning: 1.5, ressource: null }], 365)).toBeUndefined();
  });
  it("worked example: 4.204,8 bd / (12 pladser × 365) = 0,96", () => {
    expect(hurtigBelaegning(4204.8, 12, 365)).toBe(0.96);
    expect(hurtigBelaegning(0, 12, 365)).toBeUndefined();
  });
  it("worked examples: TS080's provision and TS012's deviation", () => {
    // 20,3 % × 800.000 = 162.400 (004:5106-5108); 0,5 % of 100 = 0,5 → 1 (half away from zero)
    expect(hurtigTjenestemandspension(800_000, 0.203)).toBe(162_400);
    expect(hurtigTjenestemandspension(100, 0.005)).toBe(1);
    expect(hurtigTjenestemandspension(-1, 0.203)).toBeUndefined();
    // 0,96 against (0,95 + 0,97) / 2 = 0,96: no deviation; 0,90 against 0,955 = 0,055; exactly 5 points is not more.
    expect(hurtigBelaegningsafvigelse(0.96, 0.95, 0.97)).toBe(0);
    expect(hurtigBelaegningsafvigelse(0.9, 0.95, 0.96)).toBe(0.055);
    expect(hurtigBelaegningsafvigelse(0.9, 0.95, 0.95)! > 0.05).toBe(false);
  });
});

describe("the comparison catches a broken fast path", () => {
  it("the comparison catches a takstudvikling computed in plain doubles", () => {
    const iDoubles = (ny: number, sidste: number, pl: number) => {
      if (!(sidste > 0 && pl > -1 && pl <= 1 && Number.isFinite(ny))) return undefined;
      const q = ny / (sidste * (1 + pl)) - 1;
      return { vaerdi: Math.round(q * 1000) / 1000, over: Math.abs(q) > 0.05 };
    };
    const r = fc.check(
      fc.property(udviklingInput, ([ny, sidste, pl]) => {
        const h = iDoubles(ny, sidste, pl);
        return h === undefined || tekst(h) === sammenlignSkema.TAKSTUDVIKLING([ny, sidste, pl]).decimal;
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(r.failed).toBe(true);
  });
});

describe("EFTERREG.MODEL's whole-kroner sums", () => {
  // Integers up to 1e15 (and their neighbours beyond, and decimals) against the decimal.js path.
  const beloeb = fc.oneof(
    fc.integer({ min: -1e15, max: 1e15 }),
    fc.constantFrom(1e15, -1e15, 1e15 + 2, -0, 0),
    fc.double({ min: -1e16, max: 1e16, noNaN: true }),
    fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
  );
  it("gives exactly what decimal.js gives (A4, A5, A7 and the regulering, never -0)", () => {
    fc.assert(
      fc.property(beloeb, beloeb, beloeb, beloeb, (a1, a2, a3, a6) => {
        const hurtig = efterregModelTal(a1, a2, a3, a6);
        const eksakt = kunDecimal(() => efterregModelTal(a1, a2, a3, a6));
        for (const k of ["A4", "A5", "A7", "forventetRegulering"] as const) expect(Object.is(hurtig[k], eksakt[k])).toBe(true);
      }),
      { numRuns: KOERSLER },
    );
  });
});
