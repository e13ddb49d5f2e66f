import { type Dec, type DecInput, dec, rund } from "./decimal";
import { EngineError } from "./fejl";
import { endelig, iInterval, positiv } from "./krav";

/**
 * The p-quantile by the inclusive method, as Excel's KVARTIL.MEDTAG / QUARTILE.INC and
 * PERCENTILE.INC: sort, position h = (n − 1) · p from 0, and interpolate linearly between the
 * values at ⌊h⌋ and ⌈h⌉. Exact (decimal.js); an empty list has no quantile.
 */
export function kvantil(vaerdier: readonly DecInput[], p: DecInput): Dec {
  if (vaerdier.length === 0) throw new EngineError({ code: "EMPTY", argument: "vaerdier" });
  const andel = iInterval("p", p, 0, 1, true, true);
  const x = vaerdier.map((v, i) => endelig(`vaerdier ${i + 1}`, v)).sort((a, b) => a.comparedTo(b));
  const h = andel.times(x.length - 1);
  const k = h.floor().toNumber();
  const broek = h.minus(k);
  const nedre = x[k]!;
  return broek.isZero() ? nedre : nedre.plus(x[k + 1]!.minus(nedre).times(broek));
}

/** Median, first and third quartile (inclusive), min and max of a group. */
export interface Fordeling {
  median: Dec;
  kvartil1: Dec;
  kvartil3: Dec;
  min: Dec;
  max: Dec;
}

export function fordeling(vaerdier: readonly DecInput[]): Fordeling {
  return {
    median: kvantil(vaerdier, "0.5"),
    kvartil1: kvantil(vaerdier, "0.25"),
    kvartil3: kvantil(vaerdier, "0.75"),
    min: kvantil(vaerdier, 0),
    max: kvantil(vaerdier, 1),
  };
}

/** Index = own / median × 100 with one decimal, half away from zero. */
export function indeks(egen: DecInput, median: DecInput): Dec {
  return rund(endelig("egen", egen).div(positiv("median", median)).times(100), 1);
}

export type Placering = "under_kvartil1" | "mellem_kvartilerne" | "over_kvartil3";

/** Below Q1, above Q3, or between them (a value on a quartile is between). */
export function placering(egen: DecInput, kvartil1: DecInput, kvartil3: DecInput): Placering {
  const x = dec(egen);
  if (x.lt(kvartil1)) return "under_kvartil1";
  if (x.gt(kvartil3)) return "over_kvartil3";
  return "mellem_kvartilerne";
}
