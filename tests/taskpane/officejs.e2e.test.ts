import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page, Route } from "playwright-core";
import { overvaagSide, startChromium, type Overvaagning } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { KUN_I_EXCEL, OFFICE_JS_BLOKERET, OFFICE_JS_FRIST_MS } from "../../src/taskpane/kunBesked";

/**
 * Issue 16: the built task pane (which is also the custom functions' page) when office.js cannot
 * be fetched – a municipal proxy refusing or holding Microsoft's CDN – and outside Office.
 * The page must say in Danish what is wrong and show nothing else.
 */

const DIST = join(__dirname, "..", "..", "dist");
const FAKEHOST = join(__dirname, "..", "fakehost", "office.js");

medBrowser()("task pane when office.js is blocked", () => {
  let browser: Browser;
  let db: Db;
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html findes ikke: kør npm run build først (npm test gør det selv).");
    db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: DIST });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const a = app.server.address();
    base = `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}`;
    browser = await startChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** A fresh page whose office.js request is handled by `officeJs`; everything else as the helper does. */
  async function side(officeJs: (route: Route) => Promise<void>, o: Overvaagning): Promise<Page> {
    const page = await (await browser.newContext({ locale: "da-DK" })).newPage();
    await overvaagSide(page, o, async (route, url) => {
      if (url.hostname === "appsforoffice.microsoft.com") {
        await officeJs(route);
        return true;
      }
      if (url.pathname === "/favicon.ico") {
        await route.fulfill({ status: 204, body: "" });
        return true;
      }
      return false;
    });
    return page;
  }

  const synligt = (page: Page) =>
    page.evaluate(() => Array.from(document.querySelectorAll("#indhold > *")).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id || e.tagName));

  it("refused by the network: the Danish message naming what IT must open, and no form", async () => {
    const o: Overvaagning = { konsolFejl: [], sideFejl: [], afviste: [] };
    const page = await side((r) => r.abort("blockedbyclient"), o);
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("#kun-besked");
    expect(await page.locator("#kun-besked").innerText()).toBe(OFFICE_JS_BLOKERET);
    expect(OFFICE_JS_BLOKERET).toMatch(/Bed IT om at åbne for https:\/\/appsforoffice\.microsoft\.com/);
    expect(await page.locator("#kun-besked").getAttribute("role")).toBe("alert");
    expect(await synligt(page)).toEqual([]);
    expect(await page.locator("#ikke-klar").isVisible()).toBe(false); // not "Indlæser …" forever
    expect(o.sideFejl).toEqual([]);
    await page.close();
  });

  it("held by a proxy that never answers: the same message once the wait is over", async () => {
    const o: Overvaagning = { konsolFejl: [], sideFejl: [], afviste: [] };
    let holdt: Route | undefined;
    let anmodet!: () => void;
    const anmodning = new Promise<void>((ok) => (anmodet = ok));
    const page = await side(async (r) => {
      holdt = r; // never answered
      anmodet();
    }, o);
    await page.clock.install();
    await page.goto(`${base}/taskpane.html`, { waitUntil: "commit" });
    await anmodning;
    // Chromium's preload scanner may ask for office.js before officevagt.js has run: wait for the guard.
    while ((await page.evaluate(() => document.documentElement.dataset.officeVagt)) !== "aktiv") await new Promise((ok) => setTimeout(ok, 20));
    expect(await page.evaluate(() => document.getElementById("kun-besked"))).toBeNull();
    await page.clock.runFor(OFFICE_JS_FRIST_MS + 1000);
    expect(await page.evaluate(() => document.getElementById("kun-besked")?.textContent)).toBe(OFFICE_JS_BLOKERET);
    expect(await synligt(page)).toEqual([]);
    // The line was only slow: office.js arrives after all, the message goes and the pane starts.
    await holdt!.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(FAKEHOST, "utf8") });
    await page.clock.resume();
    await page.waitForFunction(() => /Klar/.test(document.getElementById("status")?.textContent ?? ""));
    expect(await page.evaluate(() => document.getElementById("kun-besked"))).toBeNull();
    // First use: the pane starts on its settings (issue 11), which are usable now.
    expect(await page.locator("#indstillinger").getAttribute("open")).not.toBeNull();
    expect(await page.locator("#ind-gem").isEnabled()).toBe(true);
    await page.close();
  });

  it("outside Office (office.js loads, no Excel host): only the message, no disabled form", async () => {
    const o: Overvaagning = { konsolFejl: [], sideFejl: [], afviste: [] };
    // What office.js does in a plain browser: onReady resolves with no host.
    const udenOffice = "window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) { var i = { host: null, platform: null }; cb && cb(i); return Promise.resolve(i); } };";
    const page = await side((r) => r.fulfill({ status: 200, contentType: "text/javascript", body: udenOffice }), o);
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("#kun-besked");
    expect(await page.locator("#kun-besked").innerText()).toBe(KUN_I_EXCEL);
    expect(await synligt(page)).toEqual([]);
    expect(await page.locator("#indsaet").isVisible()).toBe(false);
    expect([o.sideFejl, o.afviste, o.konsolFejl]).toEqual([[], [], []]);
    await page.close();
  });
});
