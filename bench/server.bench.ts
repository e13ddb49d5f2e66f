import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, aabnPglite, aabnPostgres } from "../src/server/db";
import { migrer } from "../src/server/migrationer";
import { opretToken } from "../src/server/tokens";
import { BIN } from "../tests/server/barn";
import { skemaNr } from "../tests/server/fixtures";
import { ledigPort, startPgCluster } from "../tests/server/pgCluster";
import { median } from "./maal";

/**
 * Issue 15: the service beside its limit, in one run. For each database, alternating rounds of
 *  - bar:      a bare Fastify route (no database),
 *  - gruppe:   the bare route storing the body grouped as the service stores (the limit, issue
 *              27: what this machine, this Fastify and this database driver accept when nothing
 *              of ours runs: the requests queued during a write go in one multi-row INSERT, one commit),
 *  - indsaet:  the bare route + one INSERT per request (issue 15's limit, kept beside it as
 *              limit.single_insert_per_s: the service groups, so this one measured it too leniently),
 *  - spread:   POST /api/v1/indberetninger, 50 driftsherrer each with its own token (the
 *              deadline week),
 *  - one:      the same, all from one driftsherre (the worst case),
 * each 32 connections over loopback, each request a new takst. Figures are medians over rounds.
 * BENCH_SERVER_SEKUNDER / BENCH_SERVER_RUNDER shorten or lengthen it; BENCH_CPU_PROF=<dir>
 * runs takst-server under --cpu-prof; BENCH_SERVER_DB=pglite|postgres measures only that one.
 */

interface AutocannonResultat {
  duration: number;
  "2xx": number;
  non2xx: number;
  errors: number;
  latency: { p99: number; p50: number };
}
type Autocannon = (o: Record<string, unknown>) => Promise<AutocannonResultat>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as Autocannon;

const FORBINDELSER = 32;
const SEKUNDER = Number(process.env.BENCH_SERVER_SEKUNDER ?? 3);
const RUNDER = Number(process.env.BENCH_SERVER_RUNDER ?? 3);
const DRIFTSHERRER = 50;
const driftsherre = (k: number) => `Kommune ${String(k + 1).padStart(2, "0")}`;

