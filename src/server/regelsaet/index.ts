import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, regelsaetAfvistSchema, regelsaetListeSchema, regelsaetParamsSchema, regelsaetQuerySchema, regelsaetUdgivelseSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import { regelsaetSchema } from "../../regelsaet/schema";
import type { Db } from "../db";
import { hentUdgivet } from "./lager";
import type { ServerRegister } from "./register";
import { udgiv } from "./udgiv";

export { INTET_OPSLAG, type RegelsaetOpslag, regelsaetOpslag } from "./opslag";
export { lavServerRegister, type ServerRegister } from "./register";
export { udgiv, type UdgivSvar } from "./udgiv";

export interface RegelsaetOptions {
  db: Db;
  register: ServerRegister;
  bodyLimit: number;
}

const fejl = json(fejlSchema);
const udgivelse = json(regelsaetUdgivelseSchema);

/**
 * Rulesets the secretariat publishes (product.md §5): the list and one ruleset without a token
 * (the add-in reads them before it has one), publication with the secretariat's token.
 */
async function regelsaet(fastify: FastifyInstance, o: RegelsaetOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db, register } = o;

  app.get("/api/v1/regelsaet", { schema: { response: { 200: json(regelsaetListeSchema) } } }, async (_req, reply) => {
    await register.opdater();
    reply.header("cache-control", "no-cache");
    return { regelsaet: register.alle().map(({ id, navn, region, takstaar, version }) => ({ id, navn, region, takstaar, version })) };
  });

  app.get(
    "/api/v1/regelsaet/:id",
    {
      schema: { params: json(regelsaetParamsSchema), querystring: json(regelsaetQuerySchema), response: { 200: json(regelsaetSchema), 400: fejl, 404: fejl } },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { version } = req.query;
      await register.opdater();
      reply.header("cache-control", "no-cache");
      const nyeste = register.find(id);
      if (version === undefined || nyeste?.version === version) {
        if (!nyeste) return reply.code(404).send({ fejl: `Regelsættet ${id} findes ikke. Kendte: ${register.ids().join(", ")}.` });
        return nyeste;
      }
      const udgivet = await hentUdgivet(db, id.trim().toUpperCase(), version);
      const fundet = udgivet ?? register.indbyggede.find((r) => r.id === id.trim().toUpperCase() && r.version === version);
      if (!fundet) return reply.code(404).send({ fejl: `Regelsættet ${id} version ${version} findes ikke.` });
      return fundet;
    },
  );

  app.post(
    "/api/v1/regelsaet",
    {
      bodyLimit: o.bodyLimit,
      config: { roller: ["sekretariat"], beskrevet: { body: json(regelsaetSchema) } },
      schema: { response: { 200: udgivelse, 201: udgivelse, 400: fejl, 401: fejl, 403: fejl, 409: fejl, 413: fejl, 415: fejl, 422: json(regelsaetAfvistSchema) } },
    },
    async (req, reply) => {
      const u = await udgiv(db, register.indbyggede, req.body, req.bruger?.tokenId ?? null);
      if (u.status === 422) return reply.code(422).send({ fejl: u.fejl, fund: u.fund });
      if (u.status === 409) return reply.code(409).send({ fejl: u.fejl });
      await register.opdater();
      req.log.info({ regelsaet: u.udgivelse.id, version: u.udgivelse.version, ny: u.status === 201 }, u.status === 201 ? "regelsæt udgivet" : "regelsæt allerede udgivet");
      return reply.code(u.status).send(u.udgivelse);
    },
  );
}

export const regelsaetPlugin = fp(regelsaet, { name: "takst-regelsaet", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
