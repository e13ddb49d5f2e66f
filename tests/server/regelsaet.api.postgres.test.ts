import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { regelsaetSuite } from "./regelsaetSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("Rulesets API on PostgreSQL (a temporary cluster)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  regelsaetSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
