import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { type PgCluster, startPgCluster } from "../server/pgCluster";
import { oversigtSuite } from "./oversigtSuite";

medPostgres()("secretariat overview API on PostgreSQL (a temporary cluster)", () => {
  let cluster: PgCluster | undefined;
  afterAll(async () => {
    await cluster?.stop();
  });
  oversigtSuite(async () => {
    cluster = await startPgCluster();
    return aabnPostgres(cluster.databaseUrl);
  });
});
