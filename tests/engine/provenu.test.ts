import { EngineError, provenu, provenuTal, tilTal } from "../../src/engine";

// A1 on the accounts (004:5205-5207): Σ belægningsdage × the takst in force, rounded once at the
// end, half away from zero, as the regnskabsskema's ROUND(SUMPRODUCT(dage, takst), 0).

describe("provenu (A1)", () => {
  it("Bilag 18 eksempel 1: 10.400 dage × 1.000 = 10.400.000 (004:5365)", () => {
    expect(tilTal(provenu([{ dage: 10_400, takst: 1000 }]))).toBe(10_400_000);
  });

  it("an in-year change: 181 days at 1.900 and 184 at 2.100 are summed per period", () => {
    // 181 × 1.900 = 343.900; 184 × 2.100 = 386.400; together 730.300.
    expect(provenuTal([{ dage: 181, takst: 1900 }, { dage: 184, takst: 2100 }])).toBe(730_300);
  });

  it("rounds the sum once, half away from zero: 0,4 kr. + 0,4 kr. = 0,8 → 1, where rounding each row would give 0; 0,5 → 1", () => {
    expect(provenuTal([{ dage: 1, takst: 0.4 }, { dage: 1, takst: 0.4 }])).toBe(1);
    expect(provenuTal([{ dage: 1, takst: 0.5 }])).toBe(1);
  });

  it("negative days are refused, naming the row", () => {
    expect(() => provenu([{ dage: 10, takst: 1000 }, { dage: -1, takst: 1000 }])).toThrow(EngineError);
    expect(() => provenu([{ dage: 10, takst: 1000 }, { dage: -1, takst: 1000 }])).toThrow(/række 2/);
  });
});
