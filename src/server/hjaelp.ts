import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { SIDEFOD } from "./webside";

/**
 * GET /hjaelp: the user's sections of README.md as a plain page, so the manifest's SupportUrl
 * and LearnMoreUrl point at real help that is served with the add-in and cannot drift from it.
 */
export const HJAELP_AFSNIT = ["SOC-funktionerne i Excel", "Funktionsreference", "Opgaveruden i Excel – kort vejledning"] as const;

// style-src 'self': the public pages' stylesheet (/takstoversigt.css), for reflow at 320 px.
const CSP = "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Inline markdown: `code`, **bold**, *italic*, images as their alt text, links (http(s) only). */
function inline(s: string): string {
  const dele = s.split(/(`[^`]*`)/);
  return dele
    .map((d) => {
      if (d.startsWith("`") && d.endsWith("`") && d.length > 1) return `<code>${esc(d.slice(1, -1))}</code>`;
      return esc(d)
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
        .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
        .replace(/\*([^*]+)\*/g, "<em>$1</em>");
    })
    .join("");
}

/** The small part of Markdown the README uses: headings, paragraphs, lists, tables, code blocks. */
export function markdownTilHtml(md: string): string {
  const ud: string[] = [];
  const linjer = md.split(/\r?\n/);
  let afsnit: string[] = [];
  let liste: "ul" | "ol" | null = null;
  let overskrift = "";
  let tabeller = 0;
  const slutAfsnit = () => {
    if (afsnit.length) ud.push(`<p>${inline(afsnit.join(" "))}</p>`);
    afsnit = [];
  };
  const slutListe = () => {
    if (liste) ud.push(`</${liste}>`);
    liste = null;
  };
  for (let i = 0; i < linjer.length; i++) {
    const l = linjer[i]!;
    if (l.startsWith("```")) {
      slutAfsnit();
      slutListe();
      const kode: string[] = [];
      while (++i < linjer.length && !linjer[i]!.startsWith("```")) kode.push(linjer[i]!);
      ud.push(`<pre><code>${esc(kode.join("\n"))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,6}) (.*)$/.exec(l);
    if (h) {
      slutAfsnit();
      slutListe();
      ud.push(`<h${h[1]!.length}>${inline(h[2]!)}</h${h[1]!.length}>`);
      overskrift = h[2]!.replace(/[`*]/g, "");
      continue;
    }
    if (l.startsWith("|")) {
      slutAfsnit();
      slutListe();
      const raekker: string[][] = [];
      for (; i < linjer.length && linjer[i]!.startsWith("|"); i++) {
        const celler = linjer[i]!.replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
        if (!celler.every((c) => /^:?-+:?$/.test(c))) raekker.push(celler);
      }
      i--;
      const [hoved, ...krop] = raekker;
      // A wide table scrolls in its own focusable, named region (the page reflows at 320 px).
      ud.push(
        `<div class="tabel" role="region" aria-label="Tabel ${++tabeller}: ${esc(overskrift)}" tabindex="0"><table><thead><tr>${(hoved ?? []).map((c) => `<th>${inline(c)}</th>`).join("")}</tr></thead><tbody>` +
          krop.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join("")}</tr>`).join("") +
          "</tbody></table></div>",
      );
      continue;
    }
    const punkt = /^(\s*)(?:([-*])|(\d+)\.) (.*)$/.exec(l);
    if (punkt) {
      slutAfsnit();
      const art = punkt[2] ? "ul" : "ol";
      if (liste !== art) {
        slutListe();
        ud.push(`<${art}>`);
        liste = art;
      }
      const tekst = [punkt[4]!];
      while (i + 1 < linjer.length && /^\s{2,}\S/.test(linjer[i + 1]!) && !/^\s*(?:[-*]|\d+\.) /.test(linjer[i + 1]!)) tekst.push(linjer[++i]!.trim());
      ud.push(`<li>${inline(tekst.join(" "))}</li>`);
      continue;
    }
    if (l.trim() === "") {
      slutAfsnit();
      slutListe();
      continue;
    }
    slutListe();
    afsnit.push(l.trim());
  }
  slutAfsnit();
  slutListe();
  return ud.join("\n");
}

/** The named `## ` sections of the markdown, in the order given. */
export function udvalgteAfsnit(md: string, navne: readonly string[]): string {
  const afsnit = new Map<string, string>();
  const dele = md.split(/^(?=## )/m);
  for (const d of dele) {
    const titel = /^## (.*)$/m.exec(d)?.[1]?.trim();
    if (titel) afsnit.set(titel, d);
  }
  return navne.map((n) => afsnit.get(n) ?? "").join("\n");
}

export const hjaelpPlugin = fp(async (app: FastifyInstance, o: { readme?: string }) => {
  const readme = o.readme ?? resolve(__dirname, "../../README.md");
  app.get("/hjaelp", { config: { offentlig: true } }, async (_req, reply) => {
    if (!existsSync(readme)) return reply.code(404).send({ fejl: "Hjælpen findes ikke (README.md mangler)." });
    const krop = markdownTilHtml(udvalgteAfsnit(readFileSync(readme, "utf8"), HJAELP_AFSNIT));
    reply.header("content-type", "text/html; charset=utf-8");
    reply.header("content-security-policy", CSP);
    reply.header("x-content-type-options", "nosniff");
    reply.header("cache-control", "no-cache");
    return reply.send(`<!doctype html>\n<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>SOC-takster – hjælp</title><link rel="stylesheet" href="/takstoversigt.css"></head>\n<body><main>\n<h1>SOC-takster – hjælp</h1>\n${krop}\n</main>\n${SIDEFOD}\n</body></html>\n`);
  });
}, { name: "takst-hjaelp", fastify: "5.x", dependencies: ["takst-openapi"] });
