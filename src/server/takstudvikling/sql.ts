import type { Sql } from "../db";
import type { UdviklingsNiveau } from "../../takstskema/udviklingsrapport";
import { erSaerligOpmaerksomhed } from "../../takstskema/felter";

/** The takstniveauer of two takstår's current submissions, and the rulesets T's were validated against. */
export interface RapportNiveauer {
  niveauerFra: UdviklingsNiveau[];
  niveauerTil: UdviklingsNiveau[];
  regelsaetTil: string[];
}

/**
 * oversigt_kort (migrations 006, 009) as stored: [id, driftsherre, tilbud, status, ms, advarsler,
 * PL, takstenhed, regelsaet_id, regelsaet_version, [[navn, raekke, takst, sidste], …],
 * [ledelsesområde, målgruppekategori, særlig opmærksomhed], version, nummer].
 */
/** udviklingsrapport's longest name: a longer one (the service stores up to 4.000 characters) is shortened, never a 500. */
const MAKS_NAVN = 300;
const kort = (navn: string): string => (navn.length > MAKS_NAVN ? `${navn.slice(0, MAKS_NAVN - 1)}…` : navn);

type Kort = [string, string, string, string, number, unknown, unknown, unknown, string | null, number | null, [unknown, unknown, unknown, unknown][], [unknown, unknown, unknown] | undefined, ...unknown[]];

/**
 * The current (highest, not withdrawn) submission of every tilbud in `fra` and `til`, one
 * takstniveau per ydelse with a name and a positive takst (a takst not yet submitted is left
 * out, 002:2589-2591). One query, on the overview's narrow rows.
 */
export async function rapportNiveauer(db: Sql, fra: number, til: number): Promise<RapportNiveauer> {
  const rows = await db.query<{ takstaar: number; kort: string }>(
    `SELECT takstaar, kort FROM oversigt_kort
     WHERE aktuel AND status <> 'tilbagetrukket' AND takstaar IN ($1::int, $2::int)
     ORDER BY driftsherre, tilbud`,
    [fra, til],
  );
  const ud: RapportNiveauer = { niveauerFra: [], niveauerTil: [], regelsaetTil: [] };
  for (const r of rows) {
    const [, driftsherre, tilbud, , , , , , regelsaet, , ydelser, gruppe] = JSON.parse(r.kort) as Kort;
    const erTil = Number(r.takstaar) === til;
    if (erTil && regelsaet) ud.regelsaetTil.push(regelsaet);
    const saerligOpmaerksomhed = erSaerligOpmaerksomhed(gruppe?.[2]);
    for (const [navn, , takst] of ydelser) {
      if (typeof navn !== "string" || navn.trim() === "" || typeof takst !== "number" || !(takst > 0)) continue;
      (erTil ? ud.niveauerTil : ud.niveauerFra).push({ driftsherre: kort(driftsherre), tilbud: kort(tilbud), ydelse: kort(navn), takst, saerligOpmaerksomhed });
    }
  }
  return ud;
}
