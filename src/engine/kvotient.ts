import { type Dec, type DecInput, rund } from "./decimal";
import { endelig, heltal, positiv } from "./krav";

/**
 * taeller / naevner rounded to `decimaler` places, half away from zero: a key figure per unit
 * or a share (product.md §5.3). The denominator must be above 0.
 */
export function kvotient(taeller: DecInput, naevner: DecInput, decimaler = 0): Dec {
  const places = heltal("decimaler", decimaler, 0, 10);
  return rund(endelig("taeller", taeller).div(positiv("naevner", naevner)), places);
}
