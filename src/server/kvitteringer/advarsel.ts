import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Kvitteringskontrol } from "./index";

/**
 * Said at the top of every page while receipted submissions are missing: the pages still show
 * what the database holds (a reader needs what is left), but not as if it were all. Public
 * text: no receipt numbers, no commands (those are in /health and the server's log).
 */
export const ADVARSEL =
  '<p role="alert"><strong>Bemærk: Oversigten kan være ufuldstændig.</strong> Der er fundet en fejl i de gemte indberetninger, ' +
  "og der modtages ingen nye, før den er rettet.</p>";

function medAdvarsel(html: string): string {
  const m = /<main[^>]*>/i.exec(html) ?? /<body[^>]*>/i.exec(html);
  return m ? html.slice(0, m.index + m[0].length) + ADVARSEL + html.slice(m.index + m[0].length) : html;
}

/** The pages' warning (onSend, before compression, which each route adds after the app's hooks). */
export const kvitteringsAdvarselPlugin = fp(
  async (app: FastifyInstance, o: { kontrol: Kvitteringskontrol }) => {
    app.addHook("onSend", async (_req, reply, payload) => {
      if (!o.kontrol.spaerret() || !String(reply.getHeader("content-type") ?? "").startsWith("text/html")) return payload;
      if (typeof payload === "string") return medAdvarsel(payload);
      if (Buffer.isBuffer(payload)) return medAdvarsel(payload.toString("utf8"));
      return payload;
    });
  },
  { name: "takst-kvitteringsadvarsel", fastify: "5.x" },
);
