import type { TakstudviklingRapport } from "../../kontrakt";
import { SIDEFOD, rulleomraade } from "../webside";
import { GRUND, forklaring, nyTakstmodelTekst, plTekst, titel } from "./tekster";

const ERSTAT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ERSTAT[c]!);

const TO = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const KRONER = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
/** The report's figure as printed: −1,18 % (already rounded by the report). */
const pct = (x: number | null): string => (x === null ? "–" : `${TO.format(x)} %`);
const kr = (x: number): string => `${KRONER.format(x)} kr.`;

function tabel(id: string, caption: string, kolonner: readonly string[], raekker: readonly string[][], tal: ReadonlySet<number>): string {
  const hoved = kolonner.map((k) => `<th scope="col">${esc(k)}</th>`).join("");
  const krop = raekker.length === 0
    ? `<tr><td colspan="${kolonner.length}">Ingen.</td></tr>`
    : raekker.map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td${tal.has(i) ? ' class="tal"' : ""}>${c}</td>`)).join("")}</tr>`).join("\n");
  return rulleomraade(esc(caption), `<table id="${id}">\n<caption>${esc(caption)}</caption>\n<thead><tr>${hoved}</tr></thead>\n<tbody>\n${krop}\n</tbody>\n</table>`);
}

/** The year form: GET to this page (keyboard operable, labelled; no script). */
function formular(fra: number | null, til: number | null): string {
  return `<form method="get" action="/takstudvikling" class="hent">
<label for="fra">Fra takstår</label> <input id="fra" name="fra" type="number" min="1900" max="2200" required value="${fra ?? ""}">
<label for="til">Til takstår</label> <input id="til" name="til" type="number" min="1900" max="2200" required value="${til ?? ""}">
<button type="submit">Vis rapport</button>
</form>`;
}

/**
 * The takstudvikling report as a page (Danish, no script, the takstoversigt's stylesheet): the
 * region and each driftsherre with the mean without it, the tilbud, the takstniveauer and what
 * was left out and why. `besked`: why there is no report (unpublished year, bad years).
 */
export function takstudviklingSide(r: TakstudviklingRapport | null, valgt: { fra: number | null; til: number | null }, besked?: string): string {
  let indhold = "";
  if (r) {
    const uden = new Map(r.region?.udenHver.map((u) => [u.driftsherre, u.udviklingPct]) ?? []);
    const region = r.region
      ? `<p class="region">Gennemsnitlig udvikling på tværs af ${r.region.n} ${r.region.n === 1 ? "driftsherre" : "driftsherrer"}: <strong>${pct(r.region.udviklingPct)}</strong>.</p>`
      : `<p class="region">Der er ingen gennemsnitlig udvikling: ${r.plMangler.length ? `PL mangler for ${r.plMangler.join(", ")}` : "ingen takstniveauer kunne sammenlignes"}.</p>`;
    indhold = `<p>${esc(forklaring(r))}</p>
<h2>PL-regulering</h2>
<ul>${r.pl.map((p) => `<li>${esc(plTekst(p))}</li>`).join("")}</ul>
<p class="hent">Hent rapporten som <a href="/api/v1/takstudvikling.xlsx?fra=${r.fra}&amp;til=${r.til}">Excel (.xlsx)</a>.</p>
<h2>Region og driftsherrer</h2>
${region}
${tabel("driftsherrer", `Gennemsnitlig ændring i takster ${r.fra}-${r.til} pr. driftsherre`, ["Driftsherre", "Takstniveauer", "Gennemsnitlig ændring", "Regionens gennemsnit uden driftsherren"],
    r.driftsherrer.map((d) => [esc(d.driftsherre), String(d.n), pct(d.udviklingPct), pct(uden.get(d.driftsherre) ?? null)]), new Set([1, 2, 3]))}
<h2>Tilbud</h2>
${tabel("tilbud", "Gennemsnitlig ændring pr. tilbud", ["Tilbud", "Driftsherre", "Takstniveauer", "Gennemsnitlig ændring", "Ny takstmodel"],
    r.tilbud.map((t) => [esc(t.tilbud), esc(t.driftsherre), String(t.n), pct(t.udviklingPct), t.nyTakstmodel ? "Ja" : "Nej"]), new Set([2, 3]))}
<h2>Takstniveauer</h2>
${tabel("niveauer", "Hvert sammenlignet takstniveau", ["Ydelse", "Tilbud", "Driftsherre", `Takst ${r.fra}`, `Takst ${r.til}`, "Ændring (reel)"],
    r.niveauer.map((n) => [esc(n.ydelse), esc(n.tilbud), esc(n.driftsherre), kr(n.takstFra), kr(n.takstTil), pct(n.udviklingPct)]), new Set([3, 4, 5]))}
<h2>Ikke med i opgørelsen</h2>
${r.nyTakstmodel.length ? `<ul>${r.nyTakstmodel.map((n) => `<li>${esc(nyTakstmodelTekst(n))}</li>`).join("")}</ul>` : ""}
${tabel("udeladt", "Takstniveauer, der ikke indgår, og hvorfor", ["Ydelse", "Tilbud", "Driftsherre", "Grund"],
    r.udeladt.map((u) => [esc(u.ydelse), esc(u.tilbud), esc(u.driftsherre), esc(GRUND[u.grund])]), new Set())}`;
  }
  const overskrift = r ? titel(r) : "Takstudvikling";
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(overskrift)}</title>
<link rel="stylesheet" href="/takstoversigt.css">
</head>
<body>
<main>
<h1>${esc(overskrift)}</h1>
${formular(valgt.fra, valgt.til)}
${besked ? `<p role="status">${esc(besked)}</p>` : ""}
${indhold}
</main>
${SIDEFOD}
</body>
</html>
`;
}
