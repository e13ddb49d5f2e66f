import { z } from "zod";
import { afrundTal, kvotientTal, produktTal, sumTal } from "../engine";
import { beregn } from "./beregning";
import type { Beregnet, YdelseBeregnet } from "./resultat";
import { laesVaerdier } from "./valider";

/**
 * Key figures of a takstniveau (product.md §5.3; domain-season.md §B5), from the stored skema
 * with the regulering of earlier years (category 9) left out: it distorts a year's takst
 * (002:2569-2573), and the tilsyn shows grundtakster "uden reguleringer fra tidligere år"
 * (004:2883). One function per figure, each with its one rounding; the API, the page, the .xlsx
 * and the pane only format them. Information, never a finding (001:465-469).
 */

/** The figures as the API gives them (re-exported by the contract as benchmarkNoegletalSchema). */
export const noegletalSchema = z.object({
  /** takstgrundlag − category 9 (the regulering line excluded), kroner with 2 decimals. */
  omkostninger: z.number(),
  /** omkostninger / pladser, whole kroner. */
  prPlads: z.number().nullable(),
  /** omkostninger / belægningsdage, 2 decimals. */
  prBelaegningsdag: z.number().nullable(),
  /** løn / omkostninger (4 decimals, as every `…andel`). */
  loenandel: z.number().nullable(),
  administrationsandel: z.number().nullable(),
  overheadandel: z.number().nullable(),
  /** (ejendom + afskrivninger + forrentning) / omkostninger. */
  kapitalandel: z.number().nullable(),
  /** basistakst / takst, when the takst is split (TS_Borgerrettet given). */
  basisandel: z.number().nullable(),
  /** The niveau's belægning, a fraction (0.96 = 96 %), 4 decimals. */
  belaegning: z.number().nullable(),
  /** takst × the year's days (TS_Dage), kroner. */
  aarligTakstPrHelaarsborger: z.number().nullable(),
  /** TS_Aarsvaerk / pladser with 2 decimals, when TS_Aarsvaerk is given. */
  normeringPrPlads: z.number().nullable(),
});
export type Noegletal = z.infer<typeof noegletalSchema>;

/** The decimals of the contract: shares 4, pr. belægningsdag 2, pr. plads whole kroner. */
const ANDEL_DECIMALER = 4;
const KRONER_DECIMALER = 2;

/** What a skema's key figures are computed from: its cost lines as the validator carries them. */
export interface Noegletalsgrundlag {
  /** takstgrundlag − regulering. */
  omkostninger: number;
  loen: number;
  administration: number;
  overhead: number;
  /** ejendom + afskrivninger + forrentning (category 8). */
  kapital: number;
  /** Σ pladser of the Ydelser table (null: none). */
  pladser: number | null;
  /** Σ belægningsdage (null: the table cannot be computed). */
  belaegningsdage: number | null;
  dage: number;
  aarsvaerk: number | null;
  /** The takst is split into basis and service (TS_Borgerrettet given). */
  opdelt: boolean;
}

const talEllerNull = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const tal = (x: unknown): number => talEllerNull(x) ?? 0;

/**
 * The skema's figures as the validator computed them (beregn) when it received the skema: the
 * takstgrundlag and overhead carried downstream (TS_Takstgrundlag, TS_Overhead: the cells' values,
 * or beregn's where the cells were empty, as stored) and the table's pladser and belægningsdage
 * (`beregnet`). Without them (a raw record, a row stored before they were kept) beregn computes
 * them here from the values read as the validator reads them.
 */
function beregnet(vaerdier: Record<string, unknown>, gemt: unknown) {
  const b = gemt !== null && typeof gemt === "object" ? (gemt as Partial<Record<keyof Beregnet, unknown>>) : null;
  const takstgrundlag = talEllerNull(vaerdier.TS_Takstgrundlag);
  const overhead = talEllerNull(vaerdier.TS_Overhead);
  if (takstgrundlag !== null && overhead !== null && b && "pladser" in b && "belaegningsdage" in b) {
    return { v: vaerdier, takstgrundlag, overhead, pladser: talEllerNull(b.pladser), belaegningsdage: talEllerNull(b.belaegningsdage) };
  }
  const laest = laesVaerdier(vaerdier);
  const r = beregn(laest.vaerdier, laest.enkeltTakst);
  const v = laest.vaerdier as Record<string, unknown>;
  return { v, takstgrundlag: r.brugt.takstgrundlag, overhead: r.brugt.overhead, pladser: r.beregnet.pladser, belaegningsdage: r.beregnet.belaegningsdage };
}

