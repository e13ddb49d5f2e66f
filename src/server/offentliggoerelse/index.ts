import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";
import { fejlSchema, forventedeQuerySchema, offentliggoerKontrolSchema, offentliggoerKropSchema, takstoversigtSchema } from "../../kontrakt";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Db } from "../db";
import { regelsaetOpslag, type ServerRegister } from "../regelsaet";
import { forventedeOgKontrol } from "../forventede";
import { kontrolTekst } from "./kontrol";
import { hvemAfBruger, registrer } from "../revisionsspor/sql";
import type { Udbakke } from "../udbakke";
import { takstoversigtCsv, takstoversigtXlsx } from "./filer";
import { type TakstoversigtRaekke, somTakstoversigt } from "./raekker";
import { CSS, takstoversigtSide } from "./side";
import { type Offentliggoerelse, aktuelleTaksterAntal, hentOffentliggoerelse, offentliggjorteAar, offentliggoer, takstoversigtRaekker } from "./sql";

export interface OffentliggoerelseOptions {
  db: Db;
  /** The rulesets, for the PL of each submission's takstudvikling (its plSats). */
  register: ServerRegister;
  /** The clock for the days to the deadline (tests fix it); now when absent. */
  nu?: () => Date;
  /** The publication's mails (udbakke/); none when absent. */
  udbakke?: Udbakke;
}

/** Like /oversigt's, stricter: the public page has no script at all. */
export const CSP = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const takstaar = z.coerce.number().int().min(1900).max(2200);
/** A real calendar day, YYYY-MM-DD. */
const dato = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d) && Number(d.slice(0, 4)) >= 1900 && Number(d.slice(0, 4)) <= 2200);
/**
 * ?takstaar= lists every period of the year; ?dato= the takster in force that day (its year is
 * the takstår; both: they must agree).
 */
const aarQuery = z
  .object({ takstaar: takstaar.optional(), dato: dato.optional() })
  .strict()
  .refine((q) => q.takstaar !== undefined || q.dato !== undefined, { path: ["takstaar"] })
  .refine((q) => q.takstaar === undefined || q.dato === undefined || Number(q.dato.slice(0, 4)) === q.takstaar, { path: ["dato"] });
const sideQuery = z.object({ takstaar: takstaar.optional(), dato: dato.optional() }).strict();
const aarAf = (q: { takstaar?: number; dato?: string }): number | undefined => q.takstaar ?? (q.dato === undefined ? undefined : Number(q.dato.slice(0, 4)));

const ikkeOffentliggjort = (aar: number) => ({ fejl: `Taksterne for ${aar} er ikke offentliggjort.` });

function ugyldig(reply: FastifyReply, e: z.ZodError): FastifyReply {
  const i = e.issues[0];
  const felt = i?.path.join(".") || "kroppen";
  const hvad = felt === "dato"
    ? "datoen skal være en dag skrevet ÅÅÅÅ-MM-DD i takståret, fx 2027-03-01."
    : "takståret skal være et årstal mellem 1900 og 2200 (eller giv ?dato=ÅÅÅÅ-MM-DD).";
  return reply.code(400).send({ fejl: `Ugyldig forespørgsel: ${felt}: ${hvad}` });
}

async function offentligeRaekker(db: Db, register: ServerRegister, aar: number, dag: string | null = null): Promise<TakstoversigtRaekke[]> {
  const rows = await takstoversigtRaekker(db, aar, dag);
  return somTakstoversigt(rows, await regelsaetOpslag(db, register, rows.map((r) => ({ id: r.regelsaet_id, version: r.regelsaet_version }))));
}

/**
 * Publication: POST /api/v1/offentliggoerelse {takstaar} (secretariat), the list of
 * published years, and the public takstoversigt as JSON, CSV, .xlsx and the page /takstoversigt
 * — the public parts need no token and show only published years.
 */
