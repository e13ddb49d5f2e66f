import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";
import { dialogPostSchema, dialogStatusSvarSchema, fejlSchema, idParamsSchema, sagsstatusSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db } from "../db";
import { type Udbakke, INGEN_MAIL } from "../udbakke";
import { kanSkifte } from "./overgange";
import { hvemAfBruger, registrerForIndberetning } from "../revisionsspor/sql";
import { findMaal, saetStatus, tilfoejPost } from "./sql";

export interface DialogOptions {
  db: Db;
  /** The mails a post causes (udbakke/); none when absent. */
  udbakke?: Udbakke;
}

// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const UGYLDIGE_TEGN = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAKS = 4000;
const tekst = z
  .string()
  .max(MAKS, `Højst ${MAKS} tegn.`)
  .refine((s) => !UGYLDIGE_TEGN.test(s), "Teksten indeholder et ugyldigt tegn.")
  .transform((s) => s.trim());

const statusKrop = z.object({ status: sagsstatusSchema, bemaerkning: tekst.optional() }).strict();
const bemaerkningKrop = z.object({ tekst }).strict();

const idParams = json(idParamsSchema);
const fejl = json(fejlSchema);
const afvisninger = { 400: fejl, 401: fejl, 403: fejl, 404: fejl, 413: fejl, 415: fejl };

function ugyldig(reply: FastifyReply, e: z.ZodError): FastifyReply {
  const i = e.issues[0];
  const felt = i?.path.join(".") || "kroppen";
  return reply.code(400).send({ fejl: `Ugyldig forespørgsel: ${felt}: ${i?.message ?? "ugyldig"}` });
}

const IKKE_FUNDET = { fejl: "Indberetningen findes ikke." };

/**
 * Dialogue on a submission (product.md §5): POST /api/v1/indberetninger/:id/status
 * {status, bemaerkning} and POST /api/v1/indberetninger/:id/bemaerkninger {tekst}. A
 * municipality acts on its own submissions only (another's is "not found", as on GET).
 */
async function dialog(fastify: FastifyInstance, o: DialogOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;
  const udbakke = o.udbakke ?? INGEN_MAIL;

  const status = { config: { roller: ["kommune", "sekretariat"] as const, beskrevet: { body: json(statusKrop) } }, schema: { params: idParams, response: { 200: json(dialogStatusSvarSchema), ...afvisninger, 409: fejl } } };
  app.post("/api/v1/indberetninger/:id/status", status, async (req, reply) => {
    const p = statusKrop.safeParse(req.body);
    if (!p.success) return ugyldig(reply, p.error);
    const bruger = req.bruger!;
    const { id } = req.params;
    const bemaerkning = p.data.bemaerkning ?? "";
    const svar = await db.transaction(async (tx) => {
      const maal = await findMaal(tx, id, bruger.rolle === "kommune" ? bruger.driftsherre : null, true);
      if (!maal) return { kode: 404, krop: IKKE_FUNDET } as const;
      const nej = kanSkifte(bruger.rolle, maal.status, p.data.status, maal.erAktuel, bemaerkning, maal.offentliggjort);
      if (nej) return { kode: nej.kode, krop: { fejl: nej.fejl } } as const;
      await saetStatus(tx, maal.id, p.data.status);
      const post = await tilfoejPost(tx, { indberetningId: maal.id, art: "status", status: p.data.status, tekst: bemaerkning || null, tokenId: bruger.tokenId });
      await registrerForIndberetning(tx, hvemAfBruger(bruger), "status", maal.id, { fra: maal.status, til: p.data.status });
      await udbakke.dialog(tx, { indberetningId: maal.id, rolle: bruger.rolle, status: p.data.status });
      return { kode: 200, krop: { id: maal.id, status: p.data.status, post } } as const;
    });
    if (svar.kode === 200) req.log.info({ indberetning: id, status: p.data.status, tokenId: bruger.tokenId }, "status ændret");
    return reply.code(svar.kode).send(svar.krop);
  });

  const bemaerkning = { config: { roller: ["kommune", "sekretariat"] as const, beskrevet: { body: json(bemaerkningKrop) } }, schema: { params: idParams, response: { 201: json(dialogPostSchema), ...afvisninger } } };
  app.post("/api/v1/indberetninger/:id/bemaerkninger", bemaerkning, async (req, reply) => {
    const p = bemaerkningKrop.safeParse(req.body);
    if (!p.success) return ugyldig(reply, p.error);
    if (!p.data.tekst) return reply.code(400).send({ fejl: "Bemærkningen er tom." });
    const bruger = req.bruger!;
    const { id } = req.params;
    const post = await db.transaction(async (tx) => {
      const maal = await findMaal(tx, id, bruger.rolle === "kommune" ? bruger.driftsherre : null, false);
      if (!maal) return undefined;
      const post = await tilfoejPost(tx, { indberetningId: maal.id, art: "bemaerkning", status: null, tekst: p.data.tekst, tokenId: bruger.tokenId });
      await registrerForIndberetning(tx, hvemAfBruger(bruger), "bemaerkning", maal.id, { post: post.id });
      await udbakke.dialog(tx, { indberetningId: maal.id, rolle: bruger.rolle, status: null });
      return post;
    });
    if (!post) return reply.code(404).send(IKKE_FUNDET);
    return reply.code(201).send(post);
  });
}

export const dialogPlugin = fp(dialog, { name: "takst-dialog", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
