import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { dialogSuite } from "./dialogSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("dialogue, versions and receipt numbers on PostgreSQL (issue 14)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  dialogSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
