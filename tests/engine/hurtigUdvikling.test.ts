import fc from "fast-check";
import { hurtigUdviklingAfrundet, takstudvikling } from "../../src/engine";

/** decimal.js's rounded value and flag: the reference. */
function praecisTakstudvikling(ny: number, sidste: number, pl: number, decimaler: number, graense: number): { vaerdi: number; over: boolean } {
  const u = takstudvikling(ny, sidste, pl);
  return { vaerdi: u.toDecimalPlaces(decimaler).toNumber(), over: u.abs().gt(graense) };
}

// The overview's and the validator's fast takstudvikling must give exactly decimal.js's rounded value and
// outlier flag, or hand over (undefined). The reference is the engine's decimal.js takstudvikling.

/** Takster in whole kroner or øre, PL in tenths of a percent: what the skema holds. */
const input = fc.record({
  ny: fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 5_000_000 }).map((x) => x / 100)),
  sidste: fc.oneof(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 1, max: 5_000_000 }).map((x) => x / 100)),
  pl: fc.integer({ min: -50, max: 100 }).map((x) => x / 1000),
});

describe("hurtigUdviklingAfrundet", () => {
  it("gives decimal.js's rounded value and outlier flag, or hands over", () => {
    let hurtige = 0;
    let overdraget = 0;
    fc.assert(
      fc.property(input, ({ ny, sidste, pl }) => {
        const h = hurtigUdviklingAfrundet(ny, sidste, pl, 3, 0.05);
        if (h === undefined) {
          overdraget++;
          return;
        }
        hurtige++;
        const p = praecisTakstudvikling(ny, sidste, pl, 3, 0.05);
        expect({ ny, sidste, pl, v: Object.is(h.vaerdi, p.vaerdi), over: h.over }).toEqual({ ny, sidste, pl, v: true, over: p.over });
      }),
      { numRuns: 20_000, seed: 15 },
    );
    // Whole kroner, øre and PL in tenths of a percent are read exactly (scaled integers), ties included.
    expect([hurtige, overdraget]).toEqual([20_000, 0]);
  });

  it("worked examples: exact limits and ties decided exactly, many decimals near them hand over", () => {
    // 2142 / (2000 × 1,02) − 1 = 2142 / 2040 − 1 = exactly +5,0 %: on the limit, not beyond it.
    expect(hurtigUdviklingAfrundet(2142, 2000, 0.02, 3, 0.05)).toEqual({ vaerdi: 0.05, over: false });
    // 1683 / 1530 − 1 = +10,0 %
    expect(hurtigUdviklingAfrundet(1683, 1500, 0.02, 3, 0.05)).toEqual({ vaerdi: 0.1, over: true });
    // 800 / 795,6 − 1 = 0,553… % → 0,006
    expect(hurtigUdviklingAfrundet(800, 780, 0.02, 3, 0.05)).toEqual({ vaerdi: 0.006, over: false });
    // 1001,5 / 1000 − 1 = 0,0015: a tie at three decimals, half away from zero: 0,002; 998,5 → −0,002.
    expect(hurtigUdviklingAfrundet(1001.5, 1000, 0, 3, 0.05)).toEqual({ vaerdi: 0.002, over: false });
    expect(hurtigUdviklingAfrundet(998.5, 1000, 0, 3, 0.05)).toEqual({ vaerdi: -0.002, over: false });
    // Five decimals are not read as scaled integers; within 1e-9 of the tie the doubles hand over.
    expect(hurtigUdviklingAfrundet(1001.50001, 1000, 0, 3, 0.05)).toEqual({ vaerdi: 0.002, over: false });
    expect(hurtigUdviklingAfrundet(1001.4999999999, 1000, 0, 3, 0.05)).toBeUndefined();
    // Last year's takst not positive, PL out of range: the engine throws, so hand over.
    expect(hurtigUdviklingAfrundet(100, 0, 0.02, 3, 0.05)).toBeUndefined();
    expect(hurtigUdviklingAfrundet(100, 100, 1.5, 3, 0.05)).toBeUndefined();
    // A fall rounded to zero keeps its sign, as decimal.js's -0.
    expect(Object.is(hurtigUdviklingAfrundet(99.99, 100, 0, 3, 0.05)!.vaerdi, -0)).toBe(true);
    expect(Object.is(praecisTakstudvikling(99.99, 100, 0, 3, 0.05).vaerdi, -0)).toBe(true);
  });
});
