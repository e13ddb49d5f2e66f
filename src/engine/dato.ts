import { iInterval } from "./krav";

/**
 * Calendar dates as day numbers: days since 30 December 1899, the count spreadsheets use for
 * dates from 1 March 1900 (Excel and LibreOffice agree there). Whole numbers only; the
 * conversions go through UTC so no time zone or summer time can move a day.
 */
export type Dagnummer = number;

const MS_PR_DAG = 86_400_000;
const NULPUNKT = Date.UTC(1899, 11, 30);
/** 1 March 1900 and 31 December 9999: the dates Excel and LibreOffice count alike. */
export const FOERSTE_DAG = 61;
export const SIDSTE_DAG = 2_958_465;

export interface Kalenderdag {
  aar: number;
  /** 1-12. */
  maaned: number;
  dag: number;
}

export function kalenderdag(d: Dagnummer): Kalenderdag {
  const t = new Date(NULPUNKT + d * MS_PR_DAG);
  return { aar: t.getUTCFullYear(), maaned: t.getUTCMonth() + 1, dag: t.getUTCDate() };
}

/** The day number of a date; a month or day out of range rolls over as Date.UTC does. */
export function dagnummer(aar: number, maaned: number, dag: number): Dagnummer {
  const t = new Date(0);
  t.setUTCFullYear(aar, maaned - 1, dag); // setUTCFullYear keeps years 0-99 literal
  return Math.round((t.getTime() - NULPUNKT) / MS_PR_DAG);
}

/** The date's day number if aar-maaned-dag is a real date, otherwise undefined. */
export function gyldigDato(aar: number, maaned: number, dag: number): Dagnummer | undefined {
  const d = dagnummer(aar, maaned, dag);
  const k = kalenderdag(d);
  return k.aar === aar && k.maaned === maaned && k.dag === dag ? d : undefined;
}

/** A date argument within the supported range, as a whole day number. */
export function dato(argument: string, d: number): Dagnummer {
  // A number in range is its floor, as decimal.js would read it (no integer lies between a double
  // and its shortest decimal); decimal.js only for the error.
  if (d >= FOERSTE_DAG && d <= SIDSTE_DAG) return Math.floor(d);
  return iInterval(argument, d, FOERSTE_DAG, SIDSTE_DAG, true, true).floor().toNumber();
}

/** Excel's EDATE: the same day `maaneder` months on, clamped to the month's last day (31.12 + 2 → 28.2/29.2). */
export function edate(d: Dagnummer, maaneder: number): Dagnummer {
  const k = kalenderdag(d);
  const sidste = eomonth(d, maaneder);
  return Math.min(dagnummer(k.aar, k.maaned + maaneder, 1) + k.dag - 1, sidste);
}

/** Excel's EOMONTH: the last day of the month `maaneder` months on. */
export function eomonth(d: Dagnummer, maaneder: number): Dagnummer {
  const k = kalenderdag(d);
  return dagnummer(k.aar, k.maaned + maaneder + 1, 1) - 1;
}
