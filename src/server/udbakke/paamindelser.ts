import type { RegelsaetRegister } from "../../regelsaet";
import { parameter } from "../../regelsaet";
import type { Sql } from "../db";
import { hentForventede } from "../forventede/sql";
import { type NyMail, skrivEngang } from "./sql";

/** A driftsherre that is expected to submit takster for a year and has not: its tilbud and contacts. */
export interface Manglende {
  driftsherre: string;
  tilbud: string[];
  modtagere: string[];
}

/**
 * Who is expected but missing for `takstaar`: the one place that decides it (the reminders ask
 * nothing else). Expected is the overview's list (src/server/forventede: the secretariat's kept
 * list, else last year's published tilbud); missing is an expected tilbud with no budget skema
 * this year; the contact is the latest TS_Email the driftsherre gave for that tilbud (else for
 * another of its tilbud).
 */
export async function forventedeManglende(db: Sql, takstaar: number): Promise<Manglende[]> {
  const { forventede } = await hentForventede(db, takstaar);
  if (forventede.length === 0) return [];
  const rows = await db.query<{ driftsherre: string; tilbud: string; email: string | null }>(
    `SELECT f.driftsherre, f.tilbud,
            (SELECT btrim(s.vaerdier->>'TS_Email') FROM indberetninger s
             WHERE s.driftsherre = f.driftsherre AND s.skematype = 'budget' AND s.takstaar < $1::int AND COALESCE(btrim(s.vaerdier->>'TS_Email'), '') <> ''
             ORDER BY (s.tilbud = f.tilbud) DESC, s.takstaar DESC, s.version DESC LIMIT 1) AS email
     FROM jsonb_to_recordset($2::jsonb) AS f(driftsherre text, tilbud text)
     WHERE NOT EXISTS (SELECT 1 FROM indberetninger i WHERE i.driftsherre = f.driftsherre AND i.tilbud = f.tilbud AND i.takstaar = $1::int AND i.skematype = 'budget')
     ORDER BY f.driftsherre, f.tilbud`,
    [takstaar, JSON.stringify(forventede)],
  );
  const pr = new Map<string, Manglende>();
  for (const r of rows) {
    const m = pr.get(r.driftsherre) ?? { driftsherre: r.driftsherre, tilbud: [], modtagere: [] };
    m.tilbud.push(r.tilbud);
    if (r.email && !m.modtagere.includes(r.email)) m.modtagere.push(r.email);
    pr.set(r.driftsherre, m);
  }
  return [...pr.values()].map((m) => ({ ...m, modtagere: m.modtagere.sort() }));
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
