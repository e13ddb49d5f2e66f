// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see excel-workbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { indlejretRegister } from "../../src/regelsaet/indlejret";
import { ARKNAVN, celleFor, REGNSKAB_KOLONNER, REGNSKABSSKEMA_KOLONNER } from "../../src/takstskema";
import { indberetning } from "../../src/taskpane/indsendelse";
import { forberedEfterregulering } from "../../src/taskpane/trinEfterregulering";
import { indsaet, indsatTekst } from "../../src/taskpane/trinIndsaet";
import { valider } from "../../src/taskpane/trinValider";
import { lavExcel, type Navn, nyVaertPrTest } from "./excelMock";

/**
 * The regnskabsskema in the pane (product.md §2, §5.2): inserted on the user's choice, read and
 * validated by the regnskab's own validator, sent with its own fields, and never filled by
 * "Hent efterregulering" (its efterregulering belongs in the budget skema of year +2).
 */

declare const global: { Excel?: unknown };
const register = indlejretRegister();
nyVaertPrTest();

interface Tilfaelde { regnskab: Record<string, unknown>; expect: Record<string, number> }
const [EKS1] = (JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "regnskab-bilag18.json"), "utf8")) as { cases: Tilfaelde[] }).cases as [Tilfaelde];
const KOLONNER = new Set<string>(REGNSKABSSKEMA_KOLONNER.map((k) => k.navn));

/** A workbook holding a record by name: a field over its cell, a Ydelser column over its 10 rows. */
function navne(record: Record<string, unknown>): Navn[] {
  return Object.entries(record).map(([navn, v]) => {
    const [ark, adresse] = celleFor(navn).split("!") as [string, string];
    return { navn, ark, adresse, vaerdi: KOLONNER.has(navn) ? Array.from({ length: 10 }, (_, i) => (v as unknown[])[i] ?? "") : v };
  });
}

describe("the pane's regnskabsskema", () => {
  it("the insert step writes the regnskab layout when chosen: its own names, TS_Skematype \"regnskab\", and says so", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1"] });
    global.Excel = excel;
    const u = await indsaet(register.hent("SYD-2018"), false, "regnskab");
    expect(u).toEqual({ art: "indsat", regelsaet: "SYD-2018", arknavn: ARKNAVN, erstattet: false, skematype: "regnskab" });
    const nye = optaget.nyeNavne.map((n) => n.navn);
    for (const n of ["TS_Skematype", "TS_Regnskabsaar", "TS_A6Pulje", "TS_A1Kilde", "TS_A1Regnskab", ...REGNSKAB_KOLONNER.map((k) => k.navn)]) expect(nye).toContain(n);
    // The budget's own fields have no place in a regnskab.
    expect(nye).not.toContain("TS_Pladser");
    expect(optaget.skrevet.get(celleFor("TS_Skematype"))?.values).toEqual([["regnskab"]]);
    expect(indsatTekst(u as Extract<typeof u, { art: "indsat" }>)).toBe(
      `Regnskabsskemaet (SYD-2018) er indsat i arket ${ARKNAVN}. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.`,
    );
  });

  it("the budget skema stays the default: no regnskab name is written", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1"] });
    global.Excel = excel;
    await indsaet(register.hent("SYD-2018"), false);
    expect(optaget.nyeNavne.map((n) => n.navn)).not.toContain("TS_Skematype");
  });

  it("a filled regnskab (days, not pladser) counts as filled: inserting over it asks first", async () => {
    const { excel } = lavExcel({ navne: navne({ TS_Skematype: "regnskab", TS_Ydelser_FaktiskeDage: [10400] }), ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await indsaet(register.hent("SYD-2018"), false, "regnskab")).toEqual({ art: "bekraeft" });
  });

  it("Valider on a workbook whose TS_Skematype is \"regnskab\" uses the regnskab validator: Bilag 18 example 1's A1..A7, no budget findings", async () => {
    const { excel, optaget } = lavExcel({ navne: navne(EKS1.regnskab), ark: [ARKNAVN] });
    global.Excel = excel;
    const u = await valider(register);
    if (u.art !== "valideret") throw new Error("intet skema");
    expect(u.v.findings).toEqual([]);
    expect(u.v.beregnet?.efterregulering).toEqual(EKS1.expect);
    expect(optaget.skrevet.size).toBe(0);
  });

  it("Valider applies the regnskab's own rules: a typed A1 off the days × takster is TS204 on its cell", async () => {
    global.Excel = lavExcel({ navne: navne({ ...EKS1.regnskab, TS_A1: 10_500_000 }), ark: [ARKNAVN] }).excel;
    const u = await valider(register);
    if (u.art !== "valideret") throw new Error("intet skema");
    expect(u.v.findings.map((f) => `${f.code} ${f.cell}`)).toEqual([`TS204 ${celleFor("TS_A1")}`]);
  });

  it("Indsend sends the regnskab's own fields with the shared ones (the service decides by TS_Skematype)", () => {
    const krop = indberetning({ ...EKS1.regnskab, TS_A1Kilde: "", TS_Kvittering: "x" });
    expect(krop).toMatchObject({ TS_Skematype: "regnskab", TS_Regnskabsaar: 2018, TS_AktiveretDrift: 300_000, TS_A6Overfoert: 400_000, TS_Ydelser_FaktiskeDage: [10400], TS_A1Kilde: null });
    expect(krop).not.toHaveProperty("TS_Kvittering");
  });

  it("Hent efterregulering on a regnskabsskema says in Danish where it belongs, asks no service and writes nothing", async () => {
    const { excel, optaget } = lavExcel({ navne: navne(EKS1.regnskab), ark: [ARKNAVN] });
    global.Excel = excel;
    const kald: string[] = [];
    const fetchFn = (async (input: string | URL | Request) => {
      kald.push(String(input));
      return new Response("{}", { status: 200 });
    }) as typeof fetch;
    const u = await forberedEfterregulering({ serviceUrl: "http://127.0.0.1:9/", token: "t" }, register, fetchFn);
    expect(u.art).toBe("besked");
    if (u.art === "besked") expect(u.besked).toMatch(/regnskabsskema.*budgetskemaet.*år \+2.*Skemaet er uændret\./);
    expect(kald).toEqual([]);
    expect(optaget.skrevet.size).toBe(0);
  });
});
