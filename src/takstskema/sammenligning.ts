import { type Dec, fordeling, indeks, placering, type Placering, rund, tilTal } from "../engine";
import { erSaerligOpmaerksomhed } from "./felter";
import { type Noegletal, noegletal, noegletalsgrundlag } from "./noegletal";
import { MIN_ANDRE_TILBUD, MIN_PLADSER } from "./sammenligningsgraenser";
import { ydelserAf } from "./ydelser";

/**
 * Peer groups of comparable takstniveauer (product.md §5.3; domain-season.md §B5): same
 * lovgrundlag, målgruppekategori, takstenhed and takstår (the caller gives one year). Pure:
 * the service supplies the year's current submissions. Information, never a finding.
 */

export { MIN_ANDRE_TILBUD, MIN_PLADSER };
export const FOR_FAA_BESKED = (antalTilbud: number): string =>
  `For få sammenlignelige: gruppen har ${antalTilbud} tilbud, og der skal være mindst ${MIN_ANDRE_TILBUD} andre tilbud at sammenligne med.`;

export type UdeladtGrund = "saerligOpmaerksomhed" | "faaPladser" | "utilstraekkeligGruppering";

/** One takstniveau of a current submission, with what groups it and its key figures. */
export interface SammenligningsNiveau {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  indberetningId: string;
  takst: number;
  lovgrundlag: string | null;
  maalgruppekategori: string | null;
  takstenhed: string | null;
  /** The tilbud's pladser (Σ over its ydelser). */
  pladser: number | null;
  saerligOpmaerksomhed: boolean;
  noegletal: Noegletal;
}

/** A stored submission as the service reads it. */
export interface GemtSkema {
  id: string;
  driftsherre: string;
  tilbud: string;
  vaerdier: unknown;
  beregnet: unknown;
}

const tekst = (x: unknown): string | null => (typeof x === "string" && x.trim() !== "" ? x.trim() : null);

/**
 * A submission's takstniveauer: each ydelse with a name and a positive takst (a takst as stored,
 * the current version's: an in-year change's new takst, not a day-weighted mean), its grouping
 * fields and key figures (noegletal.ts).
 */
export function sammenligningsNiveauer(s: GemtSkema): SammenligningsNiveau[] {
  const v = s.vaerdier !== null && typeof s.vaerdier === "object" && !Array.isArray(s.vaerdier) ? (s.vaerdier as Record<string, unknown>) : {};
  const ydelser = ydelserAf(v, s.beregnet).filter((y) => y.navn.trim() !== "" && y.takst !== null && y.takst > 0);
  if (ydelser.length === 0) return [];
  const g = noegletalsgrundlag(v, s.beregnet);
  return ydelser.map((y) => ({
    driftsherre: s.driftsherre,
    tilbud: s.tilbud,
    ydelse: y.navn.trim(),
    indberetningId: s.id,
    takst: y.takst!,
    lovgrundlag: tekst(v.TS_Lovgrundlag),
    maalgruppekategori: tekst(v.TS_Maalgruppekategori),
    takstenhed: tekst(v.TS_Takstenhed),
    pladser: g.pladser,
    saerligOpmaerksomhed: erSaerligOpmaerksomhed(v.TS_SaerligOpmaerksomhed),
    noegletal: noegletal(g, y),
  }));
}

/**
 * A grouping key as typed, without case and spacing ("SEL §108" is "sel § 108"): free text in
 * the skema (TS_Lovgrundlag) must not split a group on a space.
 */
export function gruppenoegle(t: string): string {
  return t.trim().replace(/\s+/g, " ").replace(/§\s*/g, "§ ").toLocaleLowerCase("da-DK");
}

export interface Statistik {
  median: number;
  kvartil1: number;
  kvartil3: number;
  min: number;
  max: number;
}

export interface SammenlignetNiveau {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  indberetningId: string;
  takst: number;
  indeks: number | null;
  position: Placering | null;
  noegletal: Noegletal;
}

export interface Gruppe {
  lovgrundlag: string;
  maalgruppekategori: string;
  takstenhed: string;
  antal: number;
  antalTilbud: number;
  statistik: Statistik | null;
  besked: string | null;
  niveauer: SammenlignetNiveau[];
}

export interface UdeladtNiveau {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  grund: UdeladtGrund;
}

export interface Sammenligning {
  grupper: Gruppe[];
  udeladt: UdeladtNiveau[];
}

/** Which groups to give: an absent key lets every group through. */
export interface Gruppefilter {
  lovgrundlag?: string;
  maalgruppekategori?: string;
  takstenhed?: string;
}

