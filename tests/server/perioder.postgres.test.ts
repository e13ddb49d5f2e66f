import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { perioderSuite } from "./perioderSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("the takst register's periods and in-year changes on PostgreSQL (issue 21)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  perioderSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
