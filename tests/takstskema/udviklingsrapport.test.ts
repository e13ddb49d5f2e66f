import { D } from "../../src/engine";
import { rapporttal, regionUdvikling, type UdviklingsNiveau, udviklingsrapport } from "../../src/takstskema/udviklingsrapport";

/**
 * The takstudvikling report (issue 21; domain-season.md §B3). Expected values are computed by
 * hand in the comments, never by the code under test.
 */

describe("seed 002's table (002:2537-2587) is reproduced by the region aggregation", () => {
  // Reading used: the seed prints only the driftsherre figures (2 decimals), not the takstniveauer,
  // so those printed figures are fed to the region step as they stand. "Region Nordjylland 1,11%"
  // (002:2560) is the 11th driftsherre (Region Nordjylland runs tilbud too), which is what makes
  // the seed's own −1,18 % come out: Σ = −12,94; −12,94 / 11 = −1,1764 → −1,18.
  const SEED: [string, string][] = [
    ["Brønderslev Kommune", "-0.30"],
    ["Frederikshavn Kommune", "7.13"],
    ["Hjørring Kommune", "1.00"],
    ["Jammerbugt Kommune", "2.95"],
    ["Mariagerfjord Kommune", "-1.68"],
    ["Morsø Kommune", "-2.46"],
    ["Rebild Kommune", "-0.50"],
    ["Thisted Kommune", "-16.71"],
    ["Vesthimmerland Kommune", "-2.98"],
    ["Aalborg Kommune", "-0.50"],
    ["Region Nordjylland", "1.11"],
  ];
  const region = regionUdvikling(SEED.map(([driftsherre, pct]) => ({ driftsherre, udvikling: new D(pct).div(100) })))!;
  const uden = (d: string) => region.udenHver.find((u) => u.driftsherre === d)?.udvikling.procent;

  it("11 driftsherrer, region −1,18 % (002:2563)", () => {
    expect(region.n).toBe(11);
    expect(region.udvikling.procent).toBe(-1.18);
  });

  it("−2,01 % without Frederikshavn (002:2575-2577): (−12,94 − 7,13) / 10 = −2,007", () => {
    expect(uden("Frederikshavn Kommune")).toBe(-2.01);
  });

  it("0,38 % without Thisted (002:2583-2587): (−12,94 + 16,71) / 10 = 0,377", () => {
    expect(uden("Thisted Kommune")).toBe(0.38);
  });

  it("the exact figure is kept beside the rounded one: −12,94 % / 11 as a fraction", () => {
    expect(region.udvikling.eksakt.times(11).toString()).toBe("-0.1294");
  });
});

describe("rapporttal: percent with 2 decimals, half away from zero", () => {
  it("−0,125 % prints −0,13 (half-even or Math.round would give −0,12)", () => {
    expect(rapporttal(new D("-0.00125")).procent).toBe(-0.13);
    expect(rapporttal(new D("0.00125")).procent).toBe(0.13);
  });
});

/**
 * A constructed case 2025 → 2027 with plSats 2026 = 3 %, 2027 = 4 %: F = 1,03 × 1,04 = 1,0712, so
 * a takst of 1.000 in 2025 is 1.071,20 at 2027's level, and takst_T = 1.071,20 × (1 + u).
 */
const niv = (driftsherre: string, tilbud: string, ydelse: string, takst: number, saerligOpmaerksomhed = false): UdviklingsNiveau => ({ driftsherre, tilbud, ydelse, takst, saerligOpmaerksomhed });
const FRA: UdviklingsNiveau[] = [
  niv("Aalborg Kommune", "Bo1", "Døgn", 1000),
  niv("Aalborg Kommune", "Bo1", "Aflastning", 1000),
  niv("Aalborg Kommune", "Bo1", "Gammel ydelse", 1000),
  niv("Aalborg Kommune", "Bo2", "Døgn", 1000),
  niv("Thisted Kommune", "Algade", "Døgn", 1000),
  niv("Thisted Kommune", "Krisecenter", "Døgn", 1000),
  niv("Thisted Kommune", "Værksted", "Dag", 500),
  niv("Thisted Kommune", "Lukket tilbud", "Døgn", 800),
  niv("Morsø Kommune", "Bo3", "Døgn", 1000),
];
const TIL: UdviklingsNiveau[] = [
  niv("Aalborg Kommune", "Bo1", "Døgn", 1178.32), // 1.178,32 / 1.071,20 = 1,10 → +10 %
  niv("Aalborg Kommune", "Bo1", "Aflastning", 1071.2), // → 0 %
  niv("Aalborg Kommune", "Bo1", "Ny ydelse", 2000), // ny (Bo1 keeps 3 levels: no ny takstmodel)
  niv("Aalborg Kommune", "Bo2", " døgn ", 964.08), // same ydelse as "Døgn"; 964,08 / 1.071,20 = 0,90 → −10 %
  niv("Thisted Kommune", "Algade", "Døgn", 1285.44), // 1,20 → +20 %; 1 level → 2: ny takstmodel
  niv("Thisted Kommune", "Algade", "Døgn, skærmet", 3000), // ny
  niv("Thisted Kommune", "Krisecenter", "Døgn", 2142.4, true), // særlig opmærksomhed (would be +100 %)
  niv("Thisted Kommune", "Værksted", "Dag", 508.82), // 500 × 1,0712 = 535,60; 508,82 / 535,60 = 0,95 → −5 %
  niv("Morsø Kommune", "Bo3", "Døgn", 1124.76), // 1,05 → +5 %
  niv("Morsø Kommune", "Nyt tilbud", "Døgn", 1500), // a new tilbud: ny
];
const rapport = () => udviklingsrapport({ fra: 2025, til: 2027, niveauerFra: FRA, niveauerTil: TIL, plSatser: { "2026": 0.03, "2027": 0.04 } });

