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
  it("skærpet tilsyn is 10 % of the annual takst per started month (004:237)", () => {
    expect(tilTal(skaerpetTilsyn(31879, 2.2))).toBe(9564); // 3 started months × 3,188
  });
  it("the monthly skærpet takst is 10 % of the annual takst in whole kroner (Øst 2020, 003:1036-1042)", () => {
    // 003:1036 "Takstkategori 1 (1-7 pladser) 34.373 3.437 35.310 7.902" ... 003:1042 "Takstkategori 4 (50- pladser) 103.118 10.312 ..."
    expect([34373, 41247, 68745, 103118].map((t) => tilTal(skaerpetTilsynPrMaaned(t)))).toEqual([3437, 4125, 6875, 10312]);
  });
  it("a bill for several months is months × the published monthly takst (3 × 3.437, not 3 × 3.437,3 rounded)", () => {
    expect(tilTal(skaerpetTilsyn(34373, 3))).toBe(10311);
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
