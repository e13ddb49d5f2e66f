import "./jestCookie";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { minObjektivFinansieringSchema } from "../../src/kontrakt";
import { NORD_2024, NORD_OF, SYD_2018, SYD_KOMMUNER } from "../tilsynsskema/saed";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, lavTokens } from "./fixtures";

/** Issue 23: the socialtilsyn's year on the service, on PGlite and on PostgreSQL. */
export function tilsynSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  let syd: string;
  let nord: string;
  let aalborg: string;
  let laesoe: string;
  const tokens = async (d: Db) => ({
    ...(await lavTokens(d)),
    syd: (await opretToken(d, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Syd" })).token,
    nord: (await opretToken(d, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Nord" })).token,
    aalborg: (await opretToken(d, { rolle: "kommune", driftsherre: "Aalborg Kommune" })).token,
    laesoe: (await opretToken(d, { rolle: "kommune", driftsherre: "Læsø Kommune" })).token,
  });
  apiMiljoe(aabn, tokens, (m) => ({ db, app, t, t: { syd, nord, aalborg, laesoe } } = m), undefined, false);
  beforeEach(async () => {
    await db.query("DELETE FROM tilsynsskemaer");
  });

  const post = (url: string, body: unknown, token?: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) }, payload: JSON.stringify(body) });
  const get = (url: string, token?: string) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });

  it("a socialtilsyn's token submits its tilsynsskema; the engine's figures are stored (Syd 2018, 004:173-183)", async () => {
    const r = await post("/api/v1/tilsyn", SYD_2018, syd);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ socialtilsyn: "Socialtilsyn Syd", budgetaar: 2018, version: 1, regelsaet: "TILSYN-SYD-2018", godkendt: null, offentliggjort: null });
    expect(r.json().beregnet.takster).toEqual([31879, 38254, 63757, 95636]);
    expect((await post("/api/v1/tilsyn", SYD_2018, syd)).json().version).toBe(2);
  });

  it("a socialtilsyn's token names its tilsyn (token opret --rolle socialtilsyn --driftsherre \"Socialtilsyn Syd\")", async () => {
    await expect(opretToken(db, { rolle: "socialtilsyn", driftsherre: null })).rejects.toThrow("Et socialtilsyns token kræver --driftsherre");
  });

  it("only a socialtilsyn submits: a municipality and the secretariat get 403, no token 401", async () => {
    expect((await post("/api/v1/tilsyn", SYD_2018, t.odense)).statusCode).toBe(403);
    expect((await post("/api/v1/tilsyn", SYD_2018, t.sekretariat)).statusCode).toBe(403);
    expect((await post("/api/v1/tilsyn", SYD_2018)).statusCode).toBe(401);
  });

  it("a skema with errors is refused with its findings (422) and nothing is stored", async () => {
    const r = await post("/api/v1/tilsyn", { ...SYD_2018, ST_BehovTilbud: 24_800_000 }, syd);
    expect(r.statusCode).toBe(422);
    expect(r.json().findings.map((f: { code: string }) => f.code)).toEqual(["ST001"]);
    const forkert = await post("/api/v1/tilsyn", SYD_2018, nord);
    expect(forkert.statusCode).toBe(422);
    expect(forkert.json().findings[0].message).toContain("Socialtilsyn Nord");
    expect(await db.query("SELECT id FROM tilsynsskemaer")).toEqual([]);
    expect((await post("/api/v1/tilsyn", { TS_Tilbud: "x" }, syd)).statusCode).toBe(400);
  });

  it("the secretariat approves and publishes; the public page, JSON, CSV and .xlsx list the takster and every kommune's amount", async () => {
    const s = (await post("/api/v1/tilsyn", SYD_2018, syd)).json();
    const n = (await post("/api/v1/tilsyn", NORD_2024, nord)).json();
    expect((await post(`/api/v1/tilsyn/${n.id}/godkend`, {}, syd)).statusCode).toBe(403);
    expect((await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 }, t.sekretariat)).statusCode).toBe(409);
    expect((await get("/api/v1/tilsyn/offentlig?budgetaar=2024")).statusCode).toBe(404);
    const g = await post(`/api/v1/tilsyn/${n.id}/godkend`, {}, t.sekretariat);
    expect(g.statusCode).toBe(200);
    expect(g.json().godkendt).not.toBeNull();
    const off = await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 }, t.sekretariat);
    expect(off.statusCode).toBe(201);
    expect(off.json()).toEqual({ budgetaar: 2024, antal: 1 });
    // Syd's 2018 skema is not approved: its year stays unpublished.
    expect((await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2018 }, t.sekretariat)).statusCode).toBe(409);
    expect((await get(`/api/v1/tilsyn?budgetaar=2018`, t.sekretariat)).json().tilsynsskemaer.map((x: { id: string }) => x.id)).toEqual([s.id]);

    const j = (await get("/api/v1/tilsyn/offentlig?budgetaar=2024")).json();
    expect(j.tilsyn).toHaveLength(1);
    expect(j.tilsyn[0].takster).toEqual([43852, 52622, 87703, 131555]);
    expect(j.tilsyn[0].ofPrPlejefamilie).toBe(20164);
    expect(j.tilsyn[0].kommuner.map((k: { beloeb: number }) => k.beloeb)).toEqual(NORD_OF);

    const side = await get("/tilsynstakster?budgetaar=2024");
    expect(side.statusCode).toBe(200);
    expect(side.headers["content-security-policy"]).toContain("script-src 'none'");
    // Every kommune of the key table with its published amount (002:386-408), in da-DK format.
    expect(raekkerITabel(side.body, "Objektiv finansiering 2024")).toEqual([
      ["Silkeborg", "3.443.644 kr."], ["Brønderslev", "1.224.137 kr."], ["Frederikshavn", "1.579.964 kr."], ["Jammerbugt", "1.189.657 kr."],
      ["Læsø", "34.323 kr."], ["Mariagerfjord", "1.239.095 kr."], ["Morsø", "573.573 kr."], ["Rebild", "1.152.027 kr."],
      ["Thisted", "1.322.226 kr."], ["Vesthimmerland", "1.103.062 kr."], ["Aalborg", "6.294.349 kr."],
    ]);
    // The four tilsynstakster, each beside its skærpet tilsyn.
    expect(raekkerITabel(side.body, "Tilsynstakster 2024").map((r) => r.slice(0, 2))).toEqual([
      ["1-7 pladser", "43.852 kr."], ["8-24 pladser", "52.622 kr."], ["25-49 pladser", "87.703 kr."], ["50+ pladser", "131.555 kr."],
    ]);
    expect(side.body).toContain("pr. plejefamilie 20.164 kr.");

    const csv = (await get("/api/v1/tilsyn/offentlig.csv?budgetaar=2024")).body;
    expect(csv).toContain("Socialtilsyn Nord;2024;Objektiv finansiering;Aalborg;6294349\r\n");
    expect(csv).toContain("Socialtilsyn Nord;2024;Tilsynstakst;1-7 pladser;43852\r\n");

    const x = await get("/api/v1/tilsyn/offentlig.xlsx?budgetaar=2024");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const raekker = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(raekker).toContainEqual(["Socialtilsyn Nord", "Objektiv finansiering", "Silkeborg", 3443644]);
  });

  it("a municipality's token sees only its own amount, only when published", async () => {
    const n = (await post("/api/v1/tilsyn", NORD_2024, nord)).json();
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", aalborg)).json().objektivFinansiering).toEqual([]);
    await post(`/api/v1/tilsyn/${n.id}/godkend`, {}, t.sekretariat);
    // Approved is not published.
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", aalborg)).json().objektivFinansiering).toEqual([]);
    await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 }, t.sekretariat);
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", aalborg)).json()).toEqual({
      budgetaar: 2024, objektivFinansiering: [{ socialtilsyn: "Socialtilsyn Nord", kommune: "Aalborg", beloeb: 6294349 }],
    });
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", laesoe)).json().objektivFinansiering).toEqual([{ socialtilsyn: "Socialtilsyn Nord", kommune: "Læsø", beloeb: 34323 }]);
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", t.odense)).json().objektivFinansiering).toEqual([]);
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024", t.sekretariat)).statusCode).toBe(403);
    expect((await get("/api/v1/tilsyn?budgetaar=2024", aalborg)).statusCode).toBe(403);
  });

  it("with two socialtilsyn published, a municipality's token sees its own amount from its own tilsyn's year only; the answers are the contract's", async () => {
    for (const [skema, token] of [[NORD_2024, nord], [SYD_2018, syd]] as const) {
      const id = (await post("/api/v1/tilsyn", skema, token)).json().id;
      expect((await post(`/api/v1/tilsyn/${id}/godkend`, {}, t.sekretariat)).statusCode).toBe(200);
      expect((await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: skema.ST_Budgetaar }, t.sekretariat)).statusCode).toBe(201);
    }
    const mine = async (token: string, aar: number) => {
      const r = await get(`/api/v1/tilsyn/mine?budgetaar=${aar}`, token);
      expect(r.statusCode).toBe(200);
      expect(r.headers["cache-control"]).toBe("no-store");
      return minObjektivFinansieringSchema.strict().parse(r.json());
    };
    // Odense is in Syd's key table (2018), not in Nord's (2024); Aalborg the other way round.
    const syd2018 = (await get("/api/v1/tilsyn/offentlig?budgetaar=2018")).json().tilsyn[0].kommuner as { kommune: string; beloeb: number }[];
    expect(syd2018.map((k) => k.kommune)).toEqual(SYD_KOMMUNER);
    const odense = syd2018.find((k) => k.kommune === "Odense")!.beloeb;
    expect(odense).toBeGreaterThan(0);
    expect(await mine(t.odense, 2018)).toEqual({ budgetaar: 2018, objektivFinansiering: [{ socialtilsyn: "Socialtilsyn Syd", kommune: "Odense", beloeb: odense }] });
    expect(await mine(t.odense, 2024)).toEqual({ budgetaar: 2024, objektivFinansiering: [] });
    expect(await mine(aalborg, 2018)).toEqual({ budgetaar: 2018, objektivFinansiering: [] });
    expect((await mine(aalborg, 2024)).objektivFinansiering).toEqual([{ socialtilsyn: "Socialtilsyn Nord", kommune: "Aalborg", beloeb: 6294349 }]);
    // Never someone else's, whatever the query says.
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024&kommune=Laesoe", aalborg)).statusCode).toBe(400);
    expect((await get("/api/v1/tilsyn/mine", aalborg)).statusCode).toBe(400);
  });

  it("only the secretariat approves and publishes: a municipality's and a socialtilsyn's token get 403, no token 401", async () => {
    const n = (await post("/api/v1/tilsyn", NORD_2024, nord)).json();
    for (const token of [aalborg, nord]) {
      expect((await post(`/api/v1/tilsyn/${n.id}/godkend`, {}, token)).statusCode).toBe(403);
      expect((await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 }, token)).statusCode).toBe(403);
    }
    expect((await post(`/api/v1/tilsyn/${n.id}/godkend`, {})).statusCode).toBe(401);
    expect((await post("/api/v1/tilsyn/offentliggoerelse", { budgetaar: 2024 })).statusCode).toBe(401);
    expect((await get("/api/v1/tilsyn/mine?budgetaar=2024")).statusCode).toBe(401);
    expect((await get("/api/v1/tilsyn?budgetaar=2024", t.sekretariat)).json().tilsynsskemaer[0].godkendt).toBeNull();
  });

  it("approving an older version is refused once a newer one is submitted", async () => {
    const v1 = (await post("/api/v1/tilsyn", NORD_2024, nord)).json();
    await post("/api/v1/tilsyn", NORD_2024, nord);
    expect((await post(`/api/v1/tilsyn/${v1.id}/godkend`, {}, t.sekretariat)).statusCode).toBe(409);
    expect((await post("/api/v1/tilsyn/00000000-0000-4000-8000-000000000000/godkend", {}, t.sekretariat)).statusCode).toBe(404);
  });
}

/** The rows of the public page's table whose caption starts so: each row's header and cells, as text. */
function raekkerITabel(html: string, caption: string): string[][] {
  const tabel = html.split("<table>").find((t) => t.startsWith(`<caption>${caption}`));
  if (!tabel) throw new Error(`Ingen tabel med overskriften ${caption}`);
  const krop = tabel.slice(tabel.indexOf("<tbody>"), tabel.indexOf("</tbody>"));
  return [...krop.matchAll(/<tr>(.*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1]!));
}
