import { dec, rund, sum, tilTal } from "./decimal";
import { efterregulering } from "./efterreg";
import { efterregModel, reguleringFraModel } from "./efterregModel";
import { belaegningsafvigelse } from "./belaegning";
import { hurtigEfterregulering, hurtigKvotient, hurtigOverhead, hurtigTakst } from "./hurtig";
import { kvotient } from "./kvotient";
import { decimaler as decimalerI, gange, skaler, somTal } from "./skaleret";
import { hurtigBelaegning, hurtigBelaegningsafvigelse, hurtigSum, hurtigTakststruktur, hurtigTjenestemandspension, type StrukturTal, type YdelseTal } from "./hurtigSkema";
import { hurtigUdviklingAfrundet } from "./hurtigUdvikling";
import { overhead } from "./overhead";
import { provenu, type ProvenuRaekke } from "./provenu";
import { takstudvikling } from "./prisniveau";
import { STANDARD_DAGE, takst } from "./takst";
import { takststruktur } from "./takststruktur";
import { tjenestemandspension } from "./tjenestemandspension";

/**
 * The engine's door for callers that want plain numbers: one function per computation. Each
 * tries the exact double fast path (hurtig*.ts, which gives decimal.js's very number or hands
 * over) and otherwise computes with decimal.js, which also owns every error (an EngineError is
 * thrown as from the decimal function). Callers never choose between the two paths.
 */

let genveje = true;

/** Whether the fast paths are on (off inside kunDecimal); the other door functions (talFunktioner.ts) ask this. */
export function genvejeTil(): boolean {
  return genveje;
}

/**
 * Runs `fn` with decimal.js alone, the reference the fast paths are tested against (the
 * validator's fast-vs-decimal test). Synchronous; the previous setting is restored.
 */
export function kunDecimal<T>(fn: () => T): T {
  const foer = genveje;
  genveje = false;
  try {
    return fn();
  } finally {
    genveje = foer;
  }
}

/** TAKST in whole kroner (or `decimaler` places), half away from zero. */
export function takstTal(takstgrundlag: number, pladser: number, belaegning: number, dage: number = STANDARD_DAGE, decimaler = 0): number {
  const h = genveje ? hurtigTakst(takstgrundlag, pladser, belaegning, dage, decimaler) : undefined;
  return h ?? tilTal(takst(takstgrundlag, pladser, belaegning, dage, decimaler));
}

/** taeller / naevner rounded to `decimaler` places, half away from zero (naevner above 0). */
export function kvotientTal(taeller: number, naevner: number, decimaler = 0): number {
  const h = genveje ? hurtigKvotient(taeller, naevner, decimaler) : undefined;
  return h ?? tilTal(kvotient(taeller, naevner, decimaler));
}

/** x rounded to `decimaler` places, half away from zero; a number with no more places is itself. */
export function afrundTal(x: number, decimaler: number): number {
  if (genveje && Number.isFinite(x)) {
    const k = decimalerI(x);
    if (k >= 0 && k <= decimaler) return Object.is(x, -0) ? 0 : x;
  }
  return tilTal(rund(x, decimaler));
}

/** a × b, exactly (in scaled integers where they suffice). */
export function produktTal(a: number, b: number): number {
  if (genveje) {
    const x = skaler(a);
    const y = skaler(b);
    const p = x && y ? gange(x, y) : undefined;
    if (p) return somTal(p.m, p.k);
  }
  return tilTal(dec(a).times(dec(b)));
}

/** OVERHEAD = grundlag × sats in whole kroner; a sats above `loft` is refused. */
export function overheadTal(grundlag: number, sats: number, loft?: number): number {
  const h = genveje ? hurtigOverhead(grundlag, sats, loft) : undefined;
  return h ?? tilTal(overhead(grundlag, sats, loft));
}

/** EFTERREG: the adjustment in year +2 under the 5 % rule. */
export function efterreguleringTal(resultat: number, budget: number, graense?: number): number {
  const h = genveje ? hurtigEfterregulering(resultat, budget, graense) : undefined;
  return h ?? tilTal(efterregulering(resultat, budget, graense));
}

/** Σ plusser − minus (the omkostninger's sums, a difference), in the order given. */
export function sumTal(plusser: readonly number[], minus: number): number {
  const h = genveje ? hurtigSum(plusser, minus) : undefined;
  return h ?? tilTal(sum(plusser).minus(dec(minus)));
}

/** SOC.TAKSTSTRUKTUR as numbers: per row (null: no ydelse) and the sum of the belægningsdage. */
export function takststrukturTal(basisgrundlag: number, servicegrundlag: number, ydelser: readonly YdelseTal[], dage: number): { raekker: (StrukturTal | null)[]; belaegningsdage: number } {
  const h = genveje ? hurtigTakststruktur(basisgrundlag, servicegrundlag, ydelser, dage) : undefined;
  if (h) return h;
  const s = takststruktur(basisgrundlag, servicegrundlag, ydelser, dage);
  return {
    raekker: s.raekker.map((y) => (y ? { belaegningsdage: tilTal(y.belaegningsdage), basistakst: tilTal(y.basistakst), servicetakst: tilTal(y.servicetakst), takst: tilTal(y.takst) } : null)),
    belaegningsdage: tilTal(s.belaegningsdage),
  };
}

