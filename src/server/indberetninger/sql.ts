import { randomUUID } from "node:crypto";
import type { Indberetning, IndberetningDetalje, Kvittering } from "../../kontrakt";
import { type Db, unikBrud } from "../db";
import { erUtilgaengelig } from "../dbTilgaengelighed";
import type { Skematype } from "../../takstskema";
import { kortUdenNummer } from "../oversigt/kort";

export type { Indberetning, Kvittering } from "../../kontrakt";

export interface NyIndberetning {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  /** For a regnskab: the regnskabsår N. */
  takstaar: number;
  /** "budget" when absent; a regnskab is versioned apart and gets no overview row or takst periods (migration 012). */
  skematype?: Skematype;
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
  /** The receipt's address (TS_Email): written to the outbox with the submission; null = none. */
  kvitteringTil?: string | null;
}

/** The submission as stored (GET /api/v1/indberetninger/:id without its dialogue). */
export type IndberetningFuld = Omit<IndberetningDetalje, "dialog">;

/** A row of indberetninger as the database drivers return it (timestamps as Date or text). */
export interface IndberetningRaekke extends Omit<Indberetning, "modtaget"> {
  modtaget: Date | string;
  payload?: Record<string, unknown>;
  findings?: IndberetningDetalje["findings"];
  sprunget?: IndberetningDetalje["sprunget"];
  beregnet?: unknown;
}
type Raekke = IndberetningRaekke;

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

function somIndberetning(r: Raekke): Indberetning {
  return {
    id: r.id, driftsherre: r.driftsherre, tilbud: r.tilbud, ydelse: r.ydelse, ydelser: Array.isArray(r.ydelser) ? r.ydelser.map(String) : [r.ydelse], takstaar: r.takstaar, version: r.version,
    nummer: r.nummer ?? null, status: r.status, sha256: r.sha256, modtaget: iso(r.modtaget), skematype: r.skematype ?? "budget",
  };
}

const KOLONNER = `id::text AS id, driftsherre, tilbud, ydelse, takstaar, skematype, version, nummer, status, sha256, modtaget,
  COALESCE((SELECT jsonb_agg(e->>'navn') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(beregnet->'ydelser') = 'array' THEN beregnet->'ydelser' ELSE '[]'::jsonb END) e), '[]'::jsonb) AS ydelser`;

const DANSKE_BOGSTAVER: Record<string, string> = { Æ: "AE", Ø: "OE", Å: "AA" };

/**
 * The receipt number's prefix: the ruleset id of TS_Regelsaet (e.g. SYD-2018), with the takstår
 * added when the id does not already end with it, so numbers stay unique per ruleset and year.
 * Æ, Ø and Å are spelt AE, OE and AA (the number is A-Z, 0-9 and "-", kontrakt's kvitteringSchema):
 * dropped, an id of only those letters (Å-2018) would leave "-2018", a number the pane refuses.
 */
export function nummerPraefiks(regelsaet: unknown, takstaar: number): string {
  const stort = (typeof regelsaet === "string" ? regelsaet : "").trim().toUpperCase().replace(/[ÆØÅ]/g, (b) => DANSKE_BOGSTAVER[b] ?? "");
  const id = stort.replace(/[^A-Z0-9-]/g, "").replace(/^-+/, "").slice(0, 40) || "TAKST";
  return id.endsWith(`-${takstaar}`) ? id : `${id}-${takstaar}`;
}

/**
 * Storing is one call of the function gem_indberetninger (migration 007) with one submission or
 * a group of them: it checks the token and the ruleset publication, gives the current version's
 * receipt again for the same body, refuses an in-year change without a reason after
 * publication, and otherwise takes the next receipt number and inserts the next version. The
 * function's statements are planned once per session; the call itself is one round trip.
 */
const GEM_SQL = `SELECT k_i AS i, k_id AS id, k_nummer AS nummer, k_sha256 AS sha256, k_modtaget AS modtaget, k_ny AS ny, k_afvist AS afvist, k_offentliggjort AS offentliggjort, k_kategori AS kategori
FROM gem_indberetninger($1::jsonb) ORDER BY k_i`;

/**
 * The same with e-mail (SMTP_URL): a new submission's receipt mail (kvittering_til, migration
 * 015) is written by the same statement, so it exists exactly when the submission does.
 */
const GEM_MED_KVITTERING_SQL = `WITH g AS (SELECT * FROM gem_indberetninger($1::jsonb)),
kvittering AS (
  INSERT INTO udbakke (art, modtagere, data)
  SELECT 'kvittering', ARRAY[e.p->>'kvittering_til'],
         jsonb_build_object('driftsherre', e.p->>'driftsherre', 'tilbud', e.p->>'tilbud', 'takstaar', (e.p->>'takstaar')::int, 'nummer', g.k_nummer, 'modtaget', g.k_modtaget)
  FROM g JOIN jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(p, nr) ON e.nr = g.k_i + 1
  WHERE g.k_ny AND g.k_afvist IS NULL AND e.p->>'kvittering_til' IS NOT NULL)
SELECT k_i AS i, k_id AS id, k_nummer AS nummer, k_sha256 AS sha256, k_modtaget AS modtaget, k_ny AS ny, k_afvist AS afvist, k_offentliggjort AS offentliggjort, k_kategori AS kategori
FROM g ORDER BY k_i`;

