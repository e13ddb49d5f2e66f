import type { Db, Sql } from "../db";
import type { Sagsstatus } from "../dialog/typer";
import type { IndberetningRaekke } from "../indberetninger/sql";
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
  /** The grouping fields of the row's own submission (last year's for a missing takst). */
  gruppe?: KortGruppe;
}

/** [TS_Ledelsesomraade, TS_Maalgruppekategori, TS_SaerligOpmaerksomhed] as parsed (migration 009). */
export type KortGruppe = [unknown, unknown, unknown];
const INGEN_GRUPPE: KortGruppe = [null, null, null];

export async function takstaarMedIndberetninger(db: Sql, driftsherre: string | null = null): Promise<number[]> {
  // One index probe per year (a skip scan), not a DISTINCT over every stored row; oversigt_kort
  // is read for a municipality (its index starts with driftsherre).
  const rows = await db.query<{ takstaar: number }>(
    driftsherre === null
      ? `WITH RECURSIVE aar(t) AS (
           SELECT min(takstaar) FROM indberetninger WHERE skematype = 'budget'
           UNION ALL
           SELECT (SELECT min(takstaar) FROM indberetninger WHERE takstaar > aar.t AND skematype = 'budget') FROM aar WHERE aar.t IS NOT NULL
         ) SELECT t AS takstaar FROM aar WHERE t IS NOT NULL ORDER BY t`
      : "SELECT DISTINCT takstaar FROM oversigt_kort WHERE driftsherre = $1 ORDER BY takstaar",
    driftsherre === null ? [] : [driftsherre],
  );
  return rows.map((r) => Number(r.takstaar));
}

/** One ydelse of a current submission, as the query returns it (both takstår). */
type YdelseRaekke = Omit<OversigtRaekke, "sidste_takst" | "har_sidste"> & { takstaar: number };

/** [navn, raekke, takst, sidsteAarsTakst] per ydelse. */
type KortYdelse = [unknown, unknown, unknown, unknown];
/** oversigt_kort.kort (migration 006; built by kort.ts or the migration's oversigt_kort_tekst): one submission's figures as a JSON array. */
type Kort = [string, string, string, Sagsstatus, number, unknown[] | null, unknown, unknown, string | null, number | null, KortYdelse[], KortGruppe, number, string | null];
/** One element of the query's array: [this takstår (1) or the one before (0), number of versions, kort]. */
type KortRaekke = [0 | 1, number, Kort];

/** As ->> gives it: text, or null when the ydelse has no name. */
const navnAf = (v: unknown): string => (v === null || v === undefined ? (null as unknown as string) : String(v));

/**
 * The current (highest) version of every tilbud's submission in `takstaar` and `takstaar - 1`,
 * from oversigt_kort (migration 006: current version and version count marked, the figures
 * stored as JSON text by the triggers), joined into ONE text: with PGlite every result row
 * crosses a worker's postMessage, which for 20,000 rows cost more than the query. Expanded here
 * to one row per ydelse and paired on driftsherre/tilbud/ydelse (parret). A row with id null is
 * last year's ydelse that is missing this year; a row with har_sidste false is new this year. A
 * withdrawn submission last year is no takst (never "missing"); one withdrawn this year comes
 * with its status for each of its ydelser, so the caller lists them apart. `findings` holds the
 * warnings only (all the overview uses). `driftsherre` set = a municipality's own view.
 */
export async function oversigtRaekker(db: Db, takstaar: number, driftsherre: string | null = null): Promise<OversigtRaekke[]> {
  // Sorting 20,000 rows with their text needs more than the default 4 MB work_mem, which would
  // sort on disk; SET LOCAL needs a transaction and lasts only for it.
  const [svar] = await db.transaction(async (tx) => {
    await tx.query("SET LOCAL work_mem = '32MB'");
    return tx.query<{ j: string | null }>(
      `SELECT '[' || string_agg('[' || (takstaar = $1::int)::int || ',' || antal_versioner || ',' || kort || ']', ',' ORDER BY driftsherre, tilbud, takstaar) || ']' AS j
       FROM oversigt_kort
       WHERE aktuel AND takstaar IN ($1::int, $1::int - 1) AND ($2::text IS NULL OR driftsherre = $2)
         AND (takstaar = $1::int OR status <> 'tilbagetrukket')`,
      [takstaar, driftsherre],
    );
  });
  const rows: YdelseRaekke[] = [];
  for (const [ny, antal, k] of JSON.parse(svar?.j ?? "[]") as KortRaekke[]) {
    const [id, dh, tilbud, status, ms, advarsler, pl, takstenhed, regelsaetId, regelsaetVersion, ydelser, gruppe, version, nummer] = k;
    if (ny === 0) {
      for (const [navn, , takst] of ydelser) {
        rows.push({
          id: null, driftsherre: dh, tilbud, takstaar: takstaar - 1, ydelse: navnAf(navn), raekke: null, version: null, nummer: null, status: null,
          antal_versioner: null, modtaget: null, findings: null, takst, oplyst_sidste: null, pl: null, takstenhed: null, regelsaet_id: null, regelsaet_version: null,
          gruppe: gruppe ?? INGEN_GRUPPE,
        });
      }
      continue;
    }
    const modtaget = new Date(Number(ms));
    for (const [navn, raekke, takst, oplyst] of ydelser) {
      rows.push({
        id, driftsherre: dh, tilbud, takstaar, ydelse: navnAf(navn), raekke, version, nummer, status, antal_versioner: antal, modtaget, findings: advarsler,
        takst, oplyst_sidste: oplyst, pl, takstenhed, regelsaet_id: regelsaetId, regelsaet_version: regelsaetVersion, gruppe: gruppe ?? INGEN_GRUPPE,
      });
    }
  }
  return parret(rows, takstaar);
}

