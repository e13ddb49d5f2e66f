import { celleFor, validerRegnskab, validerSkema } from "../../src/takstskema";
import { udenUndtagelser } from "../../src/takstskema/valider";
import { REGISTER } from "./hjaelp";

// Both validators promise never to throw (product.md: bad input never crashes); they share the
// guard, so a fault inside a validator must come out as one TS999 finding, never an exception.
describe("udenUndtagelser: the validators' guard against their own faults", () => {
  it("turns a fault into one TS999 error on the named field, with the fault's text", () => {
    const r = udenUndtagelser({}, "TS_Skematype", "valideringen af regnskabsskemaet", () => {
      throw new Error("uventet");
    });
    expect(r).toEqual({
      ok: false,
      findings: [{ code: "TS999", severity: "error", field: "TS_Skematype", cell: celleFor("TS_Skematype"), message: "Intern fejl i valideringen af regnskabsskemaet: uventet" }],
      skipped: [],
      vaerdier: {},
      beregnet: null,
    });
  });

  it("hands a validator an empty record for input that is not one (null, an array, a number)", () => {
    for (const input of [null, [1, 2], 7]) {
      const set: unknown[] = [];
      udenUndtagelser(input, "TS_Regelsaet", "valideringen", (i) => {
        set.push(i);
        return { ok: true, findings: [], skipped: [], vaerdier: {}, beregnet: null };
      });
      expect(set).toEqual([{}]);
    }
  });

  it("answers a record whose cell cannot be read with TS999 in both validators, not an exception", () => {
    const kontekst = { register: REGISTER, indsendt: new Date("2017-10-01T12:00:00+02:00") };
    const ulaeselig = Object.defineProperty({}, "TS_Tilbud", {
      enumerable: true,
      get() {
        throw new Error("cellen kunne ikke læses");
      },
    }) as Record<string, unknown>;
    expect(validerSkema(ulaeselig, kontekst).findings.map((f) => [f.code, f.field, f.message])).toEqual([
      ["TS999", "TS_Regelsaet", "Intern fejl i valideringen: cellen kunne ikke læses"],
    ]);
    expect(validerRegnskab(ulaeselig, kontekst).findings.map((f) => [f.code, f.field, f.message])).toEqual([
      ["TS999", "TS_Skematype", "Intern fejl i valideringen af regnskabsskemaet: cellen kunne ikke læses"],
    ]);
  });
});
