// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see excel-workbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { indlejretRegister } from "../../src/regelsaet/indlejret";
import { ARKNAVN, CELLER, KOLONNE_OMRAADER } from "../../src/takstskema";
import { forbered, type Forberedt, skriv, udfyldtTekst } from "../../src/taskpane/trinFremfoer";
import { kolonneFor, lavExcel, navnFor, nyVaertPrTest } from "./excelMock";

/**
 * The pane's "Start fra sidste år" (issue 21): the service is asked (a fetch stand-in that
 * answers as the real routes do), then the workbook is written through the one adapter, counted
 * in context.sync() calls on office-addin-mock.
 */

const register = indlejretRegister();
declare const global: { Excel?: unknown };
nyVaertPrTest();

const ID = "5f0c3a52-8a1e-4d7e-9b1c-2f7d8e9a0b1c";
const SIDSTE = {
  TS_Regelsaet: "MIDT-2020", TS_Takstaar: 2020, TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Bostedet Lærken", TS_Lovgrundlag: "SEL § 108",
  TS_Kontaktperson: "Anne Jensen", TS_Email: "anne@odense.dk", TS_Takstenhed: "døgn", TS_Dage: 365, TS_Loen: 6500000, TS_Administration: 300000,
  TS_Borgerrettet: 5000000, TS_OverheadSats: 0.04, TS_PLPct: 0.019, TS_Regulering: -12000,
  TS_Ydelser_Navn: ["Gruppe A", "Gruppe B"], TS_Ydelser_Pladser: [6, 4], TS_Ydelser_Belaegning: [0.96, 0.96], TS_Ydelser_Ressource: [1, 2], TS_Ydelser_SidsteAarsTakst: [1100, 1800],
};

/** The two routes the step reads, as the service answers them; `kald` records the paths asked. */
function service(o: { sidsteAar?: number } = {}) {
  const kald: string[] = [];
  const fetchFn = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    kald.push(url.pathname + url.search);
    const svar = (data: unknown, status = 200) => new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
    if (url.pathname === "/api/v1/indberetninger/sidste-aar") {
      if (o.sidsteAar === 404) return svar({ fejl: "Ingen aktuel indberetning af Bostedet Lærken for 2020." }, 404);
      return svar({ takstaar: 2020, id: ID, nummer: "MIDT-2020-2020-0003", version: 2, ydelser: [{ navn: "Gruppe A", takst: 1206 }, { navn: "Gruppe B", takst: 1920 }] });
    }
    if (url.pathname === `/api/v1/indberetninger/${ID}`) return svar({ payload: SIDSTE });
    return svar({ fejl: "Ikke fundet." }, 404);
  }) as typeof fetch;
  return { kald, fetchFn };
}

const IND = { serviceUrl: "http://127.0.0.1:9/", token: "hemmelig" };

async function forberedt(): Promise<Forberedt> {
  const s = service();
  const f = await forbered(IND, "Bostedet Lærken", 2021, register, s.fetchFn);
  if (!f.ok) throw new Error(f.besked);
  return f.data;
}

describe("forbered: last year's submission from the service", () => {
  it("asks for last year's takster, then the submission itself, and builds the 2021 values under MIDT-2021", async () => {
    const s = service();
    const f = await forbered(IND, "Bostedet Lærken", 2021, register, s.fetchFn);
    expect(s.kald).toEqual([`/api/v1/indberetninger/sidste-aar?tilbud=Bostedet+L%C3%A6rken&takstaar=2021`, `/api/v1/indberetninger/${ID}`]);
    if (!f.ok) throw new Error(f.besked);
    expect(f.data).toMatchObject({ regelsaet: "MIDT-2021", takstaar: 2021, sidste: { takstaar: 2020, nummer: "MIDT-2020-2020-0003" } });
    // The register's takster (1.206, 1.920), not those the 2020 skema stated for 2019.
    expect(f.data.vaerdier.TS_Ydelser_SidsteAarsTakst).toEqual([1206, 1920, null, null, null, null, null, null, null, null]);
    expect(udfyldtTekst(f.data, false)).toBe("Skemaet for 2021 (MIDT-2021) er udfyldt fra indberetningen for 2020 (MIDT-2020-2020-0003). Sidste års takst er hentet fra indberetningsservicen. Ret årets tal, og tryk Valider.");
  });

  it("nothing last year: the service's Danish sentence, and no second request", async () => {
    const s = service({ sidsteAar: 404 });
    expect(await forbered(IND, "Bostedet Lærken", 2021, register, s.fetchFn)).toEqual({ ok: false, besked: "Indberetningsservicen afviste handlingen: Ingen aktuel indberetning af Bostedet Lærken for 2020.", ikkeFundet: true });
    expect(s.kald).toHaveLength(1);
  });

  it("without a token nothing is asked", async () => {
    const s = service();
    const f = await forbered({ ...IND, token: " " }, "Bostedet Lærken", 2021, register, s.fetchFn);
    expect(f).toEqual({ ok: false, besked: expect.stringMatching(/^Der er ikke angivet en adgangsnøgle/) });
    expect(s.kald).toEqual([]);
  });
});

