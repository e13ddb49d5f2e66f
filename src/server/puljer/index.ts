import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, puljePrimoSchema, puljeQuerySchema, puljeSchema } from "../../kontrakt";
import type { Db } from "../db";
import { type KontraktTypeProvider, json } from "../kontrakt";
import { sammeDriftsherre, type Bruger } from "../tokens";
import { PuljeFejl } from "./beregning";
import { opgoerPulje } from "./opgoer";
import { gemPrimo } from "./sql";

export interface PuljerOptions {
  db: Db;
}

const UGYLDIG_QUERY = "Ugyldig forespørgsel: angiv ledelsesomraade (og, for sekretariatet, driftsherre).";
const UGYLDIG_KROP = "Ugyldige primoårgange: angiv primoAargange som en liste af { vedroererAar, beloeb } med hele, ikke-negative kronebeløb (højst 50).";

/** Whose pool: a municipality's own (naming another is refused); the secretariat names the driftsherre. */
function puljensDriftsherre(bruger: Bruger, oensket: string | undefined): { ok: true; navn: string } | { ok: false; fejl: string } {
  if (bruger.rolle === "sekretariat") return oensket?.trim() ? { ok: true, navn: oensket.trim() } : { ok: false, fejl: "Sekretariatet skal angive driftsherre." };
  const egen = bruger.driftsherre ?? "";
  if (oensket !== undefined && !sammeDriftsherre(oensket, egen)) return { ok: false, fejl: `Adgangsnøglen tilhører ${egen} og giver kun adgang til ${egen}s egne puljer.` };
  return { ok: true, navn: egen };
}

/**
 * The pool of hensatte overskud per (driftsherre, ledelsesområde) (product.md §5.2):
 * GET /api/v1/puljer computes it (opgoer.ts); POST records the opening vintages of a pool that
 * predates the service, replacing earlier ones. A municipality reads and writes its own pools,
 * the secretariat any driftsherre's.
 */
async function puljer(fastify: FastifyInstance, o: PuljerOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;
  const fejl = json(fejlSchema);
  const afvisninger = { 400: fejl, 401: fejl, 403: fejl, 409: fejl };
  const roller = ["kommune", "sekretariat"] as const;

  app.get("/api/v1/puljer", { config: { roller, beskrevet: { querystring: json(puljeQuerySchema) } }, schema: { response: { 200: json(puljeSchema), ...afvisninger } } }, async (req, reply) => {
    reply.header("cache-control", "no-store");
    const q = puljeQuerySchema.safeParse(req.query);
    if (!q.success || !q.data.ledelsesomraade.trim()) return reply.code(400).send({ fejl: UGYLDIG_QUERY });
    const dh = puljensDriftsherre(req.bruger!, q.data.driftsherre);
    if (!dh.ok) return reply.code(403).send({ fejl: dh.fejl });
    try {
      return await opgoerPulje(db, dh.navn, q.data.ledelsesomraade);
    } catch (e) {
      if (e instanceof PuljeFejl) return reply.code(409).send({ fejl: e.message });
      throw e;
    }
  });

  app.post(
    "/api/v1/puljer",
    { config: { roller, beskrevet: { querystring: json(puljeQuerySchema), body: json(puljePrimoSchema) } }, schema: { response: { 200: json(puljeSchema), ...afvisninger } } },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      const q = puljeQuerySchema.safeParse(req.query);
      if (!q.success || !q.data.ledelsesomraade.trim()) return reply.code(400).send({ fejl: UGYLDIG_QUERY });
      const dh = puljensDriftsherre(req.bruger!, q.data.driftsherre);
      if (!dh.ok) return reply.code(403).send({ fejl: dh.fejl });
      const k = puljePrimoSchema.safeParse(req.body);
      if (!k.success) return reply.code(400).send({ fejl: UGYLDIG_KROP });
      const aar = k.data.primoAargange.map((a) => a.vedroererAar);
      const dobbelt = aar.find((a, i) => aar.indexOf(a) !== i);
      if (dobbelt !== undefined) return reply.code(400).send({ fejl: `Primoårgangen ${dobbelt} er angivet to gange; hvert år kun én gang.` });
      // Computed first: opening vintages the pool cannot take (a year also set aside by a regnskab) are not stored.
      let pulje;
      try {
        pulje = await opgoerPulje(db, dh.navn, q.data.ledelsesomraade, k.data.primoAargange);
      } catch (e) {
        if (e instanceof PuljeFejl) return reply.code(409).send({ fejl: e.message });
        throw e;
      }
      await gemPrimo(db, dh.navn, q.data.ledelsesomraade, k.data.primoAargange, req.bruger!.tokenId);
      return pulje;
    },
  );
}

export const puljerPlugin = fp(puljer, { name: "takst-puljer", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
