import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { type Benchmark, benchmarkQuerySchema, benchmarkSchema, fejlSchema } from "../../kontrakt";
import { type SammenligningsNiveau, sammenligningsNiveauer } from "../../takstskema/sammenligning";
import type { Db } from "../db";
import { type KontraktTypeProvider, json } from "../kontrakt";
import { type Seer, grupperMedNiveauer, lavBenchmark } from "./rapport";
import { type Kodning, komprimer, valgtKodning } from "./komprimering";
import { aaretsSkemaer, aaretsStempel } from "./sql";
import { benchmarkXlsx } from "./xlsx";

export interface BenchmarkOptions {
  db: Db;
}

const UGYLDIG = "Ugyldig forespørgsel: takstaar skal være et takstår (1900-2200); lovgrundlag, maalgruppekategori og takstenhed er valgfri tekster.";

/**
 * Comparable tilbud side by side (product.md §5.3; domain-season.md §B5): GET /api/v1/benchmark
 * as JSON and .xlsx. The secretariat sees every niveau; a municipality its own against every
 * group's statistics. A socialtilsyn's token is refused (403, by the roles): its token is for its
 * own tilsynsskema, and the comparison holds every tilbud's cost lines.
 */
async function benchmark(fastify: FastifyInstance, o: BenchmarkOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;
  // Per year, kept while the year's submissions are unchanged: the niveauer with their key
  // figures and each view's answer (a view: who asks and the filter) with its JSON. Reading and
  // computing 4.000 niveauer, and serializing their 1,8 MB, is most of an answer's time, and every
  // view and every validation in a task pane asks again.
  type Svar = { b: Benchmark; json?: ReturnType<FastifyReply["serialize"]>; komprimeret?: Partial<Record<Kodning, Promise<Buffer>>> };
  const gemt = new Map<number, { stempel: string; niveauer: SammenligningsNiveau[]; svar: Map<string, Svar> }>();
  async function aaret(takstaar: number) {
    const stempel = await aaretsStempel(db, takstaar);
    const g = gemt.get(takstaar);
    if (g?.stempel === stempel) return g;
    const niveauer = (await aaretsSkemaer(db, takstaar)).flatMap(sammenligningsNiveauer);
    // Between the two reads a submission may have come: then the next request reads again.
    if (gemt.size >= 4 && !gemt.has(takstaar)) gemt.delete(gemt.keys().next().value!);
    const nyt = { stempel, niveauer, svar: new Map<string, Svar>() };
    gemt.set(takstaar, nyt);
    return nyt;
  }

  /** `helt`: the whole answer whatever fraGruppe and antalGrupper ask (the .xlsx). */
  async function beregn(req: FastifyRequest, helt = false): Promise<Svar | null> {
    const q = benchmarkQuerySchema.safeParse(req.query);
    if (!q.success) return null;
    const { takstaar, fraGruppe, antalGrupper, ...filter } = q.data;
    const bruger = req.bruger!;
    const seer: Seer = bruger.rolle === "kommune" ? { rolle: "kommune", driftsherre: bruger.driftsherre ?? "" } : { rolle: "sekretariat" };
    const a = await aaret(takstaar);
    const gemtSvar = (noegle: string, lav: () => Benchmark): Svar => {
      let svar = a.svar.get(noegle);
      if (!svar) {
        if (a.svar.size >= 200) a.svar.clear();
        svar = { b: lav() };
        a.svar.set(noegle, svar);
      }
      return svar;
    };
    const noegle = JSON.stringify([seer, filter]);
    const hele = gemtSvar(noegle, () => lavBenchmark(takstaar, a.niveauer, filter, seer));
    if (helt || (fraGruppe === undefined && antalGrupper === undefined)) return hele;
    const fra = fraGruppe ?? 0;
    const til = antalGrupper === undefined ? Infinity : fra + antalGrupper;
    return gemtSvar(`${noegle}#${fra}-${til}`, () => grupperMedNiveauer(hele.b, fra, til));
  }

  const config = { roller: ["sekretariat", "kommune"] as const, beskrevet: { querystring: json(benchmarkQuerySchema) } };
  const fejl = json(fejlSchema);

  app.get("/api/v1/benchmark", { config, schema: { response: { 200: json(benchmarkSchema), 400: fejl, 401: fejl, 403: fejl } } }, async (req, reply) => {
    const svar = await beregn(req);
    reply.header("cache-control", "no-store");
    if (!svar) return reply.code(400).send({ fejl: UGYLDIG });
    // The route's own serializer (the contract's schema), once per kept answer.
    const tekst = (svar.json ??= reply.serialize(svar.b));
    reply.type("application/json; charset=utf-8");
    const kodning = valgtKodning(req.headers["accept-encoding"]);
    if (kodning) {
      // Kept compressed too; web.ts leaves an answer that already has a content-encoding alone.
      const k = (svar.komprimeret ??= {});
      const krop = await (k[kodning] ??= komprimer(tekst, kodning));
      reply.header("content-encoding", kodning).header("vary", "accept-encoding");
      return reply.send(krop as unknown as Benchmark);
    }
    // Already serialized: Fastify sends it as it is (the type provider knows only the object).
    return reply.send(tekst as unknown as Benchmark);
  });

  app.get("/api/v1/benchmark.xlsx", { config }, async (req, reply) => {
    const b = (await beregn(req, true))?.b;
    reply.header("cache-control", "no-store");
    if (!b) return reply.code(400).send({ fejl: UGYLDIG });
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", `attachment; filename="sammenligning-${b.takstaar}.xlsx"`);
    return reply.send(await benchmarkXlsx(b));
  });
}

export const benchmarkPlugin = fp(benchmark, { name: "takst-benchmark", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
