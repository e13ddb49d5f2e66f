import { KATEGORIER } from "../../tilsynsskema";
import { udenUgyldigeTegn } from "../../takstskema";
import { SIDEFOD, rulleomraade } from "../webside";
import type { TilsynsskemaRaekke } from "./sql";
import { nyArbejdsbog } from "../xlsxArk";

/**
 * The published tilsynstakster and each kommune's objektiv finansiering: one table of takster
 * per socialtilsyn and one row per kommune, as JSON, CSV, .xlsx and a page without script.
 */
export interface OffentligtTilsyn {
  socialtilsyn: string;
  budgetaar: number;
  offentliggjort: string;
  takster: number[];
  skaerpet: number[];
  ofPrPlejefamilie: number;
  kommuner: { kommune: string; beloeb: number }[];
}

export function somOffentligt(r: TilsynsskemaRaekke): OffentligtTilsyn {
  return {
    socialtilsyn: r.socialtilsyn, budgetaar: r.budgetaar, offentliggjort: r.offentliggjort!,
    takster: r.beregnet.takster, skaerpet: r.beregnet.skaerpet, ofPrPlejefamilie: r.beregnet.ofPrPlejefamilie,
    kommuner: r.beregnet.of.map((o) => ({ kommune: o.kommune, beloeb: o.beloeb })),
  };
}

/** "Aabenraa Kommune", "aabenraa" and " Aabenraa " are the same kommune. */
export function kommuneNoegle(navn: string): string {
  return navn.trim().toLocaleLowerCase("da-DK").replace(/\s+kommune$/, "").replace(/\s+/g, " ");
}

const kr = (n: number) => `${n.toLocaleString("da-DK")} kr.`;
const ERSTAT: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: unknown): string => String(s ?? "").replace(/[&<>"']/g, (c) => ERSTAT[c]!);
function csvTekst(s: string): string {
  const sikker = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(sikker) ? `"${sikker.replace(/"/g, '""')}"` : sikker;
}

/** Semicolon-separated, UTF-8 with BOM, CRLF: one row per takst and per kommune. */
export function tilsynCsv(tilsyn: readonly OffentligtTilsyn[]): string {
  const linjer = ["Socialtilsyn;Budgetår;Art;Kategori eller kommune;Beløb (kr.)"];
  for (const t of tilsyn) {
    const s = csvTekst(t.socialtilsyn);
    KATEGORIER.forEach((k, i) => linjer.push(`${s};${t.budgetaar};Tilsynstakst;${k};${t.takster[i]}`));
    KATEGORIER.forEach((k, i) => linjer.push(`${s};${t.budgetaar};Skærpet tilsyn;${k};${t.skaerpet[i]}`));
    linjer.push(`${s};${t.budgetaar};Objektiv finansiering pr. plejefamilie;;${t.ofPrPlejefamilie}`);
    for (const k of t.kommuner) linjer.push(`${s};${t.budgetaar};Objektiv finansiering;${csvTekst(k.kommune)};${k.beloeb}`);
  }
  return "\uFEFF" + linjer.join("\r\n") + "\r\n";
}

export async function tilsynXlsx(budgetaar: number, tilsyn: readonly OffentligtTilsyn[]): Promise<Buffer> {
  const wb = await nyArbejdsbog();
  wb.creator = "takst-server";
  const ws = wb.addWorksheet(`Tilsyn ${budgetaar}`, {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
    headerFooter: { oddFooter: `&LSocialtilsynenes takster og objektiv finansiering ${budgetaar}&RSide &P af &N` },
  });
  ws.addRow([`Socialtilsynenes takster og objektiv finansiering ${budgetaar}`]).font = { bold: true, size: 14 };
  ws.addRow(["Socialtilsyn", "Art", "Kategori eller kommune", "Beløb (kr.)"]).font = { bold: true };
  for (const t of tilsyn) {
    const s = udenUgyldigeTegn(t.socialtilsyn);
    KATEGORIER.forEach((k, i) => ws.addRow([s, "Tilsynstakst", k, t.takster[i]]));
    KATEGORIER.forEach((k, i) => ws.addRow([s, "Skærpet tilsyn", k, t.skaerpet[i]]));
    ws.addRow([s, "Objektiv finansiering pr. plejefamilie", "", t.ofPrPlejefamilie]);
    for (const k of t.kommuner) ws.addRow([s, "Objektiv finansiering", udenUgyldigeTegn(k.kommune), k.beloeb]);
  }
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 36;
  ws.getColumn(3).width = 24;
  ws.getColumn(4).width = 16;
  ws.getColumn(4).numFmt = '#,##0 "kr."';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The public page (Danish, no script). */
export function tilsynSide(budgetaar: number, tilsyn: readonly OffentligtTilsyn[]): string {
  const afsnit = tilsyn.map((t) => {
    const takster = KATEGORIER.map((k, i) => `<tr><th scope="row">${esc(k)}</th><td class="tal">${kr(t.takster[i]!)}</td><td class="tal">${kr(t.skaerpet[i]!)}</td></tr>`).join("\n");
    const kommuner = t.kommuner.map((k) => `<tr><th scope="row">${esc(k.kommune)}</th><td class="tal">${kr(k.beloeb)}</td></tr>`).join("\n");
    return `<section><h2>${esc(t.socialtilsyn)}</h2>
${rulleomraade(`Tilsynstakster ${budgetaar}, ${esc(t.socialtilsyn)}`, `<table><caption>Tilsynstakster ${budgetaar} (skærpet tilsyn pr. periode)</caption><thead><tr><th scope="col">Kategori</th><th scope="col">Tilsynstakst</th><th scope="col">Skærpet tilsyn</th></tr></thead><tbody>
${takster}
</tbody></table>`)}
${rulleomraade(`Objektiv finansiering ${budgetaar}, ${esc(t.socialtilsyn)}`, `<table><caption>Objektiv finansiering ${budgetaar} pr. kommune; pr. plejefamilie ${kr(t.ofPrPlejefamilie)}</caption><thead><tr><th scope="col">Kommune</th><th scope="col">Beløb</th></tr></thead><tbody>
${kommuner}
</tbody></table>`)}</section>`;
  }).join("\n");
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Socialtilsynenes takster ${budgetaar}</title><link rel="stylesheet" href="/takstoversigt.css"></head>
<body><main><h1>Socialtilsynenes takster og objektiv finansiering ${budgetaar}</h1>
<p class="hent"><a href="/api/v1/tilsyn/offentlig.csv?budgetaar=${budgetaar}">Hent som CSV</a> · <a href="/api/v1/tilsyn/offentlig.xlsx?budgetaar=${budgetaar}">Hent som .xlsx</a></p>
${afsnit}
</main>
${SIDEFOD}
</body></html>`;
}
