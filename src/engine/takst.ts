import { type Dec, type DecInput, rund } from "./decimal";
import { heltal, iInterval, positiv } from "./krav";

/** Days in a takst year: 365 per day/døgn (004:5130-5133 gives 11 months for boarding schools). */
export const STANDARD_DAGE = 365;

/** belægningsdage = pladser × dage × belægningsprocent (domain §2). */
export function belaegningsdage(pladser: DecInput, belaegning: DecInput, dage: DecInput = STANDARD_DAGE): Dec {
  const p = positiv("pladser", pladser);
  const b = iInterval("belaegning", belaegning, 0, 1, false, true);
  const d = positiv("dage", dage);
  iInterval("dage", d, 0, 366, false, true);
  return p.times(d).times(b);
}

/** Unrounded takst = takstgrundlag / belægningsdage. */
function takstEksakt(
  takstgrundlag: DecInput,
  pladser: DecInput,
  belaegning: DecInput,
  dage: DecInput = STANDARD_DAGE,
): Dec {
  // A takst is a positive price: a takstgrundlag of 0 or less is a broken skema, never a takst.
  const grundlag = positiv("takstgrundlag", takstgrundlag);
  return grundlag.div(belaegningsdage(pladser, belaegning, dage));
}

/** The published takst: whole kroner (or `decimaler` places), half away from zero. */
export function takst(
  takstgrundlag: DecInput,
  pladser: DecInput,
  belaegning: DecInput,
  dage: DecInput = STANDARD_DAGE,
  decimaler = 0,
): Dec {
  const places = heltal("decimaler", decimaler, 0, 4);
  return rund(takstEksakt(takstgrundlag, pladser, belaegning, dage), places);
}
