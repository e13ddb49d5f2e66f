import { aabnPostgres, type Db } from "../../src/server/db";
import { medPostgres } from "../helpers/miljoe";
import { type PgCluster, startPgCluster } from "./pgCluster";

/**
 * A database suite (the same one its .pglite test runs) on PostgreSQL, skipped or required like
 * every PostgreSQL test. Each database the suite opens is a new temporary cluster, and every one
 * of them is stopped after the suite, not only the last.
 */
export function paaPostgres(navn: string, suite: (aabn: () => Promise<Db>) => void): void {
  medPostgres()(navn, () => {
    const klynger: PgCluster[] = [];
    afterAll(async () => {
      for (const k of klynger) await k.stop();
    });
    suite(async () => {
      const k = await startPgCluster();
      klynger.push(k);
      return aabnPostgres(k.databaseUrl);
    });
  });
}
