import { fejlFra } from "./customFunctionsStub";
import { overhead } from "../../src/functions/functions";
import { deltRegister } from "../../src/regelsaet/delt";
import { indlaesRegelsaet } from "../../src/regelsaet/indlaeser";
import { indlejredeRegelsaet } from "../../src/regelsaet/indlejret";
import { syd2027 } from "../helpers/regelsaet";
import { falskService, hukommelse } from "../helpers/falskService";

// The functions read the one register the pane's loader fills (same page, shared runtime).
describe("SOC functions with a published ruleset", () => {
  afterAll(() => deltRegister().saet(indlejredeRegelsaet()));

  it("an unknown id lists the known ones", () => {
    const f = fejlFra(() => overhead(1_000_000, 0.049, "SYD-2027"));
    expect(f.code).toBe(CustomFunctions.ErrorCode.invalidValue);
    expect(f.message).toContain('"SYD-2027" er ukendt');
    expect(f.message).toContain("MIDT-2020, MIDT-2021, SYD-2018");
  });

  it("after the loader has fetched SYD-2027, OVERHEAD uses its 5 % cap without a reload", async () => {
    const service = falskService([syd2027({ overheadLoft: 0.05 })]);
    const r = await indlaesRegelsaet({ serviceUrl: "http://127.0.0.1:3000", fetchFn: service.fetchFn, lager: hukommelse() });
    expect(r).toMatchObject({ kilde: "service", antalUdgivne: 1 });
    // 1.000.000 × 4,9 % = 49.000 kr., under the cap; 5,1 % is over it (under SYD-2018's 4,4 % both would fail).
    expect(overhead(1_000_000, 0.049, "SYD-2027")).toBe(49_000);
    expect(overhead(1_000_000, 0.05, "syd-2027")).toBe(50_000);
    const f = fejlFra(() => overhead(1_000_000, 0.051, "SYD-2027"));
    expect(f.message).toContain("over loftet 5 % i SYD-2027");
    const ukendt = fejlFra(() => overhead(1_000_000, 0.04, "NORD-2030"));
    expect(ukendt.message).toContain("MIDT-2020, MIDT-2021, SYD-2018, SYD-2027");
  });
});
