import { celleFor } from "./layout";
import { udloeberInden12Maaneder } from "./puljeUdloeb";
import { kr } from "./regel";
import type { Fund } from "./resultat";

/** A vintage as the pool (GET /api/v1/puljer) lists it: what TS210 reads. */
interface Aargang {
  vedroererAar: number;
  rest: number;
  udloeberUltimo: number;
}

/**
 * TS210 (warning, service): a vintage of the ledelsesområde's pool expires within 12 months; what is
 * not used by then goes into the takster of the year + `forsinkelseAar`. Shown in the receipt of a
 * regnskabsskema of that ledelsesområde (on TS_A6Pulje, where the pool is used) and on the pool page.
 */
export function ts210(ledelsesomraade: string, aargange: readonly Aargang[], forsinkelseAar: number, idag: Date): Fund[] {
  return aargange.filter((a) => udloeberInden12Maaneder(a, idag)).map((a) => ({
    code: "TS210",
    severity: "warning" as const,
    field: "TS_A6Pulje",
    cell: celleFor("TS_A6Pulje"),
    message: `Puljen for ${ledelsesomraade}: årgang ${a.vedroererAar} har ${kr(a.rest)} tilbage og udløber ultimo ${a.udloeberUltimo}. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne for ${a.udloeberUltimo + forsinkelseAar}.`,
  }));
}

/**
 * TS212 (warning, service): the budget skema's TS_ReguleringPulje differs from this tilbud's share of
 * what the pool gives the takster of the year (a whole krone; an empty field counts as 0).
 */
export function ts212(angivet: unknown, andel: number): Fund | null {
  const tal = typeof angivet === "number" && Number.isFinite(angivet) ? angivet : 0;
  // Whole kroner, half away from zero (as the pool counts).
  if (Math.sign(tal) * Math.round(Math.abs(tal)) === andel) return null;
  return {
    code: "TS212",
    severity: "warning",
    field: "TS_ReguleringPulje",
    cell: celleFor("TS_ReguleringPulje"),
    message: `Regulering fra puljen er oplyst som ${kr(tal)}, men tilbuddets andel af puljen til årets takster er ${kr(andel)}`,
  };
}
