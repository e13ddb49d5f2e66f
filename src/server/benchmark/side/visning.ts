import type { Benchmark, BenchmarkGruppe, BenchmarkNiveau } from "../../../kontrakt";
import { FOR_FAA, GRUND, POSITION, forklaring, gruppeNavn } from "../../../kontrakt/benchmarkTekster";
import { andel, antal, esc, flertal, indeks, kr } from "../../oversigt/side/format";
import { rulleomraade } from "../../webside";
import { boksplot } from "./boksplot";

/**
 * The benchmark page's content from one `Benchmark` (pure: HTML text, no DOM), so it is tested
 * without a browser or the API. Per peer group a box plot and a table with the same figures (the
 * table is what a screen reader reads); `fremhaev` is the driftsherre whose tilbud are marked (a
 * municipality's own), or null. Every text from the API is escaped here.
 */

const normering = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The columns of a group's table after Driftsherre, Tilbud and Ydelse: heading and cell. */
const KOLONNER: readonly [string, (n: BenchmarkNiveau) => string][] = [
  ["Takst", (n) => kr(n.takst)],
  ["Indeks (median = 100)", (n) => indeks(n.indeks)],
  ["Placering", (n) => (n.position ? POSITION[n.position] : "–")],
  ["Omkostninger", (n) => kr(n.noegletal.omkostninger)],
  ["Pr. plads", (n) => kr(n.noegletal.prPlads)],
  ["Pr. belægningsdag", (n) => kr(n.noegletal.prBelaegningsdag)],
  ["Lønandel", (n) => andel(n.noegletal.loenandel)],
  ["Administrationsandel", (n) => andel(n.noegletal.administrationsandel)],
  ["Overheadandel", (n) => andel(n.noegletal.overheadandel)],
  ["Kapitalandel", (n) => andel(n.noegletal.kapitalandel)],
  ["Basisandel", (n) => andel(n.noegletal.basisandel)],
  ["Belægning", (n) => andel(n.noegletal.belaegning)],
  ["Årlig takst pr. helårsborger", (n) => kr(n.noegletal.aarligTakstPrHelaarsborger)],
  ["Normering pr. plads", (n) => (n.noegletal.normeringPrPlads === null ? "–" : normering.format(n.noegletal.normeringPrPlads))],
];

function statistikListe(g: BenchmarkGruppe): string {
  const s = g.statistik;
  if (!s) return `<p class="for-faa">${esc(g.besked ?? FOR_FAA)}</p>`;
  const punkt = (etiket: string, v: number) => `<div><dt>${etiket}</dt><dd>${esc(kr(v))}</dd></div>`;
  return `<dl class="statistik">${punkt("Laveste", s.min)}${punkt("1. kvartil", s.kvartil1)}${punkt("Median", s.median)}${punkt("3. kvartil", s.kvartil3)}${punkt("Højeste", s.max)}</dl>`;
}

/** Rows [fra, til) of a group's table (the page draws a long group's rows in parts). */
export function niveauRaekker(g: BenchmarkGruppe, fra: number, til: number, fremhaev: string | null): string {
  return g.niveauer
    .slice(fra, til)
    .map((n) => {
      const egen = fremhaev !== null && n.driftsherre === fremhaev;
      const tal = KOLONNER.map(([, f]) => `<td class="tal">${esc(f(n))}</td>`).join("");
      // The mark in text too, for a screen reader and in print (not the colour alone).
      return `<tr${egen ? ' class="egen"' : ""}><td>${esc(n.driftsherre)}</td><th scope="row">${esc(n.tilbud)}${egen ? ' <span class="egen-maerke">(fremhævet)</span>' : ""}</th><td>${esc(n.ydelse)}</td>${tal}</tr>`;
    })
    .join("\n");
}

function niveauTabel(g: BenchmarkGruppe, nr: number, fremhaev: string | null, raekker: number): string {
  const caption = `${gruppeNavn(g)}: takstniveauer og nøgletal`;
  if (g.niveauer.length === 0) return `<p class="svag">Ingen takstniveauer at vise i gruppen.</p>`;
  const hoved = ["Driftsherre", "Tilbud", "Ydelse", ...KOLONNER.map(([k]) => k)].map((k) => `<th scope="col">${k}</th>`).join("");
  return rulleomraade(esc(caption), `<table id="gruppe-${nr}-tabel">\n<caption>${esc(caption)}</caption>\n<thead><tr>${hoved}</tr></thead>\n<tbody>\n${niveauRaekker(g, 0, raekker, fremhaev)}\n</tbody>\n</table>`);
}

