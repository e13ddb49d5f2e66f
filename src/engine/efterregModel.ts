import { type Dec, type DecInput } from "./decimal";
import { endelig } from "./krav";

/** The Bilag 18 model (004:5187-5450), overskud positive. */
export interface EfterregModel {
  A1: Dec;
  A2: Dec;
  A3: Dec;
  A4: Dec;
  A5: Dec;
  A6: Dec;
  A7: Dec;
}

export const MODEL_LINJER = ["A1", "A2", "A3", "A4", "A5", "A6", "A7"] as const;

/**
 * A1 provenu, A2 afregningsgrundlag, A3 overførsel (merforbrug +, mindreforbrug -),
 * A6 genbevilget (mindreforbrug +, merforbrug -). A7 > 0 lowers the takst in year +2.
 */
export function efterregModel(provenu: DecInput, afregningsgrundlag: DecInput, overfoersel: DecInput, genbevilget: DecInput): EfterregModel {
  const A1 = endelig("provenu", provenu);
  const A2 = endelig("afregningsgrundlag", afregningsgrundlag);
  const A3 = endelig("overfoersel", overfoersel);
  const A6 = endelig("genbevilget", genbevilget);
  const A4 = A2.plus(A3);
  const A5 = A1.minus(A4);
  const A7 = A5.minus(A6);
  return { A1, A2, A3, A4, A5, A6, A7 };
}

/** A7 as a line in the takstgrundlag: positive A7 (too much charged) lowers the takst. */
export function reguleringFraModel(model: EfterregModel): Dec {
  return model.A7.neg();
}
