import { type Dec, type DecInput, D } from "./decimal";
import { endelig, iInterval, ikkeNegativ } from "./krav";

/** Syddanmark's settlement threshold: 5 % of the omkostningsbudget (004:4691-4716). */
export const STANDARD_GRAENSE = 0.05;

/**
 * The part of an accumulated result beyond ±graense × budget, with the result's sign.
 * Overskud is positive here (Bilag 18 convention).
 */
export function udOverGraense(resultat: DecInput, budget: DecInput, graense: DecInput = STANDARD_GRAENSE): Dec {
  const r = endelig("resultat", resultat);
  const b = ikkeNegativ("budget", budget);
  const g = iInterval("graense", graense, 0, 1, true, true);
  const band = b.times(g);
  if (r.gt(band)) return r.minus(band);
  if (r.lt(band.neg())) return r.plus(band);
  return new D(0);
}

/**
 * The adjustment to the takstgrundlag in year +2 under the 5 % rule: an overskud above the
 * threshold lowers the takst (negative adjustment), an underskud beyond it raises it.
 * Inside the band the result stays with the operator (004:4691-4716, 5172-5185).
 */
export function efterregulering(resultat: DecInput, budget: DecInput, graense: DecInput = STANDARD_GRAENSE): Dec {
  const over = udOverGraense(resultat, budget, graense);
  return over.isZero() ? new D(0) : over.neg();
}
