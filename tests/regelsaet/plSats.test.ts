import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { regelsaetKommando } from "../../src/cli/regelsaet";
import { parameter, parseRegelsaet, tjekRegelsaet } from "../../src/regelsaet";
import { midlertidigMappe } from "../helpers/mappe";

/** The ruleset parameter plSats (product.md §6; issue 21): a fraction, its kilde and KL's series. */
const NORD_2024 = (plSats: unknown) => ({
  schemaVersion: 1, id: "NORD-2024", version: 1, navn: "Nord 2024 (testdata)", region: "Nordjylland", takstaar: 2024, kilde: "testdata",
  parametre: { plSats },
});
const PL = { vaerdi: 0.039, kilde: "Økonomiaftale 2024, boks 1 (002:1418-1422)", serie: "samlet" };

describe("plSats in a ruleset", () => {
  it("is read as the fraction with its kilde and series; parameter() gives the fraction", () => {
    const r = parseRegelsaet(NORD_2024(PL));
    expect(parameter(r, "plSats")).toBe(0.039);
    expect(r.parametre.plSats?.serie).toBe("samlet");
  });

  it("must say which of KL's series it is, and be a fraction (3,9, not 0,039, is refused)", () => {
    const udenSerie = tjekRegelsaet(NORD_2024({ vaerdi: 0.039, kilde: PL.kilde }));
    expect(udenSerie.ok ? [] : udenSerie.fund.map((f) => `${f.sti}: ${f.besked}`)).toEqual(["parametre.plSats.serie: mangler"]);
    const forkertSerie = tjekRegelsaet(NORD_2024({ ...PL, serie: "anlaeg" }));
    expect(forkertSerie.ok ? [] : forkertSerie.fund.map((f) => f.besked)).toEqual(['skal være en af "samlet", "service", ikke "anlaeg"']);
    const procent = tjekRegelsaet(NORD_2024({ ...PL, vaerdi: 3.9 }));
    expect(procent.ok ? [] : procent.fund.map((f) => f.besked)).toEqual(["en brøk over -1 og højst 1 (3,9 % skrives 0,039)"]);
  });

  describe("takstskema regelsaet tjek says what plSats enables", () => {
    const dir = midlertidigMappe("takstskema-plsats-");
    const tjek = (navn: string, indhold: unknown) => {
      const fil = join(dir, navn);
      writeFileSync(fil, JSON.stringify(indhold));
      let out = "";
      const kode = regelsaetKommando(["tjek", fil], { out: (s) => void (out += s), err: (s) => void (out += s) });
      return { kode, out: out.split("Beregninger, som regelsættet slår til:")[1] ?? "" };
    };

    it("with plSats: takstudvikling uses the ruleset's PL, with the series named", () => {
      const r = tjek("med.json", NORD_2024({ ...PL, serie: "service", vaerdi: 0.042 }));
      expect(r.kode).toBe(0);
      expect(r.out).toContain("med regelsættets PL for 2024: 4,2 % (KL's serviceudgifter)  [plSats]");
    });

    it("without plSats: the skema's TS_PLPct, and no takstudvikling without that either", () => {
      const r = tjek("uden.json", { ...NORD_2024(PL), parametre: {} });
      expect(r.kode).toBe(0);
      expect(r.out).toContain("intet plSats – skemaets PL (TS_PLPct) bruges; uden den vises ingen takstudvikling (mangler: plSats)");
    });
  });
});
