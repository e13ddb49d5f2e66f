import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const TYPER: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff2": "font/woff2",
};

/** The address a development build's manifest points at (webpack.config.js without ADDIN_URL). */
export const UDVIKLINGS_URL = "https://localhost:3000/";

/**
 * The built add-in (dist/) as static files: manifest.xml, taskpane.html, functions.json, …
 * With `addinUrl` the served manifest.xml points at the server's real address (PORT) where the
 * build left the development address.
 */
export const statiskPlugin = fp(async (app: FastifyInstance, opts: { mappe: string; addinUrl?: string }) => {
  const rod = resolve(opts.mappe);
  app.get("/", async (_req, reply) => reply.redirect("/taskpane.html"));
  app.get("/*", async (req, reply) => {
    const rel = (req.params as { "*"?: string })["*"] ?? "";
    const sti = resolve(join(rod, rel));
    if ((sti !== rod && !sti.startsWith(rod + sep)) || rel.includes("\0")) return reply.code(404).send({ fejl: "Ikke fundet." });
    if (!existsSync(sti) || !statSync(sti).isFile()) {
      const hjaelp = existsSync(rod) ? "" : " Tilføjelsesprogrammet er ikke bygget: kør npm run build.";
      return reply.code(404).send({ fejl: `Ikke fundet.${hjaelp}` });
    }
    reply.header("content-type", TYPER[extname(sti).toLowerCase()] ?? "application/octet-stream");
    reply.header("cache-control", "no-cache");
    // Excel on the web fetches functions.json/functions.js from its own origin: the add-in's
    // public files may be read cross-origin (the API keeps its own CORS for the add-in only).
    reply.header("access-control-allow-origin", "*");
    if (opts.addinUrl && rel === "manifest.xml") return reply.send(readFileSync(sti, "utf8").split(UDVIKLINGS_URL).join(opts.addinUrl));
    return reply.send(createReadStream(sti));
  });
}, { name: "takst-statisk", fastify: "5.x", dependencies: ["takst-openapi"] });
