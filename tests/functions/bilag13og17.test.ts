import { fejlFra } from "./customFunctionsStub";
import { betaling, betalingsperiode, lukning, lukningFordel, objfin, overtagelse } from "../../src/functions/functions";

// SOC.BETALINGSPERIODE, SOC.BETALING (Bilag 13, 004:4175-4218) and SOC.LUKNING, SOC.LUKNING.FORDEL,
// SOC.OVERTAGELSE (Bilag 17, 004:4742-4948) as Excel calls them: null for an omitted optional
// argument, "" for a blank cell, dates as serial numbers or ISO text. Serials by hand from
// 1.1.2018 = 43101: 14.1 = 43114, 31.1 = 43131, 13.2 = 43144, 28.2 = 43159, 14.3 = 43173, 31.3 = 43190.

describe("SOC.BETALINGSPERIODE", () => {
  it("botilbud, notice on 14 January: paid to 14 March (004:4183-4186), serial or ISO text in, serial out", () => {
    expect(betalingsperiode(43114, "botilbud", null, null, null)).toBe(43173);
    expect(betalingsperiode("2018-01-14", "botilbud", "", "", "")).toBe(43173);
    expect(betalingsperiode(43114.75, "botilbud", null, null, null)).toBe(43173); // a time of day is not part of the date
  });
  it.each([
    ["botilbud", "loebende_maaned_plus_1", null, 43159],
    ["dagtilbud", null, null, 43131],
    ["§ 109", null, "2018-01-20", 43120],
    ["§110", null, 43120, 43120],
    ["§ 101", null, 43120, 43120],
    ["lukning", null, null, 43190],
    ["revisitation", null, null, 43190],
    ["pakkeskift", null, null, 43144],
    ["pakkeskift-bo", null, null, 43159],
    ["Pakkeskift-Dag", null, null, 43131],
  ])("%s (model %s, ophørsdato %s) from 14.1.2018 gives serial %d", (h, model, ophoer, slut) => {
    expect(betalingsperiode(43114, h, model, ophoer, null)).toBe(slut);
  });
  it("stops the day before nyborgerfra (004:4210)", () => {
    expect(betalingsperiode("2018-01-14", "botilbud", null, null, "2018-02-01")).toBe(43131);
  });
  it("an unknown haendelse is #VALUE! naming the argument and the allowed names", () => {
    const f = fejlFra(() => betalingsperiode(43114, "bofællesskab", null, null, null));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toMatch(/^SOC\.BETALINGSPERIODE: haendelse er "bofællesskab"\. Tilladt: en af "botilbud", "dagtilbud", "§ 101"/);
  });
  it("§ 109 without the udskrivningsdag names ophoersdato", () => {
    expect(fejlFra(() => betalingsperiode(43114, "§ 109", null, null, null)).message).toMatch(/^SOC\.BETALINGSPERIODE: ophoersdato er tom/);
  });
  it("text that is no ISO date, or an impossible date, names varselsdato", () => {
    expect(fejlFra(() => betalingsperiode("14-01-2018", "botilbud", null, null, null)).message).toContain('varselsdato er tekst ("14-01-2018"), ikke en dato');
    expect(fejlFra(() => betalingsperiode("2018-02-30", "botilbud", null, null, null)).message).toContain("ikke en dato");
  });
  it("a serial before 1.3.1900 is refused with the range as dates", () => {
    expect(fejlFra(() => betalingsperiode(10, "botilbud", null, null, null)).message).toContain("varselsdato skal være mindst 01.03.1900 og højst 31.12.9999 (angivet: 10)");
  });
});

describe("SOC.BETALING", () => {
  it("59 days (15.1-14.3.2018) × 1.450 = 85.550", () => {
    expect(betaling(1450, 43115, 43173)).toBe(85_550);
    expect(betaling(1450, "2018-01-15", "2018-03-14")).toBe(85_550);
  });
  it("til before fra names til and fra's date", () => {
    expect(fejlFra(() => betaling(1450, "2018-03-14", "2018-01-15")).message).toContain("til skal være mindst 14.03.2018");
  });
});

describe("SOC.LUKNING", () => {
  it("underskud 4.500 t.kr. on 20.000 / 80.000 (004:4742-4787): −4.000; −125; −375", () => {
    expect(lukning(-4500, 20000, 80000, null, null)).toEqual([[-4000, -125, -375]]);
    expect(lukning(-4500, 20000, 80000, "kommune", "")).toEqual([[-4000, -125, -375]]);
  });
  it("region (004:4864-4871): 4.000 continues, 0 at closure, 500 covered by other economic units", () => {
    expect(lukning(4500, 40000, 80000, "Region", null)).toEqual([[4000, 0, 500]]);
  });
  it("graense 0,1: 4.500 is inside 8.000, so everything continues", () => {
    expect(lukning(4500, 20000, 80000, null, 0.1)).toEqual([[4500, 0, 0]]);
  });
  it("an enhedsbudget above samletbudget and an unknown driftsherre are #VALUE! naming them", () => {
    expect(fejlFra(() => lukning(4500, 90000, 80000, null, null)).message).toMatch(/^SOC\.LUKNING: enhedsbudget skal være mindst 0 kr\. og højst 80\.000 kr\./);
    expect(fejlFra(() => lukning(4500, 20000, 80000, "stat", null)).message).toContain('driftsherre er "stat". Tilladt: "kommune" eller "region"');
  });
});

describe("SOC.LUKNING.FORDEL", () => {
  it("economic unit D's 5.000 over A, B, C (004:4902-4913): 1.481 / 1.852 / 1.667, after 981 / −2.148 / 4.167", () => {
    expect(lukningFordel(5000, [[80000], [100000], [90000]], [[-500], [-4000], [2500]], null)).toEqual([
      [1481, 981, 0],
      [1852, -2148, 0],
      [1667, 4167, 0],
    ]);
  });
  it("columns of different height name resultater; øre in resultat is refused", () => {
    expect(fejlFra(() => lukningFordel(5000, [[1], [1]], [[0]], null)).message).toContain("resultater har 1 rækker, men budgetter har 2");
    expect(fejlFra(() => lukningFordel(5000.5, [[1], [1]], [[0], [0]], null)).message).toContain("resultat skal være et helt beløb");
  });
  it("names the row of a negative budget", () => {
    expect(fejlFra(() => lukningFordel(5000, [[1], [-1]], [[0], [0]], null)).message).toContain("budgetter (række 2) må ikke være negativ");
  });
});

describe("SOC.OVERTAGELSE", () => {
  it("4.500 × 20.000 / 80.000 = 1.125 follows the offer, 3.375 stays (004:4946-4948)", () => {
    expect(overtagelse(4500, 20000, 80000)).toEqual([[1125, 3375]]);
  });
});

describe("a municipal closure's efterregulering over the betalingskommuner (004:3953-3957)", () => {
  it("is SOC.OBJFIN with the belægningsdage of the two years before as key: 375.000 by 3.650 / 1.825 / 1.825 days", () => {
    // 375.000 × 3.650 / 7.300 = 187.500; × 1.825 / 7.300 = 93.750 each.
    expect(objfin(375_000, [[3650], [1825], [1825]], null)).toEqual([[187_500], [93_750], [93_750]]);
  });
});
