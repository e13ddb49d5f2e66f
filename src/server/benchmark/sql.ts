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
