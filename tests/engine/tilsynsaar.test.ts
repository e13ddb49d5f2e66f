import {
  EngineError,
  ofPrPlejefamilie,
  tilsynsaar,
  type TilsynsaarInput,
  tilsynsbasis,
  tilsynskategori,
  tilsynstakster,
  tilTal,
  udviklingPct,
} from "../../src/engine";

/**
 * The socialtilsyn's published tables, reproduced from the seeds. The seeds give the takster,
 * not the counts of tilbud per category: each case picks counts, and the need is the base the
 * four published takster admit (the interval where all four round to the seed's figures) times
 * the counts' weighted sum. Figures the seeds print wrongly (003:1051's 74.457, 003:1057's
 * −4,3) or that cannot be reproduced (Syd's OF rows, 004:258-320, do not sum) are not fixtures.
 */
const tal = (xs: readonly { toNumber(): number }[]) => xs.map((x) => tilTal(x as never));
const VAEGTE = [1, 1.2, 2, 3] as const;
const vaegtetSum = (antal: readonly number[]) => antal.reduce((s, a, i) => s + a * VAEGTE[i]!, 0);

describe("Syd 2018 grundtakster 31.879 / 38.254 / 63.757 / 95.636 (004:157-183)", () => {
  // 460 tilbud ("anslået 460 tilbud", 004:162-163); 164 + 101 × 1,2 + 155 × 2 + 40 × 3 = 715,2.
  const antal = [164, 101, 155, 40];
  const behov = 22_799_575; // 22,8 mio (004:162), = 31.878,6 × 715,2 rounded to whole kroner
  it("the counts' weighted sum gives a base inside the interval the four takster admit", () => {
    expect(vaegtetSum(antal)).toBeCloseTo(715.2, 9);
    const base = tilsynsbasis(behov, antal).toNumber();
    expect(base).toBeGreaterThanOrEqual(31878.5);
    expect(base).toBeLessThan(31878.75);
  });
  it("gives the published takster, each rounded from the unrounded base", () => {
    expect(tal(tilsynstakster(behov, antal))).toEqual([31879, 38254, 63757, 95636]);
  });
});

describe("Øst 2020 takster and skærpet at 10 % (003:1036-1042)", () => {
  const antal = [100, 100, 50, 20]; // W = 380
  const behov = 13_061_588; // 34.372,6 × 380
  it("takster 34.373 / 41.247 / 68.745 / 103.118", () => {
    expect(tal(tilsynstakster(behov, antal))).toEqual([34373, 41247, 68745, 103118]);
  });
  it("skærpet 3.437 / 4.125 / 6.875 / 10.312 with andel 0,1", () => {
    expect(tal(tilsynstakster(behov, antal, VAEGTE, 0.1))).toEqual([3437, 4125, 6875, 10312]);
  });
  it("the base 34.372,6 lies where all four takster round to the seed's (34.372,5 to 34.372,75)", () => {
    const base = tilsynsbasis(behov, antal).toNumber();
    expect(base).toBeGreaterThanOrEqual(34372.5);
    expect(base).toBeLessThan(34372.75);
  });
});

describe("Syd 2016 grundtakster and skærpet per quarter (004:2881-2893, 004:2915-2923)", () => {
  const antal = [10, 0, 0, 0];
  const behov = 320_413; // base 32.041,3
  it("grundtakster 32.041 / 38.450 / 64.083 / 96.124", () => {
    expect(tal(tilsynstakster(behov, antal))).toEqual([32041, 38450, 64083, 96124]);
  });
  it("skærpet per quarter 8.010 / 9.612 / 16.021 / 24.031: 9.612 for category 2, where ¼ of the rounded 38.450 would be 9.613", () => {
    expect(tal(tilsynstakster(behov, antal, VAEGTE, 0.25))).toEqual([8010, 9612, 16021, 24031]);
  });
});

