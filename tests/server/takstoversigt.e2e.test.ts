import { readFileSync } from "node:fs";
import { join } from "node:path";
import { opretToken } from "../../src/server/tokens";
import { medBrowser } from "../helpers/miljoe";
import { gyldigtSkema } from "./fixtures";
import { sideMiljoe } from "./sideMiljoe";

// Issue 14, acceptance 2: the public takstoversigt is shown without a token, in Chromium against
// the real service on loopback; the picture for the README is docs/billeder/takstoversigt.png.
const ROD = join(__dirname, "..", "..");
const DIFF = JSON.parse(readFileSync(join(ROD, "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();

medBrowser()("the public takstoversigt page in Chromium", () => {
  const m = sideMiljoe(async ({ db, sek, post }) => {
    await post("/api/v1/indberetninger", (await opretToken(db, { rolle: "kommune", driftsherre: "Vejle Kommune" })).token, DIFF);
    const odense = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
    await post("/api/v1/indberetninger", odense, gyldigtSkema());
    await post("/api/v1/offentliggoerelse", sek, { takstaar: 2018, bekraeft: true });
    const aendring = await post("/api/v1/indberetninger", odense, gyldigtSkema({
      TS_Loen: 6600000, TS_AendringBegrundelse: "Ny overenskomst", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2018-03-20", TS_AendringIkrafttraedelse: "2018-04-01",
    }));
    // The approved change closes the published period on 31 March (issue 21).
    await post(`/api/v1/indberetninger/${aendring.id}/status`, sek, { status: "godkendt", bemaerkning: "Godkendt" }, 200);
  }, { width: 1400, height: 700 });

  it("shows the published year's takster without a token: caption, headings with scope, four ydelser, the in-year change as a second period", async () => {
    const svar = await m.page.goto(`${m.url}/takstoversigt`);
    expect(svar?.status()).toBe(200);
    expect(await m.page.title()).toBe("Takstoversigt 2018");
    expect(norm(await m.page.locator("caption").innerText())).toMatch(/^Takster for 2018, offentliggjort \d\d\.\d\d\.\d{4}: 5 takster\./);
    expect(await m.page.locator('thead th[scope="col"]').count()).toBe(17);
    const raekker = m.page.locator("tbody tr");
    expect(await raekker.count()).toBe(5);
    // Sorted by driftsherre: Odense's published and changed periods first, then Vejle's three ydelser (1.484 kr. for Gruppe A).
    expect(norm(await raekker.nth(0).innerText())).toContain("1.682 kr.");
    expect(norm(await raekker.nth(0).innerText())).toContain("01.01.2018 31.03.2018 Offentliggjort");
    expect(norm(await raekker.nth(1).innerText())).toMatch(/01\.04\.2018 – Takstforhøjelse .*Ny overenskomst/);
    expect(norm(await raekker.nth(2).innerText())).toContain("Gruppe A: moderat støtte døgn 10 95,0 % 1.484 kr.");
    expect(await m.page.locator('a[aria-current="page"]').innerText()).toBe("2018");
    await m.page.screenshot({ path: join(ROD, "tests", "artifacts", "takstoversigt.png"), fullPage: true });
    expect(m.o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
  });

  it("an unpublished year is a Danish 404 page that still lists the published years", async () => {
    const svar = await m.page.goto(`${m.url}/takstoversigt?takstaar=2019`);
    expect(svar?.status()).toBe(404);
    expect(await m.page.locator("nav a").allInnerTexts()).toEqual(["2018"]);
    expect(await m.page.locator("table").count()).toBe(0);
  });

  it("prints without the navigation, the heading row repeated", async () => {
    await m.page.goto(`${m.url}/takstoversigt`);
    await m.page.emulateMedia({ media: "print" });
    expect(await m.page.locator("nav").isHidden()).toBe(true);
    expect(await m.page.locator("thead").evaluate((e) => getComputedStyle(e).display)).toBe("table-header-group");
    await m.page.emulateMedia({ media: "screen" });
  });
});
