import { D, type Dec, type DecInput, rund, sum } from "./decimal";
import { STANDARD_GRAENSE, udOverGraense } from "./efterreg";
import { EngineError } from "./fejl";
import { budgetAndel, fordel } from "./fordeling";
import { endelig, iInterval, ikkeNegativ, positiv } from "./krav";

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

export type Driftsherre = "kommune" | "region";

/**
 * LUKNING's three parts of resultat. A municipal closure charges the closing unit's budget share
 * of the part beyond the limit at closure and settles the rest in the takster of year +2; a
 * regional one keeps up to the limit in the economic unit and has other economic units cover
 * the rest (004:4789-4871), so nothing is charged at closure.
 */
export interface LukningsDele {
  viderefoeresAarPlus1: Dec;
  afregnesVedLukningen: Dec;
  /** "kommune": efterreguleres i taksterne år +2; "region": dækkes af andre økonomiske enheder. */
  resten: Dec;
}

/** enhedsbudget within 0..samletbudget, samletbudget above 0: a unit's share is a fraction of its whole. */
function budgetter(enhedsbudget: DecInput, samletBudget: DecInput): { enhed: Dec; samlet: Dec } {
  const samlet = positiv("samletBudget", samletBudget);
  const enhed = iInterval("enhedsbudget", enhedsbudget, 0, samlet.toNumber(), true, true);
  return { enhed, samlet };
}

export function lukning(
  resultat: DecInput,
  enhedsbudget: DecInput,
  samletBudget: DecInput,
  driftsherre: Driftsherre = "kommune",
  graense: DecInput = STANDARD_GRAENSE,
): LukningsDele {
  const r = endelig("resultat", resultat);
  const { enhed, samlet } = budgetter(enhedsbudget, samletBudget);
  if (driftsherre === "kommune") {
    const l = lukningAfEnhed(r, enhed, samlet, graense);
    return { viderefoeresAarPlus1: l.viderefoeresAarPlus1, afregnesVedLukningen: l.ekstraopkraevning, resten: l.efterreguleresAarPlus2 };
  }
  const over = udOverGraense(r, samlet, graense);
  return { viderefoeresAarPlus1: r.minus(over), afregnesVedLukningen: new D(0), resten: over };
}

/** One receiving unit after a closed economic unit's result is spread (004:4874-4916). */
export interface ModtagerVedLukning {
  andel: Dec;
  resultatEfterFordeling: Dec;
  /** The part beyond graense × the unit's budget, with its sign; 0 inside it (004:4914-4916). */
  efterreguleresAarPlus2: Dec;
}

export function lukningFordel(
  resultat: DecInput,
  budgetterListe: readonly DecInput[],
  resultater: readonly DecInput[],
  graense: DecInput = STANDARD_GRAENSE,
): ModtagerVedLukning[] {
  const r = endelig("resultat", resultat);
  // Largest remainder hands out whole units, so the spread amount must be whole to sum exactly.
  if (!r.isInteger()) throw new EngineError({ code: "NOT_WHOLE", argument: "resultat" });
  if (budgetterListe.length === 0) throw new EngineError({ code: "EMPTY", argument: "budgetter" });
  if (resultater.length !== budgetterListe.length) throw new EngineError({ code: "WRONG_LENGTH", argument: "resultater", length: budgetterListe.length });
  const b = budgetterListe.map((x, index) => medIndex(index, () => ikkeNegativ("budgetter", x)));
  const egne = resultater.map((x, index) => medIndex(index, () => endelig("resultater", x)));
  if (sum(b).isZero()) throw new EngineError({ code: "SUM_ZERO", argument: "budgetter" });
  const g = iInterval("graense", graense, 0, 1, true, true);
  return fordelVedLukning(r, b).map((andel, i) => {
    const efter = (egne[i] as Dec).plus(andel);
    return { andel, resultatEfterFordeling: efter, efterreguleresAarPlus2: udOverGraense(efter, b[i] as Dec, g) };
  });
}

/** Names the row of a list argument in the error. */
function medIndex<T>(index: number, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError({ ...e.detail, index });
    throw e;
  }
}

/** OVERTAGELSE's two parts: what follows the offer to the new driftsherre and what stays (004:4918-4948). */
export interface OvertagelsesDele {
  foelgerMedTilbuddet: Dec;
  bliverIEnheden: Dec;
}

export function overtagelseDele(resultat: DecInput, enhedsbudget: DecInput, samletBudget: DecInput): OvertagelsesDele {
  const r = endelig("resultat", resultat);
  const { enhed, samlet } = budgetter(enhedsbudget, samletBudget);
  const foelger = overtagelse(r, enhed, samlet);
  return { foelgerMedTilbuddet: foelger, bliverIEnheden: r.minus(foelger) };
}
