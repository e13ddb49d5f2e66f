/**
 * SOC calls as a reader finds them in a saved workbook, brought to one form (`SOC.TAKST(`).
 * Excel stores an add-in's function with a prefix that depends on how it was loaded:
 * `_xldudf_SOC_TAKST(` (Office JavaScript custom functions), `[1]!SOC.TAKST(` (a function from
 * an external workbook or add-in, the number indexing its externalLink part),
 * `SOC.xlam!SOC.TAKST(` or `'C:\…\SOC.xla'!SOC.TAKST(` (a named add-in file), `_xll.SOC.TAKST(`
 * (an XLL), and Office.js shows `=@SOC.TAKST(` where Excel added implicit intersection.
 * Both .xlsx readers call this, so a formula means the same whichever reader opened the file.
 */

const PRAEFIKS = String.raw`(?:\[\d+\]!|'(?:[^']|'')*'!|[A-Za-z0-9_. \\:-]*?\.xla[m]?!|_xll\.)*`;
const SOC_KALD = new RegExp(String.raw`(?<![A-Za-z0-9_.])@?${PRAEFIKS}(?:_xldudf_)?SOC((?:[._][A-Za-z][A-Za-z0-9]*)+)\s*\(`, "gi");

/** The formula with every SOC call in the form the user types (`SOC.EFTERREG.MODEL(`). */
export function normaliserSocFormel(formel: string): string {
  return formel.replace(SOC_KALD, (_m, rest: string) => `SOC${rest.replace(/_/g, ".").toUpperCase()}(`);
}

/** The SOC functions a formula calls, after normalising (e.g. ["SOC.TAKST"]). */
export function socKald(formel: string): string[] {
  return [...normaliserSocFormel(formel).matchAll(/(?<![A-Za-z0-9_.])SOC((?:\.[A-Z][A-Z0-9]*)+)\(/g)].map((m) => `SOC${m[1]}`);
}

/**
 * The SOC functions whose result is a matrix (functions.json dimensionality "matrix"; a test
 * keeps this list equal to src/functions/beskrivelser.ts). Their formulas are stored as
 * dynamic-array formulas so they spill. Scalar SOC calls are not: LibreOffice recomputes array
 * formulas on load and would show #NAME? instead of the cached value.
 */
export const SPILDENDE_SOC = ["SOC.EFTERREG.MODEL", "SOC.OBJFIN", "SOC.TILSYNSTAKST", "SOC.TAKSTSTRUKTUR", "SOC.LUKNING", "SOC.LUKNING.FORDEL", "SOC.OVERTAGELSE"] as const;

/** True when a formula calls a SOC function that spills. */
export function spilder(formel: string): boolean {
  return socKald(formel).some((f) => (SPILDENDE_SOC as readonly string[]).includes(f));
}
