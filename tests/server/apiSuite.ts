import "./jestCookie";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { takstudvikling } from "../../src/engine";
import type { Db } from "../../src/server/db";
import { kanoniskJson, sha256Hex } from "../../src/server/kanonisk";
import { antalIndberetninger } from "../../src/server/indberetninger/sql";
import { opretToken, tilbagekaldToken } from "../../src/server/tokens";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, gyldigtSkema, lavTokens, skemaNr } from "./fixtures";

const URL = "/api/v1/indberetninger";

/** The API of product.md §5, run against PGlite and against a real PostgreSQL cluster. */
export function apiSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;

  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), { statiskMappe: null, addinOrigin: "https://localhost:3000" });

  const post = (body: unknown, token: string | null = t.odense, headers: Record<string, string> = {}) =>
    app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}), ...headers }, payload: JSON.stringify(body) });
  const get = (url: string, token: string | null) => app.inject({ method: "GET", url, headers: token ? bearer(token) : {} });

  it("health answers without a token", async () => {
    const r = await get("/api/v1/health", null);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ status: "ok", database: db.art, dele: { database: { status: "ok" } } });
  });

  describe("POST /api/v1/indberetninger", () => {
    it("accepts a valid skema with 201 and a receipt {id, nummer, modtaget, sha256}", async () => {
      const skema = gyldigtSkema();
      const r = await post(skema);
      expect(r.statusCode).toBe(201);
      const k = r.json();
      expect(Object.keys(k).sort()).toEqual(["findings", "id", "modtaget", "nummer", "sha256"]);
      expect(k.nummer).toMatch(/^SYD-2018-\d{4}$/);
      expect(k.sha256).toBe(sha256Hex(kanoniskJson(skema)));
      expect(new Date(k.modtaget).toISOString()).toBe(k.modtaget);
      const fuld = (await get(`${URL}/${k.id}`, t.odense)).json();
      expect(fuld).toMatchObject({ id: k.id, driftsherre: "Odense Kommune", tilbud: "Bofællesskabet Søhuset", takstaar: 2018, version: 1, nummer: k.nummer, status: "modtaget", sha256: k.sha256, modtaget: k.modtaget, dialog: [] });
      expect(fuld.payload).toEqual(skema);
      expect(Array.isArray(fuld.findings)).toBe(true);
      expect(fuld.beregnet).toMatchObject({ takst: 1682 });
    });

    it("accepts the shared example record (examples/botilbud-syd-2018.json) and keeps its warnings", async () => {
      const eksempel = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-syd-2018.json"), "utf8")) as Record<string, unknown>;
      const odense = { ...eksempel, TS_Driftsherre: "Odense Kommune" };
      const r = await post(odense);
      expect(r.statusCode).toBe(201);
      const fuld = (await get(`${URL}/${r.json().id}`, t.odense)).json();
      expect(fuld.findings.every((f: { severity: string }) => f.severity === "warning")).toBe(true);
    });

    it("answers the same body again with 200 and the same receipt, whatever the key order or receipt field", async () => {
      const skema = gyldigtSkema();
      const foerste = await post(skema);
      const omvendt = Object.fromEntries(Object.entries(skema).reverse());
      const igen = await post(omvendt);
      const medKvittering = await post({ ...skema, TS_Kvittering: `Modtaget ${foerste.json().id}` });
      expect(foerste.statusCode).toBe(201);
      expect([igen.statusCode, medKvittering.statusCode]).toEqual([200, 200]);
      expect(igen.json()).toEqual(foerste.json());
      expect(medKvittering.json()).toEqual(foerste.json());
      expect(await antalIndberetninger(db)).toBe(1);
    });

    it("stores a changed resubmission as the next version; the list of current ones shows only it", async () => {
      const v1 = (await post(gyldigtSkema())).json();
      const r2 = await post(gyldigtSkema({ TS_Loen: 6600000 }));
      expect(r2.statusCode).toBe(201);
      const v2 = r2.json();
      expect(v2.id).not.toBe(v1.id);
      expect((await get(`${URL}/${v2.id}`, t.odense)).json().version).toBe(2);
      const alle = (await get(URL, t.sekretariat)).json().indberetninger;
      expect(alle.map((i: { version: number }) => i.version)).toEqual([1, 2]);
      const aktuelle = (await get(`${URL}?aktuelle=true`, t.sekretariat)).json().indberetninger;
      expect(aktuelle.map((i: { id: string }) => i.id)).toEqual([v2.id]);
    });

    it("accepts a skema with three ydelser (issue 12); the storage key names the first ydelse", async () => {
      const diff = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
      const r = await post({ ...diff, TS_Driftsherre: "Odense Kommune" });
      expect(r.statusCode).toBe(201);
      const fuld = (await get(`${URL}/${r.json().id}`, t.odense)).json();
      expect(fuld.ydelse).toBe("Gruppe A: moderat støtte");
      // Worked out in tests/takstskema/ydelser.test.ts.
      expect(fuld.beregnet.ydelser.map((y: { navn: string; takst: number }) => [y.navn, y.takst])).toEqual([
        ["Gruppe A: moderat støtte", 1484], ["Gruppe B: omfattende støtte", 1927], ["Gruppe C: særlig tæt støtte", 2814],
      ]);
      expect(fuld.payload.TS_Ydelser_Pladser).toEqual([10, 8, 4, null, null, null, null, null, null, null]);
      // A column of more than 10 rows, or a list in a single field, is refused at the boundary.
      expect((await post({ ...diff, TS_Driftsherre: "Odense Kommune", TS_Ydelser_Navn: Array.from({ length: 11 }, () => "x") })).statusCode).toBe(422);
      const liste = await post({ ...diff, TS_Driftsherre: "Odense Kommune", TS_Loen: [12_000_000] });
      expect(liste.statusCode).toBe(422);
      expect(liste.json().findings[0]).toMatchObject({ code: "TS002", field: "TS_Loen" });
      expect(await antalIndberetninger(db)).toBe(1);
    });

    it("refuses a skema with errors with 422 and the validator's findings, storing nothing", async () => {
      const r = await post(gyldigtSkema({ TS_Belaegning: 1.5, TS_Takst: 99 }));
      expect(r.statusCode).toBe(422);
      const codes = r.json().findings.map((f: { code: string }) => f.code);
      expect(codes).toEqual(expect.arrayContaining(["TS011"]));
      // The finding's shape (fundSchema): `row` only on a finding about one ydelse.
      for (const f of r.json().findings) expect(Object.keys(f).filter((k) => k !== "row").sort()).toEqual(["cell", "code", "field", "message", "severity"]);
      const tom = await post(gyldigtSkema({ TS_Tilbud: null }));
      expect(tom.statusCode).toBe(422);
      expect(tom.json().findings.map((f: { code: string }) => f.code)).toContain("TS001");
      expect(await antalIndberetninger(db)).toBe(0);
    });

    it.each([
      ["an array", [gyldigtSkema()]],
      ["a string", "TS_Takst"],
      ["a nested object value", { ...gyldigtSkema(), TS_Loen: { v: 1 } }],
      ["an array value", { ...gyldigtSkema(), TS_Loen: [1] }],
      ["a key that is not TS_", { ...gyldigtSkema(), drop: 1 }],
      ["an over-long text", { ...gyldigtSkema(), TS_Maalgruppe: "x".repeat(5000) }],
    ])("refuses %s with 422", async (_navn, body) => {
      const r = await post(body);
      expect(r.statusCode).toBe(422);
      expect(r.json().findings.length).toBeGreaterThan(0);
      expect(await antalIndberetninger(db)).toBe(0);
    });

    it("refuses malformed JSON (400), other content types (415), prototype keys (400) and oversized bodies (413)", async () => {
      const raa = (payload: string, ct = "application/json") => app.inject({ method: "POST", url: URL, headers: { ...bearer(t.odense), "content-type": ct }, payload });
      expect((await raa("{\"TS_Takst\": ")).statusCode).toBe(400);
      expect((await raa("TS_Takst=1", "application/x-www-form-urlencoded")).statusCode).toBe(415);
      expect((await raa(JSON.stringify(gyldigtSkema()), "text/plain")).statusCode).toBe(415);
      expect((await raa("{\"__proto__\": {\"admin\": true}}")).statusCode).toBe(400);
      expect((await raa(JSON.stringify({ ...gyldigtSkema(), TS_Maalgruppe: "x".repeat(300 * 1024) }))).statusCode).toBe(413);
      expect(await antalIndberetninger(db)).toBe(0);
    });

    it("gives concurrent identical bodies one row and one receipt (one 201, the rest 200)", async () => {
      const svar = await Promise.all(Array.from({ length: 12 }, () => post(gyldigtSkema({ TS_Tilbud: "Samtidig" }))));
      expect(svar.map((s) => s.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(svar.map((s) => s.json().id)).size).toBe(1);
      expect(await antalIndberetninger(db)).toBe(1);
    });

    it("numbers concurrent different versions of one takst 1..n without gaps", async () => {
      const svar = await Promise.all(Array.from({ length: 8 }, (_, i) => post(gyldigtSkema({ TS_Loen: 6000000 + i }))));
      expect(svar.every((s) => s.statusCode === 201)).toBe(true);
      const versioner = (await get(URL, t.odense)).json().indberetninger.map((i: { version: number }) => i.version);
      expect(versioner).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  });

  describe("authorization matrix", () => {
    const FREMMED = ["Odense", "Søhuset", "6500000"];
    const udenFremmedData = (body: string) => FREMMED.forEach((ord) => expect(body).not.toContain(ord));
    let odenseId: string;
    beforeEach(async () => {
      odenseId = (await post(gyldigtSkema())).json().id;
    });
    const ugyldige = (): [string, string | null][] => [
      ["no token", null],
      ["a malformed token", "hemmeligt"],
      ["an unknown token", `tks_000000000000_${"A".repeat(43)}`],
      ["a wrong secret for a real id", `${t.odense.slice(0, 17)}${"B".repeat(43)}`],
      ["a revoked token", t.tilbagekaldt],
    ];

    it("401 for no, bad, unknown and revoked tokens on every protected route, with no data", async () => {
      for (const [navn, token] of ugyldige()) {
        for (const [method, url] of [["POST", URL], ["GET", URL], ["GET", `${URL}/${odenseId}`], ["GET", "/api/v1/eksport/takster.csv"], ["GET", "/api/v1/eksport/takster.xlsx"]] as const) {
          const r = await app.inject({ method, url, headers: token ? bearer(token) : {}, ...(method === "POST" ? { payload: gyldigtSkema({ TS_Tilbud: "Nyt" }) } : {}) });
          expect({ navn, method, url, status: r.statusCode }).toEqual({ navn, method, url, status: 401 });
          expect(r.headers["www-authenticate"]).toMatch(/^Bearer/);
          udenFremmedData(r.body);
        }
      }
      expect(await antalIndberetninger(db)).toBe(1);
    });

    it("a token revoked on the database itself (as the admin socket does) is refused at once on the submission route, which caches tokens", async () => {
      const { id, token } = await opretToken(db, { rolle: "kommune", driftsherre: "Vejle Kommune" });
      const skema = (tilbud: string) => gyldigtSkema({ TS_Driftsherre: "Vejle Kommune", TS_Tilbud: tilbud });
      expect((await post(skema("Vejle 1"), token)).statusCode).toBe(201);
      expect(await tilbagekaldToken(db, id)).toBe(true);
      expect((await post(skema("Vejle 2"), token)).statusCode).toBe(401);
      expect(await antalIndberetninger(db)).toBe(2);
    });

    it("another municipality: 403 on submitting for Odense, 404 on Odense's id, an empty list, 403 on export", async () => {
      expect((await post(gyldigtSkema({ TS_Tilbud: "Nyt" }), t.aarhus)).statusCode).toBe(403);
      const en = await get(`${URL}/${odenseId}`, t.aarhus);
      expect(en.statusCode).toBe(404);
      udenFremmedData(en.body);
      const liste = await get(URL, t.aarhus);
      expect(liste.statusCode).toBe(200);
      expect(liste.json()).toEqual({ indberetninger: [] });
      for (const fil of ["csv", "xlsx"]) {
        const e = await get(`/api/v1/eksport/takster.${fil}`, t.aarhus);
        expect(e.statusCode).toBe(403);
        udenFremmedData(e.body);
      }
      // Aarhus' own submission is its own, and Odense cannot see it.
      const egen = await post(gyldigtSkema({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus-tilbud" }), t.aarhus);
      expect(egen.statusCode).toBe(201);
      expect((await get(URL, t.aarhus)).json().indberetninger.map((i: { driftsherre: string }) => i.driftsherre)).toEqual(["Aarhus Kommune"]);
      expect((await get(`${URL}/${egen.json().id}`, t.odense)).statusCode).toBe(404);
      expect((await get(URL, t.odense)).json().indberetninger.map((i: { driftsherre: string }) => i.driftsherre)).toEqual(["Odense Kommune"]);
      expect(await antalIndberetninger(db)).toBe(2);
    });

    it("the municipality itself reads its own; may not export", async () => {
      expect((await get(`${URL}/${odenseId}`, t.odense)).statusCode).toBe(200);
      expect((await get(URL, t.odense)).json().indberetninger).toHaveLength(1);
      expect((await get("/api/v1/eksport/takster.csv", t.odense)).statusCode).toBe(403);
    });

    it("the secretariat reads all and exports, but does not submit", async () => {
      await post(gyldigtSkema({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus-tilbud" }), t.aarhus);
      expect((await get(`${URL}/${odenseId}`, t.sekretariat)).statusCode).toBe(200);
      expect((await get(URL, t.sekretariat)).json().indberetninger).toHaveLength(2);
      expect((await get("/api/v1/eksport/takster.csv", t.sekretariat)).statusCode).toBe(200);
      expect((await get("/api/v1/eksport/takster.xlsx", t.sekretariat)).statusCode).toBe(200);
      expect((await post(gyldigtSkema({ TS_Tilbud: "Nyt" }), t.sekretariat)).statusCode).toBe(403);
    });

    it("an unknown or malformed id is 404 for everyone", async () => {
      for (const id of ["00000000-0000-0000-0000-000000000000", "ikke-et-id", "1%27%20OR%201=1"]) {
        expect((await get(`${URL}/${id}`, t.sekretariat)).statusCode).toBe(404);
      }
    });
  });

  describe("export of current takster", () => {
    it("CSV and .xlsx with last year's takst, PL and real takstudvikling (blank without a previous year)", async () => {
      const tilbud = "Bofællesskabet Søhuset";
      await post(gyldigtSkema({ TS_Takstaar: 2017, TS_Loen: 6300000 }));
      await post(gyldigtSkema({ TS_Takstaar: 2017, TS_Loen: 6200000 })); // current 2017 = version 2
      await post(gyldigtSkema({ TS_PLPct: 0.02 }));
      await post(skemaNr(7)); // no 2017 submission
      const fuld = (await get(`${URL}?aktuelle=true`, t.sekretariat)).json().indberetninger as { id: string; takstaar: number; tilbud: string }[];
      const takst = async (aar: number, tb: string) => (await get(`${URL}/${fuld.find((i) => i.takstaar === aar && i.tilbud === tb)!.id}`, t.sekretariat)).json().beregnet.takst as number;
      const ny = await takst(2018, tilbud);
      const sidste = await takst(2017, tilbud);
      const forventet = takstudvikling(ny, sidste, 0.02).times(100).toDecimalPlaces(1).toNumber();

      const csv = await get("/api/v1/eksport/takster.csv", t.sekretariat);
      expect(csv.headers["content-type"]).toMatch(/text\/csv/);
      expect(csv.body.startsWith("\uFEFF")).toBe(true);
      const linjer = csv.body.slice(1).trim().split("\r\n");
      expect(linjer[0]).toBe("Driftsherre;Tilbud;Ydelse;Takstår;Version;Takst (kr.);Sidste års takst (kr.);PL %;Takstudvikling % (reel)");
      expect(linjer).toHaveLength(4);
      expect(linjer).toContain(`Odense Kommune;${tilbud};Længerevarende botilbud;2017;2;${sidste};;;`);
      expect(linjer).toContain(`Odense Kommune;${tilbud};Længerevarende botilbud;2018;1;${ny};${sidste};2,0;${forventet.toFixed(1).replace(".", ",")}`);
      expect(linjer.find((l) => l.includes("Tilbud 7"))).toMatch(/;2018;1;\d+;;;$/);

      const aar = await get("/api/v1/eksport/takster.csv?takstaar=2018", t.sekretariat);
      expect(aar.body.trim().split("\r\n")).toHaveLength(3);

      const xl = await app.inject({ method: "GET", url: "/api/v1/eksport/takster.xlsx", headers: bearer(t.sekretariat) });
      expect(xl.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xl.rawPayload as unknown as ArrayBuffer);
      const ws = wb.getWorksheet("Takster")!;
      const raekke = [2, 3, 4].map((i) => ws.getRow(i)).find((r) => r.getCell(4).value === 2018 && r.getCell(2).value === tilbud)!;
      expect(raekke.getCell(6).value).toBe(ny);
      expect(raekke.getCell(7).value).toBe(sidste);
      expect(raekke.getCell(8).value).toBe(0.02);
      expect(raekke.getCell(9).value).toBeCloseTo(forventet / 100, 6);
      expect(raekke.getCell(9).numFmt).toBe("0.0%");
    });
  });

  describe("CORS", () => {
    it("allows only the configured add-in origin", async () => {
      const pre = (origin: string) =>
        app.inject({ method: "OPTIONS", url: URL, headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
      expect((await pre("https://localhost:3000")).headers["access-control-allow-origin"]).toBe("https://localhost:3000");
      expect((await pre("https://evil.example")).headers["access-control-allow-origin"]).toBeUndefined();
    });
  });
}
