import type { FastifyInstance } from "fastify";
import type { RegelsaetRegister } from "../regelsaet";
import type { Db } from "./db";
import { hentDialog } from "./dialog/sql";
import { eksportRaekker, somCsv, somXlsx } from "./eksport";
import { behandlKrop } from "./indberetning";
import { aendringIAaretFund, manglerBegrundelse, ts120, ydelserAf } from "../takstskema";
import { afvisToken, tokenStadigGyldigt } from "./auth";
import { GemAfvist, aktuelleTakster, gemIndberetning, hentIndberetning, listIndberetninger } from "./lager";
import { hentSidsteAars } from "./sidsteAar";
import { sammeDriftsherre } from "./tokens";

const fundJson = {
  type: "object",
  properties: { code: { type: "string" }, severity: { type: "string" }, field: { type: "string" }, cell: { type: "string" }, message: { type: "string" } },
} as const;
const sprungetJson = { type: "object", properties: { code: { type: "string" }, field: { type: "string" }, message: { type: "string" } } } as const;
const kvitteringJson = {
  type: "object",
  required: ["id", "nummer", "modtaget", "sha256"],
  properties: {
    id: { type: "string" }, nummer: { type: ["string", "null"] }, modtaget: { type: "string" }, sha256: { type: "string" },
    // The warnings stored with the submission (TS120 among them: computed here, not in the pane).
    findings: { type: "array", items: fundJson },
  },
} as const;
const fejlJson = { type: "object", properties: { fejl: { type: "string" } } } as const;
const afvistJson = {
  type: "object",
  properties: { fejl: { type: "string" }, findings: { type: "array", items: fundJson }, skipped: { type: "array", items: sprungetJson } },
} as const;
const indberetningJson = {
  type: "object",
  properties: {
    id: { type: "string" }, driftsherre: { type: "string" }, tilbud: { type: "string" }, ydelse: { type: "string" }, ydelser: { type: "array", items: { type: "string" } },
    takstaar: { type: "integer" }, version: { type: "integer" }, nummer: { type: ["string", "null"] }, status: { type: "string" },
    sha256: { type: "string" }, modtaget: { type: "string" },
  },
} as const;
const helseJson = { type: "object", properties: { status: { type: "string" }, database: { type: "string" } } } as const;
const takstaarQuery = {
  type: "object",
  additionalProperties: false,
  properties: { takstaar: { type: "integer", minimum: 1900, maximum: 2200 }, aktuelle: { type: "boolean" } },
} as const;

export interface RouteOptions {
  db: Db;
  /** opdater(): read rulesets published since (src/server/regelsaet) before validating. */
  register: RegelsaetRegister & { opdater?(): Promise<void>; readonly udgivelse?: number };
  bodyLimit: number;
}

