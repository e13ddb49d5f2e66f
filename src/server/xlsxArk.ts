import type ExcelJS from "exceljs";

/**
 * A new workbook. ExcelJS is loaded here, at the first .xlsx the service writes, not when the
 * service starts: it is the largest module the service has and only the exports use it.
 */
export async function nyArbejdsbog(): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import("exceljs")).default;
  return new Workbook();
}

/** A column of a report sheet: its heading, width (characters) and number format. */
export interface ArkKolonne {
  navn: string;
  bredde: number;
  format?: string;
}

/**
 * A report sheet as the service's .xlsx reports print it: the title in A1, the bold heading row 2
 * frozen and repeated on every page, A4 landscape one page wide, footer "Side x af y".
 */
export function rapportArk(wb: ExcelJS.Workbook, navn: string, titel: string, kolonner: readonly ArkKolonne[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(navn, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
    headerFooter: { oddFooter: `&L${titel}, ${navn.toLowerCase()}&RSide &P af &N` },
  });
  ws.getCell("A1").value = `${titel}: ${navn.toLowerCase()}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const hoved = ws.getRow(2);
  kolonner.forEach((k, i) => {
    const c = hoved.getCell(i + 1);
    c.value = k.navn;
    c.font = { bold: true };
    c.border = { bottom: { style: "thin" } };
    ws.getColumn(i + 1).width = k.bredde;
    if (k.format) ws.getColumn(i + 1).numFmt = k.format;
  });
  return ws;
}
