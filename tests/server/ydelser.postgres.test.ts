import { aabnPostgres } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { type PgCluster, startPgCluster } from "./pgCluster";
import { ydelserSuite } from "./ydelserSuite";

medPostgres()("Ydelser on the service, PostgreSQL (a temporary cluster)", () => {
  const klynger: PgCluster[] = [];
  afterAll(async () => {
    for (const k of klynger) await k.stop();
  });
  ydelserSuite(async () => {
    const k = await startPgCluster();
    klynger.push(k);
    return aabnPostgres(k.databaseUrl);
  });
});
