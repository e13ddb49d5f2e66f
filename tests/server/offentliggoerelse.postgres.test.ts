import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { offentliggoerelseSuite } from "./offentliggoerelseSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("publication and the public takstoversigt on PostgreSQL (issue 14)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  offentliggoerelseSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
