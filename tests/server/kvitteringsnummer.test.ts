import { nummerPraefiks } from "../../src/server/indberetninger/sql";

describe("receipt number prefix (product.md §5: SYD-2018-0042)", () => {
  it("is the ruleset id when it ends with the takstår", () => {
    expect(nummerPraefiks("SYD-2018", 2018)).toBe("SYD-2018");
    expect(nummerPraefiks(" midt-2021 ", 2021)).toBe("MIDT-2021");
  });
  it("adds the takstår when the ruleset id is for another year, so numbers stay unique per ruleset and year", () => {
    expect(nummerPraefiks("SYD-2018", 2019)).toBe("SYD-2018-2019");
  });
  it("keeps only letters, digits and hyphens, and has a fallback", () => {
    expect(nummerPraefiks("SYD 2018/x", 2018)).toBe("SYD2018X-2018");
    expect(nummerPraefiks(undefined, 2018)).toBe("TAKST-2018");
  });
});
