import { randomUUID } from "node:crypto";
import { type Db, unikBrud } from "./db";

/** The receipt of product.md §5; `nummer` is null only for submissions stored before it existed. */
export interface Kvittering {
  id: string;
  nummer: string | null;
  modtaget: string;
  sha256: string;
}

export const STATUSSER = ["modtaget", "i_dialog", "godkendt", "tilbagetrukket"] as const;
export type Status = (typeof STATUSSER)[number];

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
  /** The first ydelse's name (the storage key before issue 12; kept for readers of one name). */
  ydelse: string;
  /** Every ydelse of the submission, in the table's order (issue 12). */
  ydelser: string[];
  takstaar: number;
  version: number;
  nummer: string | null;
  status: Status;
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
  return {
    id: r.id, driftsherre: r.driftsherre, tilbud: r.tilbud, ydelse: r.ydelse, ydelser: Array.isArray(r.ydelser) ? r.ydelser.map(String) : [r.ydelse], takstaar: r.takstaar, version: r.version,
    nummer: r.nummer ?? null, status: r.status, sha256: r.sha256, modtaget: iso(r.modtaget),
  };
}

const KOLONNER = `id::text AS id, driftsherre, tilbud, ydelse, takstaar, version, nummer, status, sha256, modtaget,
  COALESCE((SELECT jsonb_agg(e->>'navn') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(beregnet->'ydelser') = 'array' THEN beregnet->'ydelser' ELSE '[]'::jsonb END) e), '[]'::jsonb) AS ydelser`;

/**
 * The receipt number's prefix: the ruleset id of TS_Regelsaet (e.g. SYD-2018), with the takstår
 * added when the id does not already end with it, so numbers stay unique per ruleset and year.
 */
export function nummerPraefiks(regelsaet: unknown, takstaar: number): string {
  const id = (typeof regelsaet === "string" ? regelsaet : "").trim().toUpperCase().replace(/[^A-Z0-9-]/g, "").slice(0, 40) || "TAKST";
  return id.endsWith(`-${takstaar}`) ? id : `${id}-${takstaar}`;
}

/**
 * One statement does the lookup and the insert: the current (highest) version of the key; if
 * its body is the same (and it is not withdrawn) its receipt comes back, otherwise the next
 * receipt number is taken (an upsert whose row lock serialises numbers per prefix) and the next
 * version inserted with status modtaget. A body equal to an *older* version is a new version.
 *
 * The same statement checks that the token is not revoked and (when $17 is given) that no
 * ruleset was published since the body was validated; otherwise it stores nothing and says
 * why (`afvist`), so neither check costs a round trip of its own (issue 15).
 *
 * Race-freedom: a statement sees the database as of its start, so a lock taken inside it could
 * not make the lookup fresh. Instead the unique (driftsherre, tilbud, takstaar, version)
 * key is the guard: of two concurrent statements for the same key one fails with a unique
 * violation (after waiting for the other to commit) and is simply run again, then seeing the
 * winner (same body: its receipt, 200). A failed statement rolls back its receipt number too.
 */
const GEM_SQL = `
WITH tjek AS (
  SELECT EXISTS (SELECT 1 FROM tokens WHERE id = $13::text AND tilbagekaldt IS NULL) AS token_ok,
         ($17::bigint IS NULL OR (SELECT COALESCE(MAX(nr), 0) FROM regelsaet) = $17::bigint) AS regelsaet_ok
),
aktuel AS (
  SELECT id, version, nummer, status, sha256, modtaget FROM indberetninger
  WHERE driftsherre = $2::text AND tilbud = $3::text AND takstaar = $5::int
  ORDER BY version DESC LIMIT 1
),
gentaget AS (SELECT * FROM aktuel WHERE sha256 = $6::text AND status <> 'tilbagetrukket' AND (SELECT token_ok AND regelsaet_ok FROM tjek)),
nr AS (
  INSERT INTO kvitteringsnumre (praefiks, sidste)
  SELECT $14::text, 1 WHERE NOT EXISTS (SELECT 1 FROM gentaget) AND (SELECT token_ok AND regelsaet_ok FROM tjek)
  ON CONFLICT (praefiks) DO UPDATE SET sidste = kvitteringsnumre.sidste + 1
  RETURNING sidste
),
ny AS (
  INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, nummer, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id, regelsaet_id, regelsaet_version)
  SELECT $1::uuid, $2::text, $3::text, $4::text, $5::int, COALESCE((SELECT version FROM aktuel), 0) + 1,
         $14::text || '-' || lpad(nr.sidste::text, greatest(4, length(nr.sidste::text)), '0'),
         $6::text, $7::jsonb, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12::timestamptz, $13::text, $15::text, $16::int
  FROM nr
  RETURNING id, nummer, sha256, modtaget
)
SELECT id::text AS id, nummer, sha256, modtaget, true AS ny, NULL::text AS afvist FROM ny
UNION ALL
SELECT id::text AS id, nummer, sha256, modtaget, false AS ny, NULL::text AS afvist FROM gentaget
UNION ALL
SELECT NULL, NULL, NULL, NULL, false, CASE WHEN NOT token_ok THEN 'token' ELSE 'regelsaet' END FROM tjek WHERE NOT (token_ok AND regelsaet_ok)`;

