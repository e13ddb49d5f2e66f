import type { FastifyBaseLogger } from "fastify";
import type { Db, Sql } from "./db";

/** What the client is told while the database does not answer (503; the error handler, fejl.ts). */
export const DATABASE_SVARER_IKKE = "Databasen svarer ikke lige nu; prøv igen om lidt.";
/** Added for a submission: its commit may have happened with the answer lost, and a retry is safe. */
export const SEND_IGEN = "Send indberetningen igen: er den allerede gemt, får du den samme kvittering.";

/**
 * The database is down, frozen, full or restarting: a fault that ends by itself, not a bug.
 * The request gets 503 (fejl.ts) and the log says it once per fault (overvaag).
 */
export class DatabaseUtilgaengelig extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "DatabaseUtilgaengelig";
  }
}

// SQLSTATE classes and codes of a database that cannot serve now: 08 connection exception,
// 53 insufficient resources (53100 disk full), 57P01-57P05 shutdown/crash/cannot connect now,
// 57014 statement timeout, 58 system (I/O) error.
const SQLSTATE = /^(08|53|58)|^57P0[1-5]$|^57014$/;
// Node's socket and file errors: refused, reset, unreachable, timed out, disk full.
const ERRNO = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ENOSPC", "EIO"]);
// node-postgres says these in text only (pool and client without a code).
const PG_TEKST = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|not queryable|Cannot use a pool after calling end/i;

/** Whether an error means the database cannot serve now (rather than a refused or wrong statement). */
export function erUtilgaengelig(e: unknown): boolean {
  if (e instanceof DatabaseUtilgaengelig) return true;
  if (!e || typeof e !== "object") return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === "string" && (SQLSTATE.test(code) || ERRNO.has(code))) return true;
  return typeof message === "string" && PG_TEKST.test(message);
}

/** The promise, or DatabaseUtilgaengelig after ms (the work itself is not stopped). */
export function medFrist<T>(p: Promise<T>, ms: number, besked: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const frist = new Promise<never>((_ok, nej) => {
    timer = setTimeout(() => nej(new DatabaseUtilgaengelig(besked, "TIMEOUT")), ms);
  });
  return Promise.race([p, frist]).finally(() => clearTimeout(timer));
}

/** A fault is over when the database has answered without a fault for this long. */
const ROLIG_MS = 5000;

/**
 * The database as the routes use it: an error that means "cannot serve now" becomes
 * DatabaseUtilgaengelig, and the log says when a fault starts and when it ends, once each,
 * instead of a stack trace per request.
 */
export function overvaag(db: Db, log: FastifyBaseLogger): Db {
  let fejlSiden: number | undefined;
  let sidsteFejl = 0;
  const udfald = (e: unknown): never => {
    if (!erUtilgaengelig(e)) throw e;
    const x = e as { code?: string; message?: string };
    sidsteFejl = Date.now();
    if (fejlSiden === undefined) {
      fejlSiden = Date.now();
      log.error({ database: db.art, kode: x.code, aarsag: x.message }, "databasen svarer ikke; forespørgsler får 503, indtil den svarer igen");
    }
    throw e instanceof DatabaseUtilgaengelig ? e : new DatabaseUtilgaengelig(x.message ?? "databasefejl", x.code);
  };
  const svarede = <T>(v: T): T => {
    // Over only when nothing failed for a while: on a full disk reads succeed between failing writes.
    if (fejlSiden !== undefined && Date.now() - sidsteFejl >= ROLIG_MS) {
      log.warn({ database: db.art, sekunder: Math.round((Date.now() - fejlSiden) / 1000) }, "databasen svarer igen");
      fejlSiden = undefined;
    }
    return v;
  };
  const vogt = <T>(p: Promise<T>): Promise<T> => p.then(svarede, udfald);
  const somSql = (s: Sql): Sql => ({
    query: <T>(sql: string, params?: unknown[], navn?: string) => vogt(s.query<T>(sql, params, navn)),
    exec: (sql) => vogt(s.exec(sql)),
  });
  return {
    art: db.art,
    ...somSql(db),
    transaction: (fn, o) => vogt(db.transaction((tx) => fn(somSql(tx)), o)),
    close: () => db.close(),
    kilde: db.kilde ?? db,
  };
}
