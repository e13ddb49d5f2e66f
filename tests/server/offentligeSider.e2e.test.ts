import { readFileSync } from "node:fs";
import { join } from "node:path";
import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { SYD_2018 } from "../tilsynsskema/saed";
import { gyldigtSkema } from "./fixtures";
import { sideMiljoe } from "./sideMiljoe";

// Issue 26, acceptance 5: the public pages in Chromium, with published data, have no axe-core
// violation at 320 and at 1280 px, and reflow at 320 px: the page never scrolls sideways (WCAG
// 1.4.10); a wide table scrolls in its own focusable, named region instead.
const ROD = join(__dirname, "..", "..");
const DIFF = JSON.parse(readFileSync(join(ROD, "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
const SIDER = ["/takstoversigt", "/tilsynstakster?budgetaar=2018", "/takstudvikling", "/takstudvikling?fra=2017&til=2018", "/hjaelp", "/tilgaengelighed"];

medBrowser()("the public pages at 320 and 1280 px", () => {
  const m = sideMiljoe(async ({ db, sek, post }) => {
    await post("/api/v1/indberetninger", (await opretToken(db, { rolle: "kommune", driftsherre: "Vejle Kommune" })).token, DIFF);
    await post("/api/v1/indberetninger", (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token, gyldigtSkema());
    await post("/api/v1/offentliggoerelse", sek, { takstaar: 2018, bekraeft: true });
    const syd = (await opretToken(db, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Syd" })).token;
    const tilsyn = await post("/api/v1/tilsyn", syd, SYD_2018);
    await post(`/api/v1/tilsyn/${tilsyn.id}/godkend`, sek, {}, 200);
    await post("/api/v1/tilsyn/offentliggoerelse", sek, { budgetaar: 2018 });
  });

  for (const bredde of [320, 1280]) {
    it(`has no axe-core violation on any public page at ${bredde} px${bredde === 320 ? ", and no sideways page scroll" : ""}, each linking the tilgængelighedserklæring`, async () => {
      await m.page.setViewportSize({ width: bredde, height: 800 });
      for (const sti of SIDER) {
        const svar = await m.page.goto(`${m.url}${sti}`);
        // The report without a published from-year is the page with a Danish message, not a 5xx.
        expect([sti, sti.includes("fra=2017") ? (svar?.status() ?? 0) < 500 : svar?.status() === 200]).toEqual([sti, true]);
        expect([sti, await axeOvertraedelser(m.page)]).toEqual([sti, []]);
        if (bredde === 320) expect([sti, await m.page.evaluate(() => document.documentElement.scrollWidth <= 320)]).toEqual([sti, true]);
        expect([sti, await m.page.locator('footer a[href="/tilgaengelighed"]').count()]).toEqual([sti, sti === "/tilgaengelighed" ? 0 : 1]);
      }
      expect(m.o).toEqual({ konsolFejl: [], sideFejl: [], afviste: [] });
    });
  }

  it("at 320 px the takstoversigt's table scrolls inside its own region, which the keyboard reaches and which is named", async () => {
    await m.page.setViewportSize({ width: 320, height: 800 });
    await m.page.goto(`${m.url}/takstoversigt`);
    const omraade = m.page.getByRole("region", { name: /^Takster for 2018, offentliggjort/ });
    expect(await omraade.count()).toBe(1);
    const maal = await omraade.evaluate((e) => ({ scroll: e.scrollWidth, bredde: e.clientWidth }));
    expect(maal.scroll).toBeGreaterThan(maal.bredde);
    // Tab from the page's start reaches the region after the links before it.
    let fokus = "";
    for (let i = 0; i < 10 && fokus !== "region"; i++) {
      await m.page.keyboard.press("Tab");
      fokus = await m.page.evaluate(() => document.activeElement?.getAttribute("role") ?? "");
    }
    expect(fokus).toBe("region");
    for (let i = 0; i < 3; i++) await m.page.keyboard.press("ArrowRight");
    expect(await omraade.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  });
});
