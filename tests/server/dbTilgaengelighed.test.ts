import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { erUtilgaengelig } from "../../src/server/dbTilgaengelighed";
import { apiMiljoe } from "./apiMiljoe";
import { bearer, lavTokens, skemaNr, type Tokens } from "./fixtures";

/**
 * Issue 26: a database that cannot serve gives 503 with a Danish message (never 500), /health
 * names the part that is down, and the log says it once per fault. The database here fails on
 * demand, as PostgreSQL does when it shuts down (57P01) or the disk is full (53100).
 */

type Fejl = Error & { code?: string };
const fejl = (message: string, code?: string): Fejl => Object.assign(new Error(message), { code });

/** A real in-memory database that throws `nede` from every call while it is set. */
function medUdfald(db: Db): Db & { nede?: Fejl } {
  const d: Db & { nede?: Fejl } = {
    art: db.art,
    query: (sql, params, navn) => (d.nede ? Promise.reject(d.nede) : db.query(sql, params, navn)),
    exec: (sql) => (d.nede ? Promise.reject(d.nede) : db.exec(sql)),
    transaction: (fn) => (d.nede ? Promise.reject(d.nede) : db.transaction(fn)),
    close: () => db.close(),
  };
  return d;
}

describe("a database fault ends in a 503 with a Danish message", () => {
  let db: Db & { nede?: Fejl };
  let app: FastifyInstance;
  let t: Tokens;
  apiMiljoe(async () => (db = medUdfald(await aabnPglite())), lavTokens, (m) => ({ app, t } = m), undefined, false);
  afterEach(() => {
    db.nede = undefined;
  });

  const indsend = (i: number) => app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify(skemaNr(i)) });

  it("PostgreSQL shutting down (57P01): a submission gets 503 saying a retry is safe, a list 503, /health 503 naming the database", async () => {
    db.nede = fejl("terminating connection due to administrator command", "57P01");
    const post = await indsend(1);
    expect({ status: post.statusCode, krop: post.json(), retryAfter: post.headers["retry-after"] }).toEqual({
      status: 503,
      krop: { fejl: "Databasen svarer ikke lige nu; prøv igen om lidt. Send indberetningen igen: er den allerede gemt, får du den samme kvittering." },
      retryAfter: "5",
    });
    const liste = await app.inject({ method: "GET", url: "/api/v1/indberetninger", headers: bearer(t.sekretariat) });
    expect({ status: liste.statusCode, krop: liste.json() }).toEqual({ status: 503, krop: { fejl: "Databasen svarer ikke lige nu; prøv igen om lidt." } });
    const h = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect({ status: h.statusCode, krop: h.json() }).toEqual({
      status: 503,
      krop: { status: "fejl", database: "pglite", dele: { database: { status: "fejl", besked: "Databasen svarer ikke lige nu; prøv igen om lidt." } } },
    });
  });

  it("a full disk (53100), a refused connection and a timeout are 503 too; a wrong statement stays a 500", async () => {
    const svar = async (e: Fejl) => {
      db.nede = e;
      return (await app.inject({ method: "GET", url: "/api/v1/indberetninger", headers: bearer(t.sekretariat) })).statusCode;
    };
    expect(await svar(fejl('could not extend file "base/5/16384": No space left on device', "53100"))).toBe(503);
    expect(await svar(fejl("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"))).toBe(503);
    expect(await svar(fejl("Connection terminated due to connection timeout"))).toBe(503);
    expect(await svar(fejl("Query read timeout"))).toBe(503);
    expect(await svar(fejl('syntax error at or near "SELEC"', "42601"))).toBe(500);
  });

  it("the log says the fault once when it starts and once when it ends, not once per request", async () => {
    // Its own app: the fault state of the others' must not carry over.
    const egen: { msg: string }[] = [];
    const db2 = medUdfald(await aabnPglite());
    const app2 = await buildApp({ db: db2, statiskMappe: null, lukDb: true, logger: { level: "warn", stream: { write: (l: string) => void egen.push(JSON.parse(l) as { msg: string }) } } });
    try {
      const t2 = await lavTokens(db2);
      const send = (i: number) => app2.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", ...bearer(t2.odense) }, payload: JSON.stringify(skemaNr(i)) });
      db2.nede = fejl("the database system is shutting down", "57P03");
      for (let i = 0; i < 20; i++) expect((await send(100 + i)).statusCode).toBe(503);
      db2.nede = undefined;
      // The fault is over when the database has answered without a fault for 5 s.
      await new Promise((r) => setTimeout(r, 5200));
      expect((await send(200)).statusCode).toBe(201);
      expect(egen.map((l) => l.msg)).toEqual(["databasen svarer ikke; forespørgsler får 503, indtil den svarer igen", "databasen svarer igen"]);
    } finally {
      await app2.close();
    }
  });

  it("a receipt is retry-safe: the same skema sent again after a lost answer gives the same receipt (200)", async () => {
    const foerste = await indsend(300);
    expect(foerste.statusCode).toBe(201);
    const igen = await indsend(300);
    expect({ status: igen.statusCode, id: igen.json<{ id: string }>().id }).toEqual({ status: 200, id: foerste.json<{ id: string }>().id });
  });
});

describe("which errors mean the database cannot serve now", () => {
  it("connection, shutdown, resource, timeout and disk errors do; constraint and syntax errors do not", () => {
    const ja = ["08006", "08001", "57P01", "57P02", "57P03", "53100", "53300", "57014", "58030", "ECONNREFUSED", "ECONNRESET", "ENOSPC"];
    const nej = ["23505", "23514", "42601", "42P01", "22P02", "40001"];
    expect(ja.filter((c) => !erUtilgaengelig(fejl("x", c)))).toEqual([]);
    expect(nej.filter((c) => erUtilgaengelig(fejl("x", c)))).toEqual([]);
    expect(erUtilgaengelig(fejl("Connection terminated unexpectedly"))).toBe(true);
    expect(erUtilgaengelig(fejl("noget andet"))).toBe(false);
  });
});