/**
 * Pairs this year's ydelser with last year's of the same driftsherre and tilbud by name, as
 * sammeYdelse (src/takstskema) compares names; in JavaScript, because the database's lower()
 * depends on its collation (a C-locale PostgreSQL leaves Æ, Ø, Å as they are). Last year's
 * unpaired ydelser follow their tilbud's as rows with id null (missing this year).
 */
/**
 * sammeYdelse, without its locale-aware lower-casing when the names are the same string (the
 * usual case: then they match unless blank, as sammeYdelse decides).
 */
const samme = (a: string | null, b: string | null): boolean => (a === b ? (a ?? "").trim() !== "" : sammeYdelse(a ?? "", b ?? ""));

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
      const i = frie.findIndex((f) => samme(f.ydelse, n.ydelse));
      const f = i >= 0 ? frie.splice(i, 1)[0] : undefined;
      // n is this function's own object (made above): completed in place, not copied.
      const r = n as YdelseRaekke & Pick<OversigtRaekke, "sidste_takst" | "har_sidste">;
      r.sidste_takst = f?.takst ?? null;
      r.har_sidste = f !== undefined;
      ud.push(r);
    }
    for (const f of frie) {
      ud.push({
        id: null, driftsherre: f.driftsherre, tilbud: f.tilbud, ydelse: f.ydelse, raekke: null, version: null, nummer: null, status: null,
        antal_versioner: null, modtaget: null, findings: null, takst: null, oplyst_sidste: null, pl: null, takstenhed: null,
        sidste_takst: f.takst, har_sidste: true, regelsaet_id: null, regelsaet_version: null, gruppe: f.gruppe,
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
            regelsaet_id, regelsaet_version, skematype
     FROM indberetninger WHERE id = $1::uuid AND ($2::text IS NULL OR driftsherre = $2)`,
    [id, driftsherre],
  );
  if (!raekke) return undefined;
  const versioner = await db.query<VersionRaekke>(
    `SELECT id::text AS id, version, nummer, status, modtaget, sha256, beregnet->'ydelser' AS ydelser,
            (SELECT count(*) FROM jsonb_array_elements(findings) f WHERE f->>'severity' = 'warning')::int AS antal_advarsler
     FROM indberetninger
     WHERE driftsherre = $1 AND tilbud = $2 AND takstaar = $3 AND skematype = $4
     ORDER BY version DESC`,
    [raekke.driftsherre, raekke.tilbud, raekke.takstaar, raekke.skematype],
  );
  return { raekke, versioner };
}

/**
 * The submissions of a published year whose takst is not public yet: an in-year change or a tilbud
 * new after publication, not yet approved (no period in the register). The overview marks them
 * "afventer godkendelse". `driftsherre` set = a municipality's own.
 */
export async function afventerGodkendelse(db: Sql, takstaar: number, driftsherre: string | null): Promise<string[]> {
  // Before publication nothing waits: no join over the year's rows (the overview's hot path).
  const [offentliggjort] = await db.query("SELECT 1 FROM offentliggoerelser WHERE takstaar = $1::int", [takstaar]);
  if (!offentliggjort) return [];
  const rows = await db.query<{ id: string }>(
    `SELECT i.id::text AS id FROM oversigt_kort k JOIN indberetninger i ON i.id = k.id
     WHERE k.takstaar = $1::int AND k.aktuel AND ($2::text IS NULL OR k.driftsherre = $2::text) AND i.status IN ('modtaget', 'i_dialog')
       AND NOT EXISTS (SELECT 1 FROM takstperioder p WHERE p.indberetning_id = i.id)`,
    [takstaar, driftsherre],
  );
  return rows.map((r) => r.id);
}
