import { FELTER, fremfoerSkema, regelsaetIdForAar, YDELSE_KOLONNER } from "../../src/takstskema";
import { eksempel, REGISTER } from "./hjaelp";

/**
 * Carry forward (issue 21, product.md §5.1): this year's skema from last year's submission. The
 * example (examples/botilbud-syd-2018.json, the former single-takst shape) stands for last year's
 * body as the service stored it.
 */

const TOM = (n: number) => Array.from({ length: 10 - n }, () => null);

function sidsteAar(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...eksempel(), TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020, TS_Kvittering: "MIDT-2020-2020-0007", TS_GodkendtAf: "Anne Jensen", TS_Dato: "15-11-2019", ...over };
}

describe("fremfoerSkema", () => {
  it("carries stamdata, ydelser and cost lines; sets takstår + 1 and the region's ruleset for that year (MIDT-2020 → MIDT-2021)", () => {
    const f = fremfoerSkema(sidsteAar(), [{ navn: "Længerevarende botilbud", takst: 2047 }], 2020, REGISTER);
    if (!f.ok) throw new Error(f.besked);
    expect(f.regelsaet).toBe("MIDT-2021");
    expect(f.takstaar).toBe(2021);
    const v = f.vaerdier;
    expect(v.TS_Regelsaet).toBe("MIDT-2021");
    expect(v.TS_Takstaar).toBe(2021);
    expect([v.TS_Driftsherre, v.TS_Tilbud, v.TS_TilbudsportalID, v.TS_Lovgrundlag, v.TS_Kontaktperson, v.TS_Email]).toEqual(["Odense Kommune", "Bofællesskabet Skovbrynet", "4711", "SEL § 108", "Mette Jensen", "mette.jensen@example.dk"]);
    expect([v.TS_Loen, v.TS_Administration, v.TS_OverheadSats, v.TS_Ejendom, v.TS_Oevrige, v.TS_Dage, v.TS_Takstenhed]).toEqual([14250000, 620000, 0.044, 950000, 90000, 365, "døgn"]);
    // The single-takst body becomes row 1 of the table.
    expect(v.TS_Ydelser_Navn).toEqual(["Længerevarende botilbud", ...TOM(1)]);
    expect(v.TS_Ydelser_Pladser).toEqual([24, ...TOM(1)]);
    expect(v.TS_Ydelser_Belaegning).toEqual([0.96, ...TOM(1)]);
  });

  it("last year's takst is the register's (2.047), never the figure last year's skema stated for the year before (1.995)", () => {
    const f = fremfoerSkema(sidsteAar(), [{ navn: "længerevarende  botilbud ", takst: 2047 }], 2020, REGISTER);
    expect(f.ok && f.vaerdier.TS_Ydelser_SidsteAarsTakst).toEqual([2047, ...TOM(1)]);
  });

  it("a ydelse the register has no takst for gets none; rows follow last year's table", () => {
    const tabel = { TS_Ydelser_Navn: ["Gruppe A", "Gruppe B", "Gruppe C"], TS_Ydelser_Pladser: [6, 4, 2], TS_Ydelser_Belaegning: [0.96, 0.96, 0.96], TS_Ydelser_Ressource: [1, 2, 3], TS_Ydelser_SidsteAarsTakst: [1, 2, 3] };
    const uden = sidsteAar();
    for (const enkelt of ["TS_Ydelse", "TS_Pladser", "TS_Belaegning", "TS_SidsteAarsTakst"]) delete uden[enkelt];
    const f = fremfoerSkema({ ...uden, ...tabel }, [{ navn: "Gruppe C", takst: 2633 }, { navn: "Gruppe A", takst: 1206 }], 2020, REGISTER);
    if (!f.ok) throw new Error(f.besked);
    expect(f.vaerdier.TS_Ydelser_Navn).toEqual(["Gruppe A", "Gruppe B", "Gruppe C", ...TOM(3)]);
    expect(f.vaerdier.TS_Ydelser_Ressource).toEqual([1, 2, 3, ...TOM(3)]);
    expect(f.vaerdier.TS_Ydelser_SidsteAarsTakst).toEqual([1206, null, 2633, ...TOM(3)]);
  });

  it("the year's own fields start empty: PL, justifications, efterregulering, regulering, occupancy of earlier years, approval, in-year change", () => {
    const f = fremfoerSkema(sidsteAar({ TS_UdviklingBegrundelse: "Ny normering", TS_AendringBegrundelse: "Rettelse", TS_BelaegningBegrundelse: "Færre henvisninger" }), [], 2020, REGISTER);
    if (!f.ok) throw new Error(f.besked);
    for (const navn of ["TS_PLPct", "TS_UdviklingBegrundelse", "TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_RegBudget", "TS_Regulering", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1", "TS_BelaegningBegrundelse", "TS_GodkendtAf", "TS_Dato", "TS_AendringBegrundelse"]) {
      expect([navn, f.vaerdier[navn]]).toEqual([navn, null]);
    }
    // The receipt is the add-in's, not an input: never carried.
    expect(f.vaerdier).not.toHaveProperty("TS_Kvittering");
  });

  it("answers every input name of the form (so a writer empties what is not carried)", () => {
    const f = fremfoerSkema(sidsteAar(), [], 2020, REGISTER);
    const input = [...FELTER, ...YDELSE_KOLONNER].filter((x) => x.rolle === "input").map((x) => x.navn).sort();
    expect(f.ok && Object.keys(f.vaerdier).sort()).toEqual(input);
  });

  it("a ruleset for the new year that nobody has published is said, with the id it looked for; nothing is guessed", () => {
    const f = fremfoerSkema(sidsteAar({ TS_Regelsaet: "SYD-2018", TS_Takstaar: 2026 }), [], 2026, REGISTER);
    expect(f).toEqual({ ok: false, besked: expect.stringMatching(/^Regelsættet for 2027 \(SYD-2027\) er ikke udgivet endnu\./) });
    expect(fremfoerSkema(sidsteAar({ TS_Regelsaet: "" }), [], 2020, REGISTER)).toEqual({ ok: false, besked: "Indberetningen for 2020 angiver intet regelsæt, så regelsættet for 2021 kan ikke findes." });
  });

  it("the ruleset id follows REGION-ÅR (product.md §6)", () => {
    expect(regelsaetIdForAar("syd-2018", 2019)).toBe("SYD-2019");
    expect(regelsaetIdForAar("MIDT-2020", 2021)).toBe("MIDT-2021");
    // A submission for 2017 under SYD-2018 (the only Syddanmark ruleset built in) gives SYD-2018 for 2018.
    expect(regelsaetIdForAar("SYD-2018", 2018)).toBe("SYD-2018");
  });
});
