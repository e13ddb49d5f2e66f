import { EngineError } from "../../src/engine";
import { plFaktor } from "../../src/engine/plFaktor";

/** F = Π(1 + plSats_y) for y = B+1..T (002:2529; domain-season.md §B3). Expected values by hand. */
describe("plFaktor", () => {
  it("multiplies the PL of every year after B up to and including T", () => {
    // 2025 → 2027: (1 + 0,03) × (1 + 0,04) = 1,03 × 1,04 = 1,0712; 2025's own PL is not used.
    const r = plFaktor(2025, 2027, new Map([[2025, 0.5], [2026, 0.03], [2027, 0.04]]));
    expect(r.faktor?.toString()).toBe("1.0712");
    expect(r.mangler).toEqual([]);
  });

  it("one year: F is 1 + that year's plSats (seed 002: 3,9 % total for 2024)", () => {
    expect(plFaktor(2023, 2024, new Map([[2024, 0.039]])).faktor?.toString()).toBe("1.039");
  });

  it("a missing year makes F unknown and names the year, never taking 0 %", () => {
    const r = plFaktor(2021, 2023, new Map([[2023, 0.039]]));
    expect(r.faktor).toBeNull();
    expect(r.mangler).toEqual([2022]);
  });

  it("refuses a span that does not run forward and a plSats of -100 % or less", () => {
    expect(() => plFaktor(2024, 2024, new Map())).toThrow(EngineError);
    expect(() => plFaktor(2023, 2024, new Map([[2024, -1]]))).toThrow(EngineError);
  });
});
