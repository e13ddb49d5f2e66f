import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { lavRegister, NyereSchemaFejl, parameter, parseRegelsaet, RegelsaetFejl, tjekRegelsaet } from "../../src/regelsaet";
import { REGELSAET_MAPPE, laesRegelsaetMappe } from "../../src/regelsaet/fraMappe";
import { kanoniskKategori, kategoriNavne } from "../../src/takstskema";

const SEEDS = join(__dirname, "..", "..", "..", "shared", "seeds");

describe("rulesets as data", () => {
  const register = laesRegelsaetMappe();

  it("loads SYD-2018, MIDT-2020 and MIDT-2021 through the schema", () => {
    expect(register.ids()).toEqual(expect.arrayContaining(["MIDT-2020", "MIDT-2021", "SYD-2018"]));
  });

  it("carries the seed values of domain.md §8", () => {
    const syd = register.hent("SYD-2018");
    expect(parameter(syd, "overheadLoft")).toBe(0.044);
    expect(parameter(syd, "renteLoft")).toBe(0.0147);
    expect(parameter(syd, "tjenestemandspensionSats")).toBe(0.203);
    expect(parameter(syd, "fristTakster")).toBe("2017-11-15");
    expect(parameter(syd, "bygningStartAar")).toBe(2004);
    expect(parameter(syd, "kategorier")?.map((k) => k.navn)).toEqual(["Højt specialiseret tilbud med regional betydning", "Klyngetilbud", "Lokalt tilbud"]);
    expect(parameter(register.hent("MIDT-2021"), "basisServiceOpdeling")).toBe("forventes");
    expect(parameter(register.hent("MIDT-2020"), "basisServiceOpdeling")).toBe("nej");
  });

  it("leaves out what the sources don't give (never guessed)", () => {
    expect(parameter(register.hent("MIDT-2020"), "renteLoft")).toBeUndefined();
    expect(parameter(register.hent("MIDT-2021"), "fristTakster")).toBeUndefined();
    expect(parameter(register.hent("MIDT-2020"), "tjenestemandspensionSats")).toBeUndefined();
    // 6,1 % is an agenda point (000:141-144), not a cap; no Midtjylland source for lag or max occupancy.
    for (const id of ["MIDT-2020", "MIDT-2021"]) {
      expect(parameter(register.hent(id), "overheadLoft")).toBeUndefined();
      expect(parameter(register.hent(id), "efterregForsinkelseAar")).toBeUndefined();
      expect(parameter(register.hent(id), "maksBelaegning")).toBeUndefined();
    }
  });

  it("every parameter's kilde points at a seed line that exists", () => {
    for (const f of readdirSync(REGELSAET_MAPPE).filter((n) => n.endsWith(".json"))) {
      const raw = JSON.parse(readFileSync(join(REGELSAET_MAPPE, f), "utf8"));
      for (const [navn, p] of Object.entries(raw.parametre as Record<string, { kilde: string }>)) {
        const refs = [...p.kilde.matchAll(/\b(00\d):(\d+)/g)];
        expect({ f, navn, harKilde: refs.length > 0 && !p.kilde.includes("domain.md") }).toEqual({ f, navn, harKilde: true });
        for (const [, seed, line] of refs) {
          let lines = Infinity;
          try {
            const fil = readdirSync(SEEDS).find((s) => s.startsWith(`${seed}_`));
            if (fil) lines = readFileSync(join(SEEDS, fil), "utf8").split("\n").length;
          } catch {
            // ../shared absent: the reference cannot be checked here.
          }
          expect(Number(line)).toBeLessThanOrEqual(lines);
        }
      }
    }
  });

  it("refuses a ruleset without kilde, with an unknown parameter or a bad value", () => {
    const base = { schemaVersion: 1, id: "NORD-2024", version: 1, navn: "x", region: "Nordjylland", takstaar: 2024, kilde: "test", parametre: {} };
    expect(parseRegelsaet(base).id).toBe("NORD-2024");
    expect(() => parseRegelsaet({ ...base, parametre: { overheadLoft: { vaerdi: 0.05 } } })).toThrow(RegelsaetFejl);
    expect(() => parseRegelsaet({ ...base, parametre: { gaet: { vaerdi: 1, kilde: "ingen" } } })).toThrow(RegelsaetFejl);
    expect(() => parseRegelsaet({ ...base, parametre: { overheadLoft: { vaerdi: 4.4, kilde: "procent?" } } })).toThrow(/overheadLoft/);
  });

  it("refuses a newer schemaVersion with a message that says the add-in must be updated", () => {
    const nyere = { schemaVersion: 99, id: "SYD-2030", version: 1, navn: "x", region: "Syddanmark", takstaar: 2030, kilde: "test", parametre: { fremtid: 1 } };
    expect(() => parseRegelsaet(nyere)).toThrow(NyereSchemaFejl);
    expect(() => parseRegelsaet(nyere)).toThrow(/Opdater tilføjelsesprogrammet/);
  });

  it("keeps the newest version of an id (a correction is a new version)", () => {
    const syd = register.hent("SYD-2018");
    const rettet = { ...syd, version: 2, parametre: { ...syd.parametre, overheadLoft: { vaerdi: 0.045, kilde: "rettelse, test" } } };
    const r = lavRegister([rettet, syd]);
    expect(r.hent("SYD-2018").version).toBe(2);
    expect(parameter(r.hent("SYD-2018"), "overheadLoft")).toBe(0.045);
    expect(() => lavRegister([syd, syd])).toThrow(/version 1 findes to gange/);
  });

  it("reads kategorier written as plain names like {navn, synonymer}, for the drop-down and the lookup the rules use", () => {
    const base = { schemaVersion: 1, id: "SYD-2027", version: 1, navn: "x", region: "Syddanmark", takstaar: 2027, kilde: "test" };
    const navne = parseRegelsaet({ ...base, parametre: { kategorier: { vaerdi: ["Klyngetilbud", "Lokalt tilbud"], kilde: "rammeaftale 2027" } } });
    expect(parameter(navne, "kategorier")).toEqual([
      { navn: "Klyngetilbud", synonymer: [] },
      { navn: "Lokalt tilbud", synonymer: [] },
    ]);
    expect(kategoriNavne(navne)).toEqual(["Klyngetilbud", "Lokalt tilbud"]);
    expect(kanoniskKategori(navne, "lokalt  TILBUD")).toBe("Lokalt tilbud");
    // Both forms in one list.
    const blandet = parseRegelsaet({ ...base, parametre: { kategorier: { vaerdi: ["Klyngetilbud", { navn: "Lokalt tilbud", synonymer: ["Lokale tilbud"] }], kilde: "rammeaftale 2027" } } });
    expect(kanoniskKategori(blandet, "Lokale tilbud")).toBe("Lokalt tilbud");
    expect(kanoniskKategori(blandet, "Klyngetilbud")).toBe("Klyngetilbud");
  });

  it("a category that is neither a name nor {navn, synonymer} gets a message that shows both forms", () => {
    const t = tjekRegelsaet({ schemaVersion: 1, id: "SYD-2027", version: 1, navn: "x", region: "Syddanmark", takstaar: 2027, kilde: "test", parametre: { kategorier: { vaerdi: [7], kilde: "rammeaftale 2027" } } });
    expect(t.ok ? [] : t.fund).toEqual([{ sti: "parametre.kategorier.vaerdi.0", besked: 'en kategori skal være et navn ("Klyngetilbud") eller { "navn": "Lokalt tilbud", "synonymer": ["Lokale tilbud"] }' }]);
  });

  it("refuses a takstaar that differs from the year in the id, and a date the calendar does not have", () => {
    const base = { schemaVersion: 1, id: "SYD-2027", version: 1, navn: "x", region: "Syddanmark", takstaar: 2027, kilde: "test", parametre: {} };
    const aar = tjekRegelsaet({ ...base, takstaar: 2026 });
    expect(aar.ok ? [] : aar.fund).toEqual([{ sti: "takstaar", besked: "takstaar er 2026, men id'et SYD-2027 siger 2027; de skal være ens" }]);
    const dato = tjekRegelsaet({ ...base, parametre: { fristTakster: { vaerdi: "2026-02-30", kilde: "tidsplan 2027" } } });
    expect(dato.ok ? [] : dato.fund).toEqual([{ sti: "parametre.fristTakster.vaerdi", besked: "datoen 2026-02-30 findes ikke i kalenderen" }]);
    expect(tjekRegelsaet({ ...base, parametre: { fristTakster: { vaerdi: "2028-02-29", kilde: "tidsplan 2027" } } }).ok).toBe(true);
  });

  it("an unknown key suggests the known one it most likely means", () => {
    const base = { schemaVersion: 1, id: "SYD-2027", version: 1, navn: "x", region: "Syddanmark", takstaar: 2027, kilde: "test" };
    const t = tjekRegelsaet({ ...base, parametre: { renteloft: { vaerdi: 0.01, kilde: "bilag 17" } } });
    expect(t.ok ? [] : t.fund.map((f) => [f.sti, f.besked])).toEqual([["parametre", expect.stringMatching(/^ukendt felt: renteloft; mente du renteLoft\?/)]]);
    const v = tjekRegelsaet({ ...base, parametre: { renteLoft: { vardi: 0.01, kilde: "bilag 17" } } });
    expect(v.ok ? [] : v.fund.map((f) => f.besked)).toContainEqual(expect.stringMatching(/^ukendt felt: vardi; mente du vaerdi\?/));
  });

  it("the built-in rulesets pass the stricter check (takstaar as in the id, dates that exist)", () => {
    for (const id of register.ids()) {
      const t = tjekRegelsaet(JSON.parse(readFileSync(join(REGELSAET_MAPPE, `${id}.json`), "utf8")));
      expect({ id, fund: t.ok ? [] : t.fund }).toEqual({ id, fund: [] });
    }
  });

  it("names an unknown ruleset and lists the known ones", () => {
    expect(() => register.hent("NORD-1999")).toThrow(/Ukendt regelsæt "NORD-1999".*SYD-2018/);
  });
});
