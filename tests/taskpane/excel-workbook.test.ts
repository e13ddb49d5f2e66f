// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose own
// dependencies are ES modules that Jest (CommonJS, Node 20) cannot load.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { indlejretRegister } from "../../src/regelsaet/indlejret";
import { ARKNAVN, CELLER, celleFor, FARVER, FELTER, skabelonLayout, type SkabelonLayout, udskrift, YDELSE_KOLONNER } from "../../src/takstskema";
import {
  antalSyncs,
  breddeIPunkter,
  erUdfyldt,
  farve,
  harUdfyldtSkema,
  indsaetSkabelon,
  laesSkema,
  nulstilSyncs,
  skrivKvittering,
  vaelgCelle,
  valideringsRegel,
} from "../../src/taskpane/excel-workbook";
import { kolonneFor, lavExcel, navnFor } from "./excelMock";

// The rulesets embedded as in the browser bundle (jest.config.js gives the same global).
const register = indlejretRegister();
const layout: SkabelonLayout = skabelonLayout(register.hent("SYD-2018"));


declare const global: { Excel?: unknown };

beforeEach(() => nulstilSyncs());
afterEach(() => {
  delete global.Excel;
});

describe("laesSkema", () => {
  it("reads every field and every Ydelser column by defined name in two syncs, whatever the number of fields", async () => {
    const alle = FELTER.map((f, i) => navnFor(f.navn, f.type === "tekst" ? `tekst ${i}` : i));
    // Three ydelser; the computed columns hold their formulas' results.
    const tabel = [
      kolonneFor("TS_Ydelser_Navn", ["A", "B", "C"]), kolonneFor("TS_Ydelser_Pladser", [10, 8, 4]), kolonneFor("TS_Ydelser_Belaegning", [0.95, 0.95, 1]),
      kolonneFor("TS_Ydelser_Ressource", [1, 1.5, 2.5]), kolonneFor("TS_Ydelser_SidsteAarsTakst", []), kolonneFor("TS_Ydelser_Basistakst", [597, 597, 597]),
      kolonneFor("TS_Ydelser_Servicetakst", [887, 1330, 2217]), kolonneFor("TS_Ydelser_Takst", [1484, 1927, 2814]), kolonneFor("TS_Ydelser_Takstudvikling", []),
    ];
    const { excel, optaget } = lavExcel({ navne: [...alle, ...tabel, { navn: "AndetNavn", ark: "Ark1", adresse: "A1", vaerdi: 7 }], ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    const skema = await laesSkema();
    expect(optaget.syncs).toBe(2);
    expect(antalSyncs()).toBe(2);
    expect(Object.keys(skema).sort()).toEqual([...FELTER.map((f) => f.navn), ...YDELSE_KOLONNER.map((k) => k.navn)].sort());
    expect(skema.TS_Ydelser_Navn).toEqual(["A", "B", "C", "", "", "", "", "", "", ""]);
    expect(skema.TS_Ydelser_Takst).toEqual([1484, 1927, 2814, "", "", "", "", "", "", ""]);
    expect(skema.TS_Pladser).toBe(FELTER.findIndex((f) => f.navn === "TS_Pladser"));
    expect(skema.TS_Driftsherre).toMatch(/^tekst /);
    expect(skema).not.toHaveProperty("AndetNavn");
  });

  it("needs the same two syncs for three fields", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Pladser", 12), navnFor("TS_Belaegning", 0.95), navnFor("TS_Loen", 1000)] });
    global.Excel = excel;
    expect(await laesSkema()).toEqual({ TS_Pladser: 12, TS_Belaegning: 0.95, TS_Loen: 1000 });
    expect(optaget.syncs).toBe(2);
  });

  it("skips a name whose sheet was deleted (#REF!) instead of failing", async () => {
    const { excel } = lavExcel({ navne: [navnFor("TS_Pladser", 12), { ...navnFor("TS_Loen", 5), type: "Error" }] });
    global.Excel = excel;
    expect(await laesSkema()).toEqual({ TS_Pladser: 12 });
  });

  it("an empty workbook gives an empty record", async () => {
    const { excel, optaget } = lavExcel();
    global.Excel = excel;
    expect(await laesSkema()).toEqual({});
    expect(optaget.syncs).toBe(2);
  });
});

describe("harUdfyldtSkema / erUdfyldt", () => {
  it("a fresh template (only its own starting values) is not filled", async () => {
    const { excel } = lavExcel({ navne: [navnFor("TS_Regelsaet", "SYD-2018"), navnFor("TS_Takstaar", 2018), navnFor("TS_Dage", 365), navnFor("TS_Pladser", "")] });
    global.Excel = excel;
    expect(await harUdfyldtSkema(layout)).toBe(false);
  });
  it("a typed input value makes it filled; computed cells do not", () => {
    expect(erUdfyldt({ TS_Loen: 12 }, layout)).toBe(true);
    expect(erUdfyldt({ TS_Dage: 330 }, layout)).toBe(true);
    expect(erUdfyldt({ TS_Ydelser_Takst: [1234, ""], TS_Pladser: 12, TS_Kvittering: "" }, layout)).toBe(false);
    expect(erUdfyldt({ TS_Ydelser_Navn: ["", "", ""] }, layout)).toBe(false);
    expect(erUdfyldt({ TS_Ydelser_Navn: ["", "Gruppe B"] }, layout)).toBe(true);
  });
});

describe("indsaetSkabelon", () => {
  it("builds the whole template in two syncs: names, formulas, colours, validation, protection", async () => {
    const { excel, optaget } = lavExcel();
    global.Excel = excel;
    const r = await indsaetSkabelon(layout);
    expect(optaget.syncs).toBe(2);
    expect(r).toEqual({ erstattet: false, syncs: 2 });

    // Every defined name of the layout, pointing at its cell on the new sheet.
    expect(optaget.nyeNavne.map((n) => `${n.navn}=${n.ark}!${n.adresse}`).sort()).toEqual(
      layout.navne.map((n) => `${n.navn}=${n.ref.replace(/\$/g, "")}`).sort(),
    );
    const celle = (navn: keyof typeof CELLER) => optaget.skrevet.get(CELLER[navn])!;
    const raekke = (navn: string, i: number) => optaget.skrevet.get(celleFor(navn, i))!;
    // The Ydelser table's names are vertical ranges: TS_Ydelser_Pladser = Takstskema!D41:D50 (below the three Stamdata rows of issue 13a).
    expect(optaget.nyeNavne).toContainEqual({ navn: "TS_Ydelser_Pladser", ark: ARKNAVN, adresse: "D41:D50" });
    expect(raekke("TS_Ydelser_Pladser", 0)["format.fill.color"]).toBe(farve(FARVER.obligatorisk));
    expect(raekke("TS_Ydelser_Pladser", 0)["format.protection.locked"]).toBe(false);
    expect(raekke("TS_Ydelser_Pladser", 1)["format.fill.color"]).toBe(farve(FARVER.valgfri));
    expect(celle("TS_Maalgruppe")["format.fill.color"]).toBe(farve(FARVER.valgfri));
    expect(celle("TS_Pladser")["format.fill.color"]).toBe(farve(FARVER.beregnet));
    expect(celle("TS_Pladser")).not.toHaveProperty("format.protection.locked");
    expect(celle("TS_Pladser").formulas).toEqual([["=SUM(TS_Ydelser_Pladser)"]]);
    // Native per-row formulas (readable without the add-in): row 4 of the table is sheet row 44.
    expect(raekke("TS_Ydelser_Basistakst", 3).formulas).toEqual([['=IF(D44="","",ROUND(TS_Basisgrundlag/TS_Belaegningsdage,0))']]);
    expect(raekke("TS_Ydelser_Takst", 3).formulas).toEqual([['=IF(D44="","",H44+I44)']]);
    expect(celle("TS_Overhead").formulas).toEqual([["=ROUND(TS_OverheadGrundlag*TS_OverheadSats,0)"]]);
    expect(raekke("TS_Ydelser_Takst", 3)["format.fill.color"]).toBe(farve(FARVER.beregnet));
    expect(celle("TS_Regelsaet").values).toEqual([["SYD-2018"]]);
    // The layout's taller rows (the wrapped lines), the same heights the print plan counts.
    for (const [r, h] of Object.entries(layout.raekkeHoejder)) expect(optaget.skrevet.get(`${ARKNAVN}!${r}:${r}`)!["format.rowHeight"]).toBe(h);
    expect(celle("TS_Belaegning").numberFormat).toEqual([["0.0%"]]);
    expect(optaget.skrevet.get(`${ARKNAVN}!B:B`)!["format.columnWidth"]).toBe(breddeIPunkter(36));
    // Every layout validation, with its Danish input message.
    expect(optaget.valideringer.size).toBe(layout.valideringer.length);
    const pladser = optaget.valideringer.get(celleFor("TS_Ydelser_Pladser", 0))!;
    expect(pladser.rule).toEqual({ wholeNumber: { operator: "GreaterThan", formula1: 0 } });
    expect(pladser.prompt).toEqual(expect.objectContaining({ showPrompt: true, title: "Pladser" }));
    // Names are added before the formulas that use them; protection comes last.
    const ops = optaget.ops;
    expect(ops.indexOf("names.add TS_Ydelser_Takst")).toBeGreaterThan(ops.indexOf(`worksheets.add ${ARKNAVN}`));
    expect(ops.indexOf("names.add TS_Ydelser_Takst")).toBeLessThan(ops.indexOf("sync", ops.indexOf("sync") + 1));
    expect(ops.filter((o) => o.startsWith("protect "))).toEqual([`protect ${ARKNAVN} {"allowFormatColumns":true,"allowFormatRows":true}`]);
    expect(ops.indexOf(`protect ${ARKNAVN} {"allowFormatColumns":true,"allowFormatRows":true}`)).toBeGreaterThan(ops.lastIndexOf("names.add TS_Ydelser_Takstudvikling"));
    expect(ops.filter((o) => o === "sync")).toHaveLength(2);
    expect(ops.at(-1)).toBe("sync");
  });

  it("sets up printing in the same two syncs: A4 landscape, scale, titles, breaks before sections, footer", async () => {
    const { excel, optaget } = lavExcel();
    global.Excel = excel;
    await indsaetSkabelon(layout);
    expect(optaget.syncs).toBe(2);
    const plan = udskrift(layout); // the plan itself is worked out by hand in tests/takstskema/udskrift.test.ts
    const pl = optaget.sidelayout.get(ARKNAVN)!;
    expect(pl).toEqual(expect.objectContaining({ orientation: "Landscape", paperSize: "A4", zoom: { scale: plan.skala }, leftMargin: 36, topMargin: 54 }));
    expect(pl["zoom"]).not.toHaveProperty("horizontalFitToPages");
    // The template has no driftsherre yet; the takstår is the ruleset's.
    expect(pl["headersFooters.defaultForAllPages.leftFooter"]).toBe("&8Takstår 2018");
    expect(pl["headersFooters.defaultForAllPages.centerFooter"]).toBe("&8Ikke indsendt");
    expect(pl["headersFooters.defaultForAllPages.rightFooter"]).toBe("&8Side &P af &N");
    const ops = optaget.ops;
    expect(ops).toContain(`setPrintTitleRows ${ARKNAVN} $12:$12`);
    expect(ops).toContain(`setPrintArea ${ARKNAVN} ${plan.omraade}`);
    expect(ops.filter((o) => o.startsWith("pagebreak "))).toEqual(plan.sideskift.map((r) => `pagebreak ${ARKNAVN}!A${r + 1}`));
    expect(plan.sideskift.length).toBeGreaterThan(0);
    // Every break sits right above a section header row.
    const overskrifter = layout.celler.filter((c) => c.fyld === FARVER.sektion && c.adresse.startsWith("B")).map((c) => Number(c.adresse.slice(1)));
    for (const r of plan.sideskift) expect(overskrifter).toContain(r + 1);
  });

  it("replaces an existing takstskema sheet and its names, still in two syncs", async () => {
    const gamle = [navnFor("TS_Pladser", 12), navnFor("TS_Loen", 1000)];
    const { excel, optaget } = lavExcel({ navne: [...gamle, { navn: "Brugerens", ark: "Ark1", adresse: "A1" }], ark: [ARKNAVN] });
    global.Excel = excel;
    const r = await indsaetSkabelon(layout);
    expect(r).toEqual({ erstattet: true, syncs: 2 });
    expect(optaget.slettedeNavne.sort()).toEqual(["TS_Loen", "TS_Pladser"]);
    // The only sheet cannot be deleted first: a new one is added, the old deleted, then renamed.
    const i = (o: string) => optaget.ops.indexOf(o);
    expect(i(`worksheets.add ${ARKNAVN} (ny)`)).toBeGreaterThan(-1);
    expect(i(`delete ${ARKNAVN}`)).toBeGreaterThan(i(`worksheets.add ${ARKNAVN} (ny)`));
    expect(i(`rename ${ARKNAVN} (ny) → ${ARKNAVN}`)).toBeGreaterThan(i(`delete ${ARKNAVN}`));
    expect(optaget.nyeNavne.every((n) => n.ark === ARKNAVN)).toBe(true);
  });
});

describe("vaelgCelle and skrivKvittering", () => {
  it("selects a finding's cell in one sync", async () => {
    const { excel, optaget } = lavExcel({ ark: ["Ark1", ARKNAVN] });
    global.Excel = excel;
    await vaelgCelle(`${ARKNAVN}!D27`);
    expect(optaget.syncs).toBe(1);
    expect(optaget.ops).toContain(`select ${ARKNAVN}!D27`);
  });

  it("writes the receipt into TS_Kvittering in one sync, re-protecting the sheet", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Kvittering", "")], ark: [ARKNAVN] });
    global.Excel = excel;
    await skrivKvittering("abc-123");
    expect(optaget.syncs).toBe(1);
    expect(antalSyncs()).toBe(1);
    expect(optaget.skrevet.get(CELLER.TS_Kvittering)).toEqual({ values: [["abc-123"]] });
    expect(optaget.ops.filter((o) => /protect/.test(o))).toEqual([`unprotect ${ARKNAVN}`, `protect ${ARKNAVN} {"allowFormatColumns":true,"allowFormatRows":true}`]);
  });

  it("with the skema's values, the receipt also goes into the printed footer, still one sync", async () => {
    const { excel, optaget } = lavExcel({ navne: [navnFor("TS_Kvittering", "")], ark: [ARKNAVN] });
    global.Excel = excel;
    await skrivKvittering("ind_9", { TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Bo & Liv", TS_Takstaar: 2018 });
    expect(optaget.syncs).toBe(1);
    expect(optaget.sidelayout.get(ARKNAVN)).toEqual({
      "headersFooters.defaultForAllPages.leftFooter": "&8Odense Kommune · Bo && Liv · Takstår 2018",
      "headersFooters.defaultForAllPages.centerFooter": "&8Kvittering ind_9",
      "headersFooters.defaultForAllPages.rightFooter": "&8Side &P af &N",
    });
  });
});

describe("translation of the layout", () => {
  it("colours drop the alpha channel; widths become points", () => {
    expect(farve("FFFFFF99")).toBe("#FFFF99");
    expect(breddeIPunkter(10)).toBe(56.25);
  });
  it("list validations lose the quotes ExcelJS needs", () => {
    const liste = layout.valideringer.find((v) => v.type === "list")!;
    const regel = valideringsRegel(liste);
    const kilde = String(regel.list?.source);
    expect(kilde).not.toMatch(/^"/);
    expect(kilde.split(",").length).toBeGreaterThan(1);
  });
  it("every prompt fits Excel's limits (title 32, message 255)", () => {
    for (const v of layout.valideringer) {
      expect(v.promptTitel.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
    }
  });
});
