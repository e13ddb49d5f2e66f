import { adresseFor, CELLER, felt, FELTER, kolonneAdresse, skabelonLayout, validerSkema, YDELSE_KOLONNER } from "../../src/takstskema";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eksempel, I_TIDE, kort, REGISTER, valider } from "./hjaelp";

// Issue 10: the rules as the seeds state them, and the mistakes accountants really make.
// Figures of the example (examples/botilbud-syd-2018.json) are worked out in hjaelp.ts:
// takstgrundlag 17.210.921, 24 pladser × 365 × 96 % = 8.409,6 belægningsdage, takst 2.047.

const koder = (r: ReturnType<typeof valider>) => r.findings.map((f) => f.code);
const validering = (regelsaet: string, navn: Parameters<typeof adresseFor>[0]) =>
  skabelonLayout(REGISTER.hent(regelsaet)).valideringer.find((v) => v.adresse === adresseFor(navn));

describe("TS006 / TS_Kategori: choices from the ruleset's kategorier", () => {
  // 004:3628 "Tilbuddene på det specialiserede socialområde er inddelt i tre kategorier:"
  // 004:4013-4014 "... et højt specialiseret tilbud med regional betydning, et klyngetilbud eller et lokalt tilbud."
  // 004:5957 "Højtspecialiseret tilbud med regional betydning Klyngetilbud   Lokalt tilbud"
  it("the SYD-2018 template offers exactly the three categories of the seed", () => {
    const v = validering("SYD-2018", "TS_Kategori");
    expect(v?.type).toBe("list");
    expect(v?.formler).toEqual(['"Højt specialiseret tilbud med regional betydning,Klyngetilbud,Lokalt tilbud"']);
  });
  it("synonyms (plural headings, \"Højtspecialiseret\") and any case are accepted", () => {
    for (const k of ["Højtspecialiseret tilbud med regional betydning", "højt specialiserede tilbud med regional betydning", "KLYNGETILBUD", "Lokale  tilbud"]) {
      expect(koder(valider({ TS_Kategori: k, TS_Pladser: 30 }))).not.toContain("TS006");
    }
  });
  it.each(["Rammeaftaletilbud", "Øvrigt tilbud"])("%p is in no source: TS006 naming the ruleset's choices", (k) => {
    const r = valider({ TS_Kategori: k });
    expect(kort(r.findings)).toEqual([`TS006 error TS_Kategori ${CELLER.TS_Kategori}`]);
    expect(r.findings[0]!.message).toContain("Klyngetilbud, Lokalt tilbud");
  });
  it("a ruleset without a list (MIDT-2020) takes free text, and its template has no drop-down", () => {
    expect(koder(valider({ TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020, TS_Kategori: "Rammeaftaletilbud" }))).not.toContain("TS006");
    expect(validering("MIDT-2020", "TS_Kategori")?.type).toBe("textLength");
  });
  it("the field table has no fixed list of categories", () => {
    expect(felt("TS_Kategori")?.valg).toBeUndefined();
  });
});

describe("TS100 / TS101 categories against the 2.000 kr. of 004:3660 and 004:3664", () => {
  // 004:3664 "3 Klyngetilbud: Tilbud, der sælger pladser til andre kommuner samt har en takst under 2000 kr."
  it("TS101: a Klyngetilbud with a døgntakst of 2.047 kr. (2.000 or more) is a warning", () => {
    const r = valider({ TS_Kategori: "Klyngetilbud" });
    expect(kort(r.findings)).toEqual([`TS101 warning TS_Kategori ${CELLER.TS_Kategori}`]);
    expect(r.ok).toBe(true);
  });
  it("TS101: 25 places give 17.210.921 / (25 × 365 × 0,96) = 1.965 kr.: no warning", () => {
    expect(valider({ TS_Kategori: "Klyngetilbud", TS_Pladser: 25 }).findings).toEqual([]);
  });
  it("TS100 and TS101 compare only døgn and dag takster: a ydelsespakke is not a daily amount", () => {
    expect(valider({ TS_Kategori: "Højt specialiseret tilbud med regional betydning", TS_Pladser: 25, TS_Takstenhed: "ydelsespakke" }).findings).toEqual([]);
    expect(valider({ TS_Kategori: "Klyngetilbud", TS_Takstenhed: "ydelsespakke" }).findings).toEqual([]);
    expect(koder(valider({ TS_Kategori: "Højtspecialiseret tilbud med regional betydning", TS_Pladser: 25, TS_Takstenhed: "dag" }))).toEqual(["TS100"]);
  });
});

