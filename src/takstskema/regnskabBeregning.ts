import { efterregModelTal, provenuTal, sumTal } from "../engine";
import { beregn, type Beregning } from "./beregning";
import { YDELSE_RAEKKER } from "./felter";
import { a1FraRegnskab } from "./regnskabRegister";
import type { Efterregulering } from "./resultat";
import type { Skema } from "./vaerdier";

/** The regnskab's own values (regnskabFelter.ts), parsed; the Ydelser columns as 10 rows. */
export interface RegnskabVaerdier {
  TS_Regnskabsaar?: number;
  TS_AktiveretDrift?: number;
  TS_A6Pulje?: number;
  TS_A6Overfoert?: number;
  /** "takster" or "regnskab" (A1 from the accounts, intern afregning); empty is "takster". */
  TS_A1Kilde?: string;
  TS_A1Regnskab?: number;
  /** The cell's cached value (a computed cell). */
  TS_ReguleringAarPlus2?: number;
  TS_Ydelser_Takst: (number | null)[];
  TS_Ydelser_FaktiskeDage: (number | null)[];
  TS_Ydelser_GyldigFra: (string | null)[];
}

function forsoeg<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

export interface RegnskabBeregning {
  /** The engine's figures from the inputs alone. */
  efterregulering: Efterregulering;
  /** The budget computation on the regnskab's figures (overhead, takstgrundlag; TS_AktiveretDrift taken out). */
  omkostninger: Beregning;
  /** The model from each computed cell's own value where present (each cell checked against its inputs, TS204). */
  brugt: { A1: number | null; A2: number | null; A6: number; model: ReturnType<typeof efterregModelTal> | null };
}

/**
 * The record the budget computation sees: TS_AktiveretDrift is taken out with the indtægter, as
 * the template's formulas subtract both from the overheadgrundlag and the takstgrundlag. One
 * computation of overhead and takstgrundlag for both skema types (beregning.ts).
 */
export function somBudgettal(v: Partial<Skema>, egne: Pick<RegnskabVaerdier, "TS_AktiveretDrift" | "TS_Regnskabsaar">): Partial<Skema> {
  const ud: Partial<Skema> = { ...v };
  const aktiveret = egne.TS_AktiveretDrift;
  if (aktiveret !== undefined && aktiveret >= 0 && (v.TS_Indtaegter === undefined || v.TS_Indtaegter >= 0)) ud.TS_Indtaegter = sumTal([v.TS_Indtaegter ?? 0, aktiveret], 0);
  if (ud.TS_Takstaar === undefined && egne.TS_Regnskabsaar !== undefined) ud.TS_Takstaar = egne.TS_Regnskabsaar;
  return ud;
}

/** The rows that carry revenue: a takst and days, both usable. */
export function provenuRaekker(egne: RegnskabVaerdier): { dage: number; takst: number }[] {
  const ud: { dage: number; takst: number }[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const dage = egne.TS_Ydelser_FaktiskeDage[i] ?? null;
    const takst = egne.TS_Ydelser_Takst[i] ?? null;
    if (dage !== null && takst !== null && dage >= 0 && takst > 0) ud.push({ dage, takst });
  }
  return ud;
}

/**
 * Bilag 18 on the accounts (004:5187-5232; domain-season B1): A1 = Σ dage × takst (or the
 * accounts' revenue, TS_A1Kilde "regnskab"), A2 = the
 * takstgrundlag formula on the actual figures, A3 entered, A6 = pulje + overført, A4, A5, A7 as
 * EFTERREG.MODEL, and −A7 for the takster of year +2. Every figure from one engine function.
 */
export function beregnRegnskab(v: Partial<Skema>, egne: RegnskabVaerdier): RegnskabBeregning {
  const omkostninger = beregn(somBudgettal(v, egne));
  const og = omkostninger.beregnet;
  const raekker = provenuRaekker(egne);
  // TS_A1Kilde "regnskab" (intern afregning): A1 is the revenue as booked, as the template's IF does.
  const A1 = a1FraRegnskab(egne.TS_A1Kilde) ? (egne.TS_A1Regnskab ?? null) : raekker.length === 0 ? null : forsoeg(() => provenuTal(raekker));
  const A2 = og.takstgrundlag;
  const A3 = v.TS_A3 ?? 0;
  const A6 = sumTal([egne.TS_A6Pulje ?? 0, egne.TS_A6Overfoert ?? 0], 0);
  const model = A1 === null ? null : forsoeg(() => efterregModelTal(A1, A2, A3, A6));
  const A1Brugt = v.TS_A1 ?? A1;
  const A2Brugt = v.TS_A2 ?? A2;
  const A6Brugt = v.TS_A6 ?? A6;
  const brugtModel = A1Brugt === null ? null : forsoeg(() => efterregModelTal(A1Brugt, A2Brugt, A3, A6Brugt));
  return {
    efterregulering: {
      A1, A2, A3, A4: model?.A4 ?? null, A5: model?.A5 ?? null, A6, A7: model?.A7 ?? null,
      overheadGrundlag: og.overheadGrundlag, overhead: og.overhead, reguleringAarPlus2: model?.forventetRegulering ?? null,
    },
    omkostninger,
    brugt: { A1: A1Brugt, A2: A2Brugt, A6: A6Brugt, model: brugtModel },
  };
}
