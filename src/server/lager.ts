import { randomUUID } from "node:crypto";
import { type Db, unikBrud } from "./db";

export interface Kvittering {
  id: string;
  modtaget: string;
  sha256: string;
}

export interface NyIndberetning {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  takstaar: number;
  sha256: string;
  payload: Record<string, unknown>;
  /** The validator's typed values (what the export reads). */
  vaerdier: Record<string, unknown>;
  findings: unknown[];
  sprunget: unknown[];
  beregnet: unknown;
  /** The ruleset the server validated against (recorded, never changed). */
  regelsaet?: { id: string; version: number } | null;
  tokenId: string;
}

export interface Indberetning {
  id: string;
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  takstaar: number;
  version: number;
  sha256: string;
  modtaget: string;
}

export interface IndberetningFuld extends Indberetning {
  payload: Record<string, unknown>;
  findings: unknown[];
  sprunget: unknown[];
  beregnet: unknown;
}

/** A row of indberetninger as the database drivers return it (timestamps as Date or text). */
export interface IndberetningRaekke extends Omit<Indberetning, "modtaget"> {
  modtaget: Date | string;
  payload?: Record<string, unknown>;
  findings?: unknown[];
  sprunget?: unknown[];
  beregnet?: unknown;
}
type Raekke = IndberetningRaekke;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

function somIndberetning(r: Raekke): Indberetning {
  return { id: r.id, driftsherre: r.driftsherre, tilbud: r.tilbud, ydelse: r.ydelse, takstaar: r.takstaar, version: r.version, sha256: r.sha256, modtaget: iso(r.modtaget) };
}

const KOLONNER = "id::text AS id, driftsherre, tilbud, ydelse, takstaar, version, sha256, modtaget";

/**
 * Stores an accepted submission as the next version of its (driftsherre, tilbud, ydelse,
 * takstår), in one transaction. The same body (same sha256 for the same driftsherre) gives the
 * existing receipt and `ny: false`, also when two identical bodies race.
 */
export async function gemIndberetning(db: Db, n: NyIndberetning): Promise<{ kvittering: Kvittering; ny: boolean }> {
  for (let forsoeg = 0; ; forsoeg++) {
    try {
      return await db.transaction(async (tx) => {
        // Serialises submissions per driftsherre: version numbers and the idempotency check
        // cannot interleave.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [n.driftsherre]);
        const findes = await tx.query<Raekke>(`SELECT ${KOLONNER} FROM indberetninger WHERE driftsherre = $1 AND sha256 = $2`, [n.driftsherre, n.sha256]);
        if (findes[0]) return { kvittering: kvitteringAf(findes[0]), ny: false };
        const [{ version } = { version: 1 }] = await tx.query<{ version: number }>(
          "SELECT COALESCE(MAX(version), 0)::int + 1 AS version FROM indberetninger WHERE driftsherre = $1 AND tilbud = $2 AND ydelse = $3 AND takstaar = $4",
          [n.driftsherre, n.tilbud, n.ydelse, n.takstaar],
        );
        const id = randomUUID();
        const modtaget = new Date();
        await tx.query(
          `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id, regelsaet_id, regelsaet_version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb, $13, $14, $15, $16)`,
          [
            id,
            n.driftsherre,
            n.tilbud,
            n.ydelse,
            n.takstaar,
            version,
            n.sha256,
            JSON.stringify(n.payload),
            JSON.stringify(n.vaerdier),
            JSON.stringify(n.findings),
            JSON.stringify(n.sprunget),
            n.beregnet === undefined || n.beregnet === null ? null : JSON.stringify(n.beregnet),
            modtaget,
            n.tokenId,
            n.regelsaet?.id ?? null,
            n.regelsaet?.version ?? null,
          ],
        );
        return { kvittering: { id, modtaget: modtaget.toISOString(), sha256: n.sha256 }, ny: true };
      });
    } catch (e) {
      // Another process (a second server on the same PostgreSQL) won the race: look again.
      if (unikBrud(e) !== undefined && forsoeg < 3) continue;
      throw e;
    }
  }
}

