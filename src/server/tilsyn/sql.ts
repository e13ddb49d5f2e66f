import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import type { TilsynBeregnet, TilsynFund } from "../../tilsynsskema";

/** A stored tilsynsskema as the secretariat lists it. */
export interface TilsynsskemaRaekke {
  id: string;
  socialtilsyn: string;
  budgetaar: number;
  version: number;
  regelsaet: string;
  findings: TilsynFund[];
  beregnet: TilsynBeregnet;
  modtaget: string;
  godkendt: string | null;
  offentliggjort: string | null;
}

const KOLONNER = "id, socialtilsyn, budgetaar, version, regelsaet, findings, beregnet, modtaget, godkendt, offentliggjort";
type Raa = Omit<TilsynsskemaRaekke, "modtaget" | "godkendt" | "offentliggjort"> & { modtaget: Date | string; godkendt: Date | string | null; offentliggjort: Date | string | null };
const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const somRaekke = (r: Raa): TilsynsskemaRaekke => ({ ...r, modtaget: iso(r.modtaget)!, godkendt: iso(r.godkendt), offentliggjort: iso(r.offentliggjort) });

/** Store the next version of a tilsyn's year in one statement (the version is taken inside it). */
export async function gemTilsynsskema(
  db: Db,
  o: { socialtilsyn: string; budgetaar: number; regelsaet: string; payload: unknown; findings: TilsynFund[]; beregnet: TilsynBeregnet; tokenId: string },
): Promise<TilsynsskemaRaekke> {
  const rows = await db.query<Raa>(
    `INSERT INTO tilsynsskemaer (id, socialtilsyn, budgetaar, version, regelsaet, payload, findings, beregnet, token_id)
     SELECT $1, $2, $3, COALESCE(MAX(version), 0) + 1, $4, $5, $6, $7, $8 FROM tilsynsskemaer WHERE socialtilsyn = $2 AND budgetaar = $3
     RETURNING ${KOLONNER}`,
    [randomUUID(), o.socialtilsyn, o.budgetaar, o.regelsaet, JSON.stringify(o.payload), JSON.stringify(o.findings), JSON.stringify(o.beregnet), o.tokenId],
  );
  return somRaekke(rows[0]!);
}

/** The newest version of every tilsyn's year (optionally one year), newest year first. */
export async function nyesteTilsynsskemaer(db: Db, budgetaar?: number): Promise<TilsynsskemaRaekke[]> {
  const rows = await db.query<Raa>(
    `SELECT DISTINCT ON (socialtilsyn, budgetaar) ${KOLONNER} FROM tilsynsskemaer
     WHERE $1::integer IS NULL OR budgetaar = $1 ORDER BY socialtilsyn, budgetaar DESC, version DESC`,
    [budgetaar ?? null],
  );
  return rows.map(somRaekke);
}

/** Approve one submission if it is the newest version of its year; null when not found or not the newest. */
export async function godkendTilsynsskema(db: Db, id: string, tokenId: string): Promise<{ raekke: TilsynsskemaRaekke | null; findes: boolean }> {
  const rows = await db.query<Raa>(
    `UPDATE tilsynsskemaer t SET godkendt = COALESCE(t.godkendt, now()), godkendt_af = COALESCE(t.godkendt_af, $2)
     WHERE t.id = $1 AND t.version = (SELECT MAX(version) FROM tilsynsskemaer u WHERE u.socialtilsyn = t.socialtilsyn AND u.budgetaar = t.budgetaar)
     RETURNING ${KOLONNER}`,
    [id, tokenId],
  );
  if (rows[0]) return { raekke: somRaekke(rows[0]), findes: true };
  const findes = await db.query("SELECT 1 FROM tilsynsskemaer WHERE id = $1", [id]);
  return { raekke: null, findes: findes.length > 0 };
}

/** Publish every approved newest version of a year; returns how many are now public. */
export async function offentliggoerTilsyn(db: Db, budgetaar: number): Promise<number> {
  await db.query(
    `UPDATE tilsynsskemaer t SET offentliggjort = COALESCE(t.offentliggjort, now())
     WHERE t.budgetaar = $1 AND t.godkendt IS NOT NULL
       AND t.version = (SELECT MAX(version) FROM tilsynsskemaer u WHERE u.socialtilsyn = t.socialtilsyn AND u.budgetaar = t.budgetaar)`,
    [budgetaar],
  );
  return (await offentligeTilsyn(db, budgetaar)).length;
}

/** The published tilsynsskemaer of a year: for each tilsyn its newest published version. */
export async function offentligeTilsyn(db: Db, budgetaar: number): Promise<TilsynsskemaRaekke[]> {
  const rows = await db.query<Raa>(
    `SELECT DISTINCT ON (socialtilsyn) ${KOLONNER} FROM tilsynsskemaer
     WHERE budgetaar = $1 AND offentliggjort IS NOT NULL ORDER BY socialtilsyn, version DESC`,
    [budgetaar],
  );
  return rows.map(somRaekke);
}
