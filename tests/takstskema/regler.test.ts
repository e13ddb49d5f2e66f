import { CELLER, celleFor, REGLER, validerSkema } from "../../src/takstskema";
import { lavRegister, parseRegelsaet } from "../../src/regelsaet";
import { syd2027 } from "../helpers/regelsaet";
import { eksempel, FORVENTET, I_TIDE, kort, REGISTER, valider } from "./hjaelp";

const koder = (r: ReturnType<typeof valider>) => r.findings.map((f) => f.code);

describe("the example (botilbud, SYD-2018)", () => {
  it("has no findings and recomputes the hand-calculated figures", () => {
    const r = valider();
    expect(r.findings).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.beregnet).toMatchObject(FORVENTET);
    // 2.047 / (1.995 × 1,019) − 1 = +0,693 %, shown (and carried) with one decimal: 0,7 %.
    expect(r.beregnet!.takstudvikling).toBe(0.007);
    expect(r.beregnet!.forventetRegulering).toBe(-240_000);
    // Empty computed cells are filled with the recomputed values; the single-takst shape is a one-row table.
    expect(r.vaerdier.TS_Ydelser_Takst?.[0]).toBe(2047);
    expect(r.beregnet!.ydelser).toEqual([{
      raekke: 0, navn: "Længerevarende botilbud", pladser: 24, belaegning: 0.96, ressource: null, sidsteAarsTakst: 1995,
      belaegningsdage: 8409.6, basistakst: null, servicetakst: null, takst: 2047, takstudvikling: r.beregnet!.takstudvikling,
    }]);
    expect(r.vaerdier.TS_Overhead).toBe(733_867);
  });
});

describe("every rule is a small object with a product.md §3 code", () => {
  it("has the required codes", () => {
    const alle = REGLER.map((r) => r.code);
    for (const c of ["TS001", "TS002", "TS010", "TS011", "TS012", "TS020", "TS021", "TS030", "TS031", "TS040", "TS050", "TS060", "TS061", "TS070", "TS080", "TS090", "TS100"]) {
      expect(alle).toContain(c);
    }
    expect(new Set(alle).size).toBe(alle.length);
  });
});

describe("TS001 mandatory field empty", () => {
  // TS_Pladser of the single-takst shape is the first ydelse's pladser.
  it.each([["TS_Tilbud", "", "TS_Tilbud"], ["TS_Loen", null, "TS_Loen"], ["TS_Email", "   ", "TS_Email"], ["TS_Pladser", undefined, "TS_Ydelser_Pladser"]])("%s = %p", (navn, v, felt) => {
    const r = valider({ [navn]: v });
    expect(kort(r.findings.filter((f) => f.code === "TS001"))).toEqual([`TS001 error ${felt} ${celleFor(felt!, 0)}`]);
    expect(r.ok).toBe(false);
  });
});

describe("TS002 wrong type", () => {
  it.each([
    ["TS_Loen", "fjorten millioner"],
    ["TS_Loen", "#VALUE!"],
    ["TS_Loen", { error: "#REF!" }],
    ["TS_Loen", true],
    ["TS_Loen", new Date("2018-01-01")],
    ["TS_Takstaar", 2018.5],
    ["TS_Takstaar", 1e308],
    ["TS_Takstaar", 18],
    ["TS_Dage", 0],
    ["TS_Dage", 3650],
    ["TS_Email", "mette.jensen"],
    ["TS_Takstenhed", "uge"],
    ["TS_Tilbud", "#NAME?"],
  ])("%s = %p gives exactly TS002 on its cell", (navn, v) => {
    const r = valider({ [navn]: v });
    expect(kort(r.findings)).toEqual([`TS002 error ${navn} ${CELLER[navn as keyof typeof CELLER]}`]);
  });
  it("a computed cell holding #NAME? (SOC functions not loaded) is recomputed silently", () => {
    const r = valider({ TS_Takst: "#NAME?", TS_Overhead: { formula: "_xldudf_SOC_OVERHEAD(1,2)", result: { error: "#NAME?" } } });
    expect(r.findings).toEqual([]);
    expect(r.vaerdier.TS_Ydelser_Takst?.[0]).toBe(2047);
  });
});

