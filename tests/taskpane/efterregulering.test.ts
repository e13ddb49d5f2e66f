// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see excel-workbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { type Efterregulering, efterreguleringSchema } from "../../src/kontrakt";
import { indlejretRegister } from "../../src/regelsaet/indlejret";
import { CELLER } from "../../src/takstskema";
import { forberedEfterregulering, skrivEfterregulering, spoergTekst, udfyldtTekst } from "../../src/taskpane/trinEfterregulering";
import { lavExcel, type Navn, navnFor, nyVaertPrTest } from "./excelMock";

/**
 * The pane's "Hent efterregulering" (product.md §5.2): the workbook's driftsherre, tilbud and
 * takstår are read, the service is asked (a fetch stand-in answering as the contract says), and
 * the cells are written by name through the one adapter, counted in context.sync() calls on
 * office-addin-mock. Figures of the example (tests/takstskema/hjaelp.ts): A4 = 16.800.000 +
 * 200.000 = 17.000.000, A5 = 1.100.000, A7 = 1.100.000 − 860.000 = 240.000, regulering −240.000.
 */

const register = indlejretRegister();
declare const global: { Excel?: unknown };
nyVaertPrTest();

const SVAR: Efterregulering = {
  driftsherre: "Odense Kommune", tilbud: "Bostedet Lærken", takstaar: 2018, regnskabsaar: 2016,
  regnskab: { id: "7d1e0c2a-3b4f-4c5d-8e9f-0a1b2c3d4e5f", nummer: "SYD-2016-R-0002", version: 1, status: "godkendt" },
  A1: 18_100_000, A2: 16_800_000, A3: 200_000, A4: 17_000_000, A5: 1_100_000, A6: 860_000, A6Pulje: 860_000, A6Overfoert: 0, A7: 240_000,
  regulering: -240_000, reguleringPulje: -84_096,
};

