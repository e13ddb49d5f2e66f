import { sammeYdelse, sidsteAarsTakstVist, udenUgyldigeTegn, udviklingsPl, vistUdvikling, ydelserAf } from "../../takstskema";
import { INTET_OPSLAG, type RegelsaetOpslag } from "../regelsaet/opslag";
import type { AktuelTakst } from "./sql";
import { nyArbejdsbog } from "../xlsxArk";

export interface EksportRaekke {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  takstaar: number;
  version: number;
  takst: number | null;
  sidsteAarsTakst: number | null;
  /** The PL the takstudvikling used (udviklingsPl) as a fraction (0.039 = 3.9 %); null: none. */
  plPct: number | null;
  /** Real takstudvikling as a fraction, rounded to one decimal of a percent; null without last year or PL. */
  takstudvikling: number | null;
}

function tal(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/**
 * One export row per ydelse of every current submission. Sidste års takst is the takst of the
 * same ydelse (same name) in the previous takstår's current submission of the same driftsherre
 * and tilbud, else the figure stated in the skema (sidsteAarsTakstVist); PL is the plSats of
 * the ruleset the submission was validated against (`regelsaet`), else its TS_PLPct
 * (udviklingsPl). Takstudvikling (vistUdvikling) is left blank when a figure is missing.
 */
export function eksportRaekker(takster: readonly AktuelTakst[], regelsaet: RegelsaetOpslag = INTET_OPSLAG): EksportRaekke[] {
  return takster.flatMap((t) => {
    const sidsteAar = t.sidsteVaerdier ? ydelserAf(t.sidsteVaerdier, t.sidsteBeregnet) : [];
    const { pl } = udviklingsPl(regelsaet(t.regelsaetId, t.regelsaetVersion), tal(t.vaerdier.TS_PLPct), Number(t.takstaar));
    return ydelserAf(t.vaerdier, t.beregnet).map((y) => {
      const takst = y.takst;
      const sidste = sidsteAarsTakstVist(sidsteAar.find((f) => sammeYdelse(f.navn, y.navn))?.takst ?? null, y.sidsteAarsTakst).takst;
      const udvikling = vistUdvikling(takst, sidste, pl)?.vaerdi ?? null;
      return { driftsherre: t.driftsherre, tilbud: t.tilbud, ydelse: y.navn, takstaar: t.takstaar, version: t.version, takst, sidsteAarsTakst: sidste, plPct: pl, takstudvikling: udvikling };
    });
  });
}

export const KOLONNER = ["Driftsherre", "Tilbud", "Ydelse", "Takstår", "Version", "Takst (kr.)", "Sidste års takst (kr.)", "PL %", "Takstudvikling % (reel)"] as const;

/** Danish number text: decimal comma, no thousands separator (what Danish Excel reads). */
function dansk(n: number | null, decimaler?: number): string {
  if (n === null) return "";
  const s = decimaler === undefined ? String(n) : n.toFixed(decimaler);
  return s.replace(".", ",");
}

/** A text cell: quoted when needed, and never read as a formula by Excel. */
function csvTekst(s: string): string {
  const sikker = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(sikker) ? `"${sikker.replace(/"/g, '""')}"` : sikker;
}

/** Semicolon-separated, UTF-8 with BOM, CRLF: opens correctly in Danish Excel. */
export function somCsv(raekker: readonly EksportRaekke[]): string {
  const linjer = [KOLONNER.join(";")];
  for (const r of raekker) {
    linjer.push(
      [
        csvTekst(r.driftsherre),
        csvTekst(r.tilbud),
        csvTekst(r.ydelse),
        String(r.takstaar),
        String(r.version),
        dansk(r.takst),
        dansk(r.sidsteAarsTakst),
        r.plPct === null ? "" : dansk(Math.round(r.plPct * 1000) / 10, 1),
        r.takstudvikling === null ? "" : dansk(Math.round(r.takstudvikling * 1000) / 10, 1),
      ].join(";"),
    );
  }
  return "\uFEFF" + linjer.join("\r\n") + "\r\n";
}

export async function somXlsx(raekker: readonly EksportRaekke[]): Promise<Buffer> {
  const wb = await nyArbejdsbog();
  wb.creator = "takst-server";
  // Printed as the public takstoversigt is: A4 landscape, every column on one page width, the
  // heading row on every page (without it: US Letter portrait, the columns spread over 3 pages).
  const ws = wb.addWorksheet("Takster", {
    views: [{ state: "frozen", ySplit: 1 }],
    pageSetup: {
      paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: "1:1", horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&LSekretariatets eksport af takster&RSide &P af &N" },
  });
  ws.columns = [
    { header: KOLONNER[0], key: "driftsherre", width: 24 },
    { header: KOLONNER[1], key: "tilbud", width: 32 },
    { header: KOLONNER[2], key: "ydelse", width: 28 },
    { header: KOLONNER[3], key: "takstaar", width: 9 },
    { header: KOLONNER[4], key: "version", width: 9 },
    { header: KOLONNER[5], key: "takst", width: 14, style: { numFmt: "#,##0" } },
    { header: KOLONNER[6], key: "sidsteAarsTakst", width: 20, style: { numFmt: "#,##0" } },
    { header: KOLONNER[7], key: "plPct", width: 9, style: { numFmt: "0.0%" } },
    { header: KOLONNER[8], key: "takstudvikling", width: 22, style: { numFmt: "0.0%" } },
  ];
  ws.getRow(1).font = { bold: true };
  // Stored rows predating the boundary check may still hold characters XML cannot carry.
  for (const r of raekker) ws.addRow({ ...r, driftsherre: udenUgyldigeTegn(r.driftsherre), tilbud: udenUgyldigeTegn(r.tilbud), ydelse: udenUgyldigeTegn(r.ydelse) });
  ws.autoFilter = { from: "A1", to: "I1" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
