import "../server/jestCookie";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { logIndMedToken, nySide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { AAR, indsendelser } from "./saed";
import { saaTjeneste, startTjeneste, type Tjeneste } from "./tjeneste";
import { lytLokalt } from "../helpers/lyt";

/**
 * Issue 14: the secretariat publishes the shown takstår from the overview (after a
 * confirmation in the page's dialogue; cancelling publishes nothing), sees "Offentliggjort <dato>", and an in-year
 * change received afterwards is listed there with its date and reason.
 */
const DIST = join(__dirname, "..", "..", "dist");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

medBrowser()("publication from the secretariat's overview in Chromium", () => {
  let t: Tjeneste;
  let url: string;
  let browser: Browser;
  let page: Page;
  const o = { konsolFejl: [] as { tekst: string; url: string }[], sideFejl: [] as string[], afviste: [] as string[] };
  const dag = () => new Intl.DateTimeFormat("da-DK", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Copenhagen" }).format(new Date());

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke. Byg siden først: npm run build.");
    t = await startTjeneste(DIST);
    await saaTjeneste(t);
    url = await lytLokalt(t.app);
    browser = await startChromium();
    ({ page } = await nySide(browser, o));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("cancelling the confirmation publishes nothing; accepting it shows 'Offentliggjort <dato>'", async () => {
    await logIndMedToken(page, `${url}/oversigt`, t.sekretariat);
    await page.waitForSelector("#oversigt:not([hidden])");
    const knap = page.locator("#offentliggoer");
    expect(await knap.innerText()).toBe(`Offentliggør takster for ${AAR}`);

    // Issue 25: the confirmation is the page's own dialogue, listing what is not approved yet.
    await knap.click();
    await page.waitForSelector("#offentliggoer-dialog[open]");
    await page.click("#offentliggoer-nej");
    expect((await (await page.request.get(`${url}/api/v1/offentliggoerelse`)).json()).offentliggjorte).toEqual([]);

    await knap.click();
    await page.waitForSelector("#offentliggoer-dialog[open] #offentliggoer-bekraeft");
    const spurgt = norm(await page.locator("#offentliggoer-dialog").innerText());
    await page.check("#offentliggoer-bekraeft");
    await page.click("#offentliggoer-ja");
    await page.waitForSelector("#offentliggjort");
    expect(spurgt).toContain(`Offentliggør takster for ${AAR}?`);
    expect(spurgt).toContain("ikke godkendt");
    expect(norm(await page.locator("#offentliggjort").innerText())).toBe(`Offentliggjort ${dag()}. Se den offentlige takstoversigt.`);
    expect((await page.request.get(`${url}/api/v1/takstoversigt?takstaar=${AAR}`)).status()).toBe(200);
  });

  it("once published, 'Hent takstoversigt (.xlsx)' downloads the public file under its name, beside the export's own", async () => {
    const knap = page.locator("#hent-takstoversigt");
    expect(await knap.innerText()).toBe("Hent takstoversigt (.xlsx)");
    const [download] = await Promise.all([page.waitForEvent("download"), knap.click()]);
    expect(download.suggestedFilename()).toBe(`takstoversigt-${AAR}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    // The public file: its title row and A4 landscape fitted to width, not the export's sheet.
    expect(wb.worksheets[0]!.getCell("A1").value).toBe(`Takstoversigt ${AAR}, offentliggjort ${dag()}`);
    expect(wb.worksheets[0]!.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    expect(await page.locator("#hent-xlsx").innerText()).toBe("Hent eksport (.xlsx)");
  });

  it("an in-year change received after publication and approved is listed with its date and reason", async () => {
    const s = indsendelser().filter((x) => x.aar === AAR).at(-1)!;
    const r = await t.app.inject({
      method: "POST",
      url: "/api/v1/indberetninger",
      headers: { authorization: `Bearer ${t.kommune.get(s.planer[0]!.driftsherre)}`, "content-type": "application/json" },
      payload: JSON.stringify({ ...s.skema, TS_AendringBegrundelse: "Rettet lønsum efter ny overenskomst", TS_Kontaktperson: "Ny kontaktperson" }),
    });
    expect(r.statusCode).toBe(201);
    // Issue 21: the register (and the public takstoversigt this list reads) changes when the secretariat approves it.
    const godkendt = await t.app.inject({
      method: "POST",
      url: `/api/v1/indberetninger/${r.json().id}/status`,
      headers: { authorization: `Bearer ${t.sekretariat}`, "content-type": "application/json" },
      payload: JSON.stringify({ status: "godkendt", bemaerkning: "Godkendt" }),
    });
    expect(godkendt.statusCode).toBe(200);
    await page.reload();
    // The page keeps the token for the tab (sessionStorage) and opens the overview again itself.
    await page.waitForSelector("#oversigt:not([hidden])");
    await page.waitForSelector("#aendringer li");
    expect(norm(await page.locator("#offentliggjort").innerText())).toContain("1 takst ændret i året");
    expect(norm(await page.locator("#aendringer li").innerText())).toBe(`${dag()}: ${s.planer[0]!.driftsherre}, ${s.planer[0]!.tilbud}, ${s.planer[0]!.ydelse} – Rettet lønsum efter ny overenskomst`);
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
  });
});