describe("takstenhed: the skema offers only units priced per belægningsdag (product.md §3, 2026-12)", () => {
  // Every takst is takstgrundlag / (pladser × dage × belægning): a takst per time or måned would
  // need its own denominator (hours, months), so the template does not offer them.
  it.each(["time", "måned"])("%s is not offered: TS002 on TS_Takstenhed, never a takst from the døgn formula", (enhed) => {
    const r = valider({ TS_Takstenhed: enhed });
    expect(kort(r.findings)).toEqual([`TS002 error TS_Takstenhed ${CELLER.TS_Takstenhed}`]);
    expect(r.findings[0]!.message).toContain("døgn, dag, ydelsespakke");
    expect(r.ok).toBe(false);
  });
  it("the template's list is døgn, dag and ydelsespakke", () => {
    expect(felt("TS_Takstenhed")?.valg).toEqual(["døgn", "dag", "ydelsespakke"]);
    expect(validering("SYD-2018", "TS_Takstenhed")?.formler).toEqual(['"døgn,dag,ydelsespakke"']);
  });
});

describe("TS100 / TS101 judge the tilbud, not each ydelse (product.md §3, 2026-12)", () => {
  // The differentiated example's takster are 1.484, 1.927 and 2.814 kr. per døgn (ydelser.test.ts):
  // on both sides of 2.000, so the tilbud contradicts neither category.
  const differentieret = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
  const kategori = (k: string, aendring: Record<string, unknown> = {}) =>
    koder(validerSkema({ ...differentieret, TS_Kategori: k, ...aendring }, { register: REGISTER, indsendt: I_TIDE }));
  it("takster under and over 2.000 kr. warn in neither category", () => {
    expect(kategori("Højt specialiseret tilbud med regional betydning")).toEqual([]);
    expect(kategori("Klyngetilbud")).toEqual([]);
  });
  it("every takst under 2.000 kr. is TS100 for a højt specialiseret tilbud; every one at 2.000 or above is TS101 for a klyngetilbud", () => {
    // Ressource 1 for all: one takst 14.600.000 / 7.701,5 = 1.895,72 → 1.896 in every row.
    const lige = { TS_Ydelser_Ressource: [1, 1, 1], TS_UdviklingBegrundelse: "Ny normering" };
    expect(kategori("Højt specialiseret tilbud med regional betydning", lige)).toEqual(["TS100"]);
    expect(kategori("Klyngetilbud", lige)).toEqual([]);
    // Pladser 6 / 5 / 3: takster 2.285, 2.959 and 4.307 kr., all at or above 2.000.
    const hoeje = { TS_Ydelser_Pladser: [6, 5, 3], TS_UdviklingBegrundelse: "Færre pladser" };
    expect(kategori("Klyngetilbud", hoeje)).toEqual(["TS101"]);
    expect(kategori("Højt specialiseret tilbud med regional betydning", hoeje)).toEqual([]);
  });
});

