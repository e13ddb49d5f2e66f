import type { Regelsaet } from "../../regelsaet";
import { type Db, type Sql, unikBrud } from "../db";
import { registrer } from "../revisionsspor/sql";

/** What GET /api/v1/regelsaet lists (product.md §5). */
export interface RegelsaetResume {
  id: string;
  navn: string;
  region: string;
  takstaar: number;
  version: number;
}

export interface Udgivelse extends RegelsaetResume {
  sha256: string;
  udgivet: string;
}

export type UdgivResultat =
  | { art: "ny"; udgivelse: Udgivelse }
  | { art: "findes"; udgivelse: Udgivelse }
  | { art: "konflikt"; besked: string };

interface Raekke {
  id: string;
  version: number;
  navn: string;
  region: string;
  takstaar: number;
  sha256: string;
  udgivet: Date | string;
  indhold?: unknown;
}

const KOLONNER = "id, version, navn, region, takstaar, sha256, udgivet";
const somUdgivelse = (r: Raekke): Udgivelse => ({
  id: r.id,
  navn: r.navn,
  region: r.region,
  takstaar: Number(r.takstaar),
  version: Number(r.version),
  sha256: r.sha256,
  udgivet: (r.udgivet instanceof Date ? r.udgivet : new Date(r.udgivet)).toISOString(),
});

/**
 * Stores a validated ruleset. The same id, version and content again is "findes" (no
 * duplicate); the same id and version with other content, or a version not above the newest,
 * is a conflict: a published version is never changed, a correction is the next version.
 */
export async function udgivRegelsaet(db: Db, r: Regelsaet, sha256: string, tokenId: string | null): Promise<UdgivResultat> {
  try {
    return await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`regelsaet:${r.id}`]);
      const [samme] = await tx.query<Raekke>(`SELECT ${KOLONNER} FROM regelsaet WHERE id = $1 AND version = $2`, [r.id, r.version]);
      if (samme) {
        if (samme.sha256 === sha256) return { art: "findes", udgivelse: somUdgivelse(samme) };
        return { art: "konflikt", besked: `${r.id} version ${r.version} er allerede udgivet med et andet indhold og ændres aldrig. Udgiv rettelsen som version ${(await nyeste(tx, r.id)) + 1}.` };
      }
      const hoejeste = await nyeste(tx, r.id);
      if (r.version <= hoejeste) {
        return { art: "konflikt", besked: `${r.id} findes allerede i version ${hoejeste}. En ny udgave skal have version ${hoejeste + 1} eller højere.` };
      }
      const [ny] = await tx.query<Raekke>(
        `INSERT INTO regelsaet (id, version, schema_version, navn, region, takstaar, indhold, sha256, token_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING ${KOLONNER}`,
        [r.id, r.version, r.schemaVersion, r.navn, r.region, r.takstaar, JSON.stringify(r), sha256, tokenId],
      );
      // The audit trail, in the same transaction: a publication rolled back leaves no entry.
      await registrer(tx, tokenId ? { art: "token", id: tokenId, navn: null } : { art: "kommandolinje", id: null, navn: "Kommandolinjen på serveren" }, "regelsaet", {
        takstaar: r.takstaar, detaljer: { id: r.id, version: r.version },
      });
      return { art: "ny", udgivelse: somUdgivelse(ny!) };
    });
  } catch (e) {
    // Two servers on one PostgreSQL published the same version at once: ask again.
    if (unikBrud(e) === "regelsaet_version_key") return udgivRegelsaet(db, r, sha256, tokenId);
    throw e;
  }
}

async function nyeste(tx: Sql, id: string): Promise<number> {
  const [r] = await tx.query<{ v: number }>("SELECT COALESCE(MAX(version), 0)::int AS v FROM regelsaet WHERE id = $1", [id]);
  return Number(r?.v ?? 0);
}

/** Every published ruleset, every version (the register keeps the newest per id). */
export async function alleUdgivne(db: Sql): Promise<unknown[]> {
  const rows = await db.query<{ indhold: unknown }>("SELECT indhold FROM regelsaet ORDER BY id, version");
  return rows.map((r) => r.indhold);
}

/** Grows with every publication, on every server sharing the database. */
export async function udgivelsesNr(db: Sql): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT COALESCE(MAX(nr), 0)::int AS n FROM regelsaet");
  return Number(r?.n ?? 0);
}

export async function antalUdgivne(db: Sql): Promise<number> {
  const [r] = await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM regelsaet");
  return Number(r?.n ?? 0);
}

/** One published version's full content, or undefined. */
/** A published ruleset as stored (it passed regelsaetSchema when it was published). */
export async function hentUdgivet(db: Sql, id: string, version: number): Promise<Regelsaet | undefined> {
  const [r] = await db.query<{ indhold: Regelsaet }>("SELECT indhold FROM regelsaet WHERE id = $1 AND version = $2", [id, version]);
  return r?.indhold;
}

/** The newest published version below `version` (what a new version is compared with). */
export async function forrigeUdgivet(db: Sql, id: string, version: number): Promise<Regelsaet | undefined> {
  const [r] = await db.query<{ indhold: Regelsaet }>("SELECT indhold FROM regelsaet WHERE id = $1 AND version < $2 ORDER BY version DESC LIMIT 1", [id, version]);
  return r?.indhold;
}
