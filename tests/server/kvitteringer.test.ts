import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, aabnPglite, aabnPostgres } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { opretToken } from "../../src/server/tokens";
import { medPostgres } from "../helpers/miljoe";
import { type Server, koer, startServer } from "./barn";
import { skemaNr } from "./fixtures";
import { type PgCluster, ledigPort, startPgCluster } from "./pgCluster";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

/**
 * Issue 26, no silent loss: the service keeps what it has receipted apart from the tables. A
 * zeroed page, a cut-off table file or a row deleted behind its back is found at start (or, on
 * PostgreSQL, while it runs): /health and every submission answer 503 naming the restore
 * command, and nothing new is stored. Each case runs the real server on a real data folder.
 */

const SIDE = 8192;
const N = 40;
const GENDAN = "takst-server restore fil";

interface Tokens {
  kommune: string;
  sekretariat: string;
}

async function tokens(db: Db): Promise<Tokens> {
  await migrer(db);
  return {
    kommune: (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token,
    sekretariat: (await opretToken(db, { rolle: "sekretariat" })).token,
  };
}

const indsend = (s: Server, t: Tokens, i: number) =>
  fetch(`${s.base}/api/v1/indberetninger`, { method: "POST", headers: { authorization: `Bearer ${t.kommune}`, "content-type": "application/json" }, body: JSON.stringify(skemaNr(i)) });

/** N submissions, eight at a time (so they are stored in groups); their receipt numbers. */
async function indsendMange(s: Server, t: Tokens): Promise<string[]> {
  const numre: string[] = [];
  for (let i = 0; i < N; i += 8) {
    const svar = await Promise.all(Array.from({ length: 8 }, (_, j) => indsend(s, t, i + j)));
    for (const r of svar) {
      expect(r.status).toBe(201);
      numre.push(((await r.json()) as { nummer: string }).nummer);
    }
  }
  return numre;
}

async function antalListet(s: Server, t: Tokens): Promise<number> {
  const r = await fetch(`${s.base}/api/v1/indberetninger`, { headers: { authorization: `Bearer ${t.sekretariat}` } });
  expect(r.status).toBe(200);
  return ((await r.json()) as { indberetninger: unknown[] }).indberetninger.length;
}

/** /health and a new submission both refuse with the Danish message; nothing new is stored, reads still work. */
async function forventSpaerret(s: Server, t: Tokens, mangler: number, ialt: number): Promise<string> {
  const h = await fetch(`${s.base}/api/v1/health`);
  const helbred = (await h.json()) as { status: string; kvitteringer?: { status: string; besked?: string } };
  expect({ kode: h.status, status: helbred.status, kvitteringer: helbred.kvitteringer?.status }).toEqual({ kode: 503, status: "fejl", kvitteringer: "fejl" });
  expect(helbred.kvitteringer?.besked).toContain(`Databasen mangler ${mangler} af de ${ialt} indberetninger, serveren har kvitteret for`);
  expect(helbred.kvitteringer?.besked).toContain(GENDAN);
  const foer = await antalListet(s, t);
  const r = await indsend(s, t, 1000);
  const svar = (await r.json()) as { fejl: string };
  expect(r.status).toBe(503);
  expect(svar.fejl).toContain("Der modtages ingen nye indberetninger");
  expect(svar.fejl).toContain(GENDAN);
  expect(await antalListet(s, t)).toBe(foer);
  return helbred.kvitteringer!.besked!;
}

async function medPglite(fn: (db: Db) => Promise<void>, data: string): Promise<void> {
  const db = await aabnPglite(join(data, "pglite"));
  try {
    await fn(db);
  } finally {
    await db.close();
  }
}

/** The submissions' table file in the PGlite folder (pg_class.relfilenode, by pg_relation_filepath). */
async function tabelfil(data: string): Promise<string> {
  let sti = "";
  await medPglite(async (db) => {
    const [r] = await db.query<{ f: string }>("SELECT pg_relation_filepath('indberetninger') AS f");
    sti = join(data, "pglite", r!.f);
  }, data);
  return sti;
}

async function antalRaekker(data: string): Promise<number> {
  let n = 0;
  await medPglite(async (db) => {
    n = (await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger"))[0]!.n;
  }, data);
  return n;
}

describe("no silent loss on PGlite: a damaged data folder is found at start", () => {
  let data: string;
  let t: Tokens;
  let port: number;
  let numre: string[];

  beforeEach(async () => {
    data = mkdtempSync(join(tmpdir(), "takst-tab-"));
    const db = await aabnPglite(join(data, "pglite"));
    t = await tokens(db);
    await db.close();
    port = await ledigPort();
    const s = await startServer({ port, data });
    try {
      numre = await indsendMange(s, t);
    } finally {
      await s.stop();
    }
  });
  afterEach(() => rmSync(data, { recursive: true, force: true }));

  const efterStart = async (fn: (s: Server) => Promise<void>) => {
    const s = await startServer({ port, data, usund: true });
    try {
      await fn(s);
    } finally {
      await s.stop();
    }
  };

  it("one zeroed page of the submissions' table: 503 on /health and on submitting, nothing new stored", async () => {
    const fil = await tabelfil(data);
    expect(statSync(fil).size).toBeGreaterThanOrEqual(3 * SIDE);
    const fd = openSync(fil, "r+");
    writeSync(fd, Buffer.alloc(SIDE), 0, SIDE, SIDE);
    closeSync(fd);
    const tilbage = await antalRaekker(data);
    expect(tilbage).toBeLessThan(N);
    await efterStart(async (s) => {
      await forventSpaerret(s, t, N - tilbage, N);
      expect(s.log()).toContain(`Databasen mangler ${N - tilbage} af de ${N}`);
    });
    expect(await antalRaekker(data)).toBe(tilbage);
  });

  it("the table file cut to one page: 503, the message counts what is missing", async () => {
    const fil = await tabelfil(data);
    truncateSync(fil, SIDE);
    const tilbage = await antalRaekker(data);
    expect(tilbage).toBeLessThan(N);
    await efterStart((s) => forventSpaerret(s, t, N - tilbage, N).then(() => undefined));
    expect(await antalRaekker(data)).toBe(tilbage);
  });

  it("a row deleted behind the service's back while it was stopped: 503 naming that receipt's number", async () => {
    const slettet = numre[17]!;
    await medPglite(async (db) => {
      await db.query("DELETE FROM indberetninger WHERE nummer = $1", [slettet]);
    }, data);
    await efterStart(async (s) => {
      expect(await forventSpaerret(s, t, 1, N)).toContain(`(${slettet})`);
    });
    // The way out once a restore cannot bring it back: the loss is listed, and submissions are taken again.
    const a = await koer(["kvitteringer", "afstem", "--data", data]);
    expect(a.kode).toBe(0);
    expect(a.ud).toContain(`Databasen mangler 1 kvitterede indberetninger: ${slettet}.`);
    const liste = readdirSync(data).find((f) => f.startsWith("kvitteringer.log.mangler-"));
    expect(JSON.parse(readFileSync(join(data, liste!), "utf8"))).toMatchObject([{ nummer: slettet }]);
    await efterStart(async (s) => {
      expect((await fetch(`${s.base}/api/v1/health`)).status).toBe(200);
      expect((await indsend(s, t, 2000)).status).toBe(201);
    });
  });
});

describe("a PGlite data folder that cannot be opened is explained in Danish", () => {
  it("a zeroed page of the system catalogue: exit 1, what happened, that nothing was taken in, the restore command; no stack trace", async () => {
    const data = mkdtempSync(join(tmpdir(), "takst-start-tab-"));
    try {
      let katalog = "";
      await medPglite(async (db) => {
        await migrer(db);
        katalog = (await db.query<{ f: string }>("SELECT pg_relation_filepath('pg_class') AS f"))[0]!.f;
      }, data);
      const fd = openSync(join(data, "pglite", katalog), "r+");
      writeSync(fd, Buffer.alloc(SIDE), 0, SIDE, 0);
      closeSync(fd);
      const r = await koer(["start", "--http", "--host", "127.0.0.1", "--port", String(await ledigPort()), "--data", data], { LOG_LEVEL: "warn" });
      expect(r.kode).toBe(1);
      expect(r.fejl).toContain(`Fejl: Den indlejrede database i ${join(data, "pglite")} kunne ikke åbnes eller læses`);
      expect(r.fejl).toContain("Serveren er ikke startet og har hverken modtaget eller slettet noget");
      expect(r.fejl).toContain(GENDAN);
      expect(r.fejl).not.toMatch(/^\s+at /m);
      // Told once, as a sentence: not PGlite's own words as an unhandled error.
      expect(r.fejl.trim().split("\n")).toHaveLength(1);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

medPostgres()("no silent loss on PostgreSQL: rows deleted behind the running service", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });

  it("a row deleted with SQL while it runs: /health and submitting turn 503 naming the receipt, nothing new stored", async () => {
    cluster = await startPgCluster();
    const db = await aabnPostgres(cluster.databaseUrl);
    const data = mkdtempSync(join(tmpdir(), "takst-tab-pg-"));
    const s = await startServer({ port: await ledigPort(), databaseUrl: cluster.databaseUrl, data });
    try {
      const t = await tokens(db);
      const numre = await indsendMange(s, t);
      const h = await fetch(`${s.base}/api/v1/health`);
      expect({ kode: h.status, kvitteringer: ((await h.json()) as { kvitteringer?: unknown }).kvitteringer }).toMatchObject({ kode: 200, kvitteringer: { status: "ok", antal: N, iDatabasen: N } });
      await db.query("DELETE FROM indberetninger WHERE nummer = $1", [numre[3]]);
      // /health counts at most every 2 s: within a few it has seen the loss.
      const frist = Date.now() + PROGRAM_VENTETID_MS;
      while ((await fetch(`${s.base}/api/v1/health`)).status !== 503 && Date.now() < frist) await new Promise((r) => setTimeout(r, 250));
      expect(await forventSpaerret(s, t, 1, N)).toContain(`(${numre[3]})`);
      expect((await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger"))[0]!.n).toBe(N - 1);
    } finally {
      await s.stop();
      await db.close();
      rmSync(data, { recursive: true, force: true });
    }
  });

  it("the table emptied with TRUNCATE while it runs: 503 counting every receipt as missing, nothing new stored", async () => {
    const url = await cluster!.nyDatabase("tab_truncate");
    const db = await aabnPostgres(url);
    const data = mkdtempSync(join(tmpdir(), "takst-tab-pg-"));
    const s = await startServer({ port: await ledigPort(), databaseUrl: url, data });
    try {
      const t = await tokens(db);
      await indsendMange(s, t);
      expect((await fetch(`${s.base}/api/v1/health`)).status).toBe(200);
      await db.query("TRUNCATE indberetninger CASCADE");
      const frist = Date.now() + PROGRAM_VENTETID_MS;
      while ((await fetch(`${s.base}/api/v1/health`)).status !== 503 && Date.now() < frist) await new Promise((r) => setTimeout(r, 250));
      await forventSpaerret(s, t, N, N);
      expect((await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger"))[0]!.n).toBe(0);
    } finally {
      await s.stop();
      await db.close();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
