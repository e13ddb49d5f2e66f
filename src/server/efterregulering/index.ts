import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { efterreguleringQuerySchema, efterreguleringSchema, fejlSchema } from "../../kontrakt";
import { parameter, type RegelsaetRegister } from "../../regelsaet";
import { efterreguleringTilBudget } from "../../takstskema";
import type { Db } from "../db";
import { sidsteAarsDriftsherre } from "../indberetninger/sidsteAar";
import { type KontraktTypeProvider, json } from "../kontrakt";
import { puljeAndel } from "../puljer/andel";
import { aktuelleRegnskaber, type RegnskabRaekke } from "./sql";

export interface EfterreguleringOptions {
  db: Db;
  register: Pick<RegelsaetRegister, "find">;
}

/** Bilag 17-18's lag when a regnskab's ruleset does not give efterregForsinkelseAar (domain-season.md §B1: N+2). */
const STANDARD_FORSINKELSE = 2;

/** The year a regnskab's efterregulering goes into the takster: N + its ruleset's efterregForsinkelseAar. */
function takstaarFor(r: RegnskabRaekke, register: Pick<RegelsaetRegister, "find">): number {
  const id = r.regelsaet_id ?? (typeof r.vaerdier.TS_Regelsaet === "string" ? r.vaerdier.TS_Regelsaet : undefined);
  const regelsaet = id === undefined ? undefined : register.find(id);
  return r.takstaar + ((regelsaet && parameter(regelsaet, "efterregForsinkelseAar")) ?? STANDARD_FORSINKELSE);
}

/**
 * GET /api/v1/efterregulering?tilbud=&takstaar=Y[&driftsherre=] (product.md §5.2): what the budget
 * skema of Y receives from the current, not withdrawn regnskab of Y − efterregForsinkelseAar:
 * A1..A7 as the service recomputed them on receipt, regulering = −A7 and the pool's share. Access
 * as the last-year route: a municipality its own tilbud, the secretariat names the driftsherre.
 */
async function efterregulering(fastify: FastifyInstance, o: EfterreguleringOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db, register } = o;
  const fejl = json(fejlSchema);

  app.get(
    "/api/v1/efterregulering",
    {
      config: { roller: ["kommune", "sekretariat"] },
      schema: { querystring: json(efterreguleringQuerySchema), response: { 200: json(efterreguleringSchema), 400: fejl, 401: fejl, 403: fejl, 404: fejl } },
    },
    async (req, reply) => {
      const q = req.query;
      const driftsherre = sidsteAarsDriftsherre(req.bruger!, q.driftsherre);
      if (!driftsherre.ok) return reply.code(driftsherre.kode).send({ fejl: driftsherre.fejl });
      const tilbud = q.tilbud.trim();
      reply.header("cache-control", "no-store");
      const r = (await aktuelleRegnskaber(db, driftsherre.navn, tilbud, q.takstaar)).find((x) => takstaarFor(x, register) === q.takstaar);
      const tal = r && r.status !== "tilbagetrukket" ? efterreguleringTilBudget(r.beregnet?.efterregulering, r.vaerdier) : null;
      if (!r || !tal) {
        const hvorfor = r?.status === "tilbagetrukket" ? ` Regnskabet for ${r.takstaar} er trukket tilbage.` : "";
        return reply.code(404).send({
          fejl: `Der er intet aktuelt regnskab for ${tilbud}, hvis efterregulering indgår i taksterne for ${q.takstaar} (normalt regnskabet for ${q.takstaar - STANDARD_FORSINKELSE}).${hvorfor}`,
        });
      }
      return {
        driftsherre: driftsherre.navn, tilbud, takstaar: q.takstaar, regnskabsaar: r.takstaar,
        regnskab: { id: r.id, nummer: r.nummer ?? null, version: r.version, status: r.status },
        ...tal,
        reguleringPulje: await puljeAndel(db, driftsherre.navn, tilbud, q.takstaar),
      };
    },
  );
}

export const efterreguleringPlugin = fp(efterregulering, { name: "takst-efterregulering", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
