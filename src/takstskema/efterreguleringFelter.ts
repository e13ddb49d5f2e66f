import { parameter, type Regelsaet } from "../regelsaet";
import { felt, type FeltNavn } from "./felter";
import { kr } from "./regel";

/**
 * The efterregulering the budget skema of year Y receives from the regnskab of Y − 2 (product.md
 * §5.2): which input cells the service's answer fills, with what. One mapping, used by the pane's
 * "Hent efterregulering" and by `udfyld --fra-server`; A4, A5 and A7 are formulas and follow.
 */

/**
 * The figures of GET /api/v1/efterregulering the skema takes (the contract's
 * efterreguleringSchema, src/kontrakt, by shape: the contract lies above this layer).
 */
export interface EfterreguleringTal {
  takstaar: number;
  regnskabsaar: number;
  A1: number;
  A2: number;
  A3: number;
  A6: number;
  /** −A7: TS_Regulering. */
  regulering: number;
  /** The pool's share for this tilbud: TS_ReguleringPulje. */
  reguleringPulje: number;
}

/** The input cells the answer fills, in the skema's order. */
export const EFTERREGULERING_NAVNE = ["TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_Regulering", "TS_ReguleringPulje"] as const satisfies readonly FeltNavn[];
export type EfterreguleringNavn = (typeof EFTERREGULERING_NAVNE)[number];

/** The answer as the skema's input cells. */
export function efterreguleringCeller(e: EfterreguleringTal): Record<EfterreguleringNavn, number> {
  return { TS_A1: e.A1, TS_A2: e.A2, TS_A3: e.A3, TS_A6: e.A6, TS_Regulering: e.regulering, TS_ReguleringPulje: e.reguleringPulje };
}

/** One cell of the offer: what it holds now and what the service gives. */
export interface EfterreguleringForslag {
  navn: EfterreguleringNavn;
  etiket: string;
  /** The cell's content now (null: empty). */
  nu: unknown;
  ny: number;
  /** The cell holds something else: writing it replaces what the user typed. */
  overskriver: boolean;
  /** The workbook has no such name (a template from before TS_ReguleringPulje): it cannot be filled. */
  mangler: boolean;
}

const tom = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * Per cell, the offer against the skema as read (`skema`: defined name → value; a name the
 * workbook lacks is absent). A filled cell that already holds the figure is no overwrite.
 */
export function efterreguleringForslag(skema: Record<string, unknown>, e: EfterreguleringTal): EfterreguleringForslag[] {
  const celler = efterreguleringCeller(e);
  return EFTERREGULERING_NAVNE.map((navn) => {
    const mangler = !Object.prototype.hasOwnProperty.call(skema, navn);
    const nu = mangler || tom(skema[navn]) ? null : skema[navn];
    const ny = celler[navn];
    return { navn, etiket: felt(navn)!.etiket, nu, ny, overskriver: nu !== null && nu !== ny, mangler };
  });
}

/** "A1 Samlet faktisk provenu: 10.400.000 kr." — the figure as the pane and the CLI list it. */
export function forslagLinje(f: Pick<EfterreguleringForslag, "etiket" | "ny">): string {
  return `${f.etiket}: ${kr(f.ny)}`;
}

/** The regnskabsår whose efterregulering goes into the takster of `takstaar` (the ruleset's delay, 2 by default). */
export function regnskabsaarFor(takstaar: number, r?: Regelsaet): number {
  return takstaar - ((r && parameter(r, "efterregForsinkelseAar")) ?? 2);
}

/** The service has no regnskab for the year (404): a note, not an error. */
export function ingenRegnskabTekst(tilbud: string, takstaar: number, regnskabsaar: number): string {
  return `Der er ikke indberettet et regnskab for ${regnskabsaar} for ${tilbud}, så der er ingen efterregulering til takstår ${takstaar} endnu.`;
}

/** An answer for another takstår than asked is the service's mistake: nothing is written. */
export function forkertAarTekst(e: Pick<EfterreguleringTal, "takstaar">, takstaar: number): string | null {
  return e.takstaar === takstaar ? null : `Indberetningsservicen sendte efterreguleringen til takstår ${e.takstaar}, men skemaet er for ${takstaar}. Intet er skrevet.`;
}
