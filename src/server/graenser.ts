import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { forMangeTekst } from "../kontrakt/forMange";

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

declare module "fastify" {
  interface FastifyContextConfig {
    /** A public page or download (no token): counted per client address under `offentlig`, apart from the API. */
    offentlig?: boolean;
  }
}

export interface Hastighedsgraense {
  /** Requests one token (or, without a valid token, one client address) may make per window; 0: no limit. */
  antal: number;
  /**
   * Requests to the public pages and downloads one client address may make per window, counted
   * apart from the API (people behind one address reading the takstoversigt on publication day
   * do not use up the address's API limit); 0: no limit; `antal` when absent.
   */
  offentlig?: number;
  vinduMs: number;
  /** The clock (tests). */
  nu?: () => number;
}

/**
 * 300 requests per minute per token or address: far above a municipality's use, far below a
 * flood. The public pages 600 per address: a whole office behind one address opening the
 * takstoversigt at once, each page a kept file (offentliggoerelse/lager.ts).
 */
export const STANDARD_HASTIGHED = { antal: 300, offentlig: 600, vinduMs: 60_000 } as const satisfies Hastighedsgraense;

/** BODY_LIMIT's default (bytes). Here, not in app.ts, so reading the configuration loads no web service. */
export const STANDARD_BODY_LIMIT = 256 * 1024;

interface Spand {
  start: number;
  brugt: number;
}

/**
 * The add-in's own files (scripts, styles, the pane's and the functions' pages, icons, the
 * manifest) are not counted: a municipality's staff behind one NAT address load them with every
 * pane start, ten or more requests each, and they cost the service only a cached file. The API,
 * the public pages and their downloads (.csv, .xlsx) are counted.
 */
const TILFOEJELSESFIL = /^\/(?!api\/)[^?]*\.(?:js|css|html|png|svg|ico|xml|json|map|woff2?)(?:\?.*)?$/;
const erTilfoejelsesfil = (req: FastifyRequest): boolean => (req.method === "GET" || req.method === "HEAD") && TILFOEJELSESFIL.test(req.url);

const SIDE_429 = { "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'", "cache-control": "no-store" };
const forMangeSide = (sek: number): string =>
  `<!doctype html>\n<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>For mange forespørgsler</title></head>\n<body><main><h1>For mange forespørgsler</h1><p>${forMangeTekst(sek)}</p></main></body></html>\n`;

/**
 * Fixed-window rate limit on every route but the add-in's files (API, public pages): keyed by token id when
 * the request carries a valid token, wherever it comes from, else by client address (req.ip: with
 * TRUST_PROXY the address X-Forwarded-For names). 429 with Retry-After. Auth's onRequest hook must
 * run first, so the plugin depends on it by name: registering it before auth fails at start.
 */
export const hastighedPlugin = fp(async (app: FastifyInstance, g: Hastighedsgraense) => {
  const nu = g.nu ?? Date.now;
  const spande = new Map<string, Spand>();
  const talt = new WeakSet<FastifyRequest>();
  let sidstRyddet = nu();
  /** Counts one request in its bucket; the seconds to wait when it is over the limit. */
  const tael = (noegle: string, graense: number): number | undefined => {
    if (graense === 0) return undefined;
    const t = nu();
    // Forget finished windows now and then, so the map cannot grow without bound.
    if (t - sidstRyddet > g.vinduMs) {
      for (const [k, s] of spande) if (t - s.start >= g.vinduMs) spande.delete(k);
      sidstRyddet = t;
    }
    let s = spande.get(noegle);
    if (!s || t - s.start >= g.vinduMs) {
      s = { start: t, brugt: 0 };
      spande.set(noegle, s);
    }
    s.brugt++;
    return s.brugt > graense ? Math.max(1, Math.ceil((s.start + g.vinduMs - t) / 1000)) : undefined;
  };
  app.addHook("onRequest", async (req: FastifyRequest, reply: FastifyReply) => {
    talt.add(req);
    if (erTilfoejelsesfil(req)) return;
    const offentlig = req.routeOptions.config?.offentlig === true;
    const sek = offentlig ? tael(`offentlig:${req.ip}`, g.offentlig ?? g.antal) : tael(req.bruger ? `token:${req.bruger.tokenId}` : `ip:${req.ip}`, g.antal);
    if (sek === undefined) return;
    reply.header("retry-after", String(sek));
    // A page is answered as a page: a person, not a program, reads it.
    if (offentlig && !req.url.startsWith("/api/")) return reply.code(429).headers(SIDE_429).send(forMangeSide(sek));
    return reply.code(429).send({ fejl: forMangeTekst(sek) });
  });
  // Auth's 401 and 403 end the request before the hook above: count them here, by address, so
  // guessing tokens is limited too; over the limit the refusal becomes the 429.
  app.addHook("onSend", async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (talt.has(req)) return payload;
    talt.add(req);
    const sek = tael(`ip:${req.ip}`, g.antal);
    if (sek === undefined) return payload;
    reply.removeHeader("www-authenticate");
    reply.code(429).header("retry-after", String(sek)).type("application/json; charset=utf-8");
    return JSON.stringify({ fejl: forMangeTekst(sek) });
  });
}, { name: "takst-hastighed", fastify: "5.x", dependencies: ["takst-auth"] });
