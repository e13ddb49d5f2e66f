import {
  afskrivning,
  EngineError,
  fordel,
  forrentning,
  gennemsnitligBelaegning,
  ofPrPlejefamilie,
  overhead,
  overheadGrundlag,
  plRegulering,
  skaerpetTilsyn,
  skaerpetTilsynPrMaaned,
  takstgrundlag,
  takstudvikling,
  tilTal,
  timebaseretTilsyn,
  tjenestemandspension,
} from "../../src/engine";

describe("overhead", () => {
  it("is grundlag × sats in whole kroner", () => {
    expect(tilTal(overhead(10_000_000, 0.044))).toBe(440000);
    expect(tilTal(overhead(1_234_567, 0.044))).toBe(54321); // 54320.948 → 54321
  });
  it("refuses a sats above the ruleset cap (Syd 2018: 4.4 %, 004:4981)", () => {
    expect(() => overhead(1_000_000, 0.045, 0.044)).toThrow(EngineError);
    expect(tilTal(overhead(1_000_000, 0.044, 0.044))).toBe(44000);
  });
  it("its base is the Syddanmark list: tilsyn and regulering are not in it (004:4985-5003)", () => {
    const linjer = { loen: 100, administration: 20, udvikling: 5, indtaegter: 30, oevrige: 7, ejendom: 11, afskrivninger: 3, forrentning: 2, tjenestemandspension: 4 };
    expect(tilTal(overheadGrundlag(linjer))).toBe(100 + 20 + 5 - 30 + 7 + 11 + 3 + 2 + 4);
  });
});

describe("takstgrundlag", () => {
  it("adds the categories and subtracts indtægter (004:4427-4450)", () => {
    const o = { loen: 5_000_000, udvikling: 25_000, administration: 400_000, indtaegter: 100_000, tjenestemandspension: 50_000, overhead: 236_500, tilsyn: 38_254, ejendom: 300_000, afskrivninger: 120_000, forrentning: 14_700, regulering: -50_000, oevrige: 10_000 };
    expect(tilTal(takstgrundlag(o))).toBe(5_000_000 + 25_000 + 400_000 - 100_000 + 50_000 + 236_500 + 38_254 + 300_000 + 120_000 + 14_700 - 50_000 + 10_000);
  });
});

describe("kapitalomkostninger (004:5037-5058)", () => {
  it("a building of 3,000,000 over 30 years costs 100,000 a year inside its period, 0 outside", () => {
    expect(tilTal(afskrivning(3_000_000, 30, 2004, 2018))).toBe(100000);
    expect(tilTal(afskrivning(3_000_000, 30, 2004, 2033))).toBe(100000);
    expect(tilTal(afskrivning(3_000_000, 30, 2004, 2034))).toBe(0);
    expect(tilTal(afskrivning(3_000_000, 30, 2019, 2018))).toBe(0);
  });
  it("AFSKRIVNING BYGNING: a building in use since 1995 is depreciated from 2004 and still has depreciation in 2025 (004:5047-5049)", () => {
    // 004:5047-5049: "For bygninger ibrugtaget før 1/1 2004, starter afskrivningsperioden den 1/1 2004"; 30 years.
    const syd = { art: "BYGNING" as const, bygningLevetid: 30, bygningStartAar: 2004 };
    expect(tilTal(afskrivning(3_000_000, undefined, 1995, 2025, syd))).toBe(100_000);
    expect(tilTal(afskrivning(3_000_000, undefined, 1995, 2033, syd))).toBe(100_000);
    expect(tilTal(afskrivning(3_000_000, undefined, 1995, 2034, syd))).toBe(0);
    // Without the ruleset the period runs 1995-2024.
    expect(tilTal(afskrivning(3_000_000, 30, 1995, 2025))).toBe(0);
    expect(() => afskrivning(3_000_000, undefined, 1995, 2025)).toThrow(EngineError);
  });
  it("AFSKRIVNING ANDET: a purchase not above the aktiveringsgrænse of 100.000 kr. is expensed, not depreciated (004:5057-5058)", () => {
    const syd = { art: "ANDET" as const, aktiveringsgraense: 100_000 };
    expect(() => afskrivning(100_000, 5, 2016, 2018, syd)).toThrow(EngineError);
    expect(tilTal(afskrivning(100_005, 5, 2016, 2018, syd))).toBe(20_001);
  });
  it("interest is value × rate, refused above the cap of 1.47 %", () => {
    expect(tilTal(forrentning(1_000_000, 0.0147, 0.0147))).toBe(14700);
    expect(() => forrentning(1_000_000, 0.02, 0.0147)).toThrow(EngineError);
  });
});

