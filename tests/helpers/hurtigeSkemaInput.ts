import fc from "fast-check";
import {
  belaegningsafvigelse,
  dec,
  hurtigBelaegning,
  hurtigBelaegningsafvigelse,
  hurtigSum,
  hurtigTakststruktur,
  hurtigUdviklingAfrundet,
  hurtigTjenestemandspension,
  takststruktur,
  takstudvikling,
  tilTal,
  tjenestemandspension,
  type YdelseTal,
} from "../../src/engine";
import { naboTal } from "./hurtigeInput";

/**
 * Inputs for comparing the takstskema's double fast paths (src/engine/hurtigSkema.ts) with
 * decimal.js: tests/engine/hurtigSkema.test.ts (a CI sample) and bench/engine.bench.ts (a
 * million each). Realistic amounts, øre and 4-decimal rates, ,5 ties and their neighbouring
 * doubles, developments of exactly or almost 0, junk and values outside the preconditions.
 */

const heleKroner = fc.integer({ min: 0, max: 2_000_000_000 });
const oere = fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }).map((n) => n / 100);
const fireDecimaler = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10_000);
const skoere = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e15, 1e16, 2 ** 53, 1e300, 5e-324, 1e-310, 0.1 + 0.2, 123.456789);
const beloeb = fc.oneof({ weight: 4, arbitrary: heleKroner }, { weight: 2, arbitrary: oere }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: skoere });
/** A double, or the double next to it either way. */
const medNabo = (a: fc.Arbitrary<number>) => fc.tuple(a, fc.constantFrom<0 | 1 | -1>(0, 0, 1, -1)).map(([x, r]) => (r === 0 || !Number.isFinite(x) ? x : naboTal(x, r)));

export type SumInput = [number[], number];
export const sumInput: fc.Arbitrary<SumInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.oneof(heleKroner, oere, fc.constant(0)), { minLength: 1, maxLength: 11 }), fc.oneof(heleKroner, oere)) },
  { weight: 2, arbitrary: fc.tuple(fc.array(medNabo(beloeb), { minLength: 1, maxLength: 11 }), medNabo(beloeb)) },
);

export type StrukturInput = [number, number, YdelseTal[], number];
const pladser = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fireDecimaler(1, 600_000) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
const belaegning = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 100 }).map((n) => n / 100) }, { weight: 2, arbitrary: fireDecimaler(1, 10_000) }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
const ressource = fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 40 }) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => n / 10) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
const raekke = fc.record({ pladser, belaegning, ressource });
const typiskRaekke = fc.record({
  pladser: fc.oneof(fc.integer({ min: 1, max: 60 }), fc.constant(null)),
  belaegning: fc.integer({ min: 50, max: 100 }).map((n) => n / 100),
  ressource: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 400 }).map((n) => n / 10)),
});
const dage = fc.oneof({ weight: 6, arbitrary: fc.constant(365) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 366 }) }, { weight: 1, arbitrary: fc.oneof(fc.double({ min: 0, max: 400, noNaN: true }), skoere) });

/** basisgrundlag = (2n+1)/2 × Σ bd written in decimal: the basistakst is exactly n + ½ (or, with the amount as servicegrundlag, the servicetakst). */
const strukturUafgjort: fc.Arbitrary<StrukturInput> = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 366 }), fc.boolean())
  .map(([n, rk, d, service]): StrukturInput => {
    const s = rk.reduce((sum, [p, b]) => sum + p * d * b, 0); // Σ bd = s / 100
    const uafgjort = Number(`${(2 * n + 1) * s * 5}e-3`); // (2n+1) × s / 200
    const rows = rk.map(([p, b]) => ({ pladser: p, belaegning: b / 100, ressource: null }));
    return service ? [0, uafgjort, rows, d] : [uafgjort, 0, rows, d];
  });

export const strukturInput: fc.Arbitrary<StrukturInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(heleKroner, oere.map(Math.abs)), fc.oneof(fc.constant(0), heleKroner, oere.map(Math.abs)), fc.array(typiskRaekke, { minLength: 1, maxLength: 10 }), fc.oneof(fc.constant(365), fc.integer({ min: 1, max: 366 }))) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(heleKroner, oere.map(Math.abs)), fc.oneof(fc.constant(0), heleKroner, oere.map(Math.abs)), fc.array(raekke, { minLength: 0, maxLength: 10 }), dage) },
  { weight: 2, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), fc.array(raekke, { maxLength: 10 }), dage) },
  { weight: 3, arbitrary: strukturUafgjort.chain(([b, s, r, d]) => fc.tuple(medNabo(fc.constant(b)), medNabo(fc.constant(s))).map(([bb, ss]): StrukturInput => [bb, ss, r, d])) },
);