/** The statement refused to store: the token is revoked, or a ruleset was published since validation. */
export class GemAfvist extends Error {
  constructor(readonly grund: "token" | "regelsaet") {
    super(grund === "token" ? "Tokenet er tilbagekaldt." : "Et regelsæt er udgivet siden valideringen.");
  }
}

type GemRaekke = { id: string; nummer: string | null; sha256: string; modtaget: Date | string; ny: boolean; afvist: "token" | "regelsaet" | null };

/**
 * Stores an accepted submission (all its ydelser) as the next version of its (driftsherre,
 * tilbud, takstår), or gives the current version's receipt and `ny: false` when the body is the same.
 * `regelsaetUdgivelse`: the publication number the body was validated against (ServerRegister);
 * throws GemAfvist when it is no longer the newest or the token is revoked.
 * One round trip to the database unless a concurrent submission for the same key wins.
 */
export async function gemIndberetning(db: Db, n: NyIndberetning & { regelsaetUdgivelse?: number }): Promise<{ kvittering: Kvittering; ny: boolean }> {
  const praefiks = nummerPraefiks(n.vaerdier.TS_Regelsaet ?? n.payload.TS_Regelsaet, n.takstaar);
  const params = [
    randomUUID(), n.driftsherre, n.tilbud, n.ydelse, n.takstaar, n.sha256,
    JSON.stringify(n.payload), JSON.stringify(n.vaerdier), JSON.stringify(n.findings), JSON.stringify(n.sprunget),
    n.beregnet === undefined || n.beregnet === null ? null : JSON.stringify(n.beregnet),
    new Date(), n.tokenId, praefiks, n.regelsaet?.id ?? null, n.regelsaet?.version ?? null, n.regelsaetUdgivelse ?? null,
  ];
  // PGlite has one session and no flush to share: its worker queues the statements itself, and a
  // writer in front of it would leave it idle between round trips.
  const r = db.art === "pglite" ? await enkelt(db, params) : await viaSkriver(db, { praefiks, params });
  if (r.afvist) throw new GemAfvist(r.afvist);
  return { kvittering: { id: r.id, nummer: r.nummer, modtaget: iso(r.modtaget), sha256: r.sha256 }, ny: r.ny };
}

/** One statement on its own, run again while a concurrent submission for the same key wins. */
async function enkelt(db: Db, params: unknown[]): Promise<GemRaekke> {
  for (let forsoeg = 0; ; forsoeg++) {
    try {
      const [r] = await db.query<GemRaekke>(GEM_SQL, params, "gem_indberetning");
      if (!r) throw new Error("Indberetningen blev hverken fundet eller gemt.");
      return r;
    } catch (e) {
      // A concurrent submission took the version number: run again and see it.
      if (unikBrud(e) !== undefined && forsoeg < 100) continue;
      throw e;
    }
  }
}

interface Ventende {
  praefiks: string;
  params: unknown[];
  ok: (r: GemRaekke) => void;
  nej: (e: unknown) => void;
}
const KOEER = new WeakMap<Db, { ventende: Ventende[]; skriver: boolean }>();
const MAKS_SAMLET = 64;

