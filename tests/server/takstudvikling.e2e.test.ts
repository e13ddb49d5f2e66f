import { opretToken } from "../../src/server/tokens";
import { axeOvertraedelser as axeFund } from "../helpers/browser";
import { medBrowser } from "../helpers/miljoe";
import { sideMiljoe } from "./sideMiljoe";
import { nord, skema } from "./takstudviklingSuite";

// Issue 21: the takstudvikling report's page in Chromium against the real service on loopback:
// Danish, no script, axe-clean, the year form operable from the keyboard.
const norm = (s: string) => s.replace(/\u2212/g, "-").replace(/\s+/g, " ").trim();

medBrowser()("the takstudvikling report page in Chromium", () => {
  const m = sideMiljoe(async ({ db, sek, post }) => {
    await post("/api/v1/regelsaet", sek, nord(2024));
    await post("/api/v1/regelsaet", sek, nord(2025, 0.02));
    const aalborg = (await opretToken(db, { rolle: "kommune", driftsherre: "Aalborg Kommune" })).token;
    // 2.244 / (2.000 × 1,02) − 1 = +10,00 %; Lukket is udgået; Krisecenter særlig opmærksomhed.
    await post("/api/v1/indberetninger", aalborg, skema(2024, "Aalborg Kommune", "Bo1", 2000));
    await post("/api/v1/indberetninger", aalborg, skema(2025, "Aalborg Kommune", "Bo1", 2244));
    await post("/api/v1/indberetninger", aalborg, skema(2024, "Aalborg Kommune", "Lukket", 1500));
    await post("/api/v1/indberetninger", aalborg, skema(2024, "Aalborg Kommune", "Krisecenter", 1000));
    await post("/api/v1/indberetninger", aalborg, skema(2025, "Aalborg Kommune", "Krisecenter", 2040, { TS_SaerligOpmaerksomhed: "ja" }));
    await post("/api/v1/offentliggoerelse", sek, { takstaar: 2025, bekraeft: true });
  }, { width: 1280, height: 800 });

  const axeOvertraedelser = () => axeFund(m.page);

  it("the year form is filled from the keyboard and shows the report: region, driftsherre, what was left out and why", async () => {
    expect((await m.page.goto(`${m.url}/takstudvikling`))?.status()).toBe(200);
    expect(await m.page.title()).toBe("Takstudvikling");
    await m.page.focus("#fra");
    await m.page.keyboard.type("2024");
    await m.page.keyboard.press("Tab");
    await m.page.keyboard.type("2025");
    await Promise.all([m.page.waitForURL(/fra=2024&til=2025/), m.page.keyboard.press("Enter")]);
    expect(await m.page.title()).toBe("Takstudvikling 2024-2025");
    expect(norm(await m.page.locator("p.region").innerText())).toBe("Gennemsnitlig udvikling på tværs af 1 driftsherre: 10,00 %.");
    expect(norm(await m.page.locator("#driftsherrer tbody tr").innerText())).toBe("Aalborg Kommune 1 10,00 % –");
    expect((await m.page.locator("#udeladt tbody tr").allInnerTexts()).map(norm).sort()).toEqual([
      "Døgn Krisecenter Aalborg Kommune Særlig opmærksomhed (Bilag 19)",
      "Døgn Lukket Aalborg Kommune Udgået (kun i fra-året)",
    ]);
    expect(await m.page.locator('a[href="/api/v1/takstudvikling.xlsx?fra=2024&til=2025"]').count()).toBe(1);
  });

  it("axe-core finds no violations on the report and on the form alone", async () => {
    await m.page.goto(`${m.url}/takstudvikling?fra=2024&til=2025`);
    expect(await axeOvertraedelser()).toEqual([]);
    await m.page.goto(`${m.url}/takstudvikling`);
    expect(await axeOvertraedelser()).toEqual([]);
  });

  it("an unpublished til-year is a Danish 404 with the form; no page errors, no request off loopback", async () => {
    const svar = await m.page.goto(`${m.url}/takstudvikling?fra=2025&til=2026`);
    expect(svar?.status()).toBe(404);
    expect(norm(await m.page.locator('[role="status"]').innerText())).toContain("når taksterne for 2026 er offentliggjort");
    expect(await m.page.locator("table").count()).toBe(0);
    expect(m.o).toEqual({ konsolFejl: [expect.objectContaining({ tekst: expect.stringContaining("404") })], sideFejl: [], afviste: [] });
  });
});
