import type { RegelsaetRegister } from "../../regelsaet";
import { parameter } from "../../regelsaet";
import type { Sql } from "../db";
import { type NyMail, skrivEngang } from "./sql";

/** A driftsherre that is expected to submit takster for a year and has not: its tilbud and contacts. */
export interface Manglende {
  driftsherre: string;
  tilbud: string[];
  modtagere: string[];
}

/**
 * Who is expected but missing for `takstaar`: the one place that decides it (the reminders ask
 * nothing else). Today "expected" is a tilbud with a current, not withdrawn submission last year;
 * missing is such a tilbud with no submission this year; the contacts are last year's TS_Email.
 */
export async function forventedeManglende(db: Sql, takstaar: number): Promise<Manglende[]> {
  const rows = await db.query<{ driftsherre: string; tilbud: string[]; modtagere: string[] }>(
    `SELECT f.driftsherre, array_agg(DISTINCT f.tilbud ORDER BY f.tilbud) AS tilbud,
            array_agg(DISTINCT btrim(f.vaerdier->>'TS_Email') ORDER BY btrim(f.vaerdier->>'TS_Email')) FILTER (WHERE COALESCE(btrim(f.vaerdier->>'TS_Email'), '') <> '') AS modtagere
     FROM (SELECT DISTINCT ON (driftsherre, tilbud) driftsherre, tilbud, status, vaerdier FROM indberetninger WHERE takstaar = $1::int - 1
           ORDER BY driftsherre, tilbud, version DESC) f
     WHERE f.status <> 'tilbagetrukket'
       AND NOT EXISTS (SELECT 1 FROM indberetninger i WHERE i.driftsherre = f.driftsherre AND i.tilbud = f.tilbud AND i.takstaar = $1::int)
     GROUP BY f.driftsherre ORDER BY f.driftsherre`,
    [takstaar],
  );
  return rows.map((r) => ({ driftsherre: r.driftsherre, tilbud: r.tilbud, modtagere: r.modtagere ?? [] }));
}

const DAG_MS = 86_400_000;
/** The calendar day in Denmark (the deadline is a Danish date). */
const DANSK_DAG = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" });

/** Whole days from today (in Denmark) to the deadline day (YYYY-MM-DD); negative after it. */
export function dageTilFrist(frist: string, nu: Date): number {
  return Math.round((Date.parse(`${frist}T00:00:00Z`) - Date.parse(`${DANSK_DAG.format(nu)}T00:00:00Z`)) / DAG_MS);
}

/**
 * The reminder due with `tilbage` days to the deadline: the smallest of `dage` that today has
 * reached (14 and 3: from 14 days before the 14-day one, from 3 days before the 3-day one), none
 * after the deadline or before the first. A service that was down across one gets only the next.
 */
export function paamindelseIDag(tilbage: number, dage: readonly number[]): number | undefined {
  if (tilbage < 0) return undefined;
  const naaede = dage.filter((d) => d >= tilbage);
  return naaede.length ? Math.min(...naaede) : undefined;
}

/**
 * Writes today's reminders: for every ruleset with a `fristTakster` whose reminder is due, one
 * mail per missing driftsherre, once (the key names takstår, day count and driftsherre, so running
 * again, or on a second server, writes nothing new). How many were written.
 */
export async function planlaegPaamindelser(db: Sql, register: RegelsaetRegister, nu: Date, dage: readonly number[]): Promise<number> {
  let antal = 0;
  for (const id of register.ids()) {
    const r = register.find(id);
    const frist = r ? parameter(r, "fristTakster") : undefined;
    if (!r || !frist) continue;
    const tilbage = dageTilFrist(frist, nu);
    const paamindelse = paamindelseIDag(tilbage, dage);
    if (paamindelse === undefined) continue;
    const mails: NyMail[] = (await forventedeManglende(db, r.takstaar))
      .filter((m) => m.modtagere.length > 0)
      .map((m) => ({
        art: "paamindelse",
        modtagere: m.modtagere,
        data: { driftsherre: m.driftsherre, takstaar: r.takstaar, frist, dage: tilbage, tilbud: m.tilbud },
        noegle: `paamindelse:${r.takstaar}:${paamindelse}:${m.driftsherre}`,
      }));
    antal += await skrivEngang(db, mails);
  }
  return antal;
}
