import { type Regelsaet, type RegelsaetRegister, parseRegelsaet } from "../../regelsaet";
import type { Sql } from "../db";

/** The ruleset a submission was validated against, by its stored id and version; undefined: unknown or none. */
export type RegelsaetOpslag = (id: string | null | undefined, version: number | null | undefined) => Regelsaet | undefined;

/** No ruleset for anyone: the writers then use each skema's own PL (udviklingsPl). */
export const INTET_OPSLAG: RegelsaetOpslag = () => undefined;

const noegle = (id: string, version: number) => `${id}\u0000${version}`;

/**
 * The rulesets of a set of submissions, by the id and version each was validated against (not
 * today's newest: a published correction does not change a stored submission's figures). The
 * register's and the built-in ones are in memory; older published versions are read in ONE
 * query, whatever the number of submissions.
 */
export async function regelsaetOpslag(db: Sql, register: RegelsaetRegister & { readonly indbyggede?: readonly Regelsaet[] }, brugte: Iterable<{ id: string | null | undefined; version: number | null | undefined }>): Promise<RegelsaetOpslag> {
  const kendte = new Map<string, Regelsaet>();
  const mangler = new Map<string, { id: string; version: number }>();
  for (const { id, version } of brugte) {
    if (!id || version === null || version === undefined) continue;
    const k = noegle(id, Number(version));
    if (kendte.has(k) || mangler.has(k)) continue;
    const nyeste = register.find(id);
    const fundet = nyeste?.version === Number(version) ? nyeste : register.indbyggede?.find((r) => r.id === id && r.version === Number(version));
    if (fundet) kendte.set(k, fundet);
    else mangler.set(k, { id, version: Number(version) });
  }
  if (mangler.size > 0) {
    const liste = [...mangler.values()];
    const rows = await db.query<{ indhold: unknown }>(
      "SELECT indhold FROM regelsaet WHERE (id, version) IN (SELECT * FROM unnest($1::text[], $2::int[]))",
      [liste.map((m) => m.id), liste.map((m) => m.version)],
    );
    for (const { indhold } of rows) {
      try {
        const r = parseRegelsaet(indhold);
        kendte.set(noegle(r.id, r.version), r);
      } catch {
        // Stored by a newer server (newer schemaVersion): as unknown, the skema's own PL counts.
      }
    }
  }
  return (id, version) => (id && version !== null && version !== undefined ? kendte.get(noegle(id, Number(version))) : undefined);
}