interface Barn {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function startBarn(args: string[], env: NodeJS.ProcessEnv, klar: string): Promise<Barn> {
  const port = await ledigPort();
  const proc: ChildProcess = spawn(process.execPath, args.map((a) => a.replace("{port}", String(port))), {
    // The per-token rate limit (issue 16) would cap one token at 300 a minute: the bench measures
    // the service's own throughput, so it runs without the limiter, as the tests do.
    env: { ...process.env, RATE_LIMIT: "0", ...env },
    // Logs go nowhere, as to a file: their cost is paid, not the bench's reading of them.
    stdio: ["ignore", "ignore", "pipe"],
  });
  let fejl = "";
  proc.stderr?.on("data", (d: Buffer) => (fejl += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const ud = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill("SIGTERM");
    const t = setTimeout(() => proc.kill("SIGKILL"), 15_000);
    await ud;
    clearTimeout(t);
  };
  const frist = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Barnet stoppede under start: ${fejl}`);
    try {
      if ((await fetch(base + klar)).ok) return { base, pid: proc.pid!, stop };
    } catch {
      /* not listening yet */
    }
    if (Date.now() > frist) {
      await stop();
      throw new Error(`Barnet svarede ikke: ${fejl}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One token per driftsherre (a token may only submit for its own). */
async function tokens(db: Db): Promise<string[]> {
  await migrer(db);
  const ud: string[] = [];
  for (let k = 0; k < DRIFTSHERRER; k++) ud.push((await opretToken(db, { rolle: "kommune", driftsherre: driftsherre(k) })).token);
  return ud;
}

interface Maaling {
  accepted_per_s: number;
  /** CPU (user + system, all threads) of the answering process per accepted request: what load on the machine changes least. */
  cpu_ms_per_request: number;
  p99_ms: number;
  p50_ms: number;
  non_2xx: number;
  errors: number;
}

let naeste = 0;

/** The process's CPU time so far in ms (Linux /proc; 0 elsewhere, and the figure is then 0). */
function cpuMs(pid: number): number {
  try {
    const felter = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
    return ((Number(felter[11]) + Number(felter[12])) * 1000) / TICKS_PR_S;
  } catch {
    return 0;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const TICKS_PR_S = 100;

/** 32 connections for SEKUNDER; `spredt` = driftsherre k of every request is k mod 50, else always the first. */
async function maal(barn: Barn, sti: string, toks: string[], spredt: boolean): Promise<Maaling> {
  const url = barn.base + sti;
  const cpuFoer = cpuMs(barn.pid);
  const r = await autocannon({
    url,
    connections: FORBINDELSER,
    duration: SEKUNDER,
    requests: [
      {
        method: "POST",
        setupRequest: (req: Record<string, unknown>) => {
          const i = naeste++;
          const k = spredt ? i % DRIFTSHERRER : 0;
          return {
            ...req,
            headers: { authorization: `Bearer ${toks[k]}`, "content-type": "application/json" },
            body: JSON.stringify(skemaNr(i, driftsherre(k))),
          };
        },
      },
    ],
  });
  const cpu = cpuMs(barn.pid) - cpuFoer;
  return { accepted_per_s: Math.round(r["2xx"] / r.duration), cpu_ms_per_request: r["2xx"] > 0 ? Math.round((cpu / r["2xx"]) * 1000) / 1000 : 0, p99_ms: r.latency.p99, p50_ms: r.latency.p50, non_2xx: r.non2xx, errors: r.errors };
}

function samlet(xs: Maaling[]): Maaling & { rounds: number[] } {
  return {
    accepted_per_s: Math.round(median(xs.map((x) => x.accepted_per_s))),
    cpu_ms_per_request: median(xs.map((x) => x.cpu_ms_per_request)),
    p99_ms: median(xs.map((x) => x.p99_ms)),
    p50_ms: median(xs.map((x) => x.p50_ms)),
    non_2xx: xs.reduce((s, x) => s + x.non_2xx, 0),
    errors: xs.reduce((s, x) => s + x.errors, 0),
    rounds: xs.map((x) => x.accepted_per_s),
  };
}

async function maalDb(art: "pglite" | "postgres", vores: Barn, graense: Barn, toks: string[], foer?: { barn: Barn; toks: string[] }): Promise<Record<string, unknown>> {
  const bar: Maaling[] = [];
  const indsaet: Maaling[] = [];
  const gruppe: Maaling[] = [];
  const spread: Maaling[] = [];
  const one: Maaling[] = [];
  const foerSpread: Maaling[] = [];
  const foerOne: Maaling[] = [];
  const sti = "/api/v1/indberetninger";
  // Warm-up: JIT, connection pools, PGlite's caches.
  await maal(graense, "/indsaet", toks, true);
  await maal(graense, "/gruppe", toks, true);
  await maal(vores, sti, toks, true);
  if (foer) await maal(foer.barn, sti, foer.toks, true);
  for (let r = 0; r < RUNDER; r++) {
    bar.push(await maal(graense, "/bar", toks, true));
    indsaet.push(await maal(graense, "/indsaet", toks, true));
    gruppe.push(await maal(graense, "/gruppe", toks, true));
    spread.push(await maal(vores, sti, toks, true));
    one.push(await maal(vores, sti, toks, false));
    if (foer) {
      foerSpread.push(await maal(foer.barn, sti, foer.toks, true));
      foerOne.push(await maal(foer.barn, sti, foer.toks, false));
    }
  }
  const b = samlet(bar);
  const enkelt = samlet(indsaet);
  const l = samlet(gruppe);
  const medGraense = (m: ReturnType<typeof samlet>) => ({
    ...m,
    limit_per_s: l.accepted_per_s,
    ratio_to_limit: Math.round((m.accepted_per_s / l.accepted_per_s) * 100) / 100,
    limit_cpu_ms_per_request: l.cpu_ms_per_request,
  });
  console.log(`  ${art}: bar ${b.accepted_per_s}/s, limit ${l.accepted_per_s}/s (one INSERT each ${enkelt.accepted_per_s}/s), spread ${samlet(spread).accepted_per_s}/s, one ${samlet(one).accepted_per_s}/s`);
  return {
    spread: medGraense(samlet(spread)),
    one_driftsherre: medGraense(samlet(one)),
    limit: {
      bare_route_per_s: b.accepted_per_s, bare_route_p99_ms: b.p99_ms,
      grouped_insert_per_s: l.accepted_per_s, grouped_insert_p99_ms: l.p99_ms, grouped_insert_cpu_ms_per_request: l.cpu_ms_per_request,
      single_insert_per_s: enkelt.accepted_per_s, single_insert_p99_ms: enkelt.p99_ms,
    },
    ...(foer ? { before: { spread: medGraense(samlet(foerSpread)), one_driftsherre: medGraense(samlet(foerOne)) } } : {}),
  };
}

/** BENCH_SERVER_FOER=<a checkout of an earlier commit>: its takst-server is measured beside ours (before/after). */
const FOER = process.env.BENCH_SERVER_FOER;

function voresArgs(bin = BIN): string[] {
  const prof = process.env.BENCH_CPU_PROF;
  return [...(prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : []), bin, "start", "--http", "--host", "127.0.0.1", "--port", "{port}"];
}
const GRAENSE = ["-r", "tsx/cjs", join(__dirname, "graense", "server.ts"), "{port}"];

export async function run(): Promise<Record<string, unknown>> {
  const server: Record<string, unknown> = {};
  const env = { LOG_LEVEL: "info" };

  const kun = process.env.BENCH_SERVER_DB; // pglite | postgres: only that one (profiling)
  const data = mkdtempSync(join(tmpdir(), "takst-bench-"));
  try {
    if (kun !== "postgres") {
      const db = await aabnPglite(join(data, "pglite"));
      const toks = await tokens(db);
      await db.close();
      const vores = await startBarn([...voresArgs(), "--data", data], { ...env, DATABASE_URL: "" }, "/api/v1/health");
      const graense = await startBarn([...GRAENSE, join(data, "graense")], {}, "/klar");
      let foer: { barn: Barn; toks: string[] } | undefined;
      try {
        if (FOER) {
          const fdb = await aabnPglite(join(data, "foer", "pglite"));
          const ftoks = await tokens(fdb);
          await fdb.close();
          foer = { barn: await startBarn([...voresArgs(join(FOER, "bin", "takst-server.js")), "--data", join(data, "foer")], { ...env, DATABASE_URL: "" }, "/api/v1/health"), toks: ftoks };
        }
        server.pglite = await maalDb("pglite", vores, graense, toks, foer);
      } finally {
        await vores.stop();
        await graense.stop();
        await foer?.barn.stop();
      }
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
  }

  if (kun === "pglite") return { server };
  const cluster = await startPgCluster();
  try {
    const db = await aabnPostgres(cluster.databaseUrl);
    const toks = await tokens(db);
    await db.close();
    const graenseUrl = await cluster.nyDatabase("graense");
    const vores = await startBarn(voresArgs(), { ...env, DATABASE_URL: cluster.databaseUrl }, "/api/v1/health");
    const graense = await startBarn([...GRAENSE, graenseUrl], {}, "/klar");
    let foer: { barn: Barn; toks: string[] } | undefined;
    try {
      if (FOER) {
        const furl = await cluster.nyDatabase("foer");
        const fdb = await aabnPostgres(furl);
        const ftoks = await tokens(fdb);
        await fdb.close();
        foer = { barn: await startBarn(voresArgs(join(FOER, "bin", "takst-server.js")), { ...env, DATABASE_URL: furl }, "/api/v1/health"), toks: ftoks };
      }
      server.postgres = await maalDb("postgres", vores, graense, toks, foer);
    } finally {
      await vores.stop();
      await graense.stop();
      await foer?.barn.stop();
    }
  } finally {
    await cluster.stop();
  }
  server.note = `32 connections over loopback, ${RUNDER} alternating rounds of ${SEKUNDER} s per variant, medians; limit = bare Fastify route storing the body grouped as the service (the requests queued during a write in one multi-row INSERT, one commit) on the same database driver (limit.grouped_insert_per_s; limit.single_insert_per_s = one INSERT per request, issue 15's limit); takst-server at LOG_LEVEL=info (logs to /dev/null); spread = 50 driftsherrer each with its own token, one_driftsherre = all from one; cpu_ms_per_request = the answering process's CPU (all threads; with PostgreSQL the database's own processes are not in it) per accepted request`;
  return { server };
}