describe("Danish number text (acceptance 3)", () => {
  it.each([
    ["14.250.000,00", 14_250_000],
    ["14.250.000", 14_250_000],
    ["14 250 000", 14_250_000],
    ["14250000", 14_250_000],
    ["14.250.000,00 kr.", 14_250_000],
  ])("løn %p is read as %p", (tekst, tal) => {
    const r = valider({ TS_Loen: tekst });
    expect(r.vaerdier.TS_Loen).toBe(tal);
    expect(r.findings).toEqual([]);
  });
  it("1.234.567,50 is 1234567.5", () => {
    expect(valider({ TS_Oevrige: "1.234.567,50" }).vaerdier.TS_Oevrige).toBe(1_234_567.5);
  });
  it.each(["1.5", "1,234", "14,250,000", "1.234,5.6", "12 kr 50"])("ambiguous or malformed %p is TS002 on its cell, never a number", (tekst) => {
    const r = valider({ TS_Oevrige: tekst });
    expect(kort(r.findings)).toEqual([`TS002 error TS_Oevrige ${CELLER.TS_Oevrige}`]);
    expect(r.vaerdier.TS_Oevrige).toBeUndefined();
  });
  it('"96 %" in a percent field is 0.96; "96,5 %" is 0.965', () => {
    expect(valider({ TS_Belaegning: "96 %" }).vaerdier.TS_Belaegning).toBe(0.96);
    expect(valider({ TS_Belaegning: "96,5 %" }).vaerdier.TS_Belaegning).toBe(0.965);
    expect(valider({ TS_Belaegning: "96 %" }).findings).toEqual([]);
  });
  it('"95" (no % sign) in a percent field is 95 and so TS011, not silently 95 %', () => {
    const r = valider({ TS_Belaegning: "95" });
    expect(r.vaerdier.TS_Ydelser_Belaegning?.[0]).toBe(95);
    expect(kort(r.findings)).toEqual([`TS011 error TS_Ydelser_Belaegning ${celleFor("TS_Ydelser_Belaegning", 0)}`]);
  });
});

describe("TS003/TS004 ruleset and year", () => {
  it("unknown ruleset: TS003 and every parameter check skipped", () => {
    const r = valider({ TS_Regelsaet: "NORD-2099" });
    expect(kort(r.findings)).toEqual([`TS003 error TS_Regelsaet ${CELLER.TS_Regelsaet}`]);
    expect(r.skipped.map((s) => s.code)).toEqual(["TS020", "TS040", "TS061", "TS070", "TS080", "TS090", "TS100", "TS101"]);
  });
  it("takstår not the ruleset's year: TS004 warning", () => {
    expect(kort(valider({ TS_Takstaar: 2019 }).findings)).toEqual([`TS004 warning TS_Takstaar ${CELLER.TS_Takstaar}`]);
  });
});

describe("TS010 pladser", () => {
  it.each([[0], [-3], [24.5]])("pladser %p under SEL § 108 is TS010", (p) => {
    expect(kort(valider({ TS_Pladser: p }).findings)).toEqual([`TS010 error TS_Ydelser_Pladser ${celleFor("TS_Ydelser_Pladser", 0)}`]);
  });
  it("TS010: no seed gives a \"§ 101: citizens / 10\" rule (004:23-26 is the socialtilsyn's own takst), so 2,5 places under SEL § 101 is TS010 too", () => {
    // 004:23 "Tidsestimatet for de fleste opgaver stammer fra DUT-forhandlingerne om Lov om socialtilsyn."
    const r = valider({ TS_Pladser: 2.5, TS_Lovgrundlag: "SEL § 101" });
    expect(kort(r.findings.filter((f) => f.code === "TS010"))).toEqual([`TS010 error TS_Ydelser_Pladser ${celleFor("TS_Ydelser_Pladser", 0)}`]);
    expect(r.findings[0]!.message).not.toContain("101");
  });
});

describe("TS011 belægning in (0 %, 100 %]", () => {
  it.each([[0], [-0.1], [1.01], [96]])("%p is TS011", (b) => {
    expect(koder(valider({ TS_Belaegning: b }))).toEqual(["TS011"]);
  });
  it("100 % is allowed", () => {
    expect(koder(valider({ TS_Belaegning: 1 }))).not.toContain("TS011");
  });
});

