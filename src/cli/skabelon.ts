import ExcelJS from "exceljs";
import type { Regelsaet } from "../regelsaet";
import { type SkabelonLayout, type SkemaNavn, skabelonLayout, tilFilformel } from "../takstskema";

type Celle = string | number | null;
/**
 * Values for input cells and cached results for computed cells (so readers without the
 * add-in show numbers); a Ydelser column takes an array of its rows.
 */
export type Udfyldning = Partial<Record<SkemaNavn | (string & {}), Celle | Celle[]>>;

/** The value for one layout cell: a field's value, or row `raekke` of a column's array. */
function vaerdiFor(u: Udfyldning, felt: string | undefined, raekke: number | undefined): Celle | undefined {
  if (!felt) return undefined;
  const v = u[felt];
  if (Array.isArray(v)) return raekke === undefined ? undefined : v[raekke];
  return raekke === undefined || raekke === 0 ? v : undefined;
}

const TYND = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

/**
 * Render the pure layout with ExcelJS. `inddata` fills input cells; `resultater` are written
 * as cached formula results of computed cells.
 */
export async function lavArbejdsbog(layout: SkabelonLayout, inddata: Udfyldning = {}, resultater: Udfyldning = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SOC-takster";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  // Excel recomputes every formula when the file is opened.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(layout.arknavn, { views: [{ showGridLines: false }], properties: { tabColor: { argb: "FF1F4E78" } } });
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  for (const k of layout.kolonner) ws.getColumn(k.kolonne).width = k.bredde;

  for (const c of layout.celler) {
    const cell = ws.getCell(c.adresse);
    if (c.formel !== undefined) {
      const res = vaerdiFor(resultater, c.felt, c.raekke);
      const formel = tilFilformel(c.formel);
      // A spilling formula is stored as an array formula over its range (Excel and LibreOffice
      // both compute it so); the other cells of the range hold the cached results.
      const spild = c.spild ? { shareType: "array" as const, ref: c.spild } : {};
      cell.value = (res === undefined || res === null || res === "" ? { formula: formel, ...spild } : { formula: formel, result: res, ...spild }) as ExcelJS.CellFormulaValue;
    } else {
      // Computed table cells without their own formula are spill targets: cached results.
      const udfyldt = vaerdiFor(c.raekke !== undefined && c.laast ? resultater : inddata, c.felt, c.raekke);
      const v = udfyldt !== undefined && udfyldt !== null ? udfyldt : c.vaerdi;
      if (v !== undefined && v !== "") cell.value = v;
    }
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.fyld) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: c.fyld } };
    if (c.skrift) {
      cell.font = {
        bold: c.skrift.fed, italic: c.skrift.kursiv, size: c.skrift.stoerrelse,
        ...(c.skrift.farve ? { color: { argb: c.skrift.farve } } : {}),
      };
    }
    if (c.ombryd || c.vandret) cell.alignment = { wrapText: c.ombryd, horizontal: c.vandret, vertical: "top" };
    if (c.ramme) cell.border = { top: TYND, left: TYND, bottom: TYND, right: TYND };
    cell.protection = { locked: c.laast };
  }
  for (const m of layout.flettede) ws.mergeCells(m);
  for (const r of [9, 10]) ws.getRow(r).height = 30;
  // The Ydelser section's help lines wrap over the merged width.
  for (const c of layout.celler) if (c.ombryd && c.adresse.startsWith("B") && !["B9", "B10"].includes(c.adresse)) ws.getRow(Number(c.adresse.slice(1))).height = 30;
  for (const n of layout.navne) wb.definedNames.add(n.ref, n.navn);
  for (const v of layout.valideringer) {
    ws.getCell(v.adresse).dataValidation = {
      type: v.type,
      operator: v.operator,
      allowBlank: v.tilladTom,
      formulae: v.formler,
      showInputMessage: true,
      promptTitle: v.promptTitel,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: v.fejlStil,
      errorTitle: v.fejlTitel,
      error: v.fejl,
    };
  }
  if (layout.beskyttelse.aktiv) {
    await ws.protect(layout.beskyttelse.adgangskode, {
      selectLockedCells: true, selectUnlockedCells: true, formatCells: false, formatColumns: true, formatRows: true,
      insertRows: false, insertColumns: false, deleteRows: false, deleteColumns: false, sort: false, autoFilter: false,
    });
  }
  return wb;
}

export async function skrivSkabelon(r: Regelsaet, ud: string): Promise<void> {
  const wb = await lavArbejdsbog(skabelonLayout(r));
  await wb.xlsx.writeFile(ud);
}
