import { type Fund, type TakstaaretsTal, ts201 } from "../../takstskema";
import type { Sql } from "../db";
import { tilbuddetsPerioder } from "../offentliggoerelse/sql";
import type { Behandling } from "./behandl";

const tal = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/**
 * What a regnskab of year N is checked against (TS202, TS203): the current, not withdrawn budget
 * skema of the same tilbud for takstår N. Its regulering line is 0 when left empty; no budget
 * skema (or no rentesats in it) leaves the check skipped.
 */
export async function takstaaretsTal(db: Sql, driftsherre: string, tilbud: string, aar: number): Promise<TakstaaretsTal> {
  const [r] = await db.query<{ status: string; regulering: unknown; rentesats: unknown }>(
    `SELECT status, vaerdier->'TS_Regulering' AS regulering, vaerdier->'TS_Rentesats' AS rentesats FROM indberetninger
     WHERE driftsherre = $1::text AND tilbud = $2::text AND takstaar = $3::int AND skematype = 'budget' ORDER BY version DESC LIMIT 1`,
    [driftsherre, tilbud, aar],
  );
  if (!r || r.status === "tilbagetrukket") return { grund: `kræver en aktuel budgetindberetning af ${tilbud} for takstår ${aar}, og der er ingen` };
  return { regulering: tal(r.regulering) ?? 0, rentesats: tal(r.rentesats) };
}

/** TS201: the regnskab's takster against the register's periods of its tilbud in year N. */
export async function registerFejl(db: Sql, driftsherre: string, b: Extract<Behandling, { ok: true }>): Promise<Fund[]> {
  const perioder = await tilbuddetsPerioder(db, driftsherre, b.noegle.tilbud, b.noegle.takstaar);
  // The defined field as parsed by the validator (TS_A1Kilde of the regnskabsskema), not the raw body.
  return ts201(b.vaerdier, perioder, b.vaerdier.TS_A1Kilde);
}
