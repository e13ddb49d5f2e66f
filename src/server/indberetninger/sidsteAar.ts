import { type YdelseBeregnet, ydelserAf } from "../../takstskema";
import type { Sql } from "../db";

/** Last year's current submission of one tilbud, with its ydelser (a former single-takst row: one). */
export interface SidsteAarsIndberetning {
  id: string;
  nummer: string | null;
  takstaar: number;
  version: number;
  ydelser: YdelseBeregnet[];
}

/**
 * The current (highest) version of (driftsherre, tilbud, takstaar), unless it is withdrawn
 * (a withdrawn submission is no takst). Matching of driftsherre and tilbud is exact, as the
 * storage key.
 */
export async function hentSidsteAars(db: Sql, driftsherre: string, tilbud: string, takstaar: number): Promise<SidsteAarsIndberetning | undefined> {
  const [r] = await db.query<{ id: string; nummer: string | null; takstaar: number; version: number; status: string; vaerdier: unknown; beregnet: unknown }>(
    `SELECT id::text AS id, nummer, takstaar, version, status, vaerdier, beregnet FROM indberetninger
     WHERE driftsherre = $1::text AND tilbud = $2::text AND takstaar = $3::int ORDER BY version DESC LIMIT 1`,
    [driftsherre, tilbud, takstaar],
  );
  if (!r || r.status === "tilbagetrukket") return undefined;
  return { id: r.id, nummer: r.nummer ?? null, takstaar: Number(r.takstaar), version: Number(r.version), ydelser: ydelserAf(r.vaerdier, r.beregnet) };
}
