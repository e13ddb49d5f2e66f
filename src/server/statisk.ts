import { existsSync, readFileSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/** The address a development build's manifest points at (webpack.config.js without ADDIN_URL). */
export const UDVIKLINGS_URL = "https://localhost:3000/";

/** Only a path that stays inside dist/ and has no NUL is served; anything else is "not found" (never 403). */
export function iMappen(rod: string, rel: string): boolean {
  let afkodet = rel;
  try {
    afkodet = decodeURIComponent(rel);
  } catch {
    return false;
  }
  if (rel.includes("\0") || afkodet.includes("\0")) return false;
  const sti = resolve(join(rod, afkodet));
  return sti === rod || sti.startsWith(rod + sep);
}

/** Text types with their charset (the add-in's Danish text), as before @fastify/static. */
const TEKSTTYPER: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Headers of every add-in file besides the validators (ETag, Last-Modified) @fastify/static sets. */
function offentligeHeadere(res: { setHeader(navn: string, vaerdi: string): unknown }): void {
  // Revalidate every time: a new build must reach Excel at once, and a repeat costs a 304.
  res.setHeader("cache-control", "no-cache");
  // Excel on the web fetches functions.json/functions.js from its own origin: the add-in's
  // public files may be read cross-origin (the API keeps its own CORS for the add-in only).
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("cross-origin-resource-policy", "cross-origin");
}

/**
 * The built add-in (dist/) as static files: manifest.xml, taskpane.html, functions.json, the
 * overview's chunks, … through @fastify/static (ETag, Last-Modified, 304), compressed by the
 * takst-web plugin. With `addinUrl` the served manifest.xml points at the server's real address
 * (PORT) where the build left the development address.
 */
export const statiskPlugin = fp(async (app: FastifyInstance, opts: { mappe: string; addinUrl?: string }) => {
  const rod = resolve(opts.mappe);
  app.get("/", async (_req, reply) => reply.redirect("/taskpane.html"));
  if (!existsSync(rod)) {
    app.get("/*", async (_req, reply) => reply.code(404).send({ fejl: "Ikke fundet. Tilføjelsesprogrammet er ikke bygget: kør npm run build." }));
    return;
  }
  if (opts.addinUrl) {
    const addinUrl = opts.addinUrl;
    app.get("/manifest.xml", async (_req, reply) => {
      const sti = join(rod, "manifest.xml");
      if (!existsSync(sti)) return reply.code(404).send({ fejl: "Ikke fundet." });
      offentligeHeadere(reply.raw);
      reply.header("content-type", TEKSTTYPER[".xml"]);
      return reply.send(readFileSync(sti, "utf8").split(UDVIKLINGS_URL).join(addinUrl));
    });
  }
  // In a context of its own: the hook gives the text types their charset (as before), which
  // @fastify/static would set without, and touches no other route.
  await app.register(async (filer) => {
    filer.addHook("onSend", async (req, reply, payload) => {
      const type = TEKSTTYPER[extname(req.url.split("?")[0]!).toLowerCase()];
      if (type && reply.statusCode === 200) reply.header("content-type", type);
      return payload;
    });
    await filer.register(fastifyStatic, {
      root: rod,
      index: false,
      list: false,
      cacheControl: false,
      // .env and the like are never the add-in's: not found, as before.
      dotfiles: "ignore",
      allowedPath: (sti: string) => iMappen(rod, sti),
      setHeaders: offentligeHeadere,
    });
  });
}, { name: "takst-statisk", fastify: "5.x", dependencies: ["takst-openapi", "takst-web"] });