describe("TS012 belægning far from the two-year average", () => {
  it("96 % against an average of 87 % (85 %, 89 %) without begrundelse", () => {
    const r = valider({ TS_BelaegningAarMinus2: 0.85, TS_BelaegningAarMinus1: 0.89 });
    expect(kort(r.findings)).toEqual([`TS012 warning TS_BelaegningBegrundelse ${CELLER.TS_BelaegningBegrundelse}`]);
    expect(r.ok).toBe(true);
  });
  it("with a begrundelse, or 5,0 points exactly, no warning", () => {
    expect(valider({ TS_BelaegningAarMinus2: 0.85, TS_BelaegningAarMinus1: 0.89, TS_BelaegningBegrundelse: "Ny venteliste" }).findings).toEqual([]);
    expect(valider({ TS_BelaegningAarMinus2: 0.9, TS_BelaegningAarMinus1: 0.92 }).findings).toEqual([]);
  });
});

describe("TS020/TS021/TS022 overhead", () => {
  it("TS020: 4,5 % above SYD-2018's cap 4,4 % (004:4981)", () => {
    expect(kort(valider({ TS_OverheadSats: 0.045 }).findings)).toEqual([`TS020 error TS_OverheadSats ${CELLER.TS_OverheadSats}`]);
    expect(valider({ TS_OverheadSats: 0.044 }).findings).toEqual([]);
  });
  it("TS021: overhead cell 700.000 where 4,4 % × 16.678.800 = 733.867", () => {
    const r = valider({ TS_Overhead: 700_000 });
    expect(kort(r.findings)).toEqual([`TS021 error TS_Overhead ${CELLER.TS_Overhead}`]);
    expect(r.findings[0]!.message).toContain("733.867 kr.");
  });
  it("TS021 tolerance 1 kr.", () => {
    expect(valider({ TS_Overhead: 733_868 }).findings).toEqual([]);
    expect(koder(valider({ TS_Overhead: 733_869 }))).toEqual(["TS021"]);
  });
  it("TS022: overhead base cell differs from its lines", () => {
    expect(kort(valider({ TS_OverheadGrundlag: 16_000_000 }).findings)).toEqual([`TS022 error TS_OverheadGrundlag ${CELLER.TS_OverheadGrundlag}`]);
  });
});

describe("TS030/TS031/TS033 the takst", () => {
  it("TS030: takst 2.100 where 17.210.921 / 8.409,6 = 2.047", () => {
    expect(kort(valider({ TS_Takst: 2100 }).findings)).toEqual([`TS030 error TS_Ydelser_Takst ${celleFor("TS_Ydelser_Takst", 0)}`]);
    expect(valider({ TS_Takst: 2048 }).findings).toEqual([]);
    expect(koder(valider({ TS_Takst: 2049 }))).toEqual(["TS030"]);
  });
  it("TS031: takstgrundlag 17.000.000 where the categories sum to 17.210.921", () => {
    const r = valider({ TS_Takstgrundlag: 17_000_000 });
    expect(kort(r.findings)).toEqual([`TS031 error TS_Takstgrundlag ${CELLER.TS_Takstgrundlag}`]);
    expect(r.findings[0]!.message).toContain("17.210.921 kr.");
  });
  it("TS033 (was TS032): belægningsdage 8.760 where 24 × 365 × 0,96 = 8.409,6", () => {
    expect(kort(valider({ TS_Belaegningsdage: 8760 }).findings)).toEqual([`TS033 error TS_Belaegningsdage ${CELLER.TS_Belaegningsdage}`]);
  });
  it("consistent cached cells give no findings", () => {
    expect(valider({ TS_OverheadGrundlag: 16_678_800, TS_Overhead: 733_867, TS_Takstgrundlag: 17_210_921, TS_Belaegningsdage: 8409.6, TS_Takst: 2047 }).findings).toEqual([]);
  });
});

