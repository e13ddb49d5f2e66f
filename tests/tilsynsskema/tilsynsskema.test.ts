import { join } from "node:path";
import { laesRegelsaetMappe, REGELSAET_MAPPE } from "../../src/regelsaet/fraMappe";
import { udskrift } from "../../src/takstskema";
import { NOEGLE_RAEKKER, ST_FELTER, tilsynsskemaLayout, validerTilsynsskema } from "../../src/tilsynsskema";
import { NORD_2024, NORD_OF, OEST_2020, SYD_2018 } from "./saed";

const REGISTER = laesRegelsaetMappe(join(REGELSAET_MAPPE, "tilsyn"));
const layout = tilsynsskemaLayout(REGISTER.hent("TILSYN-SYD-2018"));
const koder = (raa: Record<string, unknown>) => validerTilsynsskema(raa, REGISTER).findings.map((f) => f.code);

describe("the tilsynsskema template", () => {
  it("defines every ST_ name of product.md §5.5", () => {
    const navne = layout.navne.map((n) => n.navn as string);
    for (const n of [
      "ST_Socialtilsyn", "ST_Budgetaar", "ST_Regelsaet", "ST_BehovFoerEffektivisering", "ST_EffektiviseringPct", "ST_Behov", "ST_ResultatAarMinus2",
      "ST_ResultatAndelIndregnet", "ST_BehovPlejefamilier", "ST_BehovTilbud", "ST_SkoennedeSaerligeIndtaegter", "ST_Grundtakstbehov", "ST_Antal",
      "ST_Takster", "ST_Skaerpet", "ST_Noegle", "ST_OF", "ST_Plejefamilier", "ST_Nygodkendelser", "ST_OFPrPlejefamilie", "ST_Timepris",
    ]) expect(navne).toContain(n);
  });
  it("the key table takes 22 kommuner or more (Syd has 22, 004:258-320)", () => {
    expect(NOEGLE_RAEKKER).toBeGreaterThanOrEqual(22);
    expect(layout.navne.find((n) => n.navn === ("ST_Noegle" as string))!.ref).toMatch(/\$C\$(\d+):\$C\$(\d+)$/);
    const [, fra, til] = /\$C\$(\d+):\$C\$(\d+)$/.exec(layout.navne.find((n) => n.navn === ("ST_Noegle" as string))!.ref)!;
    expect(Number(til) - Number(fra) + 1).toBe(NOEGLE_RAEKKER);
  });
  it("every computed cell holds a native formula, no SOC function (the sheet computes without the add-in)", () => {
    const formler = layout.celler.filter((c) => c.formel !== undefined);
    expect(formler.length).toBeGreaterThan(30);
    for (const c of formler) expect(c.formel).not.toMatch(/SOC\./);
    for (const f of ST_FELTER.filter((x) => x.beregnet)) expect(formler.some((c) => (c.felt as string) === f.navn)).toBe(true);
  });
  it("fills the ruleset's weights, skærpet share and count date", () => {
    const vaerdi = (felt: string) => layout.celler.filter((c) => c.felt === felt && c.vaerdi !== undefined).map((c) => c.vaerdi);
    expect(vaerdi("ST_Vaegte")).toEqual([1, 1.2, 2, 3]);
    expect(vaerdi("ST_SkaerpetAndel")).toEqual([0.1]);
    expect(vaerdi("ST_NoegleDato")).toEqual(["Danmarks Statistik februar 2017"]);
    const nord = tilsynsskemaLayout(REGISTER.hent("TILSYN-NORD-2024"));
    expect(nord.celler.filter((c) => c.felt === ("ST_OFAfrunding" as string)).map((c) => c.vaerdi)).toEqual(["HVER"]);
  });
  it("prints on A4 landscape through column K with the heading row repeated and no section split across a page where it fits", () => {
    const u = udskrift(layout);
    expect(u.omraade).toMatch(/^A1:K\d+$/);
    const felt = layout.celler.find((c) => c.vaerdi === "Felt")!;
    expect(u.titelRaekker).toBe(`${felt.adresse.slice(1)}:${felt.adresse.slice(1)}`);
    expect(u.sektioner.map((x) => x.navn)).toEqual(["Stamdata", "Behov", "Tilbudsområdet", "Plejefamilieområdet", "BPA", "Udvikling"]);
    for (const brud of u.sideskift) expect(u.sektioner.some((x) => x.fra === brud + 1)).toBe(true);
  });
  it("gives every input a help text with the seed's rule (Excel's input message)", () => {
    const hjaelp = layout.valideringer.map((v) => v.prompt).join(" ");
    expect(hjaelp).toContain("002:146-149");
    expect(hjaelp).toContain("004:233-237");
    for (const v of layout.valideringer) expect(v.prompt.length).toBeLessThanOrEqual(255);
  });
});

