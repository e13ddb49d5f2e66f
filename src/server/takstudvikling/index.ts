import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, type TakstudviklingRapport, takstudviklingQuerySchema, takstudviklingRapportSchema } from "../../kontrakt";
import type { SkifteligtRegister } from "../../regelsaet/delt";
import { afvisToken } from "../auth";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db } from "../db";
import { CSP as OFFENTLIG_CSP } from "../offentliggoerelse";
import { hentOffentliggoerelse } from "../offentliggoerelse/sql";
import { findBruger } from "../tokens";
import { lavRapport, plForAar } from "./rapport";
import { takstudviklingSide } from "./side";
import { rapportNiveauer } from "./sql";
import { takstudviklingXlsx } from "./xlsx";

export interface TakstudviklingOptions {
  db: Db;
  register: Pick<SkifteligtRegister, "find" | "alle">;
}

/** The public page's CSP: as the takstoversigt's, with its one form sent to itself. */
const CSP = OFFENTLIG_CSP.replace("form-action 'none'", "form-action 'self'");

type Svar = { rapport: TakstudviklingRapport } | { kode: 400 | 401 | 403 | 404; fejl: string };

/**
 * The takstudvikling report (product.md §5.1; domain-season.md §B3): GET
 * /api/v1/takstudvikling?fra=B&til=T as JSON and .xlsx, and the page /takstudvikling. The
 * secretariat's token sees it at any time; once T is published it is public.
 */
async function takstudvikling(fastify: FastifyInstance, o: TakstudviklingOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db, register } = o;

  async function rapport(req: FastifyRequest, medToken: boolean): Promise<Svar> {
    const q = takstudviklingQuerySchema.safeParse(req.query);
    if (!q.success) return { kode: 400, fejl: "Ugyldig forespørgsel: fra og til skal være takstår (1900-2200), og til skal være senere end fra." };
    const { fra, til } = q.data;
    if (!(await hentOffentliggoerelse(db, til))) {
      const bruger = medToken ? await findBruger(db, req.headers.authorization) : null;
      if (!bruger) return { kode: medToken ? 401 : 404, fejl: `Rapporten er offentlig, når taksterne for ${til} er offentliggjort; indtil da kan sekretariatet hente den med sit token.` };
      if (bruger.rolle !== "sekretariat") return { kode: 403, fejl: "Kun sekretariatet har adgang før offentliggørelsen." };
    }
    const niveauer = await rapportNiveauer(db, fra, til);
    return { rapport: lavRapport(fra, til, niveauer, plForAar(register, niveauer.regelsaetTil, fra, til)) };
  }

  const afvis = (reply: FastifyReply, s: Exclude<Svar, { rapport: unknown }>) => (s.kode === 401 ? afvisToken(reply) : reply.code(s.kode).send({ fejl: s.fejl }));
  // No `roller`: the route is public for a published T; before that the handler asks for the secretariat's token.
  const beskrevet = { beskrevet: { querystring: json(takstudviklingQuerySchema) } };
  const fejl = json(fejlSchema);
  const sikkerhed = [{}, { token: [] }];

  app.get("/api/v1/takstudvikling", { config: beskrevet, schema: { security: sikkerhed, response: { 200: json(takstudviklingRapportSchema), 400: fejl, 401: fejl, 403: fejl, 404: fejl } } as object }, async (req, reply) => {
    const s = await rapport(req, true);
    reply.header("cache-control", "no-store");
    return "rapport" in s ? s.rapport : afvis(reply, s);
  });

  app.get("/api/v1/takstudvikling.xlsx", { config: beskrevet, schema: { security: sikkerhed } as object }, async (req, reply) => {
    const s = await rapport(req, true);
    reply.header("cache-control", "no-store");
    if (!("rapport" in s)) return afvis(reply, s);
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", `attachment; filename="takstudvikling-${s.rapport.fra}-${s.rapport.til}.xlsx"`);
    return reply.send(await takstudviklingXlsx(s.rapport));
  });

  // The page has no script and so no token: it shows published years only.
  app.get("/takstudvikling", { config: { ...beskrevet, offentlig: true } }, async (req, reply) => {
    reply.header("content-security-policy", CSP);
    reply.header("x-frame-options", "DENY");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cache-control", "no-cache");
    reply.header("content-type", "text/html; charset=utf-8");
    const q = req.query as Record<string, unknown>;
    const aar = (v: unknown) => (typeof v === "string" && /^\d{4}$/.test(v) ? Number(v) : null);
    const valgt = { fra: aar(q.fra), til: aar(q.til) };
    if (q.fra === undefined && q.til === undefined) return takstudviklingSide(null, valgt, "Vælg de to takstår, der skal sammenlignes. Rapporten vises, når taksterne for til-året er offentliggjort.");
    const s = await rapport(req, false);
    if ("rapport" in s) return takstudviklingSide(s.rapport, valgt);
    reply.code(s.kode);
    return takstudviklingSide(null, valgt, s.fejl);
  });
}

export const takstudviklingPlugin = fp(takstudvikling, { name: "takst-takstudvikling", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
