import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  celleFor, CELLER, type Efterregulering, felt, REGLER, REGNSKAB_FELTER, REGNSKAB_REGLER, skabelonLayout, validerRegnskab, validerSkema, YDELSE_KOLONNER,
} from "../../src/takstskema";
import { REGISTER } from "./hjaelp";

// The regnskabsskema (product.md §2, domain-season.md §B1): Bilag 18's examples 1-3 recomputed
// from actual cost lines whose sum is the seed's afregningsgrundlag (the hand sums are in the
// fixture's "haandregnet"), its own rules, and a budget skema that does not move.

interface Tilfaelde { navn: string; source: string; regnskab: Record<string, unknown>; expect: Efterregulering }
const GOLDEN = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "regnskab-bilag18.json"), "utf8")) as { cases: Tilfaelde[] };
const [EKS1, EKS2, EKS3] = GOLDEN.cases as [Tilfaelde, Tilfaelde, Tilfaelde];
const SYD = REGISTER.hent("SYD-2018");

const valider = (v: Record<string, unknown>, takstaaret?: { regulering?: number; rentesats?: number }) => validerRegnskab(v, { register: REGISTER, ...(takstaaret ? { takstaaret } : {}) });
const kort = (r: ReturnType<typeof valider>) => r.findings.map((f) => `${f.code} ${f.severity} ${f.field} ${f.cell}`);

describe("Bilag 18 examples 1-3 from a regnskabsskema (004:5359-5445)", () => {
  it.each(GOLDEN.cases.map((c) => [c.navn, c] as const))("%s: beregnet.efterregulering is the seed's A1..A7 with no finding", (_navn, c) => {
    const r = valider(c.regnskab);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.beregnet?.efterregulering).toEqual(c.expect);
  });

  it("example 3's two takst periods (5.000 dage at 1.900 and 2.100) give the seed's 10.000 × 2.000 = 20.000.000", () => {
    expect(valider(EKS3.regnskab).beregnet?.efterregulering?.A1).toBe(20_000_000);
  });

  it("TS_AktiveretDrift is subtracted from the overhead base and A2: without it example 1's A2 is 300.000 + 4 % × 300.000 higher", () => {
    const uden = valider({ ...EKS1.regnskab, TS_AktiveretDrift: null }).beregnet!.efterregulering!;
    expect([uden.overheadGrundlag, uden.overhead, uden.A2]).toEqual([9_800_000, 392_000, 10_312_000]);
  });

  it("category 9 (the regulering line of takst year N) is part of A2: example 2 without it has A2 100.000 higher", () => {
    expect(valider({ ...EKS2.regnskab, TS_Regulering: null }).beregnet!.efterregulering!.A2).toBe(9_500_000);
  });
});

