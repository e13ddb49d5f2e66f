import type { Sql } from "../db";

/** The current version of a tilbud's regnskab of one year, as stored. */
export interface RegnskabRaekke {
  id: string;
  nummer: string | null;
  version: number;
  status: "modtaget" | "i_dialog" | "godkendt" | "tilbagetrukket";
  takstaar: number;
  regelsaet_id: string | null;
  vaerdier: Record<string, unknown>;
  beregnet: { efterregulering?: unknown } | null;
}

/** How many years back a regnskab is looked for (a ruleset's efterregForsinkelseAar is at most 10). */
const MAKS_FORSINKELSE = 10;

/**
 * The current (highest) version of each regnskab of (driftsherre, tilbud) in the years before
 * `takstaar` (newest year first), withdrawn ones included so the caller can tell them apart: a
 * withdrawn current version does not bring an older one back.
 */
export async function aktuelleRegnskaber(db: Sql, driftsherre: string, tilbud: string, takstaar: number): Promise<RegnskabRaekke[]> {
  const rows = await db.query<RegnskabRaekke>(
    `SELECT DISTINCT ON (takstaar) id::text AS id, nummer, version, status, takstaar, regelsaet_id, vaerdier, beregnet FROM indberetninger
     WHERE driftsherre = $1::text AND tilbud = $2::text AND skematype = 'regnskab' AND takstaar BETWEEN $3::int - $4::int AND $3::int - 1
     ORDER BY takstaar DESC, version DESC`,
    [driftsherre, tilbud, takstaar, MAKS_FORSINKELSE],
  );
  return rows.map((r) => ({ ...r, version: Number(r.version), takstaar: Number(r.takstaar) }));
}
