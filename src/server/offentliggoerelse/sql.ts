import type { Db, Sql } from "../db";

export interface Offentliggoerelse {
  takstaar: number;
  offentliggjort: string;
  antalTakster: number;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
type Raekke = { takstaar: number; offentliggjort: Date | string; antal_takster: number };
const somOffentliggoerelse = (r: Raekke): Offentliggoerelse => ({ takstaar: r.takstaar, offentliggjort: iso(r.offentliggjort), antalTakster: r.antal_takster });

/**
 * The current submission of every (driftsherre, tilbud, takstår): its highest version (ties,
 * possible under the former per-ydelse key, by the latest receipt). A current version that is
 * withdrawn means the tilbud has no takst that year: it is filtered out *after* choosing, so a
 * withdrawal never brings an older version back. Each current submission is expanded into its
 * ydelser from beregnet->'ydelser' (one row each, in the table's order); a submission stored
 * before the Ydelser table has none there and gives one row with ydelse NULL (read from its
 * single-takst values by ydelserAf). Last year's current submission of the same tilbud (not
 * withdrawn) comes beside it for last year's takst (sidsteAarsTakstVist).
 */
export const TAKSTOVERSIGT_SQL = `
WITH aktuel AS (
  SELECT DISTINCT ON (driftsherre, tilbud, takstaar)
         driftsherre, tilbud, takstaar, version, status, vaerdier, beregnet, aendret_i_aaret, aendring_begrundelse, regelsaet_id, regelsaet_version
  FROM indberetninger
  WHERE takstaar IN ($1::int, $1::int - 1)
  ORDER BY driftsherre, tilbud, takstaar, version DESC, modtaget DESC
)
SELECT a.driftsherre, a.tilbud, a.vaerdier, a.beregnet, a.aendret_i_aaret, a.aendring_begrundelse, a.regelsaet_id, a.regelsaet_version, y.ydelse,
       f.vaerdier AS sidste_vaerdier, f.beregnet AS sidste_beregnet
FROM aktuel a
LEFT JOIN aktuel f ON f.driftsherre = a.driftsherre AND f.tilbud = a.tilbud AND f.takstaar = a.takstaar - 1 AND f.status <> 'tilbagetrukket'
LEFT JOIN LATERAL jsonb_array_elements(
  CASE WHEN jsonb_typeof(a.beregnet->'ydelser') = 'array' THEN a.beregnet->'ydelser' ELSE '[]'::jsonb END
) WITH ORDINALITY AS y(ydelse, nr) ON true
WHERE a.takstaar = $1::int AND a.status <> 'tilbagetrukket'
ORDER BY a.driftsherre, a.tilbud, y.nr`;

export interface OversigtRaekke {
  driftsherre: string;
  tilbud: string;
  vaerdier: Record<string, unknown>;
  beregnet: unknown;
  aendret_i_aaret: Date | string | null;
  aendring_begrundelse: string | null;
  /** The ruleset the server validated against (null for submissions stored before it was recorded). */
  regelsaet_id?: string | null;
  regelsaet_version?: number | null;
  ydelse: unknown;
  /** Last year's current submission of the tilbud; null when there is none. */
  sidste_vaerdier: Record<string, unknown> | null;
  sidste_beregnet: unknown;
}

export async function takstoversigtRaekker(db: Sql, takstaar: number): Promise<OversigtRaekke[]> {
  return db.query<OversigtRaekke>(TAKSTOVERSIGT_SQL, [takstaar]);
}

export async function hentOffentliggoerelse(db: Sql, takstaar: number): Promise<Offentliggoerelse | undefined> {
  const [r] = await db.query<Raekke>("SELECT takstaar, offentliggjort, antal_takster FROM offentliggoerelser WHERE takstaar = $1::int", [takstaar]);
  return r ? somOffentliggoerelse(r) : undefined;
}

export async function offentliggjorteAar(db: Sql): Promise<Offentliggoerelse[]> {
  const rows = await db.query<Raekke>("SELECT takstaar, offentliggjort, antal_takster FROM offentliggoerelser ORDER BY takstaar DESC");
  return rows.map(somOffentliggoerelse);
}

/**
 * Publishes a takstår once: the insert does nothing when the year is already published (a
 * concurrent second call included), and the stored row is returned either way.
 */
export async function offentliggoer(db: Db, takstaar: number, tokenId: string, antalTakster: number): Promise<{ o: Offentliggoerelse; ny: boolean }> {
  const [ny] = await db.query<Raekke>(
    `INSERT INTO offentliggoerelser (takstaar, token_id, antal_takster) VALUES ($1::int, $2::text, $3::int)
     ON CONFLICT (takstaar) DO NOTHING RETURNING takstaar, offentliggjort, antal_takster`,
    [takstaar, tokenId, antalTakster],
  );
  if (ny) return { o: somOffentliggoerelse(ny), ny: true };
  const o = await hentOffentliggoerelse(db, takstaar);
  if (!o) throw new Error("Offentliggørelsen blev hverken gemt eller fundet.");
  return { o, ny: false };
}

