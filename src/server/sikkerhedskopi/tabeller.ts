import type { Sql } from "../db";

/** The service's own tables (schema public), whose rows a backup counts and a restore checks. */
export const TABELLER_SQL = `SELECT c.relname AS navn FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`;

/** Rows per table: the header of a backup, and after a restore the proof that all came back. */
export async function taelRaekker(db: Sql): Promise<Record<string, number>> {
  const antal: Record<string, number> = {};
  for (const { navn } of await db.query<{ navn: string }>(TABELLER_SQL)) {
    antal[navn] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${navn.replace(/"/g, '""')}"`))[0]!.n;
  }
  return antal;
}
