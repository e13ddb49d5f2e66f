import "../server/jestCookie";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser, logIndMedToken, nySide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { NORD_2024, NORD_KOMMUNER } from "../tilsynsskema/saed";
import { startTjeneste, type Tjeneste } from "./tjeneste";
import { lytLokalt } from "../helpers/lyt";

/**
 * Issue 23: a municipality sees its own objektiv finansiering of the socialtilsyn on its overview
 * page once the secretariat has published the year, and nobody else's; the secretariat's page has
 * no such section. Headless Chromium against the real service on loopback; the socialtilsyn's
 * skema goes through the API (submit, approve, publish) as in production.
 */

const DIST = join(__dirname, "..", "..", "dist");
/** November 2023: the page looks for budget years 2024 (coming) and 2023 (current). */
const NU = new Date("2023-11-15T10:00:00+01:00");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

const medChromium = medBrowser();

medChromium("the objektiv finansiering on a municipality's overview page (issue 23)", () => {
  let t: Tjeneste;
  let url: string;
  let browser: Browser;
  let nord: string;
  let laesoe: string;
  let aalborg: string;
  const overvaagning = { konsolFejl: [] as { tekst: string; url: string }[], sideFejl: [] as string[], afviste: [] as string[] };
  /** Every path the pages asked the service for, per page. */
  const anmodninger = new Map<Page, string[]>();

  async function side(token: string): Promise<Page> {
    const { page: p } = await nySide(browser, overvaagning);
    anmodninger.set(p, []);
    p.on("request", (r) => anmodninger.get(p)!.push(new URL(r.url()).pathname));
    await p.clock.setFixedTime(NU);
    await logIndMedToken(p, `${url}/oversigt`, token);
    await p.waitForSelector("#oversigt:not([hidden])");
    return p;
  }

  async function kommunensSektion(token: string): Promise<Page> {
    const p = await side(token);
    await p.waitForSelector("#objektiv-finansiering:not([hidden])");
    return p;
  }

  const raekker = async (p: Page) => (await p.locator("#of-tabel tbody tr").evaluateAll((tr) => tr.map((r) => [...r.children].map((c) => c.textContent ?? "")))).map((r) => r.map(norm));

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke. Byg først: npm run build (npm test gør det selv).");
    t = await startTjeneste(DIST);
    nord = (await opretToken(t.db, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Nord" })).token;
    laesoe = (await opretToken(t.db, { rolle: "kommune", driftsherre: "Læsø Kommune" })).token;
    aalborg = (await opretToken(t.db, { rolle: "kommune", driftsherre: "Aalborg Kommune" })).token;
    url = await lytLokalt(t.app);
    browser = await startChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function post(sti: string, krop: unknown, token: string): Promise<{ id: string }> {
    const r = await t.app.inject({ method: "POST", url: sti, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: JSON.stringify(krop) });
    if (r.statusCode >= 300) throw new Error(`${sti}: ${r.statusCode} ${r.body}`);
    return r.json();
  }

  it("before anything is published, the municipality's section says its amount is not published yet, and is axe-clean", async () => {
    const p = await kommunensSektion(laesoe);
    expect(norm(await p.locator("#of-indhold").innerText())).toBe("Kommunens objektive finansiering for 2024 og 2023 er ikke offentliggjort endnu.");
    expect(await p.locator("#of-tabel").count()).toBe(0);
    expect(await axeOvertraedelser(p)).toEqual([]);
  });

  it("once the socialtilsyn's skema is submitted, approved and published, Læsø sees its own amount in da-DK format and no other kommune's", async () => {
    const skema = await post("/api/v1/tilsyn", NORD_2024, nord);
    await post(`/api/v1/tilsyn/${skema.id}/godkend`, {}, t.sekretariat);
    await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 }, t.sekretariat);

    const p = await kommunensSektion(laesoe);
    await p.waitForSelector("#of-tabel");
    // Læsø's published amount, 002:386-408.
    expect(await raekker(p)).toEqual([["2024", "Socialtilsyn Nord", "Læsø", "34.323 kr."]]);
    const sektion = norm(await p.locator("#objektiv-finansiering").innerText());
    for (const anden of NORD_KOMMUNER.filter((k) => k !== "Læsø")) expect(sektion).not.toContain(anden);
    expect(sektion).not.toContain("6.294.349"); // Aalborg's
    expect(await p.locator("#of-indhold a").getAttribute("href")).toBe("/tilsynstakster?budgetaar=2024");
    expect(await axeOvertraedelser(p)).toEqual([]);
  });

  it("another municipality's token shows that municipality's own amount", async () => {
    const p = await kommunensSektion(aalborg);
    await p.waitForSelector("#of-tabel");
    expect(await raekker(p)).toEqual([["2024", "Socialtilsyn Nord", "Aalborg", "6.294.349 kr."]]);
    expect(norm(await p.locator("#objektiv-finansiering").innerText())).not.toContain("34.323");
  });

  it("the secretariat's page has no section and never asks for a municipality's amounts", async () => {
    const p = await side(t.sekretariat);
    await p.waitForLoadState("networkidle");
    expect(await p.locator("#objektiv-finansiering").isHidden()).toBe(true);
    expect(anmodninger.get(p)!.filter((s) => s.startsWith("/api/v1/tilsyn"))).toEqual([]);
    // The municipality's pages did ask: the filter above would have seen it.
    expect([...anmodninger.values()].flat()).toContain("/api/v1/tilsyn/mine");
  });

  it("no page errors, no request off loopback, no console errors", () => {
    expect(overvaagning.sideFejl).toEqual([]);
    expect(overvaagning.afviste).toEqual([]);
    expect(overvaagning.konsolFejl).toEqual([]);
  });
});
