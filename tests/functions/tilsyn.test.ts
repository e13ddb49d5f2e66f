import { fejlFra } from "./customFunctionsStub";
import { ofplejefamilie, tilsynskategori, tilsynstakst } from "../../src/functions/functions";
import { tilsynsRegister } from "../../src/regelsaet/tilsyn";

// The socialtilsyn's functions as Excel calls them (null for an omitted optional argument),
// with the seeds' published figures. The weights argument is typed as a range for the
// metadata generator; a ruleset id arrives as text.
const tekst = (s: string) => s as unknown as unknown[][];
const udeladt = null as unknown as unknown[][];

describe("SOC.TILSYNSTAKST [andel]", () => {
  it("andel 0,25 gives Syd 2016's quarterly skærpet tilsyn, 9.612 for category 2 (004:2915-2923)", () => {
    expect(tilsynstakst(320_413, [[10, 0, 0, 0]], udeladt, 0.25)).toEqual([[8010, 9612, 16021, 24031]]);
  });
  it("andel 0,1 gives Øst 2020's skærpet tilsyn at 10 % (003:1036-1042)", () => {
    expect(tilsynstakst(13_061_588, [[100], [100], [50], [20]], udeladt, 0.1)).toEqual([[3437], [4125], [6875], [10312]]);
  });
  it("an omitted or blank andel is the annual takst", () => {
    expect(tilsynstakst(31878.6, [[1, 0, 0, 0]], udeladt, null)).toEqual([[31879, 38254, 63757, 95636]]);
    expect(tilsynstakst(31878.6, [[1, 0, 0, 0]], udeladt, "")).toEqual([[31879, 38254, 63757, 95636]]);
  });
  it("10 typed for 10 % is #VALUE! naming andel and saying how to write it", () => {
    const f = fejlFra(() => tilsynstakst(31878.6, [[1, 0, 0, 0]], udeladt, 10));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toMatch(/^SOC\.TILSYNSTAKST: andel/);
    expect(f.message).toContain("som 0,1");
  });
  it.each([
    ["text", "ti procent", "er tekst"],
    ["a truth value", true, "sandhedsværdi"],
    ["zero", 0, "andel"],
  ])("andel as %s is #VALUE! naming the argument", (_hvad, v, del) => {
    const f = fejlFra(() => tilsynstakst(31878.6, [[1, 0, 0, 0]], udeladt, v));
    expect(f.message).toMatch(/^SOC\.TILSYNSTAKST: andel/);
    expect(f.message).toContain(del);
  });
});

describe("SOC.TILSYNSTAKST with a ruleset uses its tilsynVaegte", () => {
  it("the socialtilsyn's rulesets are built in", () => {
    expect(tilsynsRegister().ids()).toEqual(["TILSYN-NORD-2024", "TILSYN-SYD-2016", "TILSYN-SYD-2018", "TILSYN-ØST-2020"]);
  });
  it("\"TILSYN-SYD-2018\" as vaegte gives the weights 1 : 1,2 : 2 : 3 (004:157-161)", () => {
    expect(tilsynstakst(31878.6, [[1, 0, 0, 0]], tekst("TILSYN-SYD-2018"), null)).toEqual([[31879, 38254, 63757, 95636]]);
    expect(tilsynstakst(31878.6, [[1, 0, 0, 0]], [["tilsyn-syd-2018"]], null)).toEqual([[31879, 38254, 63757, 95636]]);
  });
  it("an unknown ruleset names the socialtilsyn's rulesets", () => {
    const f = fejlFra(() => tilsynstakst(100, [[1, 0, 0, 0]], tekst("TILSYN-VEST-2018"), null));
    expect(f.message).toContain('vaegte "TILSYN-VEST-2018" er ukendt');
    expect(f.message).toContain("TILSYN-SYD-2018");
  });
  it("a takst ruleset without tilsynVaegte is refused, not silently replaced by the default", () => {
    expect(fejlFra(() => tilsynstakst(100, [[1, 0, 0, 0]], tekst("MIDT-2020"), null)).message).toContain("som ikke har tilsynVaegte");
  });
});

describe("SOC.OFPLEJEFAMILIE (truncated, as published)", () => {
  it("Syd 2018: 27.600.000 / 1.539 = 17.933 (004:68, 004:325-326)", () => {
    expect(ofplejefamilie(27_600_000, 1539, null)).toBe(17933);
  });
  it("Syd 2017: 27.300.000 / 1.527 = 17.878 (004:68, 004:325-326)", () => {
    expect(ofplejefamilie(27_300_000, 1527, null)).toBe(17878);
  });
  it("Nord 2024 divides by plejefamilier + nygodkendelser: 19.156.058 / (860 + 90) = 20.164 (002:221-223, 002:410-413)", () => {
    expect(ofplejefamilie(19_156_058, 860, 90)).toBe(20164);
  });
  it.each([
    ["behov as text", () => ofplejefamilie("27,6 mio", 1539, null), "behov er tekst"],
    ["a fractional number of families", () => ofplejefamilie(27_600_000, 1539.5, null), "plejefamilier"],
    ["no families at all", () => ofplejefamilie(27_600_000, 0, 0), "plejefamilier"],
    ["a negative behov", () => ofplejefamilie(-1, 10, null), "behov"],
    ["nygodkendelser as a range", () => ofplejefamilie(1000, 10, [[1, 2]]), "nygodkendelser skal være én celle"],
  ])("%s is #VALUE! with a Danish message naming the argument", (_hvad, kald, del) => {
    const f = fejlFra(kald);
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toMatch(/^SOC\.OFPLEJEFAMILIE: /);
    expect(f.message).toContain(del);
  });
});

describe("SOC.TILSYNSKATEGORI", () => {
  it("refuses 7,2 places and says a whole number is needed: no seed gives a rule for a fractional count", () => {
    const f = fejlFra(() => tilsynskategori(7.2));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toMatch(/^SOC\.TILSYNSKATEGORI: pladser/);
    expect(f.message).toContain("helt");
  });
});
