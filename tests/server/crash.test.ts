import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, aabnPglite, aabnPostgres } from "../../src/server/db";
import { kanoniskJson, sha256Hex } from "../../src/server/kanonisk";
import { migrer } from "../../src/server/migrationer";
import { opretToken } from "../../src/server/tokens";
import { medPostgres } from "../helpers/miljoe";
import { type Server, startServer } from "./barn";
import { type Skemapost, skemaNr } from "./fixtures";
import { type PgCluster, ledigPort, startPgCluster } from "./pgCluster";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

interface Modtaget {
  krop: Skemapost;
  kvittering: { id: string; modtaget: string; sha256: string };
}

async function tokens(db: Db): Promise<{ kommune: string; sekretariat: string }> {
  await migrer(db);
  const kommune = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
  const sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
  return { kommune, sekretariat };
}

/**
 * 24 clients submit distinct valid skemaer; the server is SIGKILLed mid-load and restarted on
 * the same data. Every receipt a client got must be there, complete; no row may be partial.
 */
async function crashProeve(start: () => Promise<Server>, t: { kommune: string; sekretariat: string }): Promise<number> {
  let server = await start();
  const modtaget: Modtaget[] = [];
  let naeste = 0;
  let draebt = false;
  const klient = async () => {
    while (!draebt) {
      const krop = skemaNr(naeste++);
      try {
        const r = await fetch(`${server.base}/api/v1/indberetninger`, {
          method: "POST",
          headers: { authorization: `Bearer ${t.kommune}`, "content-type": "application/json" },
          body: JSON.stringify(krop),
        });
        const svar = await r.text();
        if (r.status === 201 || r.status === 200) modtaget.push({ krop, kvittering: JSON.parse(svar) });
        else throw new Error(`uventet ${r.status}: ${svar}`);
      } catch (e) {
        if (!draebt) throw e;
      }
    }
  };
  const klienter = Array.from({ length: 24 }, klient);
  // Kill when load is well under way.
  const frist = Date.now() + PROGRAM_VENTETID_MS;
  while (modtaget.length < 150 && Date.now() < frist) await new Promise((r) => setTimeout(r, 20));
  draebt = true;
  server.proc.kill("SIGKILL");
  await Promise.all(klienter);
  await server.stop();
  expect(modtaget.length).toBeGreaterThanOrEqual(150);

  server = await start();
  try {
    const get = (url: string) => fetch(`${server.base}${url}`, { headers: { authorization: `Bearer ${t.sekretariat}` } });
    for (const m of modtaget) {
      const r = await get(`/api/v1/indberetninger/${m.kvittering.id}`);
      expect(r.status).toBe(200);
      const fuld = (await r.json()) as { sha256: string; modtaget: string; payload: unknown; findings: unknown };
      expect(fuld.sha256).toBe(m.kvittering.sha256);
      expect(fuld.sha256).toBe(sha256Hex(kanoniskJson(m.krop)));
      expect(fuld.modtaget).toBe(m.kvittering.modtaget);
      expect(fuld.payload).toEqual(m.krop);
      expect(Array.isArray(fuld.findings)).toBe(true);
    }
    // No row is partial: every stored submission (also those whose answer was lost) is whole.
    const alle = ((await (await get("/api/v1/indberetninger")).json()) as { indberetninger: { id: string }[] }).indberetninger;
    expect(alle.length).toBeGreaterThanOrEqual(modtaget.length);
    for (const i of alle) {
      const fuld = (await (await get(`/api/v1/indberetninger/${i.id}`)).json()) as { sha256: string; payload: Skemapost; findings: unknown; beregnet: unknown };
      expect(fuld.sha256).toBe(sha256Hex(kanoniskJson(fuld.payload)));
      expect(fuld.payload.TS_Tilbud).toMatch(/^Tilbud \d+$/);
      expect(Array.isArray(fuld.findings)).toBe(true);
      expect(fuld.beregnet).not.toBeNull();
    }
    // And the server still accepts work after recovery.
    const efter = await fetch(`${server.base}/api/v1/indberetninger`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.kommune}`, "content-type": "application/json" },
      body: JSON.stringify(skemaNr(1_000_000)),
    });
    expect(efter.status).toBe(201);
    return modtaget.length;
  } finally {
    await server.stop();
  }
}

describe("crash: SIGKILL under concurrent load, restart on the same data", () => {
  it("PGlite in a data folder loses no receipted submission", async () => {
    const data = mkdtempSync(join(tmpdir(), "takst-crash-"));
    try {
      const db = await aabnPglite(join(data, "pglite"));
      const t = await tokens(db);
      await db.close();
      const port = await ledigPort();
      const n = await crashProeve(() => startServer({ port, data }), t);
      expect(n).toBeGreaterThan(0);
      expect(existsSync(join(data, "pglite"))).toBe(true);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

medPostgres()("crash on PostgreSQL", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  it("PostgreSQL loses no receipted submission", async () => {
    cluster = await startPgCluster();
    const db = await aabnPostgres(cluster.databaseUrl);
    const t = await tokens(db);
    await db.close();
    const port = await ledigPort();
    // One data folder across the restarts: the receipt log must survive SIGKILL beside the database.
    const data = mkdtempSync(join(tmpdir(), "crash-pg-"));
    try {
      await crashProeve(() => startServer({ port, databaseUrl: cluster!.databaseUrl, data }), t);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});
