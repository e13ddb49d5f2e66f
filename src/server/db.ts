import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { Pool, type PoolClient } from "pg";
import { TABELLER_SQL } from "./sikkerhedskopi/tabeller";

/** What the rest of the server sees of the database: PGlite and PostgreSQL look the same. */
export interface Sql {
  /**
   * `navn`: a prepared statement of that name (the same sql every time), parsed and planned once
   * per connection instead of on every call; for a hot statement (lager.ts GEM_SQL) planning cost
   * more than running it. PostgreSQL only; PGlite plans every time.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], navn?: string): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Sql {
  readonly art: "pglite" | "postgres";
  /** Runs fn inside BEGIN … COMMIT; any throw rolls everything back. */
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * PGlite only: the data folder as a gzipped tar with the row count of every table, taken at one
   * moment with no transaction open (while the service runs). PostgreSQL has pg_dump.
   */
  kopi?(): Promise<{ antal: Record<string, number>; data: Uint8Array }>;
}

/** PostgreSQL's error fields that callers look at, carried across the worker boundary. */
class DbFejl extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly constraint?: string,
  ) {
    super(message);
  }
}

/**
 * PGlite writes its files world-readable and -writable (0666, whatever the umask). The folder is
 * made 0700, which alone keeps other users out, and every file in it 0600 after opening and on close.
 */
export function beskytDataMappe(mappe: string): void {
  chmodSync(mappe, 0o700);
  for (const e of readdirSync(mappe, { withFileTypes: true })) {
    const sti = join(mappe, e.name);
    if (e.isDirectory()) beskytDataMappe(sti);
    else if (e.isFile()) chmodSync(sti, 0o600);
  }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in a worker thread (pglite-worker.js). `dataDir`
 * undefined or "memory://" keeps everything in memory. `fraKopi`: a backup's data folder (Db.kopi),
 * unpacked into an empty `dataDir` (restore).
 */
export async function aabnPglite(dataDir?: string, fraKopi?: Uint8Array): Promise<Db> {
  let sti = "memory://";
  if (dataDir && dataDir !== "memory://") {
    sti = resolve(dataDir);
    mkdirSync(sti, { recursive: true, mode: 0o700 });
    chmodSync(sti, 0o700);
  }
  const beskyt = () => {
    if (sti !== "memory://") beskytDataMappe(sti);
  };
  const worker = new Worker(join(__dirname, "pglite-worker.js"), { workerData: { dataDir: sti, fraKopi } });
  const ventende = new Map<number, { ok: (v: unknown) => void; nej: (e: Error) => void }>();
  let naeste = 1;
  let doed: Error | undefined;
  worker.on("message", (m: { id: number; ok: boolean; resultat?: unknown; fejl?: { message: string; code?: string; constraint?: string } }) => {
    const v = ventende.get(m.id);
    ventende.delete(m.id);
    if (!v) return;
    if (m.ok) v.ok(m.resultat);
    else v.nej(new DbFejl(m.fejl?.message ?? "PGlite-fejl", m.fejl?.code ?? undefined, m.fejl?.constraint ?? undefined));
  });
  const afbryd = (e: Error) => {
    doed = e;
    for (const v of ventende.values()) v.nej(e);
    ventende.clear();
  };
  worker.on("error", afbryd);
  worker.on("exit", (kode) => afbryd(new Error(`PGlite-arbejdertråden stoppede (${kode})`)));
  const send = <T>(m: Record<string, unknown>): Promise<T> =>
    new Promise<T>((ok, nej) => {
      if (doed) return nej(doed);
      const id = naeste++;
      ventende.set(id, { ok: ok as (v: unknown) => void, nej });
      worker.postMessage({ ...m, id });
    });
  const somSql = (tx?: number): Sql => ({
    // PGlite's query() has no named statements (EXECUTE takes no bind parameters): navn is unused.
    query: <T>(sql: string, params?: unknown[]) => send<T[]>({ op: "query", sql, params: params ?? [], tx }),
    exec: async (sql: string) => {
      await send({ op: "exec", sql, tx });
    },
  });
  try {
    await send({ op: "klar" });
    beskyt();
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  let naesteTx = 1;
  return {
    art: "pglite",
    ...somSql(),
    transaction: async (fn) => {
      const tx = naesteTx++;
      await send({ op: "begin", tx });
      try {
        const r = await fn(somSql(tx));
        await send({ op: "commit", tx });
        return r;
      } catch (e) {
        await send({ op: "rollback", tx }).catch(() => undefined);
        throw e;
      }
    },
    kopi: () => send({ op: "kopi", tabeller: TABELLER_SQL }),
    close: async () => {
      if (!doed) await send({ op: "close" }).catch(() => undefined);
      await worker.terminate();
      try {
        beskyt();
      } catch {
        /* the folder may have been removed already */
      }
    },
  };
}

export async function aabnPostgres(url: string, max = 10): Promise<Db> {
  const pool = new Pool({ connectionString: url, max });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const somSql = (c: Pool | PoolClient): Sql => ({
    query: async <T>(sql: string, params?: unknown[], navn?: string) => (await c.query(navn ? { name: navn, text: sql, values: params } : { text: sql, values: params })).rows as T[],
    exec: async (sql: string) => {
      await c.query(sql);
    },
  });
  await pool.query("SELECT 1");
  return {
    art: "postgres",
    ...somSql(pool),
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const r = await fn(somSql(client));
        await client.query("COMMIT");
        return r;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** DATABASE_URL wins; otherwise PGlite in `<dataDir>/pglite`. */
export async function aabnDb(opts: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (opts.databaseUrl) return aabnPostgres(opts.databaseUrl);
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(opts.dataDir, 0o700);
  return aabnPglite(join(opts.dataDir, "pglite"));
}

/** PostgreSQL's SQLSTATE for unique_violation, with the constraint's name. */
export function unikBrud(e: unknown): string | undefined {
  const x = e as { code?: unknown; constraint?: unknown } | null;
  if (x && typeof x === "object" && x.code === "23505") return typeof x.constraint === "string" ? x.constraint : "";
  return undefined;
}
