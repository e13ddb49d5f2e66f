import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { plSatsSuite } from "./plSatsSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("one PL per year through the service on PostgreSQL (issue 21)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  plSatsSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
