import type { Db } from "../db";

/**
 * This tilbud's share of what its ledelsesområde's pool gives the takster of `takstaar`
 * (TS_ReguleringPulje, negative: a reduction). Placeholder with a fixed signature while the pool
 * is built on its own branch; /api/v1/efterregulering calls it.
 */
export async function puljeAndel(_db: Db, _driftsherre: string, _tilbud: string, _takstaar: number): Promise<number> {
  return 0;
}
