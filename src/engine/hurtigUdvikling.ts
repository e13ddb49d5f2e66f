import { gange, GRAENSE, plus, rundKvotient, skaler, TI_I } from "./skaleret";

/**
 * Real takstudvikling in plain doubles (a Decimal per row was most of the overview's time and
 * garbage with 10,000 takster; takstudviklingTal in tal.ts calls this first), rounded to
 * `decimaler` places of the fraction (3 = one decimal of a percent), and whether it lies beyond
 * ±`graense`. Returns exactly what decimal.js gives,
 *   vaerdi = takstudvikling(ny, sidste, pl).toDecimalPlaces(decimaler).toNumber()
 *   over   = takstudvikling(ny, sidste, pl).abs().gt(graense),
 * or undefined when it cannot prove that: the caller then takes decimal.js (which also owns every
 * error). Why this is exact: decimal.js reads each input as String(x) and divides with 40
 * significant digits; the double quotient is within a few ulp of the exact one, so away from a
 * rounding tie and from the limit (a margin far wider than that error) both decide alike, and
 * k / 10^decimaler is the double nearest the rounded decimal, as its toNumber() is.
 */
export function hurtigUdviklingAfrundet(ny: number, sidste: number, pl: number, decimaler: number, graense: number): { vaerdi: number; over: boolean } | undefined {
  // The engine's preconditions (it throws otherwise) and magnitudes where the margin below holds.
  if (!Number.isFinite(ny) || !Number.isFinite(sidste) || !Number.isFinite(pl)) return undefined;
  if (!(sidste >= 1e-6 && sidste <= 1e12) || !(pl > -0.9 && pl <= 1) || Math.abs(ny) > 1e12) return undefined;
  if (!Number.isInteger(decimaler) || decimaler < 0 || decimaler > 6) return undefined;
  const eksakt = iHeltal(ny, sidste, pl, decimaler, graense);
  if (eksakt) return eksakt;
  const q = ny / (sidste * (1 + pl)) - 1;
  if (!(Math.abs(q) < 1e3)) return undefined;
  const MARGEN = 1e-9;
  if (Math.abs(Math.abs(q) - graense) < MARGEN) return undefined;
  const skala = 10 ** decimaler;
  const r = Math.abs(q) * skala;
  const helt = Math.floor(r);
  if (Math.abs(r - helt - 0.5) < MARGEN * skala) return undefined;
  const k = r - helt > 0.5 ? helt + 1 : helt;
  // Rounded to zero, decimal.js keeps the exact change's sign (-0 for a fall), which a double
  // within its error of zero cannot tell (10000.6368 − ε against 9128 × 1,0956 gave +0).
  if (k === 0 && Math.abs(q) < MARGEN) return undefined;
  // decimal.js keeps the sign of a negative change rounded to zero (-0), as this does.
  return { vaerdi: (q < 0 ? -k : k) / skala, over: Math.abs(q) > graense };
}

/**
 * The same in scaled integers, for inputs decimal.js reads with at most 4 decimals (takster in
 * kroner or øre, PL in hundredths of a percent): with n / d = ny / (sidste × (1 + pl)) as
 * integers ≤ 1e15, the change is (n − d) / d exactly, so ties and the limit itself are decided
 * exactly. decimal.js's 40 digits are within 1e-24 of it, while a value that is not a tie or the
 * limit lies at least 1 / (2000 d) ≥ 5e-19 from one: both round and compare alike.
 */
function iHeltal(ny: number, sidste: number, pl: number, decimaler: number, graense: number): { vaerdi: number; over: boolean } | undefined {
  const t = skaler(ny);
  const g = skaler(sidste);
  const l = skaler(pl);
  const gr = skaler(graense);
  const enPlusPl = l && plus({ m: 1, k: 0 }, l);
  const naevner = g && enPlusPl && gange(g, enPlusPl);
  if (!t || !naevner || !gr || !(gr.m >= 0)) return undefined;
  const n = t.m * TI_I[naevner.k]!;
  const d = naevner.m * TI_I[t.k]!;
  if (!(Math.abs(n) <= GRAENSE && d > 0 && d <= GRAENSE)) return undefined;
  const forskel = n - d; // exact: both integers ≤ 1e15
  const a = Math.abs(forskel);
  const skaleret = a * TI_I[decimaler]!;
  const venstre = a * TI_I[gr.k]!;
  const hoejre = gr.m * d;
  if (!(skaleret <= GRAENSE && venstre <= GRAENSE && hoejre <= Number.MAX_SAFE_INTEGER)) return undefined;
  const v = rundKvotient(skaleret, d) / TI_I[decimaler]!;
  // A fall rounded to nothing keeps decimal.js's sign: -0.
  return { vaerdi: forskel < 0 ? -v : v, over: venstre > hoejre };
}
