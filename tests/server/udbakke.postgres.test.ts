import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { udbakkeSuite } from "./udbakkeSuite";
import { type PgCluster, startPgCluster } from "./pgCluster";

medPostgres()("e-mail through the outbox on PostgreSQL (issue 25)", () => {
  let klynge: PgCluster | undefined;
  afterAll(async () => klynge?.stop());
  // Every call opens the same database (the restart test and the second server).
  const aabn = async () => aabnPostgres((klynge ??= await startPgCluster()).databaseUrl);
  udbakkeSuite(aabn, aabn);
});
