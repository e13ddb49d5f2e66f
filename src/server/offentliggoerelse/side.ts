import { SIDEFOD, rulleomraade } from "../webside";
import { aendringTekst, datoTekst } from "./filer";
import { type TakstoversigtRaekke, aldrigIKraft, artTekst, gyldigTilTekst, periodeDato } from "./raekker";
import type { Offentliggoerelse } from "./sql";

const ERSTAT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ERSTAT[c]!);

const kroner = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const heltal = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
const procent = new Intl.NumberFormat("da-DK", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
const kr = (n: number | null): string => (n === null ? "–" : `${kroner.format(n)} kr.`);
const pct = (n: number | null): string => (n === null ? "–" : procent.format(n));
const tal = (n: number | null): string => (n === null ? "–" : heltal.format(n));

/** The stylesheet (served as /takstoversigt.css: the CSP allows no inline style). */
export const CSS = `
body { font-family: system-ui, "Segoe UI", Arial, sans-serif; margin: 1.5rem; color: #1a1a1a; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
nav ul { list-style: none; padding: 0; display: flex; gap: 1rem; flex-wrap: wrap; }
a { color: #0b4f8a; }
a[aria-current="page"] { font-weight: bold; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
caption { text-align: left; font-weight: bold; padding: .5rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .3rem .4rem; vertical-align: top; }
thead th { background: #eef2f6; text-align: left; }
tbody th { text-align: left; }
td.tal { text-align: right; white-space: nowrap; }
main { overflow-wrap: break-word; }
.tabel { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
.tabel:focus { outline: 2px solid #0b4f8a; outline-offset: 2px; }
pre { white-space: pre-wrap; }
code { overflow-wrap: anywhere; }
form input { max-width: 6rem; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #ccc; font-size: .9rem; }
.aendret { color: #7a3e00; }
.hent { margin: .75rem 0; }
@media print {
  @page { size: A4 landscape; margin: 1cm; }
  body { margin: 0; font-size: 9pt; }
  nav, .hent, footer { display: none; }
  .tabel { overflow: visible; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The public takstoversigt page (Danish, no script): the published years and one year's table. */
export function takstoversigtSide(aar: readonly Offentliggoerelse[], valgt: Offentliggoerelse | null, raekker: readonly TakstoversigtRaekke[], dato: string | null = null): string {
  const navigation = aar.length === 0
    ? "<p>Der er endnu ingen offentliggjorte takster.</p>"
    : `<nav aria-label="Offentliggjorte takstår"><ul>${aar
        .map((a) => `<li><a href="/takstoversigt?takstaar=${a.takstaar}"${valgt?.takstaar === a.takstaar ? ' aria-current="page"' : ""}>${a.takstaar}</a></li>`)
        .join("")}</ul></nav>`;
  let indhold = "";
  if (valgt) {
    const y = valgt.takstaar;
    const kolonner = ["Driftsherre", "Tilbud", "Tilbudsportal-ID", "Lovgrundlag", "Ydelse", "Takstenhed", "Pladser", "Belægning", "Takst", "Basistakst", "Servicetakst", "Sidste års takst", "Takstudvikling (reel)", "Gyldig fra", "Gyldig til", "Art", "Ændret i året"];
    const hoved = kolonner.map((k) => `<th scope="col">${esc(k)}</th>`).join("");
    const linjer = raekker.map((r) => `<tr>
<td>${esc(r.driftsherre)}</td><th scope="row">${esc(r.tilbud)}</th><td>${esc(r.tilbudsportalId) || "–"}</td><td>${esc(r.lovgrundlag)}</td><td>${esc(r.ydelse)}</td><td>${esc(r.takstenhed)}</td>
<td class="tal">${tal(r.pladser)}</td><td class="tal">${pct(r.belaegning)}</td><td class="tal">${kr(r.takst)}</td><td class="tal">${kr(r.basistakst)}</td><td class="tal">${kr(r.servicetakst)}</td>
<td class="tal">${kr(r.sidsteAarsTakst)}</td><td class="tal">${pct(r.takstudvikling)}</td>
<td class="tal">${periodeDato(r.gyldigFra)}</td><td class="tal">${esc(gyldigTilTekst(r, "–"))}</td><td${aldrigIKraft(r) ? ' class="aendret"' : ""}>${esc(artTekst(r.art))}</td><td${r.aendretIAaret ? ' class="aendret"' : ""}>${esc(aendringTekst(r))}</td></tr>`).join("\n");
    const q = dato ? `dato=${dato}` : `takstaar=${y}`;
    const hvad = dato
      ? `Takster i kraft ${esc(periodeDato(dato))} (takstår ${y}, offentliggjort ${esc(datoTekst(valgt.offentliggjort))})`
      : `Takster for ${y}, offentliggjort ${esc(datoTekst(valgt.offentliggjort))}`;
    indhold = `<p class="hent">Hent som <a href="/api/v1/takstoversigt.csv?${q}">CSV</a> eller <a href="/api/v1/takstoversigt.xlsx?${q}">Excel (klar til udskrift)</a>.${dato ? ` <a href="/takstoversigt?takstaar=${y}">Alle perioder i ${y}</a>.` : ""}</p>
${rulleomraade(hvad, `<table>
<caption>${hvad}: ${raekker.length} ${raekker.length === 1 ? "takst" : "takster"}. Hver takst gælder i sin periode; en takst ændret i årets løb står med den gamle og den nye periode. Takster i kraft en bestemt dag: tilføj ?dato=ÅÅÅÅ-MM-DD til adressen.</caption>
<thead><tr>${hoved}</tr></thead>
<tbody>
${linjer || `<tr><td colspan="${kolonner.length}">Ingen takster.</td></tr>`}
</tbody>
</table>`)}`;
  }
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${valgt ? `Takstoversigt ${valgt.takstaar}` : "Takstoversigt"}</title>
<link rel="stylesheet" href="/takstoversigt.css">
</head>
<body>
<main>
<h1>${valgt ? `Takstoversigt ${valgt.takstaar}` : "Takstoversigt"}</h1>
${navigation}
${indhold}
</main>
${SIDEFOD}
</body>
</html>
`;
}
