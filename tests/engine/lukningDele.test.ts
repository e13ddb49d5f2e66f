import { EngineError, lukning, lukningFordel, overtagelseDele, tilTal } from "../../src/engine";

// Seed 004, Bilag 17 (Syddanmark 2018). Figures in thousand kr. The tables write an underskud as
// positive; the functions keep whatever sign the caller uses, so both conventions are tested.
const tal = (xs: object) => Object.values(xs).map((x) => tilTal(x as Parameters<typeof tilTal>[0]));

describe("LUKNING, kommune (004:4742-4787)", () => {
  // 5 % of 80.000 = 4.000 stays; 4.500 - 4.000 = 500 beyond it; Enhed 1's share 500 × 20/80 = 125; rest 375.
  it("underskud 4.500 (product sign −) on 20.000 / 80.000: −4.000; −125; −375", () => {
    expect(tal(lukning(-4500, 20000, 80000))).toEqual([-4000, -125, -375]);
  });
  it("in the seed's sign (004:4758-4764: 4.000, 375, 125) the parts are 4.000; 125; 375", () => {
    expect(tal(lukning(4500, 20000, 80000, "kommune"))).toEqual([4000, 125, 375]);
  });
});

describe("LUKNING, region (004:4788-4871)", () => {
  it("a) 4.000 = exactly 5 %: all 4.000 continues, nothing covered by others (004:4828-4835)", () => {
    expect(tal(lukning(4000, 40000, 80000, "region"))).toEqual([4000, 0, 0]);
  });
  it("b) 4.500: 4.000 continues, 500 is covered by other economic units, nothing charged at closure (004:4864-4871)", () => {
    expect(tal(lukning(4500, 40000, 80000, "region"))).toEqual([4000, 0, 500]);
  });
  it("refuses an enhedsbudget above the samletbudget and a samletbudget of 0", () => {
    expect(() => lukning(4500, 90000, 80000)).toThrow(EngineError);
    expect(() => lukning(4500, 0, 0)).toThrow(EngineError);
  });
});

describe("LUKNING.FORDEL, lukning af økonomisk enhed D (004:4874-4916)", () => {
  // 5.000 × 80/270 = 1.481,48; × 100/270 = 1.851,85; × 90/270 = 1.666,67. Floors 1.481 + 1.851 + 1.666 = 4.998;
  // the 2 missing go to the largest remainders (B ,85 and C ,67): 1.481 / 1.852 / 1.667 (004:4912).
  // After: −500 + 1.481 = 981; −4.000 + 1.852 = −2.148; 2.500 + 1.667 = 4.167 (004:4913);
  // 5 % bands 4.000 / 5.000 / 4.500: none beyond, so 0 (004:4911).
  it("spreads 5.000 as 1.481 / 1.852 / 1.667 and nothing is settled in year +2", () => {
    const r = lukningFordel(5000, [80000, 100000, 90000], [-500, -4000, 2500]);
    expect(r.map((m) => tal(m))).toEqual([
      [1481, 981, 0],
      [1852, -2148, 0],
      [1667, 4167, 0],
    ]);
  });
  it("the 5 % test per receiving unit (004:4914-4916): C at 4.000 + 1.667 = 5.667 is 1.167 beyond 4.500", () => {
    const r = lukningFordel(5000, [80000, 100000, 90000], [-500, -4000, 4000]);
    expect(tilTal(r[2]!.efterreguleresAarPlus2)).toBe(1167);
  });
  it("refuses a resultat in øre (it must sum exactly) and names the row of a negative budget", () => {
    expect(() => lukningFordel(5000.5, [1, 1], [0, 0])).toThrow(EngineError);
    try {
      lukningFordel(5000, [1, -1], [0, 0]);
      throw new Error("no error");
    } catch (e) {
      expect((e as EngineError).detail).toMatchObject({ argument: "budgetter", index: 1 });
    }
  });
});

describe("OVERTAGELSE (004:4918-4948)", () => {
  it("4.500 × 20.000 / 80.000 = 1.125 follows the offer (004:4948); 3.375 stays (004:4946)", () => {
    expect(tal(overtagelseDele(4500, 20000, 80000))).toEqual([1125, 3375]);
  });
});
