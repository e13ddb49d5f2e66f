import { lempelser, parseRegelsaet } from "../../src/regelsaet";
import { syd2027 } from "../helpers/regelsaet";

const v = (over: Record<string, unknown> = {}, parametre?: Record<string, unknown>) => {
  const r = syd2027(over);
  return parseRegelsaet(parametre === undefined ? r : { ...r, parametre: { ...(r.parametre as object), ...parametre } });
};

describe("what a new ruleset version drops or loosens (issue 26)", () => {
  it("lists every parameter `parametre: {}` drops", () => {
    const foer = v();
    const efter = parseRegelsaet({ ...syd2027({ version: 2 }), parametre: {} });
    expect(lempelser(foer, efter).map((f) => f.sti).sort()).toEqual(Object.keys(foer.parametre).map((n) => `parametre.${n}`).sort());
  });
  it("lists a raised cap, a later deadline, a weaker split and a kategori left out; not a tightened cap", () => {
    const foer = v({}, { basisServiceOpdeling: { vaerdi: "kraeves", kilde: "bilag 17" } });
    const efter = v({ version: 2, overheadLoft: 0.2 }, {
      fristTakster: { vaerdi: "2026-12-15", kilde: "tidsplan" },
      basisServiceOpdeling: { vaerdi: "nej", kilde: "bilag 17" },
      kategorier: { vaerdi: ["Klyngetilbud"], kilde: "bilag 1" },
    });
    expect(lempelser(foer, efter)).toEqual(expect.arrayContaining([
      { sti: "parametre.overheadLoft", besked: "lempes fra 0,05 til 0,2" },
      { sti: "parametre.fristTakster", besked: "rykkes fra 2026-11-15 til 2026-12-15" },
      { sti: "parametre.basisServiceOpdeling", besked: 'lempes fra "kraeves" til "nej"' },
      { sti: "parametre.kategorier", besked: 'kategorien "Lokalt tilbud" fjernes' },
    ]));
    expect(lempelser(v(), v({ version: 2, overheadLoft: 0.04 }))).toEqual([]);
  });
});