describe("TS040 regulering against A1-A7 and the 5 % rule", () => {
  it("regulering -100.000 where -A7 = -240.000", () => {
    const r = valider({ TS_Regulering: -100_000 });
    expect(kort(r.findings)).toEqual([`TS040 warning TS_Regulering ${CELLER.TS_Regulering}`]);
  });
  it("overskud A5 1.100.000 above 5 % of 17.200.000 (860.000) kept whole (A6 = A5): the 240.000 must lower the takst", () => {
    const r = valider({ TS_A6: 1_100_000, TS_Regulering: 0 });
    expect(kort(r.findings)).toEqual([`TS040 warning TS_A6 ${CELLER.TS_A6}`]);
    expect(r.findings[0]!.message).toContain("240.000 kr.");
  });
  it("underskud A5 -1.000.000: A6 must carry the 860.000 up to 5 %, only the 140.000 beyond may raise the takst", () => {
    const base = { TS_A1: 16_000_000, TS_A2: 17_000_000 };
    expect(valider({ ...base, TS_A6: -860_000, TS_Regulering: 140_000 }).findings).toEqual([]);
    const r = valider({ ...base, TS_A6: -700_000, TS_Regulering: 300_000 });
    expect(kort(r.findings)).toEqual([`TS040 warning TS_A6 ${CELLER.TS_A6}`]);
  });
  it("Bilag 18 examples 1 and 3 (004:5187-5450): A7 = 0, regulering 0, no warning", () => {
    const uden = { TS_RegBudget: null };
    expect(valider({ ...uden, TS_A1: 10_400_000, TS_A2: 10_000_000, TS_A3: 0, TS_A6: 400_000, TS_Regulering: 0 }).findings).toEqual([]);
    expect(valider({ ...uden, TS_A1: 20_000_000, TS_A2: 20_400_000, TS_A3: 200_000, TS_A6: -600_000, TS_Regulering: 0 }).findings).toEqual([]);
  });
  it("Bilag 18 example 2: A7 = -200.000 so regulering +200.000 agrees with the model", () => {
    const r = valider({ TS_RegBudget: null, TS_A1: 9_600_000, TS_A2: 9_400_000, TS_A3: 0, TS_A6: 400_000, TS_Regulering: 200_000 });
    expect(r.beregnet!.A7).toBe(-200_000);
    expect(r.findings).toEqual([]);
  });
  it("a regulering without A1/A2 cannot be checked: warning", () => {
    expect(koder(valider({ TS_A1: null, TS_A2: null, TS_A6: null }))).toEqual(["TS040"]);
  });
  it("MIDT-2020 has no efterregGraense: the 5 % part is listed as skipped", () => {
    const r = valider({ TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020 });
    expect(r.skipped.find((s) => s.code === "TS040")?.message).toMatch(/5 %-reglen/);
  });
});