describe("skriv: the workbook through the one adapter", () => {
  it("a blank workbook gets the 2021 template with last year's values in two syncs", async () => {
    const f = await forberedt();
    const { excel, optaget } = lavExcel();
    global.Excel = excel;
    expect(await skriv(f, register, false)).toEqual({ art: "indsat", erstattet: false, syncs: 2 });
    expect(optaget.syncs).toBe(2);
    const vaerdi = (navn: keyof typeof CELLER) => optaget.skrevet.get(CELLER[navn])?.values;
    const kolonne = (navn: keyof typeof KOLONNE_OMRAADER) => optaget.skrevet.get(KOLONNE_OMRAADER[navn])?.values;
    expect(vaerdi("TS_Regelsaet")).toEqual([["MIDT-2021"]]);
    expect(vaerdi("TS_Takstaar")).toEqual([[2021]]);
    expect(vaerdi("TS_Tilbud")).toEqual([["Bostedet Lærken"]]);
    expect(vaerdi("TS_Loen")).toEqual([[6500000]]);
    // The year's own: empty, whatever last year said.
    expect(vaerdi("TS_PLPct")).toEqual([[""]]);
    expect(vaerdi("TS_Regulering")).toEqual([[""]]);
    expect(kolonne("TS_Ydelser_Navn")).toEqual([["Gruppe A"], ["Gruppe B"], [""], [""], [""], [""], [""], [""], [""], [""]]);
    expect(kolonne("TS_Ydelser_SidsteAarsTakst")).toEqual([[1206], [1920], [""], [""], [""], [""], [""], [""], [""], [""]]);
    // Computed cells keep their formulas; nothing is written over them.
    expect(kolonne("TS_Ydelser_Takst")).toBeUndefined();
    // One protection for the new sheet; the footer names the driftsherre, the tilbud and the new year.
    const ops = optaget.ops;
    expect(ops.filter((o) => o.startsWith("protect "))).toHaveLength(1);
    expect(optaget.sidelayout.get(ARKNAVN)!["headersFooters.defaultForAllPages.leftFooter"]).toBe("&8Odense Kommune · Bostedet Lærken · Takstår 2021");
  });

  it("a filled takstskema is left untouched and the answer asks first (two syncs, nothing written)", async () => {
    const f = await forberedt();
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Regelsaet", "SYD-2018"), navnFor("TS_Loen", 1000), kolonneFor("TS_Ydelser_Navn", ["Gruppe X"])], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await skriv(f, register, false)).toEqual({ art: "bekraeft", syncs: 2 });
    expect(optaget.skrevet.size).toBe(0);
    expect(optaget.nyeNavne).toEqual([]);
    expect(optaget.slettedeNavne).toEqual([]);
    expect(optaget.ops.filter((o) => /^(worksheets\.add|delete|protect|rename)/.test(o))).toEqual([]);
  });

  it("confirmed, the filled takstskema is replaced in two syncs", async () => {
    const f = await forberedt();
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Loen", 1000)], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await skriv(f, register, true)).toEqual({ art: "indsat", erstattet: true, syncs: 2 });
    expect(optaget.slettedeNavne).toEqual(["TS_Loen"]);
    expect(optaget.skrevet.get(CELLER.TS_Loen)?.values).toEqual([[6500000]]);
  });

  it("an unfilled template (its own starting values only) is replaced without asking, after reading it (three syncs)", async () => {
    const f = await forberedt();
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Regelsaet", "MIDT-2021"), navnFor("TS_Takstaar", 2021), navnFor("TS_Dage", 365)], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await skriv(f, register, false)).toEqual({ art: "indsat", erstattet: true, syncs: 3 });
    expect(optaget.skrevet.get(CELLER.TS_Tilbud)?.values).toEqual([["Bostedet Lærken"]]);
  });
});
