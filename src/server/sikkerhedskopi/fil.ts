import { createHash } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { z } from "zod";

/**
 * A backup file describes itself: a first line naming the format, one JSON line (the header:
 * format version, time, database kind, migrations, row counts, the payload's length and
 * SHA-256), then the payload (PGlite's data folder as a gzipped tar). A restore checks all of
 * it before it changes anything, so a truncated or altered file is refused.
 */
export const MAGI = "takst-server-sikkerhedskopi";
export const FORMAT = 1;

export const kopiHovedSchema = z.object({
  format: z.literal(FORMAT),
  tidspunkt: z.string().datetime(),
  database: z.literal("pglite"),
  /** The migrations the database had (schema_migrations): a restore refuses a newer schema. */
  migrationer: z.array(z.string()),
  /** Rows per table at the moment of the copy. */
  antal: z.record(z.string(), z.number().int().nonnegative()),
  indhold: z.object({ art: z.literal("pglite-datamappe-tar-gzip"), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type KopiHoved = z.infer<typeof kopiHovedSchema>;

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

/** Writes the file whole or not at all (a temporary name, fsync, rename), readable by its owner only. */
export function skrivKopifil(fil: string, hoved: Omit<KopiHoved, "indhold">, data: Uint8Array): KopiHoved {
  const fuld: KopiHoved = { ...hoved, indhold: { art: "pglite-datamappe-tar-gzip", bytes: data.byteLength, sha256: sha256(data) } };
  const tmp = `${fil}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, `${MAGI}\n${JSON.stringify(fuld)}\n`);
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, fil);
  return fuld;
}

/** Reads and checks a backup file; every fault is a Danish message naming the file. */
export function laesKopifil(fil: string): { hoved: KopiHoved; data: Uint8Array } {
  let b: Buffer;
  try {
    b = readFileSync(fil);
  } catch (e) {
    throw new Error(`Kan ikke læse sikkerhedskopien ${fil}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "filen findes ikke" : (e as Error).message}.`);
  }
  const ikke = (hvorfor: string) => new Error(`${fil} kan ikke gendannes: ${hvorfor}. Intet er ændret.`);
  const nl1 = b.indexOf(0x0a);
  if (nl1 < 0 || b.subarray(0, nl1).toString("utf8") !== MAGI) throw ikke("filen er ikke en sikkerhedskopi fra takst-server");
  const nl2 = b.indexOf(0x0a, nl1 + 1);
  if (nl2 < 0) throw ikke("filen er afkortet (hovedet mangler)");
  let raa: unknown;
  try {
    raa = JSON.parse(b.subarray(nl1 + 1, nl2).toString("utf8"));
  } catch {
    throw ikke("kopiens hoved er beskadiget");
  }
  const format = (raa as { format?: unknown } | null)?.format;
  if (typeof format === "number" && format > FORMAT) throw ikke(`kopien har format ${format}, og denne takst-server kender kun format ${FORMAT}; opgrader takst-server først`);
  const h = kopiHovedSchema.safeParse(raa);
  if (!h.success) throw ikke("kopiens hoved er beskadiget");
  const data = b.subarray(nl2 + 1);
  if (data.byteLength < h.data.indhold.bytes) throw ikke(`filen er afkortet (${data.byteLength} af ${h.data.indhold.bytes} bytes)`);
  if (data.byteLength > h.data.indhold.bytes) throw ikke("filen er længere end kopien (noget er føjet til)");
  if (sha256(data) !== h.data.indhold.sha256) throw ikke("indholdet er beskadiget (kontrolsummen passer ikke)");
  return { hoved: h.data, data };
}
