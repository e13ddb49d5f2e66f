import "../server/jestCookie";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { lavRegister, parseRegelsaet } from "../../src/regelsaet";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { DIREKTE } from "../../src/server/oversigt/side/forventede";
import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser, logIndMedToken, lukAlle, nySide, startChromium } from "../helpers/browser";
import { lytLokalt } from "../helpers/lyt";
import { medBrowser } from "../helpers/miljoe";
import { syd2027 } from "../helpers/regelsaet";
import { bearer, gyldigtSkema, postOk } from "../server/fixtures";

/**
 * Issue 25 in Chromium: the overview's deadline section (missing, late, days left against the
 * kept list) and the checked publication: the dialogue lists the missing driftsherre, the
 * unapproved submission and the days to the deadline, publishes only once the box is ticked, and
 * has no axe-core violations. "Now" is the app's clock, 8 days before the deadline.
 */
const DIST = join(__dirname, "..", "..", "dist");
const AAR = 2031;
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

medBrowser()("the checked publication and the deadline section in Chromium (issue 25)", () => {
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let page: Page;
  let sek: string;
  const o = { konsolFejl: [] as { tekst: string; url: string }[], sideFejl: [] as string[], afviste: [] as string[] };

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke. Byg siden først: npm run build.");
    const r = syd2027({ id: `SYD-${AAR}`, takstaar: AAR, navn: `Rammeaftale Syddanmark, takster ${AAR}` });
    (r.parametre as Record<string, unknown>).fristTakster = { vaerdi: "2030-11-15", kilde: "tidsplan (testdata)" };
    const syd2018 = parseRegelsaet(JSON.parse(readFileSync(join(__dirname, "..", "..", "rulesets", "SYD-2018.json"), "utf8")));
    const db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: DIST, lukDb: true, register: lavRegister([syd2018, parseRegelsaet(r)]), nu: () => new Date("2030-11-07T10:00:00Z") });
    sek = (await opretToken(db, { rolle: "sekretariat", beskrivelse: "Sekretariatet" })).token;
    const odense = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
    await postOk(app, "/api/v1/indberetninger", odense, gyldigtSkema({ TS_Regelsaet: `SYD-${AAR}`, TS_Takstaar: AAR, TS_Kategori: "Klyngetilbud" }));
    const liste = { forventede: [{ driftsherre: "Odense Kommune", tilbud: "Bofællesskabet Søhuset" }, { driftsherre: "Vejle Kommune", tilbud: "Vejlehuset" }] };
    const put = await app.inject({ method: "PUT", url: `/api/v1/forventede?takstaar=${AAR}`, headers: { ...bearer(sek), "content-type": "application/json" }, payload: JSON.stringify(liste) });
    expect(put.statusCode).toBe(200);
    url = await lytLokalt(app);
    browser = await startChromium();
    ({ page } = await nySide(browser, o));
  });
  afterAll(() => lukAlle(browser, app));

  it("the deadline section shows the missing skema, the one in time and the days left, in Danish", async () => {
    await logIndMedToken(page, `${url}/oversigt`, sek);
    await page.waitForSelector("#forventede-tabel");
    expect(norm(await page.locator("#frist-linje").innerText())).toBe("Fristen: 15. november 2030 (8 dage til fristen).");
    expect(norm(await page.locator("#forventede-antal").innerText())).toBe("2 forventede skemaer, 1 indsendt, 1 mangler, 0 for sent. Listen er sekretariatets.");
    const raekker = await page.locator("#forventede-tabel tbody tr").evaluateAll((rs) => rs.map((r) => [...r.querySelectorAll("td, th")].map((c) => (c as HTMLElement).innerText.trim())));
    expect(raekker.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ["Odense Kommune", "Bofællesskabet Søhuset", "Indsendt rettidigt", "–"],
      ["Vejle Kommune", "Vejlehuset", "Mangler", "8 dage til fristen"],
    ]);
  });

  it("the publication dialogue lists the missing driftsherre, the unapproved submission and the days left, has no axe-core violations, and publishes only when confirmed", async () => {
    await page.click("#offentliggoer");
    await page.waitForSelector("#offentliggoer-dialog[open] #kontrol-manglende");
    expect(norm(await page.locator("#offentliggoer-titel").innerText())).toBe(`Offentliggør takster for ${AAR}?`);
    expect(norm(await page.locator("#kontrol-frist").innerText())).toBe("Fristen: 15. november 2030 (8 dage til fristen).");
    expect(norm(await page.locator("#kontrol-manglende").innerText())).toBe("Vejle Kommune: Vejlehuset");
    expect(norm(await page.locator("#kontrol-ikke-godkendte").innerText())).toBe("Odense Kommune: Bofællesskabet Søhuset (Modtaget)");
    expect(await page.locator("#offentliggoer-ja").isDisabled()).toBe(true);
    expect(await axeOvertraedelser(page)).toEqual([]);

    await page.click("#offentliggoer-nej");
    expect(await page.locator("#offentliggoer-dialog").getAttribute("open")).toBeNull();
    expect((await (await page.request.get(`${url}/api/v1/offentliggoerelse`)).json()).offentliggjorte).toEqual([]);

    await page.click("#offentliggoer");
    await page.waitForSelector("#offentliggoer-dialog[open] #offentliggoer-bekraeft");
    await page.check("#offentliggoer-bekraeft");
    expect(await page.locator("#offentliggoer-ja").isDisabled()).toBe(false);
    await page.click("#offentliggoer-ja");
    await page.waitForSelector("#offentliggjort");
    expect((await (await page.request.get(`${url}/api/v1/offentliggoerelse`)).json()).offentliggjorte.map((x: { takstaar: number }) => x.takstaar)).toEqual([AAR]);
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
  });

  it("a region's list of skemaer (above DIREKTE) shows the deadline and counts at once, and draws its per-tilbud table and the list only when opened", async () => {
    const mange = Array.from({ length: DIREKTE + 10 }, (_, i) => ({ driftsherre: "Vejle Kommune", tilbud: `Tilbud ${String(i + 1).padStart(3, "0")}` }));
    const put = await app.inject({ method: "PUT", url: `/api/v1/forventede?takstaar=${AAR}`, headers: { ...bearer(sek), "content-type": "application/json" }, payload: JSON.stringify({ forventede: mange }) });
    expect(put.statusCode).toBe(200);
    await page.reload();
    await page.waitForSelector("#forventede-detaljer");
    const svar = (await app.inject({ method: "GET", url: `/api/v1/forventede?takstaar=${AAR}`, headers: bearer(sek) })).json() as { antal: { forventede: number; mangler: number }; skemaer: unknown[] };
    expect(svar.antal.forventede).toBe(DIREKTE + 10);
    expect(norm(await page.locator("#forventede-antal").innerText())).toContain(`${DIREKTE + 10} forventede skemaer, 1 indsendt, ${svar.antal.mangler} mangler`);
    // Drawn at once, the table and the textarea (a row and a line per skema) were laid out while the overview had just become usable.
    expect(await page.locator("#forventede-tabel, #forventede-liste").count()).toBe(0);
    await page.click("#forventede-detaljer summary");
    await page.waitForSelector("#forventede-tabel");
    expect(await page.locator("#forventede-tabel tbody tr").count()).toBe(svar.skemaer.length);
    expect((await page.locator("#forventede-liste").inputValue()).split("\n")).toHaveLength(DIREKTE + 10);
    expect(o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
  });
});
