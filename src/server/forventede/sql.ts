import type { Forventet } from "../../kontrakt";
import type { Db, Sql } from "../db";

/** A tilbud's skema of the year as the deadline needs it (budget skemaer: oversigt_kort holds those only). */
export interface SkemaRaekke {
  driftsherre: string;
  tilbud: string;
  /** The current version. */
  id: string;
  status: "modtaget" | "i_dialog" | "godkendt" | "tilbagetrukket";
  /** The first version's receipt. */
  foerst: Date | string;
  regelsaet_id: string | null;
  regelsaet_version: number | null;
}

/**
 * The year's expected skemaer: the kept list, else the tilbud published last year (the takst
 * register's periods of takstår − 1 that count), sorted by driftsherre and tilbud.
 */
export async function hentForventede(db: Sql, takstaar: number): Promise<{ kilde: "gemt" | "sidste_aar"; forventede: Forventet[] }> {
  const [gemt] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM forventede_lister WHERE takstaar = $1::int", [takstaar]);
  if (Number(gemt?.n ?? 0) > 0) {
    const rows = await db.query<Forventet>("SELECT driftsherre, tilbud FROM forventede WHERE takstaar = $1::int ORDER BY driftsherre, tilbud", [takstaar]);
    return { kilde: "gemt", forventede: rows };
  }
  const rows = await db.query<Forventet>(
    "SELECT DISTINCT driftsherre, tilbud FROM takstperioder_gyldige WHERE takstaar = $1::int - 1 ORDER BY driftsherre, tilbud",
    [takstaar],
  );
  return { kilde: "sidste_aar", forventede: rows };
}

/** Replaces the year's kept list in one transaction (an empty list is kept too: nobody expected). */
export async function gemForventede(db: Db, takstaar: number, liste: readonly Forventet[], tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO forventede_lister (takstaar, token_id) VALUES ($1::int, $2::text)
       ON CONFLICT (takstaar) DO UPDATE SET gemt = clock_timestamp(), token_id = EXCLUDED.token_id`,
      [takstaar, tokenId],
    );
    await tx.query("DELETE FROM forventede WHERE takstaar = $1::int", [takstaar]);
    await tx.query(
      `INSERT INTO forventede (takstaar, driftsherre, tilbud)
       SELECT DISTINCT $1::int, x.driftsherre, x.tilbud FROM jsonb_to_recordset($2::jsonb) AS x(driftsherre text, tilbud text)`,
      [takstaar, JSON.stringify(liste)],
    );
  });
}

/** Every tilbud's skema of the year: its current version and the first version's receipt. */
export async function skemaerAfAaret(db: Sql, takstaar: number): Promise<SkemaRaekke[]> {
  return db.query<SkemaRaekke>(
    `SELECT k.driftsherre, k.tilbud, a.id::text AS id, a.status, min(i.modtaget) AS foerst, a.regelsaet_id, a.regelsaet_version
     FROM oversigt_kort k
     JOIN indberetninger i ON i.id = k.id
     JOIN oversigt_kort ak ON ak.driftsherre = k.driftsherre AND ak.tilbud = k.tilbud AND ak.takstaar = k.takstaar AND ak.aktuel
     JOIN indberetninger a ON a.id = ak.id
     WHERE k.takstaar = $1::int
     GROUP BY k.driftsherre, k.tilbud, a.id, a.status, a.regelsaet_id, a.regelsaet_version
     ORDER BY k.driftsherre, k.tilbud`,
    [takstaar],
  );
}
