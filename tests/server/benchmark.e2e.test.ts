import "./jestCookie";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { BENCHMARK, BENCHMARK_KOMMUNE, EGEN } from "../benchmark/eksempel";
import { axeOvertraedelser, lukAlle, nySide, startChromium, type Overvaagning } from "../helpers/browser";
import { lytLokalt } from "../helpers/lyt";
import { postOk } from "./fixtures";
import { sammenligningsSkema } from "./sammenligningSkemaer";
import { medBrowser } from "../helpers/miljoe";

/**
 * Issue 24: the benchmark page (dist/benchmark.html, built by webpack) in Chromium on loopback:
 * the page is served by the service with its CSP and logs in with a token like the overview.
 * GET /api/v1/benchmark(.xlsx) answer here with the constructed answer of eksempel.ts, as the
 * contract says a secretariat's and a municipality's token get it, so the page is tested on
 * known figures. The picture for the README is docs/billeder/benchmark.png (UPDATE_SCREENSHOTS=1).
 */

const ROD = join(__dirname, "..", "..");
const DIST = join(ROD, "dist");
const ARTEFAKTER = join(ROD, "tests", "artifacts");
const BILLEDER = join(ROD, "docs", "billeder");
const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();

/*
 * The end-to-end group (sammenligningsSkema: the takst exactly as given), by hand: sorted 2.000,
 * 2.200, 2.300, 2.600, 3.500; KVARTIL.MEDTAG h = 4p: median x2 = 2.300, Q1 x1 = 2.200, Q3 x3 =
 * 2.600. The municipality's 2.600: indeks 2.600 / 2.300 × 100 = 113,04 → 113,0, on Q3: between.
 */
const EKTE_GRUPPE = { lovgrundlag: "SEL § 107", maalgruppekategori: "Socialpsykiatri", takstenhed: "døgn" };
const EKTE_TAKSTER = [2000, 2200, 2300, 2600, 3500];
const EKTE_EGEN = 2600;