describe("TS040 as Bilag 18 states it: regulering = -A7, the 5 % rule on A6 (004:5187-5450)", () => {
  it("Bilag 18 example 2 with its own budget of 9.000.000 (004:5405) gives no finding", () => {
    // 004:5393-5413: A1 9.600.000, A2 9.400.000, A3 0, "M Tilbuddets budget 9.000.000", A6 400.000, A7 -200.000.
    // 5 % of 9.000.000 = 450.000 may be kept; A6 = 400.000 is within it; regulering = -A7 = +200.000.
    const r = valider({ TS_A1: 9_600_000, TS_A2: 9_400_000, TS_A3: 0, TS_A6: 400_000, TS_RegBudget: 9_000_000, TS_Regulering: 200_000 });
    expect(r.beregnet!.A7).toBe(-200_000);
    expect(r.findings).toEqual([]);
  });
  it("Bilag 18 example 1 with its budget of 9.000.000 (004:5376) gives no finding", () => {
    // 004:5364-5383: A1 10.400.000, A2 10.000.000, A3 0, A6 400.000 → A7 0.
    expect(valider({ TS_A1: 10_400_000, TS_A2: 10_000_000, TS_A3: 0, TS_A6: 400_000, TS_RegBudget: 9_000_000, TS_Regulering: 0 }).findings).toEqual([]);
  });
  it("Bilag 18 example 3's table with its budget of 19.000.000 (004:5436) gives no finding", () => {
    // 004:5424-5443: A1 20.000.000, A2 20.400.000, A3 +200.000 → A5 -600.000; "A6 ... -600.000"; A7 0.
    expect(valider({ TS_A1: 20_000_000, TS_A2: 20_400_000, TS_A3: 200_000, TS_A6: -600_000, TS_RegBudget: 19_000_000, TS_Regulering: 0 }).findings).toEqual([]);
  });
  it("Bilag 18 example 3's prose (A6 = -300.000, takst raised 300.000, 004:5417-5420) breaks the 5 % rule: TS040 on A6", () => {
    // 004:5417 "Tilbuddet har et merforbrug på 400.000 kr., heraf overføres 300.000 kr. til næste års drift."
    // 004:5227-5228 "Underskud op til 5 % skal dækkes ind via effektiviseringer(overførsel) ... Dette er A6"
    // The underskud 600.000 is 3,2 % of 19.000.000 (below 950.000): all of it must be in A6, so A6 ≤ -600.000.
    const r = valider({ TS_A1: 20_000_000, TS_A2: 20_400_000, TS_A3: 200_000, TS_A6: -300_000, TS_RegBudget: 19_000_000, TS_Regulering: 300_000 });
    expect(kort(r.findings)).toEqual([`TS040 warning TS_A6 ${CELLER.TS_A6}`]);
    expect(r.findings[0]!.message).toContain("-600.000 kr.");
  });
  it("regulering must be -A7 within 1 kr.: the example's -A7 is -240.000", () => {
    expect(valider({ TS_Regulering: -240_001 }).findings).toEqual([]);
    expect(kort(valider({ TS_Regulering: -240_002 }).findings)).toEqual([`TS040 warning TS_Regulering ${CELLER.TS_Regulering}`]);
    expect(kort(valider({ TS_Regulering: 240_000 }).findings)).toEqual([`TS040 warning TS_Regulering ${CELLER.TS_Regulering}`]);
  });
  it("without the budget the 5 % part is listed as skipped, never guessed", () => {
    const r = valider({ TS_RegBudget: null });
    expect(r.findings).toEqual([]);
    expect(r.skipped.map((s) => [s.code, s.field])).toEqual([["TS040", "TS_RegBudget"]]);
  });
});

describe("TS013 negative amounts in cost and income lines", () => {
  it("a løn of -14,2 mio. is an error on its cell, and no takst is computed from it", () => {
    const r = valider({ TS_Loen: -14_200_000 });
    expect(kort(r.findings)).toEqual([`TS013 error TS_Loen ${CELLER.TS_Loen}`]);
    expect(r.ok).toBe(false);
    expect(r.findings[0]!.message).toContain("Skrev du 14.200.000 kr.?");
    expect(r.beregnet!.takst).toBeNull();
    expect(r.beregnet!.takstgrundlag).toBeNull();
    expect(r.vaerdier.TS_Ydelser_Takst?.[0] ?? null).toBeNull();
    expect(r.beregnet!.ydelser[0]!.takst).toBeNull();
  });
  it.each(["TS_Udvikling", "TS_Administration", "TS_Indtaegter", "TS_Tjenestemandspension", "TS_Tilsyn", "TS_Ejendom", "TS_Afskrivninger", "TS_Forrentning", "TS_Oevrige", "TS_PensionsgivendeLoen"] as const)("%s negative is TS013", (navn) => {
    expect(kort(valider({ [navn]: -1000 }).findings)).toEqual([`TS013 error ${navn} ${CELLER[navn]}`]);
  });
  it("income typed as a negative Øvrige is pointed to 4. Indtægter", () => {
    expect(valider({ TS_Oevrige: -50_000 }).findings[0]!.message).toContain("4. Indtægter");
  });
  it("the regulering and the efterregulering fields may be negative", () => {
    expect(koder(valider({ TS_Regulering: -240_000 }))).toEqual([]);
    expect(koder(valider({ TS_A3: -10 }))).not.toContain("TS013");
  });
});