function kvitteringAf(r: Raekke): Kvittering {
  return { id: r.id, modtaget: iso(r.modtaget), sha256: r.sha256 };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One submission; `driftsherre` set limits the search to that municipality's own. */
export async function hentIndberetning(db: Db, id: string, driftsherre: string | null): Promise<IndberetningFuld | undefined> {
  if (!UUID.test(id)) return undefined;
  const rows = await db.query<Raekke>(
    `SELECT ${KOLONNER}, payload, findings, sprunget, beregnet FROM indberetninger WHERE id = $1::uuid AND ($2::text IS NULL OR driftsherre = $2)`,
    [id, driftsherre],
  );
  const r = rows[0];
  if (!r) return undefined;
  return { ...somIndberetning(r), payload: r.payload ?? {}, findings: r.findings ?? [], sprunget: r.sprunget ?? [], beregnet: r.beregnet ?? null };
}

export interface ListeFilter {
  driftsherre: string | null;
  takstaar?: number;
  kunAktuelle?: boolean;
}

export async function listIndberetninger(db: Db, f: ListeFilter): Promise<Indberetning[]> {
  const rows = await db.query<Raekke>(
    `SELECT ${KOLONNER} FROM indberetninger i
     WHERE ($1::text IS NULL OR driftsherre = $1) AND ($2::int IS NULL OR takstaar = $2)
       AND (NOT $3::boolean OR version = (SELECT MAX(version) FROM indberetninger j
             WHERE j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.ydelse = i.ydelse AND j.takstaar = i.takstaar))
     ORDER BY driftsherre, tilbud, ydelse, takstaar, version`,
    [f.driftsherre, f.takstaar ?? null, f.kunAktuelle ?? false],
  );
  return rows.map(somIndberetning);
}

export interface AktuelTakst {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  takstaar: number;
  version: number;
  vaerdier: Record<string, unknown>;
  beregnet: unknown;
  sidsteVaerdier: Record<string, unknown> | null;
  sidsteBeregnet: unknown;
}

/** The current (highest) version of every takst, with the previous takstår's current one. */
export async function aktuelleTakster(db: Db, takstaar?: number): Promise<AktuelTakst[]> {
  const rows = await db.query<{
    driftsherre: string; tilbud: string; ydelse: string; takstaar: number; version: number;
    vaerdier: Record<string, unknown>; beregnet: unknown; sidste_vaerdier: Record<string, unknown> | null; sidste_beregnet: unknown;
  }>(
    `WITH aktuel AS (
       SELECT DISTINCT ON (driftsherre, tilbud, ydelse, takstaar) driftsherre, tilbud, ydelse, takstaar, version, vaerdier, beregnet
       FROM indberetninger ORDER BY driftsherre, tilbud, ydelse, takstaar, version DESC)
     SELECT a.driftsherre, a.tilbud, a.ydelse, a.takstaar, a.version, a.vaerdier, a.beregnet,
            f.vaerdier AS sidste_vaerdier, f.beregnet AS sidste_beregnet
     FROM aktuel a LEFT JOIN aktuel f
       ON f.driftsherre = a.driftsherre AND f.tilbud = a.tilbud AND f.ydelse = a.ydelse AND f.takstaar = a.takstaar - 1
     WHERE ($1::int IS NULL OR a.takstaar = $1)
     ORDER BY a.takstaar, a.driftsherre, a.tilbud, a.ydelse`,
    [takstaar ?? null],
  );
  return rows.map((r) => ({
    driftsherre: r.driftsherre, tilbud: r.tilbud, ydelse: r.ydelse, takstaar: r.takstaar, version: r.version,
    vaerdier: r.vaerdier, beregnet: r.beregnet, sidsteVaerdier: r.sidste_vaerdier, sidsteBeregnet: r.sidste_beregnet,
  }));
}

export async function antalIndberetninger(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger");
  return r?.n ?? 0;
}
