import { type Dec, type DecInput, D, rund } from "./decimal";
import { EngineError } from "./fejl";
import { heltal, ikkeNegativ, satsHoejst } from "./krav";

export type AktivArt = "BYGNING" | "ANDET";

/** The ruleset's depreciation parameters (SYD-2018: 004:5041-5058); absent ones are not applied. */
export interface AfskrivningsRegler {
  art: AktivArt;
  bygningLevetid?: number;
  bygningStartAar?: number;
  aktiveringsgraense?: number;
}

/**
 * Straight-line depreciation charged in `takstaar`: anskaffelsessum / levetid in each of the
 * `levetid` years from `startaar`. Outside that period the charge is 0. Whole kroner.
 * Buildings (004:5047-5049): a blank levetid is the ruleset's building life (30 years), any other
 * life is refused, and a building taken into use before the ruleset's start year (2004) is
 * depreciated from that year. Other assets (004:5057-5058): only a purchase above the
 * aktiveringsgrænse with a life of more than one year is capitalised; anything else is expensed
 * in the operating budget, so depreciating it is refused.
 */
export function afskrivning(
  anskaffelsessum: DecInput,
  levetid: DecInput | undefined,
  startaar: DecInput,
  takstaar: DecInput,
  regler: AfskrivningsRegler = { art: "ANDET" },
): Dec {
  const sumAnskaffet = ikkeNegativ("anskaffelsessum", anskaffelsessum);
  const bygning = regler.art === "BYGNING";
  const givetLevetid = levetid ?? (bygning ? regler.bygningLevetid : undefined);
  if (givetLevetid === undefined) throw new EngineError({ code: "EMPTY", argument: "levetid" });
  const aar = heltal("levetid", givetLevetid, 1, 100);
  const ibrugtaget = heltal("startaar", startaar, 1900, 2200);
  const takstAar = heltal("takstaar", takstaar, 1900, 2200);
  // "Bygninger afskrives over 30 år" (004:5047): the ruleset fixes a building's life.
  if (bygning && regler.bygningLevetid !== undefined && aar !== regler.bygningLevetid) {
    throw new EngineError({ code: "NOT_FIXED_VALUE", argument: "levetid", min: regler.bygningLevetid, max: regler.bygningLevetid });
  }
  if (!bygning && regler.aktiveringsgraense !== undefined) {
    if (sumAnskaffet.lte(regler.aktiveringsgraense)) {
      throw new EngineError({ code: "NOT_ABOVE_THRESHOLD", argument: "anskaffelsessum", min: regler.aktiveringsgraense, minInclusive: false });
    }
    // "... og en levetid på mere end et år afskrives" (004:5057): a shorter life is expensed too.
    if (aar <= 1) throw new EngineError({ code: "OUT_OF_RANGE", argument: "levetid", min: 1, minInclusive: false, max: 100, maxInclusive: true });
  }
  const start = bygning && regler.bygningStartAar !== undefined ? Math.max(ibrugtaget, regler.bygningStartAar) : ibrugtaget;
  if (takstAar < start || takstAar >= start + aar) return new D(0);
  return rund(sumAnskaffet.div(aar));
}

/**
 * Interest on an asset value at 1 January of the takst year: vaerdi × rentesats, whole
 * kroner. `loft` is the ruleset's cap (Syd 2018: 1.47 %, 004:5037-5039).
 */
export function forrentning(vaerdi: DecInput, rentesats: DecInput, loft?: DecInput): Dec {
  const v = ikkeNegativ("vaerdi", vaerdi);
  const r = satsHoejst("rentesats", rentesats, loft);
  return rund(v.times(r));
}
