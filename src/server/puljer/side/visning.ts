import type { Pulje } from "../../../kontrakt";
import { udloeberInden12Maaneder } from "../../../takstskema/puljeUdloeb";
import { esc, kr } from "../../oversigt/side/format";
import { rulleomraade } from "../../webside";

/**
 * The pool page's content from one `Pulje` (pure: HTML text, no DOM): each vintage with TS210 marked
 * on one that expires within 12 months of `idag`, the movements, and what goes into which year's
 * takster spread per tilbud. Every text from the API is escaped here; amounts in da-DK kroner.
 */

const ART: Record<Pulje["bevaegelser"][number]["art"], string> = {
  primo: "Primosaldo",
  hensat: "Hensat",
  anvendt: "Anvendt",
  udloebet: "Udløbet",
  overLoft: "Over loftet",
};
const GRUND: Record<Pulje["tilTakst"][number]["grund"], string> = {
  udloebet: "udløbne årgange",
  overLoft: "puljen over loftet",
};

/** Columns of amounts: their headings stand right, over the figures. */
const BELOEB = new Set(["Hensat", "Anvendt", "Udløbet", "Over loft", "Rest", "Beløb", "Regulering fra puljen"]);

const tabel = (id: string, caption: string, hoved: readonly string[], raekker: readonly string[], fod = ""): string =>
  rulleomraade(
    esc(caption),
    `<table id="${id}">\n<caption>${esc(caption)}</caption>\n<thead><tr>${hoved.map((h) => `<th scope="col"${BELOEB.has(h) ? ' class="tal"' : ""}>${h}</th>`).join("")}</tr></thead>\n<tbody>\n${raekker.join("\n")}\n</tbody>${fod}\n</table>`,
  );
const tal = (n: number) => `<td class="tal">${esc(kr(n))}</td>`;

function ts210Liste(p: Pulje, idag: Date): string {
  const snart = p.aargange.filter((a) => udloeberInden12Maaneder(a, idag));
  if (snart.length === 0) return "";
  const punkter = snart.map((a) => `<li><strong>TS210:</strong> Årgang ${a.vedroererAar} har ${esc(kr(a.rest))} tilbage og udløber ultimo ${a.udloeberUltimo}. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne.</li>`);
  return `<section class="kort advarsler" aria-labelledby="h-ts210"><h2 id="h-ts210">Udløber inden for 12 måneder</h2><ul>${punkter.join("")}</ul></section>`;
}

function aargange(p: Pulje, idag: Date): string {
  if (p.aargange.length === 0) return `<p>Puljen har ingen årgange endnu: de kommer fra regnskabsskemaernes hensættelser og fra registrerede primoårgange.</p>`;
  const raekker = p.aargange.map((a) => {
    const snart = udloeberInden12Maaneder(a, idag);
    const ultimo = `${a.udloeberUltimo}${snart ? ' <span class="maerkat advarsel">TS210: udløber inden for 12 måneder</span>' : ""}`;
    return `<tr${snart ? ' class="snart"' : ""}><th scope="row">${a.vedroererAar}</th>${tal(a.hensat)}${tal(a.anvendt)}${tal(a.udloebet)}${tal(a.overLoft)}${tal(a.rest)}<td>${ultimo}</td></tr>`;
  });
  const sum = (f: (a: Pulje["aargange"][number]) => number) => tal(p.aargange.reduce((s, a) => s + f(a), 0));
  const fod = `\n<tfoot><tr><th scope="row">I alt</th>${sum((a) => a.hensat)}${sum((a) => a.anvendt)}${sum((a) => a.udloebet)}${sum((a) => a.overLoft)}${sum((a) => a.rest)}<td></td></tr></tfoot>`;
  return tabel("aargange", "Årgange i puljen", ["Vedrører år", "Hensat", "Anvendt", "Udløbet", "Over loft", "Rest", "Udløber ultimo"], raekker, fod);
}

function bevaegelser(p: Pulje): string {
  if (p.bevaegelser.length === 0) return "";
  const raekker = p.bevaegelser.map((b) =>
    `<tr><td>${b.aar}</td><td>${ART[b.art]}</td><td>${b.vedroererAar}</td>${tal(b.beloeb)}<td>${b.tilbud === null ? "–" : esc(b.tilbud)}</td><td>${b.indberetning === null ? "–" : `<span class="id">${esc(b.indberetning)}</span>`}</td></tr>`);
  const saldo = Object.entries(p.saldoUltimo).map(([aar, b]) => `<div><dt>Saldo ultimo ${esc(aar)}</dt><dd>${esc(kr(b))}</dd></div>`).join("");
  return `<section aria-labelledby="h-bevaegelser"><h2 id="h-bevaegelser">Bevægelser</h2>${saldo ? `<dl class="statistik">${saldo}</dl>` : ""}${tabel("bevaegelser", "Puljens bevægelser", ["År", "Art", "Årgang", "Beløb", "Tilbud", "Indberetning"], raekker)}</section>`;
}

function tilTakst(p: Pulje): string {
  if (p.tilTakst.length === 0) return `<section aria-labelledby="h-takst"><h2 id="h-takst">Til taksterne</h2><p>Intet fra puljen går i taksterne endnu.</p></section>`;
  const dele = p.tilTakst.map((t, i) => {
    const raekker = t.fordeling.map((f) => `<tr><th scope="row">${esc(f.tilbud)}</th>${tal(f.beloeb)}</tr>`);
    const fod = `\n<tfoot><tr><th scope="row">I alt</th>${tal(t.beloeb)}</tr></tfoot>`;
    return `<h3 id="takst-${i + 1}">Takster ${t.takstaar}: ${esc(kr(t.beloeb))} fra ${GRUND[t.grund]}</h3>${tabel(`fordeling-${i + 1}`, `Takster ${t.takstaar}, ${GRUND[t.grund]}: fordelt på tilbud efter budget`, ["Tilbud", "Regulering fra puljen"], raekker, fod)}`;
  });
  return `<section aria-labelledby="h-takst"><h2 id="h-takst">Til taksterne</h2><p>Beløbene indgår i tilbuddenes takstskema som "Regulering fra puljen" (negativ: en nedsættelse), fordelt efter budget med største rest.</p>${dele.join("\n")}</section>`;
}

export function puljeHtml(p: Pulje, idag: Date): string {
  return `<h2 id="h-pulje">Puljen for ${esc(p.ledelsesomraade)} · ${esc(p.driftsherre)}</h2>\n${ts210Liste(p, idag)}\n${aargange(p, idag)}\n${bevaegelser(p)}\n${tilTakst(p)}`;
}
