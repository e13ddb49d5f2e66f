import "./jestCookie";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { lavRegister, parseRegelsaet } from "../../src/regelsaet";
import type { Db } from "../../src/server/db";
import { registrer } from "../../src/server/revisionsspor/sql";
import { opretToken } from "../../src/server/tokens";
import { syd2027 } from "../helpers/regelsaet";
import { apiMiljoe } from "./apiMiljoe";
import { bearer, gyldigtSkema } from "./fixtures";

const AAR = 2031;
/** The test ruleset's deadline for AAR's takster (fristTakster), and the fixed "now" 8 days before it. */
const FRIST = "2030-11-15";
const FOER_FRISTEN = new Date("2030-11-07T10:00:00Z");
/** The day after the deadline, in Danish time. */
const EFTER_FRISTEN = new Date("2030-11-16T10:00:00Z");

const ODENSE = "Odense Kommune";
const AARHUS = "Aarhus Kommune";
const SOEHUSET = "Bofællesskabet Søhuset";
const LAERKEREDEN = "Bostedet Lærkereden";
const SKOVLY = "Skovly";

/** SYD-2018's rules as the ruleset for AAR, with its deadline FRIST (figures invented for the tests). */
function regelsaetForAar(): ReturnType<typeof parseRegelsaet> {
  const r = syd2027({ id: `SYD-${AAR}`, takstaar: AAR, navn: `Rammeaftale Syddanmark, takster ${AAR}` });
  (r.parametre as Record<string, unknown>).fristTakster = { vaerdi: FRIST, kilde: "tidsplan (testdata)" };
  return parseRegelsaet(r);
}

type Tokens = { odense: string; aarhus: string; sek: string; sekId: string; odenseId: string };

/**
 * Issue 25, acceptance 3 and the audit trail: the expected skemaer against the deadline, the
 * checked publication, an in-year change public only once approved, and who did what (on
 * PGlite and PostgreSQL). The clock is the app's `nu`, fixed per test.
 */
