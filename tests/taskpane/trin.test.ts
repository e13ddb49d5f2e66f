// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies are ES modules that Jest (CommonJS, Node 20) cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { indlejretRegister } from "../../src/regelsaet/indlejret";
import { ARKNAVN, CELLER, celleFor } from "../../src/takstskema";
import { ST_ARKNAVN } from "../../src/tilsynsskema";
import { hentIndstillinger, standardIndstillinger } from "../../src/taskpane/indstillinger";
import { indsaet, indsaetTilsyn, indsatTekst } from "../../src/taskpane/trinIndsaet";
import { indsendtTekst, send } from "../../src/taskpane/trinIndsend";
import { regelsaetMuligheder, valgtRegelsaet } from "../../src/taskpane/regelsaetvalg";
import { foersteGang, formularIndstillinger, gem } from "../../src/taskpane/trinIndstillinger";
import { retTekstTal, valider } from "../../src/taskpane/trinValider";
import { kolonneFor, lavExcel, navnFor } from "./excelMock";

/**
 * The pane's steps without a browser, as Microsoft's add-in template tests `run()`: the global
 * Excel is an office-addin-mock object (tests/taskpane/excelMock.ts), each step is called and
 * what it read, wrote and synced is checked. The DOM wiring is covered by the browser suites.
 */

declare const global: { Excel?: unknown };
const register = indlejretRegister();

afterEach(() => {
  delete global.Excel;
});

describe("settings step", () => {
  const standard = standardIndstillinger("https://localhost:3000");
  const lager = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  };

  it("saves the ruleset the form shows with the token trimmed; an empty address is the add-in's own", () => {
    const l = lager();
    const ind = formularIndstillinger({ regelsaet: "SYD-2027", url: "  ", token: " tks_1 " }, standard);
    expect(gem(ind, l)).toBe("Indstillingerne er gemt på denne computer.");
    expect(hentIndstillinger(l, standard)).toEqual({ regelsaet: "SYD-2027", serviceUrl: "https://localhost:3000", token: "tks_1" });
  });

  it("without storage the settings hold until the pane closes, and it says so", () => {
    expect(gem(formularIndstillinger({ regelsaet: "SYD-2018", url: "", token: "t" }, standard), undefined)).toMatch(/kun, indtil ruden lukkes/);
  });

  it("the drop-down shows the saved ruleset, even before it is loaded, and not the newest built-in (issue 20)", () => {
    const muligheder = regelsaetMuligheder(register, "SYD-2027");
    expect(muligheder[0]).toEqual({ id: "SYD-2027", tekst: "SYD-2027 (gemt, ikke indlæst endnu)" });
    expect(valgtRegelsaet(muligheder, { bruger: "", gemt: "SYD-2027", nyeste: "MIDT-2021" })).toBe("SYD-2027");
    // A choice the user made and has not saved yet wins; with nothing saved, the newest.
    expect(valgtRegelsaet(muligheder, { bruger: "SYD-2018", gemt: "SYD-2027", nyeste: "MIDT-2021" })).toBe("SYD-2018");
    expect(valgtRegelsaet(regelsaetMuligheder(register, ""), { bruger: "", gemt: "", nyeste: "MIDT-2021" })).toBe("MIDT-2021");
    expect(regelsaetMuligheder(register, "SYD-2018").map((m) => m.id)).not.toContain("SYD-2027");
  });

  it("first use lasts until both a token and a ruleset are saved (a saved ruleset not loaded yet counts)", () => {
    expect(foersteGang(standard)).toBe(true);
    expect(foersteGang({ ...standard, token: "t" })).toBe(true);
    expect(foersteGang({ ...standard, token: "t", regelsaet: "SYD-2027" })).toBe(false);
  });
});

