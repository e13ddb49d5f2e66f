import { randomUUID } from "node:crypto";
import type { Db } from "../../src/server/db";

/**
 * A current regnskabsskema of year `aar` stored as the submission route stores it (skematype
 * 'regnskab', migration 012), with only what the pool reads, so a pool test holds exactly the
 * figures it names. The end-to-end path through the route is efterreguleringPuljeSuite.ts.
 */
export async function gemRegnskabRaekke(db: Db, r: {
  driftsherre: string; tilbud: string; aar: number; budget: number; omraade: string; tokenId: string;
  a6Pulje?: number; status?: string; version?: number; regelsaetVersion?: number;
}): Promise<string> {
  const id = randomUUID();
  const vaerdier = { TS_Skematype: "regnskab", TS_Tilbud: r.tilbud, TS_Ledelsesomraade: r.omraade, TS_A6Pulje: r.a6Pulje ?? 0, TS_RegBudget: r.budget };
  await db.query(
    `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, skematype, version, sha256, payload, vaerdier, findings, sprunget, modtaget, token_id, status, regelsaet_id, regelsaet_version)
     VALUES ($1::uuid, $2, $3, '', $4, 'regnskab', $5, $6, $7::jsonb, $7::jsonb, '[]'::jsonb, '[]'::jsonb, now(), $8, $9, 'SYD-2018', $10)`,
    [id, r.driftsherre, r.tilbud, r.aar, r.version ?? 1, id.replace(/-/g, "").padEnd(64, "0"), JSON.stringify(vaerdier), r.tokenId, r.status ?? "modtaget", r.regelsaetVersion ?? 1],
  );
  return id;
}
