/**
 * Decimals as scaled integers in plain doubles, for the exact fast paths (hurtig.ts,
 * hurtigSkema.ts): a number x that decimal.js reads as m / 10^k with |m| ≤ 1e15 is held as the
 * integer m, and sums, products and quotients of such integers below 2^53 are exact.
 */

/** Largest scaled integer used: below 2^53, and small enough that the decimal form is unique (see decimaler). */
export const GRAENSE = 1e15;
/** 10^0 … 10^15, written out: every one is an exact double. */
export const TI_I = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** Most decimals read from an input (so 4-decimal rates and øre-amounts stay on the fast path). */
const MAKS_DECIMALER = 4;

/**
 * The decimal places k (0..4) and integer m with String(x) = m / 10^k, or -1. If m / 10^k rounds
 * to x and |m| ≤ 1e15, then no other decimal with at most k places (or fewer significant digits)
 * lies within x's rounding interval (narrower than 10^-k there), so decimal.js reads x as exactly m / 10^k.
 */
export function decimaler(x: number): number {
  for (let k = 0; k <= MAKS_DECIMALER; k++) {
    const m = Math.round(x * TI_I[k]!);
    if (Math.abs(m) > GRAENSE) return -1;
    if (m / TI_I[k]! === x) return k;
  }
  return -1;
}

/** m with x = m / 10^k exactly in decimal terms (k from decimaler). */
export function heltalAf(x: number, k: number): number {
  return Math.round(x * TI_I[k]!);
}

/** Integer n / 10^k as decimal.js's toNumber gives it (correctly rounded division), never -0. */
export function somTal(n: number, k: number): number {
  return n === 0 ? 0 : n / TI_I[k]!;
}

/** Half away from zero of the exact fraction n / 10^k (|n| < 2^53), as an integer. */
export function rundBroek(n: number, k: number): number {
  const d = TI_I[k]!;
  const a = Math.abs(n);
  const q = Math.floor(a / d);
  // a / d may round up to the next integer; correct q with exact integer arithmetic.
  const helt = a - q * d < 0 ? q - 1 : q;
  const rest = a - helt * d;
  const r = 2 * rest >= d ? helt + 1 : helt;
  return n < 0 ? -r : r;
}

/** A decimal as a scaled integer: value = m / 10^k exactly, |m| ≤ GRAENSE. */
export interface Skaleret {
  m: number;
  k: number;
}

/** How decimal.js reads x, as a scaled integer; undefined for non-numbers, non-finite values, more than 4 decimals, or |m| > 1e15. */
export function skaler(x: unknown): Skaleret | undefined {
  if (typeof x !== "number") return undefined;
  const k = decimaler(x);
  return k < 0 ? undefined : { m: heltalAf(x, k), k };
}

/** m × 10^(k - a.k): a at the finer scale k (k ≥ a.k); NaN when it leaves the exact range. */
function paaSkala(a: Skaleret, k: number): number {
  const m = a.m * TI_I[k - a.k]!;
  return Math.abs(m) <= GRAENSE ? m : NaN;
}

/** The exact product, or undefined outside the exact range. */
export function gange(a: Skaleret, b: Skaleret): Skaleret | undefined {
  const m = a.m * b.m;
  const k = a.k + b.k;
  return Math.abs(m) <= GRAENSE && k < TI_I.length ? { m, k } : undefined;
}

/** The exact sum, or undefined outside the exact range. */
export function plus(a: Skaleret, b: Skaleret): Skaleret | undefined {
  const k = Math.max(a.k, b.k);
  const m = paaSkala(a, k) + paaSkala(b, k);
  return Math.abs(m) <= GRAENSE ? { m, k } : undefined;
}

/**
 * The quotient a / b (a ≥ 0, b > 0) as two integers n / d with n, d ≤ 1e15, or undefined.
 * n = a.m × 10^b.k, d = b.m × 10^a.k.
 */
export function broek(a: Skaleret, b: Skaleret): { n: number; d: number } | undefined {
  if (!(a.m >= 0 && b.m > 0)) return undefined;
  const n = a.m * TI_I[b.k]!;
  const d = b.m * TI_I[a.k]!;
  return n <= GRAENSE && d <= GRAENSE ? { n, d } : undefined;
}

/** Half away from zero of n / d (0 ≤ n, 0 < d, both integers ≤ 1e15), exactly. */
export function rundKvotient(n: number, d: number): number {
  let q = Math.floor(n / d);
  let rest = n - q * d; // exact: q × d ≤ n + d < 2^53
  // n / d is rounded, so q may be one off either way; correct it with the exact remainder.
  if (rest < 0) {
    q -= 1;
    rest += d;
  } else if (rest >= d) {
    q += 1;
    rest -= d;
  }
  return (2 * rest >= d ? q + 1 : q) + 0;
}

/**
 * The same arithmetic without an object per value, for fast paths called per cell: each returns m
 * and leaves its scale k in `skala.k`, or NaN where skaler/plus/gange give undefined.
 */
export const skala = { k: 0 };

/** skaler(x).m, its k in skala.k. */
export function mAf(x: unknown): number {
  if (typeof x !== "number") return NaN;
  const k = decimaler(x);
  if (k < 0) return NaN;
  skala.k = k;
  return heltalAf(x, k);
}

/** plus(a, b).m at the larger scale, in skala.k. */
export function plusM(am: number, ak: number, bm: number, bk: number): number {
  const k = ak > bk ? ak : bk;
  const a = am * TI_I[k - ak]!;
  const b = bm * TI_I[k - bk]!;
  const m = a + b;
  skala.k = k;
  return Math.abs(a) <= GRAENSE && Math.abs(b) <= GRAENSE && Math.abs(m) <= GRAENSE ? m : NaN;
}

/** gange(a, b).m, its k (ak + bk) in skala.k. */
export function gangeM(am: number, ak: number, bm: number, bk: number): number {
  const m = am * bm;
  const k = ak + bk;
  skala.k = k;
  return Math.abs(m) <= GRAENSE && k < TI_I.length ? m : NaN;
}
