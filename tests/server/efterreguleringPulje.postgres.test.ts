import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { efterreguleringPuljeSuite } from "./efterreguleringPuljeSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("acceptance 2 with the pool: regnskab to the takster of year + 2 on PostgreSQL (issue 22)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  efterreguleringPuljeSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
