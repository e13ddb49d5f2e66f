import "./jestCookie";
import { databaseFoer } from "../helpers/foerMigration";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, gyldigtSkema, lavTokens, postJson } from "./fixtures";

const URL = "/api/v1/indberetninger";

/*
 * Takster worked out by hand from gyldigtSkema (12 pladser, 96 %, 365 dage = 4.204,8
 * belægningsdage; administration 300.000 kr.; overhead 4 %): takst = (løn + 300.000) × 1,04 / 4.204,8.
 */
const LOEN_2026 = 6_200_000; // 6.760.000 / 4.204,8 = 1.607,69 → 1.608 kr.
const TAKST_2026 = 1608;
const LOEN_2027 = 6_500_000; // 7.072.000 / 4.204,8 = 1.681,89 → 1.682 kr.
const TAKST_2027 = 1682;
const LOEN_HOEJERE = 6_900_000; // 7.488.000 / 4.204,8 = 1.780,82 → 1.781 kr.
const TAKST_HOEJERE = 1781;
const LOEN_LAVERE = 6_300_000; // 6.864.000 / 4.204,8 = 1.632,42 → 1.632 kr.
const TAKST_LAVERE = 1632;

type Periode = {
  tilbud: string; ydelse: string; takst: number; sidsteAarsTakst: number | null; gyldigFra: string; gyldigTil: string | null; art: string;
  aendretIAaret: string | null; indberetningId: string; nummer: string | null;
};
type Fund = { code: string; severity: string; field: string; message: string };

