import { type Dec, type DecInput, rund } from "./decimal";
import { endelig, heltal, iInterval, positiv } from "./krav";

/** Raise an amount by the PL index: beloeb × (1 + pl) (002:2519-2533). */
export function plRegulering(beloeb: DecInput, plPct: DecInput, decimaler = 0): Dec {
  const pl = iInterval("pl", plPct, -1, 1, false, true);
  return rund(endelig("beloeb", beloeb).times(pl.plus(1)), heltal("decimaler", decimaler, 0, 4));
}

/**
 * Real takstudvikling: the new takst against last year's takst raised to this year's price
 * level, as a fraction (0.052 = 5.2 %). Unrounded; the UI shows one decimal.
 */
export function takstudvikling(nyTakst: DecInput, sidsteAarsTakst: DecInput, plPct: DecInput): Dec {
  const ny = endelig("nyTakst", nyTakst);
  const gammel = positiv("sidsteAarsTakst", sidsteAarsTakst);
  const pl = iInterval("pl", plPct, -1, 1, false, true);
  return ny.div(gammel.times(pl.plus(1))).minus(1);
}
