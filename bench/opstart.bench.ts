import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { laesRegelsaetMappe } from "../src/regelsaet/fraMappe";
import { aabnPglite } from "../src/server/db";
import { ledigPort } from "../tests/server/pgCluster";
import { saaFuldtAar } from "./fuldtAar";
import { median } from "./maal";
import { skrivSkemaMappe } from "./skemaMappe";

const ROD = join(__dirname, "..");
const RUNDER = Number(process.env.BENCH_OPSTART_RUNDER ?? 5);
const CPU = join(ROD, "bench", "graense", "cpu.cjs");

const rund = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** `node <args>` from spawn until the first 200 from /api/v1/health, then SIGTERM; milliseconds. */
async function tilFoersteSvar(args: (port: number) => string[]): Promise<number> {
  const port = await ledigPort();
  const t0 = process.hrtime.bigint();
  const proc = spawn(process.execPath, args(port), { env: { ...process.env, DATABASE_URL: "", LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] });
  let fejl = "";
  proc.stderr?.on("data", (d: Buffer) => (fejl += d.toString()));
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`${args(port).join(" ")} stoppede under start: ${fejl}`);
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
  }
}

/** `takst-server start` on the data folder (`--data`; PGlite in <data>/pglite). */
const server = (data: string) => tilFoersteSvar((port) => [join(ROD, "bin", "takst-server.js"), "start", "--http", "--host", "127.0.0.1", "--port", String(port), "--data", data]);
/** The limit: Fastify + PGlite on the same <data>/pglite, one route (bench/graense/opstart.js). */
const bar = (data: string) => tilFoersteSvar((port) => [join(ROD, "bench", "graense", "opstart.js"), String(port), join(data, "pglite")]);

/** A child to exit: wall seconds and the child's own CPU seconds (bench/graense/cpu.cjs). */
function koer(args: string[]): { s: number; cpu_s: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", CPU, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} fejlede (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { s, cpu_s: Number(/cpu_ms=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1000 };
}

/**
 * Start-up beside its floor (issue 27), medians of BENCH_OPSTART_RUNDER alternating rounds (5):
 * - `takst-server start` (node bin/takst-server.js, the compiled service) from spawn to the first
 *   200 from /api/v1/health, on a data folder it has created and migrated before and that holds
 *   a region's full year (bench/fuldtAar.ts); the limit is
 *   bench/graense/opstart.js, Fastify + PGlite opening the same folder with one route. Goal ≤ 1.2×.
 *   The first start on an empty folder (initdb and every migration) is reported beside the bare
 *   PGlite's first opening of an empty folder (initdb alone), one of each.
 * - `takstskema valider <1,000 .xlsx> --json` beside the floor bench/graense/udpak.js: read each
 *   file and inflate every part with the CLI's own zip reader. Goal ≤ 3×. Wall and CPU time.
 */
export async function run(): Promise<Record<string, unknown>> {
  const data = mkdtempSync(join(tmpdir(), "takst-opstart-"));
  const tom = mkdtempSync(join(tmpdir(), "takst-opstart-tom-"));
  const mappe = mkdtempSync(join(tmpdir(), "takst-opstart-skemaer-"));
  try {
    const foersteStart = await server(data);
    const barFoerste = await bar(tom);
    // The later starts are on a region's full year (bench/fuldtAar.ts, 13,123 submissions): what a
    // service restarted in season opens. The first start on it adds the seeded rows to the
    // receipt log ("fundet") once: not timed.
    const db = await aabnPglite(join(data, "pglite"));
    const fuldtAar = await saaFuldtAar(db);
    await db.close();
    await server(data);
    // The limit opens the same database as the service: a copy of the migrated folder for it.
    cpSync(join(data, "pglite"), join(tom, "pglite"), { recursive: true, force: true });
    const s: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < RUNDER; r++) {
      s.push(await server(data));
      b.push(await bar(tom));
    }

    await skrivSkemaMappe(mappe, laesRegelsaetMappe());
    const cli: ReturnType<typeof koer>[] = [];
    const gulv: ReturnType<typeof koer>[] = [];
    const valider = [join(ROD, "bin", "takstskema.js"), "valider", mappe, "--json", "--indsendt", "2017-11-10"];
    for (let r = 0; r < RUNDER; r++) {
      cli.push(koer(valider));
      gulv.push(koer([join(ROD, "bench", "graense", "udpak.js"), mappe]));
    }
    const en = join(ROD, "examples", "botilbud-syd-2018.xlsx");
    const valider1 = Array.from({ length: RUNDER }, () => koer([join(ROD, "bin", "takstskema.js"), "valider", en, "--indsendt", "2017-11-10"]).s * 1000);

    const server_start_ms = Math.round(median(s));
    const bare_start_ms = Math.round(median(b));
    const cli_1000_files_s = rund(median(cli.map((x) => x.s)));
    const unzip_floor_1000_files_s = rund(median(gulv.map((x) => x.s)));
    const cli_cpu = median(cli.map((x) => x.cpu_s));
    const gulv_cpu = median(gulv.map((x) => x.cpu_s));
    return {
      startup: {
        server_start_ms,
        bare_start_ms,
        data_rows: fuldtAar.antal.raekker,
        ratio_to_bare: rund(server_start_ms / bare_start_ms),
        ratio_to_bare_limit: 1.2,
        first_start_empty_folder_ms: Math.round(foersteStart),
        bare_first_start_empty_folder_ms: Math.round(barFoerste),
        cli_1000_files_s,
        unzip_floor_1000_files_s,
        ratio_to_floor: rund(cli_1000_files_s / unzip_floor_1000_files_s),
        ratio_to_floor_limit: 3,
        cli_1000_files_cpu_s: rund(cli_cpu),
        unzip_floor_1000_files_cpu_s: rund(gulv_cpu),
        cpu_ratio_to_floor: rund(cli_cpu / gulv_cpu),
        takstskema_valider_one_ms: Math.round(median(valider1)),
        rounds: { server_ms: s.map(Math.round), bare_ms: b.map(Math.round), cli_s: cli.map((x) => rund(x.s)), floor_s: gulv.map((x) => rund(x.s)) },
        note:
          `median of ${RUNDER} alternating rounds. server_start_ms: node bin/takst-server.js start, spawn until the first 200 from /api/v1/health on a PGlite folder holding a region's full year (bench/fuldtAar.ts, data_rows submissions); ` +
          "its limit bare_start_ms: bench/graense/opstart.js (Fastify + PGlite on a copy of the same folder, one route). first_start_empty_folder_ms: the service's first start " +
          "(initdb + every migration) beside bare_first_start_empty_folder_ms (PGlite initdb alone), one each. cli_1000_files_s: node bin/takstskema.js valider <1,000 .xlsx> --json, " +
          "spawn to exit; its floor unzip_floor_1000_files_s: bench/graense/udpak.js reads each file and inflates every part with build/cli/zip.js. takstskema_valider_one_ms: one example .xlsx, spawn to exit.",
      },
    };
  } finally {
    for (const m of [data, tom, mappe]) rmSync(m, { recursive: true, force: true });
  }
}
