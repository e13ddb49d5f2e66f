import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

export const BIN = join(__dirname, "..", "..", "bin", "takst-server.js");

/** Runs `takst-server …` to completion. */
export function koer(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ kode: number | null; ud: string; fejl: string }> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let ud = "";
    let fejl = "";
    p.stdout.on("data", (d: Buffer) => (ud += d.toString()));
    p.stderr.on("data", (d: Buffer) => (fejl += d.toString()));
    p.on("error", rej);
    p.on("close", (kode) => res({ kode, ud, fejl }));
  });
}

export interface Server {
  proc: ChildProcess;
  base: string;
  log: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The real server as a child process over plain http on loopback; resolves when healthy (or,
 * with `usund`, when /health answers at all, 503 included).
 */
export async function startServer(o: { port: number; data?: string; databaseUrl?: string; env?: NodeJS.ProcessEnv; usund?: boolean }): Promise<Server> {
  const args = ["start", "--http", "--host", "127.0.0.1", "--port", String(o.port)];
  // Never the checkout's ./data: with PostgreSQL the server keeps its receipt log there, and a log
  // left by an earlier run for a cluster on the same port would read as lost submissions.
  args.push("--data", o.data ?? mkdtempSync(join(tmpdir(), "takst-server-data-")));
  const proc = spawn(process.execPath, [BIN, ...args], {
    // Load, crash and bench runs send far more than a municipality would: no rate limit here.
    env: { ...process.env, DATABASE_URL: o.databaseUrl ?? "", LOG_LEVEL: "warn", RATE_LIMIT: "0", ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  proc.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const base = `http://127.0.0.1:${o.port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const ud = new Promise<void>((r) => proc.once("exit", () => r()));
    proc.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ud, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGKILL");
      await ud;
    }
  };
  const frist = Date.now() + PROGRAM_VENTETID_MS;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`Serveren stoppede under start: ${log}`);
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok || (o.usund && r.status === 503)) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > frist) {
      await stop("SIGKILL");
      throw new Error(`Serveren svarede ikke: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc, base, log: () => log, stop };
}