/** The API of product.md §5 under /api/v1. */
export async function apiRoutes(app: FastifyInstance, o: RouteOptions): Promise<void> {
  const { db } = o;

  app.get("/api/v1/health", { schema: { response: { 200: helseJson, 503: helseJson } } }, async (_req, reply) => {
    try {
      await db.query("SELECT 1");
      return { status: "ok", database: db.art };
    } catch {
      return reply.code(503).send({ status: "fejl", database: db.art });
    }
  });

  app.post(
    "/api/v1/indberetninger",
    {
      bodyLimit: o.bodyLimit,
      config: { roller: ["kommune"], tilbagekaldelseIRuten: true },
      schema: { response: { 200: kvitteringJson, 201: kvitteringJson, 401: fejlJson, 403: fejlJson, 422: afvistJson } },
    },
    async (req, reply) => {
      const bruger = req.bruger!;
      const krop = req.body as unknown;
      const andenDriftsherre = async () => {
        if (!(await tokenStadigGyldigt(db, req))) return afvisToken(reply);
        return reply.code(403).send({ fejl: `Dette token må kun indberette for ${bruger.driftsherre}.` });
      };
      // A body that names another driftsherre is refused before anything else is looked at.
      if (krop && typeof krop === "object" && !Array.isArray(krop)) {
        const dh = (krop as Record<string, unknown>).TS_Driftsherre;
        if (typeof dh === "string" && dh.trim() !== "" && !sammeDriftsherre(dh, bruger.driftsherre ?? "")) return andenDriftsherre();
      }
      // The server's register knows its publication number: the statement that stores checks it
      // (no query of its own); another register is brought up to date first, as before.
      if (o.register.udgivelse === undefined) await o.register.opdater?.();
      for (let forsoeg = 0; ; forsoeg++) {
        const b = behandlKrop(krop, o.register, new Date());
        if (!b.ok) {
          if (!(await tokenStadigGyldigt(db, req))) return afvisToken(reply);
          return reply.code(422).send({ fejl: "Skemaet har fejl og er ikke modtaget.", findings: b.findings, skipped: b.skipped });
        }
        if (!sammeDriftsherre(b.noegle.driftsherre, bruger.driftsherre ?? "")) return andenDriftsherre();
        // TS120: the stated sidste års takst against what was submitted for the ydelse last year.
        // Only a body that states one costs the extra read (storing stays one round trip otherwise).
        const ydelser = ydelserAf(b.vaerdier, b.beregnet);
        const sidsteAar = ydelser.some((y) => y.sidsteAarsTakst !== null) ? await hentSidsteAars(db, bruger.driftsherre!, b.noegle.tilbud, b.noegle.takstaar - 1) : undefined;
        const findings = [...b.findings, ...ts120(ydelser, sidsteAar?.ydelser ?? [])];
        try {
          const { kvittering, ny } = await gemIndberetning(db, {
            ...b.noegle,
            driftsherre: bruger.driftsherre!,
            sha256: b.sha256,
            payload: b.indhold,
            vaerdier: b.vaerdier,
            findings,
            sprunget: b.skipped,
            beregnet: b.beregnet,
            regelsaet: b.regelsaet,
            regelsaetUdgivelse: o.register.udgivelse,
            // After publication a new version is an in-year change and must say why (product.md §5):
            // the storing call looks the publication up and refuses (GemAfvist "offentliggjort").
            kraeverBegrundelse: manglerBegrundelse(b.vaerdier),
            tokenId: bruger.tokenId,
          });
          req.log.info({ indberetning: kvittering.id, tokenId: bruger.tokenId, ny }, ny ? "indberetning modtaget" : "indberetning gentaget");
          return reply.code(ny ? 201 : 200).send({ ...kvittering, findings });
        } catch (e) {
          if (!(e instanceof GemAfvist)) throw e;
          if (e.grund === "token") return afvisToken(reply);
          if (e.grund === "offentliggjort") {
            const aendring = aendringIAaretFund(b.vaerdier, b.noegle.takstaar, e.offentliggjort);
            return reply.code(422).send({ fejl: "Taksterne er offentliggjort: en ændring kræver en begrundelse.", findings: aendring ? [...b.findings, aendring] : b.findings, skipped: b.skipped });
          }
          // A ruleset was published since: read it and validate again.
          if (forsoeg >= 5) throw e;
          await o.register.opdater?.();
        }
      }
    },
  );

  app.get(
    "/api/v1/indberetninger",
    {
      config: { roller: ["kommune", "sekretariat"] },
      schema: { querystring: takstaarQuery, response: { 200: { type: "object", properties: { indberetninger: { type: "array", items: indberetningJson } } } } },
    },
    async (req) => {
      const q = req.query as { takstaar?: number; aktuelle?: boolean };
      const driftsherre = req.bruger!.rolle === "sekretariat" ? null : req.bruger!.driftsherre;
      return { indberetninger: await listIndberetninger(db, { driftsherre, takstaar: q.takstaar, kunAktuelle: q.aktuelle }) };
    },
  );

  // Issue 14: last year's takst per ydelse for the pane to offer (the municipality's own tilbud).
  app.get(
    "/api/v1/indberetninger/sidste-aar",
    {
      config: { roller: ["kommune"] },
      schema: {
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["tilbud", "takstaar"],
          properties: { tilbud: { type: "string", minLength: 1, maxLength: 500 }, takstaar: { type: "integer", minimum: 1900, maximum: 2200 } },
        },
      },
    },
    async (req, reply) => {
      const q = req.query as { tilbud: string; takstaar: number };
      const s = await hentSidsteAars(db, req.bruger!.driftsherre!, q.tilbud.trim(), q.takstaar - 1);
      reply.header("cache-control", "no-store");
      if (!s || s.ydelser.length === 0) return reply.code(404).send({ fejl: `Ingen aktuel indberetning af ${q.tilbud.trim()} for ${q.takstaar - 1}.` });
      return { takstaar: s.takstaar, id: s.id, nummer: s.nummer, version: s.version, ydelser: s.ydelser.map((y) => ({ navn: y.navn, takst: y.takst })) };
    },
  );

  app.get(
    "/api/v1/indberetninger/:id",
    {
      config: { roller: ["kommune", "sekretariat"] },
      schema: { params: { type: "object", properties: { id: { type: "string", maxLength: 64 } } } },
    },
    async (req, reply) => {
      const { id } = req.params as { id: string };
      const driftsherre = req.bruger!.rolle === "sekretariat" ? null : req.bruger!.driftsherre;
      // Another municipality's submission is "not found": its existence is not revealed.
      const i = await hentIndberetning(db, id, driftsherre);
      if (!i) return reply.code(404).send({ fejl: "Indberetningen findes ikke." });
      return { ...i, dialog: await hentDialog(db, i.id) };
    },
  );

  const eksportSchema = { querystring: { type: "object", additionalProperties: false, properties: { takstaar: { type: "integer", minimum: 1900, maximum: 2200 } } } };
  const raekker = async (takstaar: number | undefined) => eksportRaekker(await aktuelleTakster(db, takstaar));

  app.get("/api/v1/eksport/takster.csv", { config: { roller: ["sekretariat"] }, schema: eksportSchema }, async (req, reply) => {
    const { takstaar } = req.query as { takstaar?: number };
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="takster${takstaar ? "-" + takstaar : ""}.csv"`);
    return somCsv(await raekker(takstaar));
  });

  app.get("/api/v1/eksport/takster.xlsx", { config: { roller: ["sekretariat"] }, schema: eksportSchema }, async (req, reply) => {
    const { takstaar } = req.query as { takstaar?: number };
    reply.header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    reply.header("content-disposition", `attachment; filename="takster${takstaar ? "-" + takstaar : ""}.xlsx"`);
    return reply.send(await somXlsx(await raekker(takstaar)));
  });
}