describe("TS032 takstgrundlag or takst ≤ 0", () => {
  it("indtægter of 20 mio. make the takstgrundlag negative: TS032 on the takstgrundlag, no takst", () => {
    const r = valider({ TS_Indtaegter: 20_000_000, TS_SidsteAarsTakst: null });
    expect(kort(r.findings)).toEqual([`TS032 error TS_Takstgrundlag ${CELLER.TS_Takstgrundlag}`]);
    expect(r.beregnet!.takst).toBeNull();
  });
  it("a takst cell of 0 is TS032 on the takst", () => {
    expect(koder(valider({ TS_Takst: 0 }))).toContain("TS032");
  });
});

describe("TS015 every percentage field: 93 typed for 93 %", () => {
  it.each([
    ["TS_BelaegningAarMinus2", 93, "Skrev du 93 i stedet for 93 %?"],
    ["TS_BelaegningAarMinus1", 97, "Skrev du 97 i stedet for 97 %?"],
    ["TS_PLPct", 1.8, "Skrev du 1,8 i stedet for 1,8 %?"],
    ["TS_PLPct", 18, "Skriv procenten med %-tegn"],
    ["TS_OverheadSats", 4.4, "Skrev du 4,4 i stedet for 4,4 %?"],
    ["TS_Rentesats", 1.47, "Skrev du 1,47 i stedet for 1,47 %?"],
  ] as const)("%s = %p is TS015 with the hint %p", (navn, x, hint) => {
    const r = valider({ [navn]: x });
    expect(kort(r.findings)).toEqual([`TS015 error ${navn} ${CELLER[navn]}`]);
    expect(r.findings[0]!.message).toContain(hint);
  });
  it("PL 18 gets no \"18 %\" hint (18 % is not a plausible PL)", () => {
    expect(valider({ TS_PLPct: 18 }).findings[0]!.message).not.toContain("Skrev du");
  });
  it("belægning år -2/-1 as 93/97: TS012 is listed as skipped with the reason, not silently dropped", () => {
    const r = valider({ TS_BelaegningAarMinus2: 93, TS_BelaegningAarMinus1: 97 });
    expect(koder(r)).toEqual(["TS015", "TS015"]);
    const s = r.skipped.find((x) => x.code === "TS012");
    expect(s?.message).toContain("Beregnes når fejlen i");
    expect(s?.message).toContain(CELLER.TS_BelaegningAarMinus2);
  });
  it("PL as 18: TS050 is listed as skipped with the reason", () => {
    const r = valider({ TS_PLPct: 18 });
    expect(r.skipped.map((s) => s.code)).toEqual(expect.arrayContaining(["TS050", "TS051"]));
    expect(r.beregnet!.takstudvikling).toBeNull();
  });
  it("TS011: 102 % gets no \"1,02 i stedet for 1,02 %\" hint; 96 gets \"96 %\"", () => {
    expect(valider({ TS_Belaegning: 1.02 }).findings[0]!.message).not.toContain("Skrev du");
    expect(valider({ TS_Belaegning: 96 }).findings[0]!.message).toContain("Skrev du 96 i stedet for 96 %?");
  });
  it("the TS020 cap check is not repeated on an overhead sats of 4,4 typed without %", () => {
    expect(koder(valider({ TS_OverheadSats: 4.4 }))).toEqual(["TS015"]);
  });
});

describe("no noise after an error", () => {
  it("an empty løn: only TS001, no TS050 of -76 %, no takst of 538 kr.; the dependent checks are listed as skipped", () => {
    const r = valider({ TS_Loen: null });
    expect(kort(r.findings)).toEqual([`TS001 error TS_Loen ${CELLER.TS_Loen}`]);
    expect(r.beregnet!.takst).toBeNull();
    expect(r.beregnet!.takstudvikling).toBeNull();
    expect(r.vaerdier.TS_Ydelser_Takst?.[0] ?? null).toBeNull();
    expect(r.beregnet!.ydelser[0]!.takst).toBeNull();
    const sprunget = r.skipped.map((s) => s.code);
    expect(sprunget).toEqual(expect.arrayContaining(["TS021", "TS030", "TS031", "TS032", "TS050"]));
    for (const s of r.skipped) expect(s.message).toContain(`"1. Løn" (${CELLER.TS_Loen})`);
  });
  it("a sats above the cap (TS020) is a rule broken, not an unusable input: the takst is still recomputed", () => {
    // 4,5 % × 16.678.800 = 750.546; takstgrundlag 17.210.921 - 733.867 + 750.546 = 17.227.600; / 8.409,6 = 2.048,52 → 2.049.
    const r = valider({ TS_OverheadSats: 0.045 });
    expect(koder(r)).toEqual(["TS020"]);
    expect(r.skipped).toEqual([]);
    expect(r.beregnet!.takst).toBe(2049);
  });
  it("skipped checks don't repeat their code and never show a parameter's code name", () => {
    const navne = ["overheadLoft", "renteLoft", "efterregGraense", "tjenestemandspensionSats", "fristTakster", "hoejtSpecialiseretMinTakst", "basisServiceOpdeling"];
    for (const r of [valider({ TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020 }), valider({ TS_Regelsaet: "NORD-2099" }), valider({ TS_Loen: null })]) {
      expect(r.skipped.length).toBeGreaterThan(0);
      for (const s of r.skipped) {
        expect(s.message).not.toContain(s.code);
        for (const n of navne) expect(s.message).not.toContain(n);
      }
    }
  });
});

