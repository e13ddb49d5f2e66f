import { type Dec, type DecInput, D, rund } from "./decimal";
import { EngineError } from "./fejl";
import { heltal, iInterval, ikkeNegativ } from "./krav";

/**
 * Straight-line depreciation charged in `takstaar`: anskaffelsessum / levetid in each of the
 * `levetid` years from `startaar` (buildings: 30 years, for older buildings from 2004,
 * 004:5041-5057). Outside that period the charge is 0. Whole kroner.
 */
export function afskrivning(anskaffelsessum: DecInput, levetid: DecInput, startaar: DecInput, takstaar: DecInput): Dec {
  const sumAnskaffet = ikkeNegativ("anskaffelsessum", anskaffelsessum);
  const aar = heltal("levetid", levetid, 1, 100);
  const start = heltal("startaar", startaar, 1900, 2200);
  const takstAar = heltal("takstaar", takstaar, 1900, 2200);
  if (takstAar < start || takstAar >= start + aar) return new D(0);
  return rund(sumAnskaffet.div(aar));
}

/**
 * Interest on an asset value at 1 January of the takst year: vaerdi × rentesats, whole
 * kroner. `loft` is the ruleset's cap (Syd 2018: 1.47 %, 004:5037-5039).
 */
export function forrentning(vaerdi: DecInput, rentesats: DecInput, loft?: DecInput): Dec {
  const v = ikkeNegativ("vaerdi", vaerdi);
  const r = iInterval("rentesats", rentesats, 0, 1, true, true);
  if (loft !== undefined && r.gt(loft)) {
    throw new EngineError({ code: "ABOVE_CAP", argument: "rentesats", max: Number(loft), maxInclusive: true });
  }
  return rund(v.times(r));
}
