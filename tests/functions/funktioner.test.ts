import { associeret, fejlFra } from "./customFunctionsStub";
import {
  afskrivning,
  belaegning,
  efterreg,
  forrentning,
  objfin,
  overhead,
  plreg,
  takst,
  takstudvikling,
  tilsynstakst,
  tjmpension,
} from "../../src/functions/functions";
import { registrer } from "../../src/functions/registrering";
import { FUNKTIONER } from "../../src/functions/beskrivelser";

// The functions without a golden file, with figures from the seeds as quoted in domain.md,
// called exactly as Excel calls them (null for an omitted optional argument).

describe("SOC.OVERHEAD", () => {
  it("is grundlag × sats in whole kroner, the Syddanmark cap 4.4 % included (004:4981)", () => {
    expect(overhead(10_000_000, 0.044, null)).toBe(440_000);
    expect(overhead(10_000_000, 0.044, "SYD-2018")).toBe(440_000);
    expect(overhead(1_234_567, 0.044, null)).toBe(54_321); // 54,320.948 → 54,321
  });
  it("refuses a sats above the ruleset's cap and names the cap in Danish", () => {
    const f = fejlFra(() => overhead(1_000_000, 0.045, "SYD-2018"));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toContain("sats 4,5 % er over loftet 4,4 % i SYD-2018");
  });
  it("Midtjylland's 6.1 % (000:144) is within MIDT-2020's cap but not Syddanmark's", () => {
    expect(overhead(1_000_000, 0.061, "MIDT-2020")).toBe(61_000);
    expect(fejlFra(() => overhead(1_000_000, 0.061, "SYD-2018")).message).toContain("over loftet 4,4 %");
  });
  it("an unknown ruleset names the known ones; ids are case-insensitive", () => {
    const f = fejlFra(() => overhead(1_000_000, 0.04, "NORD-2030"));
    expect(f.message).toContain('regelsaet "NORD-2030" er ukendt');
    expect(f.message).toContain("MIDT-2020, MIDT-2021, SYD-2018");
    expect(overhead(1_000_000, 0.044, " syd-2018 ")).toBe(44_000);
  });
  it("a blank regelsaet cell means no ruleset", () => {
    expect(overhead(1_000_000, 0.05, "")).toBe(50_000);
  });
});

describe("SOC.AFSKRIVNING and SOC.FORRENTNING (004:5037-5057)", () => {
  it("a building of 3,000,000 over 30 years from 2004 costs 100,000 a year in its period, 0 outside", () => {
    expect(afskrivning(3_000_000, 30, 2004, 2018)).toBe(100_000);
    expect(afskrivning(3_000_000, 30, 2004, 2034)).toBe(0);
    expect(afskrivning(3_000_000, 30, 2019, 2018)).toBe(0);
  });
  it("AFSKRIVNING [art] BYGNING with [regelsaet] SYD-2018: in use since 1995, depreciated from 2004 over the ruleset's 30 years, so 2025 has 100.000 (004:5047-5049)", () => {
    // 004:5047-5049 "Bygninger afskrives over 30 år. For bygninger ibrugtaget før 1/1 2004, starter afskrivningsperioden den 1/1 2004"
    expect(afskrivning(3_000_000, null, 1995, 2025, "BYGNING", "SYD-2018")).toBe(100_000);
    expect(afskrivning(3_000_000, null, 1995, 2034, "bygning", "SYD-2018")).toBe(0);
    expect(afskrivning(3_000_000, 30, 1995, 2025, "BYGNING", null)).toBe(0);
    expect(afskrivning(3_000_000, 30, 1995, 2025)).toBe(0);
    expect(fejlFra(() => afskrivning(3_000_000, null, 1995, 2025, "BYGNING", "MIDT-2020")).message).toContain("levetid mangler");
  });
  it("AFSKRIVNING [art] ANDET with [regelsaet] SYD-2018: 100.000 kr. or less is expensed (004:5057-5058)", () => {
    // 004:5057 "Andre aktiver med en anskaffelsessum over 100.000 kr., og en levetid på mere end et år afskrives ..."
    const f = fejlFra(() => afskrivning(80_000, 5, 2017, 2018, "ANDET", "SYD-2018"));
    expect(f.message).toContain("anskaffelsessum udgiftsføres i driften; aktiveres kun over 100.000 kr.");
    expect(afskrivning(80_000, 5, 2017, 2018)).toBe(16_000);
    expect(afskrivning(150_000, 5, 2017, 2018, null, "SYD-2018")).toBe(30_000);
    expect(fejlFra(() => afskrivning(150_000, 5, 2017, 2018, "BIL", null)).message).toContain('art er "BIL"');
    expect(fejlFra(() => afskrivning(150_000, 5, 2017, 2018, null, "NORD-2099")).message).toContain("SYD-2018");
  });
  // Without a ruleset the levetid is the caller's, so the refused levetid is then computed as given.
  it.each([
    // 3.000.000 / 20 = 150.000 was returned; the seed's building life gives 100.000.
    { art: "BYGNING", kilde: '004:5047: "Bygninger afskrives over 30 år"', anskaffelse: 3_000_000, startaar: 2010, forkert: 20,
      besked: "levetid skal være 30 i SYD-2018 (bygninger afskrives over 30 år)", levetid: 30, aarligt: 100_000, udenRegelsaet: 150_000 },
    { art: "ANDET", kilde: '004:5057: "en levetid på mere end et år"', anskaffelse: 150_000, startaar: 2018, forkert: 1,
      besked: "levetid skal være over 1 og højst 100", levetid: 2, aarligt: 75_000, udenRegelsaet: 150_000 },
  ])("AFSKRIVNING $art with a ruleset refuses a levetid of $forkert years ($kilde)", (r) => {
    const f = fejlFra(() => afskrivning(r.anskaffelse, r.forkert, r.startaar, 2018, r.art, "SYD-2018"));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toContain("levetid");
    expect(f.message).toContain(r.besked);
    expect(afskrivning(r.anskaffelse, r.levetid, r.startaar, 2018, r.art, "SYD-2018")).toBe(r.aarligt);
    expect(afskrivning(r.anskaffelse, r.forkert, r.startaar, 2018, r.art, null)).toBe(r.udenRegelsaet);
  });
  it("interest is value × rate, refused above SYD-2018's 1.47 %", () => {
    expect(forrentning(1_000_000, 0.0147, "SYD-2018")).toBe(14_700);
    expect(fejlFra(() => forrentning(1_000_000, 0.02, "SYD-2018")).message).toContain("rentesats 2 % er over loftet 1,47 % i SYD-2018");
  });
  it("a ruleset without an interest cap (MIDT-2020) checks nothing it doesn't know", () => {
    expect(forrentning(1_000_000, 0.02, "MIDT-2020")).toBe(20_000);
  });
  it("years read without a thousands point in messages", () => {
    expect(fejlFra(() => afskrivning(3_000_000, 30, 2004.5, 2018)).message).toContain("startaar skal være et helt tal fra 1900 til 2200 (angivet: 2004,5)");
  });
});

