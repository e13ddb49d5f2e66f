import { chmodSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Pool, PoolClient } from "pg";
import { TABELLER_SQL } from "./sikkerhedskopi/tabeller";
import { erUtilgaengelig, medFrist } from "./dbTilgaengelighed";
import { type PgliteFrister, PgliteTraad, STANDARD_PGLITE_FRISTER } from "./pgliteTraad";

/** Closing waits no longer than this (a frozen PostgreSQL or a hanging PGlite must not keep the process). */
const LUK_MS = 3000;

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
  /**
   * Runs fn inside BEGIN … COMMIT; any throw rolls everything back. `utenFrist`: without the
   * time limits (migrations, which may take long on a large database).
   */
  transaction<T>(fn: (tx: Sql) => Promise<T>, o?: { utenFrist?: boolean }): Promise<T>;
  close(): Promise<void>;
  /**
   * The database a wrapper (dbTilgaengelighed.ts overvaag) stands for: per-database caches key on
   * it, so the token cache the routes fill is the one a revocation on the database itself clears.
   */
  readonly kilde?: Db;
  /**
   * PGlite only: the data folder as a gzipped tar with the row count of every table, taken at one
   * moment with no transaction open (while the service runs). PostgreSQL has pg_dump.
   */
  kopi?(): Promise<{ antal: Record<string, number>; data: Uint8Array }>;
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
 * Embedded PostgreSQL (PGlite, WASM) in a supervised worker thread (pgliteTraad.ts). `dataDir`
 * undefined or "memory://" keeps everything in memory. `fraKopi`: a backup's data folder
 * (Db.kopi), unpacked into an empty `dataDir` (restore).
 */
export async function aabnPglite(dataDir?: string, fraKopi?: Uint8Array, frister: PgliteFrister = STANDARD_PGLITE_FRISTER): Promise<Db> {
  let sti = "memory://";
  if (dataDir && dataDir !== "memory://") {
    sti = resolve(dataDir);
    mkdirSync(sti, { recursive: true, mode: 0o700 });
    chmodSync(sti, 0o700);
  }
  const beskyt = () => {
    if (sti !== "memory://") beskytDataMappe(sti);
  };
  const traad = new PgliteTraad(sti, frister, fraKopi);
  const somSql = (nr?: number, tx?: number): Sql => ({
    // PGlite's query() has no named statements (EXECUTE takes no bind parameters): navn is unused.
    query: <T>(sql: string, params?: unknown[]) => traad.send<T[]>({ op: "query", sql, params: params ?? [], tx }, nr),
    exec: async (sql: string) => {
      await traad.send({ op: "exec", sql, tx }, nr);
    },
  });
  try {
    await traad.aabn();
    beskyt();
  } catch (e) {
    await traad.luk(1000);
    throw e;
  }
  let naesteTx = 1;
  return {
    art: "pglite",
    ...somSql(),
    transaction: async (fn, o) => {
      const tx = naesteTx++;
      const nr = traad.nr;
      const slutFrist = o?.utenFrist ? traad.utenFrist() : () => undefined;
      try {
        await traad.send({ op: "begin", tx }, nr);
        try {
          const r = await fn(somSql(nr, tx));
          await traad.send({ op: "commit", tx }, nr);
          return r;
        } catch (e) {
          // Also after a timeout: the thread rolls back a transaction that begins after its rollback.
          await traad.send({ op: "rollback", tx }, nr).catch(() => undefined);
          throw e;
        }
      } finally {
        slutFrist();
      }
    },
    // Packing a large folder takes longer than a request's limit: without it, and the watchdog waits.
    kopi: async () => {
      const slut = traad.utenFrist();
      try {
        return await traad.send({ op: "kopi", tabeller: TABELLER_SQL });
      } finally {
        slut();
      }
    },
    close: async () => {
      await traad.luk(LUK_MS);
      try {
        beskyt();
      } catch {
        /* the folder may have been removed already */
      }
    },
  };
}

/**
 * Time limits on PostgreSQL: a connection within `forbindelseMs` (also waiting for a free one in
 * the pool), a statement within `forespoergselMs` (the server cancels it; the client stops waiting
 * a little later if the server is frozen). Together under 5 s, so a request gets its 503 in time.
 */
export interface PostgresFrister {
  forbindelseMs: number;
  forespoergselMs: number;
}

/** node-postgres has no "no limit" per query (0 means the pool's): a day stands for it. */
const UBEGRAENSET_MS = 86_400_000;

export const STANDARD_POSTGRES_FRISTER: PostgresFrister = { forbindelseMs: 3000, forespoergselMs: 3500 };

export async function aabnPostgres(url: string, max = 10, frister: PostgresFrister = STANDARD_POSTGRES_FRISTER): Promise<Db> {
  // Loaded only with DATABASE_URL: the embedded database does without node-postgres.
  const { Pool } = await import("pg");
  const pool = new Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: frister.forbindelseMs,
    statement_timeout: frister.forespoergselMs,
    query_timeout: frister.forespoergselMs + 500,
    // A client gone mid-transaction must not hold its locks (the receipt counter) for long.
    idle_in_transaction_session_timeout: 10_000,
    keepAlive: true,
  });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  // `ubegraenset`: the client waits as long as it takes (a migration; the server's limit is off too).
  const somSql = (c: Pool | PoolClient, ubegraenset = false): Sql => {
    const frist = ubegraenset ? { query_timeout: UBEGRAENSET_MS } : {};
    return {
      query: async <T>(sql: string, params?: unknown[], navn?: string) => (await c.query({ ...(navn ? { name: navn } : {}), text: sql, values: params, ...frist })).rows as T[],
      exec: async (sql: string) => {
        await c.query({ text: sql, ...frist });
      },
    };
  };
  await pool.query("SELECT 1");
  return {
    art: "postgres",
    ...somSql(pool),
    transaction: async (fn, o) => {
      const client = await pool.connect();
      let oedelagt = false;
      try {
        await client.query("BEGIN");
        if (o?.utenFrist) await client.query("SET LOCAL statement_timeout = 0");
        const r = await fn(somSql(client, o?.utenFrist));
        await client.query("COMMIT");
        return r;
      } catch (e) {
        // A lost or frozen connection is thrown away (a ROLLBACK would only wait for it too).
        oedelagt = erUtilgaengelig(e) || (await client.query("ROLLBACK").then(() => false, () => true));
        throw e;
      } finally {
        client.release(oedelagt);
      }
    },
    close: () => medFrist(pool.end(), LUK_MS, "PostgreSQL lukkede ikke i tide").catch(() => undefined),
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