type Grund = "token" | "regelsaet" | "offentliggjort" | "kategori";

/**
 * The function refused to store: the token is revoked, a ruleset was published since validation,
 * the year is published (and a reason is needed), or the published kategori is not the skema's (TS131).
 */
export class GemAfvist extends Error {
  constructor(
    readonly grund: Grund,
    /** For "offentliggjort": when the takstår was published. */
    readonly offentliggjort: Date | null = null,
    /** For "kategori": the kategori of the takst published for the year, as typed (null: none). */
    readonly kategori: string | null = null,
  ) {
    super(grund === "token" ? "Tokenet er tilbagekaldt." : grund === "regelsaet" ? "Et regelsæt er udgivet siden valideringen." : grund === "kategori" ? "Kategorien er ikke den offentliggjorte." : "Taksterne er offentliggjort.");
  }
}

type GemRaekke = {
  i: number; id: string; nummer: string | null; sha256: string; modtaget: Date | string; ny: boolean; afvist: Grund | null; offentliggjort: Date | string | null; kategori: string | null;
};

/** One element of gem_indberetninger's array (the names are the function's). */
type Post = Record<string, unknown> & { praefiks: string };

/**
 * Stores an accepted submission (all its ydelser) as the next version of its (driftsherre,
 * tilbud, takstår), or gives the current version's receipt and `ny: false` when the body is the same.
 * `regelsaetUdgivelse`: the publication number the body was validated against (ServerRegister);
 * `kraeverBegrundelse`: a new version would be an in-year change without a reason (the
 * takstskema's rule, aendringIAaretFund); `kategoriGodkendt`: the caller found the published
 * kategori the same by the ruleset's names (TS131). Throws GemAfvist when the token is revoked,
 * the ruleset is no longer the newest, the year is published and a reason is needed, or the
 * kategori differs from the published one.
 * One round trip to the database unless a concurrent submission for the same key wins.
 */
export async function gemIndberetning(
  db: Db,
  n: NyIndberetning & { regelsaetUdgivelse?: number; kraeverBegrundelse?: boolean; kategoriGodkendt?: boolean },
): Promise<{ kvittering: Kvittering; ny: boolean }> {
  const id = randomUUID();
  const nu = new Date();
  const post: Post = {
    id, driftsherre: n.driftsherre, tilbud: n.tilbud, ydelse: n.ydelse, takstaar: n.takstaar, skematype: n.skematype ?? "budget", sha256: n.sha256,
    payload: n.payload, vaerdier: n.vaerdier, findings: n.findings, sprunget: n.sprunget, beregnet: n.beregnet ?? null,
    modtaget: nu.toISOString(), token_id: n.tokenId, praefiks: nummerPraefiks(n.vaerdier.TS_Regelsaet ?? n.payload.TS_Regelsaet, n.takstaar),
    regelsaet_id: n.regelsaet?.id ?? null, regelsaet_version: n.regelsaet?.version ?? null, udgivelse: n.regelsaetUdgivelse ?? null,
    kraever_begrundelse: n.kraeverBegrundelse ?? false,
    kategori_godkendt: n.kategoriGodkendt ?? false,
    kvittering_til: n.kvitteringTil ?? null,
    // Built once (it was built twice for a budget); a regnskab's is unused: the storing function gives it no overview row (migration 012).
    kort: kortUdenNummer({ id, driftsherre: n.driftsherre, tilbud: n.tilbud, modtaget: nu, findings: n.findings, vaerdier: n.vaerdier, beregnet: n.beregnet, regelsaet: n.regelsaet }),
  };
  const r = await viaSkriver(db, post);
  if (r.afvist) throw new GemAfvist(r.afvist, r.offentliggjort === null ? null : new Date(r.offentliggjort), r.kategori ?? null);
  return { kvittering: { id: r.id, nummer: r.nummer, modtaget: iso(r.modtaget), sha256: r.sha256 }, ny: r.ny };
}

async function kald(db: Db, poster: Post[]): Promise<GemRaekke[]> {
  const rows = poster.some((p) => p.kvittering_til)
    ? await db.query<GemRaekke>(GEM_MED_KVITTERING_SQL, [JSON.stringify(poster)], "gem_indberetninger_kvittering")
    : await db.query<GemRaekke>(GEM_SQL, [JSON.stringify(poster)], "gem_indberetninger");
  if (rows.length !== poster.length) throw new Error("Indberetningen blev hverken fundet eller gemt.");
  return rows;
}