describe("the regnskab's rules", () => {
  it("rule codes are unique across the budget and regnskab rules, and each is described in Danish", () => {
    const koder = [...REGLER.map((r) => r.code), ...REGNSKAB_REGLER.map((r) => r.code)];
    expect(new Set(koder).size).toBe(koder.length);
    for (const r of REGNSKAB_REGLER) expect(r.beskrivelse).toMatch(/^Regnskab: .{20,}/);
    expect(REGNSKAB_REGLER.map((r) => r.code)).toEqual(expect.arrayContaining(["TS200", "TS202", "TS203", "TS211"]));
  });

  it("TS200: an A2 cell 2 kr. off the sum of its categories, on the A2 cell", () => {
    expect(kort(valider({ ...EKS1.regnskab, TS_A2: 10_000_002 }))).toEqual([`TS200 error TS_A2 ${CELLER.TS_A2}`]);
    expect(kort(valider({ ...EKS1.regnskab, TS_A2: 10_000_001 }))).toEqual([]);
  });

  it("TS204: an A1 cell that is not Σ dage × takst, and a regulering år +2 that is not -A7", () => {
    expect(kort(valider({ ...EKS1.regnskab, TS_A1: 10_500_000 }))).toEqual([`TS204 error TS_A1 ${CELLER.TS_A1}`]);
    expect(kort(valider({ ...EKS2.regnskab, TS_ReguleringAarPlus2: -200_000 }))).toEqual([`TS204 error TS_ReguleringAarPlus2 ${celleFor("TS_ReguleringAarPlus2")}`]);
  });

  it("TS_A1Kilde \"regnskab\" (intern afregning): A1 is TS_A1Regnskab, not the days × takster, and TS204 accepts the cell that says so", () => {
    // Example 1 with 10.250.000 booked instead of 10.400 × 1.000: A5 = 10.250.000 − 10.000.000 = 250.000; A7 = 250.000 − 400.000 = −150.000.
    const intern = { ...EKS1.regnskab, TS_A1Kilde: "Regnskab", TS_A1Regnskab: 10_250_000 };
    const r = valider({ ...intern, TS_A1: 10_250_000 });
    expect(kort(r)).toEqual([]);
    expect(r.beregnet?.efterregulering).toMatchObject({ A1: 10_250_000, A5: 250_000, A7: -150_000, reguleringAarPlus2: 150_000 });
    // The formula's other branch in the cell is wrong here.
    expect(kort(valider({ ...intern, TS_A1: 10_400_000 }))).toEqual([`TS204 error TS_A1 ${CELLER.TS_A1}`]);
    // Empty or "takster" is the default: the days × takster.
    for (const kilde of ["", "takster", null]) expect(valider({ ...EKS1.regnskab, TS_A1Kilde: kilde, TS_A1Regnskab: 10_250_000 }).beregnet?.efterregulering?.A1).toBe(10_400_000);
  });

  it("TS_A1Kilde \"regnskab\" without the booked revenue is TS001 on TS_A1Regnskab; a source not in the list is TS002", () => {
    expect(kort(valider({ ...EKS1.regnskab, TS_A1Kilde: "regnskab" }))).toContain(`TS001 error TS_A1Regnskab ${celleFor("TS_A1Regnskab")}`);
    expect(kort(valider({ ...EKS1.regnskab, TS_A1Kilde: "bogføring" }))).toContain(`TS002 error TS_A1Kilde ${celleFor("TS_A1Kilde")}`);
  });

  it("TS211: 500.000 set aside in the pool on a budget of 9.000.000 is more than 5 % (450.000)", () => {
    const r = valider({ ...EKS1.regnskab, TS_A6Overfoert: -100_000, TS_A6Pulje: 500_000 });
    expect(kort(r)).toEqual([`TS211 error TS_A6Pulje ${celleFor("TS_A6Pulje")}`]);
    expect(r.findings[0]!.message).toContain("450.000 kr.");
    expect(kort(valider({ ...EKS1.regnskab, TS_A6Overfoert: -50_000, TS_A6Pulje: 450_000 }))).toEqual([]);
  });

  it("TS040 on the actual figures: example 3 with only -300.000 in A6 leaves the part of the underskud up to 5 % in the takst", () => {
    expect(kort(valider({ ...EKS3.regnskab, TS_A6Pulje: 0 }))).toEqual([`TS040 warning TS_A6 ${CELLER.TS_A6}`]);
  });

  it("TS202 and TS203 are skipped without the submitted takst of year N (the CLI) and checked with it (the service)", () => {
    const uden = valider(EKS2.regnskab);
    expect(uden.skipped.map((s) => s.code)).toEqual(expect.arrayContaining(["TS202", "TS203"]));
    const r = valider({ ...EKS2.regnskab, TS_Rentesats: 0.0147 }, { regulering: -150_000, rentesats: 0.012 });
    expect(kort(r)).toEqual([`TS202 warning TS_Regulering ${CELLER.TS_Regulering}`, `TS203 error TS_Rentesats ${CELLER.TS_Rentesats}`]);
    expect(r.skipped.map((s) => s.code)).not.toContain("TS202");
    expect(kort(valider({ ...EKS2.regnskab, TS_Rentesats: 0.0147 }, { regulering: -100_000, rentesats: 0.0147 }))).toEqual([]);
  });

  it("the Ydelser rows: a period without days is TS111, a takst of 0 is TS032, negative aktiverede driftsudgifter TS013", () => {
    expect(kort(valider({ ...EKS3.regnskab, TS_Ydelser_FaktiskeDage: [5000, null] }))).toContain(`TS111 error TS_Ydelser_FaktiskeDage ${celleFor("TS_Ydelser_FaktiskeDage", 1)}`);
    expect(kort(valider({ ...EKS3.regnskab, TS_Ydelser_Takst: [1900, 0] }))).toContain(`TS032 error TS_Ydelser_Takst ${celleFor("TS_Ydelser_Takst", 1)}`);
    expect(kort(valider({ ...EKS1.regnskab, TS_AktiveretDrift: -1 }))).toContain(`TS013 error TS_AktiveretDrift ${celleFor("TS_AktiveretDrift")}`);
    expect(kort(valider({ ...EKS1.regnskab, TS_Regnskabsaar: null }))).toContain(`TS001 error TS_Regnskabsaar ${celleFor("TS_Regnskabsaar")}`);
  });

  it("TS205: a takst period that starts outside the regnskabsår (2019-07-01 in the 2018 regnskab)", () => {
    const r = valider({ ...EKS3.regnskab, TS_Ydelser_GyldigFra: ["2018-01-01", "2019-07-01"] });
    expect(kort(r)).toEqual([`TS205 warning TS_Ydelser_GyldigFra ${celleFor("TS_Ydelser_GyldigFra", 1)}`]);
    expect(r.findings[0]!.message).toContain("01-07-2019");
  });

  it("TS004 on the regnskabsår: a 2019 regnskab under SYD-2018 (the takst year's ruleset is 2018's) points at TS_Regnskabsaar", () => {
    const r = valider({ ...EKS1.regnskab, TS_Regnskabsaar: 2019 });
    expect(kort(r)).toEqual([`TS004 warning TS_Regnskabsaar ${celleFor("TS_Regnskabsaar")}`]);
    expect(r.findings[0]!.message).toMatch(/^Regnskabsåret 2019/);
  });

  it("the budget checks that hold for actual figures still run: overhead above SYD-2018's 4,4 % is TS020", () => {
    expect(kort(valider({ ...EKS1.regnskab, TS_OverheadSats: 0.05 }))).toContain(`TS020 error TS_OverheadSats ${CELLER.TS_OverheadSats}`);
  });

  it("the budget validator is untouched: a budget skema never gets beregnet.efterregulering", () => {
    const budget = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-syd-2018.json"), "utf8")) as Record<string, unknown>;
    expect(validerSkema(budget, { register: REGISTER }).beregnet?.efterregulering).toBeUndefined();
  });
});

