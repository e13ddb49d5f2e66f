import { type Dec, type DecInput, D, rund, sum } from "./decimal";
import { EngineError } from "./fejl";
import { endelig, ikkeNegativ } from "./krav";

export type Afrunding = "REST" | "HVER";

/**
 * Share `beloeb` by `noegle` in whole kroner.
 * - "HVER": each share rounded half away from zero, as published tables are made; the rows
 *   may miss the total by a krone (002 table 2024: 19,156,057 vs 19,156,058).
 * - "REST": largest remainder: floor each share (toward zero), then hand the missing kroner
 *   to the largest fractional parts; ties go to the first row. Rows always sum to `beloeb`.
 * A negative beloeb is shared as its mirror image, so the rule is odd-symmetric.
 */
export function fordel(beloeb: DecInput, noegle: readonly DecInput[], afrunding: Afrunding = "REST"): Dec[] {
  const total = endelig("beloeb", beloeb);
  if (noegle.length === 0) throw new EngineError({ code: "EMPTY", argument: "noegle" });
  const keys = noegle.map((k) => ikkeNegativ("noegle", k));
  const keySum = sum(keys);
  if (keySum.isZero()) throw new EngineError({ code: "SUM_ZERO", argument: "noegle" });
  const exact = keys.map((k) => total.times(k).div(keySum));
  if (afrunding === "HVER") return exact.map((e) => rund(e));
  // Largest remainder hands out whole kroner, so the total itself must be whole: rounding it
  // here would make the rows miss the amount the user typed.
  if (!total.isInteger()) throw new EngineError({ code: "NOT_WHOLE", argument: "beloeb" });
  return fordelRest(total, keys, keySum);
}

function fordelRest(total: Dec, keys: Dec[], keySum: Dec): Dec[] {
  const sign = total.isNeg() ? -1 : 1;
  const abs = total.abs();
  const exact = keys.map((k) => abs.times(k).div(keySum));
  const floors = exact.map((e) => e.floor());
  let missing = abs.minus(sum(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(e.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const shares = floors.slice();
  for (const { i } of order) {
    if (missing <= 0) break;
    shares[i] = (shares[i] as Dec).plus(1);
    missing -= 1;
  }
  return shares.map((s) => (sign < 0 ? s.neg() : s)).map((s) => (s.isZero() ? new D(0) : s));
}

/** Budget share of an amount for one unit: beloeb × enhedsbudget / samletBudget, unrounded. */
export function budgetAndel(beloeb: DecInput, enhedsbudget: DecInput, samletBudget: DecInput): Dec {
  const total = ikkeNegativ("samletBudget", samletBudget);
  if (total.isZero()) throw new EngineError({ code: "SUM_ZERO", argument: "samletBudget" });
  return endelig("beloeb", beloeb).times(ikkeNegativ("enhedsbudget", enhedsbudget)).div(total);
}

