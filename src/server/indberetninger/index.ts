import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import {
  afvistSchema, fejlSchema, helbredSchema, idParamsSchema, indberetningDetaljeSchema, indberetningListeSchema, indberetningQuerySchema, modtagetSchema,
  sidsteAarQuerySchema, sidsteAarSchema, takstaarQuerySchema,
} from "../../kontrakt";
import { takstskemaJsonSchema } from "../../takstskema";
import { afvisToken, tokenStadigGyldigt } from "../auth";
import { type RegelsaetOptions, regelsaetOpslag } from "../regelsaet";
import { hentDialog } from "../dialog/sql";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Kvitteringskontrol } from "../kvitteringer";
import type { Udbakke } from "../udbakke";
import { DATABASE_SVARER_IKKE, medFrist } from "../dbTilgaengelighed";
import { eksportRaekker, somCsv, somXlsx } from "./eksport";
import { type ServiceRegister, modtag } from "./modtag";
import { hentSidsteAars, sidsteAarsDriftsherre } from "./sidsteAar";
import { aktuelleTakster, hentIndberetning, listIndberetninger } from "./sql";

/**
 * As the rulesets' routes get them (app.ts), with the register as receiving uses it and, when the
 * service keeps its receipts apart from the database, their check (src/server/kvitteringer).
 */
export type IndberetningerOptions = Omit<RegelsaetOptions, "register"> & { register: ServiceRegister; kvitteringer?: Kvitteringskontrol; udbakke?: Udbakke };

const fejl = json(fejlSchema);
/** /health's own limit on the database probe (the answer must come within 2 s). */
const HELBRED_MS = 1000;
const takstaarQuery = json(takstaarQuerySchema);
const modtaget = json(modtagetSchema);
// The error handler's refusals (app.ts) and the roles' (auth.ts), as every route may give them.
const afvisninger = { 400: fejl, 401: fejl, 403: fejl };

