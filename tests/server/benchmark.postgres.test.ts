import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { benchmarkSuite } from "./benchmarkSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("comparable tilbud side by side (GET /api/v1/benchmark) on PostgreSQL (issue 24)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  benchmarkSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
