import { efterregModel, reguleringFraModel, tilTal } from "../../src/engine";

// Seed 004, Bilag 18, "Eksempler på konkrete beregninger" (004:5359-5450). Overskud positive.

const tal = (m: ReturnType<typeof efterregModel>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, tilTal(v)]));

describe("Bilag 18 eksempel 1 (004:5359-5385)", () => {
  // "A1 Samlet provenu (10.400 dage * 1000) 10.400.000", "A2 ... 10.000.000", "A6 ... 400.000",
  // "A7 - Regulering af taksten i år 2 (A5-A6) 0.000"
  it("A5 = 400,000 and A7 = 0: the surplus is re-granted, nothing goes to the takst", () => {
    expect(tal(efterregModel(10400000, 10000000, 0, 400000))).toMatchObject({ A4: 10000000, A5: 400000, A7: 0 });
  });
});

describe("Bilag 18 eksempel 2 (004:5387-5415)", () => {
  // "A5 Reguleret overskud (A1-A4) 200.000", "A7 - Regulering af taksten i år 2 opskrives(A5-A6) -200.000"
  it("A5 = 200,000, A7 = -200,000: the takst is raised by 200,000", () => {
    const m = efterregModel(9600000, 9400000, 0, 400000);
    expect(tal(m)).toMatchObject({ A4: 9400000, A5: 200000, A7: -200000 });
    expect(tilTal(reguleringFraModel(m))).toBe(200000);
  });
});

describe("Bilag 18 eksempel 3 (004:5417-5445)", () => {
  // "A4 = Reguleret afregningsgrundlag (A2+A3) 20.600.000", "A5 Reguleret underskud (A1-A4) -600.000",
  // "A6 Merforbrug, der genbevilges ... -600.000", "A7 - Regulering af taksten i år 2 (opskrives) A5-A6 0".
  // The prose (004:5417-5420) says the takst is raised 300,000; the table and the formula say 0.
  it("A4 = 20,600,000, A5 = -600,000, A7 = 0 as the table says (not the prose's 300,000)", () => {
    expect(tal(efterregModel(20000000, 20400000, 200000, -600000))).toMatchObject({ A4: 20600000, A5: -600000, A7: 0 });
  });
});
