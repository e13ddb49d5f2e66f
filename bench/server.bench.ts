import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, aabnPglite, aabnPostgres } from "../src/server/db";
import { migrer } from "../src/server/migrationer";
import { opretToken } from "../src/server/tokens";
import { startServer } from "../tests/server/barn";
import { skemaNr } from "../tests/server/fixtures";
import { ledigPort, startPgCluster } from "../tests/server/pgCluster";

// autocannon ships no types; this is the part used here.
interface AutocannonResultat {
  duration: number;
  "2xx": number;
  non2xx: number;
  errors: number;
  latency: { p99: number; p50: number; average: number };
}
type Autocannon = (o: Record<string, unknown>) => Promise<AutocannonResultat>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as Autocannon;

const FORBINDELSER = 32;
const SEKUNDER = 10;

async function token(db: Db): Promise<string> {
  await migrer(db);
  return (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
}

/** 32 connections for 10 s over loopback, each request a distinct valid skema (a new takst). */
async function maal(base: string, tok: string, forskyd: number): Promise<Record<string, number>> {
  let i = forskyd;
  const r = await autocannon({
    url: `${base}/api/v1/indberetninger`,
    connections: FORBINDELSER,
    duration: SEKUNDER,
    requests: [
      {
        method: "POST",
        headers: { authorization: `Bearer ${tok}`, "content-type": "application/json" },
        setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(skemaNr(i++)) }),
      },
    ],
  });
  return {
    accepted_per_s: Math.round(r["2xx"] / r.duration),
    p99_ms: r.latency.p99,
    p50_ms: r.latency.p50,
    non_2xx: r.non2xx,
    errors: r.errors,
    connections: FORBINDELSER,
    seconds: SEKUNDER,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const server: Record<string, unknown> = {};

  const data = mkdtempSync(join(tmpdir(), "takst-bench-"));
  try {
    const db = await aabnPglite(join(data, "pglite"));
    const tok = await token(db);
    await db.close();
    const s = await startServer({ port: await ledigPort(), data });
    try {
      server.pglite = await maal(s.base, tok, 0);
    } finally {
      await s.stop();
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }

  const cluster = await startPgCluster();
  try {
    const db = await aabnPostgres(cluster.databaseUrl);
    const tok = await token(db);
    await db.close();
    const s = await startServer({ port: await ledigPort(), databaseUrl: cluster.databaseUrl });
    try {
      server.postgres = await maal(s.base, tok, 0);
    } finally {
      await s.stop();
    }
  } finally {
    await cluster.stop();
  }
  return { server };
}
