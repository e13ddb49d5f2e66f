import fc from "fast-check";
import { fejlFra } from "./customFunctionsStub";
import { takst, takststruktur } from "../../src/functions/functions";

// Excel passes any cell value, a range or null: call it untyped, as Excel does.
const somExcel = takststruktur as unknown as (...args: unknown[]) => unknown[][];

// SOC.TAKSTSTRUKTUR called as Excel calls it: ranges as number[][], "" or null for blank cells,
// null for an omitted optional argument (product.md §1).

describe("SOC.TAKSTSTRUKTUR", () => {
  it("spills basistakst, servicetakst and takst per ydelse for a three-ydelse botilbud", () => {
    // Worked out by hand (see tests/engine/takststruktur.test.ts for the steps):
    // Σ bd = 8×365×0,95 + 6×365×0,97 + 4×365 = 2.774 + 2.124,3 + 1.460 = 6.358,3
    // basistakst = 3.500.000 / 6.358,3 = 550,46 → 550
    // Σ r×bd = 2.774 + 1,5×2.124,3 + 2×1.460 = 8.880,45; 5.000.000 / 8.880,45 = 563,0345
    // servicetakst = 563 / 844,55 → 845 / 1.126,07 → 1.126
    expect(somExcel(3_500_000, 5_000_000, [[8], [6], [4]], [[0.95], [0.97], [1]], [[1], [1.5], [2]], null)).toEqual([
      [550, 563, 1113],
      [550, 845, 1395],
      [550, 1126, 1676],
    ]);
  });

  it("the README example: 3.650.000 + 7.300.000 over 2 × 10 pladser at 100 %, ressource 1 and 3", () => {
    // Σ bd = 2 × 10 × 365 = 7.300 → basistakst 3.650.000 / 7.300 = 500
    // Σ r×bd = 3.650 + 3 × 3.650 = 14.600 → 7.300.000 / 14.600 = 500 per weighted day: 500 and 1.500
    expect(somExcel(3_650_000, 7_300_000, [[10], [10]], [[1], [1]], [[1], [3]], null)).toEqual([
      [500, 500, 1000],
      [500, 1500, 2000],
    ]);
  });

  it("blank pladser rows give empty cells and their other cells are not read; blank ressource is 1", () => {
    // Rows 1 and 3 as in the engine's all-in-service case: 322 and 645 (2.000.000 / 6.205 = 322,32).
    // Row 3's ressource 2 is given; row 1's is blank (= 1).
    expect(somExcel(0, 2_000_000, [[10], [""], [5], [null]], [[0.9], ["tekst"], [0.8], [""]], [[""], [true], [2], [null]], null)).toEqual([
      [0, 322, 322],
      ["", "", ""],
      [0, 645, 645],
      ["", "", ""],
    ]);
  });

  it("one ydelse with servicegrundlag 0 returns what SOC.TAKST returns", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: 1, max: 366 })),
        (grundlag, pladser, pct, dage) => {
          const b = pct / 100;
          const t = takst(grundlag, pladser, b, dage, null);
          expect(somExcel(grundlag, 0, [[pladser]], [[b]], null, dage)).toEqual([[t, 0, t]]);
          // A single cell passed as a number (Excel's 1 × 1 range) is the same ydelse.
          expect(somExcel(grundlag, 0, pladser, b, null, dage)).toEqual([[t, 0, t]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the 10 400 000 kr example of SOC.TAKST gives 1.000 in the one-row table", () => {
    expect(somExcel(10_400_000, 0, [[30]], [[0.95]], null, null)).toEqual([[1000, 0, 1000]]);
  });

  it("names the row of a bad cell in Danish, with the 95-for-95 % hint", () => {
    const f = fejlFra(() => somExcel(1_000_000, 0, [[5], [5], [5]], [[0.9], [0.9], [95]], null, null));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toBe("SOC.TAKSTSTRUKTUR: belaegning (række 3) skal være over 0 % og højst 100 % (angivet: 9.500 %). Skriv 95 % som 0,95.");
    expect(fejlFra(() => somExcel(1_000_000, 0, [[5], ["fem"]], [[0.9], [0.9]], null, null)).message).toContain('pladser (række 2) er tekst ("fem"), ikke et tal');
    expect(fejlFra(() => somExcel(1_000_000, 0, [[5], [5]], [[0.9], [""]], null, null)).message).toContain("belaegning (række 2) er tom");
    expect(fejlFra(() => somExcel(1_000_000, 10, [[5], [5]], [[0.9], [0.9]], [[1], [0]], null)).message).toContain("ressource (række 2) skal være større end 0");
  });

  it("refuses columns of different heights, a range that is not one column, and a table with no ydelse", () => {
    expect(fejlFra(() => somExcel(1_000_000, 0, [[5], [5]], [[0.9]], null, null)).message).toContain("belaegning har 1 rækker, men pladser har 2");
    expect(fejlFra(() => somExcel(1_000_000, 0, [[5], [5]], [[0.9], [0.9]], [[1], [1], [1]], null)).message).toContain("ressource har 3 rækker, men pladser har 2");
    expect(fejlFra(() => somExcel(1_000_000, 0, [[5, 5]], [[0.9, 0.9]], null, null)).message).toContain("pladser skal være én kolonne");
    expect(fejlFra(() => somExcel(1_000_000, 0, [[""], [null]], [[""], [""]], null, null)).message).toContain("SOC.TAKSTSTRUKTUR: pladser er tom");
  });

  it("refuses a negative servicegrundlag and a takstgrundlag of 0", () => {
    expect(fejlFra(() => somExcel(1_000_000, -5, [[5]], [[0.9]], null, null)).message).toContain("servicegrundlag må ikke være negativ");
    expect(fejlFra(() => somExcel(0, 0, [[5]], [[0.9]], null, null)).message).toContain("basisgrundlag skal være større end 0");
  });
});