describe("TS050/TS051 takstudvikling (real, after PL)", () => {
  it("last year 1.900: 2.047 / (1.900 × 1,019) - 1 = +5,7 % without begrundelse", () => {
    const r = valider({ TS_SidsteAarsTakst: 1900 });
    expect(kort(r.findings)).toEqual([`TS050 warning TS_Ydelser_Takstudvikling ${celleFor("TS_Ydelser_Takstudvikling", 0)}`]);
    expect(r.findings[0]!.message).toContain("5,7 %");
  });
  it("nominal +5,5 % but real +3,5 % after 1,9 % PL: no warning", () => {
    // 2.047 / 1.940 = 1,0552 nominal; 2.047 / (1.940 × 1,019) = 1,0355 real.
    expect(valider({ TS_SidsteAarsTakst: 1940 }).findings).toEqual([]);
  });
  it("a fall of more than 5 % also needs a begrundelse", () => {
    expect(koder(valider({ TS_SidsteAarsTakst: 2200 }))).toEqual(["TS050"]);
    expect(valider({ TS_SidsteAarsTakst: 2200, TS_UdviklingBegrundelse: "Færre nattevagter" }).findings).toEqual([]);
  });
  it("TS051: cached takstudvikling differs from the recomputed", () => {
    expect(kort(valider({ TS_Takstudvikling: 0.1 }).findings)).toEqual([`TS051 warning TS_Ydelser_Takstudvikling ${celleFor("TS_Ydelser_Takstudvikling", 0)}`]);
  });

  describe("one PL (issue 21): the ruleset's plSats, else TS_PLPct, else none", () => {
    /** SYD-2027 (testdata) with plSats 3,9 %, as a secretariat would publish it. */
    const medPl = () => {
      const r = syd2027();
      r.parametre = { ...(r.parametre as object), plSats: { vaerdi: 0.039, kilde: "Økonomiaftalen (testdata)", serie: "samlet" } };
      return lavRegister([...REGISTER.ids().map((id) => REGISTER.hent(id)), parseRegelsaet(r, "test")]);
    };
    const syd2027Skema = (over: Record<string, unknown>) =>
      validerSkema({ ...eksempel(), TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, ...over }, { register: medPl(), indsendt: new Date("2026-11-01T12:00:00Z") });

    it("blank PL under SYD-2018 (no plSats): no takstudvikling, and TS050/TS051 are skipped, not checked against 0 %", () => {
      // Nominal 2.047 / 1.900 − 1 = +7,7 %: with PL taken as 0 % it would be a TS050 outlier.
      const r = valider({ TS_PLPct: undefined, TS_SidsteAarsTakst: 1900 });
      expect(r.beregnet!.ydelser[0]!.takstudvikling).toBeNull();
      expect(r.vaerdier.TS_Ydelser_Takstudvikling?.[0] ?? null).toBeNull();
      expect(koder(r)).toEqual([]);
      const sprunget = r.skipped.filter((x) => x.code === "TS050" || x.code === "TS051");
      expect(sprunget.map((x) => [x.code, x.field])).toEqual([["TS050", "TS_PLPct"], ["TS051", "TS_PLPct"]]);
      expect(sprunget[0]!.message).toMatch(/^Sprunget over, fordi PL mangler: regelsættet SYD-2018 angiver ingen PL-sats \(plSats\), og skemaets PL-fremskrivning \(TS_PLPct\) er tom/);
    });

    it("the ruleset's plSats wins over the skema's PL: 2.047 / (1.900 × 1,039) − 1 = +3,7 %, no TS050 (with the skema's 0 %: +7,7 %)", () => {
      const r = syd2027Skema({ TS_PLPct: 0, TS_SidsteAarsTakst: 1900 });
      // 1.900 × 1,039 = 1.974,1; 2.047 / 1.974,1 = 1,03693 → 0,037.
      expect(r.beregnet!.ydelser[0]!.takstudvikling).toBe(0.037);
      expect(koder(r).filter((k) => k.startsWith("TS05"))).toEqual([]);
    });

    it("blank PL with the ruleset's plSats: the figure is computed and TS050 names the PL it used", () => {
      // 2.047 / (1.800 × 1,039) = 2.047 / 1.870,2 − 1 = +9,5 %.
      const r = syd2027Skema({ TS_PLPct: undefined, TS_SidsteAarsTakst: 1800 });
      expect(r.beregnet!.ydelser[0]!.takstudvikling).toBe(0.095);
      const ts050 = r.findings.find((f) => f.code === "TS050")!;
      expect(ts050.message).toContain("er 9,5 % (efter fremskrivning af sidste års takst med regelsættets PL på 3,9 %)");
    });

    it("a ruleset for another takst year (TS004) gives no PL for this one: the skema's, else none", () => {
      // SYD-2027's 3,9 % is the PL into 2027, not into 2028: 2.047 / (1.900 × 1,019) − 1 = +5,7 % with the skema's 1,9 %.
      expect(syd2027Skema({ TS_Takstaar: 2028, TS_SidsteAarsTakst: 1900 }).beregnet!.ydelser[0]!.takstudvikling).toBe(0.057);
      const uden = syd2027Skema({ TS_Takstaar: 2028, TS_PLPct: undefined, TS_SidsteAarsTakst: 1900 });
      expect(uden.beregnet!.ydelser[0]!.takstudvikling).toBeNull();
      expect(uden.skipped.find((x) => x.code === "TS050")?.message).toContain("PL mangler: regelsættet SYD-2027 angiver PL for 2027, ikke for takståret 2028, og skemaets PL-fremskrivning (TS_PLPct) er tom");
    });

    it("TS051 on a cell computed with the skema's PL says the recomputation used the ruleset's", () => {
      // The sheet's own formula with the skema's 0 %: 2.047 / 1.900 − 1 = 7,7 %; recomputed 3,7 %.
      const r = syd2027Skema({ TS_PLPct: 0, TS_SidsteAarsTakst: 1900, TS_Takstudvikling: 0.077 });
      const ts051 = r.findings.find((f) => f.code === "TS051")!;
      expect(ts051.message).toContain("er 7,7 %, men 3,7 % genberegnet med regelsættets PL på 3,9 %, ikke skemaets 0 %.");
    });
  });
});

