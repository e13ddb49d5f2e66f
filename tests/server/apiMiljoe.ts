import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import type { Db } from "../../src/server/db";

type AppValg = Omit<Parameters<typeof buildApp>[0], "db">;

/**
 * The shared set-up of the API suites (run on PGlite and PostgreSQL): open the database, build the
 * app without static files, make the suite's tokens, close both afterwards, and start every test
 * with no submissions unless `tomHverTest` is false (suites whose tests read one shared set-up), or
 * with the tables it names emptied in that order.
 * `saet` hands the three to the suite's own variables.
 */
export function apiMiljoe<T>(
  aabn: () => Promise<Db>,
  tokens: (db: Db) => Promise<T>,
  saet: (m: { db: Db; app: FastifyInstance; t: T }) => void,
  valg: AppValg = { statiskMappe: null },
  tomHverTest: boolean | readonly string[] = true,
): void {
  const tomme = tomHverTest === true ? ["indberetninger"] : tomHverTest || [];
  let db: Db | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    db = await aabn();
    app = await buildApp({ db, ...valg });
    saet({ db, app, t: await tokens(db) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  beforeEach(async () => {
    for (const tabel of tomme) await db!.query(`DELETE FROM ${tabel}`);
  });
}
