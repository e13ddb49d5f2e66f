import type { Sql } from "../db";
import type { GemtSkema } from "../../takstskema/sammenligning";

/**
 * The year's current submissions (the highest version of each tilbud, not withdrawn, as the
 * overview and the takstudvikling report count them) with their stored values and figures.
 */
export async function aaretsSkemaer(db: Sql, takstaar: number): Promise<GemtSkema[]> {
  return db.query<GemtSkema>(
    `SELECT i.id::text AS id, i.driftsherre, i.tilbud, i.vaerdier, i.beregnet
     FROM oversigt_kort o JOIN indberetninger i ON i.id = o.id
     WHERE o.aktuel AND o.status <> 'tilbagetrukket' AND o.takstaar = $1::int
     ORDER BY i.driftsherre, i.tilbud`,
    [takstaar],
  );
}

/**
 * What the year's comparison is built from, as one short text: the current submissions and their
 * statuses. It changes with every submission, new version, withdrawal or status change, on any
 * server sharing the database, so a result kept under it is never stale.
 */
export async function aaretsStempel(db: Sql, takstaar: number): Promise<string> {
  const [r] = await db.query<{ stempel: string | null; n: number }>(
    `SELECT count(*)::int AS n, md5(string_agg(id::text || ':' || version || ':' || status, ',' ORDER BY id)) AS stempel
     FROM oversigt_kort WHERE aktuel AND takstaar = $1::int`,
    [takstaar],
  );
  return `${r?.n ?? 0}:${r?.stempel ?? ""}`;
}