describe("TS060/TS061 basis + service = takst; a missing split is only expected (000:164, 172)", () => {
  const midt2021 = { TS_Regelsaet: "MIDT-2021", TS_Takstaar: 2021 };
  it("TS061 names the ruleset's own source for the expected split, not Midtjylland's 2021 rule, in every region", () => {
    const syd = syd2027({ parametre: { ...(syd2027().parametre as object), basisServiceOpdeling: { vaerdi: "forventes", kilde: "Rammeaftale Syddanmark 2027, afsnit 4 (testdata)" } } });
    const register = lavRegister([...REGISTER.ids().map((id) => REGISTER.hent(id)), parseRegelsaet(syd, "test")]);
    const r = validerSkema({ ...eksempel(), TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027 }, { register, indsendt: new Date("2026-11-01T12:00:00Z") });
    const ts061 = r.findings.filter((f) => f.code === "TS061");
    expect(ts061).toHaveLength(1);
    expect(ts061[0]!.message).toContain("SYD-2027 forventer taksterne opdelt i basistakst og servicetakst (kilde: Rammeaftale Syddanmark 2027, afsnit 4 (testdata))");
    expect(ts061[0]!.message).not.toContain("Midtjylland");
    // MIDT-2021's message cites MIDT-2021's source.
    expect(valider(midt2021).findings.find((f) => f.code === "TS061")!.message).toContain("(kilde: 000:164 (virkning fra 1. januar 2021 forventes)");
  });
  it("TS061: MIDT-2021 expects the split (\"forventes\", 000:164): missing is a warning, never an error", () => {
    const r = valider(midt2021);
    expect(kort(r.findings)).toEqual([`TS061 warning TS_Borgerrettet ${CELLER.TS_Borgerrettet}`]);
    expect(r.ok).toBe(true);
  });
  it("TS060: 800 + 1.200 = 2.000 ≠ 2.047 is an error wherever both are filled", () => {
    // The former single-takst shape typed both parts by hand: they go to the first ydelse's cells.
    const basis = celleFor("TS_Ydelser_Basistakst", 0);
    expect(kort(valider({ ...midt2021, TS_Basistakst: 800, TS_Servicetakst: 1200 }).findings)).toEqual([`TS060 error TS_Ydelser_Basistakst ${basis}`]);
    expect(valider({ ...midt2021, TS_Basistakst: 847, TS_Servicetakst: 1200 }).findings).toEqual([]);
    expect(kort(valider({ TS_Basistakst: 800, TS_Servicetakst: 1200 }).findings)).toEqual([`TS060 error TS_Ydelser_Basistakst ${basis}`]);
  });
  it("SYD-2018 does not expect it: nothing when both are empty", () => {
    expect(valider({}).findings).toEqual([]);
  });
});

describe("TS070/TS080 capital and pension", () => {
  it("TS070: rentesats 2 % above SYD-2018's 1,47 % (004:5037-5039)", () => {
    expect(kort(valider({ TS_Rentesats: 0.02 }).findings)).toEqual([`TS070 error TS_Rentesats ${CELLER.TS_Rentesats}`]);
  });
  it("TS070 is skipped under MIDT-2020 (no renteLoft), never guessed", () => {
    const r = valider({ TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020, TS_Rentesats: 0.5 });
    expect(r.findings.map((f) => f.code)).not.toContain("TS070");
    expect(r.skipped.map((s) => s.code)).toEqual(expect.arrayContaining(["TS070", "TS080", "TS100"]));
    expect(r.skipped.find((s) => s.code === "TS070")!.message).toContain("renteloft");
  });
  it("TS080: pension 162.400 where 20,3 % × 900.000 = 182.700", () => {
    const r = valider({ TS_PensionsgivendeLoen: 900_000 });
    expect(kort(r.findings)).toEqual([`TS080 warning TS_Tjenestemandspension ${CELLER.TS_Tjenestemandspension}`]);
    expect(r.findings[0]!.message).toContain("182.700 kr.");
  });
  it("TS080 compares line 5 with sats × løn − the delingsaftale correction (004:5108-5109), and says the correction is legitimate", () => {
    // 20,3 % × 900.000 = 182.700; 30.000 already in the delingsaftaler: 152.700 expected; line 5 is 162.400.
    expect(valider({ TS_PensionsgivendeLoen: 900_000, TS_TjmDelingsaftaleKorrektion: 30_000 }).findings).toEqual([]);
    // 10.000 only: 172.700 expected, 162.400 is below it.
    const r = valider({ TS_PensionsgivendeLoen: 900_000, TS_TjmDelingsaftaleKorrektion: 10_000 });
    expect(kort(r.findings)).toEqual([`TS080 warning TS_Tjenestemandspension ${CELLER.TS_Tjenestemandspension}`]);
    expect(r.findings[0]!.message).toContain("minus 10.000 kr. indregnet i delingsaftalerne = 172.700 kr.");
    expect(valider({ TS_PensionsgivendeLoen: 900_000 }).findings[0]!.message).toContain("lovlig korrektion (004:5108-5109)");
  });
  it("TS_TjmDelingsaftaleKorrektion negative is TS013", () => {
    expect(kort(valider({ TS_PensionsgivendeLoen: 900_000, TS_TjmDelingsaftaleKorrektion: -5 }).findings)).toEqual([`TS013 error TS_TjmDelingsaftaleKorrektion ${CELLER.TS_TjmDelingsaftaleKorrektion}`]);
  });
});

