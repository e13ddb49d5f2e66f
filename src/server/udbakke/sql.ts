import type { MailArt } from "../../kontrakt";
import type { Sql } from "../db";

/** The outbox's reads and writes (migration 015). Times are the database's, which every server shares. */

/**
 * A mail to the municipality about a submission: to the TS_Email of the current version of its
 * (driftsherre, tilbud, takstår), with the facts of that version. Nothing when it has no address.
 */
export async function tilKommunen(tx: Sql, indberetningId: string, art: MailArt): Promise<void> {
  await tx.query(
    `INSERT INTO udbakke (art, modtagere, data)
     SELECT $2::text, ARRAY[btrim(c.vaerdier->>'TS_Email')], jsonb_build_object('driftsherre', i.driftsherre, 'tilbud', i.tilbud, 'takstaar', i.takstaar, 'nummer', c.nummer)
     FROM indberetninger i
     CROSS JOIN LATERAL (SELECT j.vaerdier, j.nummer FROM indberetninger j
                         WHERE j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.takstaar = i.takstaar AND j.skematype = i.skematype ORDER BY j.version DESC LIMIT 1) c
     WHERE i.id = $1::uuid AND COALESCE(btrim(c.vaerdier->>'TS_Email'), '') <> ''`,
    [indberetningId, art],
  );
}

/** A mail to the secretariat's address about a submission (the municipality wrote in the dialogue). */
export async function tilSekretariatet(tx: Sql, indberetningId: string, art: MailArt, adresse: string): Promise<void> {
  await tx.query(
    `INSERT INTO udbakke (art, modtagere, data)
     SELECT $2::text, ARRAY[$3::text], jsonb_build_object('driftsherre', i.driftsherre, 'tilbud', i.tilbud, 'takstaar', i.takstaar, 'nummer', i.nummer)
     FROM indberetninger i WHERE i.id = $1::uuid`,
    [indberetningId, art, adresse],
  );
}

/**
 * The publication of a takstår to every driftsherre with a current (not withdrawn) submission
 * that year: one mail each, to the addresses of its submissions; once per year and driftsherre.
 */
export async function offentliggjortTilAlle(tx: Sql, takstaar: number): Promise<void> {
  await tx.query(
    `INSERT INTO udbakke (art, modtagere, data, noegle)
     SELECT 'offentliggjort', array_agg(DISTINCT btrim(a.vaerdier->>'TS_Email') ORDER BY btrim(a.vaerdier->>'TS_Email')),
            jsonb_build_object('driftsherre', a.driftsherre, 'takstaar', $1::int), 'offentliggjort:' || $1::int || ':' || a.driftsherre
     FROM (SELECT DISTINCT ON (driftsherre, tilbud) driftsherre, status, vaerdier FROM indberetninger WHERE takstaar = $1::int AND skematype = 'budget'
           ORDER BY driftsherre, tilbud, version DESC) a
     WHERE a.status <> 'tilbagetrukket' AND COALESCE(btrim(a.vaerdier->>'TS_Email'), '') <> ''
     GROUP BY a.driftsherre
     ON CONFLICT (noegle) DO NOTHING`,
    [takstaar],
  );
}

export interface NyMail {
  art: MailArt;
  modtagere: string[];
  data: Record<string, unknown>;
  /** Written once only: a second mail with the same key is not written. */
  noegle: string;
}

/** Mails that must be written once only (reminders); those already written are left. How many were new. */
export async function skrivEngang(db: Sql, mails: readonly NyMail[]): Promise<number> {
  if (mails.length === 0) return 0;
  const rows = await db.query<{ id: string }>(
    `INSERT INTO udbakke (art, modtagere, data, noegle)
     SELECT m->>'art', ARRAY(SELECT jsonb_array_elements_text(m->'modtagere')), m->'data', m->>'noegle' FROM jsonb_array_elements($1::jsonb) m
     ON CONFLICT (noegle) DO NOTHING RETURNING id`,
    [JSON.stringify(mails)],
  );
  return rows.length;
}

export interface TagetMail {
  id: number;
  art: MailArt;
  modtagere: string[];
  data: unknown;
  forsoeg: number;
}

/**
 * Takes up to `antal` due mails for this sender: each one's next attempt is moved `laasMs`
 * ahead in the same statement, so no other sender (another server on the same PostgreSQL) takes
 * it meanwhile; rows another sender is taking right now are skipped, not waited for.
 */
export async function tagForfaldne(db: Sql, antal: number, laasMs: number): Promise<TagetMail[]> {
  const rows = await db.query<{ id: string | number; art: MailArt; modtagere: string[]; data: unknown; forsoeg: number }>(
    `UPDATE udbakke SET naeste_forsoeg = clock_timestamp() + $2::int * interval '1 millisecond', forsoeg = forsoeg + 1
     WHERE id IN (SELECT id FROM udbakke WHERE status = 'afventer' AND naeste_forsoeg <= clock_timestamp()
                  ORDER BY naeste_forsoeg, id LIMIT $1::int FOR UPDATE SKIP LOCKED)
     RETURNING id, art, modtagere, data, forsoeg`,
    [antal, laasMs],
  );
  return rows.map((r) => ({ id: Number(r.id), art: r.art, modtagere: r.modtagere, data: r.data, forsoeg: r.forsoeg })).sort((a, b) => a.id - b.id);
}

export async function markerSendt(db: Sql, id: number, svar: string): Promise<void> {
  await db.query("UPDATE udbakke SET status = 'sendt', sendt = clock_timestamp(), svar = $2::text WHERE id = $1::bigint", [id, svar]);
}

/** A refusal: tried again after `ventMs`, or failed for good (`ventMs` null). */
export async function markerFejl(db: Sql, id: number, svar: string, ventMs: number | null): Promise<void> {
  await db.query(
    `UPDATE udbakke SET svar = $2::text,
       status = CASE WHEN $3::int IS NULL THEN 'fejlet' ELSE 'afventer' END,
       naeste_forsoeg = CASE WHEN $3::int IS NULL THEN naeste_forsoeg ELSE clock_timestamp() + $3::int * interval '1 millisecond' END
     WHERE id = $1::bigint`,
    [id, svar, ventMs],
  );
}

export interface UdbakkeRaekke {
  id: string | number;
  art: MailArt;
  modtagere: string[];
  data: unknown;
  status: "afventer" | "sendt" | "fejlet";
  oprettet: Date | string;
  sendt: Date | string | null;
  forsoeg: number;
  naeste_forsoeg: Date | string;
  svar: string | null;
}

/** The newest first. */
export async function listUdbakke(db: Sql, status: UdbakkeRaekke["status"] | undefined, antal: number): Promise<UdbakkeRaekke[]> {
  return db.query<UdbakkeRaekke>(
    `SELECT id, art, modtagere, data, status, oprettet, sendt, forsoeg, naeste_forsoeg, svar FROM udbakke
     WHERE ($1::text IS NULL OR status = $1::text) ORDER BY id DESC LIMIT $2::int`,
    [status ?? null, antal],
  );
}