export function saesonSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  let ur = FOER_FRISTEN;
  const syd2018 = parseRegelsaet(JSON.parse(readFileSync(join(__dirname, "..", "..", "rulesets", "SYD-2018.json"), "utf8")));
  apiMiljoe(
    aabn,
    async (d) => {
      const o = await opretToken(d, { rolle: "kommune", driftsherre: ODENSE, beskrivelse: "Odense, økonomi" });
      const a = await opretToken(d, { rolle: "kommune", driftsherre: AARHUS });
      const s = await opretToken(d, { rolle: "sekretariat", beskrivelse: "Sekretariatet, Anne Holm" });
      return { odense: o.token, odenseId: o.id, aarhus: a.token, sek: s.token, sekId: s.id };
    },
    (m) => ({ db, app, t } = m),
    { statiskMappe: null, register: lavRegister([syd2018, regelsaetForAar()]), nu: () => ur },
  );
  beforeEach(async () => {
    ur = FOER_FRISTEN;
    await db.query("DELETE FROM offentliggoerelser");
    await db.query("DELETE FROM forventede_lister");
  });

  const send = (method: "POST" | "PUT", url: string, body: unknown, token?: string) =>
    app.inject({ method, url, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) }, payload: JSON.stringify(body) });
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });
  const skema = (driftsherre: string, tilbud: string, over: Record<string, unknown> = {}) =>
    gyldigtSkema({ TS_Regelsaet: `SYD-${AAR}`, TS_Takstaar: AAR, TS_Driftsherre: driftsherre, TS_Tilbud: tilbud, TS_Kategori: "Klyngetilbud", ...over });
  const indsend = async (token: string, body: unknown): Promise<string> => {
    const r = await send("POST", "/api/v1/indberetninger", body, token);
    if (r.statusCode !== 201) throw new Error(`${r.statusCode}: ${r.body}`);
    return r.json().id as string;
  };
  const godkend = async (id: string) => expect((await send("POST", `/api/v1/indberetninger/${id}/status`, { status: "godkendt", bemaerkning: "I orden" }, t.sek)).statusCode).toBe(200);
  const gemListe = async (liste: { driftsherre: string; tilbud: string }[]) => expect((await send("PUT", `/api/v1/forventede?takstaar=${AAR}`, { forventede: liste }, t.sek)).statusCode).toBe(200);
  /** The deadline overview as the secretariat sees it, keyed "driftsherre/tilbud". */
  const fristOversigt = async () => {
    const r = await get(`/api/v1/forventede?takstaar=${AAR}`, t.sek);
    expect(r.statusCode).toBe(200);
    return r.json() as { kilde: string; frist: string | null; dageTilFrist: number | null; antal: Record<string, number>; skemaer: { driftsherre: string; tilbud: string; forventet: boolean; indsendt: string | null; mangler: boolean; forSent: boolean; dageTilFrist: number | null }[] };
  };
  const udenTid = <T extends { indsendt: string | null }>(s: T) => ({ ...s, indsendt: s.indsendt === null ? null : "sat" });

  it("the overview shows missing, late and days left per skema against the kept expected list", async () => {
    await gemListe([{ driftsherre: ODENSE, tilbud: SOEHUSET }, { driftsherre: ODENSE, tilbud: LAERKEREDEN }, { driftsherre: AARHUS, tilbud: SKOVLY }]);
    // Søhuset in time with two ydelser (one skema, counted once); Skovly received the day after the deadline (set in the database).
    await indsend(t.odense, skema(ODENSE, SOEHUSET, { TS_Ydelser_Navn: ["Døgn", "Aflastning", null, null, null, null, null, null, null, null], TS_Ydelser_Pladser: [8, 4, null, null, null, null, null, null, null, null], TS_Ydelser_Belaegning: [0.96, 0.96, null, null, null, null, null, null, null, null] }));
    const skovly = await indsend(t.aarhus, skema(AARHUS, SKOVLY));
    await db.query("UPDATE indberetninger SET modtaget = $2 WHERE id = $1", [skovly, EFTER_FRISTEN.toISOString()]);

    const f = await fristOversigt();
    expect(f).toMatchObject({ kilde: "gemt", frist: FRIST, dageTilFrist: 8, antal: { forventede: 3, indsendt: 2, mangler: 1, forSent: 1 } });
    expect(f.skemaer.map(udenTid)).toEqual([
      { driftsherre: AARHUS, tilbud: SKOVLY, forventet: true, indsendt: "sat", mangler: false, forSent: true, frist: FRIST, dageTilFrist: 8 },
      { driftsherre: ODENSE, tilbud: SOEHUSET, forventet: true, indsendt: "sat", mangler: false, forSent: false, frist: FRIST, dageTilFrist: 8 },
      { driftsherre: ODENSE, tilbud: LAERKEREDEN, forventet: true, indsendt: null, mangler: true, forSent: false, frist: FRIST, dageTilFrist: 8 },
    ].sort((a, b) => a.driftsherre.localeCompare(b.driftsherre, "da") || a.tilbud.localeCompare(b.tilbud, "da")));
    expect(f.skemaer.find((s) => s.tilbud === SKOVLY)!.indsendt).toBe(EFTER_FRISTEN.toISOString());

    // The day after the deadline: the missing skema is late too, and the deadline passed a day ago.
    ur = EFTER_FRISTEN;
    const efter = await fristOversigt();
    expect(efter).toMatchObject({ dageTilFrist: -1, antal: { mangler: 1, forSent: 2 } });
    expect(efter.skemaer.find((s) => s.tilbud === LAERKEREDEN)).toMatchObject({ mangler: true, forSent: true, dageTilFrist: -1 });
  });

  it("without a kept list the year expects last year's published tilbud; a municipality may not read or change the list", async () => {
    await godkend(await indsend(t.odense, skema(ODENSE, SOEHUSET, { TS_Takstaar: AAR - 1, TS_Regelsaet: "SYD-2018" })));
    await indsend(t.aarhus, skema(AARHUS, SKOVLY, { TS_Takstaar: AAR - 1, TS_Regelsaet: "SYD-2018" }));
    // Skovly's skema for last year is withdrawn before publication: not published, not expected.
    const trukket = (await get(`/api/v1/indberetninger?takstaar=${AAR - 1}`, t.sek)).json().indberetninger.find((i: { tilbud: string }) => i.tilbud === SKOVLY).id;
    expect((await send("POST", `/api/v1/indberetninger/${trukket}/status`, { status: "tilbagetrukket", bemaerkning: "Tilbuddet lukker" }, t.aarhus)).statusCode).toBe(200);
    expect((await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR - 1 }, t.sek)).statusCode).toBe(201);
    const f = await fristOversigt();
    expect(f).toMatchObject({ kilde: "sidste_aar", antal: { forventede: 1, mangler: 1 } });
    expect(f.skemaer.map((s) => [s.driftsherre, s.tilbud, s.mangler])).toEqual([[ODENSE, SOEHUSET, true]]);
    expect((await get(`/api/v1/forventede?takstaar=${AAR}`, t.odense)).statusCode).toBe(403);
    expect((await send("PUT", `/api/v1/forventede?takstaar=${AAR}`, { forventede: [] }, t.odense)).statusCode).toBe(403);
    expect((await send("PUT", `/api/v1/forventede?takstaar=${AAR}`, { forventede: [{ driftsherre: ODENSE }] }, t.sek)).statusCode).toBe(400);
    // A kept empty list expects nobody.
    await gemListe([]);
    expect((await fristOversigt()).antal).toMatchObject({ forventede: 0, mangler: 0 });
  });

  it("publication with a missing driftsherre or an unapproved skema is refused (409, both lists, the days left) until confirmed", async () => {
    await gemListe([{ driftsherre: ODENSE, tilbud: SOEHUSET }, { driftsherre: AARHUS, tilbud: SKOVLY }]);
    const soehuset = await indsend(t.odense, skema(ODENSE, SOEHUSET));
    const afvist = await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR }, t.sek);
    expect(afvist.statusCode).toBe(409);
    expect(afvist.json()).toEqual({
      fejl: `Taksterne for ${AAR} er ikke offentliggjort: 1 driftsherre mangler (${AARHUS}: ${SKOVLY}), og 1 indberetning er ikke godkendt; 8 dage til fristen. Send "bekraeft": true for at offentliggøre alligevel.`,
      takstaar: AAR,
      manglende: [{ driftsherre: AARHUS, tilbud: [SKOVLY] }],
      ikkeGodkendte: [{ id: soehuset, driftsherre: ODENSE, tilbud: SOEHUSET, status: "modtaget" }],
      frist: FRIST,
      dageTilFrist: 8,
    });
    // The page reads the same lists before asking.
    expect((await get(`/api/v1/offentliggoerelse/kontrol?takstaar=${AAR}`, t.sek)).json()).toEqual({ takstaar: AAR, manglende: afvist.json().manglende, ikkeGodkendte: afvist.json().ikkeGodkendte, frist: FRIST, dageTilFrist: 8 });
    expect((await get("/api/v1/offentliggoerelse")).json().offentliggjorte).toEqual([]);
    // Approved, Aarhus still missing: still refused, now for the missing driftsherre alone.
    await godkend(soehuset);
    const stadig = await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR }, t.sek);
    expect(stadig.statusCode).toBe(409);
    expect(stadig.json()).toMatchObject({ manglende: [{ driftsherre: AARHUS }], ikkeGodkendte: [] });
    expect((await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR, bekraeft: true }, t.sek)).statusCode).toBe(201);
    expect((await get(`/api/v1/takstoversigt?takstaar=${AAR}`)).statusCode).toBe(200);
  });

  it("with every expected skema submitted and approved, publication needs no confirmation", async () => {
    await gemListe([{ driftsherre: ODENSE, tilbud: SOEHUSET }]);
    await godkend(await indsend(t.odense, skema(ODENSE, SOEHUSET)));
    expect((await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR }, t.sek)).statusCode).toBe(201);
  });

  it("an in-year change and a tilbud new after publication are not in the public takstoversigt (page, CSV, .xlsx, ?dato=) until approved; the municipality sees 'afventer godkendelse'", async () => {
    await gemListe([{ driftsherre: ODENSE, tilbud: SOEHUSET }]);
    await godkend(await indsend(t.odense, skema(ODENSE, SOEHUSET)));
    expect((await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR }, t.sek)).statusCode).toBe(201);
    const foer = (await get(`/api/v1/takstoversigt?takstaar=${AAR}`)).json().takster as { tilbud: string; takst: number }[];
    expect(foer).toHaveLength(1);
    const gammelTakst = foer[0]!.takst;
    const aendring = await indsend(t.odense, skema(ODENSE, SOEHUSET, { TS_Loen: 6_900_000, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: `${AAR}-03-15`, TS_AendringIkrafttraedelse: `${AAR}-05-01` }));
    const nyt = await indsend(t.odense, skema(ODENSE, LAERKEREDEN, { TS_AendringIkrafttraedelse: `${AAR}-03-01` }));

    const offentligt = async () => {
      const json = (await get(`/api/v1/takstoversigt?takstaar=${AAR}`)).json().takster as { tilbud: string; takst: number; gyldigFra: string }[];
      const dato = (await get(`/api/v1/takstoversigt?dato=${AAR}-06-01`)).json().takster as { tilbud: string; takst: number }[];
      const csv = (await get(`/api/v1/takstoversigt.csv?takstaar=${AAR}`)).body;
      const side = (await get(`/takstoversigt?takstaar=${AAR}`)).body;
      const xlsx = await get(`/api/v1/takstoversigt.xlsx?takstaar=${AAR}`);
      return { json: json.map((p) => [p.tilbud, p.takst, p.gyldigFra]), dato: dato.map((p) => [p.tilbud, p.takst]), csv, side, xlsx: xlsx.rawPayload.length };
    };
    const venter = await offentligt();
    expect(venter.json).toEqual([[SOEHUSET, gammelTakst, `${AAR}-01-01`]]);
    expect(venter.dato).toEqual([[SOEHUSET, gammelTakst]]);
    expect(venter.csv).not.toContain(LAERKEREDEN);
    expect(venter.side).not.toContain(LAERKEREDEN);
    expect(venter.csv.trim().split("\r\n")).toHaveLength(2);
    // The municipality's overview marks both as waiting; the secretariat's too.
    for (const token of [t.odense, t.sek]) {
      expect(((await get(`/api/v1/oversigt?takstaar=${AAR}`, token)).json().afventerGodkendelse as string[]).sort()).toEqual([aendring, nyt].sort());
    }

    await godkend(aendring);
    await godkend(nyt);
    const godkendt = await offentligt();
    // 6.900.000 + 300.000 administration, × 1,04 overhead / 4.204,8 belægningsdage = 1.780,82 → 1.781 kr. (perioderSuite's TAKST_HOEJERE).
    expect(godkendt.json).toEqual([
      [SOEHUSET, gammelTakst, `${AAR}-01-01`],
      [SOEHUSET, 1781, `${AAR}-05-01`],
      [LAERKEREDEN, gammelTakst, `${AAR}-03-01`],
    ]);
    expect(godkendt.dato).toEqual([[SOEHUSET, 1781], [LAERKEREDEN, gammelTakst]]);
    expect(godkendt.side).toContain(LAERKEREDEN);
    expect(godkendt.xlsx).toBeGreaterThan(venter.xlsx);
    expect((await get(`/api/v1/oversigt?takstaar=${AAR}`, t.odense)).json().afventerGodkendelse).toEqual([]);
  });

  it("the audit trail lists submission, remark, approval and publication with who and when; it has no route to change or remove an entry", async () => {
    const start = Date.now();
    // The trail keeps every earlier test's entries (nothing removes them): this test reads its own.
    const sidste = (await db.query<{ n: number }>("SELECT COALESCE(max(id), 0)::int AS n FROM revisionsspor"))[0]!.n;
    const id = await indsend(t.odense, skema(ODENSE, SOEHUSET));
    expect((await send("POST", `/api/v1/indberetninger/${id}/bemaerkninger`, { tekst: "Lønnen er efter overenskomsten." }, t.odense)).statusCode).toBe(201);
    await godkend(id);
    expect((await send("POST", "/api/v1/offentliggoerelse", { takstaar: AAR, bekraeft: true }, t.sek)).statusCode).toBe(201);
    // A refused submission (another municipality's driftsherre) records nothing.
    expect((await send("POST", "/api/v1/indberetninger", skema(ODENSE, SKOVLY), t.aarhus)).statusCode).toBe(403);

    const r = await get(`/api/v1/revisionsspor?takstaar=${AAR}`, t.sek);
    expect(r.statusCode).toBe(200);
    const poster = (r.json().poster as { id: number }[]).filter((p) => p.id > sidste) as unknown as { handling: string; hvem: { art: string; id: string; navn: string | null; rolle: string | null }; tidspunkt: string; driftsherre: string | null; tilbud: string | null; indberetningId: string | null; detaljer: Record<string, unknown> }[];
    const odense = { art: "token", id: t.odenseId, navn: "Odense, økonomi", rolle: "kommune" };
    const sek = { art: "token", id: t.sekId, navn: "Sekretariatet, Anne Holm", rolle: "sekretariat" };
    expect(poster.map((p) => ({ handling: p.handling, hvem: p.hvem, driftsherre: p.driftsherre, tilbud: p.tilbud, indberetningId: p.indberetningId }))).toEqual([
      { handling: "indberetning", hvem: odense, driftsherre: ODENSE, tilbud: SOEHUSET, indberetningId: id },
      { handling: "bemaerkning", hvem: odense, driftsherre: ODENSE, tilbud: SOEHUSET, indberetningId: id },
      { handling: "status", hvem: sek, driftsherre: ODENSE, tilbud: SOEHUSET, indberetningId: id },
      { handling: "offentliggoerelse", hvem: sek, driftsherre: null, tilbud: null, indberetningId: null },
    ]);
    expect(poster[2]!.detaljer).toEqual({ fra: "modtaget", til: "godkendt" });
    for (const p of poster) {
      expect(Date.parse(p.tidspunkt)).toBeGreaterThanOrEqual(start - 1000);
      expect(Date.parse(p.tidspunkt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    // The filter on driftsherre leaves the year's publication (no driftsherre) out.
    expect(((await get(`/api/v1/revisionsspor?takstaar=${AAR}&driftsherre=${encodeURIComponent(ODENSE)}`, t.sek)).json().poster as { id: number; driftsherre: string }[]).filter((p) => p.id > sidste).map((p) => p.driftsherre)).toEqual([ODENSE, ODENSE, ODENSE]);
    expect((await get("/api/v1/revisionsspor", t.odense)).statusCode).toBe(403);
    expect((await get("/api/v1/revisionsspor")).statusCode).toBe(401);
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      expect((await app.inject({ method, url: "/api/v1/revisionsspor", headers: bearer(t.sek) })).statusCode).toBe(404);
      expect((await app.inject({ method, url: `/api/v1/revisionsspor/${poster[0]!.handling}`, headers: bearer(t.sek) })).statusCode).toBe(404);
    }
  });

  it("the database refuses to change or remove an audit entry, and an action rolled back leaves none", async () => {
    await indsend(t.odense, skema(ODENSE, SOEHUSET));
    const foer = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM revisionsspor"))[0]!.n;
    await expect(db.query("UPDATE revisionsspor SET hvem_navn = 'en anden'")).rejects.toThrow(/kun tilføjes/);
    await expect(db.query("DELETE FROM revisionsspor")).rejects.toThrow(/kun tilføjes/);
    await expect(db.query("TRUNCATE revisionsspor")).rejects.toThrow(/kun tilføjes/);
    await expect(
      db.transaction(async (tx) => {
        await registrer(tx, { art: "person", id: "p-1", navn: "Mette Lund" }, "status", { takstaar: AAR });
        throw new Error("handlingen fejlede");
      }),
    ).rejects.toThrow("handlingen fejlede");
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM revisionsspor"))[0]!.n).toBe(foer);
    // A person (OpenID login) is named as given.
    await db.transaction((tx) => registrer(tx, { art: "person", id: "p-1", navn: "Mette Lund" }, "bemaerkning", { takstaar: AAR, driftsherre: ODENSE }));
    const sidste = ((await get(`/api/v1/revisionsspor?takstaar=${AAR}`, t.sek)).json().poster as { hvem: unknown }[]).at(-1);
    expect(sidste!.hvem).toEqual({ art: "person", id: "p-1", navn: "Mette Lund", rolle: null });
  });
}
