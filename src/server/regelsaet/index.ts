import type { FastifyInstance } from "fastify";
import type { Db } from "../db";
import { hentUdgivet } from "./lager";
import type { ServerRegister } from "./register";
import { udgiv } from "./udgiv";

export { lavServerRegister, type ServerRegister } from "./register";
export { udgiv, type UdgivSvar } from "./udgiv";

export interface RegelsaetOptions {
  db: Db;
  register: ServerRegister;
  bodyLimit: number;
}

const resumeJson = {
  type: "object",
  properties: { id: { type: "string" }, navn: { type: "string" }, region: { type: "string" }, takstaar: { type: "integer" }, version: { type: "integer" } },
} as const;
const udgivelseJson = { type: "object", properties: { ...resumeJson.properties, sha256: { type: "string" }, udgivet: { type: "string" } } } as const;
const fundJson = { type: "object", properties: { sti: { type: "string" }, besked: { type: "string" } } } as const;
const afvistJson = { type: "object", properties: { fejl: { type: "string" }, fund: { type: "array", items: fundJson } } } as const;
const fejlJson = { type: "object", properties: { fejl: { type: "string" } } } as const;

/**
 * Rulesets the secretariat publishes (product.md §5): the list and one ruleset without a token
 * (the add-in reads them before it has one), publication with the secretariat's token.
 */
export async function regelsaetPlugin(app: FastifyInstance, o: RegelsaetOptions): Promise<void> {
  const { db, register } = o;

  app.get("/api/v1/regelsaet", { schema: { response: { 200: { type: "object", properties: { regelsaet: { type: "array", items: resumeJson } } } } } }, async (_req, reply) => {
    await register.opdater();
    reply.header("cache-control", "no-cache");
    return { regelsaet: register.alle().map(({ id, navn, region, takstaar, version }) => ({ id, navn, region, takstaar, version })) };
  });

  app.get(
    "/api/v1/regelsaet/:id",
    {
      schema: {
        params: { type: "object", properties: { id: { type: "string", maxLength: 40 } } },
        querystring: { type: "object", additionalProperties: false, properties: { version: { type: "integer", minimum: 1, maximum: 100000 } } },
      },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const { version } = req.query as { version?: number };
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
      config: { roller: ["sekretariat"] },
      schema: { response: { 200: udgivelseJson, 201: udgivelseJson, 409: fejlJson, 422: afvistJson } },
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
