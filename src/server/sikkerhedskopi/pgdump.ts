import { execFile } from "node:child_process";
import { renameSync, rmSync } from "node:fs";
import { promisify } from "node:util";

/**
 * libpq's environment for a postgres:// URL, so the password never stands on pg_dump's command
 * line (where every user of the machine can read it with ps).
 */
export function pgMiljoe(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  const saet = (navn: string, v: string) => {
    if (v) env[navn] = decodeURIComponent(v);
  };
  saet("PGHOST", u.hostname.replace(/^\[|\]$/g, ""));
  saet("PGPORT", u.port);
  saet("PGUSER", u.username);
  saet("PGPASSWORD", u.password);
  saet("PGDATABASE", u.pathname.slice(1));
  saet("PGHOST", u.searchParams.get("host") ?? "");
  saet("PGSSLMODE", u.searchParams.get("sslmode") ?? "");
  return env;
}

/** The daily backup on PostgreSQL: pg_dump --format=custom into `fil`, whole or not at all. */
export async function tagPgDump(url: string, fil: string, program = process.env.PG_DUMP || "pg_dump"): Promise<void> {
  const tmp = `${fil}.${process.pid}.tmp`;
  try {
    await promisify(execFile)(program, ["--format=custom", `--file=${tmp}`], { env: { ...process.env, ...pgMiljoe(url) } });
    renameSync(tmp, fil);
  } finally {
    rmSync(tmp, { force: true });
  }
}
