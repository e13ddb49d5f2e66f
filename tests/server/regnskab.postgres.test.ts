import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { regnskabSuite } from "./regnskabSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("regnskabsskemaer and GET /api/v1/efterregulering on PostgreSQL (issue 22)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  regnskabSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