/**
 * What the key figures are computed from: `vaerdier` and `beregnet` as the service stores a
 * submission (the validator's values and figures), or a raw record alone. Junk reads as blank.
 */
export function noegletalsgrundlag(vaerdier: Record<string, unknown>, gemtBeregnet?: unknown): Noegletalsgrundlag {
  const { v, takstgrundlag, overhead, pladser, belaegningsdage } = beregnet(vaerdier, gemtBeregnet);
  const dage = talEllerNull(v.TS_Dage);
  const aarsvaerk = talEllerNull(v.TS_Aarsvaerk);
  return {
    // Sums as the validator sums the omkostninger (the engine's exact sum).
    // Both lines of category 9: −A7 and the pool's share.
    omkostninger: sumTal([tal(takstgrundlag)], sumTal([tal(v.TS_Regulering), tal(v.TS_ReguleringPulje)], 0)),
    loen: tal(v.TS_Loen),
    administration: tal(v.TS_Administration),
    overhead: tal(overhead),
    kapital: sumTal([tal(v.TS_Ejendom), tal(v.TS_Afskrivninger), tal(v.TS_Forrentning)], 0),
    pladser,
    belaegningsdage,
    dage: dage ?? 365,
    aarsvaerk,
    opdelt: talEllerNull(v.TS_Borgerrettet) !== null,
  };
}

/** a / b rounded (the engine's exact quotient), or null when b is missing or not above 0. */
function kvotient(a: number, b: number | null, decimaler: number): number | null {
  return b === null || !(b > 0) ? null : kvotientTal(a, b, decimaler);
}

export function omkostninger(g: Noegletalsgrundlag): number {
  return afrundTal(g.omkostninger, KRONER_DECIMALER);
}

export function prPlads(g: Noegletalsgrundlag): number | null {
  return kvotient(g.omkostninger, g.pladser, 0);
}

export function prBelaegningsdag(g: Noegletalsgrundlag): number | null {
  return kvotient(g.omkostninger, g.belaegningsdage, KRONER_DECIMALER);
}

export function loenandel(g: Noegletalsgrundlag): number | null {
  return kvotient(g.loen, g.omkostninger, ANDEL_DECIMALER);
}

export function administrationsandel(g: Noegletalsgrundlag): number | null {
  return kvotient(g.administration, g.omkostninger, ANDEL_DECIMALER);
}

export function overheadandel(g: Noegletalsgrundlag): number | null {
  return kvotient(g.overhead, g.omkostninger, ANDEL_DECIMALER);
}

export function kapitalandel(g: Noegletalsgrundlag): number | null {
  return kvotient(g.kapital, g.omkostninger, ANDEL_DECIMALER);
}

export function normeringPrPlads(g: Noegletalsgrundlag): number | null {
  return g.aarsvaerk === null ? null : kvotient(g.aarsvaerk, g.pladser, KRONER_DECIMALER);
}

/** The niveau's basistakst / takst; null when the skema does not split its takst. */
export function basisandel(g: Noegletalsgrundlag, y: Pick<YdelseBeregnet, "basistakst" | "takst">): number | null {
  if (!g.opdelt || y.basistakst === null || y.takst === null) return null;
  return kvotient(y.basistakst, y.takst, ANDEL_DECIMALER);
}

export function belaegning(y: Pick<YdelseBeregnet, "belaegning">): number | null {
  return y.belaegning === null ? null : afrundTal(y.belaegning, ANDEL_DECIMALER);
}

/** What a citizen's year costs at the niveau's takst: takst × TS_Dage. */
export function aarligTakstPrHelaarsborger(g: Noegletalsgrundlag, y: Pick<YdelseBeregnet, "takst">): number | null {
  return y.takst === null ? null : afrundTal(produktTal(y.takst, g.dage), KRONER_DECIMALER);
}

/** Every key figure of one niveau of the skema. */
export function noegletal(g: Noegletalsgrundlag, y: Pick<YdelseBeregnet, "basistakst" | "takst" | "belaegning">): Noegletal {
  return {
    omkostninger: omkostninger(g),
    prPlads: prPlads(g),
    prBelaegningsdag: prBelaegningsdag(g),
    loenandel: loenandel(g),
    administrationsandel: administrationsandel(g),
    overheadandel: overheadandel(g),
    kapitalandel: kapitalandel(g),
    basisandel: basisandel(g, y),
    belaegning: belaegning(y),
    aarligTakstPrHelaarsborger: aarligTakstPrHelaarsborger(g, y),
    normeringPrPlads: normeringPrPlads(g),
  };
}