describe("insert step", () => {
  it("inserts the template into a workbook without a skema: 2 syncs to look, 2 to insert", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1"] });
    global.Excel = excel;
    const u = await indsaet(register.hent("SYD-2018"), false);
    expect(u).toEqual({ art: "indsat", regelsaet: "SYD-2018", arknavn: ARKNAVN, erstattet: false, skematype: "budget" });
    expect(optaget.ops).toContain(`worksheets.add ${ARKNAVN}`);
    expect(optaget.syncs).toBe(4);
    expect(indsatTekst(u as Extract<typeof u, { art: "indsat" }>)).toBe(
      `Standardskabelonen (SYD-2018) er indsat i arket ${ARKNAVN}. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.`,
    );
  });

  it("asks before replacing a filled skema and writes nothing", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Loen", 6500000)], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await indsaet(register.hent("SYD-2018"), false)).toEqual({ art: "bekraeft" });
    expect(optaget.ops.filter((o) => /^(worksheets\.add|names\.add|delete)/.test(o))).toEqual([]);
    expect(optaget.skrevet.size).toBe(0);
  });

  it("replaces it once confirmed, without looking again", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Loen", 6500000)], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    expect(await indsaet(register.hent("SYD-2018"), true)).toMatchObject({ art: "indsat", erstattet: true });
    expect(optaget.syncs).toBe(2);
  });
});

describe("insert step: the socialtilsyn's tilsynsskema", () => {
  it("inserts the Tilsynsskema sheet for the chosen TILSYN- ruleset beside a takstskema, which stays", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    const u = await indsaetTilsyn("tilsyn-syd-2018", false);
    expect(u).toEqual({ art: "indsat", regelsaet: "TILSYN-SYD-2018", arknavn: "Tilsynsskema", erstattet: false });
    expect(optaget.ops).toContain("worksheets.add Tilsynsskema");
    expect(optaget.ops.filter((o) => o.startsWith("delete"))).toEqual([]);
    expect(optaget.nyeNavne.some((n) => n.navn === "ST_Behov")).toBe(true);
    expect(optaget.nyeNavne.some((n) => n.navn.startsWith("TS_"))).toBe(false);
    // 1 sync to look for an earlier sheet, 2 to insert.
    expect(optaget.syncs).toBe(3);
    expect(indsatTekst(u as Extract<typeof u, { art: "indsat" }>)).toBe(
      "Tilsynsskemaet (TILSYN-SYD-2018) er indsat i arket Tilsynsskema. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.",
    );
  });

  it("asks before replacing an existing Tilsynsskema sheet and writes nothing", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1", ST_ARKNAVN] });
    global.Excel = excel;
    expect(await indsaetTilsyn("TILSYN-NORD-2024", false)).toEqual({ art: "bekraeft" });
    expect(optaget.ops.filter((o) => /^(worksheets\.add|names\.add|delete)/.test(o))).toEqual([]);
    expect(optaget.skrevet.size).toBe(0);
  });

  it("replaces it once confirmed", async () => {
    const { excel } = lavExcel({ ark: ["Ark1", ST_ARKNAVN] });
    global.Excel = excel;
    expect(await indsaetTilsyn("TILSYN-NORD-2024", true)).toMatchObject({ art: "indsat", erstattet: true });
  });

  it("a takst ruleset is no tilsynsregelsæt: refused in Danish before anything is written", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1"] });
    global.Excel = excel;
    await expect(indsaetTilsyn("SYD-2018", false)).rejects.toThrow('Ukendt tilsynsregelsæt "SYD-2018"');
    expect(optaget.skrevet.size).toBe(0);
  });
});

