import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { type PgCluster, startPgCluster } from "./pgCluster";
import { takstudviklingSuite } from "./takstudviklingSuite";

medPostgres()("the takstudvikling report on the service, PostgreSQL (issue 21, acceptance 4)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  takstudviklingSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
