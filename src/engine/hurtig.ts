import { STANDARD_DAGE } from "./takst";
import { STANDARD_GRAENSE } from "./efterreg";
import { decimaler, GRAENSE, heltalAf, rundBroek, somTal, TI_I } from "./skaleret";

/**
 * Exact fast paths for the hot scalar functions (TAKST, OVERHEAD, EFTERREG) in plain doubles.
 * Each returns the very number that `tilTal(<decimal.js function>(...))` returns, or undefined
 * when it cannot prove that, and the caller then takes the decimal.js path (which also owns every
 * error). Undefined is returned for anything unusual: non-numbers, values outside the engine's
 * preconditions, inputs with too many decimals, results near a rounding boundary.
 *
 * Why this is exact: decimal.js reads a number `x` as the decimal of `String(x)` (its shortest
 * round-trip form), computes with 40 significant digits and rounds half away from zero; the final
 * `toNumber` is the double nearest that decimal.
 */

/** Smallest value treated as an ordinary double (well above the subnormals, below 2.2e-308 is). */
const NORMAL = 1e-290;

/** Relative distance from a half-integer below which TAKST goes to decimal.js (error here is < 2^-49). */
const TAKST_MARGIN = 2 ** -40;

/**
 * TAKST = takstgrundlag / (pladser × dage × belaegning), rounded to `decimaler` places half away
 * from zero. The double quotient is within a relative 2^-49 of decimal.js's 40-digit quotient
 * (4 inputs read within half an ulp, 4 correctly rounded operations); when a rounding boundary
 * (…,5) lies within 2^-40 of it, the answer goes to decimal.js.
 */
export function hurtigTakst(takstgrundlag: number, pladser: number, belaegning: number, dage: number = STANDARD_DAGE, decimalerArg: number = 0): number | undefined {
  if (typeof takstgrundlag !== "number" || typeof pladser !== "number" || typeof belaegning !== "number" || typeof dage !== "number") return undefined;
  // takstgrundlag ≤ 0 and every precondition failure belong to the engine's decimal path.
  // Inputs must be normal doubles: a subnormal is read with a large relative error.
  if (!(takstgrundlag >= NORMAL && takstgrundlag < 1e300)) return undefined;
  if (!(pladser >= NORMAL && pladser < 1e300)) return undefined;
  if (!(belaegning >= NORMAL && belaegning <= 1)) return undefined;
  if (!(dage >= NORMAL && dage <= 366)) return undefined;
  if (!(decimalerArg >= 0 && decimalerArg <= 4 && Number.isInteger(decimalerArg))) return undefined;
  const naevner = pladser * dage * belaegning;
  // Keep every operation in the normal double range, where the relative error bound holds.
  if (!(naevner > 1e-290 && naevner < 1e290)) return undefined;
  return afrundetKvotient(takstgrundlag, naevner, decimalerArg);
}

/**
 * taeller / naevner rounded to `decimaler` places half away from zero, from the double quotient
 * (within a relative 2^-49 of decimal.js's); undefined when a rounding boundary lies within 2^-40
 * of it or it leaves the exact range.
 */
function afrundetKvotient(taeller: number, naevner: number, decimaler: number): number | undefined {
  const y = (taeller / naevner) * TI_I[decimaler]!;
  if (!(y < GRAENSE)) return undefined;
  if (!(y > 1e-290)) return undefined;
  const helt = Math.floor(y);
  const broek = y - helt; // exact: y < 2^53
  if (Math.abs(broek - 0.5) <= y * TAKST_MARGIN) return undefined;
  return somTal(broek > 0.5 ? helt + 1 : helt, decimaler);
}

/**
 * KVOTIENT = taeller / naevner rounded to `decimaler` (0-4) places, for positive normal doubles
 * (a key figure's share or amount per unit); anything else goes to decimal.js.
 */
export function hurtigKvotient(taeller: number, naevner: number, decimaler: number): number | undefined {
  if (typeof taeller !== "number" || typeof naevner !== "number") return undefined;
  if (!(taeller >= NORMAL && taeller < 1e300) || !(naevner >= NORMAL && naevner < 1e300)) return undefined;
  if (!(decimaler >= 0 && decimaler <= 4 && Number.isInteger(decimaler))) return undefined;
  return afrundetKvotient(taeller, naevner, decimaler);
}

/** OVERHEAD = grundlag × sats in whole kroner, exactly in scaled integers; sats above `loft` goes to the engine. */
export function hurtigOverhead(grundlag: number, sats: number, loft?: number): number | undefined {
  if (typeof grundlag !== "number" || typeof sats !== "number") return undefined;
  if (!(sats >= 0 && sats <= 1)) return undefined;
  if (loft !== undefined && !(sats <= loft)) return undefined;
  const kg = decimaler(grundlag);
  const ks = decimaler(sats);
  if (kg < 0 || ks < 0) return undefined;
  const produkt = heltalAf(grundlag, kg) * heltalAf(sats, ks);
  if (!(Math.abs(produkt) <= GRAENSE)) return undefined;
  return somTal(rundBroek(produkt, kg + ks), 0);
}

/** The last limit hurtigEfterregulering read and its decimals (0 and -0 have the same). */
let sidsteGraense = STANDARD_GRAENSE;
let sidsteGraenseK = decimaler(STANDARD_GRAENSE);

/**
 * EFTERREG: the part of resultat beyond ±budget × graense, with opposite sign (no rounding),
 * exactly in scaled integers over a common 10^k.
 */
export function hurtigEfterregulering(resultat: number, budget: number, graense: number = STANDARD_GRAENSE): number | undefined {
  if (typeof resultat !== "number" || typeof budget !== "number" || typeof graense !== "number") return undefined;
  if (!(budget >= 0) || !(graense >= 0 && graense <= 1)) return undefined;
  const kr = decimaler(resultat);
  const kb = decimaler(budget);
  // A sheet passes one limit (0,05) to every cell: its decimals are read once, not per call.
  if (!(graense === sidsteGraense)) {
    sidsteGraenseK = decimaler(graense);
    sidsteGraense = graense;
  }
  const kg = sidsteGraenseK;
  if (kr < 0 || kb < 0 || kg < 0) return undefined;
  // band = budget × graense has kb + kg decimals; bring both to the larger scale.
  const k = Math.max(kr, kb + kg);
  const baand = heltalAf(budget, kb) * heltalAf(graense, kg) * TI_I[k - kb - kg]!;
  const r = heltalAf(resultat, kr) * TI_I[k - kr]!;
  if (!(baand <= GRAENSE && Math.abs(r) <= GRAENSE)) return undefined;
  if (r > baand) return somTal(baand - r, k);
  if (r < -baand) return somTal(-(r + baand), k);
  return 0;
}
