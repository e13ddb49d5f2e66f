import "../server/jestCookie";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { tilknyt } from "../../src/server/login/tilknytning";
import { startChromium } from "../helpers/browser";
import { lytLokalt } from "../helpers/lyt";
import { medBrowser } from "../helpers/miljoe";
import { KLIENT_ID, type OidcUdbyder, reserverOidcUdbyder } from "../helpers/oidcUdbyder";
import { saaTjeneste, startTjeneste, type Tjeneste } from "../oversigt/tjeneste";

/**
 * Issue 25, acceptance 2: personal login with a real OpenID provider (oidc-provider on
 * loopback) in headless Chromium. Aarhus's user has role and driftsherre as claims, Randers's
 * and the secretariat's come from the secretariat's mapping table. Office's dialog is the fake
 * host's (tests/fakehost/office.js): a real window that navigates through the provider.
 */

const ROD = join(__dirname, "..", "..");
const DIST = join(ROD, "dist");
const FAKEHOST = join(ROD, "tests", "fakehost", "office.js");
const norm = (s: string) => s.replace(/\s+/g, " ").trim();

medBrowser()("personal login with OpenID Connect on the overview page and in the pane", () => {
  let udbyder: OidcUdbyder;
  let t: Tjeneste;
  let url: string;
  let browser: Browser;
  const sideFejl: string[] = [];

  /** The provider's development login form and its consent, as a person would click through them. */
  async function gennemUdbyder(p: Page, login: string): Promise<void> {
    await p.waitForSelector('input[name="login"]');
    await p.fill('input[name="login"]', login);
    await p.fill('input[name="password"]', "hvad-som-helst");
    await p.click('button[type="submit"]');
    // Consent: the provider asks once per person and client. The pane's dialog closes itself at the end.
    const aaben = () => !p.isClosed() && p.url().startsWith(udbyder.issuer);
    try {
      await p.waitForLoadState();
      while (aaben()) {
        await p.click('button[type="submit"]');
        await p.waitForLoadState();
      }
    } catch (e) {
      if (!p.isClosed()) throw e;
    }
  }

  async function nyKontekst(): Promise<BrowserContext> {
    const c = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
    await c.route("**/*", async (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === "appsforoffice.microsoft.com" && u.pathname.endsWith("/office.js")) {
        return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(FAKEHOST, "utf8") });
      }
      if (u.hostname === "127.0.0.1" || u.hostname === "localhost") return route.continue();
      return route.abort("blockedbyclient");
    });
    c.on("page", (p) => p.on("pageerror", (e) => sideFejl.push(String(e))));
    return c;
  }

  async function logIndPaaOversigten(login: string): Promise<Page> {
    const p = await (await nyKontekst()).newPage();
    await p.goto(`${url}/oversigt`);
    await p.click("#log-ind-personligt");
    await gennemUdbyder(p, login);
    await p.waitForSelector("#oversigt:not([hidden])");
    return p;
  }

  const driftsherrerPaaSiden = (p: Page) => p.$$eval("#raekker tr[data-id]", (rs) => [...new Set(rs.map((r) => r.querySelector("td")?.textContent?.trim() ?? ""))]);

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke. Byg først: npm run build.");
    udbyder = await reserverOidcUdbyder([
      { sub: "anne", name: "Anne Aarhus", email: "anne@aarhus.dk", takst_rolle: "kommune", takst_driftsherre: "Aarhus Kommune" },
      { sub: "rasmus", name: "Rasmus Randers", email: "rasmus@randers.dk" },
      { sub: "sara", name: "Sara Sekretær", email: "Sara@Sekretariatet.dk" },
    ]);
    t = await startTjeneste(DIST, undefined, {
      oidc: { issuer: udbyder.issuer, clientId: KLIENT_ID, scope: "openid profile email takst", rolleClaim: "takst_rolle", driftsherreClaim: "takst_driftsherre", sessionMs: 3_600_000 },
    });
    await saaTjeneste(t);
    // The mapping table: Randers's user by subject, the secretariat's by e-mail (any case).
    await tilknyt(t.db, { bruger: "rasmus", rolle: "kommune", driftsherre: "Randers Kommune", navn: null });
    await tilknyt(t.db, { bruger: "sara@sekretariatet.dk", rolle: "sekretariat", driftsherre: null, navn: null });
    url = (await lytLokalt(t.app)).replace("127.0.0.1", "localhost");
    udbyder.start([`${url}/login/callback`]);
    browser = await startChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await udbyder?.stop();
  });

  it("a municipality's user with claims logs in on the overview page and sees only its own; the cookie is HttpOnly, Secure and SameSite=Lax", async () => {
    const p = await logIndPaaOversigten("anne");
    expect(await p.textContent("#h1")).toBe("Mine indberetninger – Aarhus Kommune");
    expect(await driftsherrerPaaSiden(p)).toEqual(["Aarhus Kommune"]);
    const cookie = (await p.context().cookies(url)).find((c) => c.name === "takst_session");
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax" });
    // Log out: the session ends at the service, so the same cookie no longer opens anything.
    await p.click("#log-ud");
    await p.waitForSelector("#login:not([hidden])");
    const r = await t.app.inject({ url: "/api/v1/oversigt", headers: { cookie: `takst_session=${cookie!.value}` } });
    expect(r.statusCode).toBe(401);
  });

  it("a municipality's user from the mapping table sees only Randers", async () => {
    const p = await logIndPaaOversigten("rasmus");
    expect(await p.textContent("#h1")).toBe("Mine indberetninger – Randers Kommune");
    expect(await driftsherrerPaaSiden(p)).toEqual(["Randers Kommune"]);
  });

  it("the secretariat's user logs in, sees every driftsherre and approves a submission; the dialogue and the audit trail name both persons", async () => {
    // Randers's user writes a remark on Randershus with his session (the page's own fetch, same origin).
    const r = await logIndPaaOversigten("rasmus");
    const id = await r.locator("#raekker tr[data-id]", { hasText: "Randershus" }).first().getAttribute("data-id");
    const svar = await r.evaluate(async (sti) => (await fetch(sti, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tekst: "Lønnen stiger med overenskomsten." }) })).status, `/api/v1/indberetninger/${id}/bemaerkninger`);
    expect(svar).toBe(201);
    const p = await logIndPaaOversigten("sara");
    expect(await p.textContent("#h1")).toBe("Takstoversigt");
    expect((await driftsherrerPaaSiden(p)).length).toBeGreaterThan(1);
    await p.locator("#raekker tr[data-id]", { hasText: "Randershus" }).locator("th button").click();
    await p.waitForSelector("#detalje[open]");
    await p.click('button[data-handling="godkendt"]');
    await p.waitForFunction(() => document.getElementById("status")?.textContent === "Indberetningen er godkendt.");
    expect(norm(await p.innerText("#detalje"))).toContain("Sekretariatet (Sara Sekretær)");
    const raekke = (await t.db.query<{ status: string; art: string; beskrivelse: string }>(
      "SELECT i.status, t.art, t.beskrivelse FROM indberetninger i JOIN dialog d ON d.indberetning_id = i.id JOIN tokens t ON t.id = d.token_id WHERE i.tilbud = 'Randershus' AND d.art = 'status'",
    ))[0];
    expect(raekke).toEqual({ status: "godkendt", art: "person", beskrivelse: "Sara Sekretær" });
    // The audit trail (secretariat) names the municipality's person and the secretariat's person.
    const spor = await p.evaluate(async () => (await fetch("/api/v1/revisionsspor?driftsherre=Randers%20Kommune")).json()) as { poster: { handling: string; hvem: { art: string; navn: string | null } }[] };
    const personer = spor.poster.filter((x) => x.hvem.art === "person").map((x) => [x.handling, x.hvem.navn]);
    expect(personer).toEqual(expect.arrayContaining([["bemaerkning", "Rasmus Randers"], ["status", "Sara Sekretær"]]));
  });

  it("a forged or expired session cookie gets 401, and the page asks to log in again", async () => {
    const p = await logIndPaaOversigten("anne");
    const cookie = (await p.context().cookies(url)).find((c) => c.name === "takst_session")!;
    const forfalsket = `${cookie.value.slice(0, -1)}${cookie.value.endsWith("A") ? "B" : "A"}`;
    expect((await t.app.inject({ url: "/api/v1/oversigt", headers: { cookie: `takst_session=${forfalsket}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/v1/oversigt", headers: { cookie: `takst_session=${cookie.value}` } })).statusCode).toBe(200);
    await t.db.query("UPDATE sessioner SET udloeber = now() - interval '1 second'");
    expect((await t.app.inject({ url: "/api/v1/oversigt", headers: { cookie: `takst_session=${cookie.value}` } })).statusCode).toBe(401);
    await p.reload();
    await p.waitForSelector("#login:not([hidden])");
    // The link is shown when the page's /api/v1/session answer arrives, which may be after the form.
    await p.waitForSelector("#log-ind-personligt", { state: "visible" });
    expect(await p.isVisible("#log-ind-personligt")).toBe(true);
  });

  it("the pane logs in through the fake host's dialog, and says in Danish when the dialog is blocked", async () => {
    const c = await nyKontekst();
    const rude = await c.newPage();
    await rude.goto(`${url}/taskpane.html`);
    await rude.waitForFunction(() => /Klar/.test(document.getElementById("status")?.textContent ?? ""));
    await rude.evaluate(() => ((document.getElementById("indstillinger") as HTMLDetailsElement).open = true));

    await rude.evaluate(() => ((globalThis as unknown as { __fakeHost: { dialogFejl: number } }).__fakeHost.dialogFejl = 12011));
    await rude.click("#ind-log-ind");
    await rude.waitForSelector("#ind-login-besked:not([hidden])");
    expect(await rude.textContent("#ind-login-besked")).toBe("Browseren blokerede login-vinduet (pop op-blokering). Tillad pop op-vinduer for Excel på nettet. Du kan i stedet skrive et token i feltet ovenfor.");

    const [dialog] = await Promise.all([c.waitForEvent("page"), rude.click("#ind-log-ind")]);
    await gennemUdbyder(dialog, "anne");
    await rude.waitForFunction(() => document.getElementById("status")?.textContent === "Du er logget ind med din personlige bruger.");
    expect(await rude.evaluate(() => (globalThis as unknown as { __fakeHost: { dialoger: string[] } }).__fakeHost.dialoger)).toEqual([`${url}/login?rude=1`]);
    const token = await rude.inputValue("#ind-token");
    expect(token).toMatch(/^tss_/);
    const r = await t.app.inject({ url: "/api/v1/oversigt", headers: { authorization: `Bearer ${token}` } });
    expect(r.statusCode).toBe(200);
    expect((r.json() as { bruger: { driftsherre: string } }).bruger.driftsherre).toBe("Aarhus Kommune");
    expect(sideFejl).toEqual([]);
  });
});
