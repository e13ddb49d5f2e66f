import type { Db } from "../db";
import { opgoerPulje } from "./opgoer";
import { tilbuddetsOmraader } from "./sql";

/**
 * This tilbud's share of what its ledelsesområde's pool gives the takster of `takstaar`
 * (TS_ReguleringPulje, negative: a reduction; 0 when nothing). The ledelsesområde is read from the
 * tilbud's regnskaber before `takstaar` (a tilbud that moved has a share from each pool it was in);
 * the share is the one the pool's own spread gives it (GET /api/v1/puljer's fordeling).
 */
export async function puljeAndel(db: Db, driftsherre: string, tilbud: string, takstaar: number): Promise<number> {
  let andel = 0;
  for (const omraade of await tilbuddetsOmraader(db, driftsherre, tilbud, takstaar)) {
    const pulje = await opgoerPulje(db, driftsherre, omraade);
    for (const t of pulje.tilTakst) {
      if (t.takstaar !== takstaar) continue;
      for (const f of t.fordeling) if (f.tilbud === tilbud) andel += f.beloeb;
    }
  }
  return andel;
}
