import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../src/server/db";
import { MIGRATIONS_MAPPE, migrer } from "../../src/server/migrationer";

/**
 * The state a migration test starts from: a database migrated up to, not including, the migration
 * whose file name starts with `naeste` (e.g. "010"), with one municipal token 't1' of Odense
 * Kommune for the rows the test writes the old way. Migrate the rest with `migrer(db)`.
 */
export async function databaseFoer(aabn: () => Promise<Db>, naeste: string): Promise<Db> {
  const mappe = mkdtempSync(join(tmpdir(), `mig${naeste}-`));
  try {
    for (const f of readdirSync(MIGRATIONS_MAPPE).filter((f) => f < naeste)) cpSync(join(MIGRATIONS_MAPPE, f), join(mappe, f));
    const db = await aabn();
    try {
      await migrer(db, mappe);
      await db.query("INSERT INTO tokens (id, hash, rolle, driftsherre) VALUES ('t1', 'h', 'kommune', 'Odense Kommune')");
      return db;
    } catch (e) {
      await db.close();
      throw e;
    }
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}
