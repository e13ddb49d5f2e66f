import "./jestCookie";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { buildApp } from "../../src/server/app";
import { aabnPglite, type Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser, overvaagSide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { lytLokalt } from "../helpers/lyt";
import { SYD_2018 } from "../tilsynsskema/saed";
import { gyldigtSkema, postOk } from "./fixtures";

// Issue 26, acceptance 5: the public pages in Chromium, with published data, have no axe-core
// violation at 320 and at 1280 px, and reflow at 320 px: the page never scrolls sideways (WCAG
// 1.4.10); a wide table scrolls in its own focusable, named region instead.
const ROD = join(__dirname, "..", "..");
const DIFF = JSON.parse(readFileSync(join(ROD, "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
const SIDER = ["/takstoversigt", "/tilsynstakster?budgetaar=2018", "/takstudvikling", "/takstudvikling?fra=2017&til=2018", "/hjaelp", "/tilgaengelighed"];

medBrowser()("the public pages at 320 and 1280 px", () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let url: string;
  const o = { konsolFejl: [] as { tekst: string; url: string }[], sideFejl: [] as string[], afviste: [] as string[] };

  beforeAll(async () => {
    db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: null, lukDb: true });
    const sek = (await opretToken(db, { rolle: "sekretariat" })).token;
    const post = (sti: string, token: string, body: unknown, kode = 201) => postOk(app, sti, token, body, kode);
    await post("/api/v1/indberetninger", (await opretToken(db, { rolle: "kommune", driftsherre: "Vejle Kommune" })).token, DIFF);
    await post("/api/v1/indberetninger", (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token, gyldigtSkema());
    await post("/api/v1/offentliggoerelse", sek, { takstaar: 2018 });
    const syd = (await opretToken(db, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Syd" })).token;
    const tilsyn = await post("/api/v1/tilsyn", syd, SYD_2018);
    await post(`/api/v1/tilsyn/${tilsyn.id}/godkend`, sek, {}, 200);
    await post("/api/v1/tilsyn/offentliggoerelse", sek, { budgetaar: 2018 });
    url = await lytLokalt(app);
    browser = await startChromium();
    page = await (await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen" })).newPage();
    await overvaagSide(page, o);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const bredde of [320, 1280]) {
    it(`has no axe-core violation on any public page at ${bredde} px${bredde === 320 ? ", and no sideways page scroll" : ""}, each linking the tilgængelighedserklæring`, async () => {
      await page.setViewportSize({ width: bredde, height: 800 });
      for (const sti of SIDER) {
        const svar = await page.goto(`${url}${sti}`);
        // The report without a published from-year is the page with a Danish message, not a 5xx.
        expect([sti, sti.includes("fra=2017") ? (svar?.status() ?? 0) < 500 : svar?.status() === 200]).toEqual([sti, true]);
        expect([sti, await axeOvertraedelser(page)]).toEqual([sti, []]);
        if (bredde === 320) expect([sti, await page.evaluate(() => document.documentElement.scrollWidth <= 320)]).toEqual([sti, true]);
        expect([sti, await page.locator('footer a[href="/tilgaengelighed"]').count()]).toEqual([sti, sti === "/tilgaengelighed" ? 0 : 1]);
      }
      expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
    }, 60000);
  }

  it("at 320 px the takstoversigt's table scrolls inside its own region, which the keyboard reaches and which is named", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${url}/takstoversigt`);
    const omraade = page.getByRole("region", { name: /^Takster for 2018, offentliggjort/ });
    expect(await omraade.count()).toBe(1);
    const maal = await omraade.evaluate((e) => ({ scroll: e.scrollWidth, bredde: e.clientWidth }));
    expect(maal.scroll).toBeGreaterThan(maal.bredde);
    // Tab from the page's start reaches the region after the links before it.
    let fokus = "";
    for (let i = 0; i < 10 && fokus !== "region"; i++) {
      await page.keyboard.press("Tab");
      fokus = await page.evaluate(() => document.activeElement?.getAttribute("role") ?? "");
    }
    expect(fokus).toBe("region");
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    expect(await omraade.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  });
});
