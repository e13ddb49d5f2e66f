import { writeFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import type { Regelsaet } from "../regelsaet";
import { MARGENER, medTekstHoejder, type SkabelonLayout, type Skematype, type SkemaNavn, sidefod, skabelonLayout, spilder, tilFilformel, udenUgyldigeTegn, udskrift } from "../takstskema";
import { efterbehandl } from "./xlsxEfterbehandling";

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

type LayoutCelle = SkabelonLayout["celler"][number];

/** A cell's value: a formula with its cached result, or the input (else the template's). */
function skrivVaerdi(cell: ExcelJS.Cell, c: LayoutCelle, inddata: Udfyldning, resultater: Udfyldning): void {
  if (c.formel !== undefined) {
    const res = vaerdiFor(resultater, c.felt, c.raekke);
    // A spilling SOC call is stored as a dynamic-array formula over its range (efterbehandl adds
    // cm="1"): Excel would otherwise read it as pre-dynamic-array, =@SOC.…, and cut the spill to
    // one cell. The other cells of the range hold the cached results.
    const dynamisk = c.spild || spilder(c.formel) ? { shareType: "array" as const, ref: c.spild ?? c.adresse } : {};
    const formel = { formula: tilFilformel(c.formel), ...dynamisk };
    cell.value = (res === undefined || res === null || res === "" ? formel : { ...formel, result: res }) as ExcelJS.CellFormulaValue;
  } else {
    // A computed table cell without a formula of its own (a spill target in a layout that has one) takes its cached result.
    const udfyldt = vaerdiFor(c.raekke !== undefined && c.laast ? resultater : inddata, c.felt, c.raekke);
    const v = udfyldt !== undefined && udfyldt !== null ? udfyldt : c.vaerdi;
    if (v !== undefined && v !== "") cell.value = typeof v === "string" ? udenUgyldigeTegn(v) : v;
  }
}

function skrivStil(cell: ExcelJS.Cell, c: LayoutCelle): void {
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

/**
 * Render the pure layout with ExcelJS. `inddata` fills input cells; `resultater` are written
 * as cached formula results of computed cells.
 */
export async function lavArbejdsbog(skabelon: SkabelonLayout, inddata: Udfyldning = {}, resultater: Udfyldning = {}): Promise<ExcelJS.Workbook> {
  // A filled begrundelse's row grows to hold every line; the print plan counts the same heights.
  const layout = medTekstHoejder(skabelon, inddata);
  // Loaded when needed: `valider` rarely needs ExcelJS, and loading it is a large part of the CLI's start.
  const { Workbook } = (await import("exceljs")).default;
  const wb = new Workbook();
  wb.creator = "SOC-takster";
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  // Excel recomputes every formula when the file is opened.
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet(layout.arknavn, { views: [{ showGridLines: false }], properties: { tabColor: { argb: "FF1F4E78" } } });
  // Print as an archive copy (src/takstskema/udskrift.ts): fixed scale, a break before a section
  // that would not fit, the column headings on every page, the footer from the skema's values.
  const u = udskrift(layout);
  ws.pageSetup = {
    orientation: "landscape", paperSize: 9, scale: u.skala, fitToPage: false,
    // ExcelJS puts "$" before each corner as given: "A$1:F$80" becomes $A$1:$F$80.
    printArea: u.omraade.replace(/(\d+)/g, "$$$1"), printTitlesRow: u.titelRaekker, margins: { ...MARGENER },
  };
  const start: Udfyldning = {};
  for (const c of layout.celler) if (c.felt && c.vaerdi !== undefined) start[c.felt] = c.vaerdi;
  ws.headerFooter = { oddFooter: sidefod({ ...start, ...inddata }) };
  for (const k of layout.kolonner) ws.getColumn(k.kolonne).width = k.bredde;

  for (const c of layout.celler) {
    const cell = ws.getCell(c.adresse);
    skrivVaerdi(cell, c, inddata, resultater);
    skrivStil(cell, c);
  }
  for (const m of layout.flettede) ws.mergeCells(m);
  // The layout's taller rows, the same heights the print plan counts.
  for (const [r, h] of Object.entries(layout.raekkeHoejder)) ws.getRow(Number(r)).height = h;
  for (const r of u.sideskift) ws.getRow(r).addPageBreak();
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

/** The .xlsx bytes of a workbook, with the parts ExcelJS does not write (xlsxEfterbehandling.ts). */
export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return efterbehandl(Buffer.from(await wb.xlsx.writeBuffer()));
}

export async function skrivSkabelon(r: Regelsaet, ud: string, type: Skematype = "budget"): Promise<void> {
  writeFileSync(ud, await xlsxBytes(await lavArbejdsbog(skabelonLayout(r, type))));
}
