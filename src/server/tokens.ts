import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "./db";

/** A socialtilsyn submits its tilsynsskema (issue 23); its driftsherre is the tilsyn, e.g. "Socialtilsyn Syd". */
export const ROLLER = ["kommune", "sekretariat", "socialtilsyn"] as const;
export type Rolle = (typeof ROLLER)[number];

export interface Bruger {
  tokenId: string;
  rolle: Rolle;
  /** The municipality's driftsherre; null for the secretariat. */
  driftsherre: string | null;
  /**
   * Found in the cache of tokens seen before (findBruger's `fraCache`): its revocation has not
   * been looked up for this request, so the route must (lager.ts does it in the same statement).
   */
  fraCache?: boolean;
  /** "person": logged in with OpenID Connect (login/), tokenId is the person's row. */
  art?: "token" | "person";
  /** The person's name (art "person"). */
  navn?: string | null;
}

/** Who did something, as the audit trail records it (issue 25). */
export function hvemAf(b: Bruger): { art: "token" | "person"; id: string; navn: string | null } {
  return { art: b.art ?? "token", id: b.tokenId, navn: b.navn ?? null };
}

export interface TokenRaekke {
  id: string;
  rolle: Rolle;
  driftsherre: string | null;
  beskrivelse: string | null;
  oprettet: Date;
  tilbagekaldt: Date | null;
  udloeber: Date | null;
  art: "token" | "person";
}

const PREFIX = "tks";

const sha256 = (s: string): Buffer => createHash("sha256").update(s, "utf8").digest();

/**
 * A token is `tks_<id>_<secret>`: the id finds the row, the secret (32 random bytes) is
 * compared by its sha256 in constant time. Only the hash is stored.
 */
export async function opretToken(
  db: Db,
  o: { rolle: Rolle; driftsherre?: string | null; beskrivelse?: string | null; udloeber?: Date | null },
): Promise<{ id: string; token: string }> {
  const driftsherre = o.driftsherre?.trim() || null;
  if (o.rolle === "kommune" && !driftsherre) throw new Error("En kommunes token kræver --driftsherre.");
  if (o.rolle === "socialtilsyn" && !driftsherre) throw new Error("Et socialtilsyns token kræver --driftsherre, fx \"Socialtilsyn Syd\".");
  const id = randomBytes(6).toString("hex");
  const hemmelighed = randomBytes(32).toString("base64url");
  await db.query("INSERT INTO tokens (id, hash, rolle, driftsherre, beskrivelse, udloeber) VALUES ($1, $2, $3, $4, $5, $6)", [
    id,
    sha256(hemmelighed).toString("hex"),
    o.rolle,
    driftsherre,
    o.beskrivelse ?? null,
    o.udloeber ?? null,
  ]);
  return { id, token: `${PREFIX}_${id}_${hemmelighed}` };
}

export async function tilbagekaldToken(db: Db, id: string): Promise<boolean> {
  SETE.get(db.kilde ?? db)?.delete(id);
  const r = await db.query<{ id: string }>("UPDATE tokens SET tilbagekaldt = now() WHERE id = $1 AND tilbagekaldt IS NULL RETURNING id", [id]);
  return r.length === 1;
}

export async function listTokens(db: Db): Promise<TokenRaekke[]> {
  return db.query<TokenRaekke>("SELECT id, rolle, driftsherre, beskrivelse, oprettet, tilbagekaldt, udloeber, art FROM tokens ORDER BY oprettet, id");
}

const TOKEN_FORM = /^tks_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * Tokens seen valid before, per database: id → hash and the fields that never change (role,
 * driftsherre). Never whether it is revoked: a route may take a user from here only if it
 * checks revocation itself in the statement that acts (POST /indberetninger: lager.ts), and
 * tilbagekaldToken drops the entry in this process at once.
 */
const SETE = new WeakMap<Db, Map<string, { hash: Buffer; rolle: Rolle; driftsherre: string | null; udloeber: number | null }>>();
const MAKS_SETE = 10_000;

/**
 * The user behind an Authorization header value, or null (missing, malformed, unknown, revoked,
 * expired).
 * `fraCache`: a token seen valid before is taken from memory without a query (see SETE).
 */
export async function findBruger(db: Db, authorization: string | undefined, o: { fraCache?: boolean } = {}): Promise<Bruger | null> {
  if (!authorization) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const form = m ? TOKEN_FORM.exec(m[1]!) : null;
  if (!form) return null;
  const [, id, hemmelighed] = form as unknown as [string, string, string];
  let sete = SETE.get(db.kilde ?? db);
  if (!sete) SETE.set(db.kilde ?? db, (sete = new Map()));
  const set = o.fraCache ? sete.get(id) : undefined;
  if (set) {
    if (!timingSafeEqual(sha256(hemmelighed), set.hash) || udloebet(set.udloeber)) return null;
    return { tokenId: id, rolle: set.rolle, driftsherre: set.driftsherre, fraCache: true };
  }
  const rows = await db.query<{ hash: string; rolle: Rolle; driftsherre: string | null; tilbagekaldt: Date | null; udloeber: Date | null }>(
    "SELECT hash, rolle, driftsherre, tilbagekaldt, udloeber FROM tokens WHERE id = $1",
    [id],
  );
  const row = rows[0];
  // Compare even when the id is unknown, so timing does not reveal which ids exist.
  const forventet = row ? Buffer.from(row.hash, "hex") : Buffer.alloc(32);
  const lige = timingSafeEqual(sha256(hemmelighed), forventet);
  const udloeber = row?.udloeber ? new Date(row.udloeber).getTime() : null;
  if (!row || !lige || row.tilbagekaldt || udloebet(udloeber)) {
    sete.delete(id);
    return null;
  }
  if (sete.size >= MAKS_SETE) sete.clear();
  sete.set(id, { hash: forventet, rolle: row.rolle, driftsherre: row.driftsherre, udloeber });
  return { tokenId: id, rolle: row.rolle, driftsherre: row.driftsherre };
}

const udloebet = (udloeber: number | null): boolean => udloeber !== null && udloeber <= Date.now();

/**
 * `--udloeber 2027-06-30`: the token works through that day (Danish time) and no longer.
 * A date that is not a real date, or already past, is refused in Danish.
 */
export function udloeberFraDato(dato: string, nu = new Date()): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dato.trim());
  const dag = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !dag || dag.getUTCMonth() !== Number(m[2]) - 1 || dag.getUTCDate() !== Number(m[3])) {
    throw new Error(`Ugyldig --udloeber: ${dato} (en dato som 2027-06-30).`);
  }
  // Midnight in Copenhagen at the end of the day, with that night's offset (+1 or +2 in summer).
  const naesteDag = new Date(dag.getTime() + 86_400_000);
  const offset = /GMT([+-]\d+)/.exec(new Intl.DateTimeFormat("en", { timeZone: "Europe/Copenhagen", timeZoneName: "shortOffset" }).format(naesteDag))?.[1];
  const slut = new Date(naesteDag.getTime() - Number(offset ?? 1) * 3_600_000);
  if (slut <= nu) throw new Error(`--udloeber ${dato} er allerede passeret.`);
  return slut;
}

/** Driftsherre names compare without case and surrounding/double spaces. */
export function sammeDriftsherre(a: string, b: string): boolean {
  // toLowerCase: Danish has no locale-specific case mapping (only tr, az and lt do), and the
  // locale-aware variant costs a lookup on every submission.
  const n = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return n(a) === n(b);
}
