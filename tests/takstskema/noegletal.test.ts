import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validerSkema, ydelserAf } from "../../src/takstskema";
import { noegletal, noegletalsgrundlag } from "../../src/takstskema/noegletal";
import { eksempel, I_TIDE, REGISTER } from "./hjaelp";

/**
 * The key figures of product.md §5.3 on the shipped examples, as the service stores them (the
 * validator's values and beregnet). Every expected figure is worked out by hand in the comments.
 */
function somGemt(krop: Record<string, unknown>) {
  const r = validerSkema(krop, { register: REGISTER, indsendt: I_TIDE });
  expect(r.ok).toBe(true);
  return { vaerdier: r.vaerdier as Record<string, unknown>, beregnet: JSON.parse(JSON.stringify(r.beregnet)) as unknown, ydelser: ydelserAf(r.vaerdier, r.beregnet) };
}

describe("examples/botilbud-syd-2018.json (one takst, regulering −240.000)", () => {
  // From tests/takstskema/hjaelp.ts: takstgrundlag 17.210.921 (regulering −240.000 in it),
  // overhead 733.867, 24 pladser, belægningsdage 24 × 365 × 0,96 = 8.409,6, takst 2.047.
  // omkostninger = 17.210.921 − (−240.000) = 17.450.921 (the regulering line left out)
  // pr. plads = 17.450.921 / 24 = 727.121,71 → 727.122
  // pr. belægningsdag = 17.450.921 / 8.409,6: 8.409,6 × 2.075 = 17.449.920, rest 1.001 / 8.409,6 = 0,119 → 2.075,12
  // lønandel = 14.250.000 / 17.450.921 = 0,81658 → 0,8166
  // administrationsandel = 620.000 / 17.450.921 = 0,03553 → 0,0355
  // overheadandel = 733.867 / 17.450.921 = 0,04205 → 0,0421
  // kapitalandel = (950.000 + 400.000 + 176.400) / 17.450.921 = 1.526.400 / 17.450.921 = 0,08747 → 0,0875
  // årlig takst pr. helårsborger = 2.047 × 365 = 747.155
  // not split (no TS_Borgerrettet): basisandel null; no TS_Aarsvaerk: normering null
  const { vaerdier, beregnet, ydelser } = somGemt(eksempel());
  const g = noegletalsgrundlag(vaerdier, beregnet);

  it("gives each figure by hand, from the stored values without the regulering", () => {
    expect(ydelser.map((y) => y.takst)).toEqual([2047]);
    expect(noegletal(g, ydelser[0]!)).toEqual({
      omkostninger: 17_450_921,
      prPlads: 727_122,
      prBelaegningsdag: 2075.12,
      loenandel: 0.8166,
      administrationsandel: 0.0355,
      overheadandel: 0.0421,
      kapitalandel: 0.0875,
      basisandel: null,
      belaegning: 0.96,
      aarligTakstPrHelaarsborger: 747_155,
      normeringPrPlads: null,
    });
  });

  it("computes the same figures with beregn from the example as submitted (the former single-takst shape) and from stored values without beregnet", () => {
    const ventet = noegletal(g, ydelser[0]!);
    expect(noegletal(noegletalsgrundlag(eksempel()), ydelser[0]!)).toEqual(ventet);
    expect(noegletal(noegletalsgrundlag(vaerdier), ydelser[0]!)).toEqual(ventet);
  });

  it("normering pr. plads = TS_Aarsvaerk / pladser: 30 / 24 = 1,25", () => {
    const medAarsvaerk = somGemt({ ...eksempel(), TS_Aarsvaerk: 30 });
    expect(noegletal(noegletalsgrundlag(medAarsvaerk.vaerdier, medAarsvaerk.beregnet), medAarsvaerk.ydelser[0]!).normeringPrPlads).toBe(1.25);
  });

  it("a regulering changes the takst but not the key figures' omkostninger", () => {
    // Regulering 0: takstgrundlag 17.450.921 and takst 17.450.921 / 8.409,6 = 2.075,12 → 2.075; omkostninger the same 17.450.921.
    const uden = somGemt({ ...eksempel(), TS_Regulering: 0 });
    expect(uden.ydelser[0]!.takst).toBe(2075);
    expect(noegletal(noegletalsgrundlag(uden.vaerdier, uden.beregnet), uden.ydelser[0]!).omkostninger).toBe(17_450_921);
  });
});

describe("examples/botilbud-differentieret-syd-2018.json (three takster, basis/service split)", () => {
  // From tests/takstskema/ydelser.test.ts: takstgrundlag 14.600.000 (regulering 0), 22 pladser,
  // belægningsdage 7.701,5, basistakst 597, takster 1.484 / 1.927 / 2.814.
  // pr. plads = 14.600.000 / 22 = 663.636,36 → 663.636; pr. belægningsdag = 14.600.000 / 7.701,5 = 1.895,73
  // basisandel A = 597 / 1.484 = 0,40229 → 0,4023; C = 597 / 2.814 = 0,21215 → 0,2122
  // årlig takst A = 1.484 × 365 = 541.660; belægning C = 100 % → 1; årlig takst C = 2.814 × 365 = 1.027.110
  const krop = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
  const { vaerdier, beregnet, ydelser } = somGemt(krop);
  const g = noegletalsgrundlag(vaerdier, beregnet);

  it("shares the skema's figures and gives each niveau its own basisandel, belægning and årlig takst", () => {
    const a = noegletal(g, ydelser[0]!);
    const c = noegletal(g, ydelser[2]!);
    expect([a.omkostninger, a.prPlads, a.prBelaegningsdag]).toEqual([14_600_000, 663_636, 1895.73]);
    expect([c.omkostninger, c.prPlads, c.prBelaegningsdag]).toEqual([14_600_000, 663_636, 1895.73]);
    expect([a.basisandel, a.belaegning, a.aarligTakstPrHelaarsborger]).toEqual([0.4023, 0.95, 541_660]);
    expect([c.basisandel, c.belaegning, c.aarligTakstPrHelaarsborger]).toEqual([0.2122, 1, 1_027_110]);
  });
});

describe("junk never crashes", () => {
  it("an empty record gives omkostninger 0 and no quotients", () => {
    const n = noegletal(noegletalsgrundlag({}), { basistakst: null, takst: null, belaegning: null });
    expect(n).toMatchObject({ omkostninger: 0, prPlads: null, prBelaegningsdag: null, loenandel: null, basisandel: null, aarligTakstPrHelaarsborger: null });
  });
});
