import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, revisionssporQuerySchema, revisionssporSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db } from "../db";
import { hentRevisionsspor } from "./sql";

export { hvemAfBruger, registrer, registrerForIndberetning } from "./sql";

/**
 * GET /api/v1/revisionsspor?takstaar=&driftsherre= (secretariat): the append-only audit trail.
 * There is deliberately no route that changes or removes an entry.
 */
async function revisionsspor(fastify: FastifyInstance, o: { db: Db }): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const fejl = json(fejlSchema);
  app.get(
    "/api/v1/revisionsspor",
    { config: { roller: ["sekretariat"], beskrevet: { querystring: json(revisionssporQuerySchema) } }, schema: { response: { 200: json(revisionssporSchema), 400: fejl, 401: fejl, 403: fejl } } },
    async (req, reply) => {
      const q = revisionssporQuerySchema.safeParse(req.query);
      if (!q.success) return reply.code(400).send({ fejl: `Ugyldig forespørgsel: ${q.error.issues[0]?.path.join(".") || "forespørgslen"}: giv evt. ?takstaar=ÅÅÅÅ og ?driftsherre=navn.` });
      reply.header("cache-control", "no-store");
      return { poster: await hentRevisionsspor(o.db, q.data) };
    },
  );
}

export const revisionssporPlugin = fp(revisionsspor, { name: "takst-revisionsspor", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
