import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseRegelsaet, type Regelsaet, tjekRegelsaet } from "../../src/regelsaet";
import { CELLER, skabelonLayout } from "../../src/takstskema";

const SYD = JSON.parse(readFileSync(join(__dirname, "..", "..", "rulesets", "SYD-2018.json"), "utf8")) as Record<string, unknown>;
const medKategorier = (vaerdi: unknown) => ({ ...SYD, parametre: { ...(SYD.parametre as object), kategorier: { vaerdi, kilde: "bilag 1 (testdata)" } } });

describe("kategori names and the template's drop-down (issue 26)", () => {
  it("a ruleset refuses a kategori with a comma or a quotation mark, naming it, in Danish", () => {
    const t = tjekRegelsaet(medKategorier(["Klyngetilbud", "Botilbud, døgn", { navn: 'Lokalt "tilbud"', synonymer: [] }]));
    expect(t.ok).toBe(false);
    const fund = t.ok ? [] : t.fund;
    expect(fund.map((f) => f.sti)).toEqual(["parametre.kategorier.vaerdi.1.navn", "parametre.kategorier.vaerdi.2.navn"]);
    expect(fund[0]!.besked).toContain("må ikke indeholde komma eller anførselstegn");
  });
  it("a ruleset refuses kategorier longer than Excel's 255 characters for a list", () => {
    const lange = Array.from({ length: 5 }, (_, i) => `Kategori ${i} ${"x".repeat(50)}`);
    const t = tjekRegelsaet(medKategorier(lange));
    expect(t.ok ? [] : t.fund.map((f) => f.besked)).toEqual([expect.stringContaining("højst 255")]);
  });
  it("a list Excel cannot write inline (a ruleset stored before the check) gives free text, not a drop-down split at the comma", () => {
    const gyldig = parseRegelsaet(SYD);
    const gammel: Regelsaet = { ...gyldig, parametre: { ...gyldig.parametre, kategorier: { vaerdi: [{ navn: "Botilbud, døgn", synonymer: [] }, { navn: 'Lokalt "tilbud"', synonymer: [] }], kilde: "x" } } };
    const kategori = (r: Regelsaet) => skabelonLayout(r).valideringer.find((v) => v.adresse === CELLER.TS_Kategori.split("!")[1])!;
    expect(kategori(gammel)).toMatchObject({ type: "textLength" });
    // SYD-2018's own names stay a drop-down.
    expect(kategori(gyldig)).toMatchObject({ type: "list", formler: ['"Højt specialiseret tilbud med regional betydning,Klyngetilbud,Lokalt tilbud"'] });
  });
});