export type BelaegningInput = [number, number, number];
export const belaegningInput: fc.Arbitrary<BelaegningInput> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4_000_000 }).map((n) => n / 100), fc.integer({ min: 1, max: 600 }), fc.oneof(fc.constant(365), fc.integer({ min: 1, max: 366 }))) },
  { weight: 2, arbitrary: fc.tuple(fireDecimaler(1, 1e9), fireDecimaler(1, 1e7), fc.integer({ min: 1, max: 366 })) },
  { weight: 1, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), dage) },
);

export type UdviklingInput = [number, number, number];
/** ny = sidste × (1 + pl) exactly, and its neighbours: a real development of 0 or almost 0. */
const udviklingNul: fc.Arbitrary<UdviklingInput> = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -500, max: 1_000 }))
  .chain(([sidste, pl]) => medNabo(fc.constant(Number(`${sidste * (10_000 + pl)}e-4`))).map((ny): UdviklingInput => [ny, sidste, pl / 10_000]));
export const udviklingInput: fc.Arbitrary<UdviklingInput> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: -100, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fireDecimaler(-500, 1_000)) },
  { weight: 3, arbitrary: udviklingNul },
  { weight: 2, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), fc.oneof(fireDecimaler(-10_000, 10_000), fc.double(), skoere)) },
);

export type PensionInput = [number, number];
export const pensionInput: fc.Arbitrary<PensionInput> = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.oneof(heleKroner, oere) }, { weight: 1, arbitrary: medNabo(beloeb) }),
  fc.oneof({ weight: 4, arbitrary: fc.oneof(fireDecimaler(0, 10_000), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) }),
);

export type AfvigelseInput = [number, number, number];
const andel = fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.integer({ min: 0, max: 200 }).map((n) => n / 100), fireDecimaler(0, 20_000)) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
export const afvigelseInput: fc.Arbitrary<AfvigelseInput> = fc.tuple(andel, andel, andel);

/** Numbers compared bit for bit (-0 is not 0). */
export const tekst = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));

/** decimal.js's answer as text, or "fejl" when the engine refuses. */
function decimalSvar(f: () => unknown): string {
  try {
    return tekst(f());
  } catch {
    return "fejl";
  }
}

export interface SkemaSammenligning {
  /** The fast path's answer as text, or undefined when it handed over to decimal.js. */
  hurtig: string | undefined;
  decimal: string;
}

const svar = (hurtig: unknown, decimal: () => unknown): SkemaSammenligning => ({ hurtig: hurtig === undefined ? undefined : tekst(hurtig), decimal: hurtig === undefined ? "" : decimalSvar(decimal) });

/** takststruktur through tilTal, as beregn reads it. */
function strukturDecimal([basis, service, raekker, d]: StrukturInput) {
  const s = takststruktur(basis, service, raekker, d);
  return {
    raekker: s.raekker.map((y) => (y ? { belaegningsdage: tilTal(y.belaegningsdage), basistakst: tilTal(y.basistakst), servicetakst: tilTal(y.servicetakst), takst: tilTal(y.takst) } : null)),
    belaegningsdage: tilTal(s.belaegningsdage),
  };
}

export const sammenlignSkema = {
  SUM: ([plus, minus]: SumInput) => svar(hurtigSum(plus, minus), () => tilTal(plus.reduce((s, x) => s.plus(x), dec(0)).minus(minus))),
  TAKSTSTRUKTUR: (a: StrukturInput) => svar(hurtigTakststruktur(...a), () => strukturDecimal(a)),
  BELAEGNING: ([bd, p, d]: BelaegningInput) => svar(hurtigBelaegning(bd, p, d), () => tilTal(dec(bd).div(dec(p).times(d)))),
  // Rounded to one decimal of a percent with the ±5 % flag, as takstudviklingTal gives it.
  TAKSTUDVIKLING: ([ny, sidste, pl]: UdviklingInput) => svar(hurtigUdviklingAfrundet(ny, sidste, pl, 3, 0.05), () => {
    const u = takstudvikling(ny, sidste, pl);
    return { vaerdi: u.toDecimalPlaces(3).toNumber(), over: u.abs().gt(0.05) };
  }),
  TJENESTEMANDSPENSION: ([loen, sats]: PensionInput) => svar(hurtigTjenestemandspension(loen, sats), () => tilTal(tjenestemandspension(loen, sats))),
  // With TS012's comparison: the same side of 5 points as decimal.js's gt.
  BELAEGNINGSAFVIGELSE: ([b, a2, a1]: AfvigelseInput) => {
    const h = hurtigBelaegningsafvigelse(b, a2, a1);
    return svar(h === undefined ? undefined : [h, h > 0.05], () => {
      const d = belaegningsafvigelse(b, a2, a1);
      return [tilTal(d), d.gt(0.05)];
    });
  },
};

/** The fast path either hands over or gives exactly decimal.js's answer (never where the engine refuses). */
export function ensSkema(s: SkemaSammenligning): boolean {
  return s.hurtig === undefined || s.hurtig === s.decimal;
}