/** One submission on its own, run again while a concurrent submission for the same key wins. */
async function enkelt(db: Db, post: Post): Promise<GemRaekke> {
  for (let forsoeg = 0; ; forsoeg++) {
    try {
      return (await kald(db, [post]))[0]!;
    } catch (e) {
      // A concurrent submission (another server) took the version number: run again and see it.
      if (unikBrud(e) !== undefined && forsoeg < 100) continue;
      throw e;
    }
  }
}

interface Ventende {
  post: Post;
  ok: (r: GemRaekke) => void;
  nej: (e: unknown) => void;
}
const KOEER = new WeakMap<Db, { ventende: Ventende[]; skriver: boolean }>();
const MAKS_SAMLET = 64;

/**
 * Group commit. One writer per database: a submission arriving while none is being stored is one
 * call on its own; those arriving meanwhile go together in the next call, which is one
 * transaction and one disk flush for all (PostgreSQL holds each receipt counter row to the
 * commit, so one per call would store one submission per flush). Every receipt is answered only
 * after the commit. If a group fails, each of it is stored on its own, so one bad submission
 * (or a race with another server) fails only itself; if the database cannot serve, the group
 * and all waiting fail at once (503, retry-safe: a lost answer's commit gives the same receipt).
 */
function viaSkriver(db: Db, post: Post): Promise<GemRaekke> {
  let k = KOEER.get(db);
  if (!k) KOEER.set(db, (k = { ventende: [], skriver: false }));
  const koe = k;
  return new Promise<GemRaekke>((ok, nej) => {
    koe.ventende.push({ post, ok, nej });
    if (!koe.skriver) void skriv(db, koe);
  });
}

async function skriv(db: Db, k: { ventende: Ventende[]; skriver: boolean }): Promise<void> {
  k.skriver = true;
  try {
    while (k.ventende.length > 0) {
      // Counter rows locked in prefix order, so two servers' groups cannot deadlock on them.
      const gruppe = k.ventende.splice(0, MAKS_SAMLET).sort((a, b) => (a.post.praefiks < b.post.praefiks ? -1 : a.post.praefiks > b.post.praefiks ? 1 : 0));
      let nede: unknown;
      const naar = (e: unknown) => void (nede = erUtilgaengelig(e) ? e : undefined);
      const svar = gruppe.length > 1 ? await kald(db, gruppe.map((g) => g.post)).catch(naar) : undefined;
      if (svar) {
        gruppe.forEach((g, i) => g.ok(svar[i]!));
        continue;
      }
      // The database cannot serve: everyone waiting gets the 503 now, not one timeout after another.
      for (const g of gruppe) {
        if (nede) g.nej(nede);
        else await enkelt(db, g.post).then(g.ok, (e: unknown) => (naar(e), g.nej(e)));
      }
      if (nede) for (const v of k.ventende.splice(0)) v.nej(nede);
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
             WHERE j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.takstaar = i.takstaar AND j.skematype = i.skematype)))
     ORDER BY driftsherre, tilbud, takstaar, skematype, version`,
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
  /** The ruleset the server validated against (null for submissions stored before it was recorded). */
  regelsaetId?: string | null;
  regelsaetVersion?: number | null;
}

/**
 * The current (highest) version of every tilbud's budget skema (all its ydelser, in `beregnet`),
 * with the previous takstår's current one of the same tilbud; a submission whose current version
 * is withdrawn is no takst (all its ydelser leave the export and last year).
 */
export async function aktuelleTakster(db: Db, takstaar?: number): Promise<AktuelTakst[]> {
  const rows = await db.query<{
    driftsherre: string; tilbud: string; ydelse: string; takstaar: number; version: number;
    vaerdier: Record<string, unknown>; beregnet: unknown; sidste_vaerdier: Record<string, unknown> | null; sidste_beregnet: unknown;
    regelsaet_id: string | null; regelsaet_version: number | null;
  }>(
    `WITH aktuel AS (
       SELECT * FROM (
         SELECT DISTINCT ON (driftsherre, tilbud, takstaar) driftsherre, tilbud, ydelse, takstaar, version, status, vaerdier, beregnet, regelsaet_id, regelsaet_version
         FROM indberetninger WHERE skematype = 'budget' ORDER BY driftsherre, tilbud, takstaar, version DESC) h
       WHERE status <> 'tilbagetrukket')
     SELECT a.driftsherre, a.tilbud, a.ydelse, a.takstaar, a.version, a.vaerdier, a.beregnet, a.regelsaet_id, a.regelsaet_version,
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
    regelsaetId: r.regelsaet_id, regelsaetVersion: r.regelsaet_version,
  }));
}

export async function antalIndberetninger(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger");
  return r?.n ?? 0;
}
