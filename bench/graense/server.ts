import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { type Db, aabnPglite, aabnPostgres } from "../../src/server/db";

/**
 * The limit the service is measured against (issues 15 and 27): the same Fastify and the same
 * database driver as takst-server, with nothing of ours in between.
 *  - POST /bar answers at once;
 *  - POST /indsaet stores the parsed body with one INSERT per request (issue 15's limit, kept so
 *    the change of limit shows: the service groups, so this one is too weak a measure);
 *  - POST /gruppe stores the parsed body grouped as the service does (src/server/indberetninger/
 *    sql.ts viaSkriver): one writer per database; a request arriving while none is stored is one
 *    INSERT on its own, those queued during a write go together as one multi-row INSERT, one
 *    statement and so one transaction and one commit for all (at most 64, as the service).
 * Every answer is sent after its commit. Run as a child:
 * `node -r tsx/cjs bench/graense/server.ts <port> <pglite-dir | postgres-url>`.
 */
const MAKS_SAMLET = 64;

interface Ventende {
  payload: string;
  ok: (id: string) => void;
  nej: (e: unknown) => void;
}

/** `INSERT … VALUES ($1,$2,$3), …` for n rows; on PostgreSQL prepared once per n (as the service's GEM_SQL). */
function indsaetSql(n: number): string {
  const raekker: string[] = [];
  for (let i = 0; i < n; i++) raekker.push(`($${3 * i + 1}::uuid, $${3 * i + 2}::jsonb, $${3 * i + 3})`);
  return `INSERT INTO graense (id, payload, modtaget) VALUES ${raekker.join(", ")} RETURNING id::text AS id`;
}

function grupperet(db: Db): (payload: string) => Promise<string> {
  const ventende: Ventende[] = [];
  let skriver = false;
  const skriv = async () => {
    skriver = true;
    try {
      while (ventende.length > 0) {
        const gruppe = ventende.splice(0, MAKS_SAMLET);
        const nu = new Date();
        const params = gruppe.flatMap((g) => [randomUUID(), g.payload, nu]);
        try {
          const rows = await db.query<{ id: string }>(indsaetSql(gruppe.length), params, `graense_${gruppe.length}`);
          gruppe.forEach((g, i) => g.ok(rows[i]!.id));
        } catch (e) {
          for (const g of gruppe) g.nej(e);
        }
      }
    } finally {
      skriver = false;
    }
  };
  return (payload) =>
    new Promise<string>((ok, nej) => {
      ventende.push({ payload, ok, nej });
      if (!skriver) void skriv();
    });
}

async function main(): Promise<void> {
  const [port, hvor] = process.argv.slice(2) as [string, string];
  const db = hvor.startsWith("postgres") ? await aabnPostgres(hvor) : await aabnPglite(hvor);
  await db.exec("CREATE TABLE IF NOT EXISTS graense (id uuid PRIMARY KEY, payload jsonb NOT NULL, modtaget timestamptz NOT NULL)");
  const gem = grupperet(db);
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  app.post("/bar", async (_req, reply) => reply.code(201).send({ ok: true }));
  app.post("/indsaet", async (req, reply) => {
    const [r] = await db.query<{ id: string }>("INSERT INTO graense (id, payload, modtaget) VALUES ($1::uuid, $2::jsonb, $3) RETURNING id::text AS id", [
      randomUUID(),
      JSON.stringify(req.body),
      new Date(),
    ]);
    return reply.code(201).send({ id: r!.id });
  });
  app.post("/gruppe", async (req, reply) => reply.code(201).send({ id: await gem(JSON.stringify(req.body)) }));
  app.get("/klar", async () => ({ ok: true }));
  const luk = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void luk());
  await app.listen({ port: Number(port), host: "127.0.0.1" });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