async function offentliggoerelse(fastify: FastifyInstance, o: OffentliggoerelseOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const { db } = o;

  const nu = o.nu ?? (() => new Date());
  const sekretariat = { roller: ["sekretariat"] as const };
  app.get(
    "/api/v1/offentliggoerelse/kontrol",
    { config: { ...sekretariat, beskrevet: { querystring: json(forventedeQuerySchema) } }, schema: { response: { 200: json(offentliggoerKontrolSchema), 400: json(fejlSchema), 401: json(fejlSchema), 403: json(fejlSchema) } } },
    async (req, reply) => {
      const q = forventedeQuerySchema.safeParse(req.query);
      if (!q.success) return ugyldig(reply, q.error);
      reply.header("cache-control", "no-store");
      return (await forventedeOgKontrol(db, o.register, q.data.takstaar, nu())).kontrol;
    },
  );

  app.post("/api/v1/offentliggoerelse", { config: { ...sekretariat, beskrevet: { body: json(offentliggoerKropSchema) } } }, async (req, reply) => {
    const p = offentliggoerKropSchema.safeParse(req.body);
    if (!p.success) return ugyldig(reply, p.error);
    const aar = p.data.takstaar;
    const antal = await aktuelleTaksterAntal(db, aar);
    const tidligere = await hentOffentliggoerelse(db, aar);
    if (!tidligere && antal === 0) return reply.code(409).send({ fejl: `Der er ingen aktuelle takster for ${aar} at offentliggøre.` });
    if (!tidligere && !p.data.bekraeft) {
      // Missing skemaer or unapproved submissions: only when the secretariat confirms, having seen them.
      const { kontrol } = await forventedeOgKontrol(db, o.register, aar, nu());
      if (kontrol.manglende.length > 0 || kontrol.ikkeGodkendte.length > 0) return reply.code(409).send({ fejl: kontrolTekst(kontrol), ...kontrol });
    }
    // Publishing a published year again is harmless: the first date stands (200). The audit
    // trail's entry is written in the same transaction as the publication.
    const { o: off, ny } = await db.transaction(async (tx) => {
      const svar = await offentliggoer(tx, aar, req.bruger!.tokenId, antal, o.udbakke);
      if (svar.ny) await registrer(tx, hvemAfBruger(req.bruger!), "offentliggoerelse", { takstaar: aar, detaljer: { antalTakster: antal, bekraeftet: p.data.bekraeft === true } });
      return svar;
    });
    if (ny) req.log.info({ takstaar: aar, tokenId: req.bruger!.tokenId, antal }, "takster offentliggjort");
    return reply.code(ny ? 201 : 200).send(off);
  });

  app.get("/api/v1/offentliggoerelse", async (_req, reply) => {
    reply.header("cache-control", "no-cache");
    return { offentliggjorte: await offentliggjorteAar(db) };
  });

  const medAar = async (query: unknown, reply: FastifyReply): Promise<{ o: Offentliggoerelse; dato: string | null; raekker: TakstoversigtRaekke[] } | undefined> => {
    const q = aarQuery.safeParse(query);
    if (!q.success) {
      await ugyldig(reply, q.error);
      return undefined;
    }
    const aar = aarAf(q.data)!;
    const off = await hentOffentliggoerelse(db, aar);
    if (!off) {
      await reply.code(404).send(ikkeOffentliggjort(aar));
      return undefined;
    }
    reply.header("cache-control", "no-cache");
    const dag = q.data.dato ?? null;
    return { o: off, dato: dag, raekker: await offentligeRaekker(db, o.register, off.takstaar, dag) };
  };
  const filnavn = (d: { o: Offentliggoerelse; dato: string | null }, endelse: string) => `attachment; filename="takstoversigt-${d.dato ?? d.o.takstaar}.${endelse}"`;

  const aar = { beskrevet: { querystring: json(aarQuery) } };
  app.get("/api/v1/takstoversigt", { config: aar, schema: { response: { 200: json(takstoversigtSchema), 400: json(fejlSchema), 404: json(fejlSchema) } } }, async (req, reply) => {
    const d = await medAar(req.query, reply);
    if (!d) return reply;
    return { takstaar: d.o.takstaar, offentliggjort: d.o.offentliggjort, dato: d.dato, takster: d.raekker };
  });

  app.get("/api/v1/takstoversigt.csv", { config: aar }, async (req, reply) => {
    const d = await medAar(req.query, reply);
    if (!d) return reply;
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", filnavn(d, "csv"));
    return takstoversigtCsv(d.raekker);
  });

  app.get("/api/v1/takstoversigt.xlsx", { config: aar }, async (req, reply) => {
    const d = await medAar(req.query, reply);
    if (!d) return reply;
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", filnavn(d, "xlsx"));
    return reply.send(await takstoversigtXlsx(d.o.takstaar, d.o.offentliggjort, d.raekker, d.dato));
  });

  const sikkerhed = (reply: FastifyReply) => {
    reply.header("content-security-policy", CSP);
    reply.header("x-frame-options", "DENY");
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("cache-control", "no-cache");
  };

  app.get("/takstoversigt", { config: { beskrevet: { querystring: json(sideQuery) } } }, async (req, reply) => {
    const q = sideQuery.safeParse(req.query);
    const aar = await offentliggjorteAar(db);
    const oensket = q.success ? aarAf(q.data) : undefined;
    const dag = q.success ? q.data.dato ?? null : null;
    // A date and a year that disagree is no page.
    const enige = !q.success || q.data.takstaar === undefined || dag === null || Number(dag.slice(0, 4)) === q.data.takstaar;
    const valgt = !enige ? null : oensket === undefined ? aar[0] ?? null : aar.find((a) => a.takstaar === oensket) ?? null;
    sikkerhed(reply);
    reply.header("content-type", "text/html; charset=utf-8");
    // An unpublished (or malformed) year: the page with the list of published years, and 404.
    if (!q.success || (oensket !== undefined && !valgt)) reply.code(404);
    return takstoversigtSide(aar, valgt, valgt ? await offentligeRaekker(db, o.register, valgt.takstaar, dag) : [], valgt ? dag : null);
  });

  app.get("/takstoversigt.css", async (_req, reply) => {
    sikkerhed(reply);
    reply.header("content-type", "text/css; charset=utf-8");
    return CSS;
  });
}

export const offentliggoerelsePlugin = fp(offentliggoerelse, { name: "takst-offentliggoerelse", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
