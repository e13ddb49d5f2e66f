import type { Db } from "../db";
import type { Rolle } from "../tokens";

/** The secretariat's mapping of one person (OpenID subject or e-mail) to role and driftsherre. */
export interface Tilknytning {
  bruger: string;
  rolle: Rolle;
  driftsherre: string | null;
  navn: string | null;
}

/** Subjects and e-mail addresses compare without case and surrounding spaces. */
const noegle = (s: string): string => s.trim().toLowerCase();

/** Adds or replaces the mapping of `bruger` (takst-server bruger tilknyt). */
export async function tilknyt(db: Db, t: Tilknytning): Promise<void> {
  const driftsherre = t.driftsherre?.trim() || null;
  if (t.rolle !== "sekretariat" && !driftsherre) throw new Error("En kommunes eller et socialtilsyns bruger kræver --driftsherre.");
  await db.query(
    `INSERT INTO brugertilknytninger (bruger, rolle, driftsherre, navn) VALUES ($1, $2, $3, $4)
     ON CONFLICT (bruger) DO UPDATE SET rolle = EXCLUDED.rolle, driftsherre = EXCLUDED.driftsherre, navn = EXCLUDED.navn`,
    [noegle(t.bruger), t.rolle, t.rolle === "sekretariat" ? null : driftsherre, t.navn?.trim() || null],
  );
}

export async function fjernTilknytning(db: Db, bruger: string): Promise<boolean> {
  return (await db.query<{ bruger: string }>("DELETE FROM brugertilknytninger WHERE bruger = $1 RETURNING bruger", [noegle(bruger)])).length === 1;
}

export async function listTilknytninger(db: Db): Promise<Tilknytning[]> {
  return db.query<Tilknytning>("SELECT bruger, rolle, driftsherre, navn FROM brugertilknytninger ORDER BY bruger");
}

/** The mapping of the first of `noegler` (subject, then e-mail) that has one. */
export async function findTilknytning(db: Db, noegler: readonly (string | undefined)[]): Promise<Tilknytning | null> {
  for (const n of noegler) {
    if (!n) continue;
    const r = await db.query<Tilknytning>("SELECT bruger, rolle, driftsherre, navn FROM brugertilknytninger WHERE bruger = $1", [noegle(n)]);
    if (r[0]) return r[0];
  }
  return null;
}
