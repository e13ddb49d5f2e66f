import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "./db";
import { sessionBruger, sessionFraBearer, sessionFraCookie } from "./login/session";
import { type Bruger, type Rolle, findBruger } from "./tokens";

declare module "fastify" {
  interface FastifyRequest {
    bruger: Bruger | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed on the route; absent = no token needed. */
    roller?: readonly Rolle[];
    /**
     * The route checks revocation itself, in the statement that acts, and before any refusal:
     * the token may then come from memory (tokens.ts findBruger `fraCache`).
     */
    tilbagekaldelseIRuten?: boolean;
  }
}

export function afvisToken(reply: FastifyReply): FastifyReply {
  reply.header("www-authenticate", 'Bearer realm="takst-server"');
  return reply.code(401).send({ fejl: "Manglende, ugyldigt eller tilbagekaldt token." });
}

/**
 * A route with `tilbagekaldelseIRuten` calls this before any refusal, so a revoked token is
 * told 401 (not 403 or 422) even when it came from memory.
 */
export async function tokenStadigGyldigt(db: Db, req: FastifyRequest): Promise<boolean> {
  return !req.bruger?.fraCache || (await findBruger(db, req.headers.authorization)) !== null;
}

/**
 * The caller: a bearer token (the CLI, machines; `Bearer tss_…` is the pane's personal login),
 * else the pages' session cookie. A present Authorization header is never passed over for the
 * cookie, so a bad token is refused even in a browser that is logged in.
 */
export async function brugerAf(db: Db, req: FastifyRequest, o: { fraCache?: boolean } = {}): Promise<{ bruger: Bruger | null; viaCookie: boolean }> {
  const authorization = req.headers.authorization?.trim() || undefined;
  if (authorization) {
    const session = sessionFraBearer(authorization);
    return { bruger: session !== null ? await sessionBruger(db, session) : await findBruger(db, authorization, o), viaCookie: false };
  }
  const cookie = sessionFraCookie(req.headers.cookie);
  return { bruger: cookie !== null ? await sessionBruger(db, cookie) : null, viaCookie: cookie !== null };
}

/** A cookie-carried change must come from a page of this service (the cookie is SameSite=Lax; this also stops a sibling site). */
function fremmedOprindelse(req: FastifyRequest): boolean {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * Bearer token → token row by id, secret compared by hash in constant time (tokens.ts).
 * Runs onRequest, so a body is never parsed for a caller without a valid token.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db }) => {
  app.decorateRequest("bruger", null);
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    const roller = req.routeOptions.config?.roller;
    if (!roller) return;
    const { bruger, viaCookie } = await brugerAf(opts.db, req, { fraCache: req.routeOptions.config?.tilbagekaldelseIRuten === true });
    if (!bruger) return afvisToken(reply);
    if (viaCookie && fremmedOprindelse(req)) return reply.code(403).send({ fejl: "Forespørgslen kom ikke fra tjenestens egne sider." });
    if (!roller.includes(bruger.rolle)) {
      return reply.code(403).send({ fejl: roller.includes("kommune") && roller.includes("sekretariat") ? "Kun sekretariatet og kommunerne har adgang." : roller.includes("kommune") ? "Kun en kommunes token kan indberette." : roller.includes("socialtilsyn") ? "Kun et socialtilsyns token kan indsende tilsynsskemaet." : "Kun sekretariatet har adgang." });
    }
    req.bruger = bruger;
  });
}, { name: "takst-auth", fastify: "5.x" });
