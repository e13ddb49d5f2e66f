import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { grupperingSuite } from "./grupperingSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("the grouping fields on the service, PostgreSQL (issue 21)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  grupperingSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
