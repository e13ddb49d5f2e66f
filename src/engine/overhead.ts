import { type Dec, type DecInput, rund } from "./decimal";
import { EngineError } from "./fejl";
import { endelig, iInterval } from "./krav";

/**
 * Overhead = grundlag × sats in whole kroner. `loft` is the ruleset's cap (Syd 2018: 4.4 %,
 * 004:4981); a sats above it is refused, not silently capped.
 */
export function overhead(grundlag: DecInput, sats: DecInput, loft?: DecInput): Dec {
  const g = endelig("grundlag", grundlag);
  const s = iInterval("sats", sats, 0, 1, true, true);
  if (loft !== undefined && s.gt(loft)) {
    throw new EngineError({ code: "ABOVE_CAP", argument: "sats", max: Number(loft), maxInclusive: true });
  }
  return rund(g.times(s));
}
