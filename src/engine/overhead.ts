import { type Dec, type DecInput, rund } from "./decimal";
import { endelig, satsHoejst } from "./krav";

/**
 * Overhead = grundlag × sats in whole kroner. `loft` is the ruleset's cap (Syd 2018: 4.4 %,
 * 004:4981); a sats above it is refused, not silently capped.
 */
export function overhead(grundlag: DecInput, sats: DecInput, loft?: DecInput): Dec {
  const g = endelig("grundlag", grundlag);
  const s = satsHoejst("sats", sats, loft);
  return rund(g.times(s));
}
