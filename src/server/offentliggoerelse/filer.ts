import { udenUgyldigeTegn } from "../../takstskema";
import { medFastZipTid } from "../zipTid";
import { OVERSKRIFTER, type TakstoversigtRaekke, artTekst, gyldigTilTekst, periodeDato } from "./raekker";
import { nyArbejdsbog } from "../xlsxArk";

const DATO = new Intl.DateTimeFormat("da-DK", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Copenhagen" });
/** "15.01.2018" */
export const datoTekst = (iso: string): string => DATO.format(new Date(iso));

/** In-year change: the date, and the reason when given. */
export const aendringTekst = (r: TakstoversigtRaekke): string =>
  r.aendretIAaret === null ? "" : `${datoTekst(r.aendretIAaret)}${r.aendringBegrundelse ? `: ${r.aendringBegrundelse}` : ""}`;

/** Danish number text for the CSV: decimal comma, no thousands separator (what Danish Excel reads). */
function dansk(n: number | null, decimaler?: number): string {
  if (n === null) return "";
  return (decimaler === undefined ? String(n) : n.toFixed(decimaler)).replace(".", ",");
}
const procent = (x: number | null): string => (x === null ? "" : dansk(Math.round(x * 1000) / 10, 1));

/** A text cell: quoted when needed, and never read as a formula by Excel (as eksport.ts). */
function csvTekst(s: string): string {
  const sikker = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[;"\r\n]/.test(sikker) ? `"${sikker.replace(/"/g, '""')}"` : sikker;
}

/** Semicolon-separated, UTF-8 with BOM, CRLF, decimal comma; percentages as numbers (96,0). */
export function takstoversigtCsv(raekker: readonly TakstoversigtRaekke[]): string {
  const linjer = [OVERSKRIFTER.map((o) => (o === "Belægning" || o === "Takstudvikling (reel)" ? `${o} %` : o)).join(";")];
  for (const r of raekker) {
    linjer.push([
      csvTekst(r.driftsherre), csvTekst(r.tilbud), csvTekst(r.tilbudsportalId), csvTekst(r.lovgrundlag), csvTekst(r.ydelse), csvTekst(r.takstenhed),
      dansk(r.pladser), procent(r.belaegning), dansk(r.takst), dansk(r.basistakst), dansk(r.servicetakst), dansk(r.sidsteAarsTakst),
      procent(r.takstudvikling), periodeDato(r.gyldigFra), csvTekst(gyldigTilTekst(r)), csvTekst(artTekst(r.art)), csvTekst(aendringTekst(r)),
    ].join(";"));
  }
  return "\uFEFF" + linjer.join("\r\n") + "\r\n";
}

const KR = '#,##0 "kr."';
const PCT = "0.0%";
const DATO_FORMAT = "dd-mm-yyyy";
const BREDDER = [20, 26, 16, 12, 26, 12, 9, 11, 12, 12, 13, 13, 15, 11, 11, 15, 24];
const FORMATER: (string | undefined)[] = [undefined, undefined, undefined, undefined, undefined, undefined, "0", PCT, KR, KR, KR, KR, PCT, DATO_FORMAT, DATO_FORMAT, undefined, undefined];
/** The sheet's last column (Q for 17), for the print area. */
const SIDSTE_KOLONNE = String.fromCharCode(64 + OVERSKRIFTER.length);

/** A period's date as an Excel date (midnight UTC is the day itself in ExcelJS). */
const excelDato = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Points per line of the default 11 pt font. */
const LINJEHOEJDE = 15;

/** The lines a text needs in a column `bredde` characters wide, wrapped at spaces. */
function linjerTil(tekst: string, bredde: number): number {
  let linjer = 1;
  let brugt = 0;
  for (const ord of tekst.split(/\s+/).filter(Boolean)) {
    const laengde = Math.min(ord.length, bredde);
    if (brugt > 0 && brugt + 1 + laengde > bredde) {
      linjer++;
      brugt = laengde;
    } else brugt += (brugt > 0 ? 1 : 0) + laengde;
  }
  return linjer;
}

/**
 * Print-ready .xlsx: a title row, the heading row repeated on every page, A4 landscape fitted to
 * one page wide, footer "Side x af y"; kroner and percentages with number formats that Danish
 * Excel and LibreOffice show as 1.234 kr. and 5,2 %.
 */
export async function takstoversigtXlsx(takstaar: number, offentliggjort: string, raekker: readonly TakstoversigtRaekke[], dato: string | null = null): Promise<Buffer> {
  const wb = await nyArbejdsbog();
  wb.creator = "takst-server";
  // Dated by the publication, not the clock: the same list gives the same bytes (kept, lager.ts).
  const udgivet = new Date(offentliggjort);
  wb.created = udgivet;
  wb.modified = udgivet;
  const ws = wb.addWorksheet(`Takster ${takstaar}`, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: {
      paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: "2:2", horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&LTakstoversigt ${takstaar}, offentliggjort ${datoTekst(offentliggjort)}&RSide &P af &N` },
  });
  ws.getCell("A1").value = `Takstoversigt ${takstaar}${dato ? `, takster i kraft ${periodeDato(dato)}` : ""}, offentliggjort ${datoTekst(offentliggjort)}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const hoved = ws.getRow(2);
  OVERSKRIFTER.forEach((o, i) => {
    const c = hoved.getCell(i + 1);
    c.value = o;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: "bottom" };
    c.border = { bottom: { style: "thin" } };
  });
  BREDDER.forEach((b, i) => {
    const k = ws.getColumn(i + 1);
    k.width = b;
    const f = FORMATER[i];
    if (f) k.numFmt = f;
  });
  const t = (s: string) => udenUgyldigeTegn(s);
  for (const r of raekker) {
    const raekke = ws.addRow([
      t(r.driftsherre), t(r.tilbud), t(r.tilbudsportalId), t(r.lovgrundlag), t(r.ydelse), t(r.takstenhed),
      r.pladser, r.belaegning, r.takst, r.basistakst, r.servicetakst, r.sidsteAarsTakst, r.takstudvikling,
      excelDato(r.gyldigFra), r.gyldigTil === null ? null : r.gyldigTil < r.gyldigFra ? gyldigTilTekst(r) : excelDato(r.gyldigTil), t(artTekst(r.art)), t(aendringTekst(r)),
    ]);
    // A long reason wraps in its cell and the row grows; unwrapped, fitting to one page width
    // shrank every page's text for it (7,1 → 4,9 pt in LibreOffice). LibreOffice does not grow
    // the row by itself, so its height is set from the lines the text needs.
    const aarsag = raekke.getCell(OVERSKRIFTER.length);
    const linjer = linjerTil(String(aarsag.value ?? ""), BREDDER[OVERSKRIFTER.length - 1]!);
    if (linjer > 1) {
      raekke.height = linjer * LINJEHOEJDE;
      // The row's figures at the top, beside the reason's first line.
      raekke.eachCell((c) => (c.alignment = { vertical: "top" }));
    }
    aarsag.alignment = { wrapText: true, vertical: "top" };
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: OVERSKRIFTER.length } };
  ws.pageSetup.printArea = `A1:${SIDSTE_KOLONNE}${Math.max(2, raekker.length + 2)}`;
  return medFastZipTid(Buffer.from(await wb.xlsx.writeBuffer()), udgivet);
}
