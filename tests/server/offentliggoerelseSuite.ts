import "./jestCookie";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

const URL = "/api/v1/indberetninger";
const DIFF = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;

/** Issue 14, publication: on PGlite and on PostgreSQL. */
export function offentliggoerelseSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  let vejle: string;
  const tokens = async (d: Db) => ({ ...(await lavTokens(d)), vejle: (await opretToken(d, { rolle: "kommune", driftsherre: "Vejle Kommune" })).token });
  // apiMiljoe clears the submissions before each test; the publications go too.
  apiMiljoe(aabn, tokens, (m) => ({ db, app, t, t: { vejle } } = m));
  beforeEach(async () => {
    await db.query("DELETE FROM offentliggoerelser");
  });

  const post = (url: string, body: unknown, token?: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) }, payload: JSON.stringify(body) });
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });
  const indsend = (body: unknown, token = t.odense) => post(URL, body, token);
  // Confirmed: these tests publish unapproved submissions on purpose (the check itself: saesonSuite).
  const offentliggoer = (takstaar: unknown, token = t.sekretariat) => post("/api/v1/offentliggoerelse", { takstaar, bekraeft: true }, token);
  type Raekke = { tilbud: string; ydelse: string; takst: number; aendretIAaret: string | null; aendringBegrundelse: string | null; gyldigFra: string; gyldigTil: string | null; art: string };
  const oversigt = async (aar = 2018): Promise<Raekke[]> => {
    const r = await get(`/api/v1/takstoversigt?takstaar=${aar}`);
    expect(r.statusCode).toBe(200);
    return r.json().takster as Raekke[];
  };

  it("only the secretariat publishes; a municipality gets 403, no token 401; again is 200 with the first date", async () => {
    expect((await indsend(gyldigtSkema())).statusCode).toBe(201);
    expect((await offentliggoer(2018, t.odense)).statusCode).toBe(403);
    expect((await post("/api/v1/offentliggoerelse", { takstaar: 2018 })).statusCode).toBe(401);
    expect((await get("/api/v1/takstoversigt?takstaar=2018")).statusCode).toBe(404);
    const f = await offentliggoer(2018);
    expect(f.statusCode).toBe(201);
    expect(f.json()).toMatchObject({ takstaar: 2018, antalTakster: 1 });
    const igen = await offentliggoer(2018);
    expect(igen.statusCode).toBe(200);
    expect(igen.json().offentliggjort).toBe(f.json().offentliggjort);
    expect((await get("/api/v1/offentliggoerelse")).json().offentliggjorte).toEqual([f.json()]);
    // A year without takster, and a body that is not a year.
    expect((await offentliggoer(2019)).statusCode).toBe(409);
    expect((await offentliggoer("tyve")).statusCode).toBe(400);
  });

  it("the takstoversigt needs no token; an unpublished year is 404 with a Danish message", async () => {
    expect((await indsend(gyldigtSkema())).statusCode).toBe(201);
    const ikke = await get("/api/v1/takstoversigt?takstaar=2018");
    expect(ikke.statusCode).toBe(404);
    expect(ikke.json().fejl).toBe("Taksterne for 2018 er ikke offentliggjort.");
    expect((await get("/api/v1/takstoversigt.csv?takstaar=2018")).statusCode).toBe(404);
    expect((await get("/takstoversigt?takstaar=2018")).statusCode).toBe(404);
    await offentliggoer(2018);
    const [r] = await oversigt();
    // gyldigtSkema: Bofællesskabet Søhuset, 12 pladser, 96 %, takst 1682 kr. (fixtures.ts).
    expect(r).toMatchObject({
      driftsherre: "Odense Kommune", tilbud: "Bofællesskabet Søhuset", tilbudsportalId: "12345", lovgrundlag: "SEL § 108",
      ydelse: "Længerevarende botilbud", takstenhed: "døgn", pladser: 12, belaegning: 0.96, takst: 1682, aendretIAaret: null,
    });
    expect(r).not.toHaveProperty("version");
  });

  it("a three-ydelse submission gives three rows with their basis/service split and last year's takst", async () => {
    expect((await indsend({ ...DIFF }, vejle)).statusCode).toBe(201);
    await offentliggoer(2018);
    const raekker = await oversigt();
    // Takster worked out in tests/takstskema/ydelser.test.ts; sidste års takst as the example states it.
    expect(raekker.map((r) => [r.ydelse, r.takst])).toEqual([
      ["Gruppe A: moderat støtte", 1484], ["Gruppe B: omfattende støtte", 1927], ["Gruppe C: særlig tæt støtte", 2814],
    ]);
    const a = raekker[0] as unknown as Record<string, number>;
    expect(a).toMatchObject({ pladser: 10, belaegning: 0.95, sidsteAarsTakst: 1460 });
    expect(a.basistakst! + a.servicetakst!).toBeCloseTo(1484, 0);
    // Real development: 1484 / (1460 × 1,019) − 1 = −0,25 % (PL 1,9 %).
    expect(a.takstudvikling).toBeCloseTo(1484 / (1460 * 1.019) - 1, 2);
    const csv = (await get("/api/v1/takstoversigt.csv?takstaar=2018")).body;
    expect(csv.startsWith("\uFEFFDriftsherre;Tilbud;Tilbudsportal-ID;Lovgrundlag;Ydelse;Takstenhed;Pladser;Belægning %;Takst (kr.)")).toBe(true);
    const linjer = csv.trim().split("\r\n");
    expect(linjer).toHaveLength(4);
    expect(linjer[1]).toMatch(/^Vejle Kommune;Bostedet Engblommen;5120;SEL § 108;Gruppe A: moderat støtte;døgn;10;95,0;1484;/);
    expect(csv).not.toMatch(/Version/);
  });

  it("after publication a new version without TS_AendringBegrundelse is refused (422 on that field); with it, it is marked with the date", async () => {
    expect((await indsend(gyldigtSkema())).statusCode).toBe(201);
    const f = (await offentliggoer(2018)).json();
    // The same body again is the current version: its receipt, no reason needed.
    expect((await indsend(gyldigtSkema())).statusCode).toBe(200);
    const uden = await indsend(gyldigtSkema({ TS_Loen: 6600000 }));
    expect(uden.statusCode).toBe(422);
    const fund = uden.json().findings.find((x: { field: string }) => x.field === "TS_AendringBegrundelse");
    expect(fund).toMatchObject({ code: "TS001", severity: "error" });
    expect(fund.message).toMatch(/offentliggjort .*begrundelse/);
    expect((await oversigt())[0]!.takst).toBe(1682);

    const med = await indsend(gyldigtSkema({ TS_Loen: 6600000, TS_AendringBegrundelse: "Ny overenskomst fra 1. april", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2018-03-15", TS_AendringIkrafttraedelse: "2018-04-01" }));
    expect(med.statusCode).toBe(201);
    // Issue 21: the register changes when the secretariat approves the change, not on receipt.
    expect((await oversigt()).map((x) => x.takst)).toEqual([1682]);
    expect((await post(`${URL}/${med.json().id}/status`, { status: "godkendt", bemaerkning: "Godkendt" }, t.sekretariat)).statusCode).toBe(200);
    const [gammel, r] = await oversigt();
    expect(gammel).toMatchObject({ takst: 1682, gyldigFra: "2018-01-01", gyldigTil: "2018-03-31", art: "offentliggjort", aendretIAaret: null });
    expect(r).toMatchObject({ gyldigFra: "2018-04-01", gyldigTil: null, art: "takstforhoejelse" });
    expect(r!.takst).not.toBe(1682);
    expect(r!.aendringBegrundelse).toBe("Ny overenskomst fra 1. april");
    expect(Date.parse(r!.aendretIAaret!)).toBeGreaterThanOrEqual(Date.parse(f.offentliggjort));
    expect(r!.aendretIAaret).toBe(med.json().modtaget);
    const csv = (await get("/api/v1/takstoversigt.csv?takstaar=2018")).body;
    const dato = new Intl.DateTimeFormat("da-DK", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Copenhagen" }).format(new Date(med.json().modtaget));
    expect(csv).toContain(`;${dato}: Ny overenskomst fra 1. april\r\n`);
  });

  it("withdrawal ends the published takst (shown ended on the year's last day when withdrawn after it); an older version does not come back", async () => {
    const v1 = await indsend(gyldigtSkema());
    const v2 = await indsend(gyldigtSkema({ TS_Loen: 6600000 }));
    expect([v1.statusCode, v2.statusCode]).toEqual([201, 201]);
    expect((await indsend(gyldigtSkema({ TS_Tilbud: "Bostedet Egebo" }))).statusCode).toBe(201);
    await offentliggoer(2018);
    expect((await oversigt()).map((r) => r.tilbud)).toEqual(["Bofællesskabet Søhuset", "Bostedet Egebo"]);
    const tr = await post(`${URL}/${v2.json().id}/status`, { status: "tilbagetrukket", bemaerkning: "Tilbuddet lukker" }, t.odense);
    expect(tr.statusCode).toBe(200);
    // Withdrawn now, years after 2018: the takst ran all of 2018 and is shown so, not dropped without a mark.
    expect((await oversigt()).map((r) => [r.tilbud, r.gyldigTil])).toEqual([["Bofællesskabet Søhuset", "2018-12-31"], ["Bostedet Egebo", null]]);
    expect((await get("/api/v1/takstoversigt?dato=2018-06-01")).json().takster.map((r: Raekke) => r.tilbud)).toEqual(["Bofællesskabet Søhuset", "Bostedet Egebo"]);
  });

  it("the .xlsx is print-ready: landscape, heading row repeated, fit to width, page footer", async () => {
    expect((await indsend({ ...DIFF }, vejle)).statusCode).toBe(201);
    await offentliggoer(2018);
    const r = await get("/api/v1/takstoversigt.xlsx?takstaar=2018");
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(ws.headerFooter.oddFooter).toContain("Side &P af &N");
    expect(ws.getRow(2).getCell(1).value).toBe("Driftsherre");
    expect(ws.getRow(3).getCell(9).value).toBe(1484);
    expect(ws.getColumn(9).numFmt).toBe('#,##0 "kr."');
    expect(ws.rowCount).toBe(5);
  });

  it("the public page lists published years and the table with caption and scope", async () => {
    expect((await indsend({ ...DIFF }, vejle)).statusCode).toBe(201);
    await offentliggoer(2018);
    const side = await get("/takstoversigt");
    expect(side.statusCode).toBe(200);
    expect(side.headers["content-security-policy"]).toContain("default-src 'none'");
    expect(side.body).toContain('<html lang="da">');
    expect(side.body).toMatch(/<caption>Takster for 2018, offentliggjort/);
    expect(side.body).toContain('<th scope="col">Takst</th>');
    expect(side.body).toContain('<th scope="row">Bostedet Engblommen</th>');
    expect(side.body).toContain("1.484 kr.");
    expect((await get("/takstoversigt.css")).body).toContain("@media print");
  });
}