describe("wording", () => {
  it("TS090 says \"valideret\" when only validating, \"indsendt\" when submitting", () => {
    const sent = new Date("2017-11-22T10:00:00+01:00");
    const kunValideret = validerSkema(eksempel(), { register: REGISTER, indsendt: sent, handling: "valideret" });
    expect(kunValideret.findings.find((f) => f.code === "TS090")?.message).toContain("skemaet er valideret 22.11.2017");
    expect(valider({}, sent).findings.find((f) => f.code === "TS090")?.message).toContain("skemaet er indsendt 22.11.2017");
    // No submission date: validating now, long after 15.11.2017.
    const nu = validerSkema(eksempel(), { register: REGISTER });
    expect(nu.findings.find((f) => f.code === "TS090")?.message).toContain("skemaet er valideret");
  });
  it("TS003 suggests the closest known ruleset and lists the known ones", () => {
    const m = valider({ TS_Regelsaet: "Syd 2018" }).findings[0]!.message;
    expect(m).toContain("Mente du SYD-2018?");
    expect(m).toContain("Kendte regelsæt: MIDT-2020, MIDT-2021, SYD-2018.");
  });
  it("list choices are case-insensitive: \"Døgn\" is døgn", () => {
    const r = valider({ TS_Takstenhed: "Døgn" });
    expect(r.findings).toEqual([]);
    expect(r.vaerdier.TS_Takstenhed).toBe("døgn");
  });
  it("thresholds no seed gives say in their message that they are the product's convention (TS050 ±5 %, TS012 5 points, TS015 ranges)", () => {
    const besked = (aendring: Record<string, unknown>, code: string) => valider(aendring).findings.find((f) => f.code === code)!.message;
    expect(besked({ TS_SidsteAarsTakst: 1900 }, "TS050")).toContain("grænsen på ±5 % er produktets konvention; ingen kilde angiver den");
    expect(besked({ TS_BelaegningAarMinus2: 0.8, TS_BelaegningAarMinus1: 0.8 }, "TS012")).toContain("grænsen på 5 procentpoint er produktets konvention; ingen kilde angiver den");
    expect(besked({ TS_OverheadSats: 4.4 }, "TS015")).toContain("intervallet er produktets konvention; ingen kilde angiver den");
  });
  it("TS050 says \"mere end ±5 %\"", () => {
    expect(valider({ TS_SidsteAarsTakst: 1900 }).findings[0]!.message).toContain("mere end ±5 %");
  });
  it("a whole-krone text \"900.000\" in an amount field is 900.000 kr.; \"1.5\" stays ambiguous", () => {
    expect(valider({ TS_Oevrige: "90.000" }).vaerdier.TS_Oevrige).toBe(90_000);
    expect(valider({ TS_Ejendom: "950.000" }).findings).toEqual([]);
    expect(valider({ TS_Ejendom: "950.000" }).vaerdier.TS_Ejendom).toBe(950_000);
    expect(koder(valider({ TS_Oevrige: "1.5" }))).toEqual(["TS002"]);
  });
  it("the data validation examples stay inside their own range (rentesats 0-1,47 % is not told \"fx 4,4 %\")", () => {
    for (const id of ["SYD-2018", "MIDT-2020", "MIDT-2021"]) {
      for (const v of skabelonLayout(REGISTER.hent(id)).valideringer.filter((x) => x.type === "decimal" && /fx .* %/.test(x.fejl))) {
        const fx = Number(/fx (-?[\d,]+) %/.exec(v.fejl)![1]!.replace(",", ".")) / 100;
        expect(fx).toBeGreaterThanOrEqual(Number(v.formler[0]) - 1e-12);
        expect(fx).toBeLessThanOrEqual(Number(v.formler[1]) + 1e-12);
      }
    }
    expect(validering("SYD-2018", "TS_Rentesats")?.fejl).toContain("fx 1,47 %");
  });
});

