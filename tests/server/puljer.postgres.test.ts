import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { puljerSuite } from "./puljerSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("the pool of hensatte overskud in the service on PostgreSQL (issue 22)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  puljerSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
