import { tjekRegelsaet, VERSION_MAKS } from "../../src/regelsaet";

const base = { schemaVersion: 1, id: "SYD-2027", version: 1, navn: "Syd 2027", region: "Syddanmark", takstaar: 2027, kilde: "rammeaftale 2027", parametre: {} };
const fund = (raw: unknown) => {
  const t = tjekRegelsaet(raw);
  return t.ok ? [] : t.fund;
};

describe("a ruleset's version is a bounded integer (issue 26)", () => {
  it("refuses 2^31 and 2147483647, which would leave no room for the next correction", () => {
    for (const version of [2 ** 31, 2147483647, VERSION_MAKS + 1]) {
      expect({ version, fund: fund({ ...base, version }).map((f) => f.sti) }).toEqual({ version, fund: ["version"] });
    }
    expect(fund({ ...base, version: 2147483647 })[0]?.besked).toMatch(/helt tal fra 1 til 999/);
  });
  it("takes every version up to the maximum", () => {
    expect(tjekRegelsaet({ ...base, version: VERSION_MAKS }).ok).toBe(true);
  });
});

describe("control characters in a ruleset's texts are findings naming the field, not a 500 (issue 26)", () => {
  it("names the text with a NUL", () => {
    expect(fund({ ...base, navn: "Syd\u00002027" })).toEqual([{ sti: "navn", besked: expect.stringMatching(/kontroltegn/) }]);
  });
  it("finds one deep in a parameter, and in a key", () => {
    const r = { ...base, parametre: { kategorier: { vaerdi: [{ navn: "Klyngetilbud", synonymer: ["klynge\u0007"] }], kilde: "x" }, differentieringGraense: { vaerdi: { "døgn\u001b": 150000 }, kilde: "x" } } };
    expect(fund(r).map((f) => f.sti).sort()).toEqual(["parametre.differentieringGraense.vaerdi.døgn\u001b", "parametre.kategorier.vaerdi.0.synonymer.0"]);
  });
  it("lets tab, line feed and carriage return through", () => {
    expect(tjekRegelsaet({ ...base, kilde: "rammeaftale\t2027\r\nbilag 1" }).ok).toBe(true);
  });
});