describe("TS010 and the Pladser help text: no \"§ 101: citizens / 10\" rule (004:23-26 is about the socialtilsyn)", () => {
  it("no help text cites the rule", () => {
    for (const f of FELTER) expect(f.hjaelp).not.toMatch(/§ ?101|\/ ?10\)/);
    for (const k of YDELSE_KOLONNER) expect(k.hjaelp).not.toMatch(/§ ?101|\/ ?10\)/);
    // Pladser are entered per ydelse (the Ydelser table); TS_Pladser is their computed sum.
    const pladser = skabelonLayout(REGISTER.hent("SYD-2018")).valideringer.find((v) => v.adresse === kolonneAdresse("TS_Ydelser_Pladser", 0));
    expect(pladser?.fejl).toMatch(/helt tal/);
    expect(pladser?.fejl).not.toContain("101");
  });
});

describe("TS080 checks only the uninsured provision (insured premiums are allowed, 004:5106)", () => {
  // 004:5106-5107 "For forsikrede tjenestemænd anføres forsikringspræmien, mens omkostningerne til ikke forsikrede
  // tjenestemandspensioner i 2018 fastsættes til 20,3 % af den pensionsgivende løn"
  it("20,3 % × 800.000 = 162.400 plus a premium of 37.600 in the same line: no warning", () => {
    expect(valider({ TS_Tjenestemandspension: 200_000 }).findings.filter((f) => f.code === "TS080")).toEqual([]);
  });
  it("a line below the uninsured provision is a warning", () => {
    const r = valider({ TS_Tjenestemandspension: 100_000 });
    expect(kort(r.findings.filter((f) => f.code === "TS080"))).toEqual([`TS080 warning TS_Tjenestemandspension ${CELLER.TS_Tjenestemandspension}`]);
    expect(r.findings.find((f) => f.code === "TS080")!.message).toContain("162.400 kr.");
  });
});

describe("help texts", () => {
  const hjaelp = (navn: Parameters<typeof felt>[0]) => felt(navn)!.hjaelp;
  it("kostskoler: 11 months, 334 days, 335 when February has 29 days (004:4373-4375)", () => {
    // 004:4375 "grundlag af 11 måneder. Skoleåret starter den 1. august og slutter den 30. juni. Juli er betalingsfri."
    // 1 Aug - 30 Jun: 31+30+31+30+31+31+28+31+30+31+30 = 334 days (335 with 29 February).
    expect(31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30).toBe(334);
    expect(hjaelp("TS_Dage")).toContain("334 dage, 335 når februar har 29 dage");
    expect(hjaelp("TS_Dage")).toContain("juli fri");
  });
  it("central IT belongs in overhead (004:4483-4485)", () => {
    // 004:4484-4485 "Tilbuddets andel af omkostninger til centrale IT-systemer, software m.v. finansieres dog via den fælles overhead"
    expect(hjaelp("TS_Administration")).toContain("centrale IT-systemer hører under overhead");
  });
  it("beboerbetaling, indtægtsdækket virksomhed and befordring stay out of the takst (004:4492-4497, 5140-5152)", () => {
    // 004:4492 "Beboerbetaling på tilbud efter servicelovens paragraf 107 og 108"; 004:5140 "Indtægtsdækket virksomhed";
    // 004:5145 "... dog undtaget befordring"
    expect(hjaelp("TS_Loen")).toContain("Beboerbetaling, indtægtsdækket virksomhed og befordring indgår ikke i taksten");
    expect(hjaelp("TS_Indtaegter")).toContain("Beboerbetaling");
  });
  it("regulering = -A7; TS_Oevrige is costs only, income goes in TS_Indtaegter", () => {
    expect(hjaelp("TS_Regulering")).toContain("regulering = -A7");
    expect(hjaelp("TS_Oevrige")).toContain("kun udgifter; indtægter skrives under 4. Indtægter");
  });
});

describe("the shipped example validates clean", () => {
  it("no findings, nothing skipped, its category is one of SYD-2018's", () => {
    const r = valider({}, I_TIDE);
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.vaerdier.TS_Kategori).toBe("Højt specialiseret tilbud med regional betydning");
  });
});