medBrowser()("the benchmark page in Chromium", () => {
  let app: FastifyInstance;
  let browser: Browser;
  let url: string;
  let sekretariat: string;
  let kommune: string;
  /** The Authorization header of every request for the benchmark's data. */
  const hentetMed: string[] = [];

  /** The stand-in for the API: the contract's answer for the token's role. */
  async function api(route: Route, u: URL): Promise<boolean> {
    if (!u.pathname.startsWith("/api/v1/benchmark")) return false;
    const auth = route.request().headers().authorization ?? "";
    hentetMed.push(auth);
    const svar = auth === `Bearer ${sekretariat}` ? BENCHMARK : auth === `Bearer ${kommune}` ? BENCHMARK_KOMMUNE : null;
    if (!svar) await route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify({ fejl: "Manglende, ugyldigt eller tilbagekaldt token." }) });
    else if (u.pathname.endsWith(".xlsx")) await route.fulfill({ status: 200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body: Buffer.from("PK") });
    else await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(svar) });
    return true;
  }

  /** `ekte`: the service's own API answers (no stand-in). */
  async function side(token: string | null, bredde = 1280, ekte = false): Promise<{ page: Page; context: BrowserContext; o: Overvaagning }> {
    const o: Overvaagning = { konsolFejl: [], sideFejl: [], afviste: [] };
    return { ...(await nySide(browser, o, { token, bredde, egenRute: ekte ? undefined : api })), o };
  }

  /** Every group drawn (the page draws them in turn and is aria-busy meanwhile). */
  const vist = (page: Page) => page.waitForSelector("#benchmark:not([aria-busy]) section.gruppe");

  beforeAll(async () => {
    if (!existsSync(join(DIST, "benchmark.html"))) throw new Error("dist/benchmark.html findes ikke. Byg siden først: npm run build.");
    const db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: DIST, logger: false, lukDb: true });
    sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
    kommune = (await opretToken(db, { rolle: "kommune", driftsherre: EGEN })).token;
    // End to end: five tilbud of one group, one of them the municipality's, through the real submission API.
    const odense = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
    for (const [i, takst] of EKTE_TAKSTER.entries()) {
      const egen = takst === EKTE_EGEN;
      await postOk(app, "/api/v1/indberetninger", egen ? kommune : odense, sammenligningsSkema({ ...EKTE_GRUPPE, driftsherre: egen ? EGEN : "Odense Kommune", tilbud: `Bo ${i + 1}`, takst }));
    }
    url = await lytLokalt(app);
    browser = await startChromium();
  });

  afterAll(() => lukAlle(browser, app));

  it("is served with a strict CSP that lets it load only itself", async () => {
    const r = await fetch(`${url}/benchmark?takstaar=2027`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(r.headers.get("content-security-policy")).toContain("connect-src 'self'");
  });

  it("asks for a token, refuses a wrong one in Danish, and with a municipality's shows its own tilbud highlighted against each group", async () => {
    const { page, context, o } = await side(null);
    await page.goto(`${url}/benchmark?takstaar=2027`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("token");
    await page.fill("#token", "forkert");
    await page.press("#token", "Enter");
    await page.waitForFunction(() => /ikke godkendt/.test(document.getElementById("login-fejl")?.textContent ?? ""));

    await page.fill("#token", kommune);
    await page.press("#token", "Enter");
    await vist(page);
    expect(hentetMed.at(-1)).toBe(`Bearer ${kommune}`);
    // The one driftsherre of a municipality's answer is highlighted at once.
    expect(await page.locator("#fremhaev").inputValue()).toBe(EGEN);
    expect(await page.locator("#boksplot-1 .maerke.egen").count()).toBe(1);
    expect(await page.locator("#boksplot-1 circle").count()).toBe(0);
    expect(await page.getByRole("img", { name: /Median 1\.500 kr\., 1\. kvartil 1\.200 kr\., 3\. kvartil 1\.800 kr\./ }).count()).toBe(1);
    expect(norm(await page.locator("#gruppe-1-tabel tbody tr").innerText())).toMatch(/^Aarhus Kommune Bostedet Skoven \(fremhævet\) Døgnophold 1\.200 kr\. 80,0 Mellem kvartilerne/);
    expect(norm(await page.locator('[data-gruppe="2"] .for-faa').innerText())).toBe("for få sammenlignelige");
    expect(norm(await page.locator(".ikke-vurdering").innerText())).toMatch(/Tallene er information: enhedsomkostninger kan ikke stå alene/);
    expect(o).toEqual({ konsolFejl: [expect.objectContaining({ tekst: expect.stringContaining("401") })], sideFejl: [], afviste: [] });
    await context.close();
  });

  it("the secretariat sees every tilbud, highlights a driftsherre by choice, and reaches each plot from the keyboard with a visible focus", async () => {
    const { page, context, o } = await side(sekretariat);
    const foer = hentetMed.length;
    await page.goto(`${url}/benchmark?takstaar=2027`);
    await vist(page);
    // Two requests: the first group's, which the page's head sent (allowed by the CSP) and the script takes instead of asking again, and the rest (one part: fewer than 9 more groups).
    expect(hentetMed.length - foer).toBe(2);
    expect(await page.locator("#fremhaev").inputValue()).toBe("");
    expect(await page.locator("#boksplot-1 circle").count()).toBe(5);
    await page.selectOption("#fremhaev", "Randers Kommune");
    expect(await page.locator("#boksplot-1 .maerke.egen").count()).toBe(1);
    expect(await page.locator("#gruppe-1-tabel tbody tr").count()).toBe(5);

    await page.focus("#hent-xlsx");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("boksplot-1");
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");

    const [fil] = await Promise.all([page.waitForEvent("download"), page.click("#hent-xlsx")]);
    expect(fil.suggestedFilename()).toBe("sammenligning-2027.xlsx");
    expect(hentetMed.at(-1)).toBe(`Bearer ${sekretariat}`);
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
    await context.close();
  });

  it("end to end: the service's own answer for a municipality, its tilbud against the group, and the service's .xlsx", async () => {
    const { page, context, o } = await side(kommune, 1280, true);
    await page.goto(`${url}/benchmark?takstaar=2018`);
    await vist(page);
    expect(await page.title()).toBe("Sammenligning af takster 2018");
    expect(norm(await page.locator("#gruppe-1").innerText())).toBe("SEL § 107 · Socialpsykiatri · døgn");
    expect(norm(await page.locator('[data-gruppe="1"] dl.statistik').innerText())).toBe("Laveste 2.000 kr. 1. kvartil 2.200 kr. Median 2.300 kr. 3. kvartil 2.600 kr. Højeste 3.500 kr.");
    // A municipality sees its own niveau only: one row, one diamond, no other tilbud's marks.
    expect((await page.locator("#gruppe-1-tabel tbody tr").allInnerTexts()).map(norm)).toEqual([expect.stringMatching(/^Aarhus Kommune Bo 4 \(fremhævet\) .* 2\.600 kr\. 113,0 Mellem kvartilerne /)]);
    expect(await page.locator("#boksplot-1 .maerke.egen").count()).toBe(1);
    expect(await page.locator("#boksplot-1 circle").count()).toBe(0);
    const [fil] = await Promise.all([page.waitForEvent("download"), page.click("#hent-xlsx")]);
    expect(fil.suggestedFilename()).toBe("sammenligning-2018.xlsx");
    expect((await readFile((await fil.path())!)).subarray(0, 2).toString()).toBe("PK");
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
    await context.close();
  });

  it("axe-core finds no violations at 1280 and at 320 px, and at 320 px the page does not scroll sideways", async () => {
    for (const bredde of [1280, 320]) {
      const { page, context } = await side(sekretariat, bredde);
      await page.goto(`${url}/benchmark?takstaar=2027`);
      await vist(page);
      await page.selectOption("#fremhaev", EGEN);
      expect({ bredde, fund: await axeOvertraedelser(page) }).toEqual({ bredde, fund: [] });
      if (bredde === 320) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      else {
        mkdirSync(ARTEFAKTER, { recursive: true });
        await page.screenshot({ path: join(ARTEFAKTER, "benchmark.png"), fullPage: true });
        if (process.env.UPDATE_SCREENSHOTS === "1") {
          mkdirSync(BILLEDER, { recursive: true });
          copyFileSync(join(ARTEFAKTER, "benchmark.png"), join(BILLEDER, "benchmark.png"));
        }
      }
      await context.close();
    }
  });
});
