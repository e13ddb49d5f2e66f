import "./jestCookie";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { TakstudviklingRapport } from "../../src/kontrakt";
import { buildApp } from "../../src/server/app";
import type { Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { syd2027 } from "../helpers/regelsaet";
import { type Skemapost, bearer, gyldigtSkema } from "./fixtures";

/**
 * The takstudvikling report on the service (issue 21, acceptance 4; product.md §5.1,
 * domain-season.md §B3), seeded through the real submission API. PGlite and PostgreSQL.
 *
 * Every takst is a whole-krone takstgrundlag over 365 belægningsdage (1 plads, 100 %, no
 * overhead), so the skema's takst is the number written here. Expected figures are worked out
 * by hand in the comments, never by the code under test.
 */

/** A NORD ruleset for `aar` (the SYD-2018 file renamed: test data), with KL's PL when given. */
export function nord(aar: number, pl?: number): Record<string, unknown> {
  const grund = syd2027();
  const parametre: Record<string, unknown> = { ...(grund.parametre as Record<string, unknown>), fristTakster: { vaerdi: `${aar - 1}-11-15`, kilde: "tidsplan (testdata)" } };
  if (pl !== undefined) parametre.plSats = { vaerdi: pl, kilde: `KL's pris- og lønskøn for ${aar} (testdata)`, serie: "samlet" };
  return { ...grund, id: `NORD-${aar}`, takstaar: aar, region: "Nordjylland", navn: `Rammeaftale Nordjylland, takster ${aar}`, parametre };
}

/** One tilbud with one ydelse whose takst is `takst` kr. */
export function skema(aar: number, driftsherre: string, tilbud: string, takst: number, over: Skemapost = {}): Skemapost {
  return gyldigtSkema({
    TS_Regelsaet: `NORD-${aar}`, TS_Takstaar: aar, TS_Driftsherre: driftsherre, TS_Tilbud: tilbud, TS_Ydelse: "Døgn",
    TS_Pladser: 1, TS_Belaegning: 1, TS_Loen: takst * 365, TS_Administration: 0, TS_OverheadSats: 0, ...over,
  });
}

/**
 * Seed 002's table (002:2537-2560): one takstniveau per driftsherre, 2021 takst 100.000 kr.,
 * PL 2022 3,0 % and 2023 3,9 %: F = 1,03 × 1,039 = 1,07017, so 2021's 100.000 is 107.017 at
 * 2023's level; the 2023 takst is round(107.017 × (1 + u)) for the seed's u, and
 * 2023 / 107.017 − 1 lands on the seed's figure to 2 decimals (e.g. 89.134 / 107.017 − 1 =
 * −16,7104 %; 114.647 / 107.017 − 1 = +7,1297 %).
 */
const SEED_002: [string, number, number][] = [
  ["Brønderslev Kommune", 106696, -0.3],
  ["Frederikshavn Kommune", 114647, 7.13],
  ["Hjørring Kommune", 108087, 1.0],
  ["Jammerbugt Kommune", 110174, 2.95],
  ["Mariagerfjord Kommune", 105219, -1.68],
  ["Morsø Kommune", 104384, -2.46],
  ["Rebild Kommune", 106482, -0.5],
  ["Thisted Kommune", 89134, -16.71],
  ["Vesthimmerland Kommune", 103828, -2.98],
  ["Aalborg Kommune", 106482, -0.5],
  ["Region Nordjylland", 108205, 1.11],
];

export function takstudviklingSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let sekretariat: string;
  const kommune = new Map<string, string>();

  const post = async (url: string, token: string, body: unknown, kode = 201) => {
    const r = await app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
    if (r.statusCode !== kode) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  };
  const indsend = (s: Skemapost) => post("/api/v1/indberetninger", kommune.get(String(s.TS_Driftsherre))!, s);
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });
  const rapport = async (fra: number, til: number): Promise<TakstudviklingRapport> => {
    const r = await get(`/api/v1/takstudvikling?fra=${fra}&til=${til}`, sekretariat);
    expect(r.statusCode).toBe(200);
    return r.json() as TakstudviklingRapport;
  };

  beforeAll(async () => {
    db = await aabn();
    app = await buildApp({ db, statiskMappe: null });
    sekretariat = (await opretToken(db, { rolle: "sekretariat", driftsherre: null })).token;
    for (const [dh] of SEED_002) kommune.set(dh, (await opretToken(db, { rolle: "kommune", driftsherre: dh })).token);
    for (const [aar, pl] of [[2021], [2022, 0.03], [2023, 0.039], [2024], [2025, 0.02]] as [number, number?][]) await post("/api/v1/regelsaet", sekretariat, nord(aar, pl));
    for (const [dh, takst2023] of SEED_002) {
      await indsend(skema(2021, dh, `Botilbud ${dh}`, 100000));
      await indsend(skema(2023, dh, `Botilbud ${dh}`, takst2023));
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe("seed 002 through the API (002:2537-2587)", () => {
    it("11 driftsherrer with the seed's figures; region −1,18 %, −2,01 % without Frederikshavn, 0,38 % without Thisted", async () => {
      const r = await rapport(2021, 2023);
      expect(r.pl.map((p) => [p.aar, p.sats, p.regelsaet])).toEqual([[2022, 0.03, "NORD-2022"], [2023, 0.039, "NORD-2023"]]);
      expect(r.plFaktor).toBe(1.07017);
      expect(r.driftsherrer.map((d) => [d.driftsherre, d.n, d.udviklingPct]).sort()).toEqual(SEED_002.map(([dh, , u]) => [dh, 1, u]).sort());
      expect(r.region?.n).toBe(11);
      expect(r.region?.udviklingPct).toBe(-1.18);
      const uden = new Map(r.region!.udenHver.map((u) => [u.driftsherre, u.udviklingPct]));
      expect(uden.get("Frederikshavn Kommune")).toBe(-2.01);
      expect(uden.get("Thisted Kommune")).toBe(0.38);
      expect([r.udeladt, r.nyTakstmodel]).toEqual([[], []]);
    });

    it("before 2023 is published: the secretariat only (no token 401, a municipality 403, the page 404)", async () => {
      expect((await get("/api/v1/takstudvikling?fra=2021&til=2023")).statusCode).toBe(401);
      expect((await get("/api/v1/takstudvikling?fra=2021&til=2023", kommune.get("Thisted Kommune"))).statusCode).toBe(403);
      expect((await get("/api/v1/takstudvikling.xlsx?fra=2021&til=2023")).statusCode).toBe(401);
      const side = await get("/takstudvikling?fra=2021&til=2023");
      expect(side.statusCode).toBe(404);
      expect(side.body).toContain("Rapporten er offentlig, når taksterne for 2023 er offentliggjort");
      expect((await get("/api/v1/takstudvikling?fra=2023&til=2021", sekretariat)).statusCode).toBe(400);
    });

    it("the .xlsx holds the same figures as percent cells with two decimals", async () => {
      const r = await get("/api/v1/takstudvikling.xlsx?fra=2021&til=2023", sekretariat);
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-disposition"]).toContain("takstudvikling-2021-2023.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Driftsherrer")!;
      const raekker = new Map<string, ExcelJS.Row>();
      ws.eachRow((row) => raekker.set(String(row.getCell(1).value), row));
      const thisted = raekker.get("Thisted Kommune")!;
      expect([thisted.getCell(3).value, thisted.getCell(4).value]).toEqual([-0.1671, 0.0038]);
      expect(thisted.getCell(3).numFmt).toBe("0.00%");
      expect(raekker.get("Gennemsnit på tværs af driftsherrer")!.getCell(3).value).toBe(-0.0118);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Driftsherrer", "Tilbud", "Takstniveauer", "Ikke med", "Om rapporten"]);
    });

    it("once 2023 is published the report and its page are public", async () => {
      await post("/api/v1/offentliggoerelse", sekretariat, { takstaar: 2023, bekraeft: true });
      const r = await get("/api/v1/takstudvikling?fra=2021&til=2023");
      expect(r.statusCode).toBe(200);
      expect((r.json() as TakstudviklingRapport).region?.udviklingPct).toBe(-1.18);
      const side = await get("/takstudvikling?fra=2021&til=2023");
      expect(side.statusCode).toBe(200);
      expect(side.headers["content-security-policy"]).toContain("script-src 'none'");
      const tekst = side.body.replace(/\u2212/g, "-");
      expect(tekst).toContain("Gennemsnitlig udvikling på tværs af 11 driftsherrer: <strong>-1,18 %</strong>");
      expect(tekst).toMatch(/Frederikshavn Kommune<\/th><td class="tal">1<\/td><td class="tal">7,13 %<\/td><td class="tal">-2,01 %<\/td>/);
    });

    it("without a PL for a year between, no figure is given and the year says why (never nominal)", async () => {
      // NORD-2021 has no plSats: 2020 → 2021 has no PL.
      const r = await rapport(2020, 2021);
      expect(r.plMangler).toEqual([2021]);
      expect(r.pl[0]).toMatchObject({ aar: 2021, sats: null });
      expect(r.pl[0]!.grund).toContain("angiver en PL-sats");
      expect(r.region).toBeNull();
    });
  });

  describe("a constructed two-year case: every exclusion is listed with its reason", () => {
    // 2024 → 2025, PL 2025 2,0 %: F = 1,02.
    beforeAll(async () => {
      const aalborg = "Aalborg Kommune";
      const thisted = "Thisted Kommune";
      await indsend(skema(2024, aalborg, "Bo1", 2000));
      await indsend(skema(2025, aalborg, "Bo1", 2244)); // 2.244 / (2.000 × 1,02) = 1,10 → +10,00 %
      await indsend(skema(2024, aalborg, "Lukket", 1500)); // udgået
      await indsend(skema(2025, aalborg, "Nyt tilbud", 1800)); // ny
      await indsend(skema(2024, thisted, "Krisecenter", 1000));
      await indsend(skema(2025, thisted, "Krisecenter", 2040, { TS_SaerligOpmaerksomhed: "ja" })); // +100 %, but særlig opmærksomhed
      await indsend(skema(2024, thisted, "Algade", 1000));
      // Two ydelser in 2025 (ny takstmodel): 969 kr. each (707.370 / 730 belægningsdage); Døgn 969 / 1.020 = 0,95 → −5,00 %.
      const algade = skema(2025, thisted, "Algade", 0, {
        TS_Loen: 707370, TS_Ydelser_Navn: ["Døgn", "Døgn, skærmet"], TS_Ydelser_Pladser: [1, 1], TS_Ydelser_Belaegning: [1, 1],
      });
      for (const k of ["TS_Ydelse", "TS_Pladser", "TS_Belaegning"]) delete algade[k];
      await indsend(algade);
    });

    it("compares Bo1 (+10,00 %) and Algade's Døgn (−5,00 %); region (10 − 5) / 2 = 2,50 %", async () => {
      const r = await rapport(2024, 2025);
      expect(r.niveauer.map((n) => [n.tilbud, n.ydelse, n.takstFra, n.takstTil, n.udviklingPct])).toEqual([
        ["Bo1", "Døgn", 2000, 2244, 10],
        ["Algade", "Døgn", 1000, 969, -5],
      ]);
      expect(r.driftsherrer.map((d) => [d.driftsherre, d.n, d.udviklingPct])).toEqual([["Aalborg Kommune", 1, 10], ["Thisted Kommune", 1, -5]]);
      expect(r.region).toEqual({ n: 2, udviklingPct: 2.5, udenHver: [{ driftsherre: "Aalborg Kommune", udviklingPct: -5 }, { driftsherre: "Thisted Kommune", udviklingPct: 10 }] });
    });

    it("lists udgået, ny and særlig opmærksomhed, and Algade's ny takstmodel (1 niveau → 2)", async () => {
      const r = await rapport(2024, 2025);
      expect(r.udeladt.map((u) => `${u.driftsherre}/${u.tilbud}/${u.ydelse}: ${u.grund}`).sort()).toEqual([
        "Aalborg Kommune/Lukket/Døgn: udgaaet",
        "Aalborg Kommune/Nyt tilbud/Døgn: ny",
        "Thisted Kommune/Algade/Døgn, skærmet: ny",
        "Thisted Kommune/Krisecenter/Døgn: saerligOpmaerksomhed",
      ]);
      expect(r.nyTakstmodel).toEqual([{ driftsherre: "Thisted Kommune", tilbud: "Algade", niveauerFra: 1, niveauerTil: 2 }]);
    });

    it("a name longer than the report's 300 characters is shortened, not a server error", async () => {
      const lang = `Botilbud ${"x".repeat(400)}`;
      await indsend(skema(2024, "Aalborg Kommune", lang, 1000));
      await indsend(skema(2025, "Aalborg Kommune", lang, 1020)); // 1.020 / (1.000 × 1,02) → 0,00 %
      const r = await rapport(2024, 2025);
      const n = r.niveauer.find((x) => x.tilbud.startsWith("Botilbud xxx"))!;
      expect([n.tilbud.length, n.tilbud.endsWith("…"), n.udviklingPct]).toEqual([300, true, 0]);
      await db.query("DELETE FROM indberetninger WHERE tilbud = $1", [lang]);
    });

    it("the .xlsx's sheet of what is left out names each with its reason in Danish", async () => {
      const r = await get("/api/v1/takstudvikling.xlsx?fra=2024&til=2025", sekretariat);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const linjer: string[] = [];
      wb.getWorksheet("Ikke med")!.eachRow((row, nr) => {
        if (nr > 2) linjer.push([1, 2, 3, 4].map((i) => String(row.getCell(i).value ?? "")).join(" | "));
      });
      expect(linjer.sort()).toEqual([
        "Aalborg Kommune | Lukket | Døgn | Udgået (kun i fra-året)",
        "Aalborg Kommune | Nyt tilbud | Døgn | Ny (kun i til-året)",
        "Thisted Kommune | Algade |  | Thisted Kommune: Algade har ny takstmodel (1 takstniveauer i fra-året, 2 i til-året); niveauerne er parret på navn.",
        "Thisted Kommune | Algade | Døgn, skærmet | Ny (kun i til-året)",
        "Thisted Kommune | Krisecenter | Døgn | Særlig opmærksomhed (Bilag 19)",
      ]);
    });
  });
}
