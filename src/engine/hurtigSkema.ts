import { hurtigOverhead } from "./hurtig";
import { broek, GRAENSE, gange, gangeM, mAf, plus, plusM, rundKvotient, skala, type Skaleret, skaler, somTal, TI_I } from "./skaleret";

/**
 * Exact fast paths for the takstskema's recomputation (decimal.js per figure dominated validate_one_ms, bench/takstskema.bench.ts): the sums of the
 * omkostninger, SOC.TAKSTSTRUKTUR, the tilbud's belægning, in scaled
 * integers held in doubles. Each returns the very number(s) that `tilTal` of the decimal.js
 * computation gives, or undefined when it cannot prove that (non-numbers, more than 4
 * decimals, values beyond 1e15 scaled, the engine's preconditions not met); the caller then
 * takes the decimal.js path, which also owns every error.
 *
 * Why the quotients are exact: decimal.js rounds a quotient to 40 significant digits (a
 * relative error ≤ 5e-40). A quotient n / d of integers ≤ 1e15 that is not itself a half-integer
 * lies at least 1 / (2d) (relative 1 / (2n) ≥ 5e-16) from every half-integer, so rounding to
 * whole kroner afterwards gives the same as rounding n / d exactly. Nor is it ever the midpoint
 * between two doubles (that needs a reduced numerator ≥ 2^53), and it lies at least a relative
 * 2^-107 from every such midpoint, so the double nearest decimal.js's 40 digits is the double
 * nearest n / d, which is what the IEEE division n / d gives.
 */

/** tilTal(sum(plusser).minus(minus)) for numbers: the omkostninger's sums (overheadgrundlag, takstgrundlag) and a difference. */
export function hurtigSum(plusser: readonly number[], minus: number): number | undefined {
  let acc: Skaleret | undefined = { m: 0, k: 0 };
  for (const x of plusser) {
    const s = skaler(x);
    acc = s && plus(acc, s);
    if (!acc) return undefined;
  }
  const s = skaler(minus);
  const r = s && plus(acc, { m: -s.m, k: s.k });
  return r ? somTal(r.m, r.k) : undefined;
}

/** One ydelse of SOC.TAKSTSTRUKTUR as plain numbers. */
export interface StrukturTal {
  belaegningsdage: number;
  basistakst: number;
  servicetakst: number;
  takst: number;
}

/** A row of the Ydelser table as numbers; pladser null = no ydelse. */
export interface YdelseTal {
  pladser: number | null;
  belaegning: number | null;
  ressource: number | null;
}

/** Scratch for hurtigTakststruktur: each row's belægningsdage and ressource as m / 10^k (no object per row). */
const BD_M: number[] = [];
const BD_K: number[] = [];
const R_M: number[] = [];
const R_K: number[] = [];

/**
 * takststruktur(basisgrundlag, servicegrundlag, ydelser, dage) with every Dec through tilTal:
 * each row's belægningsdage, basistakst, servicetakst and takst (null for an empty row) and
 * the sum of the belægningsdage. Undefined wherever the engine would throw.
 */
export function hurtigTakststruktur(
  basisgrundlag: number,
  servicegrundlag: number,
  ydelser: readonly YdelseTal[],
  dage: number,
): { raekker: (StrukturTal | null)[]; belaegningsdage: number } | undefined {
  const mBasis = mAf(basisgrundlag);
  const kBasis = skala.k;
  const mService = mAf(servicegrundlag);
  const kService = skala.k;
  const mD = mAf(dage);
  const kD = skala.k;
  if (Number.isNaN(mBasis) || Number.isNaN(mService) || Number.isNaN(mD)) return undefined;
  if (!(basisgrundlag >= 0 && servicegrundlag >= 0 && basisgrundlag + servicegrundlag > 0 && dage > 0 && dage <= 366)) return undefined;
  let sumBd = 0;
  let kSumBd = 0;
  let sumRBd = 0;
  let kSumRBd = 0;
  const n = ydelser.length;
  for (let i = 0; i < n; i++) {
    const pladser = ydelser[i]!.pladser;
    if (pladser === null || pladser === undefined) continue;
    const rbd = laesRaekke(ydelser[i]!, i, mD, kD);
    const kRbd = skala.k;
    if (Number.isNaN(rbd)) return undefined;
    const bd = BD_M[i]!;
    const kBd = BD_K[i]!;
    sumBd = plusM(sumBd, kSumBd, bd, kBd);
    kSumBd = skala.k;
    sumRBd = plusM(sumRBd, kSumRBd, rbd, kRbd);
    kSumRBd = skala.k;
    if (Number.isNaN(sumBd) || Number.isNaN(sumRBd)) return undefined;
  }
  if (sumBd === 0) return undefined; // no ydelse: the engine's EMPTY
  const bt = broekM(mBasis, kBasis, sumBd, kSumBd);
  if (bt < 0) return undefined;
  const basistakst = rundKvotient(bt, BROEK_D);
  const raekker: (StrukturTal | null)[] = [];
  for (let i = 0; i < n; i++) {
    const pladser = ydelser[i]!.pladser;
    if (pladser === null || pladser === undefined) {
      raekker.push(null);
      continue;
    }
    const sr = gangeM(mService, kService, R_M[i]!, R_K[i]!);
    const st = Number.isNaN(sr) ? -1 : broekM(sr, skala.k, sumRBd, kSumRBd);
    if (st < 0) return undefined;
    const servicetakst = rundKvotient(st, BROEK_D);
    raekker.push({ belaegningsdage: somTal(BD_M[i]!, BD_K[i]!), basistakst, servicetakst, takst: basistakst + servicetakst });
  }
  return { raekker, belaegningsdage: somTal(sumBd, kSumBd) };
}

