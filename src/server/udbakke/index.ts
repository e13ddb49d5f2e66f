import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { fejlSchema, udbakkeQuerySchema, udbakkeSchema } from "../../kontrakt";
import type { RegelsaetRegister } from "../../regelsaet";
import type { Db, Sql } from "../db";
import { type KontraktTypeProvider, json } from "../kontrakt";
import type { Rolle } from "../tokens";
import type { Sagsstatus } from "../dialog/typer";
import type { MailKonfig } from "./konfig";
import { type UdbakkeRaekke, listUdbakke, offentliggjortTilAlle, tilKommunen, tilSekretariatet } from "./sql";
import { formuler } from "./tekster";

export type { MailKonfig } from "./konfig";

/**
 * What the actions write to the outbox, each inside the action's own transaction (a rolled-back
 * action leaves no mail). Without SMTP_URL every call writes nothing (INGEN_MAIL).
 */
export interface Udbakke {
  /** Where a new submission's receipt goes (its TS_Email), or null: no receipt is written. */
  kvitteringTil(vaerdier: Record<string, unknown>): string | null;
  /** A dialogue post: the secretariat's question or approval to the municipality, the municipality's answer to the secretariat. */
  dialog(tx: Sql, p: { indberetningId: string; rolle: Rolle; status: Sagsstatus | null }): Promise<void>;
  /** A takstår published: to every driftsherre with a submission that year. */
  offentliggjort(tx: Sql, takstaar: number): Promise<void>;
}

export const INGEN_MAIL: Udbakke = {
  kvitteringTil: () => null,
  dialog: async () => undefined,
  offentliggjort: async () => undefined,
};

export function lavUdbakke(k: MailKonfig | undefined): Udbakke {
  if (!k) return INGEN_MAIL;
  return {
    kvitteringTil: (v) => (typeof v.TS_Email === "string" && v.TS_Email.trim() ? v.TS_Email.trim() : null),
    dialog: async (tx, p) => {
      if (p.rolle === "sekretariat") await tilKommunen(tx, p.indberetningId, p.status === "godkendt" ? "godkendt" : "spoergsmaal");
      // A withdrawal is the municipality's own act, not an answer.
      else if (p.rolle === "kommune" && p.status === null && k.sekretariat) await tilSekretariatet(tx, p.indberetningId, "svar", k.sekretariat);
    },
    offentliggjort: (tx, takstaar) => offentliggjortTilAlle(tx, takstaar),
  };
}

const iso = (d: Date | string | null): string | null => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

function somMail(r: UdbakkeRaekke) {
  let emne: string;
  try {
    emne = formuler(r.art, r.data).emne;
  } catch {
    emne = "(kan ikke skrives)";
  }
  return {
    id: Number(r.id), art: r.art, modtagere: r.modtagere, emne, status: r.status, oprettet: iso(r.oprettet)!, sendt: iso(r.sendt), forsoeg: r.forsoeg,
    naesteForsoeg: r.status === "afventer" ? iso(r.naeste_forsoeg) : null, svar: r.svar,
  };
}

export interface UdbakkeOptions {
  db: Db;
  register: RegelsaetRegister & { opdater?(): Promise<void> };
  mail?: MailKonfig;
}

/**
 * GET /api/v1/udbakke for the secretariat (what was sent, what waits, what failed, with the
 * server's answers), and with SMTP_URL the sender, stopped when the app closes.
 */
async function udbakke(fastify: FastifyInstance, o: UdbakkeOptions): Promise<void> {
  const app = fastify.withTypeProvider<KontraktTypeProvider>();
  const fejl = json(fejlSchema);
  app.get(
    "/api/v1/udbakke",
    { config: { roller: ["sekretariat"] }, schema: { querystring: json(udbakkeQuerySchema), response: { 200: json(udbakkeSchema), 400: fejl, 401: fejl, 403: fejl } } },
    async (req, reply) => {
      reply.header("cache-control", "no-store");
      return { smtp: o.mail !== undefined, mails: (await listUdbakke(o.db, req.query.status, req.query.antal ?? 200)).map(somMail) };
    },
  );
  if (o.mail) {
    // nodemailer is loaded only when mail is on (SMTP_URL).
    const { Afsender } = await import("./afsender");
    const afsender = new Afsender(o.db, o.register, o.mail, app.log);
    app.addHook("onReady", async () => afsender.start());
    app.addHook("onClose", async () => afsender.stop());
  }
}

export const udbakkePlugin = fp(udbakke, { name: "takst-udbakke", fastify: "5.x", dependencies: ["takst-auth", "takst-openapi"], encapsulate: true });
