import { fuldtAarPlan, fuldtAarRunder } from "../../bench/fuldtAar";

/** Issue 27: the bench's full year is the region-year measured (103 / 2,500 / 4,123 / 13,123), the same on every run. */
describe("bench/fuldtAar.ts", () => {
  const plan = fuldtAarPlan();
  const runder = fuldtAarRunder(plan);
  const skemaer = runder.flat();

  it("has 103 driftsherrer, 2,500 tilbud and 4,123 ydelser", () => {
    expect(new Set(plan.map((t) => t.driftsherre)).size).toBe(103);
    expect(new Set(plan.map((t) => `${t.driftsherre}|${t.tilbud}`)).size).toBe(2500);
    expect(plan.reduce((n, t) => n + t.ydelser.length, 0)).toBe(4123);
  });

  it("sends 13,123 skemaer over four takstår, each tilbud's current version last in its year", () => {
    expect(skemaer).toHaveLength(13123);
    expect([...new Set(skemaer.map((s) => s.TS_Takstaar))]).toEqual([2020, 2021, 2022, 2023]);
    for (const aar of [2020, 2021, 2022, 2023]) {
      const i = runder.map((r) => r[0]!.TS_Takstaar).lastIndexOf(aar);
      // The year's last round is its current versions: every tilbud once.
      expect(new Set(runder[i]!.map((s) => s.TS_Tilbud)).size).toBe(2500);
      expect(runder[i]).toHaveLength(2500);
    }
    // No round sends a tilbud twice (versions of one tilbud never stored at once).
    for (const r of runder) expect(new Set(r.map((s) => s.TS_Tilbud)).size).toBe(r.length);
  });

  it("is the same on every call (a seeded PRNG, no Math.random)", () => {
    expect(JSON.stringify(fuldtAarRunder(fuldtAarPlan()))).toBe(JSON.stringify(runder));
  });
});
