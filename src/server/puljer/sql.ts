import type { PrimoAargang } from "../../engine";
import type { Db, Sql } from "../db";
import type { PuljeRegnskab } from "./beregning";

/** A ledelsesområde as people type it: case and surrounding spaces do not matter (migration 013's key). */
const SAMME_OMRAADE = "lower(btrim($2::text))";

export async function hentPrimo(db: Sql, driftsherre: string, ledelsesomraade: string): Promise<PrimoAargang[]> {
  const r = await db.query<{ vedroerer_aar: number; beloeb: string | number }>(
    `SELECT vedroerer_aar, beloeb::text AS beloeb FROM pulje_primo
     WHERE driftsherre = $1::text AND lower(btrim(ledelsesomraade)) = ${SAMME_OMRAADE} ORDER BY vedroerer_aar`,
    [driftsherre, ledelsesomraade],
  );
  return r.map((x) => ({ vedroererAar: Number(x.vedroerer_aar), beloeb: String(x.beloeb) }));
}

/** Replaces the pool's opening vintages as a whole: nothing of the earlier ones is left, or all of them are. */
export async function gemPrimo(db: Db, driftsherre: string, ledelsesomraade: string, aargange: readonly PrimoAargang[], tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM pulje_primo WHERE driftsherre = $1::text AND lower(btrim(ledelsesomraade)) = ${SAMME_OMRAADE}`, [driftsherre, ledelsesomraade]);
    if (aargange.length === 0) return;
    await tx.query(
      `INSERT INTO pulje_primo (driftsherre, ledelsesomraade, vedroerer_aar, beloeb, token_id)
       SELECT $1::text, btrim($2::text), a, b, $5::text FROM unnest($3::int[], $4::bigint[]) AS u(a, b)`,
      [driftsherre, ledelsesomraade, aargange.map((a) => a.vedroererAar), aargange.map((a) => String(a.beloeb)), tokenId],
    );
  });
}

/** The ledelsesområde a regnskab belongs to: its TS_Ledelsesomraade, or the tilbud itself when empty (felter.ts). */
const OMRAADE = "COALESCE(NULLIF(btrim(x.vaerdier->>'TS_Ledelsesomraade'), ''), x.tilbud)";

/**
 * The current (highest) version of each tilbud's regnskab per year (`og`: a further condition, so a
 * tilbud's own are read by the version key's index); a withdrawn one counts as none.
 */
const aktuelle = (og = "") => `SELECT DISTINCT ON (i.tilbud, i.takstaar) i.* FROM indberetninger i
  WHERE i.driftsherre = $1::text AND i.skematype = 'regnskab'${og} ORDER BY i.tilbud, i.takstaar, i.version DESC`;

const tal = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The ledelsesområde's current regnskabsskemaer, every year. */
export async function hentPuljeRegnskaber(db: Sql, driftsherre: string, ledelsesomraade: string): Promise<(PuljeRegnskab & { regelsaet: { id: string | null; version: number | null } })[]> {
  const r = await db.query<{ id: string; tilbud: string; takstaar: number; a6: unknown; budget: unknown; regelsaet_id: string | null; regelsaet_version: number | null }>(
    `SELECT x.id::text AS id, x.tilbud, x.takstaar, x.vaerdier->'TS_A6Pulje' AS a6, x.vaerdier->'TS_RegBudget' AS budget, x.regelsaet_id, x.regelsaet_version
     FROM (${aktuelle()}) x WHERE x.status <> 'tilbagetrukket' AND lower(btrim(${OMRAADE})) = ${SAMME_OMRAADE}
     ORDER BY x.takstaar, x.tilbud`,
    [driftsherre, ledelsesomraade],
  );
  return r.map((x) => ({
    id: x.id, tilbud: x.tilbud, aar: Number(x.takstaar), a6Pulje: tal(x.a6), budget: tal(x.budget),
    regelsaet: { id: x.regelsaet_id, version: x.regelsaet_version === null ? null : Number(x.regelsaet_version) },
  }));
}

/** The ledelsesområder a tilbud's current regnskaber before `foerAar` name (usually one). */
export async function tilbuddetsOmraader(db: Sql, driftsherre: string, tilbud: string, foerAar: number): Promise<string[]> {
  const r = await db.query<{ omraade: string }>(
    `SELECT DISTINCT ON (lower(btrim(${OMRAADE}))) ${OMRAADE} AS omraade
     FROM (${aktuelle(" AND i.tilbud = $2::text AND i.takstaar < $3::int")}) x WHERE x.status <> 'tilbagetrukket'
     ORDER BY lower(btrim(${OMRAADE})), x.takstaar DESC`,
    [driftsherre, tilbud, foerAar],
  );
  return r.map((x) => x.omraade);
}
