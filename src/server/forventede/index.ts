import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import type { z } from "zod";
import { type Forventede, type OffentliggoerKontrol, fejlSchema, forventedeKropSchema, forventedeQuerySchema, forventedeSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db, Sql } from "../db";
import { regelsaetOpslag, type ServerRegister } from "../regelsaet";
import { lavForventede, lavKontrol } from "./beregning";
import { gemForventede, hentForventede, skemaerAfAaret } from "./sql";

export interface ForventedeOptions {
  db: Db;
  register: ServerRegister;
  /** The clock (tests fix it); now when absent. */
  nu?: () => Date;
}

/** The year's expected skemaer against the deadline, and what publishing it would leave out or publish unapproved. */
export async function forventedeOgKontrol(db: Sql, register: ServerRegister, takstaar: number, nu: Date): Promise<{ forventede: Forventede; kontrol: OffentliggoerKontrol }> {
  const [liste, skemaer] = [await hentForventede(db, takstaar), await skemaerAfAaret(db, takstaar)];
  const opslag = await regelsaetOpslag(db, register, skemaer.map((s) => ({ id: s.regelsaet_id, version: s.regelsaet_version })));
  const forventede = lavForventede(takstaar, liste, skemaer, opslag, register.alle().filter((r) => r.takstaar === takstaar), nu);
  return { forventede, kontrol: lavKontrol(forventede, skemaer) };
}

function ugyldig(reply: FastifyReply, e: z.ZodError): FastifyReply {
  const i = e.issues[0];
  const felt = i?.path.join(".") || "kroppen";
  return reply.code(400).send({ fejl: `Ugyldig forespørgsel: ${felt}: ${i?.message ?? "ugyldig"}. Giv ?takstaar=ÅÅÅÅ og en liste af {driftsherre, tilbud}.` });
}

/**
 * Expected skemaer and deadlines (product.md §5.4): GET /api/v1/forventede?takstaar= (the list,
 * kept or last year's, and every skema: missing, late, days to the deadline) and PUT with the
 * whole list (secretariat only).
 */
async function forventede(fastify: FastifyInstance, o: ForventedeOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db, register } = o;
  const nu = o.nu ?? (() => new Date());
  const fejl = json(fejlSchema);
  const config = { roller: ["sekretariat"] as const, beskrevet: { querystring: json(forventedeQuerySchema) } };

  app.get("/api/v1/forventede", { config, schema: { response: { 200: json(forventedeSchema), 400: fejl, 401: fejl, 403: fejl } } }, async (req, reply) => {
    const q = forventedeQuerySchema.safeParse(req.query);
    if (!q.success) return ugyldig(reply, q.error);
    reply.header("cache-control", "no-store");
    return (await forventedeOgKontrol(db, register, q.data.takstaar, nu())).forventede;
  });

  app.put(
    "/api/v1/forventede",
    { config: { ...config, beskrevet: { ...config.beskrevet, body: json(forventedeKropSchema) } }, schema: { response: { 200: json(forventedeSchema), 400: fejl, 401: fejl, 403: fejl } } },
    async (req, reply) => {
      const q = forventedeQuerySchema.safeParse(req.query);
      if (!q.success) return ugyldig(reply, q.error);
      const k = forventedeKropSchema.safeParse(req.body);
      if (!k.success) return ugyldig(reply, k.error);
      await gemForventede(db, q.data.takstaar, k.data.forventede, req.bruger!.tokenId);
      req.log.info({ takstaar: q.data.takstaar, antal: k.data.forventede.length, tokenId: req.bruger!.tokenId }, "forventede indberetninger gemt");
      reply.header("cache-control", "no-store");
      return (await forventedeOgKontrol(db, register, q.data.takstaar, nu())).forventede;
    },
  );
}

export const forventedePlugin = fp(forventede, { name: "takst-forventede", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
