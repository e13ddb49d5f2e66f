import type { FastifyInstance } from "fastify";

/** Starts the app on a free loopback port and gives its base URL (the browser tests' service). */
export async function lytLokalt(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const adr = app.server.address();
  if (typeof adr !== "object" || adr === null) throw new Error("Tjenesten lytter ikke på en TCP-port.");
  return `http://127.0.0.1:${adr.port}`;
}
