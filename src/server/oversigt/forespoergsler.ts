import type { Sql } from "../db";
import type { Sagsstatus } from "../dialog/typer";
import type { IndberetningRaekke } from "../lager";
import { sammeYdelse } from "../../takstskema";

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

/** One ydelse of a current submission, as the query returns it (both takstår). */
type YdelseRaekke = Omit<OversigtRaekke, "sidste_takst" | "har_sidste"> & { id: string; takstaar: number };

/**
 * One query: the current (highest) version of every tilbud's submission in `takstaar` and
 * `takstaar - 1`, expanded to one row per ydelse (beregnet->'ydelser'; migration 004 gave
 * older rows their one-row table), then paired on driftsherre/tilbud/ydelse (parret). A row
 * with id null is last year's ydelse that is missing this year; a row with har_sidste false is
 * new this year. A withdrawn submission last year is no takst (never "missing"); one withdrawn
 * this year comes with its status for each of its ydelser, so the caller lists them apart.
 * `driftsherre` set = a municipality's own view.
 */
export async function oversigtRaekker(db: Sql, takstaar: number, driftsherre: string | null = null): Promise<OversigtRaekke[]> {
  const rows = await db.query<YdelseRaekke>(
    `WITH v AS (
       SELECT id, driftsherre, tilbud, takstaar, version, nummer, status, modtaget, findings, regelsaet_id, regelsaet_version, beregnet,
              vaerdier->'TS_PLPct' AS pl, vaerdier->'TS_Takstenhed' AS takstenhed,
              count(*) OVER w AS antal_versioner,
              row_number() OVER (w ORDER BY version DESC) AS nr
       FROM indberetninger
       WHERE takstaar IN ($1::int, $1::int - 1) AND ($2::text IS NULL OR driftsherre = $2)
       WINDOW w AS (PARTITION BY driftsherre, tilbud, takstaar)
     )
     SELECT v.id::text AS id, v.driftsherre, v.tilbud, v.takstaar, e.y->>'navn' AS ydelse, e.y->'raekke' AS raekke,
            v.version, v.nummer, v.status, v.antal_versioner::int AS antal_versioner, v.modtaget, v.findings,
            e.y->'takst' AS takst, e.y->'sidsteAarsTakst' AS oplyst_sidste, v.pl, v.takstenhed, v.regelsaet_id, v.regelsaet_version
     FROM v CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(v.beregnet->'ydelser') = 'array' THEN v.beregnet->'ydelser' ELSE '[]'::jsonb END) WITH ORDINALITY AS e(y, ord)
     WHERE v.nr = 1 AND (v.takstaar = $1::int OR v.status <> 'tilbagetrukket')
     ORDER BY v.driftsherre, v.tilbud, v.takstaar DESC, e.ord`,
    [takstaar, driftsherre],
  );
  return parret(rows, takstaar);
}

/**
 * Pairs this year's ydelser with last year's of the same driftsherre and tilbud by name, as
 * sammeYdelse (src/takstskema) compares names; in JavaScript, because the database's lower()
 * depends on its collation (a C-locale PostgreSQL leaves Æ, Ø, Å as they are). Last year's
 * unpaired ydelser follow their tilbud's as rows with id null (missing this year).
 */
function parret(rows: readonly YdelseRaekke[], takstaar: number): OversigtRaekke[] {
  const grupper = new Map<string, { ny: YdelseRaekke[]; gl: YdelseRaekke[] }>();
  for (const r of rows) {
    const k = `${r.driftsherre}\u0000${r.tilbud}`;
    const g = grupper.get(k) ?? { ny: [], gl: [] };
    (Number(r.takstaar) === takstaar ? g.ny : g.gl).push(r);
    grupper.set(k, g);
  }
  const ud: OversigtRaekke[] = [];
  for (const { ny, gl } of grupper.values()) {
    const frie = [...gl];
    for (const n of ny) {
      const i = frie.findIndex((f) => sammeYdelse(f.ydelse, n.ydelse));
      const f = i >= 0 ? frie.splice(i, 1)[0] : undefined;
      ud.push({ ...n, sidste_takst: f?.takst ?? null, har_sidste: f !== undefined });
    }
    for (const f of frie) {
      ud.push({
        id: null, driftsherre: f.driftsherre, tilbud: f.tilbud, ydelse: f.ydelse, raekke: null, version: null, nummer: null, status: null,
        antal_versioner: null, modtaget: null, findings: null, takst: null, oplyst_sidste: null, pl: null, takstenhed: null,
        sidste_takst: f.takst, har_sidste: true, regelsaet_id: null, regelsaet_version: null,
      });
    }
  }
  return ud;
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
