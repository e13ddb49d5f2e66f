import { D, type Dec, takstudvikling, takstudviklingTal } from "../engine";
import type { Regelsaet } from "../regelsaet";
import { UDSVING_GRAENSE, UDVIKLING_DECIMALER } from "./udviklingGraense";

/**
 * Takstudvikling as every view shows it (pane, CLI --json, overview, takstoversigt page, CSV,
 * .xlsx, export): computed and rounded here once; the writers only format the result.
 */


/** The PL a takstudvikling deflates with, and where it comes from; `pl` null: none (no takstudvikling). */
export interface UdviklingsPl {
  pl: number | null;
  kilde: "regelsaet" | "skema" | null;
}

/**
 * The one choice of PL for takstudvikling (product.md §3, issue 21): the secretariat applies
 * one PL (002:2529), so the ruleset's plSats for its takst year wins over the skema's
 * TS_PLPct; the skema's is used only when the ruleset gives none. With neither the PL is
 * missing: no takstudvikling is shown and TS050/TS051 are skipped, never 0 % (a nominal
 * change is not a real one). Every writer (validator, overview, takstoversigt, export) calls this.
 * `takstaar`: the skema's takst year; a ruleset for another year (TS004) gives no PL for it.
 */
export function udviklingsPl(regelsaet: Regelsaet | null | undefined, skemaPl: unknown, takstaar?: unknown): UdviklingsPl {
  const sats = regelsaet?.parametre.plSats?.vaerdi;
  const andetAar = typeof takstaar === "number" && takstaar !== regelsaet?.takstaar;
  if (sats !== undefined && !andetAar) return { pl: sats, kilde: "regelsaet" };
  return typeof skemaPl === "number" && Number.isFinite(skemaPl) ? { pl: skemaPl, kilde: "skema" } : { pl: null, kilde: null };
}

/** Why there is no takstudvikling when udviklingsPl gives none (TS050/TS051's skip, in Danish). */
export function plManglerGrund(regelsaet: Regelsaet | null | undefined, takstaar?: unknown): string {
  const hvilket = !regelsaet
    ? "der er intet kendt regelsæt med en PL-sats (plSats)"
    : regelsaet.parametre.plSats && typeof takstaar === "number" && takstaar !== regelsaet.takstaar
      ? `regelsættet ${regelsaet.id} angiver PL for ${regelsaet.takstaar}, ikke for takståret ${takstaar}`
      : `regelsættet ${regelsaet.id} angiver ingen PL-sats (plSats)`;
  return `PL mangler: ${hvilket}, og skemaets PL-fremskrivning (TS_PLPct) er tom, så der beregnes ingen reel takstudvikling`;
}

export interface VistUdvikling {
  /** The fraction rounded half away from zero to UDVIKLING_DECIMALER places; never −0. */
  vaerdi: number;
  /** The unrounded change lies beyond ±UDSVING_GRAENSE. */
  udsving: boolean;
}

/**
 * The real takstudvikling of a takst against last year's raised by PL, rounded as shown, with
 * the ±5 % flag; null when a figure is missing or the engine refuses (last year's takst not
 * positive, PL outside −100 %..100 %): no comparison, never a guess.
 */
export function vistUdvikling(ny: number | null, sidste: number | null, pl: number | null): VistUdvikling | null {
  if (ny === null || sidste === null || pl === null) return null;
  try {
    const u = takstudviklingTal(ny, sidste, pl, UDVIKLING_DECIMALER, UDSVING_GRAENSE);
    // A fall rounded to nothing is shown as 0,0 % everywhere ("−0,0" in one writer and "0,0" in another).
    return { vaerdi: u.vaerdi + 0, udsving: u.over };
  } catch {
    return null;
  }
}

/**
 * A tilbud's takstudvikling: the plain mean of its ydelser's exact like-for-like changes
 * (domain §6), rounded and flagged as one ydelse's. One pair gives that pair's own figure.
 */
export function vistMiddelUdvikling(par: readonly { ny: number; sidste: number; pl: number }[]): VistUdvikling | null {
  if (par.length === 0) return null;
  if (par.length === 1) return vistUdvikling(par[0]!.ny, par[0]!.sidste, par[0]!.pl);
  let sum: Dec = new D(0);
  try {
    for (const p of par) sum = sum.plus(takstudvikling(p.ny, p.sidste, p.pl));
  } catch {
    return null;
  }
  const middel = sum.div(par.length);
  return { vaerdi: middel.toDecimalPlaces(UDVIKLING_DECIMALER).toNumber() + 0, udsving: middel.abs().gt(UDSVING_GRAENSE) };
}

/**
 * Last year's takst as the views compare with: the takst submitted last year for the same
 * ydelse where the service has it (product.md §5.1: the register's figure), else the figure
 * stated in the skema; `oplyst` says it is the stated one.
 */
export function sidsteAarsTakstVist(indsendt: number | null, oplyst: number | null): { takst: number | null; oplyst: boolean } {
  return indsendt !== null ? { takst: indsendt, oplyst: false } : { takst: oplyst, oplyst: oplyst !== null };
}