describe("belægning, PL and takstudvikling", () => {
  it("the average of two years", () => {
    expect(gennemsnitligBelaegning(0.94, 0.98).toNumber()).toBe(0.96);
  });
  it("PL adjustment raises last year's takst to this year's price level (002:2519-2533)", () => {
    expect(tilTal(plRegulering(1000, 0.039))).toBe(1039);
  });
  it("real takstudvikling is measured against the PL-adjusted takst", () => {
    // 1,091 / (1,000 × 1.039) - 1 = 5.005 %
    expect(takstudvikling(1091, 1000, 0.039).toDecimalPlaces(5).toNumber()).toBe(0.05005);
    expect(takstudvikling(1039, 1000, 0.039).toNumber()).toBe(0);
  });
});

describe("tjenestemandspension (004:5106-5108)", () => {
  it("is 20.3 % of the pensionable wage in 2018", () => {
    expect(tilTal(tjenestemandspension(400_000, 0.203))).toBe(81200);
  });
});

describe("socialtilsyn figures", () => {
  it("average OF per foster family is truncated as the seeds show (004: 27,600,000 / 1,539 = 17,933)", () => {
    expect(tilTal(ofPrPlejefamilie(27_600_000, 1539))).toBe(17933);
    expect(tilTal(ofPrPlejefamilie(19_156_058, 950))).toBe(20164); // 002
  });
  it("BPA: 13 h × 672 = 8,736 and 36 h × 672 = 24,192 (002:472-476)", () => {
    expect(tilTal(timebaseretTilsyn(13, 672))).toBe(8736);
    expect(tilTal(timebaseretTilsyn(36, 672))).toBe(24192);
  });
  it("skærpet tilsyn: whole months (004:233-237 \"1/10 årstakst pr. måned\"), a fraction of a month is refused", () => {
    // 004:236-237 "... omlægge beregningsmetode fra opkrævning af en 1/4 årstakst pr. kvartal til 1/10 årstakst pr. måned."
    expect(tilTal(skaerpetTilsyn(31879, 1, 2))).toBe(2 * 3188);
    expect(() => skaerpetTilsyn(31879, 1, 2.2)).toThrow(EngineError);
    expect(() => skaerpetTilsyn(31879, 1, 0)).toThrow(EngineError);
  });
  it("skærpet tilsyn is rounded once from base × weight × share: Syd 2016 category 2 is 9,612 (004:2915-2923)", () => {
    // 004:2919 "8 – 24 9.612 9.473" (skærpet tilsyn, 2016 then a quarter of the annual takst: share 1/4).
    // Any base consistent with the published 2016 grundtakster 32.041 (×1) and 38.450 (×1,2)
    // (004:2887-2889) lies in [32.041,25; 32.041,5): base × 1,2 × 1/4 is then 9.612,38-9.612,45 → 9.612,
    // where the rounded annual takst gives 38.450 / 4 = 9.612,5 → 9.613.
    for (const base of [32041.25, 32041.49]) expect(tilTal(skaerpetTilsynPrMaaned(base, 1.2, 0.25))).toBe(9612);
    expect(tilTal(skaerpetTilsynPrMaaned(38450, 1, 0.25))).toBe(9613);
  });
  it("a bill for several months is months × the published monthly takst (3 × 3.437, not 3 × 3.437,3 rounded)", () => {
    expect(tilTal(skaerpetTilsyn(34373, 1, 3))).toBe(10311);
  });
});

describe("refusals instead of silent rounding", () => {
  it("largest remainder refuses a non-whole amount rather than rounding the total", () => {
    expect(() => fordel(100.5, [1, 1], "REST")).toThrow(EngineError);
    expect(fordel(100.5, [1, 1], "HVER").map(tilTal)).toEqual([50, 50]); // 50.25 each, rounded per row
  });
  it("PL adjustment refuses a bad number of decimals", () => {
    expect(() => plRegulering(1000, 0.039, 7)).toThrow(EngineError);
    expect(tilTal(plRegulering(1000, 0.0395, 1))).toBe(1039.5);
  });
});
