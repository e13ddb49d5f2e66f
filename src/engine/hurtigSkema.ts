import { hurtigOverhead } from "./hurtig";
import { broek, GRAENSE, gange, plus, rundKvotient, type Skaleret, skaler, somTal, TI_I } from "./skaleret";

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

const EN: Skaleret = { m: 1, k: 0 };

/** One ydelse's belægningsdage bd = pladser × dage × belægning, its ressource r and r × bd; undefined where the engine would throw. */
function raekkeDage(y: YdelseTal, d: Skaleret): { bd: Skaleret; r: Skaleret; rbd: Skaleret } | undefined {
  const { pladser, belaegning, ressource } = y;
  if (!(pladser! > 0) || belaegning === null || belaegning === undefined || !(belaegning > 0 && belaegning <= 1)) return undefined;
  const p = skaler(pladser);
  const b = skaler(belaegning);
  const pd = p && gange(p, d);
  const bd = pd && b && gange(pd, b);
  let r: Skaleret | undefined = EN;
  if (ressource !== null && ressource !== undefined) r = ressource > 0 ? skaler(ressource) : undefined;
  const rbd = bd && r && gange(r, bd);
  return bd && r && rbd ? { bd, r, rbd } : undefined;
}

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
  const basis = skaler(basisgrundlag);
  const service = skaler(servicegrundlag);
  const d = skaler(dage);
  if (!basis || !service || !d) return undefined;
  if (!(basisgrundlag >= 0 && servicegrundlag >= 0 && basisgrundlag + servicegrundlag > 0 && dage > 0 && dage <= 366)) return undefined;
  const rader: ({ bd: Skaleret; r: Skaleret } | null)[] = [];
  let sumBd: Skaleret | undefined = { m: 0, k: 0 };
  let sumRBd: Skaleret | undefined = { m: 0, k: 0 };
  for (const y of ydelser) {
    if (y.pladser === null || y.pladser === undefined) {
      rader.push(null);
      continue;
    }
    const x = raekkeDage(y, d);
    if (!x) return undefined;
    sumBd = plus(sumBd, x.bd);
    sumRBd = plus(sumRBd, x.rbd);
    if (!sumBd || !sumRBd) return undefined;
    rader.push(x);
  }
  if (!sumBd || !sumRBd || sumBd.m === 0) return undefined; // no ydelse: the engine's EMPTY
  const bt = broek(basis, sumBd);
  if (!bt) return undefined;
  const basistakst = rundKvotient(bt.n, bt.d);
  const raekker: (StrukturTal | null)[] = [];
  for (const x of rader) {
    if (x === null) {
      raekker.push(null);
      continue;
    }
    const sr = gange(service, x.r);
    const st = sr && broek(sr, sumRBd);
    if (!st) return undefined;
    const servicetakst = rundKvotient(st.n, st.d);
    raekker.push({ belaegningsdage: somTal(x.bd.m, x.bd.k), basistakst, servicetakst, takst: basistakst + servicetakst });
  }
  return { raekker, belaegningsdage: somTal(sumBd.m, sumBd.k) };
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
