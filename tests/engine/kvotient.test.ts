import fc from "fast-check";
import { afrundTal, hurtigKvotient, kunDecimal, kvotient, kvotientTal, produktTal, tilTal } from "../../src/engine";

/** The key figures' quotient (product.md §5.3): the double fast path gives decimal.js's very number or hands over. */
const KOERSLER = 5_000;
// Amounts in øre up to 1e11 kr., counts and shares with up to 4 decimals: what a skema holds.
const beloeb = fc.integer({ min: 1, max: 10_000_000_000_000 }).map((n) => n / 100);
const antal = fc.integer({ min: 1, max: 100_000_000 }).map((n) => n / 10_000);

describe("KVOTIENT", () => {
  it("the fast path gives the same number as decimal.js with ROUND_HALF_UP, or hands over", () => {
    let hurtige = 0;
    let overdraget = 0;
    fc.assert(
      fc.property(fc.oneof(beloeb, antal), fc.oneof(beloeb, antal), fc.integer({ min: 0, max: 4 }), (a, b, k) => {
        const h = hurtigKvotient(a, b, k);
        if (h === undefined) overdraget++;
        else hurtige++;
        const ref = tilTal(kvotient(a, b, k));
        expect({ a, b, k, h: h ?? ref }).toEqual({ a, b, k, h: ref });
      }),
      { numRuns: KOERSLER, seed: 24 },
    );
    expect(hurtige).toBeGreaterThan(KOERSLER / 2);
    expect(overdraget).toBeGreaterThan(0);
  });

  it("worked examples: 17.450.921 / 8.409,6 = 2.075,119… → 2.075,12; a tie 1 / 8 = 0,125 → 0,13 goes to decimal.js", () => {
    expect(hurtigKvotient(17_450_921, 8409.6, 2)).toBe(2075.12);
    expect(hurtigKvotient(1, 8, 2)).toBeUndefined();
    expect(kvotientTal(1, 8, 2)).toBe(0.13);
    expect(kvotientTal(-1, 8, 2)).toBe(-0.13); // negative: decimal.js, half away from zero
    expect(() => kvotientTal(1, 0, 2)).toThrow();
  });

  it("afrundTal and produktTal give decimal.js's number on both paths", () => {
    for (const [x, k] of [[0.125, 2], [1.005, 2], [2.5, 0], [-2.5, 0], [17_450_921, 2], [0.96, 4], [1 / 3, 4]] as const) {
      expect(afrundTal(x, k)).toBe(kunDecimal(() => afrundTal(x, k)));
    }
    expect(afrundTal(1.005, 2)).toBe(1.01); // decimal.js reads 1.005 as 1,005: a tie, away from zero
    expect(produktTal(2047, 365)).toBe(747_155);
    expect(produktTal(0.1, 0.2)).toBe(0.02); // not 0.020000000000000004
    expect(kunDecimal(() => produktTal(0.1, 0.2))).toBe(0.02);
  });
});
