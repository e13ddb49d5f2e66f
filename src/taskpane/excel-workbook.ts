import { FELTER, YDELSE_KOLONNER } from "../takstskema/felter";
import { REGNSKAB_FELTER, REGNSKAB_KOLONNER } from "../takstskema/regnskabFelter";
import type { LayoutCelle, LayoutValidering, SkabelonLayout } from "../takstskema/layout";
import { MARGENER, type SidefodDele, sidefodDele, udskrift } from "../takstskema/udskrift";
import { ENKELTTAKST_NAVNE, kolonneCeller } from "../takstskema/ydelser";

/**
 * The task pane's only door into the workbook: every field is read and written by its
 * workbook-level defined name, in batches. Each operation costs a fixed number of
 * `context.sync()` round trips, whatever the number of fields:
 *   laesSkema 2 · indsaetSkabelon 2 (with the print setup) · indsaetUdfyldtSkabelon 2 (3 over an
 *   unfilled takstskema, which is read first) · vaelgCelle 1 · skrivKvittering 1 ·
 *   skrivSidsteAarsTakst 1 · skrivTal 1.
 * The counter below lets tests and the bench check those numbers.
 */

export const KVITTERING_NAVN = "TS_Kvittering";
/** Both skema types' fields and Ydelser columns (a regnskabsskema has its own beside the shared ones). */
const ALLE_FELTER = [...FELTER, ...REGNSKAB_FELTER];
const ALLE_KOLONNER = [...YDELSE_KOLONNER, ...REGNSKAB_KOLONNER];
/** Ydelser columns: each name is a vertical range, read as the array of its rows. */
const KOLONNE_NAVNE = new Set<string>(ALLE_KOLONNER.map((k) => k.navn));
/** Every name read: the fields, the Ydelser columns and the single-takst names of an older workbook. */
const FELT_NAVNE = new Set<string>([...ALLE_FELTER.map((f) => f.navn), ...KOLONNE_NAVNE, ...ENKELTTAKST_NAVNE]);
const INPUT_NAVNE = new Set<string>([
  ...ALLE_FELTER.filter((f) => f.rolle === "input").map((f) => f.navn),
  ...ALLE_KOLONNER.filter((k) => k.rolle === "input").map((k) => k.navn),
  "TS_Ydelse", "TS_SidsteAarsTakst",
]);

/** Protection used by the template and restored after writing the receipt. */
export const BESKYTTELSE: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

let syncs = 0;

/** Round trips to Excel since the page loaded (or since `nulstilSyncs`). */
export function antalSyncs(): number {
  return syncs;
}

export function nulstilSyncs(): void {
  syncs = 0;
}

async function synk(context: Excel.RequestContext): Promise<void> {
  syncs += 1;
  await context.sync();
}

/**
 * Read every takstskema field (defined name → the top-left cell's value; a Ydelser column →
 * the values of its rows, spilled formula results included). Two syncs.
 */
export async function laesSkema(): Promise<Record<string, unknown>> {
  return Excel.run(async (context) => {
    const names = context.workbook.names;
    names.load("items/name,items/type");
    await synk(context);
    const omraader: [string, Excel.Range][] = [];
    for (const item of names.items) {
      // "Error" is a name whose sheet was deleted (#REF!); it has no cell to read.
      if (item.type !== "Range" || !FELT_NAVNE.has(item.name)) continue;
      const range = item.getRange();
      range.load("values");
      omraader.push([item.name, range]);
    }
    await synk(context);
    return somSkema(omraader);
  });
}

/** Loaded ranges of names as the skema's record: a Ydelser column as its rows, a field as its top-left cell. */
function somSkema(omraader: readonly (readonly [string, Excel.Range])[]): Record<string, unknown> {
  const skema: Record<string, unknown> = {};
  for (const [navn, range] of omraader) skema[navn] = KOLONNE_NAVNE.has(navn) ? range.values.map((r) => r[0] ?? "") : (range.values[0]?.[0] ?? "");
  return skema;
}

