// office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see excel-workbook.test.ts).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

import { ST_PLACERING, tilsynsskemaLayout } from "../../src/tilsynsskema";
import { tilsynsRegister } from "../../src/regelsaet/tilsyn";
import { indsaetTilsynsskema, tilsynsRegelsaetIds } from "../../src/taskpane/tilsynsskema";
import { lavExcel } from "./excelMock";

declare const global: { Excel?: unknown };

describe("the pane inserts the tilsynsskema", () => {
  it("offers the socialtilsyn's rulesets", () => {
    expect(tilsynsRegelsaetIds()).toEqual(["TILSYN-NORD-2024", "TILSYN-SYD-2016", "TILSYN-SYD-2018", "TILSYN-ØST-2020"]);
  });
  it("writes every ST_ name, the native formulas and the ruleset's weights in two syncs", async () => {
    const { excel, optaget } = lavExcel();
    global.Excel = excel;
    const r = await indsaetTilsynsskema("tilsyn-nord-2024");
    expect(r).toEqual({ erstattet: false, syncs: 2 });
    const layout = tilsynsskemaLayout(tilsynsRegister().hent("TILSYN-NORD-2024"));
    expect(optaget.nyeNavne.map((n) => `${n.navn}=${n.ark}!${n.adresse}`).sort()).toEqual(layout.navne.map((n) => `${n.navn}=${n.ref.replace(/\$/g, "")}`).sort());
    const behov = optaget.skrevet.get(`Tilsynsskema!${ST_PLACERING.felter.get("ST_Behov")}`)!;
    expect(behov.formulas).toEqual([["=ROUND(ST_BehovFoerEffektivisering*(1-ST_EffektiviseringPct)-ST_ResultatAarMinus2*ST_ResultatAndelIndregnet,0)"]]);
    expect(optaget.skrevet.get(`Tilsynsskema!C${ST_PLACERING.kategori + 1}`)!.values).toEqual([[1.2]]);
    expect(optaget.skrevet.get(`Tilsynsskema!${ST_PLACERING.felter.get("ST_OFAfrunding")}`)!.values).toEqual([["HVER"]]);
  });
  it("refuses an unknown ruleset in Danish", async () => {
    await expect(indsaetTilsynsskema("SYD-2018")).rejects.toThrow("Ukendt tilsynsregelsæt \"SYD-2018\"");
  });
});
