import { type Dec, type DecInput, rund } from "./decimal";
import { STANDARD_GRAENSE, udOverGraense } from "./efterreg";
import { budgetAndel, fordel } from "./fordeling";
import { endelig } from "./krav";

/**
 * Closure and takeover within an economic unit (Bilag 17, 004:4733-4974). Amounts follow the
 * seed tables' sign: an accumulated result is whatever sign the caller uses; shares keep it.
 */
export interface LukningAfEnhed {
  /** Kept in operations in year +1 (up to the threshold). */
  viderefoeresAarPlus1: Dec;
  /** The closing unit's budget share of the part beyond the threshold, charged at closure. */
  ekstraopkraevning: Dec;
  /** The rest of the part beyond the threshold, settled in the takster of year +2. */
  efterreguleresAarPlus2: Dec;
}

/** Closure of one unit (e.g. Enhed 1: 20,000 of 80,000, accumulated 4,500 → 125 and 375). */
export function lukningAfEnhed(
  akkumuleret: DecInput,
  enhedsbudget: DecInput,
  samletBudget: DecInput,
  graense: DecInput = STANDARD_GRAENSE,
): LukningAfEnhed {
  const result = endelig("akkumuleret", akkumuleret);
  const over = udOverGraense(result, samletBudget, graense);
  const ekstra = rund(budgetAndel(over, enhedsbudget, samletBudget));
  return {
    viderefoeresAarPlus1: result.minus(over),
    ekstraopkraevning: ekstra,
    efterreguleresAarPlus2: over.minus(ekstra),
  };
}

/**
 * Closure of a whole economic unit: its result is spread over the remaining units by budget
 * (004:4874-4916: 5,000 over A, B, C → 1,481 / 1,852 / 1,667). Largest remainder keeps the sum.
 */
export function fordelVedLukning(resultat: DecInput, oevrigeBudgetter: readonly DecInput[]): Dec[] {
  return fordel(resultat, oevrigeBudgetter, "REST");
}

/** Takeover: the offer carries its budget share of the whole accumulated result (004:4918-4974). */
export function overtagelse(akkumuleret: DecInput, enhedsbudget: DecInput, samletBudget: DecInput): Dec {
  return rund(budgetAndel(akkumuleret, enhedsbudget, samletBudget));
}