function tom(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/**
 * True when the workbook holds a takstskema with something the user typed: an input field
 * that is not empty and differs from the template's own starting value (ruleset, year, days).
 */
export function erUdfyldt(skema: Record<string, unknown>, layout: SkabelonLayout): boolean {
  const start = new Map<string, unknown>();
  for (const c of layout.celler) if (c.felt && c.vaerdi !== undefined) start.set(c.felt, c.vaerdi);
  return Object.entries(skema).some(([navn, v]) => INPUT_NAVNE.has(navn) && (Array.isArray(v) ? v.some((x) => !tom(x)) : !tom(v) && v !== start.get(navn)));
}

export async function harUdfyldtSkema(layout: SkabelonLayout): Promise<boolean> {
  return erUdfyldt(await laesSkema(), layout);
}

/** True when the workbook has a sheet of that name (one sync); the tilsynsskema asks before replacing it. */
export async function harArk(arknavn: string): Promise<boolean> {
  return Excel.run(async (context) => {
    const ark = context.workbook.worksheets.getItemOrNullObject(arknavn);
    await synk(context);
    return !ark.isNullObject;
  });
}

/** "FFFFFF99" (ARGB) → "#FFFF99". */
export function farve(argb: string): string {
  const hex = argb.replace(/^#/, "");
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}

/** Column width in characters (as ExcelJS and the .xlsx file) → points (Office.js). */
export function breddeIPunkter(tegn: number): number {
  return Math.round((tegn * 7 + 5) * 0.75 * 100) / 100;
}

const OPERATOR: Record<LayoutValidering["operator"], Excel.DataValidationOperator> = {
  between: "Between" as Excel.DataValidationOperator.between,
  greaterThan: "GreaterThan" as Excel.DataValidationOperator.greaterThan,
  lessThanOrEqual: "LessThanOrEqualTo" as Excel.DataValidationOperator.lessThanOrEqualTo,
};

const FEJLSTIL: Record<LayoutValidering["fejlStil"], Excel.DataValidationAlertStyle> = {
  stop: "Stop" as Excel.DataValidationAlertStyle.stop,
  warning: "Warning" as Excel.DataValidationAlertStyle.warning,
  information: "Information" as Excel.DataValidationAlertStyle.information,
};

/** The layout's validation as an Office.js rule. */
export function valideringsRegel(v: LayoutValidering): Excel.DataValidationRule {
  const [f1, f2] = v.formler;
  const basis: Excel.BasicDataValidation = { operator: OPERATOR[v.operator], formula1: f1 ?? 0 };
  if (f2 !== undefined) basis.formula2 = f2;
  switch (v.type) {
    case "decimal":
      return { decimal: basis };
    case "whole":
      return { wholeNumber: basis };
    case "textLength":
      return { textLength: basis };
    case "list":
      // ExcelJS wants the list quoted ("a,b"); Office.js wants the bare list.
      return { list: { inCellDropDown: true, source: String(f1 ?? "").replace(/^"(.*)"$/, "$1") } };
  }
}

const KANTER: Excel.BorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as Excel.BorderIndex[];
const VANDRET: Record<NonNullable<LayoutCelle["vandret"]>, Excel.HorizontalAlignment> = {
  left: "Left" as Excel.HorizontalAlignment.left,
  center: "Center" as Excel.HorizontalAlignment.center,
  right: "Right" as Excel.HorizontalAlignment.right,
};

function skrivCelle(ark: Excel.Worksheet, c: LayoutCelle): void {
  const r = ark.getRange(c.adresse);
  if (c.numFmt) r.numberFormat = [[c.numFmt]];
  if (c.formel) r.formulas = [[`=${c.formel}`]];
  else if (c.vaerdi !== undefined && c.vaerdi !== "") r.values = [[c.vaerdi]];
  if (c.fyld) r.format.fill.color = farve(c.fyld);
  if (c.skrift) {
    if (c.skrift.fed !== undefined) r.format.font.bold = c.skrift.fed;
    if (c.skrift.kursiv !== undefined) r.format.font.italic = c.skrift.kursiv;
    if (c.skrift.stoerrelse !== undefined) r.format.font.size = c.skrift.stoerrelse;
    if (c.skrift.farve) r.format.font.color = farve(c.skrift.farve);
  }
  if (c.ombryd) r.format.wrapText = true;
  if (c.vandret) r.format.horizontalAlignment = VANDRET[c.vandret];
  if (c.ramme) {
    for (const kant of KANTER) {
      const b = r.format.borders.getItem(kant);
      b.style = "Continuous" as Excel.BorderLineStyle.continuous;
      b.color = "#BFBFBF";
    }
  }
  // Cells are locked by default; the input cells are the only ones left open.
  if (!c.laast) r.format.protection.locked = false;
}

function skrivSidefod(ark: Excel.Worksheet, d: SidefodDele): void {
  const f = ark.pageLayout.headersFooters.defaultForAllPages;
  f.leftFooter = d.venstre;
  f.centerFooter = d.midt;
  f.rightFooter = d.hoejre;
}

/** The print setup of src/takstskema/udskrift.ts, queued on the sheet (no sync of its own). */
function skrivUdskrift(ark: Excel.Worksheet, layout: SkabelonLayout, vaerdier: Record<string, unknown> = {}): void {
  const u = udskrift(layout);
  const pl = ark.pageLayout;
  pl.orientation = "Landscape" as Excel.PageOrientation.landscape;
  pl.paperSize = "A4" as Excel.PaperType.a4;
  pl.zoom = { scale: u.skala };
  // Office.js margins are in points, the layout's in inches.
  pl.leftMargin = MARGENER.left * 72;
  pl.rightMargin = MARGENER.right * 72;
  pl.topMargin = MARGENER.top * 72;
  pl.bottomMargin = MARGENER.bottom * 72;
  pl.headerMargin = MARGENER.header * 72;
  pl.footerMargin = MARGENER.footer * 72;
  pl.setPrintArea(u.omraade);
  pl.setPrintTitleRows(`$${u.titelRaekker.replace(":", ":$")}`);
  // A break after row r is a break before row r + 1.
  for (const r of u.sideskift) ark.horizontalPageBreaks.add(`A${r + 1}`);
  const start: Record<string, unknown> = {};
  for (const c of layout.celler) if (c.felt && c.vaerdi !== undefined) start[c.felt] = c.vaerdi;
  skrivSidefod(ark, sidefodDele({ ...start, ...vaerdier }));
}

export interface IndsaetResultat {
  /** True when an earlier takstskema sheet was replaced. */
  erstattet: boolean;
  syncs: number;
}

/**
 * Build the template sheet from the shared layout (the same data the CLI renders with
 * ExcelJS). An existing takstskema sheet and the field names are replaced; the caller asks
 * the user first when that sheet holds data (`harUdfyldtSkema`). Two syncs.
 */
export async function indsaetSkabelon(layout: SkabelonLayout): Promise<IndsaetResultat> {
  const foer = syncs;
  return Excel.run(async (context) => {
    const gammelt = forbered(context, layout, false);
    await synk(context);
    const erstattet = bygSkabelon(context, gammelt, layout);
    await synk(context);
    return { erstattet, syncs: syncs - foer };
  });
}

/**
 * Queue what building the sheet needs to know: the old sheet, the sheets' and names' names
 * (`medType`: and the names' types, to read the ranges of those that have one).
 */
function forbered(context: Excel.RequestContext, layout: SkabelonLayout, medType: boolean): Excel.Worksheet {
  const wb = context.workbook;
  const gammelt = wb.worksheets.getItemOrNullObject(layout.arknavn);
  wb.worksheets.load("items/name");
  wb.names.load(medType ? "items/name,items/type" : "items/name");
  return gammelt;
}

/** "Takstskema!$D$41:$D$50" → "D41:D50". */
const adresseI = (ref: string) => ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, "");

/**
 * Queue the template sheet (after `forbered` and a sync), with `vaerdier` (input name → value,
 * a Ydelser column as its rows) in the input cells. True when an earlier sheet is replaced.
 */
function bygSkabelon(context: Excel.RequestContext, gammelt: Excel.Worksheet, layout: SkabelonLayout, vaerdier: Record<string, unknown> = {}): boolean {
  const wb = context.workbook;
  const arkNavne = new Set(wb.worksheets.items.map((w) => w.name.toLowerCase()));
  const layoutNavne = new Set<string>(layout.navne.map((n) => n.navn));
  // Names first: they would otherwise survive as #REF! and block names.add.
  for (const item of wb.names.items) if (layoutNavne.has(item.name)) item.delete();

  let ark: Excel.Worksheet;
  const erstattet = !gammelt.isNullObject;
  if (erstattet) {
    // A workbook needs one sheet at all times, so add the new one before deleting the old.
    let midlertidigt = `${layout.arknavn} (ny)`;
    for (let i = 2; arkNavne.has(midlertidigt.toLowerCase()); i++) midlertidigt = `${layout.arknavn} (ny ${i})`;
    ark = wb.worksheets.add(midlertidigt);
    gammelt.delete();
    ark.name = layout.arknavn;
  } else {
    ark = wb.worksheets.add(layout.arknavn);
  }

  // Names before formulas, so the formulas resolve them as they are written.
  for (const n of layout.navne) wb.names.add(n.navn, ark.getRange(adresseI(n.ref)));
  for (const k of layout.kolonner) ark.getRange(`${k.kolonne}:${k.kolonne}`).format.columnWidth = breddeIPunkter(k.bredde);
  for (const c of layout.celler) skrivCelle(ark, c);
  skrivInput(ark, layout, vaerdier);
  // The layout's taller rows (wrapped lines), the heights the print plan counts.
  for (const [r, h] of Object.entries(layout.raekkeHoejder)) ark.getRange(`${r}:${r}`).format.rowHeight = h;
  for (const f of layout.flettede) ark.getRange(f).merge(false);
  for (const v of layout.valideringer) {
    const dv = ark.getRange(v.adresse).dataValidation;
    dv.ignoreBlanks = v.tilladTom;
    dv.rule = valideringsRegel(v);
    dv.prompt = { showPrompt: true, title: v.promptTitel, message: v.prompt };
    dv.errorAlert = { showAlert: true, style: FEJLSTIL[v.fejlStil], title: v.fejlTitel, message: v.fejl };
  }
  skrivUdskrift(ark, layout, vaerdier);
  if (layout.beskyttelse.aktiv) ark.protection.protect(BESKYTTELSE);
  ark.activate();
  const foersteInput = layout.celler.find((c) => c.felt && !c.laast && c.vaerdi === undefined);
  if (foersteInput) ark.getRange(foersteInput.adresse).select();
  return erstattet;
}

/** Values into the layout's input names only (a computed cell keeps its formula); null empties a cell. */
function skrivInput(ark: Excel.Worksheet, layout: SkabelonLayout, vaerdier: Record<string, unknown>): void {
  for (const n of layout.navne) {
    if (!INPUT_NAVNE.has(n.navn) || !(n.navn in vaerdier)) continue;
    const v = vaerdier[n.navn];
    ark.getRange(adresseI(n.ref)).values = KOLONNE_NAVNE.has(n.navn) ? kolonneCeller(v).map((x) => [x ?? ""]) : [[v ?? ""]];
  }
}

export type UdfyldUdfald = { art: "bekraeft"; syncs: number } | { art: "indsat"; erstattet: boolean; syncs: number };

/**
 * The template filled with `vaerdier` (carry forward from last year). Without `bekraeftet`, a
 * workbook whose takstskema holds something typed is left untouched and the answer asks first.
 * Two syncs on a workbook without a takstskema and on a filled one (the answer, or the
 * confirmed replacement); three when an unfilled takstskema must be read before it is replaced.
 */
export async function indsaetUdfyldtSkabelon(layout: SkabelonLayout, vaerdier: Record<string, unknown>, bekraeftet: boolean): Promise<UdfyldUdfald> {
  const foer = syncs;
  return Excel.run(async (context) => {
    const gammelt = forbered(context, layout, !bekraeftet);
    await synk(context);
    if (!bekraeftet) {
      const omraader = context.workbook.names.items.filter((i) => i.type === "Range" && INPUT_NAVNE.has(i.name)).map((i) => {
        const range = i.getRange();
        range.load("values");
        return [i.name, range] as const;
      });
      if (omraader.length > 0) {
        await synk(context);
        if (erUdfyldt(somSkema(omraader), layout)) return { art: "bekraeft" as const, syncs: syncs - foer };
      }
    }
    const erstattet = bygSkabelon(context, gammelt, layout, vaerdier);
    await synk(context);
    return { art: "indsat" as const, erstattet, syncs: syncs - foer };
  });
}

/** Split "Takstskema!D12" / "'Mit ark'!D12" into sheet and address. */
export function delCelle(celle: string): { ark: string; adresse: string } {
  const i = celle.lastIndexOf("!");
  if (i < 1) throw new Error(`Ugyldig cellereference: ${celle}`);
  return { ark: celle.slice(0, i).replace(/^'(.*)'$/, "$1").replace(/''/g, "'"), adresse: celle.slice(i + 1) };
}

/** Select a finding's cell (activating its sheet). One sync. */
export async function vaelgCelle(celle: string): Promise<void> {
  const { ark, adresse } = delCelle(celle);
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(ark);
    ws.activate();
    ws.getRange(adresse).select();
    await synk(context);
  });
}

