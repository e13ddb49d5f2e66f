import { type Fund, skematypeAf, ts210, ts212 } from "../../takstskema";
import type { Db } from "../db";
import { puljeAndel } from "./andel";
import { PuljeFejl } from "./beregning";
import { puljeMedParametre } from "./opgoer";

/** TS212 for a budget skema: its TS_ReguleringPulje against the tilbud's share of the pool (puljeAndel). */
export async function ts212Fund(db: Db, driftsherre: string, tilbud: string, takstaar: number, vaerdier: Readonly<Record<string, unknown>>): Promise<Fund[]> {
  try {
    const f = ts212(vaerdier.TS_ReguleringPulje, await puljeAndel(db, driftsherre, tilbud, takstaar));
    return f ? [f] : [];
  } catch (e) {
    // A pool that cannot be computed (the pool page says why, 409) checks nothing: the skema is received.
    if (e instanceof PuljeFejl) return [];
    throw e;
  }
}

/** TS210 for a regnskabsskema: the vintages of its ledelsesområde's pool that expire within 12 months of `idag`. */
export async function ts210Fund(db: Db, driftsherre: string, tilbud: string, vaerdier: Readonly<Record<string, unknown>>, idag: Date): Promise<Fund[]> {
  const navn = typeof vaerdier.TS_Ledelsesomraade === "string" && vaerdier.TS_Ledelsesomraade.trim() ? vaerdier.TS_Ledelsesomraade.trim() : tilbud;
  try {
    const { pulje, parametre } = await puljeMedParametre(db, driftsherre, navn);
    return ts210(pulje.ledelsesomraade, pulje.aargange, parametre.forsinkelseAar, idag);
  } catch (e) {
    if (e instanceof PuljeFejl) return [];
    throw e;
  }
}

const udfyldt = (v: unknown) => v !== undefined && v !== null && v !== "";

/**
 * The pool's findings in a submission's receipt: TS210 for a regnskabsskema (its ledelsesområde's
 * vintages), TS212 for a budget skema that states its efterregulering (TS_Regulering or
 * TS_ReguleringPulje filled). A budget skema with neither costs no query: the pool would be a
 * read of its own per submission, outside the batched store, on the deadline week's hot path.
 */
export async function puljeFund(db: Db, driftsherre: string, tilbud: string, takstaar: number, vaerdier: Readonly<Record<string, unknown>>, idag: Date): Promise<Fund[]> {
  if (skematypeAf(vaerdier) === "regnskab") return ts210Fund(db, driftsherre, tilbud, vaerdier, idag);
  if (!udfyldt(vaerdier.TS_Regulering) && !udfyldt(vaerdier.TS_ReguleringPulje)) return [];
  return ts212Fund(db, driftsherre, tilbud, takstaar, vaerdier);
}
