import "../server/jestCookie";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { opretToken } from "../../src/server/tokens";
import { overvaagSide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { storPlan, saaStor } from "./storSaed";
import { startTjeneste, type Tjeneste } from "./tjeneste";

/**
 * Issue 15: the overview with 1,000 current submissions (and 1,000 the year before) renders
 * only the rows and bars in view, yet search and sort cover all 1,000, the table tells
 * assistive tech its real size (aria-rowcount, aria-rowindex) and every row can be reached by
 * scrolling and from the keyboard. Seeded through the storage layer (tests/oversigt/storSaed.ts).
 */

const DIST = join(__dirname, "..", "..", "dist");
const ANTAL = 1000;
const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const medChromium = medBrowser();

medChromium("the windowed overview with 1,000 submissions", () => {
  let t: Tjeneste;
  let browser: Browser;
  let page: Page;
  const sideFejl: string[] = [];
  const konsolFejl: { tekst: string; url: string }[] = [];
  const afviste: string[] = [];

  const iDom = () => page.locator("#raekker tr[data-id]").count();
  const foersteTilbud = async () => norm(await page.locator("#raekker tr[data-id]").first().locator("th").innerText());
  const rowcount = () => page.locator("#tabel").getAttribute("aria-rowcount");
  /** Waits until the table is redrawn for a new filter (the search is debounced). */
  const venterPaa = (n: number) => page.waitForFunction((x) => document.getElementById("tabel")?.getAttribute("aria-rowcount") === String(x + 1), n);

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke. Byg siden først: npm run build.");
    t = await startTjeneste(DIST);
    const afsender = await opretToken(t.db, { rolle: "kommune", driftsherre: "Kommune 001" });
    await saaStor(t.db, ANTAL, afsender.id);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const adr = t.app.server.address();
    browser = await startChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" })).newPage();
    await overvaagSide(page, { konsolFejl, sideFejl, afviste });
    await page.goto(`http://127.0.0.1:${typeof adr === "object" && adr ? adr.port : 0}/oversigt`);
    await page.fill("#token", t.sekretariat);
    await page.press("#token", "Enter");
    await page.waitForSelector("#raekker tr[data-id]");
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("tells the real size but renders far fewer rows and bars", async () => {
    expect(norm(await page.locator("#viser").innerText())).toBe("Viser 1.000 af 1.000 takster.");
    expect(await rowcount()).toBe("1001"); // 1,000 rows + the header row
    expect(await page.locator("#tabel thead tr").getAttribute("aria-rowindex")).toBe("1");
    expect(await page.locator("#raekker tr[data-id]").first().getAttribute("aria-rowindex")).toBe("2");
    expect(await iDom()).toBeGreaterThan(5);
    expect(await iDom()).toBeLessThan(100);
    // The chart: all 1,000 tilbud have last year's takst, far fewer bars are drawn.
    expect(norm((await page.locator("#graf svg desc").textContent()) ?? "")).toMatch(/^1\.000 tilbud\./);
    const soejler = await page.locator("#graf svg g.soejle").count();
    expect(soejler).toBeGreaterThan(5);
    expect(soejler).toBeLessThan(100);
    // Scrolling the chart draws the bars further down: the last of 1,000 bars sits at
    // y = 30 (axis band) + 999 × 24 (one bar per 24 units) = 24006 in the SVG's units (graf.ts).
    expect(await page.locator('#graf rect[y="24006"]').count()).toBe(0);
    await page.$eval("#graf .graf-ramme", (r) => (r.scrollTop = r.scrollHeight));
    await page.locator('#graf rect[y="24006"]').waitFor();
    expect(await page.locator("#graf svg g.soejle").count()).toBeLessThan(100);
    // Spacer rows are hidden from assistive tech.
    for (const h of await page.locator("#raekker tr.fyld").evaluateAll((r) => r.map((x) => x.getAttribute("aria-hidden")))) expect(h).toBe("true");
  });

  it("search covers rows that are not in the DOM, in the table and the chart", async () => {
    await page.fill("#soeg", "Tilbud 00999");
    await venterPaa(1);
    expect(await iDom()).toBe(1);
    expect(await foersteTilbud()).toBe("Tilbud 00999");
    expect(await page.locator("#graf svg g.soejle").count()).toBe(1);
    // storPlan: 20 tilbud per driftsherre, so Kommune 050 has tilbud 981-1000.
    await page.fill("#soeg", "Kommune 050");
    await venterPaa(20);
    expect(await iDom()).toBe(20);
    expect(await foersteTilbud()).toBe("Tilbud 00981");
    await page.fill("#soeg", "");
    await venterPaa(ANTAL);
  });

  it("sorting covers all rows, and scrolling reaches the last one", async () => {
    await page.click('th[data-sort="tilbud"] button'); // ascending
    expect(await page.locator('th[data-sort="tilbud"]').getAttribute("aria-sort")).toBe("ascending");
    expect(await foersteTilbud()).toBe("Tilbud 00001");
    await page.click('th[data-sort="tilbud"] button'); // descending: the last tilbud was never drawn before
    expect(await page.locator('th[data-sort="tilbud"]').getAttribute("aria-sort")).toBe("descending");
    expect(await foersteTilbud()).toBe("Tilbud 01000");
    // The cheapest 2021 takst, worked out from the plan (not by the page): sort by takst.
    const billigst = storPlan(ANTAL).reduce((a, b) => (b.t2021! < a.t2021! ? b : a));
    await page.click('th[data-sort="takst"] button');
    expect(await page.locator('th[data-sort="takst"]').getAttribute("aria-sort")).toBe("ascending");
    expect(await foersteTilbud()).toBe(billigst.tilbud);

    await page.click('th[data-sort="tilbud"] button');
    await page.$eval("#tabel-ramme", (r) => (r.scrollTop = r.scrollHeight));
    const sidste = page.locator('#raekker tr[aria-rowindex="1001"]');
    await sidste.waitFor();
    expect(norm(await sidste.locator("th").innerText())).toBe("Tilbud 01000");
    expect(await iDom()).toBeLessThan(100);
  });

  it("Tab walks from row to row past the first rows drawn", async () => {
    await page.$eval("#tabel-ramme", (r) => (r.scrollTop = 0));
    await page.waitForSelector('#raekker tr[aria-rowindex="2"]');
    await page.locator("#raekker tr[data-id] th button").first().focus();
    for (let i = 0; i < 80; i++) await page.keyboard.press("Tab");
    const fokus = await page.evaluate(() => [document.activeElement?.closest("tr")?.getAttribute("aria-rowindex"), document.activeElement?.textContent]);
    expect(fokus).toEqual(["82", "Tilbud 00081"]);
    expect(sideFejl).toEqual([]);
    expect(konsolFejl.filter((k) => !k.url.endsWith("favicon.ico"))).toEqual([]);
    expect(afviste).toEqual([]);
  });
});