/**
 * Write the receipt id into TS_Kvittering. The cell is locked (the add-in writes it, not the
 * user), so the sheet is unprotected, written and protected again in the same batch. With the
 * skema's values the printed footer gets driftsherre, tilbud, takstår and the receipt. One sync.
 */
export async function skrivKvittering(id: string, skema?: Record<string, unknown>): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.names.getItem(KVITTERING_NAVN).getRange();
    const ws = range.worksheet;
    ws.protection.unprotect();
    range.values = [[id]];
    if (skema) skrivSidefod(ws, sidefodDele({ ...skema, TS_Kvittering: id }));
    ws.protection.protect(BESKYTTELSE);
    await synk(context);
  });
}

/**
 * Write last year's takster into the sidste års takst column (`navn`: TS_Ydelser_SidsteAarsTakst,
 * or an older workbook's single TS_SidsteAarsTakst), one value per row. The column is an input,
 * so the sheet stays protected. One sync.
 */
export async function skrivSidsteAarsTakst(navn: "TS_Ydelser_SidsteAarsTakst" | "TS_SidsteAarsTakst", vaerdier: readonly unknown[]): Promise<void> {
  await Excel.run(async (context) => {
    const range = context.workbook.names.getItem(navn).getRange();
    range.values = navn === "TS_SidsteAarsTakst" ? [[vaerdier[0] ?? ""]] : vaerdier.map((v) => [v ?? ""]);
    await synk(context);
  });
}

/** One cell to get a number: a field's name, and for a Ydelser column the row (0-based). */
export interface TalRettelse {
  felt: string;
  raekke?: number;
  tal: number;
}

/**
 * Write numbers into input cells by name, all in one sync: over cells that held them as text
 * (TS002, issue 20), and the efterregulering from the service. The sheet stays protected.
 */
export async function skrivTal(rettelser: readonly TalRettelse[]): Promise<void> {
  await Excel.run(async (context) => {
    for (const r of rettelser) {
      const range = context.workbook.names.getItem(r.felt).getRange();
      (r.raekke === undefined ? range : range.getCell(r.raekke, 0)).values = [[r.tal]];
    }
    await synk(context);
  });
}
