import { efterregulering, fordelVedLukning, lukningAfEnhed, overtagelse, tilTal, udOverGraense } from "../../src/engine";

// Seed 004, Bilag 17 (Syddanmark 2018): closure and takeover examples. Figures in thousand kr,
// and the tables' sign convention: costs minus income, so an underskud is positive.

describe("Bilag 17, lukning af Enhed 1 (004:4742-4764)", () => {
  // 004:4749 "Omkostningsbudget 20.000 20.000 40.000 80.000"
  // 004:4758 "Akkumuleret resultat 1.000 -1.000 4.500 4.500" and 004:4759 "% af Budget ... 5,6%"
  const samletBudget = 80000;
  const akkumuleret = 4500;

  it("4,000 (5 %) continues in operations in year +1 (004:4762 'Videreføres i driften år +1 0 0 0 4.000')", () => {
    expect(tilTal(lukningAfEnhed(akkumuleret, 20000, samletBudget).viderefoeresAarPlus1)).toBe(4000);
  });
  it("Enhed 1 is charged 125 extra at closure (004:4764 'Ekstraopkrævning ifm lukning 125')", () => {
    expect(tilTal(lukningAfEnhed(akkumuleret, 20000, samletBudget).ekstraopkraevning)).toBe(125);
  });
  it("375 goes into the takster in year +2 (004:4763 'Efterreguleres i taksterne år +2 ... 375')", () => {
    expect(tilTal(lukningAfEnhed(akkumuleret, 20000, samletBudget).efterreguleresAarPlus2)).toBe(375);
  });
  it("the mirror example with an overskud gives -125 and -375 (004:4766-4787)", () => {
    const l = lukningAfEnhed(-4500, 20000, samletBudget);
    expect([tilTal(l.viderefoeresAarPlus1), tilTal(l.ekstraopkraevning), tilTal(l.efterreguleresAarPlus2)]).toEqual([-4000, -125, -375]);
  });
});

describe("Bilag 17, lukning af afdeling (004:4801-4871)", () => {
  it("a) accumulated 4,000 = exactly 5 % of 80,000: nothing beyond the threshold (004:4828-4834)", () => {
    expect(tilTal(udOverGraense(4000, 80000))).toBe(0);
  });
  it("b) accumulated 4,500: 500 beyond 5 % is covered by other units (004:4864-4871)", () => {
    expect(tilTal(udOverGraense(4500, 80000))).toBe(500);
  });
});

describe("Bilag 17, lukning af økonomisk enhed D (004:4874-4916)", () => {
  // 004:4902 "Omkostningsbudget 80.000 100.000 90.000 60.000 330.000"
  // 004:4912 "Dækkes af andre økonomiske enheder 1.481 1.852 1.667  5.000"
  it("D's 5,000 is spread on A, B, C by budget: 1,481 / 1,852 / 1,667", () => {
    expect(fordelVedLukning(5000, [80000, 100000, 90000]).map(tilTal)).toEqual([1481, 1852, 1667]);
  });
});

describe("Bilag 17, overtagelse af tilbud (004:4918-4974)", () => {
  // 004:4948 "Ekstraopkrævning ifm overtagelse 1.125 0 0 1.125"; 004:4946 "Videreføres ... 3.375"
  it("Enhed 1 carries 20/80 × 4,500 = 1,125", () => {
    expect(tilTal(overtagelse(4500, 20000, 80000))).toBe(1125);
  });
  it("the overskud mirror carries -1,125 (004:4974)", () => {
    expect(tilTal(overtagelse(-4500, 20000, 80000))).toBe(-1125);
  });
});

describe("the 5 % rule in the takst (004:4691-4716)", () => {
  it("an overskud above 5 % lowers the takst by the excess; below 5 % it is kept", () => {
    expect(tilTal(efterregulering(4500, 80000))).toBe(-500);
    expect(tilTal(efterregulering(3999, 80000))).toBe(0);
  });
});
