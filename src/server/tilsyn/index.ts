import { join } from "node:path";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { fejlSchema, minObjektivFinansieringSchema } from "../../kontrakt";
import type { RegelsaetRegister } from "../../regelsaet";
import { laesRegelsaetMappe, REGELSAET_MAPPE } from "../../regelsaet/fraMappe";
import { validerTilsynsskema } from "../../tilsynsskema";
import { tokenStadigGyldigt, afvisToken } from "../auth";
import type { Db } from "../db";
import { type KontraktTypeProvider, json } from "../kontrakt";
import { CSP } from "../offentliggoerelse";
import { kommuneNoegle, type OffentligtTilsyn, somOffentligt, tilsynCsv, tilsynSide, tilsynXlsx } from "./offentlig";
import { godkendTilsynsskema, gemTilsynsskema, nyesteTilsynsskemaer, offentliggoerTilsyn, offentligeTilsyn } from "./sql";

export interface TilsynOptions {
  db: Db;
  /** The socialtilsyn's rulesets; rulesets/tilsyn when absent. */
  register?: RegelsaetRegister;
}

const skalar = z.union([z.number(), z.string().max(2000), z.boolean(), z.null()]);
/** A tilsynsskema as JSON: ST_ name → value, a table column as a list (the key table has 30 rows). */
const kropSchema = z.record(z.string().regex(/^ST_[A-Za-z0-9_]{1,60}$/, "kun ST_-navne"), z.union([skalar, z.array(skalar).max(30)]));
const budgetaar = z.coerce.number().int().min(2000).max(2200);
const aarQuery = z.object({ budgetaar }).strict();
const idParams = z.object({ id: z.string().uuid() });

function ugyldig(reply: FastifyReply, hvad: string): FastifyReply {
  return reply.code(400).send({ fejl: `Ugyldig forespørgsel: ${hvad}.` });
}

/**
 * The socialtilsyn's year on the service (issue 23): a socialtilsyn's token submits its
 * tilsynsskema (validated as the CLI does); the secretariat approves it and publishes the
 * year's tilsynstakster and each kommune's objektiv finansiering (page, JSON, CSV, .xlsx);
 * a municipality's token sees only its own amounts.
 */