describe("the regnskabsskema's template", () => {
  const budget = skabelonLayout(SYD);
  const regnskab = skabelonLayout(SYD, "regnskab");
  const ref = (l: typeof budget) => new Map(l.navne.map((n) => [n.navn as string, n.ref]));

  it("the budget skema is the default and carries no regnskab name", () => {
    expect(skabelonLayout(SYD, "budget")).toEqual(budget);
    const navne = ref(budget);
    for (const f of REGNSKAB_FELTER) expect([f.navn, navne.has(f.navn)]).toEqual([f.navn, false]);
    expect(navne.has("TS_Ydelser_FaktiskeDage")).toBe(false);
  });

  it("the rows of budget fields the regnskab leaves out are made low, and no row holding a cell is", () => {
    const hoej = regnskab.raekkeHoejder;
    // TS_Pladser's row (a budget field the regnskab has no place for) is low; TS_Loen's is not.
    expect(hoej[Number(CELLER.TS_Pladser.replace(/^\D+/, ""))]).toBeLessThan(10);
    const brugte = new Set(regnskab.celler.map((c) => Number(c.adresse.replace(/^[A-Z]+/, ""))));
    for (const [r, h] of Object.entries(hoej)) if (h < 10) expect([r, brugte.has(Number(r))]).toEqual([r, false]);
    expect(Object.values(budget.raekkeHoejder).every((h) => h >= 10)).toBe(true);
  });

  it("every name the regnskab shares with the budget skema is in the same cell", () => {
    const b = ref(budget);
    for (const [navn, r] of ref(regnskab)) if (b.has(navn)) expect([navn, r]).toEqual([navn, b.get(navn)]);
  });

  it("holds product.md §2's regnskab names, and none of the budget's capacity and takst-structure names", () => {
    const navne = ref(regnskab);
    for (const n of ["TS_Skematype", "TS_Regnskabsaar", "TS_AktiveretDrift", "TS_A1", "TS_A2", "TS_A3", "TS_A4", "TS_A5", "TS_A6", "TS_A6Pulje", "TS_A6Overfoert", "TS_A7", "TS_RegBudget", "TS_ReguleringAarPlus2", "TS_Ydelser_Navn", "TS_Ydelser_Takst", "TS_Ydelser_FaktiskeDage", "TS_Ydelser_GyldigFra"]) {
      expect([n, navne.has(n)]).toEqual([n, true]);
    }
    for (const n of ["TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_Ydelser_Basistakst", "TS_Pladser", "TS_Dage", "TS_PLPct"]) expect([n, navne.has(n)]).toEqual([n, false]);
  });

  it("A1, A2, A4-A7 and regulering år +2 are native formulas (no SOC call), the takst an input", () => {
    const formel = (felt: string) => regnskab.celler.find((c) => c.felt === felt && c.raekke === undefined)?.formel;
    expect(formel("TS_A1")).toBe("IF(TS_A1Kilde=\"regnskab\",TS_A1Regnskab,ROUND(SUMPRODUCT(TS_Ydelser_FaktiskeDage,TS_Ydelser_Takst),0))");
    expect(formel("TS_A2")).toBe("TS_Takstgrundlag");
    expect(formel("TS_A6")).toBe("TS_A6Pulje+TS_A6Overfoert");
    expect(formel("TS_ReguleringAarPlus2")).toBe("IF(TS_A7=\"\",\"\",0-TS_A7)");
    for (const n of ["TS_A4", "TS_A5", "TS_A7"]) expect(formel(n)).toBe(felt(n)!.formel);
    for (const c of regnskab.celler) if (c.formel) expect([c.adresse, /SOC\./.test(c.formel)]).toEqual([c.adresse, false]);
    const takst = regnskab.celler.find((c) => c.felt === "TS_Ydelser_Takst" && c.raekke === 0)!;
    expect([takst.laast, takst.formel]).toEqual([false, undefined]);
    expect(regnskab.celler.find((c) => c.felt === "TS_Skematype")?.vaerdi).toBe("regnskab");
    expect(YDELSE_KOLONNER.find((k) => k.navn === "TS_Ydelser_Takst")?.beregnet).toBe(true);
  });
});