/**
 * One group's section (`nr` from 1, for unique ids); `fremhaev` as benchmarkHtml's. The table
 * has the first `raekker` rows (all by default); the rest go in with niveauRaekker.
 */
export function gruppeHtml(g: BenchmarkGruppe, nr: number, fremhaev: string | null, raekker = g.niveauer.length): string {
  const plot = boksplot(g, nr, (n) => fremhaev !== null && n.driftsherre === fremhaev);
  const forklaring = plot
    ? `<p class="signatur" aria-hidden="true"><span class="sig-boks"></span> 1.-3. kvartil med median <span class="sig-cirkel"></span> takstniveau <span class="sig-rude"></span> fremhævet</p>`
    : "";
  return `<section class="kort gruppe" aria-labelledby="gruppe-${nr}" data-gruppe="${nr}">
<h2 id="gruppe-${nr}">${esc(gruppeNavn(g))}</h2>
<p>${esc(flertal(g.antal, "takstniveau", "takstniveauer"))} fra ${esc(flertal(g.antalTilbud, "tilbud", "tilbud"))}.</p>
${statistikListe(g)}
${plot ? `<figure class="plot">${plot}${forklaring}</figure>` : ""}
${niveauTabel(g, nr, fremhaev, raekker)}
</section>`;
}

/** What was left out and why (empty when nothing was). */
export function udeladtHtml(b: Benchmark): string {
  if (b.udeladt.length === 0) return "";
  const raekker = b.udeladt.map((u) => `<tr><td>${esc(u.driftsherre)}</td><th scope="row">${esc(u.tilbud)}</th><td>${esc(u.ydelse)}</td><td>${esc(GRUND[u.grund])}</td></tr>`).join("\n");
  const caption = "Takstniveauer, der ikke indgår, og hvorfor";
  return `<section class="kort" aria-labelledby="h-udeladt">
<h2 id="h-udeladt">Ikke med i sammenligningen</h2>
${rulleomraade(caption, `<table id="udeladt">\n<caption>${caption}</caption>\n<thead><tr><th scope="col">Driftsherre</th><th scope="col">Tilbud</th><th scope="col">Ydelse</th><th scope="col">Grund</th></tr></thead>\n<tbody>\n${raekker}\n</tbody>\n</table>`)}
</section>`;
}

/** The driftsherrer whose niveauer the benchmark holds (a municipality: only itself), sorted. */
export function driftsherrer(b: Benchmark): string[] {
  return [...new Set(b.grupper.flatMap((g) => g.niveauer.map((n) => n.driftsherre)))].sort((a, c) => a.localeCompare(c, "da"));
}

/** "4.000 viste takstniveauer." (every niveau the answer holds). */
export function visteTekst(b: Benchmark): string {
  return `${antal(b.grupper.reduce((s, g) => s + g.niveauer.length, 0))} viste takstniveauer.`;
}

/**
 * The head of the page's content: the year, what the comparison is and is not, the .xlsx.
 * `helt`: whether `b` is the whole answer (else the count of niveauer is said to be on its way).
 */
export function indledningHtml(b: Benchmark, helt = true): string {
  return `<section class="kort" aria-labelledby="h-om">
<h2 id="h-om">Takstår ${b.takstaar}: ${esc(flertal(b.grupper.length, "sammenligningsgruppe", "sammenligningsgrupper"))}</h2>
<p class="ikke-vurdering">${esc(forklaring(b))}</p>
<p><a href="/api/v1/benchmark.xlsx?takstaar=${b.takstaar}" id="hent-xlsx">Hent sammenligningen som Excel (.xlsx)</a></p>
<p class="svag" id="viste">${esc(helt ? visteTekst(b) : "Henter alle takstniveauer …")}</p>
</section>
${b.grupper.length ? "" : `<p class="kort">Der er ingen sammenlignelige takstniveauer for takstår ${b.takstaar}.</p>`}`;
}

/**
 * The page's content for one year: the head, each group, what was left out. The page draws the
 * same parts in turn (benchmark.ts), so the first groups show before 4,000 niveauer are drawn.
 */
export function benchmarkHtml(b: Benchmark, fremhaev: string | null): string {
  return [indledningHtml(b), ...b.grupper.map((g, i) => gruppeHtml(g, i + 1, fremhaev)), udeladtHtml(b)].join("\n");
}
