import fc from "fast-check";
import { hurtigEfterregulering, hurtigOverhead, hurtigTakst } from "../../src/engine";
import { efterregInput, ens, overheadInput, sammenlign, takstInput, type Sammenligning } from "../helpers/hurtigeInput";

// The double fast paths must give exactly decimal.js's number or hand over to it (issue 15).
// CI-sized sample here; bench/engine.bench.ts compares a million inputs per function.
const KOERSLER = 20_000;

function tael(alle: Sammenligning[]): { hurtige: number; overdraget: number } {
  const hurtige = alle.filter((s) => s.hurtig !== undefined).length;
  return { hurtige, overdraget: alle.length - hurtige };
}

describe.each([
  ["TAKST", takstInput, sammenlign.TAKST],
  ["OVERHEAD", overheadInput, sammenlign.OVERHEAD],
  ["EFTERREG", efterregInput, sammenlign.EFTERREG],
] as const)("fast path for %s", (_navn, input, sml) => {
  it("gives the same number as decimal.js with ROUND_HALF_UP, or hands over", () => {
    const alle: Sammenligning[] = [];
    fc.assert(
      fc.property(input as fc.Arbitrary<never>, (a) => {
        const s = (sml as (a: never) => Sammenligning)(a);
        alle.push(s);
        expect({ a, s, ens: ens(s) }).toEqual({ a, s, ens: true });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    // Both paths must be exercised, or the property says little.
    const { hurtige, overdraget } = tael(alle);
    expect(hurtige).toBeGreaterThan(KOERSLER / 4);
    expect(overdraget).toBeGreaterThan(KOERSLER / 20);
  });
});

describe("worked examples", () => {
  it("TAKST: seed-style numbers, exact ties round away from zero, a tie with more decimals than doubles hold goes to decimal.js", () => {
    expect(hurtigTakst(10_400_000, 30, 0.95)).toBe(1000); // 10400000 / (30·365·0,95) = 1000,0…
    // 365 × 1 × 1 = 365; 365 × 2,5 = 912,5 → exactly 2,5 per day: a tie, handed over.
    expect(hurtigTakst(912.5, 1, 1)).toBeUndefined();
    expect(hurtigTakst(912.5, 1, 1, 365, 1)).toBe(2.5);
    expect(hurtigTakst(1000, 1, 1, 365, 4)).toBe(2.7397); // 2,739726… → 2,7397
    expect(hurtigTakst(-1000, 1, 1)).toBeUndefined(); // takstgrundlag ≤ 0: the engine decides
    expect(hurtigTakst(1000, 1, 1.5)).toBeUndefined(); // outside the preconditions: the engine's error
  });
  it("OVERHEAD: 10.000.000 × 4,4 % = 440.000; 25 × 0,5 = 12,5 → 13; -25 × 0,5 → -13; above the cap goes to the engine", () => {
    expect(hurtigOverhead(10_000_000, 0.044, 0.044)).toBe(440_000);
    expect(hurtigOverhead(25, 0.5)).toBe(13);
    expect(hurtigOverhead(-25, 0.5)).toBe(-13);
    expect(hurtigOverhead(1_000_000, 0.045, 0.044)).toBeUndefined();
    expect(hurtigOverhead(1, 0.123456789)).toBeUndefined(); // more decimals than the fast path reads
  });
  it("EFTERREG: 450.000 over 5 % of 5.000.000 → -200.000; -300.000,25 → 50.000,25; on the band edge → 0", () => {
    expect(hurtigEfterregulering(450_000, 5_000_000)).toBe(-200_000);
    expect(hurtigEfterregulering(-300_000.25, 5_000_000)).toBe(50_000.25);
    expect(Object.is(hurtigEfterregulering(250_000, 5_000_000), 0)).toBe(true);
    expect(hurtigEfterregulering(1, -5)).toBeUndefined(); // negative budget: the engine's error
  });
});

describe("the comparison catches a broken fast path", () => {
  // Plain Math.round-style rounding on doubles, without the tie check: wrong at ,5 ties.
  const utenTjek = (g: number, p: number, b: number, d = 365, k = 0) => {
    if (!(g > 0 && p > 0 && b > 0 && b <= 1 && d > 0 && d <= 366 && Number.isInteger(k) && k >= 0 && k <= 4)) return undefined;
    const y = (g / (p * d * b)) * 10 ** k;
    return Math.floor(y + 0.5) / 10 ** k;
  };
  it("a TAKST without the tie check is refuted", () => {
    const r = fc.check(fc.property(takstInput, (a) => ens(sammenlign.TAKST(a, utenTjek))), { numRuns: KOERSLER, seed: 15 });
    expect(r.failed).toBe(true);
  });
  it("an OVERHEAD rounding g × s in doubles is refuted", () => {
    const iDoubles = (g: number, s: number, loft?: number) => (s >= 0 && s <= 1 && (loft === undefined || s <= loft) && Number.isFinite(g) ? Math.sign(g * s) * Math.round(Math.abs(g * s)) || 0 : undefined);
    const r = fc.check(fc.property(overheadInput, (a) => ens(sammenlign.OVERHEAD(a, iDoubles))), { numRuns: KOERSLER, seed: 15 });
    expect(r.failed).toBe(true);
  });
});
