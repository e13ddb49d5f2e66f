import "./jestCookie";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser, lukAlle, nySide, startChromium, type Overvaagning } from "../helpers/browser";
import { lytLokalt } from "../helpers/lyt";
import { medBrowser } from "../helpers/miljoe";
import { postOk } from "./fixtures";
import { gemRegnskabRaekke } from "./regnskabRaekke";

/**
 * Issue 22: the pool page (dist/puljer.html, built by webpack) in Chromium on loopback against the
 * service's own GET /api/v1/puljer, logged in with the tab's token like the overview. The browser's
 * clock is fixed at 15.6.2026, so which vintage TS210 marks does not depend on the day the test runs.
 */

const DIST = join(__dirname, "..", "..", "dist");
const ARTEFAKTER = join(__dirname, "..", "artifacts");
const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();
const ODENSE = "Odense Kommune";
const STI = "/puljer?ledelsesomraade=Center%20Nord";

medBrowser()("the pool page in Chromium", () => {
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  let odense: string;
  let aarhus: string;
  let sekretariat: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, "puljer.html"))) throw new Error("dist/puljer.html findes ikke. Byg siden først: npm run build.");
    const db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: DIST, logger: false, lukDb: true });
    const o = await opretToken(db, { rolle: "kommune", driftsherre: ODENSE });
    odense = o.token;
    aarhus = (await opretToken(db, { rolle: "kommune", driftsherre: "Aarhus Kommune" })).token;
    sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
    await postOk(app, "/api/v1/puljer?ledelsesomraade=Center%20Nord", odense, {
      primoAargange: [{ vedroererAar: 2020, beloeb: 100_000 }, { vedroererAar: 2021, beloeb: 40_000 }, { vedroererAar: 2024, beloeb: 25_000 }],
    }, 200);
    // Regnskab 2025 of three tilbud: as puljerSuite's case, the 2020 vintage's 70.000 left goes
    // into the takster of 2027: A −31.111, B −23.333, C −15.556 (by hand there).
    const r = { driftsherre: ODENSE, aar: 2025, omraade: "Center Nord", tokenId: o.id };
    await gemRegnskabRaekke(db, { ...r, tilbud: "Bostedet A", budget: 4_000_000 });
    await gemRegnskabRaekke(db, { ...r, tilbud: "Bostedet B", budget: 3_000_000, a6Pulje: -30_000 });
    await gemRegnskabRaekke(db, { ...r, tilbud: "Bostedet C", budget: 2_000_000, a6Pulje: 20_000 });
    url = await lytLokalt(app);
    browser = await startChromium();
  });

  afterAll(() => lukAlle(browser, app));

  async function side(token: string | null, bredde = 1280): Promise<{ page: Page; context: BrowserContext; o: Overvaagning }> {
    const o: Overvaagning = { konsolFejl: [], sideFejl: [], afviste: [] };
    const { page, context } = await nySide(browser, o, { token, bredde });
    await page.clock.setFixedTime(new Date("2026-06-15T10:00:00+02:00"));
    return { page, context, o };
  }
  const vist = (page: Page) => page.waitForSelector("#aargange");
  const raekker = async (page: Page, sel: string) => (await page.locator(sel).allInnerTexts()).map(norm);

  it("is served with a strict CSP that lets it load only itself", async () => {
    const r = await fetch(`${url}${STI}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(r.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("asks for a token, then shows each vintage in da-DK kroner with TS210 on the one expiring within 12 months, and the spread per tilbud for the takster of 2027", async () => {
    const { page, context, o } = await side(null);
    await page.goto(`${url}${STI}`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("token");
    await page.fill("#token", odense);
    await page.press("#token", "Enter");
    await vist(page);
    expect(await raekker(page, "#aargange tbody tr")).toEqual([
      "2020 100.000 kr. 30.000 kr. 70.000 kr. 0 kr. 0 kr. 2025",
      "2021 40.000 kr. 0 kr. 0 kr. 0 kr. 40.000 kr. 2026 TS210: udløber inden for 12 måneder",
      "2024 25.000 kr. 0 kr. 0 kr. 0 kr. 25.000 kr. 2029",
      "2025 20.000 kr. 0 kr. 0 kr. 0 kr. 20.000 kr. 2030",
    ]);
    expect(norm(await page.locator("#aargange tfoot").innerText())).toBe("I alt 185.000 kr. 30.000 kr. 70.000 kr. 0 kr. 85.000 kr.");
    expect(norm(await page.locator(".advarsler").innerText())).toBe(
      "Udløber inden for 12 måneder TS210: Årgang 2021 har 40.000 kr. tilbage og udløber ultimo 2026. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne.",
    );
    expect(norm(await page.locator("#takst-1").innerText())).toBe("Takster 2027: -70.000 kr. fra udløbne årgange");
    expect(await raekker(page, "#fordeling-1 tbody tr")).toEqual(["Bostedet A -31.111 kr.", "Bostedet B -23.333 kr.", "Bostedet C -15.556 kr."]);
    expect(norm(await page.locator("#fordeling-1 tfoot").innerText())).toBe("I alt -70.000 kr.");
    expect(await raekker(page, "#bevaegelser tbody tr td:nth-child(5)")).toEqual(["–", "–", "–", "Bostedet C", "Bostedet B", "–"]);
    expect(await page.title()).toBe("Puljen for Center Nord");
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
    await context.close();
  });

  it("another municipality's token naming Odense's pool is told in Danish that it has no access; the secretariat sees it by naming the driftsherre", async () => {
    const a = await side(aarhus);
    await a.page.goto(`${url}${STI}&driftsherre=Odense%20Kommune`);
    await a.page.waitForFunction(() => /kunne ikke hentes/.test(document.getElementById("status")?.textContent ?? ""));
    expect(norm(await a.page.locator("#status").innerText())).toBe("Puljen kunne ikke hentes: Adgangsnøglen tilhører Aarhus Kommune og giver kun adgang til Aarhus Kommunes egne puljer.");
    expect(await a.page.locator("#aargange").count()).toBe(0);
    await a.context.close();

    const s = await side(sekretariat);
    await s.page.goto(`${url}${STI}&driftsherre=Odense%20Kommune`);
    await vist(s.page);
    expect(await s.page.locator("#aargange tbody tr").count()).toBe(4);
    await s.context.close();
  });

  it("axe-core finds no violations at 1280 and at 320 px, and at 320 px the page does not scroll sideways", async () => {
    for (const bredde of [1280, 320]) {
      const { page, context } = await side(odense, bredde);
      await page.goto(`${url}${STI}`);
      await vist(page);
      expect({ bredde, fund: await axeOvertraedelser(page) }).toEqual({ bredde, fund: [] });
      if (bredde === 320) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      else {
        mkdirSync(ARTEFAKTER, { recursive: true });
        await page.screenshot({ path: join(ARTEFAKTER, "puljer.png"), fullPage: true });
      }
      await context.close();
    }
    // The login form too.
    const { page, context } = await side(null);
    await page.goto(`${url}${STI}`);
    await page.waitForSelector("#login:not([hidden])");
    expect(await axeOvertraedelser(page)).toEqual([]);
    await context.close();
  });
});
