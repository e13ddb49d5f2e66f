import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CELLER, FELTER, REGNSKABSSKEMA_FELTER, skabelonLayout, validerRegnskab, validerSkema, ydelserAf } from "../../src/takstskema";
import { fremfoeres } from "../../src/takstskema/fremfoer";
import { noegletal, noegletalsgrundlag } from "../../src/takstskema/noegletal";
import { eksempel, FORVENTET, I_TIDE, kort, REGISTER, rundtur, valider } from "./hjaelp";

// TS_ReguleringPulje (product.md §2, §5.2): the pool's share for this tilbud, a second line of
// category 9 beside TS_Regulering (= −A7). Hand figures: the example's takstgrundlag is
// 17.210.921 over 8.409,6 belægningsdage (takst 2.047, tests/takstskema/hjaelp.ts); a pool share
// of −84.096 = −10 × 8.409,6 gives 17.126.825 and a takst exactly 10 kr. lower, 2.037.
const PULJE = -84_096;

describe("TS_ReguleringPulje: category 9's pool line in the budget skema", () => {
  it("is in the takstgrundlag the validator recomputes (and so in the takst), negative without TS013", () => {
    const r = valider({ TS_ReguleringPulje: PULJE });
    expect(r.findings).toEqual([]);
    expect(r.beregnet!.takstgrundlag).toBe(17_126_825);
    expect(r.beregnet!.takst).toBe(2037);
  });
  it("text in it is TS002 on its cell alone: the computed cells it feeds are not judged on a figure that is not there", () => {
    expect(kort(valider({ TS_ReguleringPulje: "mange penge", TS_Takstgrundlag: 1 }).findings)).toEqual([`TS002 error TS_ReguleringPulje ${CELLER.TS_ReguleringPulje}`]);
  });
  it("a cached takstgrundlag that leaves the pool out is caught (the native formula sums it)", () => {
    expect(valider({ TS_ReguleringPulje: PULJE, TS_Takstgrundlag: FORVENTET.takstgrundlag }).findings.map((f) => f.field)).toContain("TS_Takstgrundlag");
  });
  it("TS040 compares TS_Regulering alone with −A7: the pool share neither hides nor causes a warning", () => {
    // −A7 = −240.000; regulering −100.000 plus a pool share of −140.000 sums to −240.000 but is still wrong.
    expect(kort(valider({ TS_Regulering: -100_000, TS_ReguleringPulje: -140_000 }).findings)).toEqual([`TS040 warning TS_Regulering ${CELLER.TS_Regulering}`]);
    expect(valider({ TS_ReguleringPulje: 500_000 }).findings.filter((f) => f.code === "TS040")).toEqual([]);
  });
  it("sits in Omkostninger right after TS_Regulering, labelled 9b, and the template's TS_Takstgrundlag formula sums it", () => {
    const i = FELTER.findIndex((f) => f.navn === "TS_Regulering");
    const f = FELTER[i + 1]!;
    expect([f.navn, f.sektion, f.etiket, f.rolle, f.obligatorisk, f.type]).toEqual(["TS_ReguleringPulje", "Omkostninger", "9b. Regulering fra puljen", "input", false, "beloeb"]);
    expect(f.hjaelp).toContain("pulje");
    const raekke = (navn: keyof typeof CELLER) => Number(CELLER[navn].replace(/^.*![A-Z]+/, ""));
    expect(raekke("TS_ReguleringPulje")).toBe(raekke("TS_Regulering") + 1);
    const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
    const tg = layout.celler.find((c) => c.felt === "TS_Takstgrundlag")!;
    expect(tg.formel).toContain("TS_Regulering,TS_ReguleringPulje,");
    expect(layout.celler.find((c) => c.felt === "TS_ReguleringPulje")!.laast).toBe(false);
    expect(layout.navne.map((n) => n.navn)).toContain("TS_ReguleringPulje");
  });
  it("is not part of the regnskabsskema (its category 9 is the one line charged in year N), nor carried to next year", () => {
    expect(REGNSKABSSKEMA_FELTER.map((f) => f.navn)).not.toContain("TS_ReguleringPulje");
    expect(skabelonLayout(REGISTER.hent("SYD-2018"), "regnskab").navne.map((n) => n.navn)).not.toContain("TS_ReguleringPulje");
    expect(fremfoeres("TS_ReguleringPulje", "Omkostninger")).toBe(false);
    // A regnskab body that carries the name anyway: A2 stays the seed's (Bilag 18 example 1).
    const eks1 = (JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "regnskab-bilag18.json"), "utf8")) as { cases: { regnskab: Record<string, unknown>; expect: { A2: number } }[] }).cases[0]!;
    expect(validerRegnskab({ ...eks1.regnskab, TS_ReguleringPulje: 1_000_000 }, { register: REGISTER }).beregnet!.efterregulering!.A2).toBe(eks1.expect.A2);
  });
  it("a workbook made before the field (no such name) is read without a TS005 and with it empty, not from its standard cell", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => {
      wb.definedNames.remove(CELLER.TS_ReguleringPulje.replace(/!([A-Z]+)(\d+)$/, "!$$$1$$$2"), "TS_ReguleringPulje");
      // In an older template that cell held 10. Øvrige omkostninger (90.000 in the example).
      wb.getWorksheet("Takstskema")!.getCell(CELLER.TS_ReguleringPulje.split("!")[1]!).value = 90_000;
    });
    expect(r.findings).toEqual([]);
    expect(r.vaerdier.TS_ReguleringPulje).toBeUndefined();
    expect(r.beregnet!.takstgrundlag).toBe(FORVENTET.takstgrundlag);
  });
  it("the key figures' omkostninger leave out both category 9 lines", () => {
    // Regulering −240.000 and pool −84.096 left out: 17.126.825 + 240.000 + 84.096 = 17.450.921, as without either.
    const r = validerSkema({ ...eksempel(), TS_ReguleringPulje: PULJE }, { register: REGISTER, indsendt: I_TIDE });
    const beregnet = JSON.parse(JSON.stringify(r.beregnet)) as unknown;
    const g = noegletalsgrundlag(r.vaerdier as Record<string, unknown>, beregnet);
    expect(noegletal(g, ydelserAf(r.vaerdier, r.beregnet)[0]!).omkostninger).toBe(17_450_921);
  });
});
