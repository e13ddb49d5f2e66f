import type { Db } from "../db";
import { ROLLER, type Rolle } from "../tokens";
import type { OidcKonfig } from "./konfig";
import { findTilknytning } from "./tilknytning";

export type Claims = Record<string, unknown>;

export interface Person {
  /** issuer + subject: the same person at another provider is another person. */
  person: string;
  navn: string;
  rolle: Rolle;
  driftsherre: string | null;
}

const tekst = (v: unknown): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" && x.trim() ? x.trim() : undefined;
};

/**
 * Role and driftsherre from the configured claims when the person's token has them, else from
 * the secretariat's mapping (by subject, then e-mail); null: the person is not known here.
 */
export async function personFraClaims(db: Db, k: OidcKonfig, claims: Claims): Promise<Person | null> {
  const sub = tekst(claims.sub);
  if (!sub) return null;
  const email = tekst(claims.email);
  const navn = tekst(claims.name) ?? email ?? sub;
  const person = `${k.issuer}#${sub}`;
  const rolleClaim = k.rolleClaim ? tekst(claims[k.rolleClaim]) : undefined;
  if (rolleClaim && (ROLLER as readonly string[]).includes(rolleClaim)) {
    const rolle = rolleClaim as Rolle;
    const driftsherre = k.driftsherreClaim ? (tekst(claims[k.driftsherreClaim]) ?? null) : null;
    if (rolle !== "sekretariat" && !driftsherre) return null;
    return { person, navn, rolle, driftsherre: rolle === "sekretariat" ? null : driftsherre };
  }
  const t = await findTilknytning(db, [sub, email]);
  return t ? { person, navn: t.navn ?? navn, rolle: t.rolle, driftsherre: t.driftsherre } : null;
}
