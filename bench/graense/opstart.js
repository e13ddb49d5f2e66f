// The limit `takst-server start` is measured against (issue 27, bench/opstart.bench.ts): the same
// Fastify and PGlite opening the same data folder, one route, nothing of ours. Plain JavaScript
// run by node, as bin/takst-server.js runs the compiled service.
// `node bench/graense/opstart.js <port> <pglite-folder>`
const Fastify = require("fastify");
const { PGlite } = require("@electric-sql/pglite");

async function main() {
  const [port, mappe] = process.argv.slice(2);
  const db = await PGlite.create(mappe);
  const app = Fastify({ logger: false });
  app.get("/api/v1/health", async () => ({ ok: (await db.query("SELECT 1 AS ok")).rows.length === 1 }));
  process.on("SIGTERM", () => {
    void app
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
  await app.listen({ port: Number(port), host: "127.0.0.1" });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
