import { parameter } from "../../regelsaet";
import { kr, pct, TOLERANCE_KR, type Regel } from "../regel";

/**
 * TS040 as Bilag 18 states it (004:5187-5450; domain.md §3.2):
 * - A4 = A2 + A3, A5 = A1 - A4, A7 = A5 - A6; "Er A7 positiv skal taksterne i år 2
 *   nedreguleres og omvendt" (004:5231-5232), so the regulering line is -A7 (±1 kr.).
 * - The 5 % rule sits on A6 (004:5227-5231): "Underskud op til 5 % skal dækkes ind via
 *   effektiviseringer(overførsel) eller opsparede overskud ... Dette er A6". With
 *   band = efterregGraense × the unit's budget: for an underskud (A5 < 0) A6 must carry at
 *   least min(-A5, band) (A6 ≤ -min(-A5, band)); for an overskud at most band may be kept
 *   (A6 ≤ band). Example 2 (budget 9.000.000, 004:5405: A5 200.000, A6 400.000 ≤ 450.000) is
 *   valid; example 3's prose (A6 -300.000 on an underskud of 600.000 with budget 19.000.000,
 *   004:5417-5420, 5436) is not.
 */
export const TS040: Regel = {
  code: "TS040",
  severity: "warning",
  felter: ["TS_Regulering", "TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_RegBudget"],
  afhaenger: ["TS_Regulering", "TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_RegBudget"],
  beskrivelse: "Reguleringen er ikke -A7 i A1-A7-modellen, eller A6 bryder 5 %-reglen.",
  check(ctx) {
    const reg = ctx.vaerdier.TS_Regulering ?? 0;
    const forventet = ctx.genberegnet.forventetRegulering;
    const A5 = ctx.genberegnet.A5;
    if (forventet === null || A5 === null) {
      if (reg !== 0) {
        ctx.fund("TS_Regulering", `Der er en regulering på ${kr(reg)}, men A1 og A2 (efterregulering for år -2) er ikke udfyldt, så den kan ikke kontrolleres.`);
      }
      return;
    }
    if (Math.abs(reg - forventet) > TOLERANCE_KR) {
      ctx.fund("TS_Regulering", `Reguleringen er ${kr(reg)}, men skal være -A7 = ${kr(forventet)} (A7 = A5 - A6 i A1-A7-modellen).`);
    }
    const graense = ctx.regelsaet ? parameter(ctx.regelsaet, "efterregGraense") : undefined;
    if (graense === undefined) {
      ctx.spring(`5 %-reglen for A6 er ikke kontrolleret: regelsættet ${ctx.regelsaet?.id ?? ctx.regelsaetId ?? "(ukendt)"} angiver ikke en grænse for efterregulering.`, "TS_A6");
      return;
    }
    const budget = ctx.vaerdier.TS_RegBudget;
    if (budget === undefined) {
      ctx.spring(`5 %-reglen for A6 er ikke kontrolleret: omkostningsbudgettet for år -2 er ikke udfyldt.`, "TS_RegBudget");
      return;
    }
    const brud = femProcentBrud(A5, ctx.vaerdier.TS_A6 ?? 0, graense, budget);
    if (brud) ctx.fund("TS_A6", brud);
  },
};

/**
 * The 5 % rule on A6 (the budget skema's year −2 figures and the regnskabsskema's own alike):
 * the Danish message when A6 breaks it, else undefined. A negative budget is TS013's.
 */
export function femProcentBrud(A5: number, A6: number, graense: number, budget: number): string | undefined {
  if (budget < 0) return undefined;
  const band = graense * budget;
  if (A5 < 0) {
    const skalDaekkes = Math.min(-A5, band);
    if (A6 > -skalDaekkes + TOLERANCE_KR) {
      return `Underskuddet A5 = ${kr(A5)}: den del der er op til ${pct(graense)} af budgettet (${kr(band)}) må ikke indregnes i taksten og skal dækkes i A6, så A6 skal være højst ${kr(-skalDaekkes)}, men er ${kr(A6)}.`;
    }
  } else if (A6 > band + TOLERANCE_KR) {
    return `Af overskuddet A5 = ${kr(A5)} må højst ${pct(graense)} af budgettet (${kr(band)}) beholdes i A6, men A6 er ${kr(A6)}; ${kr(A6 - band)} skal sænke taksten.`;
  }
  return undefined;
}
