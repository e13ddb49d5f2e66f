import { UDSVING_GRAENSE as GRAENSE } from "../../../takstskema/udviklingGraense";
import type { TilbudsUdvikling } from "../typer";
import { aendring, antal, esc, pct } from "./format";

const BREDDE = 960;
const ETIKET = 360; // label column
const MARGEN = 80; // room for the value text beside a bar
const RAEKKE = 24;
const SOEJLE = 14;
const TOP = 30;

const afkort = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** CSS pixels from the SVG's top to its first bar, and per bar, at the SVG's drawn width. */
export function grafMaal(svg: Element): { top: number; raekke: number } {
  const skala = svg.getBoundingClientRect().width / BREDDE || 1;
  return { top: TOP * skala, raekke: RAEKKE * skala };
}

/**
 * Sorted horizontal bars of takstudvikling per tilbud: the frame, axes and description as one
 * SVG string with an empty bar group; soejler() draws the bars in view into it. An outlier
 * beyond ±5 % is darker AND carries a ⚠ text marker, so colour is never the only signal; the
 * table below holds the same figures for screen readers.
 */
export function tegnGraf(data: readonly TilbudsUdvikling[], aar: number | null): string {
  if (data.length === 0) return `<p class="tom">Ingen tilbud kan sammenlignes med sidste år${aar ? ` (${aar - 1})` : ""}.</p>`;
  const hoejde = TOP + data.length * RAEKKE + 10;
  const midte = ETIKET + (BREDDE - ETIKET) / 2;
  const halv = (BREDDE - ETIKET) / 2 - MARGEN;
  const maks = data.reduce((m, d) => Math.max(m, Math.abs(d.takstudvikling)), 0.1);
  const x = (v: number) => midte + (v / maks) * halv;
  const udsving = data.filter((d) => d.udsving);
  const op = udsving.filter((d) => d.takstudvikling > 0).length;

  const dele: string[] = [];
  dele.push(
    `<svg viewBox="0 0 ${BREDDE} ${hoejde}" role="img" aria-labelledby="graf-titel graf-besk" class="graf-svg">`,
    `<title id="graf-titel">Takstudvikling pr. tilbud, sorteret fra største stigning til største fald</title>`,
    `<desc id="graf-besk">${esc(`${antal(data.length)} tilbud. ${antal(udsving.length)} med udsving over ±5 %: ${antal(op)} stigninger og ${antal(udsving.length - op)} fald. Tallene står også i tabellen Indberetninger.`)}</desc>`,
  );
  // Axis: zero, ±5 % guides and the ends of the scale.
  for (const v of [-maks, -GRAENSE, 0, GRAENSE, maks]) {
    const cls = v === 0 ? "akse nul" : Math.abs(v) === GRAENSE ? "akse graense" : "akse";
    dele.push(`<line class="${cls}" x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${TOP - 6}" y2="${hoejde - 6}"/>`);
    dele.push(`<text class="akse-tekst" x="${x(v).toFixed(1)}" y="${TOP - 12}" text-anchor="middle">${esc(aendring(v))}</text>`);
  }
  // The bars are drawn by soejler() for the slice in view (as vindue.ts does for the table): the SVG keeps its full
  // height, so the scroll bar and the positions are those of the whole chart.
  dele.push(`<g class="soejler" data-maks="${maks}"></g>`);
  dele.push("</svg>");
  const forklaring = `<p class="forklaring"><span class="prik normal" aria-hidden="true"></span> inden for ±5 % <span class="prik udsving" aria-hidden="true"></span> <span class="udsving-tekst">⚠</span> udsving over ±${pct(GRAENSE)}</p>`;
  return `${forklaring}<div class="graf-ramme" tabindex="0" role="region" aria-label="Diagram over takstudvikling, kan rulles">${dele.join("")}</div>`;
}

/** The bars for data[fra, til), at their place in the whole chart (the group made by tegnGraf). */
export function soejler(data: readonly TilbudsUdvikling[], fra: number, til: number, maks: number): string {
  const midte = ETIKET + (BREDDE - ETIKET) / 2;
  const halv = (BREDDE - ETIKET) / 2 - MARGEN;
  const x = (v: number) => midte + (v / maks) * halv;
  const dele: string[] = [];
  for (let i = fra; i < til; i++) {
    const d = data[i]!;
    const y = TOP + i * RAEKKE;
    const x0 = x(Math.min(0, d.takstudvikling));
    const b = Math.max(1, Math.abs(x(d.takstudvikling) - midte));
    const navn = `${d.tilbud} · ${d.driftsherre}`;
    const vaerdi = `${d.udsving ? "⚠ " : ""}${aendring(d.takstudvikling)}`;
    const positiv = d.takstudvikling >= 0;
    const tx = positiv ? x0 + b + 6 : x0 - 6;
    const cls = `soejle${d.udsving ? " udsving" : ""}${positiv ? " op" : " ned"}`;
    const ydelser = d.antalYdelser > 1 ? `, gennemsnit af ${antal(d.antalYdelser)} ydelser` : "";
    dele.push(
      `<g class="${cls}" data-udsving="${d.udsving}">`,
      `<title>${esc(`${navn}: ${aendring(d.takstudvikling)}${ydelser}${d.udsving ? " – udsving over 5 %" : ""}`)}</title>`,
      `<text class="etiket" x="${ETIKET - 10}" y="${y + SOEJLE - 2}" text-anchor="end">${esc(afkort(navn, 52))}</text>`,
      `<rect x="${x0.toFixed(1)}" y="${y}" width="${b.toFixed(1)}" height="${SOEJLE}" rx="2"/>`,
      `<text class="vaerdi" x="${tx.toFixed(1)}" y="${y + SOEJLE - 2}" text-anchor="${positiv ? "start" : "end"}">${esc(vaerdi)}</text>`,
      `</g>`,
    );
  }
  return dele.join("");
}