/** Issue 21: the takst register's periods and the in-year changes of Bilag 11, on PGlite and PostgreSQL. */
export function perioderSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  // Each test starts with no submissions and no publications.
  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), undefined, ["indberetninger", "offentliggoerelser"]);

  const post = (url: string, body: unknown, token?: string) => postJson(app, url, body, token);
  const get = (url: string) => app.inject({ method: "GET", url });
  const indsend = (body: unknown) => post(URL, body, t.odense);
  const offentliggoer = async (takstaar: number) => expect((await post("/api/v1/offentliggoerelse", { takstaar, bekraeft: true }, t.sekretariat)).statusCode).toBe(201);
  const godkend = async (id: string) => expect((await post(`${URL}/${id}/status`, { status: "godkendt", bemaerkning: "Godkendt af sekretariatet" }, t.sekretariat)).statusCode).toBe(200);
  const perioder = async (q: string): Promise<Periode[]> => {
    const r = await get(`/api/v1/takstoversigt?${q}`);
    expect(r.statusCode).toBe(200);
    return r.json().takster as Periode[];
  };
  const skema = (takstaar: number, over: Record<string, unknown> = {}) => gyldigtSkema({ TS_Takstaar: takstaar, TS_Kategori: "Klyngetilbud", ...over });
  const aendring = (over: Record<string, unknown>) => skema(2027, { TS_AendringBegrundelse: "Ny normering efter tilsyn", ...over });
  const koder = (findings: Fund[]) => findings.map((f) => f.code);

  /** 2026 and 2027 published with one takst each (acceptance 1's start). */
  async function toAarOffentliggjort(): Promise<void> {
    expect((await indsend(skema(2026, { TS_Loen: LOEN_2026 }))).statusCode).toBe(201);
    await offentliggoer(2026);
    expect((await indsend(skema(2027, { TS_Loen: LOEN_2027 }))).statusCode).toBe(201);
    await offentliggoer(2027);
  }

  it("acceptance 1: an approved takstforhøjelse from 1 May 2027 gives two periods (1.1-30.4 and 1.5-); ?dato=2027-03-01 gives the old takst", async () => {
    await toAarOffentliggjort();
    expect((await perioder("takstaar=2027")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([[TAKST_2027, "2027-01-01", null, "offentliggjort"]]);

    const svar = await indsend(aendring({ TS_Loen: LOEN_HOEJERE, TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2027-04-20", TS_AendringIkrafttraedelse: "2027-05-01" }));
    expect(svar.statusCode).toBe(201);
    // Received, not yet approved: the register is unchanged.
    expect((await perioder("takstaar=2027")).map((p) => p.takst)).toEqual([TAKST_2027]);
    await godkend(svar.json().id);

    const alle = await perioder("takstaar=2027");
    expect(alle.map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([
      [TAKST_2027, "2027-01-01", "2027-04-30", "offentliggjort"],
      [TAKST_HOEJERE, "2027-05-01", null, "takstforhoejelse"],
    ]);
    expect(alle[1]).toMatchObject({ indberetningId: svar.json().id, nummer: svar.json().nummer });
    expect(alle[1]!.aendretIAaret).toBe(svar.json().modtaget);
    // Last year's takst beside both periods (the register's 2026 takst).
    expect(alle.map((p) => p.sidsteAarsTakst)).toEqual([TAKST_2026, TAKST_2026]);

    // The takster in force on a day, at the edges too.
    const paa = async (dato: string) => (await perioder(`dato=${dato}`)).map((p) => p.takst);
    expect(await paa("2027-03-01")).toEqual([TAKST_2027]);
    expect(await paa("2027-04-30")).toEqual([TAKST_2027]);
    expect(await paa("2027-05-01")).toEqual([TAKST_HOEJERE]);
    expect(await paa("2027-12-31")).toEqual([TAKST_HOEJERE]);
    expect(await paa("2026-06-01")).toEqual([TAKST_2026]);
    const marts = await get("/api/v1/takstoversigt?dato=2027-03-01");
    expect(marts.json()).toMatchObject({ takstaar: 2027, dato: "2027-03-01" });

    // CSV, .xlsx and the page list both periods; with ?dato= the one in force.
    const csv = (await get("/api/v1/takstoversigt.csv?takstaar=2027")).body.trim().split("\r\n");
    expect(csv[0]).toContain(";Takstudvikling (reel) %;Gyldig fra;Gyldig til;Art;Ændret i året");
    expect(csv.slice(1).map((l) => l.split(";").slice(13, 16))).toEqual([["01.01.2027", "30.04.2027", "Offentliggjort"], ["01.05.2027", "", "Takstforhøjelse"]]);
    const csvMarts = (await get("/api/v1/takstoversigt.csv?dato=2027-03-01")).body.trim().split("\r\n");
    expect(csvMarts).toHaveLength(2);
    expect(csvMarts[1]!.split(";")[8]).toBe(String(TAKST_2027));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await get("/api/v1/takstoversigt.xlsx?takstaar=2027")).rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect([ws.getCell("I3").value, ws.getCell("I4").value]).toEqual([TAKST_2027, TAKST_HOEJERE]);
    expect((ws.getCell("O3").value as Date).toISOString().slice(0, 10)).toBe("2027-04-30");
    expect(ws.getCell("P4").value).toBe("Takstforhøjelse");
    const side = (await get("/takstoversigt?dato=2027-03-01")).body;
    expect(side).toContain("Takster i kraft 01.03.2027");
    expect(side).toContain("1.682 kr.");
    expect(side).not.toContain("1.781 kr.");

    // A date and a year that disagree, or a day that does not exist, are refused.
    expect((await get("/api/v1/takstoversigt?takstaar=2026&dato=2027-03-01")).statusCode).toBe(400);
    expect((await get("/api/v1/takstoversigt?dato=2027-02-30")).statusCode).toBe(400);
    expect((await get("/api/v1/takstoversigt?dato=2028-01-01")).statusCode).toBe(404);
  });

  it("acceptance 1: a back-dated takstforhøjelse is refused with TS130 and nothing is stored", async () => {
    await toAarOffentliggjort();
    const foer = await db.query("SELECT id FROM indberetninger WHERE takstaar = 2027");
    const r = await indsend(aendring({ TS_Loen: LOEN_HOEJERE, TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2027-05-15", TS_AendringIkrafttraedelse: "2027-05-01" }));
    expect(r.statusCode).toBe(422);
    const ts130 = (r.json().findings as Fund[]).find((f) => f.code === "TS130");
    expect(ts130).toMatchObject({ severity: "error", field: "TS_AendringIkrafttraedelse" });
    expect(ts130!.message).toContain("1.5.2027, før den blev vedtaget 15.5.2027");
    expect(await db.query("SELECT id FROM indberetninger WHERE takstaar = 2027")).toHaveLength(foer.length);
    // Named a takstreduktion, but the takst rises against the register's takst in force that day.
    const forklaedt = await indsend(aendring({ TS_Loen: LOEN_HOEJERE, TS_AendringArt: "takstreduktion", TS_AendringVedtaget: "2027-05-15", TS_AendringIkrafttraedelse: "2027-01-01" }));
    expect(forklaedt.statusCode).toBe(422);
    const fund = (forklaedt.json().findings as Fund[]).find((f) => f.code === "TS130");
    expect(fund!.message).toContain(`stiger fra ${TAKST_2027.toLocaleString("da-DK")} kr. til ${TAKST_HOEJERE.toLocaleString("da-DK")} kr. fra 1.1.2027`);
    expect(await db.query("SELECT id FROM indberetninger WHERE takstaar = 2027")).toHaveLength(foer.length);
    // A teknisk fejl may raise it from 1 January (004:4137-4146).
    expect((await indsend(aendring({ TS_Loen: LOEN_HOEJERE, TS_AendringArt: "teknisk_fejl", TS_AendringVedtaget: "2027-05-15", TS_AendringIkrafttraedelse: "2027-01-01" }))).statusCode).toBe(201);
  });

  it("a takstreduktion may apply from 1 January (004:4127-4146): the published period is replaced from its first day", async () => {
    await toAarOffentliggjort();
    const r = await indsend(aendring({ TS_Loen: LOEN_LAVERE, TS_AendringArt: "takstreduktion", TS_AendringVedtaget: "2027-03-10", TS_AendringIkrafttraedelse: "2027-01-01" }));
    expect(r.statusCode).toBe(201);
    expect(koder(r.json().findings)).not.toContain("TS130");
    await godkend(r.json().id);
    expect((await perioder("takstaar=2027")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([
      // Kept in the record, never in force (gyldigTil the day before gyldigFra).
      [TAKST_2027, "2027-01-01", "2026-12-31", "offentliggjort"],
      [TAKST_LAVERE, "2027-01-01", null, "takstreduktion"],
    ]);
    expect((await perioder("dato=2027-01-01")).map((p) => p.takst)).toEqual([TAKST_LAVERE]);
    expect((await get("/api/v1/takstoversigt.csv?takstaar=2027")).body).toContain(";01.01.2027;erstattet fra start;Offentliggjort;");
    // Withdrawn by the municipality (issue 26: the service dates a withdrawal today, Danish time,
    // held within the takstår). Withdrawn before 2027 began, the change was never in force and the
    // published takst runs on; withdrawn during 2027, the change ends that day and the published
    // takst it replaced runs again from the next.
    expect((await post(`${URL}/${r.json().id}/status`, { status: "tilbagetrukket", bemaerkning: "Fejl i indberetningen" }, t.odense)).statusCode).toBe(200);
    const idag = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
    const slut = idag < "2027-12-31" ? idag : "2027-12-31";
    expect((await perioder("takstaar=2027")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual(
      slut < "2027-01-01"
        ? [[TAKST_2027, "2027-01-01", null, "offentliggjort"]]
        : [
            [TAKST_2027, "2027-01-01", "2026-12-31", "offentliggjort"],
            [TAKST_LAVERE, "2027-01-01", slut, "takstreduktion"],
            ...(slut < "2027-12-31" ? [[TAKST_2027, dagenEfter(slut), null, "offentliggjort"]] : []),
          ],
    );
  });

  /** Today in Danish time (YYYY-MM-DD), as the service dates a withdrawal, held within 2026. */
  const idag2026 = () => {
    const idag = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
    return idag < "2026-12-31" ? idag : "2026-12-31";
  };
  const dagenEfter = (dato: string) => new Date(Date.parse(`${dato}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const traekTilbage = (id: string, bemaerkning: string) => post(`${URL}/${id}/status`, { status: "tilbagetrukket", bemaerkning }, t.odense);

  it("issue 26: withdrawing a published takst needs a begrundelse of at least 10 characters, and the takstoversigt shows it ended that day", async () => {
    const v1 = await indsend(skema(2026, { TS_Loen: LOEN_2026 }));
    expect(v1.statusCode).toBe(201);
    await offentliggoer(2026);
    for (const kort of ["x", "Tastefejl", "  fejl      x  "]) {
      const r = await traekTilbage(v1.json().id, kort);
      expect({ kort, kode: r.statusCode }).toEqual({ kort, kode: 400 });
      expect(r.json().fejl).toContain("mindst 10 tegn");
    }
    expect((await traekTilbage(v1.json().id, "Tilbuddet lukker")).statusCode).toBe(200);
    const slut = idag2026();
    expect((await perioder("takstaar=2026")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([[TAKST_2026, "2026-01-01", slut, "offentliggjort"]]);
    expect((await get("/api/v1/takstoversigt.csv?takstaar=2026")).body).toContain(`;01.01.2026;${slut.split("-").reverse().join(".")};Offentliggjort;`);
  });

  it("issue 26: an unpublished submission is still withdrawn with a short reason", async () => {
    const v1 = await indsend(skema(2026, { TS_Loen: LOEN_2026 }));
    expect((await traekTilbage(v1.json().id, "Forkert")).statusCode).toBe(200);
  });

  it("issue 26: a withdrawn in-year change in force ends on the withdrawal day and the takst it replaced runs on from the next", async () => {
    expect((await indsend(skema(2026, { TS_Loen: LOEN_2026 }))).statusCode).toBe(201);
    await offentliggoer(2026);
    const r = await indsend(skema(2026, { TS_Loen: LOEN_HOEJERE, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2026-04-20", TS_AendringIkrafttraedelse: "2026-05-01" }));
    expect(r.statusCode).toBe(201);
    await godkend(r.json().id);
    expect((await traekTilbage(r.json().id, "Forhøjelsen blev ikke vedtaget endeligt")).statusCode).toBe(200);
    const slut = idag2026();
    expect((await perioder("takstaar=2026")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([
      [TAKST_2026, "2026-01-01", "2026-04-30", "offentliggjort"],
      [TAKST_HOEJERE, "2026-05-01", slut, "takstforhoejelse"],
      ...(slut < "2026-12-31" ? [[TAKST_2026, dagenEfter(slut), null, "offentliggjort"]] : []),
    ]);
  });

  it("Flag: an approved change without TS_AendringIkrafttraedelse applies from the day it was received, held within the takstår", async () => {
    // Received now (after 2018): the last day of 2018.
    expect((await indsend(gyldigtSkema({ TS_Kategori: "Klyngetilbud" }))).statusCode).toBe(201);
    await offentliggoer(2018);
    const r = await indsend(gyldigtSkema({ TS_Kategori: "Klyngetilbud", TS_Loen: LOEN_HOEJERE, TS_AendringBegrundelse: "Ny overenskomst" }));
    expect(r.statusCode).toBe(201);
    await godkend(r.json().id);
    expect((await perioder("takstaar=2018")).map((p) => [p.takst, p.gyldigFra, p.gyldigTil, p.art])).toEqual([
      [TAKST_2027, "2018-01-01", "2018-12-30", "offentliggjort"],
      [TAKST_HOEJERE, "2018-12-31", null, "aendring"],
    ]);
    // Asked again and approved again: the change is in the register once.
    expect((await post(`${URL}/${r.json().id}/status`, { status: "i_dialog", bemaerkning: "Et spørgsmål" }, t.sekretariat)).statusCode).toBe(200);
    await godkend(r.json().id);
    expect(await perioder("takstaar=2018")).toHaveLength(2);
  });

  it("acceptance 1: a kategori change during the year is refused with TS131; the same kategori typed otherwise is not a change", async () => {
    await toAarOffentliggjort();
    const r = await indsend(aendring({ TS_Kategori: "Højt specialiseret tilbud med regional betydning", TS_AendringArt: "pladser", TS_Loen: LOEN_HOEJERE }));
    expect(r.statusCode).toBe(422);
    const ts131 = (r.json().findings as Fund[]).find((f) => f.code === "TS131");
    expect(ts131).toMatchObject({ severity: "error", field: "TS_Kategori" });
    expect(ts131!.message).toContain('offentliggjort med "Klyngetilbud"');
    // Lower case and extra spaces: the ruleset's own "Klyngetilbud".
    const samme = await indsend(aendring({ TS_Kategori: "  klyngetilbud ", TS_AendringArt: "pladser", TS_Loen: LOEN_HOEJERE }));
    expect(samme.statusCode).toBe(201);
    expect(koder(samme.json().findings)).not.toContain("TS131");
  });

  it("the ruleset's synonym of the published kategori is not a change (the store's text differs, the service's check passes it)", async () => {
    expect((await indsend(skema(2027, { TS_Kategori: "Højt specialiseret tilbud med regional betydning" }))).statusCode).toBe(201);
    await offentliggoer(2027);
    const r = await indsend(aendring({ TS_Kategori: "Højtspecialiseret tilbud med regional betydning", TS_Loen: LOEN_LAVERE, TS_AendringArt: "takstreduktion" }));
    expect(r.statusCode).toBe(201);
  });

  it("a tilbud new after publication needs no reason and, once approved (issue 25), opens its first period from its start date", async () => {
    await toAarOffentliggjort();
    const r = await indsend(skema(2027, { TS_Tilbud: "Bostedet Lærkereden", TS_AendringIkrafttraedelse: "2027-03-01" }));
    expect(r.statusCode).toBe(201);
    expect((await perioder("takstaar=2027")).map((p) => p.tilbud)).toEqual(["Bofællesskabet Søhuset"]);
    await godkend(r.json().id);
    const ny = (await perioder("takstaar=2027")).find((p) => p.tilbud === "Bostedet Lærkereden");
    expect(ny).toMatchObject({ takst: TAKST_2027, gyldigFra: "2027-03-01", gyldigTil: null, art: "nyt_tilbud", aendretIAaret: null, indberetningId: r.json().id });
    expect((await perioder("dato=2027-02-28")).map((p) => p.tilbud)).toEqual(["Bofællesskabet Søhuset"]);
    // Its next version is an in-year change like any other.
    const igen = await indsend(skema(2027, { TS_Tilbud: "Bostedet Lærkereden", TS_Loen: LOEN_HOEJERE }));
    expect(igen.statusCode).toBe(422);
    expect((igen.json().findings as Fund[]).map((f) => f.field)).toContain("TS_AendringBegrundelse");
  });

  it("TS133: a klyngetilbud whose pladser changed from last year warns without a begrundelse (Flag: a begrundelse for belægning counts)", async () => {
    expect((await indsend(skema(2026, { TS_Loen: LOEN_2026 }))).statusCode).toBe(201);
    // 14 pladser against 12 last year.
    const uden = await indsend(skema(2027, { TS_Pladser: 14 }));
    expect(uden.statusCode).toBe(201);
    const ts133 = (uden.json().findings as Fund[]).find((f) => f.code === "TS133");
    expect(ts133).toMatchObject({ severity: "warning", field: "TS_Pladser" });
    expect(ts133!.message).toContain("14 pladser mod 12 sidste år");
    const med = await indsend(skema(2027, { TS_Pladser: 14, TS_BelaegningBegrundelse: "To nye pladser efter aftale med kommunerne (Bilag 12)" }));
    expect(med.statusCode).toBe(201);
    expect(koder(med.json().findings)).not.toContain("TS133");
    // A lokalt tilbud is not judged.
    const lokalt = await indsend(skema(2027, { TS_Tilbud: "Lokalt sted", TS_Kategori: "Lokalt tilbud", TS_Pladser: 14 }));
    expect(koder(lokalt.json().findings)).not.toContain("TS133");
  });

  it("acceptance 3: the takstoversigt shows last year's takst from the register for a ydelse whose skema states none", async () => {
    expect((await indsend(skema(2026, { TS_Loen: LOEN_2026 }))).statusCode).toBe(201);
    const i2027 = skema(2027);
    expect(i2027).not.toHaveProperty("TS_SidsteAarsTakst");
    expect(i2027).not.toHaveProperty("TS_Ydelser_SidsteAarsTakst");
    expect((await indsend(i2027)).statusCode).toBe(201);
    await offentliggoer(2027);
    const [r] = await perioder("takstaar=2027");
    expect(r).toMatchObject({ takst: TAKST_2027, sidsteAarsTakst: TAKST_2026 });
    expect((await get("/api/v1/takstoversigt.csv?takstaar=2027")).body.split("\r\n")[1]!.split(";")[11]).toBe(String(TAKST_2026));
  });

  it("migration 010: every year published before the register becomes one period per takst from 1 January", async () => {
    const gammel = await databaseFoer(aabn, "010");
    try {
      const indsaet = (id: string, tilbud: string, version: number, takster: [string, number][], status = "modtaget") =>
        gammel.query(
          `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, nummer, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id, status)
           VALUES ($1::uuid, 'Odense Kommune', $2, $3, 2025, $4, $5, repeat('a', 64), '{}', '{}', '[]', '[]', $6::jsonb, now(), 't1', $7)`,
          [id, tilbud, takster[0]![0], version, `SYD-2025-000${id.slice(-1)}`, JSON.stringify({ ydelser: takster.map(([navn, takst]) => ({ navn, takst, basistakst: takst, servicetakst: 0 })) }), status],
        );
      await indsaet("00000000-0000-4000-8000-000000000001", "Søhuset", 1, [["Døgn", 1600]]);
      await indsaet("00000000-0000-4000-8000-000000000002", "Søhuset", 2, [["Døgn", 1650], ["Aflastning", 900]]);
      await indsaet("00000000-0000-4000-8000-000000000003", "Egebo", 1, [["Døgn", 1200]], "tilbagetrukket");
      await gammel.query("INSERT INTO offentliggoerelser (takstaar, token_id, antal_takster) VALUES (2025, 't1', 2)");
      expect(await migrer(gammel)).toContain("010_takstperioder.sql");
      const rows = await gammel.query<{ tilbud: string; ydelse: string; takst: number; fra: string; til: string | null; art: string; id: string }>(
        `SELECT tilbud, ydelse, takst, to_char(gyldig_fra, 'YYYY-MM-DD') AS fra, to_char(gyldig_til, 'YYYY-MM-DD') AS til, art, indberetning_id::text AS id
         FROM takstperioder_gyldige ORDER BY nr`,
      );
      expect(rows.map((r) => [r.tilbud, r.ydelse, Number(r.takst), r.fra, r.til, r.art, r.id.slice(-1)])).toEqual([
        ["Søhuset", "Døgn", 1650, "2025-01-01", null, "offentliggjort", "2"],
        ["Søhuset", "Aflastning", 900, "2025-01-01", null, "offentliggjort", "2"],
      ]);
    } finally {
      await gammel.close();
    }
  });
}
