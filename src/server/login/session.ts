import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db";
import type { Bruger, Rolle } from "../tokens";

/** The pages' session cookie; the pane sends the same kind of id as `Bearer tss_…`. */
export const SESSION_COOKIE = "takst_session";
const PANE_PREFIX = "tss_";
const ID_FORM = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (s: string): string => createHash("sha256").update(s, "utf8").digest("hex");

/**
 * The person's row in tokens (art 'person'), one per subject, role and driftsherre: the row every
 * table's token_id then names. A changed role or driftsherre gives a new row, so the history of
 * the old one is not rewritten; the name follows the latest login.
 */
export async function personRaekke(db: Db, p: { person: string; navn: string; rolle: Rolle; driftsherre: string | null }): Promise<string> {
  return db.transaction(async (tx) => {
    const fundet = await tx.query<{ id: string }>(
      "SELECT id FROM tokens WHERE art = 'person' AND person = $1 AND rolle = $2 AND driftsherre IS NOT DISTINCT FROM $3 AND tilbagekaldt IS NULL",
      [p.person, p.rolle, p.driftsherre],
    );
    if (fundet[0]) {
      await tx.query("UPDATE tokens SET beskrivelse = $2 WHERE id = $1", [fundet[0].id, p.navn]);
      return fundet[0].id;
    }
    // Not of the bearer form tks_<12 hex>_…, and the hash is of a secret nobody has.
    const id = `p_${randomBytes(6).toString("hex")}`;
    await tx.query("INSERT INTO tokens (id, hash, rolle, driftsherre, beskrivelse, art, person) VALUES ($1, $2, $3, $4, $5, 'person', $6)", [
      id,
      sha256(randomBytes(32).toString("base64url")),
      p.rolle,
      p.driftsherre,
      p.navn,
      p.person,
    ]);
    return id;
  });
}

/** A new session for the person's row: the random id (for the cookie) is returned, only its hash stored. */
export async function opretSession(db: Db, tokenId: string, varighedMs: number): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.query("INSERT INTO sessioner (hash, token_id, udloeber) VALUES ($1, $2, $3)", [sha256(id), tokenId, new Date(Date.now() + varighedMs)]);
  // Old sessions go when new ones come, so the table does not grow without end.
  await db.query("DELETE FROM sessioner WHERE udloeber < now() - interval '1 day'");
  return id;
}

export async function sletSession(db: Db, id: string): Promise<void> {
  if (ID_FORM.test(id)) await db.query("DELETE FROM sessioner WHERE hash = $1", [sha256(id)]);
}

/** The user of a session id, or null (malformed, unknown, expired, or its person row revoked). */
export async function sessionBruger(db: Db, id: string): Promise<Bruger | null> {
  if (!ID_FORM.test(id)) return null;
  const r = await db.query<{ id: string; rolle: Rolle; driftsherre: string | null; beskrivelse: string | null }>(
    `SELECT t.id, t.rolle, t.driftsherre, t.beskrivelse FROM sessioner s JOIN tokens t ON t.id = s.token_id
     WHERE s.hash = $1 AND s.udloeber > now() AND t.tilbagekaldt IS NULL`,
    [sha256(id)],
  );
  const t = r[0];
  return t ? { tokenId: t.id, rolle: t.rolle, driftsherre: t.driftsherre, art: "person", navn: t.beskrivelse } : null;
}

/** The session id in a Cookie header, if any. */
export function sessionFraCookie(cookie: string | undefined): string | null {
  for (const del of (cookie ?? "").split(";")) {
    const i = del.indexOf("=");
    if (i > 0 && del.slice(0, i).trim() === SESSION_COOKIE) return del.slice(i + 1).trim();
  }
  return null;
}

/** The session id in `Bearer tss_…` (the pane's login), if that is the form. */
export function sessionFraBearer(authorization: string | undefined): string | null {
  const m = /^Bearer\s+tss_(\S+)\s*$/i.exec(authorization ?? "");
  return m ? m[1]! : null;
}

export const paneToken = (id: string): string => `${PANE_PREFIX}${id}`;

/** HttpOnly, Secure, SameSite=Lax: sent on the provider's redirect back, never to script or over http. */
export function sessionCookie(id: string, maksAlderS: number): string {
  return `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maksAlderS}`;
}

export const sletCookie = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