describe("the takstudvikling report on a constructed two-year case", () => {
  it("uses F = 1,0712 and gives each compared level u = takst_T / (takst_B × F) − 1", () => {
    const r = rapport();
    expect(r.plFaktor?.toString()).toBe("1.0712");
    expect(r.niveauer.map((n) => [n.tilbud, n.ydelse.trim(), n.udvikling?.procent])).toEqual([
      ["Bo1", "Døgn", 10],
      ["Bo1", "Aflastning", 0],
      ["Bo2", "døgn", -10],
      ["Algade", "Døgn", 20],
      ["Værksted", "Dag", -5],
      ["Bo3", "Døgn", 5],
    ]);
  });

  it("lists every level left out and why: udgået, ny and særlig opmærksomhed", () => {
    const grunde = rapport().udeladt.map((u) => `${u.driftsherre}/${u.tilbud}/${u.ydelse}: ${u.grund}`).sort();
    expect(grunde).toEqual([
      "Aalborg Kommune/Bo1/Gammel ydelse: udgaaet",
      "Aalborg Kommune/Bo1/Ny ydelse: ny",
      "Morsø Kommune/Nyt tilbud/Døgn: ny",
      "Thisted Kommune/Algade/Døgn, skærmet: ny",
      "Thisted Kommune/Krisecenter/Døgn: saerligOpmaerksomhed",
      "Thisted Kommune/Lukket tilbud/Døgn: udgaaet",
    ]);
  });

  it("flags a tilbud whose number of levels changed as ny takstmodel (002:2579-2583), and only that one", () => {
    const r = rapport();
    expect(r.nyTakstmodel).toEqual([{ driftsherre: "Thisted Kommune", tilbud: "Algade", niveauerFra: 1, niveauerTil: 2 }]);
    expect(r.tilbud.filter((t) => t.nyTakstmodel).map((t) => t.tilbud)).toEqual(["Algade"]);
  });

  it("per tilbud: the plain mean of its levels (Bo1: (10 + 0) / 2 = 5 %)", () => {
    const t = rapport().tilbud.map((x) => [x.tilbud, x.n, x.udvikling?.procent]);
    expect(t).toEqual([
      ["Bo1", 2, 5],
      ["Bo2", 1, -10],
      ["Algade", 1, 20],
      ["Krisecenter", 0, undefined],
      ["Værksted", 1, -5],
      ["Bo3", 1, 5],
    ]);
  });

  it("per driftsherre: the mean over its takstniveauer, not over tilbud means (domain-season.md §B3's flag)", () => {
    // Aalborg: levels (10 + 0 − 10) / 3 = 0 %, N = 3; the mean of tilbud means would be (5 − 10) / 2 = −2,5 %.
    // Thisted: (20 − 5) / 2 = 7,5 %, N = 2. Morsø: 5 %, N = 1.
    expect(rapport().driftsherrer.map((d) => [d.driftsherre, d.n, d.udvikling?.procent])).toEqual([
      ["Aalborg Kommune", 3, 0],
      ["Thisted Kommune", 2, 7.5],
      ["Morsø Kommune", 1, 5],
    ]);
  });

  it("region: the mean over driftsherrer, and without each one", () => {
    // (0 + 7,5 + 5) / 3 = 4,1666… → 4,17; without Aalborg (7,5 + 5) / 2 = 6,25;
    // without Thisted (0 + 5) / 2 = 2,50; without Morsø (0 + 7,5) / 2 = 3,75.
    const region = rapport().region!;
    expect(region.n).toBe(3);
    expect(region.udvikling.procent).toBe(4.17);
    expect(region.udenHver.map((u) => [u.driftsherre, u.udvikling.procent])).toEqual([
      ["Aalborg Kommune", 6.25],
      ["Thisted Kommune", 2.5],
      ["Morsø Kommune", 3.75],
    ]);
  });

  it("without the PL of a year between, no figure is shown (never nominal), but the exclusions still are", () => {
    const r = udviklingsrapport({ fra: 2025, til: 2027, niveauerFra: FRA, niveauerTil: TIL, plSatser: { "2027": 0.04 } });
    expect(r.plFaktor).toBeNull();
    expect(r.plMangler).toEqual([2026]);
    expect(r.region).toBeNull();
    expect(r.niveauer.every((n) => n.udvikling === null)).toBe(true);
    expect(r.driftsherrer.every((d) => d.udvikling === null)).toBe(true);
    expect(r.udeladt).toHaveLength(6);
  });

  it("refuses bad input with a zod error rather than computing (a takst of 0 in year B)", () => {
    expect(() => udviklingsrapport({ fra: 2025, til: 2027, niveauerFra: [niv("A", "B", "C", 0)], niveauerTil: [], plSatser: {} })).toThrow(/takst/);
  });
});
