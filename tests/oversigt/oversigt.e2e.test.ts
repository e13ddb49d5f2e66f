import "../server/jestCookie";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { celleFor } from "../../src/takstskema";
import { overvaagSide, startChromium } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { AAR, CENTER, erUdsving, FORRIGE, forventedeAdvarsler, forventet, PLAN, udviklingTekst } from "./saed";
import { saaTjeneste, startTjeneste, type Tjeneste } from "./tjeneste";
import { lytLokalt } from "../helpers/lyt";

/**
 * Issue 7, acceptance 1 and 2: the secretariat's overview page (dist/oversigt.html, built by
 * webpack) in headless Chromium against the real service, started here on loopback with an
 * embedded database and seeded through the real submission API (57 submissions, 2020 and 2021).
 * Every non-loopback request is refused.
 */

const ROD = join(__dirname, "..", "..");
const DIST = join(ROD, "dist");
const ARTEFAKTER = join(ROD, "tests", "artifacts");
const BILLEDER = join(ROD, "docs", "billeder");

/** Text as a reader sees it: any run of white space (no-break too) as one space, the typographic minus as "-". */
const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();

const medChromium = medBrowser();

medChromium("secretariat overview page in Chromium against the real service", () => {
  let t: Tjeneste;
  let url: string;
  let browser: Browser;
  let page: Page;
  const f = forventet();
  const konsolFejl: { tekst: string; url: string }[] = [];
  const sideFejl: string[] = [];
  const afvisteAnmodninger: string[] = [];

  const tekst = async (selector: string) => norm(await page.locator(selector).innerText());
  const raekker = () => page.locator("#raekker tr[data-id]");
  const noegletal = async (n: string) => tekst(`[data-noegle="${n}"] .tal`);

  async function logInd(token: string): Promise<void> {
    await page.fill("#token", token);
    await page.press("#token", "Enter");
  }

  beforeAll(async () => {
    if (!existsSync(join(DIST, "oversigt.html"))) {
      throw new Error("dist/oversigt.html findes ikke. Byg siden først: npm run build (npm test gør det selv).");
    }
    t = await startTjeneste(DIST);
    await saaTjeneste(t);
    url = await lytLokalt(t.app);

    browser = await startChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen", acceptDownloads: true });
    page = await context.newPage();
    await overvaagSide(page, { konsolFejl, sideFejl, afviste: afvisteAnmodninger });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("a wrong token is refused in Danish (a municipality's own view: tests/oversigt/dialog.e2e.test.ts)", async () => {
    await page.goto(`${url}/oversigt`);
    expect(await page.title()).toBe("Takstoversigt – sekretariatet");
    expect(await page.locator("#token").getAttribute("type")).toBe("password");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("token");

    await logInd(`${t.sekretariat.slice(0, -4)}AAAA`);
    await page.waitForFunction(() => /ikke godkendt/.test(document.getElementById("login-fejl")?.textContent ?? ""));
    expect(await tekst("#login-fejl")).toBe("Tokenet blev ikke godkendt: det mangler, er forkert eller er tilbagekaldt.");
    expect(await page.locator("#oversigt").isHidden()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it("the secretariat's token shows the counts the seed planted", async () => {
    await logInd(t.sekretariat);
    await page.waitForSelector("#oversigt:not([hidden])");
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, f.takster);
    // Kept for this tab only, never in localStorage.
    expect(await page.evaluate(() => [sessionStorage.length, localStorage.length])).toEqual([1, 0]);

    expect(await tekst("#vist-aar")).toBe(String(AAR));
    expect(await noegletal("indberetninger")).toBe(String(f.indberetninger));
    expect(await noegletal("godkendt")).toBe(String(f.godkendt));
    expect(await noegletal("advarsler")).toBe(String(f.medAdvarsler));
    expect(await noegletal("udsving")).toBe(String(f.udsving));
    expect(await noegletal("driftsherrer")).toBe(String(f.driftsherrer));
    expect(await noegletal("mangler")).toBe(String(f.manglendeDriftsherrer.length));
    expect(await tekst("#status")).toBe(
      `Takstår ${AAR}: ${f.indberetninger} aktuelle indberetninger, ${f.medAdvarsler} med advarsler, ${f.udsving} med udsving over ±5 %, ${f.manglendeDriftsherrer.length} manglende driftsherre; 0 godkendt af sekretariatet, 0 i dialog.`,
    );
    expect(await noegletal("sag-modtaget")).toBe(String(f.indberetninger));
    expect(await tekst("#viser")).toBe(`Viser ${f.takster} af ${f.takster} takster.`);
    expect(await page.locator("#raekker tr.med-advarsler").count()).toBe(f.taksterMedAdvarsler);
  });

  it("each row: takst, last year, PL, takstudvikling with outliers marked in text, status and warnings", async () => {
    for (const p of PLAN.filter((x) => x.t2021 !== null)) {
      const r = page.locator("#raekker tr[data-id]", { has: page.locator("th button", { hasText: new RegExp(`^${p.tilbud}$`) }) }).filter({ hasText: p.ydelse });
      expect(await r.count()).toBe(1);
      const celler = (await r.locator("td, th").allInnerTexts()).map(norm);
      expect(celler[0]).toBe(p.driftsherre);
      expect(celler[3]).toBe(`${p.t2021!.toLocaleString("da-DK")} kr. pr. ${p.enhed}`);
      expect(celler[4]).toBe(p.t2020 === null ? "–" : `${p.t2020.toLocaleString("da-DK")} kr.`);
      expect(celler[5]).toBe("2,0 %");
      if (p.t2020 === null) expect(celler[6]).toBe("– ny takst");
      else if (erUdsving(p.t2021!, p.t2020)) expect(celler[6]).toBe(`⚠ ${udviklingTekst(p.t2021!, p.t2020)} ${p.t2021! > p.t2020 ? "over +5 %" : "under -5 %"}`);
      else expect(celler[6]).toBe(udviklingTekst(p.t2021!, p.t2020));
      const koder = forventedeAdvarsler(p, p.t2021!);
      // The secretariat's status (nothing handled yet) apart from the validation's result.
      if (koder.length === 0) expect(celler[7]).toBe("• Modtaget ✓ Ingen advarsler");
      else {
        expect(celler[7]).toMatch(new RegExp(`^• Modtaget ⚠ ${koder.length} ${koder.length === 1 ? "advarsel" : "advarsler"} TS`));
        for (const k of koder) expect(celler[7]).toContain(k);
      }
      const versioner = 1 + (p.tidligere ?? []).length;
      expect(celler[8]).toBe(versioner > 1 ? `${versioner} af ${versioner}` : "1");
    }
    expect(await page.locator("#raekker td.udsving").count()).toBe(f.taksterMedUdsving);
  });

  it("the chart: sorted bars per tilbud, outliers beyond ±5 % highlighted with a text marker", async () => {
    const soejler = page.locator("#graf svg g.soejle");
    expect(await soejler.count()).toBe(f.tilbudMedUdvikling);
    const udsving = page.locator("#graf svg g.soejle.udsving");
    expect(await udsving.count()).toBe(f.tilbudMedUdsving.length);
    const navne = (await udsving.locator("title").allTextContents()).map((s) => s.split(":")[0]!).sort();
    expect(navne).toEqual(f.tilbudMedUdsving);
    for (const v of await udsving.locator(".vaerdi").allTextContents()) expect(v.startsWith("⚠ ")).toBe(true);
    for (const v of await page.locator("#graf svg g.soejle:not(.udsving) .vaerdi").allTextContents()) expect(v).not.toContain("⚠");
    const tal = (await soejler.locator(".vaerdi").allTextContents()).map((s) => Number(norm(s).replace(/[⚠ %+]/g, "").replace(",", ".")));
    expect(tal).toEqual([...tal].sort((a, b) => b - a));
    expect(tal[0]).toBe(11.3); // Bostedet Åen: mean of +5,0 % and +17,6 %
    expect(await page.locator("#graf svg").getAttribute("role")).toBe("img");
    expect(norm(await page.locator("#graf svg desc").textContent() ?? "")).toMatch(new RegExp(`^${f.tilbudMedUdvikling} tilbud\\. ${f.tilbudMedUdsving.length} med udsving over ±5 %`));
  });

  it("the missing submissions: Skive Kommune as a whole, and Herning's one takst", async () => {
    const skive = page.locator("#mangler li.mangel.hel");
    expect(await skive.count()).toBe(f.manglendeDriftsherrer.length);
    expect(await skive.getAttribute("data-driftsherre")).toBe("Skive Kommune");
    const t0 = norm(await skive.innerText());
    expect(t0).toMatch(new RegExp(`Skive Kommune har ikke indberettet for ${AAR}\\. I ${FORRIGE} indberettede de 4 takster:`));
    for (const p of PLAN.filter((x) => x.driftsherre === "Skive Kommune")) expect(t0).toContain(`${p.tilbud} – ${p.ydelse} (${p.t2020!.toLocaleString("da-DK")} kr. i ${FORRIGE})`);
    expect(norm(await page.locator('#mangler li.mangel[data-driftsherre="Herning Kommune"]').innerText())).toMatch(/Herning Kommune: 1 takst fra 2020 er ikke indberettet for 2021 .*Lind – Aflastning \(1\.650 kr\. i 2020\)/s);

    mkdirSync(ARTEFAKTER, { recursive: true });
    await page.evaluate(() => document.querySelectorAll(".graf-ramme, .tabel-ramme").forEach((e) => e.scrollTo(0, 0)));
    await page.screenshot({ path: join(ARTEFAKTER, "oversigt.png"), fullPage: true });
  });

  it("search and filters narrow table and chart; all operable from the keyboard", async () => {
    await page.selectOption("#filter-status", "advarsler");
    expect(await raekker().count()).toBe(f.taksterMedAdvarsler);
    await page.selectOption("#filter-status", "udsving");
    expect(await raekker().count()).toBe(f.taksterMedUdsving);
    expect(await page.locator("#graf svg g.soejle").count()).toBe(f.tilbudMedUdsving.length);
    await page.selectOption("#filter-status", "versioner");
    expect(await raekker().count()).toBe(f.genindsendte);
    await page.selectOption("#filter-status", "");

    await page.selectOption("#filter-driftsherre", "Randers Kommune");
    expect(await raekker().count()).toBe(PLAN.filter((p) => p.driftsherre === "Randers Kommune" && p.t2021 !== null).length);
    expect(await tekst("#viser")).toBe(`Viser 4 af ${f.takster} takster.`);
    await page.click("#nulstil");
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, f.takster);

    // Keyboard only: Tab into the search box, type a rule code.
    await page.focus("#filter-status");
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("soeg");
    await page.keyboard.type("TS012");
    const ts012 = PLAN.filter((p) => p.t2021 !== null && forventedeAdvarsler(p, p.t2021).includes("TS012")).length;
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, ts012);
    await page.fill("#soeg", "");
    // The table is windowed (vindue.ts): with the page scrolled to the search box only the rows in
    // view are drawn, so the full list is read from the count the page states.
    await page.waitForFunction((n) => document.getElementById("viser")?.textContent === `Viser ${n} af ${n} takster.`, f.takster);

    // Sorting by takstudvikling puts the largest increase first and says so (aria-sort).
    await page.click('th[data-sort="takstudvikling"] button');
    expect(await page.locator('th[data-sort="takstudvikling"]').getAttribute("aria-sort")).toBe("descending");
    expect(await tekst("#raekker tr[data-id]:first-child th")).toBe("Bostedet Åen");
    expect(await tekst("#raekker tr[data-id]:first-child td:nth-of-type(2)")).toBe("Aflastning");
  });

  it("the grouping filters (issue 21): ledelsesområde, målgruppekategori and særlig opmærksomhed, labelled and keyboard operable", async () => {
    const i2021 = PLAN.filter((p) => p.t2021 !== null);
    expect(await page.locator('label[for="filter-ledelsesomraade"]').innerText()).toBe("Ledelsesområde");
    expect(await page.locator("#filter-ledelsesomraade option").allInnerTexts()).toEqual(["Alle", CENTER]);
    await page.selectOption("#filter-ledelsesomraade", CENTER);
    expect((await raekker().locator("th").allInnerTexts()).sort()).toEqual(i2021.filter((p) => p.gruppe?.TS_Ledelsesomraade === CENTER).map((p) => p.tilbud).sort());
    expect(await page.locator("#graf svg g.soejle").count()).toBe(3);
    await page.selectOption("#filter-maalgruppe", "Udviklingshæmmede");
    expect(await raekker().locator("th").allInnerTexts()).toEqual(["Hald Ege"]);
    await page.click("#nulstil");
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, f.takster);
    // Keyboard only: focus the særlig opmærksomhed list and choose "Ja" with the arrow key.
    await page.focus("#filter-saerlig");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.querySelectorAll("#raekker tr[data-id]").length === 1);
    expect(await raekker().locator("th").allInnerTexts()).toEqual(["Birkebo"]);
    await page.click("#nulstil");
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, f.takster);
  });

  it("the detail view (keyboard: Enter on a row) shows findings and version history; Escape returns focus", async () => {
    const p = PLAN.find((x) => x.tilbud === "Højvangen")!;
    const knap = page.locator("#raekker th button", { hasText: "Højvangen" });
    await knap.focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector("#detalje[open]");
    expect(await tekst("#detalje-titel")).toBe("Højvangen – Aflastning");
    const fund = (await page.locator("#detalje-indhold table:first-of-type tbody tr").allInnerTexts()).map(norm);
    expect(fund).toHaveLength(1);
    // Issue 12: on the ydelse row; its cell from the layout (the Stamdata section grew since).
    expect(fund[0]).toMatch(new RegExp(`^TS050 Advarsel TS_Ydelser_Takstudvikling ${celleFor("TS_Ydelser_Takstudvikling", 0)} .*-5,1 %`));
    const versioner = (await page.locator("#versioner tbody tr").allInnerTexts()).map(norm);
    expect(versioner).toHaveLength(2);
    expect(versioner[0]).toMatch(new RegExp(`^2 \\(vist\\) .* ${p.t2021!.toLocaleString("da-DK")} kr\\. 1 `));
    expect(versioner[1]).toMatch(new RegExp(`^1 .* ${p.tidligere![0]!.toLocaleString("da-DK")} kr\\. 1 `));
    expect(norm(await page.locator("#detalje-indhold dl").innerText())).toMatch(/Takstudvikling \(reel\)\s*⚠ -5,1 % – udsving over 5 %/);
    await page.screenshot({ path: join(ARTEFAKTER, "oversigt-detalje.png") });

    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !(document.getElementById("detalje") as HTMLDialogElement).open);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Højvangen");

    // A mouse click anywhere on a row opens it too.
    await page.locator("#raekker tr[data-id]", { hasText: "Nørreåen" }).locator("td").first().click();
    await page.waitForSelector("#detalje[open]");
    expect(await tekst("#detalje-titel")).toBe("Nørreåen – Krisecenter");
    expect(await tekst("#detalje-indhold p.ok")).toBe("✓ Ingen fund: valideringen gav ingen fejl eller advarsler.");
    await page.click("#detalje-luk");
    await page.waitForFunction(() => !(document.getElementById("detalje") as HTMLDialogElement).open);
  });

  it("a submission with three ydelser (issue 12): three rows of one submission, a detail per ydelse with only its own findings", async () => {
    const aaen = PLAN.filter((x) => x.tilbud === "Bostedet Åen");
    const rows = page.locator("#raekker tr[data-id]", { hasText: "Bostedet Åen" });
    expect(await rows.count()).toBe(3);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.id))).size).toBe(1);
    expect((await rows.locator("td:nth-of-type(2)").allInnerTexts()).sort()).toEqual(aaen.map((x) => x.ydelse).sort());

    // The new ydelse: its own takst, no last year, and not the TS050 that belongs to Aflastning's row.
    const ny = aaen.find((x) => x.t2020 === null)!;
    await page.locator(`#raekker tr[data-ydelse="${ny.ydelse}"]`, { hasText: "Bostedet Åen" }).locator("td").first().click();
    await page.waitForSelector("#detalje[open]");
    expect(await tekst("#detalje-titel")).toBe(`Bostedet Åen – ${ny.ydelse}`);
    expect(norm(await page.locator("#detalje-indhold dl").innerText())).toContain(`Takst ${ny.t2021!.toLocaleString("da-DK")} kr. pr. døgn`);
    expect(await tekst("#detalje-indhold p.ok")).toBe("✓ Ingen fund: valideringen gav ingen fejl eller advarsler.");
    const ydelser = (await page.locator("#ydelser tbody tr").allInnerTexts()).map(norm);
    expect(ydelser.map((r) => r.split(" ")[0])).toEqual(aaen.map((x) => x.ydelse.split(" ")[0]));
    expect(await tekst("#ydelser tr[aria-current] th")).toBe(ny.ydelse);
    await page.click("#detalje-luk");
    await page.waitForFunction(() => !(document.getElementById("detalje") as HTMLDialogElement).open);

    // Aflastning's detail has its TS050 (on its own row of the table).
    await page.locator('#raekker tr[data-ydelse="Aflastning"]', { hasText: "Bostedet Åen" }).locator("td").first().click();
    await page.waitForSelector("#detalje[open]");
    expect(await tekst("#detalje-titel")).toBe("Bostedet Åen – Aflastning");
    expect((await page.locator("#detalje-indhold table:first-of-type tbody tr").allInnerTexts()).map(norm)).toEqual([expect.stringMatching(/^TS050 Advarsel TS_Ydelser_Takstudvikling /)]);
    await page.click("#detalje-luk");
    await page.waitForFunction(() => !(document.getElementById("detalje") as HTMLDialogElement).open);
  });

  it("one click downloads the secretariat's export as a valid .xlsx under its own name, not the public file's", async () => {
    expect(await tekst("#hent-xlsx")).toBe("Hent eksport (.xlsx)");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#hent-xlsx")]);
    expect(download.suggestedFilename()).toBe(`takster-${AAR}.xlsx`);
    const sti = join(ARTEFAKTER, `takster-${AAR}.xlsx`);
    await download.saveAs(sti);
    const bytes = readFileSync(sti);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ark = wb.worksheets[0]!;
    expect(ark.actualRowCount).toBe(1 + f.takster);
    const hoejvangen = ark.getRows(2, ark.actualRowCount - 1)!.find((r) => r.getCell(2).value === "Højvangen")!;
    expect([hoejvangen.getCell(6).value, hoejvangen.getCell(7).value, hoejvangen.getCell(9).value]).toEqual([1500, 1550, -0.051]);
    await page.waitForFunction(() => /Eksporten for 2021 er hentet som takster-2021\.xlsx/.test(document.getElementById("status")?.textContent ?? ""));

    if (process.env.UPDATE_SCREENSHOTS === "1") {
      mkdirSync(BILLEDER, { recursive: true });
      for (const navn of ["oversigt.png", "oversigt-detalje.png"]) copyFileSync(join(ARTEFAKTER, navn), join(BILLEDER, navn));
    }
  });

  it("the secretariat downloads the takstudvikling report of last year to this with its token, before publication (issue 21)", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#hent-udvikling")]);
    expect(download.suggestedFilename()).toBe(`takstudvikling-${FORRIGE}-${AAR}.xlsx`);
    const sti = join(ARTEFAKTER, `takstudvikling-${FORRIGE}-${AAR}.xlsx`);
    await download.saveAs(sti);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(sti) as unknown as ArrayBuffer);
    // MIDT-2021 gives no plSats: the report says so and gives no figure (never the nominal change).
    const om: string[] = [];
    wb.getWorksheet("Om rapporten")!.eachRow((r) => om.push(String(r.getCell(1).value)));
    expect(om).toContain(`${AAR}: PL mangler – intet regelsæt for ${AAR} i Midtjylland angiver en PL-sats (plSats)`);
    await page.waitForFunction(() => /Takstudviklingsrapporten 2020-2021 er hentet/.test(document.getElementById("status")?.textContent ?? ""));
  });

  it("a reload with the token in the tab sends the overview's request from the page's inline script (allowed by the CSP), once", async () => {
    const anmodninger: string[] = [];
    const lyt = (r: { url(): string; method(): string }) => {
      if (r.method() === "GET" && new URL(r.url()).pathname === "/api/v1/oversigt") anmodninger.push(r.url());
    };
    page.on("request", lyt);
    try {
      await page.reload();
      await page.waitForFunction(() => document.querySelector("#raekker tr[data-id]") !== null && !document.getElementById("indhold")!.hasAttribute("aria-busy"));
      // Set only by the inline script in oversigt.html: had the CSP refused it, this is undefined
      // (and the refusal is a console error, which the last test would report).
      expect(await page.evaluate(() => typeof (window as unknown as { takstTidlig?: unknown }).takstTidlig)).toBe("object");
      expect(anmodninger).toEqual([`${url}/api/v1/oversigt`]);
      expect(await noegletal("indberetninger")).toBe(String(f.indberetninger));
    } finally {
      page.off("request", lyt);
    }
  });

  it("another takstår is one choice away; logging out forgets the token", async () => {
    await page.selectOption("#aar", String(FORRIGE));
    await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, PLAN.filter((p) => p.t2020 !== null).length);
    expect(await tekst("#mangler")).toBe(`Der er ingen indberetninger for ${FORRIGE - 1} at sammenligne med, så ingen kan mangle.`);
    await page.click("#log-ud");
    expect(await page.locator("#login").isVisible()).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it("landmarks, caption and header scopes are there", async () => {
    expect(await page.locator("body > header").count()).toBe(1);
    expect(await page.locator("main#indhold").count()).toBe(1);
    expect(await page.locator("body > footer").count()).toBe(1);
    expect(norm(await page.locator("#tabel caption").textContent() ?? "")).toMatch(/^Aktuelle indberetninger for takstår/);
    const scopes = await page.locator("#tabel thead th").evaluateAll((ths) => ths.map((th) => th.getAttribute("scope")));
    expect(new Set(scopes)).toEqual(new Set(["col"]));
    expect(await page.locator("#status").getAttribute("aria-live")).toBe("polite");
  });

  it("no page errors, no request off loopback; the only console error is the refused login", () => {
    expect(sideFejl).toEqual([]);
    expect(afvisteAnmodninger).toEqual([]);
    const refusals = konsolFejl.filter((k) => /Failed to load resource: the server responded with a status of 40[13]/.test(k.tekst) && k.url.startsWith(`${url}/api/v1/oversigt`));
    expect(refusals).toHaveLength(1);
    expect(konsolFejl.filter((k) => !refusals.includes(k))).toEqual([]);
  });
});
