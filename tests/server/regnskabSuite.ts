import "./jestCookie";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { apiMiljoe } from "./apiMiljoe";
import { type Skemapost, type Tokens, bearer, gyldigtSkema, lavTokens, postJson } from "./fixtures";

const URL = "/api/v1/indberetninger";
const TILBUD = "Bofællesskabet Søhuset";
const YDELSE = "Længerevarende botilbud";

/*
 * The budget skema of 2025 (gyldigtSkema: 12 pladser, 96 %, 365 dage = 4.204,8 belægningsdage;
 * administration 300.000 kr.; overhead 4 %): takst = (løn + 300.000) × 1,04 / 4.204,8.
 */
const TAKST_2025 = 1682; // løn 6.500.000: 7.072.000 / 4.204,8 = 1.681,89 → 1.682 kr.
const TAKST_MAJ = 1781; // løn 6.900.000: 7.488.000 / 4.204,8 = 1.780,82 → 1.781 kr. (in force from 1 May 2025)

/*
 * The regnskab of 2025, by hand:
 *   A1 = 1.400 dage × 1.682 (1.1-30.4) + 2.800 dage × 1.781 (1.5-31.12) = 2.354.800 + 4.986.800 = 7.341.600
 *   A2 = løn 6.600.000 + administration 300.000 = overheadgrundlag 6.900.000; + 4 % overhead 276.000 = 7.176.000
 *   A3 = 0, A4 = A2 + A3 = 7.176.000, A5 = A1 − A4 = 165.600 (overskud, under 5 % of the budget 7.000.000 = 350.000)
 *   A6 = 100.000 set aside in the pool + 0 carried over; A7 = A5 − A6 = 65.600; regulering in 2027 = −65.600
 */
const EFTERREGULERING_2027 = {
  A1: 7_341_600, A2: 7_176_000, A3: 0, A4: 7_176_000, A5: 165_600, A6: 100_000, A6Pulje: 100_000, A6Overfoert: 0, A7: 65_600,
  regulering: -65_600, reguleringPulje: 0,
};

type Fund = { code: string; severity: string; field: string; cell: string; row?: number; message: string };

/** The regnskab of 2025 with actual days per takst period (a regnskabsskema's JSON body). */
function regnskab(over: Skemapost = {}): Skemapost {
  return {
    TS_Skematype: "regnskab", TS_Regelsaet: "SYD-2018", TS_Regnskabsaar: 2025, TS_Driftsherre: "Odense Kommune", TS_Tilbud: TILBUD,
    TS_Lovgrundlag: "SEL § 108", TS_Kontaktperson: "Anne Jensen", TS_Email: "anne@odense.dk", TS_Takstenhed: "døgn",
    TS_Loen: 6_600_000, TS_Administration: 300_000, TS_OverheadSats: 0.04,
    TS_Ydelser_Navn: [YDELSE, YDELSE], TS_Ydelser_GyldigFra: ["2025-01-01", "2025-05-01"], TS_Ydelser_FaktiskeDage: [1400, 2800],
    TS_Ydelser_Takst: [TAKST_2025, TAKST_MAJ], TS_A3: 0, TS_A6Pulje: 100_000, TS_A6Overfoert: 0, TS_RegBudget: 7_000_000,
    ...over,
  };
}

