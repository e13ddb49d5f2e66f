import fc from "fast-check";
import { D, efterregulering, fordel, rund, sum, takst, belaegningsdage } from "../../src/engine";

const kroner = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
const noegler = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }).filter((k) => k.some((x) => x > 0));

describe("largest remainder (REST)", () => {
  it("shares always sum exactly to the amount", () => {
    fc.assert(
      fc.property(kroner, noegler, (beloeb, keys) => {
        expect(sum(fordel(beloeb, keys, "REST")).eq(beloeb)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it("each share differs from the exact share by less than 1 kr", () => {
    fc.assert(
      fc.property(kroner, noegler, (beloeb, keys) => {
        const total = keys.reduce((a, b) => a + b, 0);
        fordel(beloeb, keys, "REST").forEach((share, i) => {
          const exact = new D(beloeb).times(keys[i]!).div(total);
          expect(share.minus(exact).abs().lt(1)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
  it("is odd-symmetric: sharing -x gives the negated shares of x", () => {
    fc.assert(
      fc.property(kroner, noegler, (beloeb, keys) => {
        const plus = fordel(beloeb, keys, "REST");
        const minus = fordel(-beloeb, keys, "REST");
        plus.forEach((p, i) => expect(minus[i]!.eq(p.neg())).toBe(true));
      }),
    );
  });
});

describe("the 5 % rule", () => {
  const budget = fc.integer({ min: 0, max: 500_000_000 });
  it("is odd-symmetric: efterreg(-r) = -efterreg(r)", () => {
    fc.assert(
      fc.property(kroner, budget, (r, b) => {
        expect(efterregulering(-r, b).eq(efterregulering(r, b).neg())).toBe(true);
      }),
    );
  });
  it("is zero inside the band |r| ≤ 5 % of budget, and non-zero outside it", () => {
    fc.assert(
      fc.property(kroner, budget, (r, b) => {
        const inside = new D(r).abs().lte(new D(b).times("0.05"));
        expect(efterregulering(r, b).isZero()).toBe(inside);
      }),
    );
  });
  it("moves the takst against the result: an overskud never raises it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), budget, (r, b) => {
        expect(efterregulering(r, b).lte(0)).toBe(true);
      }),
    );
  });
});

describe("takst × belægningsdage", () => {
  it("is within half a krone per day of the takstgrundlag", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 1000 }).map((p) => p / 1000),
        fc.constantFrom(365, 334, 366, 250),
        (grundlag, pladser, belaegning, dage) => {
          const dagene = belaegningsdage(pladser, belaegning, dage);
          const diff = takst(grundlag, pladser, belaegning, dage).times(dagene).minus(grundlag).abs();
          expect(diff.lte(dagene.times("0.5"))).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("decimal results never drift", () => {
  it("summing 10,000 amounts of 0.1 kr gives exactly 1,000", () => {
    expect(sum(Array.from({ length: 10000 }, () => 0.1)).eq(1000)).toBe(true);
    // The plain-number sum drifts, which is why the engine keeps Decimal inside.
    expect(Array.from({ length: 10000 }, () => 0.1).reduce((a, b) => a + b, 0)).not.toBe(1000);
  });
  it("rounding is half away from zero on both sides (Excel ROUND)", () => {
    expect(rund(2.5).toNumber()).toBe(3);
    expect(rund(-2.5).toNumber()).toBe(-3);
    expect(rund("1164.845", 2).toNumber()).toBe(1164.85);
  });
});