describe("validerTilsynsskema: the figures", () => {
  it("Syd 2018 is accepted and gives the published takster 31.879 / 38.254 / 63.757 / 95.636 (004:173-183) and 17.933 (004:325-326)", () => {
    const res = validerTilsynsskema(SYD_2018, REGISTER);
    expect(res.findings).toEqual([]);
    expect(res.beregnet!.behov).toBe(52_371_000);
    expect(res.beregnet!.takster).toEqual([31879, 38254, 63757, 95636]);
    expect(res.beregnet!.ofPrPlejefamilie).toBe(17933);
    expect(res.beregnet!.ofIAlt).toBe(27_600_000);
    expect(res.beregnet!.of).toHaveLength(22);
  });
  it("Nord 2024 gives the published OF column (002:386-408) and 20.164 per plejefamilie", () => {
    const b = validerTilsynsskema(NORD_2024, REGISTER).beregnet!;
    expect(b.of.map((o) => o.beloeb)).toEqual(NORD_OF);
    expect(b.ofPrPlejefamilie).toBe(20164);
    expect(b.takster).toEqual([43852, 52622, 87703, 131555]);
    expect(b.bpaTakst).toBe(8736);
  });
  it("Øst 2020 gives takster, skærpet, nygodkendelse and væsentlig ændring as published (003:1036-1042)", () => {
    const b = validerTilsynsskema(OEST_2020, REGISTER).beregnet!;
    expect(b.takster).toEqual([34373, 41247, 68745, 103118]);
    expect(b.skaerpet).toEqual([3437, 4125, 6875, 10312]);
    expect(b.nygodkendelse).toEqual([35310, 42372, 70619, 105929]);
    expect(b.vaesentligAendring).toEqual([7902, 9482, 15804, 23706]);
  });
});

describe("validerTilsynsskema: the rules", () => {
  it("ST001: a split that does not sum to the need is an error", () => {
    expect(koder({ ...SYD_2018, ST_BehovTilbud: 24_800_000 })).toContain("ST001");
  });
  it("ST002: a takst typed over the formula is an error naming the category", () => {
    const res = validerTilsynsskema({ ...SYD_2018, ST_Takster: [31879, 38254, 63757, 95000] }, REGISTER);
    expect(res.findings).toEqual([expect.objectContaining({ code: "ST002", cell: expect.stringMatching(/^Tilsynsskema!E\d+$/), message: expect.stringContaining("kategori 4") })]);
  });
  it("ST003: OF rows that do not sum to the need (as Syd's printed columns, 004:258-320) are warned", () => {
    const raekker = Array<number>(22).fill(1_255_239);
    expect(koder({ ...SYD_2018, ST_OF: raekker })).toEqual(["ST003"]);
  });
  it("ST004: a blank share of the result of year −2 is warned", () => {
    expect(koder({ ...SYD_2018, ST_ResultatAndelIndregnet: null })).toEqual(["ST004"]);
  });
  it("ST005 flags Øst's printed −4,3 % for væsentlig ændring: every category is −6,2 % (003:1057)", () => {
    const res = validerTilsynsskema(OEST_2020, REGISTER);
    expect(res.findings.map((f) => f.code)).toEqual(["ST005"]);
    expect(res.findings[0]!.message).toContain("Væsentlig ændring: angivet -4,3 %");
    expect(res.findings[0]!.message).toContain("-6,2 / -6,2 / -6,2 / -6,2 %");
  });
  it("missing and unreadable inputs are TS001 / TS002 with their cells, and the ST rules are skipped", () => {
    const res = validerTilsynsskema({ ...SYD_2018, ST_BehovTilbud: "mange", ST_Plejefamilier: null, ST_Antal: [1, "x", 0, 0] }, REGISTER);
    expect(res.ok).toBe(false);
    expect(res.findings.map((f) => `${f.code} ${f.field}`).sort()).toEqual(["TS001 ST_Plejefamilier", "TS002 ST_Antal", "TS002 ST_BehovTilbud"]);
    expect(res.beregnet).toBeNull();
    expect(res.skipped[0]!.code).toBe("ST001-ST005");
  });
  it("an unknown ruleset is an error listing the socialtilsyn's rulesets", () => {
    const res = validerTilsynsskema({ ...SYD_2018, ST_Regelsaet: "TILSYN-VEST-2018" }, REGISTER);
    expect(res.findings[0]!.message).toContain("TILSYN-SYD-2018");
  });
});