/**
 * Group commit. Every receipt number of a prefix takes the same counter row, whose lock lasts
 * until the commit has reached the disk, so one statement per transaction stores one
 * submission per disk flush (PostgreSQL here: ~690/s, whatever else is done). So one writer per
 * database: a submission arriving while none is being stored is one statement on its own; those
 * arriving meanwhile are stored together in one transaction, the same statement for each in
 * turn (each sees the ones before it), one flush for all. Every receipt is answered only after
 * the commit. If anything in a group fails, the group is rolled back and each is stored on its
 * own, so one bad submission (or a race with another server) fails only itself.
 */
function viaSkriver(db: Db, v: { praefiks: string; params: unknown[] }): Promise<GemRaekke> {
  let k = KOEER.get(db);
  if (!k) KOEER.set(db, (k = { ventende: [], skriver: false }));
  const koe = k;
  return new Promise<GemRaekke>((ok, nej) => {
    koe.ventende.push({ ...v, ok, nej });
    if (!koe.skriver) void skriv(db, koe);
  });
}

async function skriv(db: Db, k: { ventende: Ventende[]; skriver: boolean }): Promise<void> {
  k.skriver = true;
  try {
    while (k.ventende.length > 0) {
      // Counter rows locked in prefix order, so two servers' groups cannot deadlock on them.
      const gruppe = k.ventende.splice(0, MAKS_SAMLET).sort((a, b) => (a.praefiks < b.praefiks ? -1 : a.praefiks > b.praefiks ? 1 : 0));
      let svar: GemRaekke[] | undefined;
      if (gruppe.length > 1) {
        svar = await db
          .transaction(async (tx) => {
            const ud: GemRaekke[] = [];
            for (const g of gruppe) {
              const [r] = await tx.query<GemRaekke>(GEM_SQL, g.params, "gem_indberetning");
              if (!r) throw new Error("Indberetningen blev hverken fundet eller gemt.");
              ud.push(r);
            }
            return ud;
          })
          .catch(() => undefined);
      }
      if (svar) gruppe.forEach((g, i) => g.ok(svar[i]!));
      else for (const g of gruppe) await enkelt(db, g.params).then(g.ok, g.nej);
    }
  } finally {
    k.skriver = false;
  }
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
       AND (NOT $3::boolean OR (status <> 'tilbagetrukket' AND version = (SELECT MAX(version) FROM indberetninger j
             WHERE j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.takstaar = i.takstaar)))
     ORDER BY driftsherre, tilbud, takstaar, version`,
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

/**
 * The current (highest) version of every tilbud's submission (all its ydelser, in `beregnet`),
 * with the previous takstår's current one of the same tilbud; a submission whose current version
 * is withdrawn is no takst (all its ydelser leave the export and last year).
 */
export async function aktuelleTakster(db: Db, takstaar?: number): Promise<AktuelTakst[]> {
  const rows = await db.query<{
    driftsherre: string; tilbud: string; ydelse: string; takstaar: number; version: number;
    vaerdier: Record<string, unknown>; beregnet: unknown; sidste_vaerdier: Record<string, unknown> | null; sidste_beregnet: unknown;
  }>(
    `WITH aktuel AS (
       SELECT * FROM (
         SELECT DISTINCT ON (driftsherre, tilbud, takstaar) driftsherre, tilbud, ydelse, takstaar, version, status, vaerdier, beregnet
         FROM indberetninger ORDER BY driftsherre, tilbud, takstaar, version DESC) h
       WHERE status <> 'tilbagetrukket')
     SELECT a.driftsherre, a.tilbud, a.ydelse, a.takstaar, a.version, a.vaerdier, a.beregnet,
            f.vaerdier AS sidste_vaerdier, f.beregnet AS sidste_beregnet
     FROM aktuel a LEFT JOIN aktuel f
       ON f.driftsherre = a.driftsherre AND f.tilbud = a.tilbud AND f.takstaar = a.takstaar - 1
     WHERE ($1::int IS NULL OR a.takstaar = $1)
     ORDER BY a.takstaar, a.driftsherre, a.tilbud`,
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
