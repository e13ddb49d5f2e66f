import { MIN_ANDRE_TILBUD, MIN_PLADSER, type SammenligningsNiveau, gruppenoegle, sammenlign } from "../../src/takstskema/sammenligning";
import { noegletal, noegletalsgrundlag } from "../../src/takstskema/noegletal";

/** Peer groups and their thresholds (product.md §5.3), on hand-made niveauer. */
const TAL = noegletal(noegletalsgrundlag({}), { basistakst: null, takst: null, belaegning: null });
const niveau = (tilbud: string, takst: number, over: Partial<SammenligningsNiveau> = {}): SammenligningsNiveau => ({
  driftsherre: "Odense Kommune", tilbud, ydelse: "Botilbud", indberetningId: tilbud, takst,
  lovgrundlag: "SEL § 108", maalgruppekategori: "Autisme", takstenhed: "døgn", pladser: 10, saerligOpmaerksomhed: false, noegletal: TAL, ...over,
});

describe("the thresholds", () => {
  it(`a group needs ${MIN_ANDRE_TILBUD} other tilbud for each: 4 tilbud get statistics, 3 do not`, () => {
    // 4 tilbud 100, 200, 300, 400: n = 4, h = 3p: median h 1,5 → 200 + 0,5 · 100 = 250.
    const fire = sammenlign(["a", "b", "c", "d"].map((t, i) => niveau(t, (i + 1) * 100)));
    expect(fire.grupper[0]!.statistik?.median).toBe(250);
    const tre = sammenlign(["a", "b", "c"].map((t, i) => niveau(t, (i + 1) * 100)));
    expect([tre.grupper[0]!.statistik, tre.grupper[0]!.besked]).toEqual([null, expect.stringMatching(/^For få sammenlignelige/)]);
  });

  it("counts tilbud, not niveauer: one tilbud with two niveauer and two others is still too few", () => {
    const s = sammenlign([niveau("a", 100), niveau("a", 150, { ydelse: "Gruppe 2" }), niveau("b", 200), niveau("c", 300)]);
    expect([s.grupper[0]!.antal, s.grupper[0]!.antalTilbud, s.grupper[0]!.statistik]).toEqual([4, 3, null]);
  });

  it(`a tilbud with ${MIN_PLADSER} pladser is compared, with ${MIN_PLADSER - 1} it is left out`, () => {
    const s = sammenlign([niveau("fem", 100, { pladser: MIN_PLADSER }), niveau("fire", 100, { pladser: MIN_PLADSER - 1 })]);
    expect(s.grupper[0]!.niveauer.map((n) => n.tilbud)).toEqual(["fem"]);
    expect(s.udeladt).toEqual([{ driftsherre: "Odense Kommune", tilbud: "fire", ydelse: "Botilbud", grund: "faaPladser" }]);
  });

  it("særlig opmærksomhed is the reason given first, before too few pladser", () => {
    expect(sammenlign([niveau("x", 100, { saerligOpmaerksomhed: true, pladser: 2 })]).udeladt.map((u) => u.grund)).toEqual(["saerligOpmaerksomhed"]);
  });
});

describe("the grouping keys", () => {
  it("ignore case and spacing, also around §", () => {
    expect(gruppenoegle(" SEL  §108 ")).toBe(gruppenoegle("sel § 108"));
    expect(gruppenoegle("SEL § 108")).not.toBe(gruppenoegle("SEL § 107"));
  });
  it("split by takstenhed and målgruppekategori", () => {
    const s = sammenlign([niveau("a", 1), niveau("b", 1, { takstenhed: "dag" }), niveau("c", 1, { maalgruppekategori: "Misbrug" })]);
    expect(s.grupper.map((g) => [g.maalgruppekategori, g.takstenhed])).toEqual([["Autisme", "dag"], ["Autisme", "døgn"], ["Misbrug", "døgn"]]);
  });
});