describe("validate step", () => {
  it("an empty workbook has no skema", async () => {
    global.Excel = lavExcel().excel;
    expect(await valider(register)).toEqual({ art: "tomt" });
  });

  it("a number stored as text where the formulas compute is TS002 on its cell, read in two syncs and nothing written", async () => {
    const { excel, optaget } = lavExcel({
      navne: [navnFor("TS_Regelsaet", "SYD-2018"), navnFor("TS_Loen", "6.500.000"), navnFor("TS_Administration", 300000), kolonneFor("TS_Ydelser_SidsteAarsTakst", ["1.150 kr."])],
      ark: [ARKNAVN],
    });
    global.Excel = excel;
    const u = await valider(register);
    if (u.art !== "valideret") throw new Error("intet skema");
    expect(u.v.findings.filter((f) => f.code === "TS002").map((f) => f.cell)).toEqual([CELLER.TS_Loen, celleFor("TS_Ydelser_SidsteAarsTakst", 0)]);
    expect(u.v.tekstTal).toEqual([
      { felt: "TS_Loen", celle: CELLER.TS_Loen, tekst: "6.500.000", tal: 6_500_000 },
      { felt: "TS_Ydelser_SidsteAarsTakst", raekke: 0, celle: celleFor("TS_Ydelser_SidsteAarsTakst", 0), tekst: "1.150 kr.", tal: 1150 },
    ]);
    expect(optaget.syncs).toBe(2);
    expect(optaget.skrevet.size).toBe(0);
  });

  it("the one-click fix writes the numbers into those cells (a Ydelser row by its cell) in one sync", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Loen", "6.500.000"), kolonneFor("TS_Ydelser_SidsteAarsTakst", ["", "1.150 kr."])], ark: [ARKNAVN] });
    global.Excel = excel;
    const besked = await retTekstTal([
      { felt: "TS_Loen", celle: CELLER.TS_Loen, tekst: "6.500.000", tal: 6_500_000 },
      { felt: "TS_Ydelser_SidsteAarsTakst", raekke: 1, celle: celleFor("TS_Ydelser_SidsteAarsTakst", 1), tekst: "1.150 kr.", tal: 1150 },
    ]);
    expect(optaget.syncs).toBe(1);
    expect(optaget.skrevet.get(CELLER.TS_Loen)).toEqual({ values: [[6_500_000]] });
    expect(optaget.skrevet.get(celleFor("TS_Ydelser_SidsteAarsTakst", 1))).toEqual({ values: [[1150]] });
    const kort = (c: string) => c.split("!")[1];
    expect(besked).toBe(`De 2 celler ${kort(CELLER.TS_Loen)}, ${kort(celleFor("TS_Ydelser_SidsteAarsTakst", 1))} er lavet om til tal. Tryk Valider for at kontrollere skemaet igen.`);
  });
});

describe("submit step", () => {
  const KVITTERING = { id: "0b5c7d3e-8f1a-4c2b-9d6e-1a2b3c4d5e6f", nummer: "SYD-2018-0042", modtaget: "2026-11-22T09:15:00.000Z", sha256: "f".repeat(64) };
  const svar = (status: number, krop: unknown) => (async () => new Response(JSON.stringify(krop), { status, headers: { "content-type": "application/json" } })) as typeof fetch;
  const skema = { TS_Regelsaet: "SYD-2018", TS_Driftsherre: "Odense Kommune", TS_Kvittering: "" };

  it("a receipt is written into TS_Kvittering in one sync, and the service's warnings come back with it", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Kvittering", "")], ark: [ARKNAVN] });
    global.Excel = excel;
    const ts120 = { code: "TS120", severity: "warning", field: "TS_Ydelser_SidsteAarsTakst", cell: celleFor("TS_Ydelser_SidsteAarsTakst", 0), message: "Sidste års takst …" };
    const u = await send(skema, { serviceUrl: "http://127.0.0.1:9", token: "tks_x" }, { fetchFn: svar(201, { ...KVITTERING, findings: [ts120] }) });
    expect(u).toEqual({ ok: true, kvittering: { ...KVITTERING, findings: [ts120] }, gentaget: false });
    expect(optaget.syncs).toBe(1);
    expect(optaget.skrevet.get(CELLER.TS_Kvittering)).toEqual({ values: [["SYD-2018-0042"]] });
    if (u.ok) expect(indsendtTekst(u.kvittering)).toBe("Skemaet er indsendt. Kvittering SYD-2018-0042. Indberetningsservicen gav 1 advarsel.");
  });

  it("a refusal (422) writes nothing and hands on the service's findings", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Kvittering", "")], ark: [ARKNAVN] });
    global.Excel = excel;
    const fund = [{ code: "TS020", severity: "error", field: "TS_OverheadSats", cell: CELLER.TS_OverheadSats, message: "Over loftet." }];
    const u = await send(skema, { serviceUrl: "http://127.0.0.1:9", token: "tks_x" }, { fetchFn: svar(422, { fejl: "Skemaet har fejl", findings: fund }) });
    expect(u).toMatchObject({ ok: false, art: "afvist", fund });
    expect(optaget.syncs).toBe(0);
    expect(optaget.skrevet.size).toBe(0);
  });

  it("a receipt that cannot be written is still a receipt, with the reason", async () => {
    global.Excel = lavExcel({ ark: [ARKNAVN] }).excel; // no TS_Kvittering name
    const u = await send(skema, { serviceUrl: "http://127.0.0.1:9", token: "tks_x" }, { fetchFn: svar(201, KVITTERING) });
    expect(u).toMatchObject({ ok: true, kvittering: { nummer: "SYD-2018-0042" }, skrivFejl: expect.stringMatching(/TS_Kvittering/) });
  });
});
