import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { DATABASE_SVARER_IKKE, SEND_IGEN, erUtilgaengelig } from "./dbTilgaengelighed";

/**
 * Refusals in Danish: a 4xx from Fastify itself (bad JSON, too large, wrong content type) with
 * its detail; a database that cannot serve now a 503 (logged once per fault by overvaag, not
 * here); anything else a 500 that says nothing about the inside (logged in full).
 */
export const fejlPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((err: FastifyError, req, reply) => {
      if (erUtilgaengelig(err)) {
        // Retry-safe: a submission stored with its answer lost gives the same receipt again.
        reply.header("retry-after", "5");
        return reply.code(503).send({ fejl: req.method === "POST" ? `${DATABASE_SVARER_IKKE} ${SEND_IGEN}` : DATABASE_SVARER_IKKE });
      }
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      if (status >= 500) {
        req.log.error({ err }, "intern fejl");
        return reply.code(500).send({ fejl: "Intern fejl i serveren." });
      }
      return reply.code(status).send({ fejl: danskFejl(status), detalje: err.message });
    });
    app.setNotFoundHandler((_req, reply) => reply.code(404).send({ fejl: "Ikke fundet." }));
  },
  { name: "takst-fejl", fastify: "5.x" },
);

function danskFejl(status: number): string {
  switch (status) {
    case 400:
      return "Ugyldig forespørgsel (fx ikke gyldig JSON).";
    case 413:
      return "Indberetningen er for stor.";
    case 415:
      return "Indberetningen skal sendes som application/json.";
    default:
      return "Forespørgslen kan ikke behandles.";
  }
}
