import "../server/jestCookie";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { logIndMedToken, overvaagSide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { AAR, PLAN } from "./saed";
import { saaTjeneste, startTjeneste, type Tjeneste } from "./tjeneste";
import { lytLokalt } from "../helpers/lyt";

/**
 * Issue 14, acceptance 2: the dialogue end to end in headless Chromium against the real service
 * (seeded through its API): the secretariat asks on the overview page, the municipality answers
 * in the task pane (fake Excel host) and on its own overview page, withdraws a takst in the
 * pane, and the secretariat approves. Every non-loopback request is refused.
 */

const ROD = join(__dirname, "..", "..");
const DIST = join(ROD, "dist");
const FAKEHOST = join(ROD, "tests", "fakehost", "office.js");
const ARTEFAKTER = join(ROD, "tests", "artifacts");
const BILLEDER = join(ROD, "docs", "billeder");
const AARHUS = "Aarhus Kommune";
const SPOERGSMAAL = "Aflastningen stiger 17,6 % ud over PL. Hvad skyldes stigningen?";
const SVAR_RUDE = "Ny nattevagt fra 1. januar efter tilsynets påbud.";
const SVAR_SIDE = "Vi sender budgettet for nattevagten i morgen.";
/** Bostedet Åen is one submission with this many ydelser in the current year (tests/oversigt/saed.ts). */
const AAEN_2021 = PLAN.filter((p) => p.tilbud === "Bostedet Åen" && p.t2021 !== null).length;

const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();

const medChromium = medBrowser();

medChromium("the dialogue: secretariat asks, municipality answers (pane and page), secretariat approves", () => {
  let t: Tjeneste;
  let url: string;
  let browser: Browser;
  let sek: Page;
  let rude: Page;
  let kommune: Page;
  const konsolFejl: { tekst: string; url: string }[] = [];
  const sideFejl: string[] = [];
  const afviste: string[] = [];

  const tekst = async (p: Page, selector: string) => norm(await p.locator(selector).innerText());
  const aflastning = (p: Page) => p.locator("#raekker tr[data-id]", { hasText: "Bostedet Åen" }).filter({ hasText: "Aflastning" });

  async function logInd(p: Page, token: string): Promise<void> {
    await logIndMedToken(p, `${url}/oversigt`, token);
    await p.waitForSelector("#oversigt:not([hidden])");
  }

  async function aabnAflastning(p: Page): Promise<void> {
    await aflastning(p).locator("th button").click();
    await p.waitForSelector("#detalje[open]");
    await p.waitForFunction(() => document.getElementById("detalje-titel")?.textContent === "Bostedet Åen – Aflastning");
  }

  beforeAll(async () => {
    for (const f of ["oversigt.html", "taskpane.html"]) {
      if (!existsSync(join(DIST, f))) throw new Error(`dist/${f} findes ikke. Byg først: npm run build (npm test gør det selv).`);
    }
    t = await startTjeneste(DIST);
    await saaTjeneste(t);
    url = await lytLokalt(t.app);
    browser = await startChromium();
    const stor = { viewport: { width: 1280, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" };
    sek = await (await browser.newContext(stor)).newPage();
    kommune = await (await browser.newContext(stor)).newPage();
    rude = await (await browser.newContext({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 2, locale: "da-DK", timezoneId: "Europe/Copenhagen" })).newPage();
    for (const p of [sek, kommune]) await overvaagSide(p, { konsolFejl, sideFejl, afviste });
    await overvaagSide(rude, { konsolFejl, sideFejl, afviste }, async (route, u) => {
      if (u.pathname.endsWith("/office.js") && u.hostname === "appsforoffice.microsoft.com") {
        await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: readFileSync(FAKEHOST, "utf8") });
        return true;
      }
      return false;
    });
    mkdirSync(ARTEFAKTER, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("the secretariat asks a question from the detail view", async () => {
    await logInd(sek, t.sekretariat);
    await aabnAflastning(sek);
    expect(await tekst(sek, "#detalje-indhold dl")).toMatch(/Kvitteringsnummer MIDT-2021-\d{4} Status • Modtaget/);
    expect(await tekst(sek, "#dialog-tom")).toBe("Ingen bemærkninger endnu.");
    // A question needs its text.
    await sek.click('button[data-handling="i_dialog"]');
    expect(await tekst(sek, "#dialog-fejl")).toBe("Skriv teksten først.");
    await sek.fill("#dialog-tekst", SPOERGSMAAL);
    await sek.click('button[data-handling="i_dialog"]');
    await sek.waitForFunction(() => document.getElementById("status")?.textContent === "Spørgsmålet er sendt.");
    expect(await tekst(sek, "#dialog-liste")).toBe(`Sekretariatet (Rammeaftalesekretariatet) spurgte · ${await tidAf(sek, 0)} · version 1 ${SPOERGSMAAL}`);
    await sek.click("#detalje-luk");
    expect(norm(await aflastning(sek).locator("td").nth(6).innerText())).toMatch(/^\? I dialog ⚠ 1 advarsel/);
    // The status is the submission's: all three ydelser of Bostedet Åen are in dialogue (issue 12),
    // and the key figure counts the one skema, not its ydelser (issue 20).
    expect(await tekst(sek, '[data-noegle="sag-i_dialog"] .tal')).toBe("1");
  });

  it("the municipality sees it in the task pane and answers there", async () => {
    await rude.goto(`${url}/taskpane.html`);
    await rude.waitForFunction(() => /Klar/.test(document.getElementById("status")?.textContent ?? ""));
    await rude.evaluate(() => ((document.getElementById("indstillinger") as HTMLDetailsElement).open = true));
    await rude.fill("#ind-url", url);
    await rude.fill("#ind-token", t.kommune.get(AARHUS)!);
    await rude.click("#ind-gem");
    await rude.evaluate(() => ((document.getElementById("indstillinger") as HTMLDetailsElement).open = false));

    await rude.click("#mine-hent");
    // The list shows before the status line: the pane asks for the objective financing in between.
    await rude.waitForFunction(() => /hentet/.test(document.getElementById("status")?.textContent ?? ""));
    const egne = PLAN.filter((p) => p.driftsherre === AARHUS);
    // Both takstår: each takst once, with its current version.
    // One per tilbud and takstår (a submission carries all its ydelser).
    const tilbud = (aar: "t2020" | "t2021") => new Set(egne.filter((p) => p[aar] !== null).map((p) => p.tilbud)).size;
    expect(await rude.locator("#mine-liste button.mine-takst").count()).toBe(tilbud("t2020") + tilbud("t2021"));
    expect(await tekst(rude, "#status")).toMatch(/takster hentet, 1 i dialog med sekretariatet\.$/);
    const knap = rude.locator("#mine-liste button.mine-takst", { hasText: new RegExp(`Bostedet Åen – .*Aflastning.* \\(${AAR}\\)`) });
    expect(norm(await knap.innerText())).toMatch(/I dialog – sekretariatet har et spørgsmål MIDT-2021-\d{4} · version 1$/);
    await knap.click();
    await rude.waitForSelector("#mine-detalje:not([hidden])");
    expect(norm(await rude.locator("#mine-dialog").innerText())).toMatch(new RegExp(`^Sekretariatet \\(Rammeaftalesekretariatet\\) spurgte · .* ${SPOERGSMAAL.replace(/[.?()]/g, "\\$&")}$`));
    await rude.fill("#mine-tekst", SVAR_RUDE);
    await rude.click("#mine-svar");
    await rude.waitForFunction(() => document.getElementById("status")?.textContent === "Dit svar er sendt til sekretariatet.");
    const poster = (await rude.locator("#mine-dialog li").allInnerTexts()).map(norm);
    expect(poster).toHaveLength(2);
    expect(poster[1]).toMatch(new RegExp(`^${AARHUS} skrev · .* ${SVAR_RUDE}$`));
    await rude.locator("#mine").screenshot({ path: join(ARTEFAKTER, "opgaverude-mine.png") });
  });

  it("the municipality withdraws a takst in the pane, only with a reason", async () => {
    await rude.locator("#mine-liste button.mine-takst", { hasText: `Kildehuset – Beskyttet beskæftigelse (${AAR})` }).click();
    await rude.waitForFunction(() => /Kildehuset/.test(document.getElementById("mine-detalje-titel")?.textContent ?? ""));
    await rude.click("#mine-traek");
    expect(await tekst(rude, "#mine-form-fejl")).toBe("Skriv hvorfor indberetningen trækkes tilbage.");
    await rude.fill("#mine-tekst", "Tilbuddet er lagt sammen med Skovvang.");
    await rude.click("#mine-traek");
    await rude.click("#mine-traek-ja"); // the pane asks first (issue 20)
    await rude.waitForFunction(() => document.getElementById("status")?.textContent === "Indberetningen er trukket tilbage.");
    expect(norm(await rude.locator("#mine-detalje").innerText())).toMatch(/Status: Trukket tilbage/);
    expect(await rude.locator("#mine-traek").count()).toBe(0);
  });

  it("the municipality's own page: its submissions only, no export, the dialogue, and another answer", async () => {
    await logInd(kommune, t.kommune.get(AARHUS)!);
    expect(await tekst(kommune, "#h1")).toBe(`Mine indberetninger – ${AARHUS}`);
    expect(await kommune.title()).toBe(`Mine indberetninger – ${AARHUS}`);
    expect(await kommune.locator("#hent-xlsx").isVisible()).toBe(false);
    const driftsherrer = new Set((await kommune.locator("#raekker tr[data-id] td:first-child").allInnerTexts()).map(norm));
    expect([...driftsherrer]).toEqual([AARHUS]);
    // Kildehuset is withdrawn: not current, listed apart.
    expect(await kommune.locator("#raekker tr[data-id]").count()).toBe(PLAN.filter((p) => p.driftsherre === AARHUS && p.t2021 !== null).length - 1);
    expect(await tekst(kommune, "#tilbagetrukne")).toMatch(/^Aarhus Kommune: Kildehuset – Beskyttet beskæftigelse, version 1 \(MIDT-2021-\d{4}\) Vis$/);
    await kommune.screenshot({ path: join(ARTEFAKTER, "oversigt-kommune.png"), fullPage: true });
    await aabnAflastning(kommune);
    expect((await kommune.locator("#dialog-liste li").allInnerTexts()).map(norm)).toEqual([
      expect.stringMatching(/^Sekretariatet \(Rammeaftalesekretariatet\) spurgte/),
      expect.stringMatching(new RegExp(`^${AARHUS} skrev .* ${SVAR_RUDE}$`)),
    ]);
    // A municipality has no approve or ask.
    expect(await kommune.locator('button[data-handling="godkendt"], button[data-handling="i_dialog"]').count()).toBe(0);
    await kommune.fill("#dialog-tekst", SVAR_SIDE);
    await kommune.click('button[data-handling="bemaerkning"]');
    await kommune.waitForFunction(() => document.getElementById("status")?.textContent === "Bemærkningen er sendt.");
    expect(await kommune.locator("#dialog-liste li").count()).toBe(3);
  });

  it("the secretariat sees the answers and approves; Godkendt is distinct from the validation's result", async () => {
    await sek.reload(); // the token is kept in this tab, so the page fetches again
    await sek.waitForFunction(() => document.querySelectorAll("#raekker tr[data-id]").length > 0);
    expect(await tekst(sek, '[data-noegle="sag-tilbagetrukket"] .tal')).toBe("1");
    await aabnAflastning(sek);
    expect((await sek.locator("#dialog-liste li").allInnerTexts()).map(norm)).toEqual([
      expect.stringMatching(/^Sekretariatet .* spurgte/),
      expect.stringMatching(new RegExp(`${SVAR_RUDE}$`)),
      expect.stringMatching(new RegExp(`${SVAR_SIDE}$`)),
    ]);
    await sek.fill("#dialog-tekst", "Tak – godkendt med den nye nattevagt.");
    await sek.click('button[data-handling="godkendt"]');
    await sek.waitForFunction(() => document.getElementById("status")?.textContent === "Indberetningen er godkendt.");
    expect(await tekst(sek, "#detalje-indhold dl")).toMatch(/Status ✔ Godkendt af sekretariatet/);
    expect(await sek.locator('button[data-handling="godkendt"]').count()).toBe(0);
    await sek.screenshot({ path: join(ARTEFAKTER, "oversigt-dialog.png") });
    await sek.click("#detalje-luk");
    // The row: the secretariat's approval, and the validation's warning still shown as such.
    expect(norm(await aflastning(sek).locator("td").nth(6).innerText())).toMatch(/^✔ Godkendt af sekretariatet ⚠ 1 advarsel TS050/);
    expect(await tekst(sek, '[data-noegle="sag-godkendt"] .tal')).toBe("1"); // one skema (issue 20)
    await sek.selectOption("#filter-status", "sag:godkendt");
    expect(await sek.locator("#raekker tr[data-id]").count()).toBe(AAEN_2021);
    await sek.selectOption("#filter-status", "godkendt");
    expect(await sek.locator("#raekker tr[data-id]", { hasText: "Bostedet Åen" }).filter({ hasText: "Aflastning" }).count()).toBe(0);
    await sek.selectOption("#filter-status", "");
  });

  it("the pane shows the approval after a refresh", async () => {
    await rude.click("#mine-hent");
    await rude.waitForFunction(() => /Godkendt af sekretariatet/.test(document.getElementById("mine-liste")?.textContent ?? ""));
    expect(norm(await rude.locator("#mine-liste button.mine-takst", { hasText: new RegExp(`Bostedet Åen – .*Aflastning.* \\(${AAR}\\)`) }).innerText())).toMatch(/Godkendt af sekretariatet/);
    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(BILLEDER, { recursive: true });
      for (const f of ["opgaverude-mine.png", "oversigt-kommune.png", "oversigt-dialog.png"]) copyFileSync(join(ARTEFAKTER, f), join(BILLEDER, f));
    }
  });

  it("no page errors, no request off loopback, no console errors", () => {
    expect(sideFejl).toEqual([]);
    expect(afviste).toEqual([]);
    expect(konsolFejl).toEqual([]);
  });
});

/** The n-th dialogue entry's time as the page prints it (da-DK short). */
async function tidAf(p: Page, n: number): Promise<string> {
  const tekst = norm(await p.locator("#dialog-liste li").nth(n).locator(".post-hoved .svag").innerText());
  return tekst.replace(/^· /, "").replace(/ · version \d+$/, "");
}
