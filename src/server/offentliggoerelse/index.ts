import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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
import { OffentligtLager, type OffentligtSvar, delteLaesninger, sendGemt } from "./lager";
import { type Offentliggoerelse, aktuelleTaksterAntal, hentOffentliggoerelse, offentliggjorteAar, offentliggoer, offentligUdgave, takstoversigtRaekker } from "./sql";

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
    // trail's entry is written in the same transaction as the publication. Without the database's
    // usual time limit: opening a full region-year's periods is one long statement, which on a
    // loaded machine outlasted PGlite's 3,5 s (503 on publication day); it is rare and deliberate.
    const { o: off, ny } = await db.transaction(
      async (tx) => {
        const svar = await offentliggoer(tx, aar, req.bruger!.tokenId, antal, o.udbakke);
        if (svar.ny) await registrer(tx, hvemAfBruger(req.bruger!), "offentliggoerelse", { takstaar: aar, detaljer: { antalTakster: antal, bekraeftet: p.data.bekraeft === true } });
        return svar;
      },
      { utenFrist: true },
    );
    if (ny) req.log.info({ takstaar: aar, tokenId: req.bruger!.tokenId, antal }, "takster offentliggjort");
    return reply.code(ny ? 201 : 200).send(off);
  });

  app.get("/api/v1/offentliggoerelse", { config: { offentlig: true } }, async (_req, reply) => {
    reply.header("cache-control", "no-cache");
    return { offentliggjorte: await offentliggjorteAar(db) };
  });

  /** The published year a valid query asks for, its date and rows; undefined when the year is not published. */
  const aaretsRaekker = async (q: z.infer<typeof aarQuery>): Promise<{ o: Offentliggoerelse; dato: string | null; raekker: TakstoversigtRaekke[] } | undefined> => {
    const off = await hentOffentliggoerelse(db, aarAf(q)!);
    if (!off) return undefined;
    const dag = q.dato ?? null;
    return { o: off, dato: dag, raekker: await offentligeRaekker(db, o.register, off.takstaar, dag) };
  };
  const filnavn = (d: { o: Offentliggoerelse; dato: string | null }, endelse: string) => `attachment; filename="takstoversigt-${d.dato ?? d.o.takstaar}.${endelse}"`;

  const aar = { beskrevet: { querystring: json(aarQuery) } };
  app.get("/api/v1/takstoversigt", { config: { ...aar, offentlig: true }, schema: { response: { 200: json(takstoversigtSchema), 400: json(fejlSchema), 404: json(fejlSchema) } } }, async (req, reply) => {
    const q = aarQuery.safeParse(req.query);
    if (!q.success) return ugyldig(reply, q.error);
    const d = await aaretsRaekker(q.data);
    if (!d) return reply.code(404).send(ikkeOffentliggjort(aarAf(q.data)!));
    reply.header("cache-control", "no-cache");
    return { takstaar: d.o.takstaar, offentliggjort: d.o.offentliggjort, dato: d.dato, takster: d.raekker };
  });

  // The page, the CSV and the .xlsx: built once per edition of the list and kept (lager.ts).
  const lager = new OffentligtLager();
  const udgave = delteLaesninger(() => offentligUdgave(db));
  const fraLager = async (req: FastifyRequest, reply: FastifyReply, noegle: string, byg: () => Promise<OffentligtSvar>) =>
    // The edition is read before the build reads its data (lager.ts).
    sendGemt(req, reply, await lager.hent(await udgave(), noegle, byg));

  const FIL = {
    csv: { type: "text/csv; charset=utf-8", komprimerbar: true },
    xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", komprimerbar: false },
  } as const;
  /** The CSV or the .xlsx of a valid query, as the route sends it (404 with the Danish message for an unpublished year). */
  const fil = async (q: z.infer<typeof aarQuery>, endelse: keyof typeof FIL): Promise<OffentligtSvar> => {
    const d = await aaretsRaekker(q);
    if (!d) return { status: 404, headers: { "content-type": "application/json; charset=utf-8" }, krop: Buffer.from(JSON.stringify(ikkeOffentliggjort(aarAf(q)!))), komprimerbar: true };
    const krop = endelse === "csv" ? Buffer.from(takstoversigtCsv(d.raekker)) : await takstoversigtXlsx(d.o.takstaar, d.o.offentliggjort, d.raekker, d.dato);
    return { status: 200, headers: { "cache-control": "no-cache", "content-type": FIL[endelse].type, "content-disposition": filnavn(d, endelse) }, krop, komprimerbar: FIL[endelse].komprimerbar };
  };
  for (const endelse of ["csv", "xlsx"] as const) {
    app.get(`/api/v1/takstoversigt.${endelse}`, { config: { ...aar, offentlig: true } }, async (req, reply) => {
      const q = aarQuery.safeParse(req.query);
      if (!q.success) return ugyldig(reply, q.error);
      return fraLager(req, reply, `${endelse} ${aarAf(q.data)} ${q.data.dato ?? ""}`, () => fil(q.data, endelse));
    });
  }

  const SIKKERHED = {
    "content-security-policy": CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-cache",
  };

  /** The page for a query (null: malformed), and its status. */
  const side = async (q: z.infer<typeof sideQuery> | null): Promise<OffentligtSvar> => {
    const aar = await offentliggjorteAar(db);
    const oensket = q ? aarAf(q) : undefined;
    const dag = q?.dato ?? null;
    // A date and a year that disagree is no page.
    const enige = !q || q.takstaar === undefined || dag === null || Number(dag.slice(0, 4)) === q.takstaar;
    const valgt = !enige ? null : oensket === undefined ? aar[0] ?? null : aar.find((a) => a.takstaar === oensket) ?? null;
    // An unpublished (or malformed) year: the page with the list of published years, and 404.
    const status = !q || (oensket !== undefined && !valgt) ? 404 : 200;
    const html = takstoversigtSide(aar, valgt, valgt ? await offentligeRaekker(db, o.register, valgt.takstaar, dag) : [], valgt ? dag : null);
    return { status, headers: { ...SIKKERHED, "content-type": "text/html; charset=utf-8" }, krop: Buffer.from(html), komprimerbar: true };
  };

  app.get("/takstoversigt", { config: { beskrevet: { querystring: json(sideQuery) }, offentlig: true } }, async (req, reply) => {
    const q = sideQuery.safeParse(req.query);
    const noegle = q.success ? `side ${q.data.takstaar ?? ""} ${q.data.dato ?? ""}` : "side ugyldig";
    return fraLager(req, reply, noegle, () => side(q.success ? q.data : null));
  });

  app.get("/takstoversigt.css", async (_req, reply) => {
    reply.headers(SIKKERHED);
    reply.header("content-type", "text/css; charset=utf-8");
    return CSS;
  });
}

export const offentliggoerelsePlugin = fp(offentliggoerelse, { name: "takst-offentliggoerelse", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
