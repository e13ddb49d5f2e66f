import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledigPort } from "../tests/server/pgCluster";
import { median } from "./maal";

const ROD = join(__dirname, "..");
const RUNDER = Number(process.env.BENCH_OPSTART_RUNDER ?? 5);
/** BENCH_OPSTART_FOER=<a checkout of an earlier commit>: its bin/*.js are timed beside ours. */
const FOER = process.env.BENCH_OPSTART_FOER;

/** `takstskema valider <one .xlsx>`: wall time of the whole process, start to exit. */
function valider(rod: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(rod, "bin", "takstskema.js"), "valider", join(ROD, "examples", "botilbud-syd-2018.xlsx"), "--indsendt", "2017-11-10"], { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`takstskema valider fejlede (${r.status}): ${r.stderr.slice(0, 500)}`);
  return ms;
}

/** `takst-server start` on an empty PGlite folder: from spawn to the first 200 from /api/v1/health. */
async function start(rod: string): Promise<number> {
  const data = mkdtempSync(join(tmpdir(), "takst-opstart-"));
  const port = await ledigPort();
  const t0 = process.hrtime.bigint();
  const proc = spawn(process.execPath, [join(rod, "bin", "takst-server.js"), "start", "--http", "--host", "127.0.0.1", "--port", String(port), "--data", data], {
    env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let fejl = "";
  proc.stderr?.on("data", (d: Buffer) => (fejl += d.toString()));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`takst-server stoppede under start: ${fejl}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return Number(process.hrtime.bigint() - t0) / 1e6;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    const ud = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill("SIGTERM");
    await ud;
    rmSync(data, { recursive: true, force: true });
  }
}

async function maal(rod: string): Promise<{ takst_server_start_ms: number; takstskema_valider_one_ms: number }> {
  const s: number[] = [];
  const v: number[] = [];
  // Alternate, so a busy moment of the machine does not fall on one of them only.
  for (let r = 0; r < RUNDER; r++) {
    s.push(await start(rod));
    v.push(valider(rod));
  }
  return { takst_server_start_ms: Math.round(median(s)), takstskema_valider_one_ms: Math.round(median(v)) };
}

/**
 * Startup of the two programs as users run them (node bin/*.js): `takst-server start` until it
 * answers /api/v1/health on a new PGlite folder (migrations included), and `takstskema valider`
 * on the example .xlsx to exit. Medians of BENCH_OPSTART_RUNDER rounds (5).
 */
export async function run(): Promise<Record<string, unknown>> {
  const nu = await maal(ROD);
  const foer = FOER ? await maal(FOER) : undefined;
  return {
    startup: {
      ...nu,
      ...(foer ? { before: foer } : {}),
      note: `median of ${RUNDER} rounds; takst-server start = spawn until the first 200 from /api/v1/health on an empty PGlite folder; takstskema valider = one example .xlsx, spawn to exit`,
    },
  };
}
