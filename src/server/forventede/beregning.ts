import type { Forventede, Forventet, FristSkema, OffentliggoerKontrol } from "../../kontrakt";
import type { Regelsaet } from "../../regelsaet";
import { fristSlut } from "../../takstskema";
import type { RegelsaetOpslag } from "../regelsaet/opslag";
import type { SkemaRaekke } from "./sql";

const DAG_MS = 24 * 3600 * 1000;
/** YYYY-MM-DD of a moment in Danish time (en-CA writes the ISO order). */
const DANSK_DAG = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit", day: "2-digit" });
const dagIDanmark = (t: Date): string => DANSK_DAG.format(t);

/** Whole calendar days from the Danish day of `nu` to the deadline day: 0 on the day, negative after. */
export function dageTil(frist: string, nu: Date): number {
  return Math.round((Date.parse(`${frist}T00:00:00Z`) - Date.parse(`${dagIDanmark(nu)}T00:00:00Z`)) / DAG_MS);
}

const fristAf = (r: Regelsaet | undefined): string | null => r?.parametre.fristTakster?.vaerdi ?? null;
const tidligst = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);
const noegle = (driftsherre: string, tilbud: string) => `${driftsherre}\u0000${tilbud}`;

/**
 * The year's deadline: the earliest fristTakster of the rulesets its skemaer were validated
 * against; with no skema yet, of the known rulesets for the takstår.
 */
export function aaretsFrist(skemaer: readonly SkemaRaekke[], regelsaet: RegelsaetOpslag, aaretsRegelsaet: readonly Regelsaet[]): string | null {
  let frist: string | null = null;
  for (const s of skemaer) frist = tidligst(frist, fristAf(regelsaet(s.regelsaet_id, s.regelsaet_version)));
  if (frist !== null) return frist;
  for (const r of aaretsRegelsaet) frist = tidligst(frist, fristAf(r));
  return frist;
}

/**
 * Every skema of the year (expected, submitted or both) against the deadline, per tilbud. A
 * submitted skema is judged by its own ruleset's deadline (the year's when it has none); a
 * withdrawn current version counts as not submitted.
 */
export function lavForventede(
  takstaar: number,
  liste: { kilde: Forventede["kilde"]; forventede: Forventet[] },
  skemaer: readonly SkemaRaekke[],
  regelsaet: RegelsaetOpslag,
  aaretsRegelsaet: readonly Regelsaet[],
  nu: Date,
): Forventede {
  const frist = aaretsFrist(skemaer, regelsaet, aaretsRegelsaet);
  const forventet = new Set(liste.forventede.map((f) => noegle(f.driftsherre, f.tilbud)));
  const indsendte = new Map(skemaer.filter((s) => s.status !== "tilbagetrukket").map((s) => [noegle(s.driftsherre, s.tilbud), s]));
  const alle = new Map<string, Forventet>();
  for (const f of [...liste.forventede, ...indsendte.values()]) alle.set(noegle(f.driftsherre, f.tilbud), { driftsherre: f.driftsherre, tilbud: f.tilbud });
  const rader: FristSkema[] = [...alle.entries()].map(([k, f]) => {
    const s = indsendte.get(k);
    const sin = s ? fristAf(regelsaet(s.regelsaet_id, s.regelsaet_version)) ?? frist : frist;
    const indsendt = s ? new Date(s.foerst) : null;
    const graense = sin === null ? null : fristSlut(sin).getTime();
    return {
      driftsherre: f.driftsherre,
      tilbud: f.tilbud,
      forventet: forventet.has(k),
      indsendt: indsendt ? indsendt.toISOString() : null,
      mangler: !s && forventet.has(k),
      forSent: graense !== null && (indsendt ? indsendt.getTime() >= graense : forventet.has(k) && nu.getTime() >= graense),
      frist: sin,
      dageTilFrist: sin === null ? null : dageTil(sin, nu),
    };
  });
  rader.sort((a, b) => a.driftsherre.localeCompare(b.driftsherre, "da") || a.tilbud.localeCompare(b.tilbud, "da"));
  return {
    takstaar,
    kilde: liste.kilde,
    forventede: liste.forventede,
    frist,
    dageTilFrist: frist === null ? null : dageTil(frist, nu),
    skemaer: rader,
    antal: {
      forventede: forventet.size,
      indsendt: rader.filter((r) => r.indsendt !== null).length,
      mangler: rader.filter((r) => r.mangler).length,
      forSent: rader.filter((r) => r.forSent).length,
    },
  };
}

/** What publishing would leave out (the missing skemaer, by driftsherre) and publish unapproved. */
export function lavKontrol(f: Forventede, skemaer: readonly SkemaRaekke[]): OffentliggoerKontrol {
  const manglende = new Map<string, string[]>();
  for (const s of f.skemaer.filter((x) => x.mangler)) manglende.set(s.driftsherre, [...(manglende.get(s.driftsherre) ?? []), s.tilbud]);
  return {
    takstaar: f.takstaar,
    manglende: [...manglende.entries()].map(([driftsherre, tilbud]) => ({ driftsherre, tilbud })),
    ikkeGodkendte: skemaer
      .filter((s) => s.status === "modtaget" || s.status === "i_dialog")
      .map((s) => ({ id: s.id, driftsherre: s.driftsherre, tilbud: s.tilbud, status: s.status })),
    frist: f.frist,
    dageTilFrist: f.dageTilFrist,
  };
}
