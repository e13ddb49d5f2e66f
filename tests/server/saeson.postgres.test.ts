import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { saesonSuite } from "./saesonSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("deadlines, the checked publication and the audit trail on PostgreSQL (issue 25)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  saesonSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