describe("junk in a regnskabsskema gives findings, never a throw", () => {
  const JUNK: unknown[] = ["abc", "", Number.NaN, Infinity, -1, 1e308, {}, [], [[1]], true, null, "#VALUE!", { formula: "X", result: "#REF!" }];
  const NAVNE = ["TS_Regnskabsaar", "TS_A1Kilde", "TS_A1Regnskab", "TS_AktiveretDrift", "TS_A6Pulje", "TS_A6Overfoert", "TS_ReguleringAarPlus2", "TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_RegBudget", "TS_Ydelser_FaktiskeDage", "TS_Ydelser_Takst", "TS_Ydelser_GyldigFra"];
  it.each(NAVNE)("%s with every junk value: findings with a cell, figures finite or null", (navn) => {
    for (const j of JUNK) {
      const r = valider({ ...EKS3.regnskab, [navn]: j });
      for (const f of r.findings) expect([navn, j, f.cell.startsWith("Takstskema!")]).toEqual([navn, j, true]);
      expect(r.findings.map((f) => f.code)).not.toContain("TS999");
      for (const x of Object.values(r.beregnet?.efterregulering ?? {})) expect(x === null || Number.isFinite(x)).toBe(true);
    }
  });

  it("a body that is not an object is no throw", () => {
    for (const j of [null, 7, "regnskab", []]) expect(() => validerRegnskab(j as unknown as Record<string, unknown>, { register: REGISTER })).not.toThrow();
  });
});
