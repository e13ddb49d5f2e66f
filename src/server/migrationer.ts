import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "./db";

export const MIGRATIONS_MAPPE = join(__dirname, "migrations");

/**
 * Applies migrations/NNN_*.sql in name order, each recorded in schema_migrations. The same SQL
 * runs on PGlite and PostgreSQL. All pending files run in one transaction under an advisory
 * lock, so two servers starting at once cannot both apply a file; without the database's time
 * limits, since a migration of a large table may take minutes.
 */
export async function migrer(db: Db, mappe = MIGRATIONS_MAPPE): Promise<string[]> {
  const filer = readdirSync(mappe).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(7301)");
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (navn text PRIMARY KEY, anvendt timestamptz NOT NULL DEFAULT now())");
    const anvendte = new Set((await tx.query<{ navn: string }>("SELECT navn FROM schema_migrations")).map((r) => r.navn));
    const nye: string[] = [];
    for (const f of filer) {
      if (anvendte.has(f)) continue;
      await tx.exec(readFileSync(join(mappe, f), "utf8"));
      await tx.query("INSERT INTO schema_migrations (navn) VALUES ($1)", [f]);
      nye.push(f);
    }
    return nye;
  }, { utenFrist: true });
}