describe("TS090 deadline", () => {
  it("SYD-2018: 15.11.2017 is in time, 16.11.2017 is late", () => {
    expect(valider({}, new Date("2017-11-15T23:30:00+01:00")).findings).toEqual([]);
    expect(kort(valider({}, new Date("2017-11-16T08:00:00+01:00")).findings)).toEqual([`TS090 warning TS_Regelsaet ${CELLER.TS_Regelsaet}`]);
  });
  it("TS090 names the Danish day of each late submission in turn, across midnight and back (the day is remembered per hour)", () => {
    const dag = (iso: string) => valider({}, new Date(iso)).findings[0]!.message;
    // 23:30 Danish winter time is 22:30 UTC: still the 20th in Denmark, the 20th in UTC too.
    expect(dag("2017-11-20T23:30:00+01:00")).toContain("skemaet er indsendt 20.11.2017");
    // 00:30 Danish time is 23:30 UTC on the 20th: the 21st in Denmark.
    expect(dag("2017-11-21T00:30:00+01:00")).toContain("skemaet er indsendt 21.11.2017");
    expect(dag("2017-11-21T00:59:00+01:00")).toContain("skemaet er indsendt 21.11.2017");
    expect(dag("2017-11-20T23:59:00+01:00")).toContain("skemaet er indsendt 20.11.2017");
    expect(dag("2018-01-02T12:00:00+01:00")).toContain("skemaet er indsendt 2.1.2018");
  });
  it("MIDT-2021 has no fristTakster: TS090 skipped", () => {
    const r = valider({ TS_Regelsaet: "MIDT-2021", TS_Takstaar: 2021, TS_Basistakst: 847, TS_Servicetakst: 1200 });
    expect(r.skipped.map((s) => s.code)).toContain("TS090");
    expect(r.findings).toEqual([]);
  });
});

describe("TS100 højt specialiseret tilbud", () => {
  const hoejt = { TS_Kategori: "Højt specialiseret tilbud med regional betydning" };
  it("25 places: 17.210.921 / (25 × 365 × 0,96) = 1.965 < 2.000", () => {
    const r = valider({ ...hoejt, TS_Pladser: 25 });
    expect(kort(r.findings)).toEqual([`TS100 warning TS_Kategori ${CELLER.TS_Kategori}`]);
  });
  it("24 places: 2.047 ≥ 2.000, no warning", () => {
    expect(valider(hoejt).findings).toEqual([]);
  });
});

describe("never throws", () => {
  it.each([[null], [[]], ["tekst"], [42], [{ TS_Loen: { formula: "x" } }], [{ TS_Pladser: Infinity, TS_Belaegning: NaN }], [{ TS_Loen: Symbol("x") }]])("%p", (input) => {
    const r = validerSkema(input as Record<string, unknown>, { register: REGISTER, indsendt: I_TIDE });
    expect(r.ok).toBe(false);
    expect(Array.isArray(r.findings)).toBe(true);
  });
});
