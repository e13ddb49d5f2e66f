import fc from "fast-check";
import { kvitteringSchema } from "../../src/kontrakt";
import { REGELSAET_ID } from "../../src/regelsaet/schema";
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

describe("the receipt numbers the pane accepts (src/kontrakt's kvitteringSchema)", () => {
  const godtaget = (nummer: string) => kvitteringSchema.shape.nummer.safeParse(nummer).success;
  it("are every number the server makes, from any ruleset id", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 999_999_999 }), (id, aar, n) => {
        // As migration 007 numbers them: the prefix, "-", the serial padded to at least 4 digits.
        expect(godtaget(`${nummerPraefiks(id, aar)}-${String(n).padStart(4, "0")}`)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
  it("are every number the server makes from a valid ruleset id, Æ, Ø and Å included (REGELSAET_ID)", () => {
    const bogstaver = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ".split(""));
    fc.assert(
      fc.property(fc.boolean(), fc.array(bogstaver, { minLength: 1, maxLength: 20 }), fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 999_999_999 }), (tilsyn, region, aar, n) => {
        const id = `${tilsyn ? "TILSYN-" : ""}${region.join("")}-${aar}`;
        expect(REGELSAET_ID.test(id)).toBe(true);
        expect({ id, ok: godtaget(`${nummerPraefiks(id, aar)}-${String(n).padStart(4, "0")}`) }).toEqual({ id, ok: true });
      }),
      { numRuns: 2000 },
    );
    for (const id of ["Å-2018", "ØÆ-2024", "TILSYN-Å-2018"]) expect({ id, ok: godtaget(`${nummerPraefiks(id, 2018)}-0001`) }).toEqual({ id, ok: true });
  });
  it("spell Æ, Ø and Å as AE, OE and AA", () => {
    expect(nummerPraefiks("SJÆLLAND-2024", 2024)).toBe("SJAELLAND-2024");
    expect(nummerPraefiks("Å-2018", 2018)).toBe("AA-2018");
  });
  it("are no number the server never makes (letters it strips, no takstår, a short serial)", () => {
    for (const n of ["SJÆLLAND-2018-0001", "SYD-0042", "SYD-2018-042", "syd-2018-0042", "SYD-2018-0042 "]) expect({ n, ok: godtaget(n) }).toEqual({ n, ok: false });
  });
});
