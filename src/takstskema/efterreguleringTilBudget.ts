import { rund, tilTal } from "../engine";
import { efterreguleringSchema } from "./resultat";

/** What the budget skema of year N+2 receives from a regnskab of year N (product.md §5.2), whole kroner. */
export interface EfterreguleringTilBudget {
  A1: number; A2: number; A3: number; A4: number; A5: number; A6: number; A6Pulje: number; A6Overfoert: number; A7: number;
  /** TS_Regulering of year N+2: −A7. */
  regulering: number;
}

const kroner = (x: number) => tilTal(rund(x));

/**
 * A stored regnskab's figures (the validator's `beregnet.efterregulering` and its parsed
 * TS_A6Pulje / TS_A6Overfoert) as the budget skema of N+2 takes them, each rounded once to whole
 * kroner; null when the regnskab has no A1..A7 (the inputs did not allow them).
 */
export function efterreguleringTilBudget(e: unknown, vaerdier: Readonly<Record<string, unknown>>): EfterreguleringTilBudget | null {
  const p = efterreguleringSchema.safeParse(e);
  if (!p.success) return null;
  const { A1, A2, A3, A4, A5, A6, A7, reguleringAarPlus2 } = p.data;
  if (A1 === null || A2 === null || A3 === null || A4 === null || A5 === null || A6 === null || A7 === null || reguleringAarPlus2 === null) return null;
  const beloeb = (x: unknown) => (typeof x === "number" && Number.isFinite(x) ? kroner(x) : 0);
  return {
    A1: kroner(A1), A2: kroner(A2), A3: kroner(A3), A4: kroner(A4), A5: kroner(A5), A6: kroner(A6),
    A6Pulje: beloeb(vaerdier.TS_A6Pulje), A6Overfoert: beloeb(vaerdier.TS_A6Overfoert), A7: kroner(A7),
    regulering: kroner(reguleringAarPlus2),
  };
}