function service(status = 200, krop: unknown = SVAR) {
  const kald: string[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    kald.push(url.pathname + url.search);
    return new Response(typeof krop === "string" ? krop : JSON.stringify(krop), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { kald, fetchFn };
}

const IND = { serviceUrl: "http://127.0.0.1:9/", token: "hemmelig" };

/** A budget skema for SYD-2018 with stamdata and the efterregulering cells (empty unless given). */
function skema(celler: Partial<Record<keyof typeof CELLER, unknown>> = {}, uden: (keyof typeof CELLER)[] = []): Navn[] {
  const alle: Partial<Record<keyof typeof CELLER, unknown>> = {
    TS_Regelsaet: "SYD-2018", TS_Takstaar: 2018, TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Bostedet Lærken",
    TS_A1: "", TS_A2: "", TS_A3: "", TS_A6: "", TS_Regulering: "", TS_ReguleringPulje: "", ...celler,
  };
  return Object.entries(alle).filter(([n]) => !uden.includes(n as keyof typeof CELLER)).map(([n, v]) => navnFor(n as keyof typeof CELLER, v));
}

const skrevet = (optaget: ReturnType<typeof lavExcel>["optaget"], navn: keyof typeof CELLER) => optaget.skrevet.get(CELLER[navn])?.values;

describe("Hent efterregulering in the pane", () => {
  it("asks with the workbook's driftsherre, tilbud and takstår and writes the six input cells in one sync", async () => {
    expect(efterreguleringSchema.safeParse(SVAR).success).toBe(true);
    const { excel, optaget } = lavExcel({ navne: skema() });
    global.Excel = excel;
    const s = service();
    const u = await forberedEfterregulering(IND, register, s.fetchFn);
    expect(s.kald).toEqual(["/api/v1/efterregulering?tilbud=Bostedet+L%C3%A6rken&takstaar=2018&driftsherre=Odense+Kommune"]);
    if (u.art !== "klar") throw new Error(u.besked);
    expect(spoergTekst(u.forslag)).toEqual([]);
    expect(optaget.skrevet.size).toBe(0);
    const foer = optaget.syncs;
    await skrivEfterregulering(u.forslag);
    expect(optaget.syncs - foer).toBe(1);
    expect(["TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_Regulering", "TS_ReguleringPulje"].map((n) => skrevet(optaget, n as keyof typeof CELLER))).toEqual(
      [[[18_100_000]], [[16_800_000]], [[200_000]], [[860_000]], [[-240_000]], [[-84_096]]],
    );
    // A4, A5 and A7 are the template's formulas: nothing is written over them.
    expect([skrevet(optaget, "TS_A4"), skrevet(optaget, "TS_A7")]).toEqual([undefined, undefined]);
    expect(optaget.ops.filter((o) => /^(unprotect|protect)/.test(o))).toEqual([]);
    expect(udfyldtTekst(u.efterregulering, u.forslag)).toBe(
      "Efterreguleringen fra regnskabet for 2016 (SYD-2016-R-0002) er udfyldt: A1 Samlet faktisk provenu: 18.100.000 kr.; A2 Faktisk afregningsgrundlag: 16.800.000 kr.; " +
      "A3 Overført mer-/mindreforbrug: 200.000 kr.; A6 Genbevilget: 860.000 kr.; 9. Regulering vedr. tidligere år: -240.000 kr.; 9b. Regulering fra puljen: -84.096 kr. Tryk Valider.",
    );
  });

  it("a cell already filled with another figure is listed for a yes first, nothing written; one with the same figure is not", async () => {
    const { excel, optaget } = lavExcel({ navne: skema({ TS_A1: 18_000_000, TS_A2: 16_800_000, TS_Regulering: "ukendt" }) });
    global.Excel = excel;
    const u = await forberedEfterregulering(IND, register, service().fetchFn);
    if (u.art !== "klar") throw new Error(u.besked);
    expect(spoergTekst(u.forslag)).toEqual([
      "A1 Samlet faktisk provenu: 18.100.000 kr. (nu 18.000.000 kr.)",
      "9. Regulering vedr. tidligere år: -240.000 kr. (nu \"ukendt\")",
    ]);
    expect(optaget.skrevet.size).toBe(0);
    expect(optaget.syncs).toBe(2);
  });

  it("no regnskab for the year (404): a Danish note naming regnskabsår 2016, nothing written", async () => {
    const { excel, optaget } = lavExcel({ navne: skema() });
    global.Excel = excel;
    const u = await forberedEfterregulering(IND, register, service(404, { fejl: "Ingen regnskab." }).fetchFn);
    expect(u).toEqual({ art: "besked", besked: "Der er ikke indberettet et regnskab for 2016 for Bostedet Lærken, så der er ingen efterregulering til takstår 2018 endnu. Skemaet er uændret." });
    expect(optaget.skrevet.size).toBe(0);
  });

  it.each([
    ["a figure as text", { ...SVAR, A2: "16.800.000" }],
    ["no pool share", { ...SVAR, reguleringPulje: undefined }],
    ["not JSON", "<html>fejl</html>"],
  ])("junk from the service (%s): a clear Danish message, nothing written", async (_navn, krop) => {
    const { excel, optaget } = lavExcel({ navne: skema() });
    global.Excel = excel;
    const u = await forberedEfterregulering(IND, register, service(200, krop).fetchFn);
    expect(u).toEqual({ art: "besked", besked: "Efterreguleringen kunne ikke hentes. Indberetningsservicen sendte et svar, opgaveruden ikke forstår. Skemaet er uændret." });
    expect(optaget.skrevet.size).toBe(0);
  });

  it("an answer for another takstår is refused", async () => {
    const { excel } = lavExcel({ navne: skema() });
    global.Excel = excel;
    const u = await forberedEfterregulering(IND, register, service(200, { ...SVAR, takstaar: 2019, regnskabsaar: 2017 }).fetchFn);
    expect(u).toEqual({ art: "besked", besked: "Indberetningsservicen sendte efterreguleringen til takstår 2019, men skemaet er for 2018. Intet er skrevet." });
  });

  it("without driftsherre, tilbud or takstår nothing is asked", async () => {
    const { excel } = lavExcel({ navne: skema({ TS_Driftsherre: " " }) });
    global.Excel = excel;
    const s = service();
    expect(await forberedEfterregulering(IND, register, s.fetchFn)).toEqual({ art: "besked", besked: "Udfyld driftsherre, tilbud og takstår i skemaet, før efterreguleringen kan hentes." });
    expect(s.kald).toEqual([]);
  });

  it("a workbook from before TS_ReguleringPulje gets the five cells it has, and the status says where the pool's share must go", async () => {
    const { excel, optaget } = lavExcel({ navne: skema({}, ["TS_ReguleringPulje"]) });
    global.Excel = excel;
    const u = await forberedEfterregulering(IND, register, service().fetchFn);
    if (u.art !== "klar") throw new Error(u.besked);
    await skrivEfterregulering(u.forslag);
    expect(skrevet(optaget, "TS_Regulering")).toEqual([[-240_000]]);
    expect(skrevet(optaget, "TS_ReguleringPulje")).toBeUndefined();
    expect(udfyldtTekst(u.efterregulering, u.forslag)).toMatch(
      /9\. Regulering vedr\. tidligere år: -240\.000 kr\. Skemaet har ikke feltet "9b\. Regulering fra puljen" \(en ældre skabelon\), så -84\.096 kr\. er ikke skrevet: /,
    );
  });
});