export async function tilsynPlugin(app: FastifyInstance, o: TilsynOptions): Promise<void> {
  const { db } = o;
  const register = o.register ?? laesRegelsaetMappe(join(REGELSAET_MAPPE, "tilsyn"));

  app.post("/api/v1/tilsyn", { config: { roller: ["socialtilsyn"] } }, async (req, reply) => {
    if (!(await tokenStadigGyldigt(db, req))) return afvisToken(reply);
    const p = kropSchema.safeParse(req.body);
    if (!p.success) return ugyldig(reply, `${p.error.issues[0]?.path.join(".") || "kroppen"}: ${p.error.issues[0]?.message ?? "forkert form"}`);
    const res = validerTilsynsskema(p.data, register);
    const tilsyn = req.bruger!.driftsherre!;
    const angivet = typeof p.data.ST_Socialtilsyn === "string" ? p.data.ST_Socialtilsyn.trim() : "";
    if (res.ok && angivet.toLocaleLowerCase("da-DK") !== tilsyn.toLocaleLowerCase("da-DK")) {
      res.findings.push({ code: "TS002", severity: "error", field: "ST_Socialtilsyn", cell: "Tilsynsskema!D10", message: `Skemaet er for "${angivet}", men tokenet er ${tilsyn}s.` });
      res.ok = false;
    }
    if (!res.ok || !res.beregnet) return reply.code(422).send({ fejl: "Tilsynsskemaet har fejl og er ikke modtaget.", findings: res.findings, skipped: res.skipped });
    const gemt = await gemTilsynsskema(db, {
      socialtilsyn: tilsyn, budgetaar: Number(p.data.ST_Budgetaar), regelsaet: String(p.data.ST_Regelsaet).toUpperCase(),
      payload: p.data, findings: res.findings, beregnet: res.beregnet, tokenId: req.bruger!.tokenId,
    });
    req.log.info({ socialtilsyn: tilsyn, budgetaar: gemt.budgetaar, version: gemt.version }, "tilsynsskema modtaget");
    return reply.code(201).send({ ...gemt, skipped: res.skipped });
  });

  app.get("/api/v1/tilsyn", { config: { roller: ["sekretariat"] } }, async (req, reply) => {
    const q = z.object({ budgetaar: budgetaar.optional() }).strict().safeParse(req.query);
    if (!q.success) return ugyldig(reply, "budgetaar skal være et årstal");
    reply.header("cache-control", "no-store");
    return { tilsynsskemaer: await nyesteTilsynsskemaer(db, q.data.budgetaar) };
  });

  app.post("/api/v1/tilsyn/:id/godkend", { config: { roller: ["sekretariat"] } }, async (req, reply) => {
    const p = idParams.safeParse(req.params);
    if (!p.success) return reply.code(404).send({ fejl: "Tilsynsskemaet findes ikke." });
    const { raekke, findes } = await godkendTilsynsskema(db, p.data.id, req.bruger!.tokenId);
    if (!raekke) return findes ? reply.code(409).send({ fejl: "Der er indsendt en nyere version af dette tilsynsskema; godkend den." }) : reply.code(404).send({ fejl: "Tilsynsskemaet findes ikke." });
    return raekke;
  });

  app.post("/api/v1/tilsyn/offentliggoerelse", { config: { roller: ["sekretariat"] } }, async (req, reply) => {
    const p = z.object({ budgetaar }).strict().safeParse(req.body);
    if (!p.success) return ugyldig(reply, "budgetaar skal være et årstal");
    const antal = await offentliggoerTilsyn(db, p.data.budgetaar);
    if (antal === 0) return reply.code(409).send({ fejl: `Der er ingen godkendte tilsynsskemaer for ${p.data.budgetaar} at offentliggøre.` });
    return reply.code(201).send({ budgetaar: p.data.budgetaar, antal });
  });

  const offentlige = async (query: unknown, reply: FastifyReply): Promise<{ aar: number; tilsyn: OffentligtTilsyn[] } | undefined> => {
    const q = aarQuery.safeParse(query);
    if (!q.success) {
      await ugyldig(reply, "budgetaar skal være et årstal");
      return undefined;
    }
    const tilsyn = (await offentligeTilsyn(db, q.data.budgetaar)).map(somOffentligt);
    if (tilsyn.length === 0) {
      await reply.code(404).send({ fejl: `Socialtilsynenes takster for ${q.data.budgetaar} er ikke offentliggjort.` });
      return undefined;
    }
    reply.header("cache-control", "no-cache");
    return { aar: q.data.budgetaar, tilsyn };
  };

  app.get("/api/v1/tilsyn/offentlig", async (req, reply) => {
    const o = await offentlige(req.query, reply);
    return o ? { budgetaar: o.aar, tilsyn: o.tilsyn } : reply;
  });
  app.get("/api/v1/tilsyn/offentlig.csv", async (req, reply) => {
    const o = await offentlige(req.query, reply);
    if (!o) return reply;
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="tilsynstakster-${o.aar}.csv"`);
    return tilsynCsv(o.tilsyn);
  });
  app.get("/api/v1/tilsyn/offentlig.xlsx", async (req, reply) => {
    const o = await offentlige(req.query, reply);
    if (!o) return reply;
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", `attachment; filename="tilsynstakster-${o.aar}.xlsx"`);
    return tilsynXlsx(o.aar, o.tilsyn);
  });
  app.get("/tilsynstakster", { config: { offentlig: true } }, async (req, reply) => {
    const o = await offentlige(req.query, reply);
    if (!o) return reply;
    reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("content-type", "text/html; charset=utf-8");
    return tilsynSide(o.aar, o.tilsyn);
  });

  // A municipality's own objektiv finansiering, from the published years only; the answer's shape
  // is the contract's (src/kontrakt), which the pane and the overview page parse it with.
  const fejl = json(fejlSchema);
  app.withTypeProvider<KontraktTypeProvider>().get(
    "/api/v1/tilsyn/mine",
    {
      config: { roller: ["kommune"], beskrevet: { querystring: json(aarQuery) } },
      schema: { response: { 200: json(minObjektivFinansieringSchema), 400: fejl, 401: fejl, 403: fejl } },
    },
    async (req, reply) => {
      const q = aarQuery.safeParse(req.query);
      if (!q.success) return ugyldig(reply, "budgetaar skal være et årstal");
      const egen = kommuneNoegle(req.bruger!.driftsherre ?? "");
      const beloeb = (await offentligeTilsyn(db, q.data.budgetaar)).flatMap((t) =>
        t.beregnet.of.filter((k) => kommuneNoegle(k.kommune) === egen).map((k) => ({ socialtilsyn: t.socialtilsyn, kommune: k.kommune, beloeb: k.beloeb })),
      );
      reply.header("cache-control", "no-store");
      return { budgetaar: q.data.budgetaar, objektivFinansiering: beloeb };
    },
  );
}
