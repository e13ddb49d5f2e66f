import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Db, aabnPglite } from "../db";
import { laasDataMappe } from "../laas";
import { MIGRATIONS_MAPPE } from "../migrationer";
import { FORMAT, type KopiHoved, laesKopifil, skrivKopifil } from "./fil";
import { taelRaekker } from "./tabeller";

/** 2026-12-07T14:55:03.120Z → 20261207-145503 (UTC): file and folder names that sort by time. */
export const stempel = (d: Date): string => d.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");

export const POSTGRES_BACKUP = "Med PostgreSQL (DATABASE_URL) tages sikkerhedskopien med pg_dump --format=custom og gendannes med pg_restore (se docs/drift.md, »Sikkerhedskopi og gendannelse«).";

/** A backup of the embedded database into `fil`, while the service runs (Db.kopi) or on the database directly. */
export async function tagKopi(db: Db, fil: string, nu = new Date()): Promise<KopiHoved> {
  if (!db.kopi) throw new Error(POSTGRES_BACKUP);
  const { antal, data } = await db.kopi();
  const migrationer = (await db.query<{ navn: string }>("SELECT navn FROM schema_migrations ORDER BY navn")).map((r) => r.navn);
  return skrivKopifil(fil, { format: FORMAT, tidspunkt: nu.toISOString(), database: "pglite", migrationer, antal }, data);
}

export interface Gendannet {
  hoved: KopiHoved;
  /** Where the database that was replaced now lies (nothing is deleted); undefined if there was none. */
  gemt?: string;
}

/**
 * Restores a backup into `dataDir` (the service stopped): the file is checked, unpacked next to
 * the database and opened, and its row counts must equal the header's; only then is the old
 * `pglite/` renamed to `pglite.foer-gendannelse-<tid>` and the restored one put in its place.
 */
export async function gendanKopi(fil: string, dataDir: string, nu = new Date()): Promise<Gendannet> {
  const { hoved, data } = laesKopifil(fil);
  const kendte = new Set(readdirSync(MIGRATIONS_MAPPE));
  const ukendt = hoved.migrationer.find((m) => !kendte.has(m));
  if (ukendt) throw new Error(`${fil} er taget med en nyere takst-server (migrationen ${ukendt} kendes ikke). Opgrader takst-server, før kopien gendannes. Intet er ændret.`);
  let frigiv: () => void;
  try {
    // A new data folder is the owner's only, as the server makes it (db.ts aabnDb).
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    frigiv = laasDataMappe(dataDir);
  } catch (e) {
    throw new Error(`Stop takst-server før gendannelsen (fx systemctl stop takst-server): gendannelsen erstatter databasen i ${dataDir}. Intet er ændret. (${(e as Error).message})`);
  }
  try {
    const ny = join(dataDir, "pglite.gendannes");
    rmSync(ny, { recursive: true, force: true });
    try {
      const db = await aabnPglite(ny, data);
      let antal: Record<string, number>;
      try {
        antal = await taelRaekker(db);
      } finally {
        await db.close();
      }
      const afvigelse = Object.keys({ ...hoved.antal, ...antal }).find((t) => antal[t] !== hoved.antal[t]);
      if (afvigelse) throw new Error(`tabellen ${afvigelse} har ${antal[afvigelse] ?? 0} rækker, kopien siger ${hoved.antal[afvigelse] ?? 0}`);
    } catch (e) {
      rmSync(ny, { recursive: true, force: true });
      throw new Error(`${fil} kan ikke gendannes: ${(e as Error).message}. Intet er ændret.`);
    }
    const aktuel = join(dataDir, "pglite");
    let gemt: string | undefined;
    if (existsSync(aktuel)) {
      gemt = join(dataDir, `pglite.foer-gendannelse-${stempel(nu)}`);
      renameSync(aktuel, gemt);
    }
    try {
      renameSync(ny, aktuel);
    } catch (e) {
      if (gemt) renameSync(gemt, aktuel);
      throw e;
    }
    return { hoved, gemt };
  } finally {
    frigiv();
  }
}