/** Issue 22 (acceptance 2, without the pool): regnskabsskemaer in the service and GET /api/v1/efterregulering, on PGlite and PostgreSQL. */
export function regnskabSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), undefined, ["indberetninger", "offentliggoerelser"]);

  const post = (url: string, body: unknown, token: string) => postJson(app, url, body, token);
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });
  const indsend = (body: unknown) => post(URL, body, t.odense);
  const budget = (over: Skemapost = {}) => gyldigtSkema({ TS_Takstaar: 2025, TS_Kategori: "Klyngetilbud", TS_Loen: 6_500_000, ...over });
  const efterregulering = (q: string, token = t.odense) => get(`/api/v1/efterregulering?tilbud=${encodeURIComponent(TILBUD)}&${q}`, token);
  const koder = (findings: Fund[]) => findings.map((f) => f.code);

  async function ok(body: unknown, kode = 201): Promise<{ id: string; nummer: string; findings: Fund[] }> {
    const r = await indsend(body);
    expect({ kode: r.statusCode, svar: r.statusCode === kode ? null : r.json() }).toEqual({ kode, svar: null });
    return r.json();
  }

  /** The budget skema of 2025 submitted and published (one takst all year); its receipt. */
  async function offentliggjort2025(over: Skemapost = {}): Promise<{ id: string }> {
    const b = await ok(budget(over));
    expect((await post("/api/v1/offentliggoerelse", { takstaar: 2025, bekraeft: true }, t.sekretariat)).statusCode).toBe(201);
    return b;
  }

  /** …and the takstforhøjelse from 1 May 2025, approved: two periods in the register. */
  async function medAendringFraMaj(): Promise<{ id: string }> {
    const b = await offentliggjort2025();
    const aendring = await ok(budget({
      TS_Loen: 6_900_000, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse",
      TS_AendringVedtaget: "2025-04-20", TS_AendringIkrafttraedelse: "2025-05-01",
    }));
    expect((await post(`${URL}/${aendring.id}/status`, { status: "godkendt", bemaerkning: "Godkendt" }, t.sekretariat)).statusCode).toBe(200);
    const perioder = (await get("/api/v1/takstoversigt?takstaar=2025")).json().takster as { takst: number; gyldigFra: string; gyldigTil: string | null }[];
    expect(perioder.map((p) => [p.takst, p.gyldigFra, p.gyldigTil])).toEqual([[TAKST_2025, "2025-01-01", "2025-04-30"], [TAKST_MAJ, "2025-05-01", null]]);
    return b;
  }

  it("acceptance 2: the regnskab of 2025 with days per takst period is received, and GET /api/v1/efterregulering?takstaar=2027 gives A1 = Σ dage × the register's takster and regulering = −A7", async () => {
    await medAendringFraMaj();
    const r = await ok(regnskab());
    expect(r.nummer).toMatch(/^SYD-2018-2025-\d{4}$/);
    expect(koder(r.findings)).not.toContain("TS201");
    expect(koder(r.findings)).not.toContain("TS202");

    const svar = await efterregulering("takstaar=2027");
    expect(svar.statusCode).toBe(200);
    expect(svar.json()).toEqual({
      driftsherre: "Odense Kommune", tilbud: TILBUD, takstaar: 2027, regnskabsaar: 2025,
      regnskab: { id: r.id, nummer: r.nummer, version: 1, status: "modtaget" },
      ...EFTERREGULERING_2027,
    });
    // The secretariat names the driftsherre; the dialogue works for a regnskab as for a budget skema.
    expect((await post(`${URL}/${r.id}/status`, { status: "godkendt", bemaerkning: "Regnskabet er godkendt" }, t.sekretariat)).statusCode).toBe(200);
    const sek = await efterregulering("takstaar=2027&driftsherre=Odense%20Kommune", t.sekretariat);
    expect(sek.json()).toMatchObject({ regnskab: { id: r.id, status: "godkendt" }, A1: EFTERREGULERING_2027.A1 });
    // Approving a regnskab opens no takst period.
    expect((await db.query("SELECT 1 FROM takstperioder WHERE indberetning_id = $1::uuid", [r.id])).length).toBe(0);

    // 2026 receives from the regnskab of 2024, which does not exist: 404 with a Danish reason.
    const intet = await efterregulering("takstaar=2026");
    expect(intet.statusCode).toBe(404);
    expect(intet.json().fejl).toContain("intet aktuelt regnskab");
    // A withdrawn regnskab gives nothing.
    expect((await post(`${URL}/${r.id}/status`, { status: "tilbagetrukket", bemaerkning: "Regnskabet var foreløbigt" }, t.odense)).statusCode).toBe(200);
    expect((await efterregulering("takstaar=2027")).statusCode).toBe(404);
    // Approved and withdrawn, it never got a row in the overview (the triggers rewrite a row on every status change).
    expect(await db.query("SELECT id FROM oversigt_kort WHERE id = $1::uuid", [r.id])).toHaveLength(0);
  });

  it("GET /api/v1/efterregulering: another municipality gets 403 for Odense's tilbud and 404 for its own, the secretariat must name the driftsherre, no token is 401", async () => {
    await medAendringFraMaj();
    await ok(regnskab());
    expect((await efterregulering("takstaar=2027&driftsherre=Odense%20Kommune", t.aarhus)).statusCode).toBe(403);
    expect((await efterregulering("takstaar=2027", t.aarhus)).statusCode).toBe(404);
    expect((await efterregulering("takstaar=2027", t.sekretariat)).statusCode).toBe(403);
    expect((await get(`/api/v1/efterregulering?tilbud=x&takstaar=2027`)).statusCode).toBe(401);
    expect((await efterregulering("takstaar=20x7")).statusCode).toBe(400);
  });

  it("TS201: a row whose takst is not the register's for that ydelse in the row's period is refused with 422 and nothing is stored", async () => {
    await medAendringFraMaj();
    const foer = await db.query("SELECT id FROM indberetninger");
    const forkert = await indsend(regnskab({ TS_Ydelser_Takst: [TAKST_2025, 1700] }));
    expect(forkert.statusCode).toBe(422);
    const ts201 = (forkert.json().findings as Fund[]).filter((f) => f.code === "TS201");
    expect(ts201.map((f) => [f.severity, f.field, f.row])).toEqual([["error", "TS_Ydelser_Takst", 1]]);
    expect(ts201[0]!.message).toContain("1.700 kr.");
    expect(ts201[0]!.message).toContain("1.781 kr.");
    // The January takst charged after the change of 1 May is not the register's for that period either.
    const gammel = await indsend(regnskab({ TS_Ydelser_Takst: [TAKST_2025, TAKST_2025] }));
    expect(gammel.statusCode).toBe(422);
    expect((gammel.json().findings as Fund[]).filter((f) => f.code === "TS201").map((f) => f.row)).toEqual([1]);
    // A ydelse the register does not have.
    const ukendt = await indsend(regnskab({ TS_Ydelser_Navn: [YDELSE, "Aflastning"] }));
    expect((ukendt.json().findings as Fund[]).find((f) => f.code === "TS201")!.message).toContain("ingen takst for \"Aflastning\"");
    expect(await db.query("SELECT id FROM indberetninger")).toHaveLength(foer.length);
    // With A1 from the accounts (intern afregning) the register does not judge the rows.
    const intern = await ok(regnskab({ TS_Ydelser_Takst: [TAKST_2025, 1700], TS_A1Kilde: "regnskab", TS_A1Regnskab: 7_300_000 }));
    expect(koder(intern.findings)).not.toContain("TS201");
    // TS_A1Kilde is a defined field: a value outside its list is TS002, nothing stored.
    const foerJunk = await db.query("SELECT id FROM indberetninger");
    const junk = await indsend(regnskab({ TS_Ydelser_Takst: [TAKST_2025, 1700], TS_A1Kilde: "intern", TS_A1Regnskab: 7_300_000 }));
    expect(junk.statusCode).toBe(422);
    expect((junk.json().findings as Fund[]).filter((f) => f.field === "TS_A1Kilde").map((f) => f.code)).toEqual(["TS002"]);
    expect(await db.query("SELECT id FROM indberetninger")).toHaveLength(foerJunk.length);
  });

  it("TS201 with no published takster for the year: every row is refused", async () => {
    await ok(budget());
    const r = await indsend(regnskab());
    expect(r.statusCode).toBe(422);
    expect(koder(r.json().findings).filter((k) => k === "TS201")).toHaveLength(2);
  });

  it("TS202: a regulering line unlike the current budget skema of 2025's is a warning stored with the receipt; equal, none", async () => {
    await offentliggjort2025({ TS_Regulering: -40_000 });
    // The regulering line is in the takst: (7.072.000 − 40.000) / 4.204,8 = 1.672,37 → 1.672 kr.
    const enRaekke = { TS_Ydelser_Navn: [YDELSE], TS_Ydelser_GyldigFra: [null], TS_Ydelser_FaktiskeDage: [4200], TS_Ydelser_Takst: [1672] };
    const afviger = await ok(regnskab({ ...enRaekke, TS_Regulering: -50_000 }));
    const ts202 = afviger.findings.filter((f) => f.code === "TS202");
    expect(ts202.map((f) => [f.severity, f.field])).toEqual([["warning", "TS_Regulering"]]);
    expect(ts202[0]!.message).toContain("-40.000 kr.");
    const gemt = (await get(`${URL}/${afviger.id}`, t.odense)).json();
    expect(koder(gemt.findings)).toContain("TS202");
    expect(gemt.skematype).toBe("regnskab");
    const ens = await ok(regnskab({ ...enRaekke, TS_Regulering: -40_000 }));
    expect(koder(ens.findings)).not.toContain("TS202");
  });

  it("a regnskab and the budget skema of the same tilbud and year keep separate versions; a regnskab after publication needs no begrundelse and is no in-year change", async () => {
    const b1 = await medAendringFraMaj();
    const r1 = await ok(regnskab());
    const r2 = await ok(regnskab({ TS_Ydelser_FaktiskeDage: [1400, 2700] }));
    // The same body as the current version: its receipt again.
    const igen = await ok(regnskab({ TS_Ydelser_FaktiskeDage: [1400, 2700] }), 200);
    expect(igen.id).toBe(r2.id);
    const raekker = await db.query<{ id: string; skematype: string; version: number; i_aaret: boolean }>(
      "SELECT id::text AS id, skematype, version, aendret_i_aaret IS NOT NULL AS i_aaret FROM indberetninger ORDER BY skematype, version",
    );
    expect(raekker.map((x) => [x.skematype, x.version, x.i_aaret])).toEqual([["budget", 1, false], ["budget", 2, true], ["regnskab", 1, false], ["regnskab", 2, false]]);
    expect(raekker.map((x) => x.id)).toEqual([b1.id, expect.any(String), r1.id, r2.id]);
    // The list says which is which; "aktuelle" is the current version of each kind.
    const liste = (await get(`${URL}?takstaar=2025&aktuelle=true`, t.odense)).json().indberetninger as { id: string; skematype: string; version: number }[];
    expect(liste.map((i) => [i.skematype, i.version])).toEqual([["budget", 2], ["regnskab", 2]]);
  });

  it("the overview, the takstoversigt, sidste-aar and the export show the budget skema only", async () => {
    const b = await offentliggjort2025();
    const enRaekke = { TS_Ydelser_Navn: [YDELSE], TS_Ydelser_GyldigFra: [null], TS_Ydelser_FaktiskeDage: [4200], TS_Ydelser_Takst: [TAKST_2025] };
    await ok(regnskab(enRaekke));
    await ok(regnskab({ ...enRaekke, TS_Ydelser_FaktiskeDage: [4100] }));
    // A regnskab of a year with no budget skema (A1 from the accounts, so no register needed).
    const r2024 = await ok(regnskab({ ...enRaekke, TS_Regnskabsaar: 2024, TS_A1Kilde: "regnskab", TS_A1Regnskab: 7_100_000 }));
    // With no budget skema of 2024, TS202 and TS203 are skipped and say why.
    const sprunget = (await get(`${URL}/${r2024.id}`, t.odense)).json().sprunget as { code: string; message: string }[];
    expect(sprunget.find((s) => s.code === "TS202")!.message).toContain(`aktuel budgetindberetning af ${TILBUD} for takstår 2024, og der er ingen`);

    const oversigt = (await get("/api/v1/oversigt?takstaar=2025", t.sekretariat)).json() as { takstaarListe: number[]; indberetninger: { id: string; version: number }[] };
    expect(oversigt.indberetninger.map((i) => [i.id, i.version])).toEqual([[b.id, 1]]);
    expect(oversigt.takstaarListe).toEqual([2025]);
    const egen = (await get("/api/v1/oversigt?takstaar=2025", t.odense)).json() as { takstaarListe: number[]; indberetninger: { id: string }[] };
    expect([egen.takstaarListe, egen.indberetninger.map((i) => i.id)]).toEqual([[2025], [b.id]]);

    const takster = (await get("/api/v1/takstoversigt?takstaar=2025")).json().takster as { indberetningId: string; takst: number }[];
    expect(takster.map((p) => [p.indberetningId, p.takst])).toEqual([[b.id, TAKST_2025]]);

    const sidste = await get(`${URL}/sidste-aar?tilbud=${encodeURIComponent(TILBUD)}&takstaar=2026`, t.odense);
    expect(sidste.json()).toMatchObject({ id: b.id, takstaar: 2025, version: 1, ydelser: [{ navn: YDELSE, takst: TAKST_2025 }] });

    const csv = (await get("/api/v1/eksport/takster.csv?takstaar=2025", t.sekretariat)).body.trim().split("\r\n");
    expect(csv).toHaveLength(2);
  });
}