describe("SOC.BELAEGNING, SOC.PLREG, SOC.TAKSTUDVIKLING", () => {
  it("the average of two years", () => {
    expect(belaegning(0.94, 0.98)).toBe(0.96);
  });
  it("PL 3.9 % raises 1,000 to 1,039 (002:2519-2533)", () => {
    expect(plreg(1000, 0.039)).toBe(1039);
  });
  it("real takstudvikling is against last year's takst at this year's prices: 1,039 after 3.9 % PL is 0 %", () => {
    expect(takstudvikling(1039, 1000, 0.039)).toBe(0);
    expect(takstudvikling(1091, 1000, 0.039)).toBeCloseTo(52 / 1039, 12);
  });
});

describe("SOC.TJMPENSION (20.3 % in 2018, 004:5105-5107)", () => {
  it("takes the sats from the ruleset when omitted, or the given sats", () => {
    expect(tjmpension(1_000_000, null, "SYD-2018")).toBe(203_000);
    expect(tjmpension(1_000_000, 0.2, null)).toBe(200_000);
  });
  it("without sats and without a ruleset that has one it says what is missing", () => {
    expect(fejlFra(() => tjmpension(1_000_000, null, null)).message).toContain("sats mangler");
    expect(fejlFra(() => tjmpension(1_000_000, null, "MIDT-2020")).message).toContain("MIDT-2020 angiver ingen sats");
  });
});

describe("Excel's ways of passing things", () => {
  it("OBJFIN: a blank key cell passed as \"\" counts as 0, like null", () => {
    expect(objfin(100, [[1], [""], [1]], null)).toEqual([[50], [0], [50]]);
    expect(objfin(100, [[1], [null], [1]], "hver")).toEqual([[50], [0], [50]]);
  });
  it("OBJFIN: a key that is not one column is refused", () => {
    expect(fejlFra(() => objfin(100, [[1, 2]], null)).message).toContain("noegle skal være én kolonne");
  });
  it("TILSYNSTAKST spills in the orientation of antal (Syd 2018: 31,879 / 38,254 / 63,757 / 95,636)", () => {
    // null as Excel passes it; the signature types vaegte as a range (any[][]) for the metadata generator.
    expect(tilsynstakst(31878.6, [[1], [0], [0], [0]], null as unknown as undefined)).toEqual([[31879], [38254], [63757], [95636]]);
    expect(tilsynstakst(31878.6, [[1, 0, 0, 0]], [[1, 1.2, 2, 3]])).toEqual([[31879, 38254, 63757, 95636]]);
  });
  it("-0 comes back as 0", () => {
    expect(Object.is(efterreg(-0, 1000, null), 0)).toBe(true);
    expect(Object.is(objfin(-0, [[1], [1]], null)[0]![0], 0)).toBe(true);
  });
  it("a 1 × 1 range counts as its cell; an omitted optional is null", () => {
    expect(takst([[10_400_000]], 30, 0.95, null, null)).toBe(1000);
  });
  it("belægning 95 is refused with the percentage in Danish and the hint to write 0,95", () => {
    const f = fejlFra(() => takst(1_000_000, 10, 95, null, null));
    expect(f.message).toBe("SOC.TAKST: belaegning skal være over 0 % og højst 100 % (angivet: 9.500 %). Skriv 95 % som 0,95.");
  });
  it("text that looks like a Danish number is refused, not guessed", () => {
    expect(fejlFra(() => takst("1.234,5", 10, 0.95, null, null)).message).toContain('takstgrundlag er tekst ("1.234,5"), ikke et tal');
  });
  it("a result beyond Excel's range is an error, not Infinity", () => {
    expect(fejlFra(() => takst(1e308, 1e-300, 1, null, null)).message).toContain("for stort til Excel");
  });
});

describe("registration", () => {
  it("associates every id with its exported adapter", () => {
    associeret.clear();
    registrer((id, fn) => associeret.set(id, fn));
    expect([...associeret.keys()].sort()).toEqual(FUNKTIONER.map((f) => f.id).sort());
    expect(associeret.get("TAKST")).toBe(takst);
  });
});
