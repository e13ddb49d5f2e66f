import type { BenchmarkGruppe } from "../../../kontrakt";
import { gruppeNavn } from "../../../kontrakt/benchmarkTekster";
import { esc, flertal, kr } from "../../oversigt/side/format";

/**
 * One peer group's box plot as SVG (product.md §5.3): the min–max whiskers, the Q1–Q3 box, the
 * median line and each takstniveau shown as a mark; the highlighted tilbud's marks are larger,
 * filled diamonds (shape, not colour alone, WCAG 1.4.1). The plot is one image to a screen reader
 * (role="img", its title the median and quartiles); the table beside it has every figure.
 * Focusable, so a keyboard user reaches it and sees where the focus is.
 */

const BREDDE = 640;
const KANT = 12;
const BOKS = { top: 14, bund: 50 };
const MAERKER_Y = 72;
const HOEJDE = 88;

/** "Median 1.234 kr., 1. kvartil …": what the plot shows, in words. */
export function boksplotTekst(g: BenchmarkGruppe, fremhaevet: number): string {
  const s = g.statistik;
  const hvad = `${gruppeNavn(g)}: ${flertal(g.antal, "takstniveau", "takstniveauer")}`;
  if (!s) return `${hvad}; for få sammenlignelige til statistik.`;
  const egne = fremhaevet > 0 ? `; ${flertal(fremhaevet, "fremhævet takstniveau", "fremhævede takstniveauer")} vist som ruder` : "";
  return `${hvad}. Median ${kr(s.median)}, 1. kvartil ${kr(s.kvartil1)}, 3. kvartil ${kr(s.kvartil3)}, laveste ${kr(s.min)}, højeste ${kr(s.max)}${egne}.`;
}

const tal = (x: number): string => String(Math.round(x * 10) / 10);

/**
 * `nr`: the group's number on the page (for unique ids); `fremhaev`: whether a niveau is one of
 * the highlighted tilbud's. Null when the group has no statistics (nothing to draw).
 */
export function boksplot(g: BenchmarkGruppe, nr: number, fremhaev: (n: BenchmarkGruppe["niveauer"][number]) => boolean): string | null {
  const s = g.statistik;
  if (!s) return null;
  const takster = g.niveauer.map((n) => n.takst);
  const lav = Math.min(s.min, ...takster);
  const hoej = Math.max(s.max, ...takster);
  const spaend = hoej - lav || 1;
  const x = (v: number) => KANT + ((v - lav) / spaend) * (BREDDE - 2 * KANT);
  const midt = (BOKS.top + BOKS.bund) / 2;
  const egne = g.niveauer.filter(fremhaev);
  const andre = g.niveauer.filter((n) => !fremhaev(n));
  const cirkler = andre.map((n) => `<circle cx="${tal(x(n.takst))}" cy="${MAERKER_Y}" r="4" class="maerke"/>`).join("");
  const ruder = egne
    .map((n) => {
      const cx = x(n.takst);
      return `<path d="M${tal(cx)} ${MAERKER_Y - 8}l8 8l-8 8l-8 -8z" class="maerke egen"/>`;
    })
    .join("");
  const id = `boksplot-${nr}`;
  return `<svg id="${id}" class="boksplot" viewBox="0 0 ${BREDDE} ${HOEJDE}" role="img" aria-labelledby="${id}-titel" tabindex="0" focusable="true">
<title id="${id}-titel">${esc(boksplotTekst(g, egne.length))}</title>
<line x1="${tal(x(s.min))}" x2="${tal(x(s.kvartil1))}" y1="${midt}" y2="${midt}" class="knurhaar"/>
<line x1="${tal(x(s.kvartil3))}" x2="${tal(x(s.max))}" y1="${midt}" y2="${midt}" class="knurhaar"/>
<line x1="${tal(x(s.min))}" x2="${tal(x(s.min))}" y1="${BOKS.top + 8}" y2="${BOKS.bund - 8}" class="knurhaar"/>
<line x1="${tal(x(s.max))}" x2="${tal(x(s.max))}" y1="${BOKS.top + 8}" y2="${BOKS.bund - 8}" class="knurhaar"/>
<rect x="${tal(x(s.kvartil1))}" y="${BOKS.top}" width="${tal(Math.max(x(s.kvartil3) - x(s.kvartil1), 1))}" height="${BOKS.bund - BOKS.top}" class="boks"/>
<line x1="${tal(x(s.median))}" x2="${tal(x(s.median))}" y1="${BOKS.top}" y2="${BOKS.bund}" class="median"/>
${cirkler}${ruder}
</svg>`;
}
