import { randomUUID } from "node:crypto";
import Fastify from "fastify";
import { aabnPglite, aabnPostgres } from "../../src/server/db";

/**
 * The limit the service is measured against (issue 15): the same Fastify and the same database
 * driver as takst-server, with nothing of ours in between. POST /bar answers at once; POST
 * /indsaet stores the parsed body in one INSERT (one transaction, committed before the answer).
 * Run as a child: `node -r tsx/cjs bench/graense/server.ts <port> <pglite-dir | postgres-url>`.
 */
async function main(): Promise<void> {
  const [port, hvor] = process.argv.slice(2) as [string, string];
  const db = hvor.startsWith("postgres") ? await aabnPostgres(hvor) : await aabnPglite(hvor);
  await db.exec("CREATE TABLE IF NOT EXISTS graense (id uuid PRIMARY KEY, payload jsonb NOT NULL, modtaget timestamptz NOT NULL)");
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
