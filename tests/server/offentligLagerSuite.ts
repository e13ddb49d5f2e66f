import "./jestCookie";
import { brotliDecompressSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import type { Db } from "../../src/server/db";
import { takstoversigtCsv, takstoversigtXlsx } from "../../src/server/offentliggoerelse/filer";
import { takstoversigtSide } from "../../src/server/offentliggoerelse/side";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

const URL = "/api/v1/indberetninger";
type Svar = Awaited<ReturnType<FastifyInstance["inject"]>>;

/**
 * Issue 27: the public takstoversigt kept per edition of the list. Two instances (two apps, each
 * its own cache) on one database, on PGlite and PostgreSQL: the bytes kept are the bytes the
 * writers give for the rows the uncached JSON route reads, and a change through one instance is
 * in the other's next answer with a new ETag.
 */
export function offentligLagerSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let t: Tokens;
  apiMiljoe(aabn, lavTokens, (m) => ({ db, app: a, t } = m));
  beforeAll(async () => {
    b = await buildApp({ db, statiskMappe: null });
  });
  afterAll(async () => {
    await b?.close();
  });
  beforeEach(async () => {
    await db.query("DELETE FROM offentliggoerelser");
  });

  const post = (app: FastifyInstance, url: string, body: unknown, token: string) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });
  const skema = (takstaar: number, over: Record<string, unknown> = {}) => gyldigtSkema({ TS_Takstaar: takstaar, TS_Kategori: "Klyngetilbud", ...over });
  const ok = (r: Svar, kode = 201) => {
    expect(r.statusCode).toBe(kode);
    return r.json() as { id: string };
  };

  /** 2026 and 2027 published, two tilbud in 2027 (last year's takst beside one of them). */
  async function toAar(app: FastifyInstance): Promise<void> {
    ok(await post(app, URL, skema(2026, { TS_Loen: 6_200_000 }), t.odense));
    ok(await post(app, "/api/v1/offentliggoerelse", { takstaar: 2026, bekraeft: true }, t.sekretariat));
    ok(await post(app, URL, skema(2027, { TS_Loen: 6_500_000 }), t.odense));
    ok(await post(app, URL, skema(2027, { TS_Tilbud: "Egebo", TS_Loen: 5_900_000 }), t.odense));
    ok(await post(app, "/api/v1/offentliggoerelse", { takstaar: 2027, bekraeft: true }, t.sekretariat));
  }

  /** What the writers make of the rows the JSON route (never kept) reads now: the uncached bytes. */
  async function uden(format: "side" | "csv" | "xlsx", q: { takstaar?: number; dato?: string }): Promise<Buffer> {
    const qs = q.dato ? `dato=${q.dato}` : `takstaar=${q.takstaar}`;
    const j = (await get(a, `/api/v1/takstoversigt?${qs}`)).json() as { takstaar: number; offentliggjort: string; takster: Parameters<typeof takstoversigtCsv>[0] };
    if (format === "csv") return Buffer.from(takstoversigtCsv(j.takster));
    if (format === "xlsx") return takstoversigtXlsx(j.takstaar, j.offentliggjort, j.takster, q.dato ?? null);
    const aar = (await get(a, "/api/v1/offentliggoerelse")).json().offentliggjorte as { takstaar: number; offentliggjort: string; antalTakster: number }[];
    return Buffer.from(takstoversigtSide(aar, aar.find((x) => x.takstaar === j.takstaar)!, j.takster, q.dato ?? null));
  }

  const SVAR = [
    { format: "side", url: "/takstoversigt?takstaar=2027", q: { takstaar: 2027 } },
    { format: "side", url: "/takstoversigt", q: { takstaar: 2027 } },
    { format: "side", url: "/takstoversigt?dato=2027-03-01", q: { dato: "2027-03-01" } },
    { format: "csv", url: "/api/v1/takstoversigt.csv?takstaar=2027", q: { takstaar: 2027 } },
    { format: "csv", url: "/api/v1/takstoversigt.csv?dato=2027-03-01", q: { dato: "2027-03-01" } },
    { format: "xlsx", url: "/api/v1/takstoversigt.xlsx?takstaar=2027", q: { takstaar: 2027 } },
    { format: "xlsx", url: "/api/v1/takstoversigt.xlsx?dato=2027-03-01", q: { dato: "2027-03-01" } },
  ] as const;

  it("page, CSV and .xlsx (with and without ?dato=) are the uncached writers' bytes from a fresh instance, again from its cache, compressed, and from the other instance under the same ETag", async () => {
    await toAar(a);
    for (const s of SVAR) {
      const forventet = await uden(s.format, s.q);
      const foerste = await get(b, s.url);
      const anden = await get(b, s.url);
      expect([s.url, foerste.statusCode, anden.statusCode]).toEqual([s.url, 200, 200]);
      expect(foerste.rawPayload.equals(forventet)).toBe(true);
      expect(anden.rawPayload.equals(forventet)).toBe(true);
      const etag = String(foerste.headers.etag);
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      expect(anden.headers.etag).toBe(etag);
      // The other instance builds its own copy: the same bytes, so the same strong ETag.
      expect((await get(a, s.url)).headers.etag).toBe(etag);
      expect(foerste.headers["cache-control"]).toBe("no-cache");
      // Revalidation: 304 without a body, for the plain tag and the compressed one alike.
      const igen = await get(b, s.url, { "if-none-match": etag });
      expect([igen.statusCode, igen.rawPayload.length]).toEqual([304, 0]);
      // Text of 1 KB or more goes compressed (as web.ts sends it); a zip as it is.
      if (s.format !== "xlsx" && forventet.length >= 1024) {
        const br = await get(b, s.url, { "accept-encoding": "br, gzip" });
        expect([s.url, br.headers["content-encoding"]]).toEqual([s.url, "br"]);
        expect(brotliDecompressSync(br.rawPayload).equals(forventet)).toBe(true);
        expect(br.headers.etag).toBe(`${etag.slice(0, -1)}-br"`);
        expect((await get(b, s.url, { "accept-encoding": "br", "if-none-match": String(br.headers.etag) })).statusCode).toBe(304);
      }
    }
  });

  it("an approved change, a withdrawal and last year's new version made through one instance change the other's next answer and its ETag", async () => {
    await toAar(a);
    const url = "/takstoversigt?takstaar=2027";
    const csv = "/api/v1/takstoversigt.csv?takstaar=2027";
    const foer = await get(b, url);
    const foerCsv = await get(b, csv);
    // An in-year change through a: received, not approved, is not in the list (the same bytes).
    const aendring = ok(await post(a, URL, skema(2027, { TS_Loen: 6_900_000, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2027-04-20", TS_AendringIkrafttraedelse: "2027-05-01" }), t.odense));
    expect((await get(b, url)).headers.etag).toBe(foer.headers.etag);
    ok(await post(a, `${URL}/${aendring.id}/status`, { status: "godkendt", bemaerkning: "Godkendt" }, t.sekretariat), 200);
    const efter = await get(b, url, { "if-none-match": String(foer.headers.etag) });
    expect(efter.statusCode).toBe(200);
    expect(efter.headers.etag).not.toBe(foer.headers.etag);
    expect(efter.body).toContain("1.781 kr.");
    expect(efter.rawPayload.equals(await uden("side", { takstaar: 2027 }))).toBe(true);
    const efterCsv = await get(b, csv);
    expect(efterCsv.headers.etag).not.toBe(foerCsv.headers.etag);
    expect(efterCsv.rawPayload.equals(await uden("csv", { takstaar: 2027 }))).toBe(true);

    // Withdrawn through a: the period goes from b's next answer.
    const tb = await post(a, `${URL}/${aendring.id}/status`, { status: "tilbagetrukket", bemaerkning: "Tastefejl i lønnen" }, t.odense);
    expect(tb.statusCode).toBe(200);
    const trukket = await get(b, url);
    expect(trukket.headers.etag).not.toBe(efter.headers.etag);
    expect(trukket.rawPayload.equals(await uden("side", { takstaar: 2027 }))).toBe(true);

    // Last year's takst beside 2027's: a new 2026 version through a is in b's 2027 list.
    const sidste = await get(b, csv);
    ok(await post(a, URL, skema(2026, { TS_Loen: 6_300_000, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse", TS_AendringVedtaget: "2026-04-20", TS_AendringIkrafttraedelse: "2026-05-01" }), t.odense));
    const nySidste = await get(b, csv);
    expect(nySidste.headers.etag).not.toBe(sidste.headers.etag);
    expect(nySidste.rawPayload.equals(await uden("csv", { takstaar: 2027 }))).toBe(true);
  });

  it("a publication through one instance shows on the other's next page (a year kept as 404 before)", async () => {
    ok(await post(a, URL, skema(2026), t.odense));
    expect((await get(b, "/takstoversigt?takstaar=2026")).statusCode).toBe(404);
    expect((await get(b, "/api/v1/takstoversigt.csv?takstaar=2026")).statusCode).toBe(404);
    ok(await post(a, "/api/v1/offentliggoerelse", { takstaar: 2026, bekraeft: true }, t.sekretariat));
    const side = await get(b, "/takstoversigt?takstaar=2026");
    expect(side.statusCode).toBe(200);
    expect(side.rawPayload.equals(await uden("side", { takstaar: 2026 }))).toBe(true);
    expect((await get(b, "/api/v1/takstoversigt.csv?takstaar=2026")).rawPayload.equals(await uden("csv", { takstaar: 2026 }))).toBe(true);
  });
}
