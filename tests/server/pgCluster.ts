import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBin } from "../helpers/miljoe";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

export interface PgCluster {
  databaseUrl: string;
  port: number;
  /** A further empty database on the same cluster. */
  nyDatabase(navn: string): Promise<string>;
  stop(): Promise<void>;
  /** The fault suite: `pg_ctl stop -m fast` (clients are disconnected; the data stays). */
  stopHurtigt(): Promise<void>;
  /** Starts the stopped cluster again on the same port and data; resolves when it takes connections. */
  startIgen(): Promise<void>;
  /** SIGSTOP (frys) or SIGCONT (toe) to the postmaster and all its backends: a frozen server. */
  frys(): void;
  toe(): void;
}

export async function ledigPort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

/** PostgreSQL refuses to run as root: then run its programs as the postgres user. */
function somBruger(): { uid?: number; gid?: number; navn?: string } {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid, navn: "postgres" };
}

/**
 * A throwaway PostgreSQL cluster from the Debian binaries: initdb in a temp dir, postgres on a
 * free loopback port with its socket in the temp dir, one database. stop() kills it and
 * removes the folder.
 */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL (initdb/postgres) findes ikke");
  const bruger = somBruger();
  const rod = mkdtempSync(join(tmpdir(), "takst-pg-"));
  chmodSync(rod, 0o700);
  if (bruger.uid !== undefined) chownSync(rod, bruger.uid, bruger.gid!);
  const data = join(rod, "data");
  const ejer = bruger.uid !== undefined ? { uid: bruger.uid, gid: bruger.gid } : {};
  execFileSync(join(bin, "initdb"), ["-D", data, "-U", "takst", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], { stdio: "pipe", cwd: rod, ...ejer });
  const port = await ledigPort();
  let stderr = "";
  const startPostmaster = (): ChildProcess => {
    const p = spawn(
      join(bin, "postgres"),
      ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", rod, "-c", "max_connections=100", "-c", "shared_buffers=32MB"],
      { stdio: ["ignore", "ignore", "pipe"], cwd: rod, ...ejer },
    );
    p.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    return p;
  };
  let proc = startPostmaster();
  let stoppet = false;
  const stop = async () => {
    if (stoppet) return;
    stoppet = true;
    if (proc.exitCode === null && proc.signalCode === null) {
      signal("SIGCONT"); // a frozen server cannot shut down
      const ud = new Promise<void>((r) => proc.once("exit", () => r()));
      proc.kill("SIGQUIT"); // immediate shutdown; the cluster is thrown away anyway
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ud, new Promise((r) => (timer = setTimeout(r, 5000)))]);
      clearTimeout(timer);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
    }
    rmSync(rod, { recursive: true, force: true });
  };
  const { Client } = await import("pg");
  const admin = `postgres://takst@127.0.0.1:${port}/postgres`;
  const venTilKlar = async () => {
    const frist = Date.now() + PROGRAM_VENTETID_MS;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`postgres stoppede: ${stderr}`);
      const c = new Client({ connectionString: admin });
      try {
        await c.connect();
        await c.end();
        return;
      } catch {
        await c.end().catch(() => undefined);
        if (Date.now() > frist) throw new Error(`postgres startede ikke: ${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  /** The postmaster and its backends (children), from /proc. */
  const processer = (): number[] => {
    const born = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, "utf8").replace(/^.*\) /, "").split(" ")[1] === String(proc.pid);
      } catch {
        return false; // gone meanwhile
      }
    });
    return [proc.pid!, ...born.map(Number)];
  };
  const stopHurtigt = async () => {
    const ud = new Promise<void>((r) => proc.once("exit", () => r()));
    execFileSync(join(bin, "pg_ctl"), ["stop", "-D", data, "-m", "fast", "-w"], { stdio: "pipe", cwd: rod, ...ejer });
    await ud;
  };
  const startIgen = async () => {
    proc = startPostmaster();
    await venTilKlar();
  };
  const signal = (s: NodeJS.Signals) => {
    for (const pid of processer()) {
      try {
        process.kill(pid, s);
      } catch {
        /* a backend that ended meanwhile */
      }
    }
  };
  try {
    await venTilKlar();
    const nyDatabase = async (navn: string) => {
      const c = new Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE "${navn.replace(/"/g, "")}"`);
      } finally {
        await c.end();
      }
      return `postgres://takst@127.0.0.1:${port}/${navn}`;
    };
    const databaseUrl = await nyDatabase("takster");
    return { databaseUrl, port, nyDatabase, stop, stopHurtigt, startIgen, frys: () => signal("SIGSTOP"), toe: () => signal("SIGCONT") };
  } catch (e) {
    await stop();
    throw e;
  }
}