/** Why a niveau is left out, in this order; null: it is compared. */
function grund(n: SammenligningsNiveau): UdeladtGrund | null {
  if (n.saerligOpmaerksomhed) return "saerligOpmaerksomhed";
  if (n.lovgrundlag === null || n.maalgruppekategori === null || n.takstenhed === null) return "utilstraekkeligGruppering";
  if (n.pladser === null || n.pladser < MIN_PLADSER) return "faaPladser";
  return null;
}

/** The statistics' one rounding: kroner with 2 decimals. */
const kroner = (d: Dec): number => tilTal(rund(d, 2));

/** gruppenoegle, once per distinct text (the same few texts repeat over thousands of niveauer). */
function noeglerne(): (t: string) => string {
  const kendte = new Map<string, string>();
  return (t) => {
    let n = kendte.get(t);
    if (n === undefined) kendte.set(t, (n = gruppenoegle(t)));
    return n;
  };
}

/**
 * The year's peer groups. Left out, and listed with the reason: særlig opmærksomhed (004:5565-5567),
 * a niveau without lovgrundlag, målgruppekategori or takstenhed, a tilbud with fewer than
 * MIN_PLADSER pladser. Per group: median, quartiles (inclusive, KVARTIL.MEDTAG), min and max of
 * the takster of every niveau in it, when it holds at least MIN_ANDRE_TILBUD other tilbud besides
 * any one tilbud; per niveau its index and position against them.
 */
export function sammenlign(niveauer: readonly SammenligningsNiveau[], filter: Gruppefilter = {}): Sammenligning {
  const udeladt: UdeladtNiveau[] = [];
  const efterNoegle = new Map<string, SammenligningsNiveau[]>();
  const noegle = noeglerne();
  const ens = (a: string | null, b: string | undefined) => b === undefined || (a !== null && noegle(a) === noegle(b));
  for (const n of niveauer) {
    if (!ens(n.lovgrundlag, filter.lovgrundlag) || !ens(n.maalgruppekategori, filter.maalgruppekategori) || !ens(n.takstenhed, filter.takstenhed)) continue;
    const g = grund(n);
    if (g) {
      udeladt.push({ driftsherre: n.driftsherre, tilbud: n.tilbud, ydelse: n.ydelse, grund: g });
      continue;
    }
    const k = `${noegle(n.lovgrundlag!)}\u0000${noegle(n.maalgruppekategori!)}\u0000${noegle(n.takstenhed!)}`;
    const medlemmer = efterNoegle.get(k);
    if (medlemmer) medlemmer.push(n);
    else efterNoegle.set(k, [n]);
  }
  const grupper = [...efterNoegle.values()].map((m) => gruppe(m, noegle));
  const da = (a: string, b: string) => a.localeCompare(b, "da-DK");
  grupper.sort((a, b) => da(a.lovgrundlag, b.lovgrundlag) || da(a.maalgruppekategori, b.maalgruppekategori) || da(a.takstenhed, b.takstenhed));
  return { grupper, udeladt };
}

function gruppe(medlemmer: SammenligningsNiveau[], noegle: (t: string) => string): Gruppe {
  const foerste = medlemmer[0]!;
  const antalTilbud = new Set(medlemmer.map((n) => `${noegle(n.driftsherre)}\u0000${noegle(n.tilbud)}`)).size;
  const f = antalTilbud - 1 >= MIN_ANDRE_TILBUD ? fordeling(medlemmer.map((n) => n.takst)) : null;
  return {
    lovgrundlag: foerste.lovgrundlag!,
    maalgruppekategori: foerste.maalgruppekategori!,
    takstenhed: foerste.takstenhed!,
    antal: medlemmer.length,
    antalTilbud,
    statistik: f && { median: kroner(f.median), kvartil1: kroner(f.kvartil1), kvartil3: kroner(f.kvartil3), min: kroner(f.min), max: kroner(f.max) },
    besked: f ? null : FOR_FAA_BESKED(antalTilbud),
    niveauer: medlemmer.map((n) => ({
      driftsherre: n.driftsherre,
      tilbud: n.tilbud,
      ydelse: n.ydelse,
      indberetningId: n.indberetningId,
      takst: n.takst,
      indeks: f ? tilTal(indeks(n.takst, f.median)) : null,
      position: f ? placering(n.takst, f.kvartil1, f.kvartil3) : null,
      noegletal: n.noegletal,
    })),
  };
}
