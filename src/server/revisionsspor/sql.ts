import type { Hvem, RevisionsPost, revisionsHandlingSchema } from "../../kontrakt";
import type { Sql } from "../db";
import type { Bruger } from "../tokens";
import type { z } from "zod";

export type Handling = z.infer<typeof revisionsHandlingSchema>;

/**
 * Who acted, as the audit trail names it: a person logged in with OpenID Connect by its name; a
 * token by its description (or driftsherre), read from its row when recorded.
 */
export const hvemAfBruger = (b: Pick<Bruger, "tokenId" | "art" | "navn">): Hvem =>
  b.art === "person" ? { art: "person", id: b.tokenId, navn: b.navn ?? null } : { art: "token", id: b.tokenId, navn: null };

/**
 * Adds one entry to the append-only audit trail. Call it with the transaction of the action
 * itself (`tx`), so an action rolled back leaves no entry. For a token without `navn`, its
 * description (or driftsherre) and role are read from the token's row as they are now; a person
 * (OpenID login) brings its own name. Submissions are recorded by the database as they are
 * stored (migration 014), since one statement stores several requests' submissions.
 */
export async function registrer(
  tx: Sql,
  hvem: Hvem & { rolle?: string | null },
  handling: Handling,
  o: { takstaar?: number | null; driftsherre?: string | null; tilbud?: string | null; indberetningId?: string | null; detaljer?: Record<string, unknown> } = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO revisionsspor (handling, hvem_art, hvem_id, hvem_navn, rolle, takstaar, driftsherre, tilbud, indberetning_id, detaljer)
     SELECT $1::text, $2::text, $3::text, COALESCE($4::text, t.beskrivelse, t.driftsherre), COALESCE($5::text, t.rolle), $6::int, $7::text, $8::text, $9::uuid, $10::jsonb
     FROM (SELECT 1) x LEFT JOIN tokens t ON $2::text = 'token' AND t.id = $3::text`,
    [handling, hvem.art, hvem.id, hvem.navn, hvem.rolle ?? null, o.takstaar ?? null, o.driftsherre ?? null, o.tilbud ?? null, o.indberetningId ?? null, JSON.stringify(o.detaljer ?? {})],
  );
}

/** Records an action on a submission, naming its year, driftsherre and tilbud from the stored row. */
export async function registrerForIndberetning(tx: Sql, hvem: Hvem, handling: Handling, indberetningId: string, detaljer: Record<string, unknown>): Promise<void> {
  const [i] = await tx.query<{ takstaar: number; driftsherre: string; tilbud: string }>("SELECT takstaar, driftsherre, tilbud FROM indberetninger WHERE id = $1::uuid", [indberetningId]);
  await registrer(tx, hvem, handling, { takstaar: i?.takstaar ?? null, driftsherre: i?.driftsherre ?? null, tilbud: i?.tilbud ?? null, indberetningId, detaljer });
}

type Raekke = {
  id: string | number; tidspunkt: Date | string; handling: Handling; hvem_art: Hvem["art"]; hvem_id: string | null; hvem_navn: string | null; rolle: string | null;
  takstaar: number | null; driftsherre: string | null; tilbud: string | null; indberetning_id: string | null; detaljer: Record<string, unknown> | null;
};

/** The audit trail, oldest first; an entry without a year or driftsherre (a ruleset) is kept out of a filter on them. */
export async function hentRevisionsspor(db: Sql, f: { takstaar?: number; driftsherre?: string }): Promise<RevisionsPost[]> {
  const rows = await db.query<Raekke>(
    `SELECT id, tidspunkt, handling, hvem_art, hvem_id, hvem_navn, rolle, takstaar, driftsherre, tilbud, indberetning_id::text AS indberetning_id, detaljer
     FROM revisionsspor WHERE ($1::int IS NULL OR takstaar = $1::int) AND ($2::text IS NULL OR driftsherre = $2::text) ORDER BY id`,
    [f.takstaar ?? null, f.driftsherre ?? null],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    tidspunkt: (r.tidspunkt instanceof Date ? r.tidspunkt : new Date(r.tidspunkt)).toISOString(),
    handling: r.handling,
    hvem: { art: r.hvem_art, id: r.hvem_id, navn: r.hvem_navn, rolle: r.rolle },
    takstaar: r.takstaar === null ? null : Number(r.takstaar),
    driftsherre: r.driftsherre,
    tilbud: r.tilbud,
    indberetningId: r.indberetning_id,
    detaljer: r.detaljer ?? {},
  }));
}