describe("Nord 2024 (002:215-223, 002:386-413, 002:437-443)", () => {
  const noegle = [21872, 7775, 10035, 7556, 218, 7870, 3643, 7317, 8398, 7006, 39978];
  const publiceret = [3443644, 1224137, 1579964, 1189657, 34323, 1239095, 573573, 1152027, 1322226, 1103062, 6294349];
  const aar = tilsynsaar({
    behovFoerEffektivisering: 0,
    effektiviseringPct: 0,
    resultatAarMinus2: 0,
    resultatAndelIndregnet: 0.5,
    behovPlejefamilier: 19_156_058,
    behovTilbud: 43851.6 * 10,
    skoennedeSaerligeIndtaegter: 0,
    antal: [10, 0, 0, 0],
    skaerpetAndel: 0.1,
    noegle,
    ofAfrunding: "HVER",
    plejefamilier: 860,
    nygodkendelser: 90,
    timepris: 672,
    bpaTimer: 13,
  });
  it("OF per kommune equals the published column, each row rounded (HVER), summing to 19.156.057", () => {
    expect(tal(aar.of)).toEqual(publiceret);
    expect(tilTal(aar.ofIAlt)).toBe(19_156_057);
  });
  it("OF per plejefamilie 20.164 = 19.156.058 / (860 + 90), truncated", () => {
    expect(tilTal(aar.ofPrPlejefamilie)).toBe(20164);
  });
  it("takster 43.852 / 52.622 / 87.703 / 131.555", () => {
    expect(tal(aar.takster)).toEqual([43852, 52622, 87703, 131555]);
  });
  it("BPA tilsyn 13 timer × 672 kr. = 8.736 (002:466, 002:472-476)", () => {
    expect(aar.bpaTakst && tilTal(aar.bpaTakst)).toBe(8736);
  });
  it("takst development 2,3 % from 42.884 to 43.852 (002:437)", () => {
    expect(tilTal(udviklingPct(43852, 42884))).toBe(2.3);
  });
});

describe("Syd OF per plejefamilie 17.878 / 17.933, truncated (004:68, 004:325-326)", () => {
  it("2017: 27.300.000 / 1.527 = 17.878", () => {
    expect(tilTal(ofPrPlejefamilie(27_300_000, 1527))).toBe(17878);
  });
  it("2018: 27.600.000 / 1.539 = 17.933,72 is published as 17.933, not rounded to 17.934", () => {
    expect(tilTal(ofPrPlejefamilie(27_600_000, 1539))).toBe(17933);
  });
  it("refuses a fractional or missing number of families", () => {
    expect(() => ofPrPlejefamilie(27_600_000, 1539.5)).toThrow(EngineError);
    expect(() => ofPrPlejefamilie(27_600_000, 0, 0)).toThrow(EngineError);
  });
});

describe("the need of the year", () => {
  const syd2018: TilsynsaarInput = {
    behovFoerEffektivisering: 52_900_000,
    effektiviseringPct: 0.01,
    resultatAarMinus2: 0,
    resultatAndelIndregnet: 0,
    behovPlejefamilier: 27_600_000,
    behovTilbud: 24_800_000,
    skoennedeSaerligeIndtaegter: 2_000_000,
    antal: [164, 101, 155, 40],
    skaerpetAndel: 0.1,
    noegle: [1, 1],
    ofAfrunding: "REST",
    plejefamilier: 1539,
    nygodkendelser: 0,
  };
  it("Syd 2018: 52,9 mio less 1 % efficiency is 52,4 mio (004:101-122), grundtakster cover 22,8 mio (004:149-164)", () => {
    const aar = tilsynsaar(syd2018);
    expect(tilTal(aar.behov)).toBe(52_371_000);
    expect(tilTal(aar.grundtakstbehov)).toBe(22_800_000);
  });
  it("half of an overskud carried into the budget lowers the need by that half (Nord: \"Halvdelen af overskud ... kr. 250.990\", 002:146-149)", () => {
    const aar = tilsynsaar({ ...syd2018, effektiviseringPct: 0, behovFoerEffektivisering: 1_000_000, resultatAarMinus2: 501_980, resultatAndelIndregnet: 0.5 });
    expect(tilTal(aar.behov)).toBe(1_000_000 - 250_990);
  });
});

describe("Øst 2020 væsentlig ændring: every category falls 6,2 %, not the printed −4,3 (003:1036-1057)", () => {
  it.each([
    [7902, 8423],
    [9482, 10108],
    [15804, 16847],
    [23706, 25270],
  ])("%i from %i", (ny, forrige) => {
    expect(tilTal(udviklingPct(ny, forrige))).toBe(-6.2);
  });
});

describe("TILSYNSKATEGORI takes whole places only", () => {
  it("refuses 7,2 places: no seed gives a rule for a fractional count", () => {
    expect(() => tilsynskategori(7.2)).toThrow(EngineError);
  });
  it("keeps the published bounds 7 / 8, 24 / 25, 49 / 50", () => {
    expect([7, 8, 24, 25, 49, 50].map((p) => tilsynskategori(p))).toEqual([1, 2, 2, 3, 3, 4]);
  });
  it("TILSYNSTAKST refuses an andel above 1 (10 typed for 10 %)", () => {
    expect(() => tilsynstakster(100, [1, 0, 0, 0], VAEGTE, 10)).toThrow(EngineError);
  });
});
