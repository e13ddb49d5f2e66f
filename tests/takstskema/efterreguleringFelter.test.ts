import { efterreguleringCeller, efterreguleringForslag, type EfterreguleringTal, regnskabsaarFor } from "../../src/takstskema";
import { REGISTER } from "./hjaelp";

// The one mapping of the service's efterregulering to the budget skema (product.md §5.2), which
// the pane's "Hent efterregulering" and `udfyld --fra-server` both write.
const E: EfterreguleringTal = { takstaar: 2027, regnskabsaar: 2025, A1: 1, A2: 2, A3: 3, A6: 6, regulering: -9, reguleringPulje: -10 };

describe("efterreguleringCeller", () => {
  it("gives A1, A2, A3, A6, TS_Regulering = regulering (−A7) and TS_ReguleringPulje = the pool's share, and no formula cell", () => {
    expect(efterreguleringCeller(E)).toEqual({ TS_A1: 1, TS_A2: 2, TS_A3: 3, TS_A6: 6, TS_Regulering: -9, TS_ReguleringPulje: -10 });
  });
});

describe("efterreguleringForslag", () => {
  it("an empty cell or one with the same figure is no overwrite; another figure or text is; a name the workbook lacks is marked", () => {
    const f = efterreguleringForslag({ TS_A1: "", TS_A2: 2, TS_A3: 4, TS_A6: "seks", TS_Regulering: null }, E);
    expect(f.map((x) => [x.navn, x.nu, x.ny, x.overskriver, x.mangler])).toEqual([
      ["TS_A1", null, 1, false, false],
      ["TS_A2", 2, 2, false, false],
      ["TS_A3", 4, 3, true, false],
      ["TS_A6", "seks", 6, true, false],
      ["TS_Regulering", null, -9, false, false],
      ["TS_ReguleringPulje", null, -10, false, true],
    ]);
  });
});

describe("regnskabsaarFor", () => {
  it("is the takstår minus the ruleset's delay, 2 without a ruleset", () => {
    expect(regnskabsaarFor(2027)).toBe(2025);
    expect(regnskabsaarFor(2018, REGISTER.hent("SYD-2018"))).toBe(2016);
  });
});
