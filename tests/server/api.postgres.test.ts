import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { apiSuite } from "./apiSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("API on PostgreSQL (a temporary cluster)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  apiSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