/** The submissions of product.md §5 under /api/v1: receive, list, read, last year's, export. */
async function indberetninger(fastify: FastifyInstance, o: IndberetningerOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;

  // Answers within 2 s whatever the database does: the probe has its own short limit.
  app.get("/api/v1/health", { schema: { response: { 200: json(helbredSchema), 503: json(helbredSchema) } } }, async (_req, reply) => {
    const database = await medFrist(db.query("SELECT 1"), HELBRED_MS, "databasen svarede ikke på helbredstjekket").then(
      () => ({ status: "ok" as const }),
      () => ({ status: "fejl" as const, besked: DATABASE_SVARER_IKKE }),
    );
    reply.header("cache-control", "no-store");
    if (database.status === "fejl") return reply.code(503).send({ status: "fejl", database: db.art, dele: { database } });
    // The receipts' count has the same limit; past it, the last count stands.
    const k = o.kvitteringer;
    const kvitteringer = k ? await medFrist(k.helbred(), HELBRED_MS, "kvitteringstællingen svarede ikke").catch(() => k.status()) : undefined;
    const status = kvitteringer?.status === "fejl" ? "fejl" : "ok";
    return reply.code(status === "ok" ? 200 : 503).send({ status, database: db.art, dele: { database }, ...(kvitteringer ? { kvitteringer } : {}) });
  });

  app.post(
    "/api/v1/indberetninger",
    {
      bodyLimit: o.bodyLimit,
      config: { roller: ["kommune"], tilbagekaldelseIRuten: true, beskrevet: { body: json(takstskemaJsonSchema) } },
      schema: { response: { 200: modtaget, 201: modtaget, ...afvisninger, 413: fejl, 415: fejl, 422: json(afvistSchema), 503: fejl } },
    },
    async (req, reply) => {
      // Submissions the service receipted are missing: nothing new is taken in until restored.
      const spaerret = o.kvitteringer?.spaerret();
      if (spaerret) return reply.code(503).send({ fejl: spaerret });
      const svar = await modtag(req.body, { db, register: o.register, bruger: req.bruger!, tokenGyldigt: () => tokenStadigGyldigt(db, req), nu: new Date(), udbakke: o.udbakke });
      if (svar.kode === 401) return afvisToken(reply);
      if (svar.kode === 200 || svar.kode === 201) {
        // Answered only once the receipt is also on disk apart from the database (a repeat too: its first answer may have been lost).
        const { id, nummer, sha256 } = svar.krop;
        if (o.kvitteringer && !(await o.kvitteringer.kvitter([{ art: "kvittering", id, nummer, sha256 }]).then(() => true, () => false))) {
          return reply.code(503).send({ fejl: "Indberetningen er gemt, men kvitteringen kunne ikke skrives. Send den igen: den samme indberetning gemmes ikke to gange." });
        }
        req.log.info({ indberetning: svar.krop.id, tokenId: req.bruger!.tokenId, ny: svar.kode === 201 }, svar.kode === 201 ? "indberetning modtaget" : "indberetning gentaget");
      }
      return reply.code(svar.kode).send(svar.krop);
    },
  );

  app.get(
    "/api/v1/indberetninger",
    { config: { roller: ["kommune", "sekretariat"] }, schema: { querystring: json(indberetningQuerySchema), response: { 200: json(indberetningListeSchema), ...afvisninger } } },
    async (req) => {
      const q = req.query;
      const driftsherre = req.bruger!.rolle === "sekretariat" ? null : req.bruger!.driftsherre;
      return { indberetninger: await listIndberetninger(db, { driftsherre, takstaar: q.takstaar, kunAktuelle: q.aktuelle }) };
    },
  );

  // Last year's takst per ydelse, for the pane to offer and to start this year's skema from
  // (a municipality's own tilbud; the secretariat names the driftsherre).
  app.get(
    "/api/v1/indberetninger/sidste-aar",
    { config: { roller: ["kommune", "sekretariat"] }, schema: { querystring: json(sidsteAarQuerySchema), response: { 200: json(sidsteAarSchema), ...afvisninger, 404: fejl } } },
    async (req, reply) => {
      const q = req.query;
      const driftsherre = sidsteAarsDriftsherre(req.bruger!, q.driftsherre);
      if (!driftsherre.ok) return reply.code(driftsherre.kode).send({ fejl: driftsherre.fejl });
      const s = await hentSidsteAars(db, driftsherre.navn, q.tilbud.trim(), q.takstaar - 1);
      reply.header("cache-control", "no-store");
      if (!s || s.ydelser.length === 0) return reply.code(404).send({ fejl: `Ingen aktuel indberetning af ${q.tilbud.trim()} for ${q.takstaar - 1}.` });
      return { takstaar: s.takstaar, id: s.id, nummer: s.nummer, version: s.version, ydelser: s.ydelser.map((y) => ({ navn: y.navn, takst: y.takst })) };
    },
  );

  app.get(
    "/api/v1/indberetninger/:id",
    { config: { roller: ["kommune", "sekretariat"] }, schema: { params: json(idParamsSchema), response: { 200: json(indberetningDetaljeSchema), ...afvisninger, 404: fejl } } },
    async (req, reply) => {
      const driftsherre = req.bruger!.rolle === "sekretariat" ? null : req.bruger!.driftsherre;
      // Another municipality's submission is "not found": its existence is not revealed.
      const i = await hentIndberetning(db, req.params.id, driftsherre);
      if (!i) return reply.code(404).send({ fejl: "Indberetningen findes ikke." });
      return { ...i, dialog: await hentDialog(db, i.id) };
    },
  );

  const raekker = async (takstaar: number | undefined) => {
    const takster = await aktuelleTakster(db, takstaar);
    return eksportRaekker(takster, await regelsaetOpslag(db, o.register, takster.map((t) => ({ id: t.regelsaetId, version: t.regelsaetVersion }))));
  };
  const filnavn = (takstaar: number | undefined, endelse: string) => `attachment; filename="takster${takstaar ? "-" + takstaar : ""}.${endelse}"`;
  const eksport = { config: { roller: ["sekretariat"] as const }, schema: { querystring: takstaarQuery } };

  app.get("/api/v1/eksport/takster.csv", eksport, async (req, reply) => {
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", filnavn(req.query.takstaar, "csv"));
    return somCsv(await raekker(req.query.takstaar));
  });

  app.get("/api/v1/eksport/takster.xlsx", eksport, async (req, reply) => {
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", filnavn(req.query.takstaar, "xlsx"));
    return reply.send(await somXlsx(await raekker(req.query.takstaar)));
  });
}

export const indberetningerPlugin = fp(indberetninger, { name: "takst-indberetninger", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
