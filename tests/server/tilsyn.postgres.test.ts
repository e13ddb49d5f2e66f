import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { tilsynSuite } from "./tilsynSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("the socialtilsyn's year on PostgreSQL (issue 23)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  tilsynSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
