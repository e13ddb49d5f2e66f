import { constants } from "node:zlib";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** Brotli at quality 5: most of the saving of 11 at a fraction of its CPU (per request, or once for a kept answer). */
export const BROTLI_VALG = { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 5 } };

/**
 * For a large JSON built per request (the overview's): brotli at quality 1 and gzip at level 1.
 * 10,000 rows: brotli 5 took ~250 ms of the server per request; quality 1 takes a tenth of that
 * for a body about a third larger (still ~2 % of the JSON).
 */
export const OVERSIGT_KOMPRIMERING = {
  // A route's own options replace the plugin's, so the encodings are said again.
  encodings: ["br", "gzip"] as ("br" | "gzip")[],
  threshold: 1024,
  brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 1 } },
  zlibOptions: { level: 1 },
};

/**
 * What every answer gets as a web server: security headers (@fastify/helmet) and gzip/br for
 * text (@fastify/compress; a pane load is about a third of its size compressed). Registered
 * before the routes, whose hooks it adds to.
 */
export const webPlugin = fp(async (app: FastifyInstance) => {
  await app.register(helmet, {
    global: true,
    // Each page sets its own CSP (the overview's with the sha256 of its inline script); the add-in
    // files get none, since Excel's hosts load the pane with office.js from outside.
    contentSecurityPolicy: false,
    // Excel embeds the task pane in a frame: no X-Frame-Options here; the pages that must never
    // be framed say DENY / frame-ancestors 'none' themselves.
    frameguard: false,
    // TLS ends at the reverse proxy in a deployment (docs/drift.md), which sets HSTS; on the
    // development certificate for localhost it would pin every local port to https for a year.
    hsts: false,
  });
  await app.register(compress, {
    global: true,
    encodings: ["br", "gzip"] as ("br" | "gzip")[],
    threshold: 1024,
    brotliOptions: BROTLI_VALG,
  });
}, { name: "takst-web", fastify: "5.x" });
