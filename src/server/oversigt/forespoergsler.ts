import type { Sql } from "../db";
import type { Sagsstatus } from "../dialog/typer";
import type { IndberetningRaekke } from "../lager";

/**
 * The overview's reads, straight on the teammate's `indberetninger` table through the Db
 * interface: a fixed number of queries whatever the number of submissions (no N+1).
 */

export interface OversigtRaekke {
  /** null: a takst from the previous takstår with no submission this takstår. */
  id: string | null;
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  version: number | null;
  nummer: string | null;
  /** The dialogue status of this year's current version (tilbagetrukket: not a current takst). */
  status: Sagsstatus | null;
  antal_versioner: number | null;
  modtaget: Date | string | null;
  findings: unknown[] | null;
  /** The ydelse's row in the Ydelser table (0-based; its findings' cells are in that row). */
  raekke: unknown;
  takst: unknown;
  /** The sidste års takst the skema states for the ydelse. */
  oplyst_sidste: unknown;
  pl: unknown;
  takstenhed: unknown;
  sidste_takst: unknown;
  /** The previous takstår has a current submission of the same tilbud with this ydelse. */
  har_sidste: boolean;
  /** The ruleset the server validated against (null for submissions stored before it was recorded). */
  regelsaet_id: string | null;
  regelsaet_version: number | null;
}

export async function takstaarMedIndberetninger(db: Sql, driftsherre: string | null = null): Promise<number[]> {
  const rows = await db.query<{ takstaar: number }>("SELECT DISTINCT takstaar FROM indberetninger WHERE ($1::text IS NULL OR driftsherre = $1) ORDER BY takstaar", [driftsherre]);
  return rows.map((r) => Number(r.takstaar));
}

/**
 * One query: the current (highest) version of every tilbud's submission in `takstaar` and
 * `takstaar - 1`, expanded to one row per ydelse (beregnet->'ydelser'; migration 004 gave
 * older rows their one-row table), full-joined on driftsherre/tilbud/ydelse. A row with id
 * null is last year's ydelse that is missing this year; a row with har_sidste false is new this
 * year. A withdrawn submission last year is no takst (never "missing"); one withdrawn this year
 * comes with its status for each of its ydelser, so the caller lists them apart.
 * `driftsherre` set = a municipality's own view.
 */
export async function oversigtRaekker(db: Sql, takstaar: number, driftsherre: string | null = null): Promise<OversigtRaekke[]> {
  return db.query<OversigtRaekke>(
    `WITH v AS (
       SELECT id, driftsherre, tilbud, takstaar, version, nummer, status, modtaget, findings, regelsaet_id, regelsaet_version, beregnet,
              vaerdier->'TS_PLPct' AS pl, vaerdier->'TS_Takstenhed' AS takstenhed,
              count(*) OVER w AS antal_versioner,
              row_number() OVER (w ORDER BY version DESC) AS nr
       FROM indberetninger
       WHERE takstaar IN ($1::int, $1::int - 1) AND ($2::text IS NULL OR driftsherre = $2)
       WINDOW w AS (PARTITION BY driftsherre, tilbud, takstaar)
     ),
     y AS (
       SELECT v.*, e.y->>'navn' AS ydelse, e.y->'takst' AS takst, e.y->'sidsteAarsTakst' AS oplyst_sidste, e.y->'raekke' AS raekke, e.ord
       FROM v CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.beregnet->'ydelser') = 'array' THEN v.beregnet->'ydelser' ELSE '[]'::jsonb END) WITH ORDINALITY AS e(y, ord)
       WHERE v.nr = 1
     ),
     ny AS (SELECT * FROM y WHERE takstaar = $1::int),
     gl AS (SELECT * FROM y WHERE takstaar = $1::int - 1 AND status <> 'tilbagetrukket')
     SELECT ny.id::text AS id,
            COALESCE(ny.driftsherre, gl.driftsherre) AS driftsherre,
            COALESCE(ny.tilbud, gl.tilbud) AS tilbud,
            COALESCE(ny.ydelse, gl.ydelse) AS ydelse,
            ny.raekke, ny.version, ny.nummer, ny.status, ny.antal_versioner::int AS antal_versioner, ny.modtaget, ny.findings,
            ny.takst, ny.oplyst_sidste, ny.pl, ny.takstenhed,
            gl.takst AS sidste_takst,
            (gl.id IS NOT NULL) AS har_sidste, ny.regelsaet_id, ny.regelsaet_version
     FROM ny FULL JOIN gl ON gl.driftsherre = ny.driftsherre AND gl.tilbud = ny.tilbud
       AND lower(btrim(gl.ydelse)) = lower(btrim(ny.ydelse))
     ORDER BY 2, 3, COALESCE(ny.ord, gl.ord), 4`,
    [takstaar, driftsherre],
  );
}

export type DetaljeRaekke = Required<IndberetningRaekke> & { regelsaet_id: string | null; regelsaet_version: number | null };

export interface VersionRaekke {
  id: string;
  version: number;
  nummer: string | null;
  status: Sagsstatus;
  modtaget: Date | string;
  sha256: string;
  /** beregnet->'ydelser' of the version (the detail picks the ydelse's takst by name). */
  ydelser: unknown;
  antal_advarsler: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One submission with its findings, and every version of the same tilbud and takstår (newest first); `driftsherre` set = own only. */
export async function detaljeRaekker(db: Sql, id: string, driftsherre: string | null = null): Promise<{ raekke: DetaljeRaekke; versioner: VersionRaekke[] } | undefined> {
  if (!UUID.test(id)) return undefined;
  const [raekke] = await db.query<DetaljeRaekke>(
    `SELECT id::text AS id, driftsherre, tilbud, ydelse, takstaar, version, nummer, status, sha256, modtaget, payload, findings, sprunget, beregnet,
            regelsaet_id, regelsaet_version
     FROM indberetninger WHERE id = $1::uuid AND ($2::text IS NULL OR driftsherre = $2)`,
    [id, driftsherre],
  );
  if (!raekke) return undefined;
  const versioner = await db.query<VersionRaekke>(
    `SELECT id::text AS id, version, nummer, status, modtaget, sha256, beregnet->'ydelser' AS ydelser,
            (SELECT count(*) FROM jsonb_array_elements(findings) f WHERE f->>'severity' = 'warning')::int AS antal_advarsler
     FROM indberetninger
     WHERE driftsherre = $1 AND tilbud = $2 AND takstaar = $3
     ORDER BY version DESC`,
    [raekke.driftsherre, raekke.tilbud, raekke.takstaar],
  );
  return { raekke, versioner };
}