/**
 * Σ pladser (null unless above 0) and the tilbud's belægning Σ bd / (Σ pladser × dage) (null
 * without Σ bd), from the exact sum of the pladser.
 */
export function tilbudsBelaegningTal(belaegningsdage: number | null, pladser: readonly number[], dage: number): { pladser: number | null; belaegning: number | null } {
  const h = genveje ? hurtigSum(pladser, 0) : undefined;
  if (h !== undefined) {
    // An exact sum of at most 1e15 scaled reads back as the same decimal: dec(h) is the sum.
    if (!(h > 0)) return { pladser: null, belaegning: null };
    if (belaegningsdage === null) return { pladser: h, belaegning: null };
    return { pladser: h, belaegning: hurtigBelaegning(belaegningsdage, h, dage) ?? tilTal(dec(belaegningsdage).div(dec(h).times(dage))) };
  }
  const s = sum(pladser);
  if (!s.gt(0)) return { pladser: null, belaegning: null };
  return { pladser: tilTal(s), belaegning: belaegningsdage === null ? null : tilTal(dec(belaegningsdage).div(s.times(dage))) };
}

/** Provision for uninsured tjenestemandspension in whole kroner. */
export function tjenestemandspensionTal(pensionsgivendeLoen: number, sats: number): number {
  const h = genveje ? hurtigTjenestemandspension(pensionsgivendeLoen, sats) : undefined;
  return h ?? tilTal(tjenestemandspension(pensionsgivendeLoen, sats));
}

/** |belægning − the two-year average| as a fraction, and whether it is beyond `graense`. */
export function belaegningsafvigelseTal(belaegning: number, aarMinus2: number, aarMinus1: number, graense: number): { afvigelse: number; over: boolean } {
  const h = genveje ? hurtigBelaegningsafvigelse(belaegning, aarMinus2, aarMinus1) : undefined;
  // The fast value has at most 5 decimals, so comparing the double decides as decimal.js would.
  if (h !== undefined) return { afvigelse: h, over: h > graense };
  const d = belaegningsafvigelse(belaegning, aarMinus2, aarMinus1);
  return { afvigelse: tilTal(d), over: d.gt(graense) };
}

/**
 * Real takstudvikling ny / (sidste × (1 + pl)) − 1, rounded half away from zero to `decimaler`
 * places of the fraction (3 = one decimal of a percent), and whether the unrounded value lies
 * beyond ±`graense`. A fall rounded to zero keeps decimal.js's −0.
 */
export function takstudviklingTal(ny: number, sidste: number, pl: number, decimaler: number, graense: number): { vaerdi: number; over: boolean } {
  const h = genveje ? hurtigUdviklingAfrundet(ny, sidste, pl, decimaler, graense) : undefined;
  if (h) return h;
  const u = takstudvikling(ny, sidste, pl);
  return { vaerdi: u.toDecimalPlaces(decimaler).toNumber(), over: u.abs().gt(graense) };
}

/** An integer decimal.js reads exactly, small enough that sums of four stay exact in doubles. */
const helKrone = (x: number) => Number.isInteger(x) && Math.abs(x) <= 1e15;

/** Bilag 18's lines A4 = A2 + A3, A5 = A1 − A4, A7 = A5 − A6 and the regulering −A7. */

export function efterregModelTal(A1: number, A2: number, A3: number, A6: number): { A4: number; A5: number; A7: number; forventetRegulering: number } {
  if (genveje) {
    // Whole kroner (the common case): sums of integers ≤ 1e15 are exact in doubles (below 2^53),
    // as are decimal.js's; + 0 turns -0 into the 0 it gives.
    if (helKrone(A1) && helKrone(A2) && helKrone(A3) && helKrone(A6)) {
      const A4 = A2 + A3 + 0;
      const A5 = A1 - A2 - A3 + 0;
      const A7 = A1 - A2 - A3 - A6 + 0;
      return { A4, A5, A7, forventetRegulering: A7 === 0 ? 0 : -A7 };
    }
    const A4 = hurtigSum([A2, A3], 0);
    const A5 = hurtigSum([A1, -A2, -A3], 0);
    const A7 = hurtigSum([A1, -A2, -A3, -A6], 0);
    if (A4 !== undefined && A5 !== undefined && A7 !== undefined) return { A4, A5, A7, forventetRegulering: A7 === 0 ? 0 : -A7 };
  }
  const m = efterregModel(A1, A2, A3, A6);
  return { A4: tilTal(m.A4), A5: tilTal(m.A5), A7: tilTal(m.A7), forventetRegulering: tilTal(reguleringFraModel(m)) };
}

/** A1 of the regnskab: Σ dage × takst over the Ydelser rows, whole kroner (provenu.ts). */
export function provenuTal(raekker: readonly { dage: number; takst: number }[]): number {
  return tilTal(provenu(raekker as readonly ProvenuRaekke[]));
}
