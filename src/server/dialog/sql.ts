import type { Db, Sql } from "../db";
import type { DialogPost, Sagsstatus } from "./typer";

/** The dialogue's reads and writes, by submission id (the storage key may change; the id stays). */

interface PostRaekke {
  id: string | number;
  indberetning_id?: string;
  art: "status" | "bemaerkning";
  status: Sagsstatus | null;
  tekst: string | null;
  rolle: "kommune" | "sekretariat";
  driftsherre: string | null;
  beskrivelse: string | null;
  tidspunkt: Date | string;
}

const POST_KOLONNER = "id, indberetning_id::text AS indberetning_id, art, status, tekst, rolle, driftsherre, beskrivelse, tidspunkt";

function somPost(r: PostRaekke): DialogPost {
  return {
    id: Number(r.id),
    art: r.art,
    status: r.status,
    tekst: r.tekst,
    hvem: { rolle: r.rolle, driftsherre: r.driftsherre, beskrivelse: r.beskrivelse },
    tidspunkt: (r.tidspunkt instanceof Date ? r.tidspunkt : new Date(r.tidspunkt)).toISOString(),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Maal {
  id: string;
  status: Sagsstatus;
  erAktuel: boolean;
  /** Whether the submission has periods in the takst register (its takst was published). */
  offentliggjort: boolean;
}

/**
 * The submission a dialogue action is about, locked for the transaction; `driftsherre` set =
 * a municipality, which only finds its own.
 */
export async function findMaal(tx: Sql, id: string, driftsherre: string | null, laas: boolean): Promise<Maal | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await tx.query<{ id: string; status: Sagsstatus; er_aktuel: boolean; offentliggjort: boolean }>(
    `SELECT i.id::text AS id, i.status, EXISTS (SELECT 1 FROM takstperioder p WHERE p.indberetning_id = i.id) AS offentliggjort,
            i.version = (SELECT max(version) FROM indberetninger j
                         WHERE j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.takstaar = i.takstaar AND j.skematype = i.skematype) AS er_aktuel
     FROM indberetninger i WHERE i.id = $1::uuid AND ($2::text IS NULL OR i.driftsherre = $2)${laas ? " FOR UPDATE" : ""}`,
    [id, driftsherre],
  );
  return r ? { id: r.id, status: r.status, erAktuel: r.er_aktuel, offentliggjort: r.offentliggjort } : undefined;
}

/** Adds one entry; who is copied from the token's row (role, driftsherre, description). */
export async function tilfoejPost(tx: Sql, o: { indberetningId: string; art: "status" | "bemaerkning"; status: Sagsstatus | null; tekst: string | null; tokenId: string }): Promise<DialogPost> {
  const [r] = await tx.query<PostRaekke>(
    `INSERT INTO dialog (indberetning_id, art, status, tekst, token_id, rolle, driftsherre, beskrivelse)
     SELECT $1::uuid, $2::text, $3::text, $4::text, t.id, t.rolle, t.driftsherre, t.beskrivelse FROM tokens t WHERE t.id = $5::text
     RETURNING ${POST_KOLONNER}`,
    [o.indberetningId, o.art, o.status, o.tekst, o.tokenId],
  );
  if (!r) throw new Error("Tokenet findes ikke længere.");
  return somPost(r);
}

export async function saetStatus(tx: Sql, id: string, status: Sagsstatus): Promise<void> {
  await tx.query("UPDATE indberetninger SET status = $2::text WHERE id = $1::uuid", [id, status]);
}

/** The dialogue of one submission, oldest first. */
export async function hentDialog(db: Sql, indberetningId: string): Promise<DialogPost[]> {
  if (!UUID.test(indberetningId)) return [];
  const rows = await db.query<PostRaekke>(`SELECT ${POST_KOLONNER} FROM dialog WHERE indberetning_id = $1::uuid ORDER BY id`, [indberetningId]);
  return rows.map(somPost);
}

/** The dialogue of every version of the same submission (driftsherre, tilbud, takstår) as `indberetningId`, oldest first, with each entry's version. */
export async function hentDialogForTakst(db: Db, indberetningId: string): Promise<(DialogPost & { indberetningId: string; version: number })[]> {
  if (!UUID.test(indberetningId)) return [];
  const rows = await db.query<PostRaekke & { version: number }>(
    `SELECT d.id, d.indberetning_id::text AS indberetning_id, d.art, d.status, d.tekst, d.rolle, d.driftsherre, d.beskrivelse, d.tidspunkt, j.version
     FROM indberetninger i
     JOIN indberetninger j ON j.driftsherre = i.driftsherre AND j.tilbud = i.tilbud AND j.takstaar = i.takstaar AND j.skematype = i.skematype
     JOIN dialog d ON d.indberetning_id = j.id
     WHERE i.id = $1::uuid ORDER BY d.id`,
    [indberetningId],
  );
  return rows.map((r) => ({ ...somPost(r), indberetningId: String(r.indberetning_id), version: Number(r.version) }));
}
