import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/**
 * Time limits of the HTTP server. A client that opens a connection and sends nothing, or sends a
 * request byte by byte, is cut off instead of holding a socket (and PGlite's one connection) forever.
 */
export interface Tidsgraenser {
  /** Idle socket: no bytes in either direction for this long closes it. */
  forbindelseMs: number;
  /** The whole request (headers and body) must arrive within this. */
  forespoergselMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveMs: number;
}

export const STANDARD_TIDSGRAENSER: Tidsgraenser = { forbindelseMs: 30_000, forespoergselMs: 30_000, keepAliveMs: 5_000 };

export interface Hastighedsgraense {
  /** Requests one token (or, without a token, one address) may make per window. */
  antal: number;
  vinduMs: number;
  /** The clock (tests). */
  nu?: () => number;
}

/** 300 API requests per minute per token: far above a municipality's use, far below a flood. */
export const STANDARD_HASTIGHED: Hastighedsgraense = { antal: 300, vinduMs: 60_000 };

interface Spand {
  start: number;
  brugt: number;
}

/**
 * Fixed-window rate limit on /api/: keyed by token id when the request carries a valid token,
 * else by client address. 429 with Retry-After. Auth's onRequest hook must run first, so the
 * plugin depends on it by name: registering it before auth fails at start.
 */
export const hastighedPlugin = fp(async (app: FastifyInstance, g: Hastighedsgraense) => {
  const nu = g.nu ?? Date.now;
  const spande = new Map<string, Spand>();
  let sidstRyddet = nu();
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.url.startsWith("/api/")) return;
    const t = nu();
    // Forget finished windows now and then, so the map cannot grow without bound.
    if (t - sidstRyddet > g.vinduMs) {
      for (const [k, s] of spande) if (t - s.start >= g.vinduMs) spande.delete(k);
      sidstRyddet = t;
    }
    const noegle = req.bruger ? `token:${req.bruger.tokenId}` : `ip:${req.ip}`;
    let s = spande.get(noegle);
    if (!s || t - s.start >= g.vinduMs) {
      s = { start: t, brugt: 0 };
      spande.set(noegle, s);
    }
    s.brugt++;
    if (s.brugt > g.antal) {
      const sek = Math.max(1, Math.ceil((s.start + g.vinduMs - t) / 1000));
      reply.header("retry-after", String(sek));
      return reply.code(429).send({ fejl: `For mange forespørgsler. Prøv igen om ${sek} sekunder.` });
    }
  });
}, { name: "takst-hastighed", fastify: "5.x", dependencies: ["takst-auth"] });
