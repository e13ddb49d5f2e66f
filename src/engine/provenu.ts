import { type Dec, type DecInput, D, rund } from "./decimal";
import { endelig, ikkeNegativ } from "./krav";

/** One row of the regnskab's Ydelser table: a ydelse in one takst period. */
export interface ProvenuRaekke {
  dage: DecInput;
  takst: DecInput;
}

/**
 * A1 of Bilag 18 on the accounts: "antallet af belægningsdage gange med den takst, der er
 * opkrævet" (004:5205-5207), summed over ydelser and takst periods and rounded once, half away
 * from zero, to whole kroner (the workbook's ROUND(SUMPRODUCT(dage, takst), 0)).
 */
export function provenu(raekker: readonly ProvenuRaekke[]): Dec {
  let s: Dec = new D(0);
  raekker.forEach((r, i) => {
    s = s.plus(ikkeNegativ(`dage (række ${i + 1})`, r.dage).times(endelig(`takst (række ${i + 1})`, r.takst)));
  });
  return rund(s);
}
