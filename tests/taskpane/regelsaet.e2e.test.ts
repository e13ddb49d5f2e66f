import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { overvaagSide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { syd2027 } from "../helpers/regelsaet";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { celleFor } from "../../src/takstskema";

/**
 * Issue 11 in the browser: the built pane (dist/) with the fake Excel host and the real service
 * (static files and API on loopback, embedded database). A ruleset the secretariat publishes
 * while the pane is open is picked up, used for the template and validation, recorded with the
 * submission, and still used from the cache when the service is gone.
 */

const ROD = join(__dirname, "..", "..");
const DIST = join(ROD, "dist");
const FAKEHOST = join(ROD, "tests", "fakehost", "office.js");

medBrowser()("rulesets published while the task pane is open", () => {
  let browser: Browser;
  let page: Page;
  let app: FastifyInstance;
  let url: string;
  let kommune: string;
  let sekretariat: string;
  let stoppet = false;
  const o = { konsolFejl: [] as { tekst: string; url: string }[], sideFejl: [] as string[], afviste: [] as string[] };

  const host = <T>(fn: string, ...args: unknown[]): Promise<T> =>
    page.evaluate(([f, a]) => {
      const h = (globalThis as unknown as { __fakeHost: Record<string, (...x: unknown[]) => unknown> }).__fakeHost;
      return h[f as string]!(...(a as unknown[])) as T;
    }, [fn, args] as const);
  const tekst = (s: string) => page.locator(s).innerText();
  async function tryk(s: string): Promise<void> {
    await page.click(s);
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
  }
  async function gem(regelsaet: string | undefined, token: string): Promise<void> {
    await page.evaluate(() => ((document.getElementById("indstillinger") as HTMLDetailsElement).open = true));
    if (regelsaet) await page.selectOption("#ind-regelsaet", regelsaet);
    await page.fill("#ind-url", url);
    await page.fill("#ind-token", token);
    await page.click("#ind-gem");
    await page.waitForFunction(() => /gemt/.test(document.getElementById("status")?.textContent ?? ""));
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"));
  }

  beforeAll(async () => {
    if (!existsSync(join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html findes ikke. Byg først: npm run build.");
    const db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: DIST, lukDb: true });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const adr = app.server.address() as { port: number };
    url = `http://127.0.0.1:${adr.port}`;
    kommune = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
    sekretariat = (await opretToken(db, { rolle: "sekretariat", driftsherre: null })).token;

    browser = await startChromium();
    page = await aabnRude(await browser.newContext({ locale: "da-DK", timezoneId: "Europe/Copenhagen" }));
  });

  async function aabnRude(context: BrowserContext): Promise<Page> {
    const side = await context.newPage();
    await overvaagSide(side, o, async (route, u) => {
      if (u.hostname === "appsforoffice.microsoft.com" && u.pathname.endsWith("/office.js")) {
        await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(FAKEHOST, "utf8") });
        return true;
      }
      if (u.pathname === "/favicon.ico") {
        await route.fulfill({ status: 204, body: "" });
        return true;
      }
      return false;
    });
    await side.goto(`${url}/taskpane.html`);
    await side.waitForFunction(() => /Klar/.test(document.getElementById("status")?.textContent ?? ""));
    return side;
  }

  afterAll(async () => {
    await browser?.close();
    if (!stoppet) await app?.close();
  });

  it("first use opens on the settings; steps 1-3 wait for a ruleset; the default is the newest, not the first in the alphabet", async () => {
    expect(await page.evaluate(() => (document.getElementById("indstillinger") as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator("#indsaet").isDisabled()).toBe(true);
    expect(await page.locator("#valider").isDisabled()).toBe(true);
    expect(await page.inputValue("#ind-regelsaet")).toBe("MIDT-2021"); // takstår 2021 beats MIDT-2020 and SYD-2018
    expect(await page.locator("#regelsaet-kilde").getAttribute("data-kilde")).toBe("service");
    await gem(undefined, kommune);
    expect(await page.locator("#indsaet").isEnabled()).toBe(true);
    expect(await tekst("#regelsaet-vist")).toBe("MIDT-2021");
  });

  it("picks up a ruleset published while it is open (button); the SOC functions on the same page see it too", async () => {
    const soc = (sats: number) =>
      page.evaluate((s) => {
        const f = (globalThis as unknown as { CustomFunctions: { associated: Record<string, (...a: unknown[]) => unknown> } }).CustomFunctions.associated;
        try {
          return f.OVERHEAD!(1_000_000, s, "SYD-2027");
        } catch (e) {
          return String((e as Error).message);
        }
      }, sats);
    expect(String(await soc(0.049))).toMatch(/"SYD-2027" er ukendt/);

    const svar = await fetch(`${url}/api/v1/regelsaet`, { method: "POST", headers: { authorization: `Bearer ${sekretariat}`, "content-type": "application/json" }, body: JSON.stringify(syd2027()) });
    expect(svar.status).toBe(201);
    expect(await page.locator('#ind-regelsaet option[value="SYD-2027"]').count()).toBe(0);
    await tryk("#hent-regelsaet");
    expect(await page.locator('#ind-regelsaet option[value="SYD-2027"]').count()).toBe(1);
    expect(await tekst("#regelsaet-kilde")).toMatch(/^Regelsæt fra indberetningsservicen .*1 udgivet/);
    // 1.000.000 × 4,9 % = 49.000 kr. under SYD-2027's 5 % cap.
    expect(await soc(0.049)).toBe(49_000);
    await gem("SYD-2027", kommune);
  });

  it("inserts the template under SYD-2027 (its cap in the data validation), validates and submits; the service records the version", async () => {
    await tryk("#indsaet");
    expect(await tekst("#status")).toMatch(/Standardskabelonen \(SYD-2027\) er indsat/);
    const v = await host<{ rule: { decimal: { formula1: unknown; formula2: unknown } } }>("validering", "TS_OverheadSats");
    expect([v.rule.decimal.formula1, v.rule.decimal.formula2].map(Number)).toEqual([0, 0.05]);
    expect((await host<{ value: unknown }>("celle", "TS_Takstaar")).value).toBe(2027);

    // The first ydelse of the Ydelser table: Takstskema!B41 (name), D41 (pladser), E41 (belægning).
    const felter: Record<string, unknown> = {
      TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Bofællesskabet Søhuset", [celleFor("TS_Ydelser_Navn", 0)]: "Længerevarende botilbud",
      TS_Lovgrundlag: "SEL § 108", TS_Kontaktperson: "Anne Jensen", TS_Email: "anne@odense.dk", [celleFor("TS_Ydelser_Pladser", 0)]: 12,
      [celleFor("TS_Ydelser_Belaegning", 0)]: 0.96, TS_Takstenhed: "døgn", TS_Loen: 6500000, TS_Administration: 300000, TS_OverheadSats: 0.049,
    };
    for (const [navn, vaerdi] of Object.entries(felter)) await host("skriv", navn, vaerdi);
    await tryk("#valider");
    expect(await tekst("#resume")).toMatch(/^Ingen fejl/);
    await tryk("#indsend");
    const id = (await page.locator("#kvittering-id").textContent()) ?? ""; // under "Tekniske detaljer" (collapsed)
    const d = (await (await fetch(`${url}/api/v1/oversigt/indberetninger/${id}`, { headers: { authorization: `Bearer ${sekretariat}` } })).json()) as { valideretMod: unknown };
    expect(d.valideretMod).toEqual({ id: "SYD-2027", version: 1 });
  });

  it("reopened, the settings show the saved SYD-2027, and saving a new token only keeps SYD-2027 (issue 20)", async () => {
    // The pane opened again: a new page in the same browser profile (its localStorage), a new workbook.
    const foerste = page;
    page = await aabnRude(foerste.context());
    try {
      expect(await page.inputValue("#ind-regelsaet")).toBe("SYD-2027");
      await gem(undefined, `${kommune} `); // the token pasted again, the ruleset untouched
      expect(await page.inputValue("#ind-regelsaet")).toBe("SYD-2027");
      expect(await tekst("#regelsaet-vist")).toBe("SYD-2027");
      const gemt = await page.evaluate(() => JSON.parse(localStorage.getItem("soc-takster.opgaverude.indstillinger") ?? "{}") as { regelsaet?: string });
      expect(gemt.regelsaet).toBe("SYD-2027");
      await tryk("#indsaet");
      expect(await tekst("#status")).toMatch(/Standardskabelonen \(SYD-2027\) er indsat/);
    } finally {
      await page.close();
      page = foerste;
    }
  });

  it("with the service stopped, the pane says it uses the saved list and still validates under SYD-2027", async () => {
    await app.close();
    stoppet = true;
    await tryk("#hent-regelsaet");
    expect(await page.locator("#regelsaet-kilde").getAttribute("data-kilde")).toBe("cache");
    expect(await tekst("#regelsaet-kilde")).toMatch(/^Indberetningsservicen kunne ikke nås\. Bruger den gemte liste fra .*1 udgivet/);
    await tryk("#valider");
    expect(await tekst("#resume")).toMatch(/^Ingen fejl/);
    // Over the cap of the cached SYD-2027: TS020 from its 5 %.
    await host("skriv", "TS_OverheadSats", 0.051);
    await tryk("#valider");
    expect(await page.locator('.fund.fejl[data-kode="TS020"]').innerText()).toMatch(/loftet på 5,00 % i SYD-2027/);
  });

  it("no page errors; console errors only from the stopped service", () => {
    expect(o.sideFejl).toEqual([]);
    expect(o.afviste).toEqual([]);
    expect(o.konsolFejl.filter((f) => !(/Failed to load resource|ERR_CONNECTION_REFUSED/.test(f.tekst) && f.url.startsWith(url)))).toEqual([]);
  });
});
