import { betaling, betalingsperiode, EngineError, tilTal } from "../../src/engine";

// Seed 004, Bilag 13 "Opsigelsesvarsler" (004:4175-4218) and Bilag 16's school year (004:4369-4375).
// Dates are day numbers as in a spreadsheet; by hand from 1.1.2018 = 43101 (a known serial):
//   14.1.2018 = 43101 + 13 = 43114      31.1.2018 = 43101 + 30 = 43131
//   1.2.2018  = 43132                   13.2.2018 = 43132 + 12 = 43144
//   28.2.2018 = 43132 + 27 = 43159      14.3.2018 = 43101 + 31 + 28 + 13 = 43173
//   31.3.2018 = 43101 + 31 + 28 + 30 = 43190   30.4.2018 = 43191 + 29 = 43220
//   30.6.2018 = 43101 + 181 - 1 = 43281 (day 181 of the year)   31.7.2018 = 43281 + 31 = 43312
//   31.12.2018 = 43101 + 364 = 43465    28.2.2019 = 43466 + 31 + 27 = 43524
//   31.12.2019 = 43466 + 364 = 43830    29.2.2020 = 43831 + 31 + 28 = 43890
const JAN14 = 43114;
const JAN31 = 43131;
const FEB1 = 43132;
const FEB13 = 43144;
const FEB28 = 43159;
const MAR14 = 43173;
const MAR31 = 43190;
const APR30 = 43220;

describe("Bilag 13 notice periods (004:4175-4218)", () => {
  it("botilbud, 2 måneder: notice on 14 January is paid to 14 March (004:4183-4186, the seed's own example)", () => {
    expect(betalingsperiode(JAN14, "botilbud")).toBe(MAR14);
    expect(betalingsperiode(JAN14, "botilbud", { model: "2_maaneder" })).toBe(MAR14);
  });
  it("botilbud, løbende måned + 1 måned (004:4183): 14.1 → 28.2", () => {
    expect(betalingsperiode(JAN14, "botilbud", { model: "loebende_maaned_plus_1" })).toBe(FEB28);
  });
  it("flag: EDATE clamps 31.12 + 2 months to 28.2, and to 29.2 in a leap year", () => {
    expect(betalingsperiode(43465, "botilbud")).toBe(43524);
    expect(betalingsperiode(43830, "botilbud")).toBe(43890);
  });
  it("dagtilbud, løbende måned (004:4187-4189): 14.1 → 31.1", () => {
    expect(betalingsperiode(JAN14, "dagtilbud")).toBe(JAN31);
  });
  it("§§ 101, 109, 110 are paid to the udskrivningsdag (004:4191-4195), which must be given", () => {
    for (const h of ["§ 101", "§ 109", "§ 110"] as const) {
      expect(betalingsperiode(JAN14, h, { ophoersdato: 43120 })).toBe(43120); // 20.1.2018
      expect(() => betalingsperiode(JAN14, h)).toThrow(EngineError);
    }
  });
  it("lukning (004:4202) and revisitation (004:4203-4206): løbende måned + 2 måneder, 14.1 → 31.3", () => {
    expect(betalingsperiode(JAN14, "lukning")).toBe(MAR31);
    expect(betalingsperiode(JAN14, "revisitation")).toBe(MAR31);
  });
  it("flag: pakkeskift one step, 30 days (004:4197-4199) count day 30 as the old package: 14.1 → 13.2", () => {
    // 15.1 is day 1 of the notice; 17 days to 31.1, then 13 in February: day 30 is 13.2.
    expect(betalingsperiode(JAN14, "pakkeskift")).toBe(FEB13);
  });
  it("pakkeskift several steps (004:4199-4200): bo = løbende måned + 1, dag = løbende måned", () => {
    expect(betalingsperiode(JAN14, "pakkeskift-bo")).toBe(FEB28);
    expect(betalingsperiode(JAN14, "pakkeskift-dag")).toBe(JAN31);
  });
  it("specialundervisning-dag: a stop on 30 June is paid to 31 July (004:4370-4371); a stop in March stays", () => {
    expect(betalingsperiode(43281, "specialundervisning-dag")).toBe(43312);
    expect(betalingsperiode(43174, "specialundervisning-dag")).toBe(43174); // 15.3.2018
  });
  it("is paid to the ophørsdato when it is after the notice (004:4177-4178 'til og med ophørsdato, dog minimum')", () => {
    expect(betalingsperiode(JAN14, "botilbud", { ophoersdato: APR30 })).toBe(APR30);
    expect(betalingsperiode(JAN14, "botilbud", { ophoersdato: FEB1 })).toBe(MAR14);
  });
  it("flag: stops the day before a new citizen takes the place (004:4210 'kun … indtil pladsen overtages')", () => {
    expect(betalingsperiode(JAN14, "botilbud", { nyBorgerFra: FEB1 })).toBe(JAN31);
    expect(betalingsperiode(JAN14, "botilbud", { ophoersdato: APR30, nyBorgerFra: FEB1 })).toBe(JAN31);
    expect(betalingsperiode(JAN14, "botilbud", { nyBorgerFra: 43200 })).toBe(MAR14); // 10.4: after the notice
  });
  it("refuses a date outside 1.3.1900-31.12.9999", () => {
    expect(() => betalingsperiode(60, "botilbud")).toThrow(EngineError);
    expect(() => betalingsperiode(2_958_466, "dagtilbud")).toThrow(EngineError);
  });
});

describe("BETALING: takst × days, both ends included", () => {
  it("15.1-14.3.2018 is 59 days (17 + 28 + 14): 59 × 1.450 = 85.550", () => {
    expect(tilTal(betaling(1450, 43115, MAR14))).toBe(85_550);
  });
  it("one day is one takst; til before fra is refused", () => {
    expect(tilTal(betaling(1450, JAN14, JAN14))).toBe(1450);
    expect(() => betaling(1450, JAN31, JAN14)).toThrow(EngineError);
  });
});