/**
 * Row i's bd = pladser × dage × belægning and r (1 when blank) into the scratch, and r × bd (its
 * k in skala.k); NaN where the engine would throw or the exact range ends.
 */
function laesRaekke(y: YdelseTal, i: number, mD: number, kD: number): number {
  const { pladser, belaegning, ressource } = y;
  if (!(pladser! > 0) || belaegning === null || belaegning === undefined || !(belaegning > 0 && belaegning <= 1)) return NaN;
  const mP = mAf(pladser);
  const kP = skala.k;
  const mB = mAf(belaegning);
  const kB = skala.k;
  const pd = gangeM(mP, kP, mD, kD);
  const bd = gangeM(pd, skala.k, mB, kB);
  const kBd = skala.k;
  let mR = 1;
  let kR = 0;
  if (ressource !== null && ressource !== undefined) {
    mR = ressource > 0 ? mAf(ressource) : NaN;
    kR = skala.k;
  }
  BD_M[i] = bd;
  BD_K[i] = kBd;
  R_M[i] = mR;
  R_K[i] = kR;
  // NaN in any factor (mP, mB: a failed read) carries through the products.
  return gangeM(mR, kR, bd, kBd);
}

/** Scratch: the denominator of the last broekM. */
let BROEK_D = 1;

/** broek(a, b) without an object: n (d in BROEK_D), or -1 where broek gives undefined. */
function broekM(am: number, ak: number, bm: number, bk: number): number {
  if (!(am >= 0 && bm > 0)) return -1;
  const n = am * TI_I[bk]!;
  const d = bm * TI_I[ak]!;
  BROEK_D = d;
  return n <= GRAENSE && d <= GRAENSE ? n : -1;
}

/** tilTal(dec(belaegningsdage).div(dec(pladser).times(dage))): the tilbud's belægning, for positive arguments. */
export function hurtigBelaegning(belaegningsdage: number, pladser: number, dage: number): number | undefined {
  if (!(belaegningsdage > 0 && pladser > 0 && dage > 0)) return undefined;
  const a = skaler(belaegningsdage);
  const p = skaler(pladser);
  const d = skaler(dage);
  const naevner = p && d && gange(p, d);
  const f = a && naevner && broek(a, naevner);
  return f ? f.n / f.d : undefined;
}

/** tilTal(tjenestemandspension(loen, sats)): the same rounding of a product as OVERHEAD, for loen ≥ 0 and sats in [0, 1]. */
export function hurtigTjenestemandspension(pensionsgivendeLoen: number, sats: number): number | undefined {
  return pensionsgivendeLoen >= 0 ? hurtigOverhead(pensionsgivendeLoen, sats) : undefined;
}

/**
 * tilTal(belaegningsafvigelse(belaegning, aarMinus2, aarMinus1)) = |b − (a2 + a1) / 2|, each
 * in [0, 2]. The exact value has at most 5 decimals, so two different values never meet in one
 * double: comparing the result with a limit such as 0,05 gives decimal.js's comparison.
 */
export function hurtigBelaegningsafvigelse(belaegning: number, aarMinus2: number, aarMinus1: number): number | undefined {
  if (!(belaegning >= 0 && belaegning <= 2 && aarMinus2 >= 0 && aarMinus2 <= 2 && aarMinus1 >= 0 && aarMinus1 <= 2)) return undefined;
  const b = skaler(belaegning);
  const a2 = skaler(aarMinus2);
  const a1 = skaler(aarMinus1);
  const to = b && plus(b, b);
  const sum = a2 && a1 && plus(a2, a1);
  const dobbelt = to && sum && plus(to, { m: -sum.m, k: sum.k }); // 2 × (b − gennemsnit)
  if (!dobbelt) return undefined;
  const m = Math.abs(dobbelt.m);
  // Halve: an even m stays on its scale, an odd one moves one decimal down (×5 / 10).
  if (m % 2 === 0) return somTal(m / 2, dobbelt.k);
  const m5 = m * 5;
  return m5 <= GRAENSE && dobbelt.k + 1 < TI_I.length ? somTal(m5, dobbelt.k + 1) : undefined;
}
