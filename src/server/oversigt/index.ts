import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, idParamsSchema, oversigtDetaljeQuerySchema, oversigtQuerySchema, oversigtSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db } from "../db";
import { regelsaetOpslag, type ServerRegister } from "../regelsaet";
import { iGruppe, lavDetalje, lavOversigt } from "./beregning";
import { hentDialogForTakst } from "../dialog/sql";
import { afventerGodkendelse, detaljeRaekker, oversigtRaekker, takstaarMedIndberetninger } from "./forespoergsler";
import { OVERSIGT_KOMPRIMERING } from "../web";

export interface OversigtOptions {
  db: Db;
  /** The rulesets, for the PL of each submission's takstudvikling (its plSats). */
  register: ServerRegister;
  /** Folder with the built page (dist/oversigt.html); null = API only; undefined = dist/. */
  statiskMappe?: string | null;
}

/** The page may load only itself: its script, its stylesheet and the API on the same origin. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * CSP allowing exactly the page's own inline scripts by their sha256 (the early request of
 * oversigt.html, which makes 1,000 rows usable in 272 ms instead of 351, npm run bench oversigt): computed from the file served, so a rebuilt page cannot drift from it.
 */
export function cspFor(side: string): string {
  const hashes = [...side.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1]!, "utf8").digest("base64")}'`);
  return hashes.length === 0 ? CSP : CSP.replace("script-src 'self'", `script-src 'self' ${hashes.join(" ")}`);
}

/**
 * The secretariat's overview: GET /oversigt (the page, no token: it asks for one),
 * GET /api/v1/oversigt?takstaar=… and GET /api/v1/oversigt/indberetninger/:id (401 without or
 * with a bad token). A municipality's token sees the same page limited to its own
 * submissions (another's id is "not found").
 */
async function oversigt(fastify: FastifyInstance, o: OversigtOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;
  const fejl = json(fejlSchema);
  const mappe = o.statiskMappe === undefined ? resolve(__dirname, "../../../dist") : o.statiskMappe;

  if (mappe !== null) {
    // One handler per page for both addresses, so a page is never served without its CSP (the
    // static files plugin would otherwise answer /oversigt.html from dist/).
    const side = (fil: string) => async (_req: FastifyRequest, reply: FastifyReply) => {
      const html = join(resolve(mappe), fil);
      if (!existsSync(html)) return reply.code(404).send({ fejl: "Siden er ikke bygget: kør npm run build." });
      reply.header("content-type", "text/html; charset=utf-8");
      reply.header("cache-control", "no-cache");
      const indhold = readFileSync(html);
      reply.header("content-security-policy", cspFor(indhold.toString("utf8")));
      reply.header("x-frame-options", "DENY");
      reply.header("x-content-type-options", "nosniff");
      reply.header("referrer-policy", "no-referrer");
      return reply.send(indhold);
    };
    app.get("/oversigt", side("oversigt.html"));
    app.get("/oversigt.html", side("oversigt.html"));
    app.get("/oversigt/", async (_req, reply) => reply.redirect("/oversigt"));
    // Comparable tilbud (issue 24): the same kind of page, fed by GET /api/v1/benchmark with the tab's token.
    app.get("/benchmark", side("benchmark.html"));
    app.get("/benchmark.html", side("benchmark.html"));
    // The pool of hensatte overskud (issue 22), fed by GET /api/v1/puljer the same way.
    app.get("/puljer", side("puljer.html"));
    app.get("/puljer.html", side("puljer.html"));
  }

  app.get(
    "/api/v1/oversigt",
    {
      config: { roller: ["sekretariat", "kommune"] },
      schema: { querystring: json(oversigtQuerySchema), response: { 200: json(oversigtSchema), 400: fejl, 401: fejl, 403: fejl } },
      // The answer grows with the year (6,9 MB for 10,000 rows) and is built per request. With
      // 2,000 rows the schema's serializer took 32 ms against JSON.stringify's 7, and brotli at
      // web.ts's quality 5 19 ms against quality 1's 3: together about 200 of the 281 ms the
      // 10,000-row API grew (242 → 523) since the contract and compression came. The handler
      // returns the contract's objects (lavOversigt), so the schema stays as the description.
      serializerCompiler: () => (data) => JSON.stringify(data),
      compress: OVERSIGT_KOMPRIMERING,
    },
    async (req, reply) => {
    // The route lets only these two roles in (a socialtilsyn's token is refused before this).
    const bruger = req.bruger!.rolle === "kommune" ? { rolle: "kommune" as const, driftsherre: req.bruger!.driftsherre } : { rolle: "sekretariat" as const, driftsherre: null };
    const liste = await takstaarMedIndberetninger(db, bruger.driftsherre);
    const { takstaar: oensket, ...gruppe } = req.query;
    const takstaar = oensket ?? liste[liste.length - 1] ?? null;
    reply.header("cache-control", "no-store");
    if (takstaar === null) return lavOversigt(null, liste, [], bruger);
    const raekker = iGruppe(await oversigtRaekker(db, takstaar, bruger.driftsherre), gruppe);
    const regelsaet = await regelsaetOpslag(db, o.register, raekker.map((r) => ({ id: r.regelsaet_id, version: r.regelsaet_version })));
    return { ...lavOversigt(takstaar, liste, raekker, bruger, regelsaet), afventerGodkendelse: await afventerGodkendelse(db, takstaar, bruger.driftsherre) };
    },
  );

  app.get(
    "/api/v1/oversigt/indberetninger/:id",
    {
      config: { roller: ["sekretariat", "kommune"] },
      schema: { params: json(idParamsSchema), querystring: json(oversigtDetaljeQuerySchema) },
    },
    async (req, reply) => {
      const { id } = req.params;
      const { ydelse } = req.query;
      const d = await detaljeRaekker(db, id, req.bruger!.rolle === "kommune" ? req.bruger!.driftsherre : null);
      reply.header("cache-control", "no-store");
      if (!d) return reply.code(404).send({ fejl: "Indberetningen findes ikke." });
      const regelsaet = await regelsaetOpslag(db, o.register, [{ id: d.raekke.regelsaet_id, version: d.raekke.regelsaet_version }]);
      return lavDetalje(d.raekke, d.versioner, await hentDialogForTakst(db, id), ydelse, regelsaet);
    },
  );
}

export const oversigtPlugin = fp(oversigt, { name: "takst-oversigt", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
