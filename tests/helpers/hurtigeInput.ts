import fc from "fast-check";
import { efterregulering, hurtigEfterregulering, hurtigOverhead, hurtigTakst, overhead, takst, tilTal, type Dec } from "../../src/engine";

/**
 * Inputs for comparing the engine's double fast paths with decimal.js (the property test in
 * tests/engine/hurtig.test.ts and the million-input comparison in bench/engine.bench.ts):
 * realistic amounts, øre and 4-decimal rates, negative values, huge and tiny doubles, any
 * double, values outside the preconditions, and constructed exact .5 ties and their neighbours.
 */

/** The double next to x in the direction of `retning` (±1). */
export function naboTal(x: number, retning: 1 | -1): number {
  if (x === 0) return retning * Number.MIN_VALUE;
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  i[0] = i[0]! + BigInt(x > 0 === retning > 0 ? 1 : -1);
  return f[0]!;
}

/** A double, its neighbours or itself, so ties are hit exactly and just beside. */
const medNaboer = (a: fc.Arbitrary<number>) => fc.tuple(a, fc.constantFrom<0 | 1 | -1>(0, 0, 1, -1)).map(([x, r]) => (r === 0 ? x : naboTal(x, r)));

const heleKroner = fc.integer({ min: 1, max: 2_000_000_000 });
const oere = fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }).map((n) => n / 100);
const fireDecimaler = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10_000);
const kaempe = fc.oneof(fc.double({ min: 1e12, max: 1e300, noNaN: true }), fc.constantFrom(1e15, 2 ** 53, 2 ** 53 + 2, 1e21, 1e300, Number.MAX_VALUE));
const bittesmaa = fc.oneof(fc.double({ min: 5e-324, max: 1e-6, noNaN: true }), fc.constantFrom(5e-324, 1e-300, 1e-10));
const skoere = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1.5, 366.5, 367, 5, 4e-323, 1e-310, 2.2e-308);
const belob = fc.oneof(heleKroner, oere, heleKroner.map((n) => -n), kaempe, bittesmaa, fc.double(), skoere);
const brok = fc.oneof(fireDecimaler(1, 10_000), fc.integer({ min: 1, max: 100 }).map((n) => n / 100), fc.double({ min: 0, max: 1, noNaN: true }), fc.double(), skoere);

export type TakstInput = [number, number, number, number | undefined, number | undefined];
export type OverheadInput = [number, number, number | undefined];
export type EfterregInput = [number, number, number | undefined];

/** takstgrundlag = (2n+1)·p·d·b / (2·10^k) written in decimal, so the exact takst is n + ½ at k places. */
const takstUafgjort: fc.Arbitrary<TakstInput> = fc
  .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 366 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, p, d, b, k]) => {
    const taeller = (2 * n + 1) * p * d * b * 5; // (2n+1)·p·d·(b/100) / (2·10^k) = taeller / 10^(3+k)
    return [Number(`${taeller}e-${3 + k}`), p, b / 100, d, k];
  });

/**
 * Extreme values that cancel out: a subnormal or tiny belaegning against huge pladser (or the
 * reverse), with takstgrundlag chosen so the takst lands between 0 and 10^6. Subnormals are read
 * with a large relative error, so these must go to decimal.js.
 */
const subnormal = fc.oneof(fc.double({ min: 5e-324, max: 2.2e-308, noNaN: true }), fc.constantFrom(5e-324, 4e-323, 1e-310));
const takstEkstrem: fc.Arbitrary<TakstInput> = fc
  .tuple(
    fc.oneof(subnormal, fc.double({ min: 1e-300, max: 1e-100, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })),
    fc.oneof(fc.double({ min: 1e100, max: 1e300, noNaN: true }), subnormal, fc.integer({ min: 1, max: 100 })),
    fc.integer({ min: 1, max: 366 }),
    fc.integer({ min: 0, max: 4 }),
    fc.double({ min: 0, max: 1e6, noNaN: true }),
  )
  .map(([b, p, d, k, t]): TakstInput => [t * p * d * b, p, b, d, k]);

export const takstInput: fc.Arbitrary<TakstInput> = fc.oneof(
  { weight: 1, arbitrary: takstEkstrem },
  {
    weight: 5,
    arbitrary: fc.tuple(
      fc.oneof(heleKroner, oere.filter((x) => x > 0), fireDecimaler(1, 1e12)),
      fc.oneof(fc.integer({ min: 1, max: 500 }), fireDecimaler(1, 5_000_000)),
      fireDecimaler(1, 10_000),
      fc.oneof(fc.constant(undefined), fc.integer({ min: 1, max: 366 })),
      fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 4 })),
    ),
  },
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.oneof({ weight: 4, arbitrary: heleKroner }, { weight: 3, arbitrary: belob }),
      fc.oneof(fc.integer({ min: 1, max: 500 }), fireDecimaler(1, 5_000_000), kaempe, bittesmaa, fc.double(), skoere),
      brok,
      fc.oneof(fc.constant(undefined), fc.constantFrom(365, 366, 330, 1), fc.integer({ min: 1, max: 366 }), fc.double({ min: 0, max: 400, noNaN: true }), skoere),
      fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 4 }), skoere),
    ),
  },
  { weight: 3, arbitrary: takstUafgjort.chain(([g, p, b, d, k]) => medNaboer(fc.constant(g)).map((gg): TakstInput => [gg, p, b, d, k])) },
);

/** Amounts and rates whose product ends in exactly ,5 kr. fairly often. */
const overheadUafgjort: fc.Arbitrary<OverheadInput> = fc.tuple(
  fc.oneof(fc.integer({ min: -100_000_000, max: 100_000_000 }), oere),
  fc.constantFrom(0.5, 0.25, 0.125, 0.0625, 0.005, 0.0005, 0.0025, 0.0125, 0.0375, 0.044, 0.045),
  fc.constant(undefined),
);

export const overheadInput: fc.Arbitrary<OverheadInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(belob, brok, fc.oneof(fc.constant(undefined), fc.constantFrom(0.044, 0.03, 1), fc.double({ min: 0, max: 1, noNaN: true }))) },
  { weight: 3, arbitrary: overheadUafgjort },
);

/** resultat exactly on ±budget·graense, where the band ends (no regulation), and beside it. */
const efterregKant: fc.Arbitrary<EfterregInput> = fc
  .tuple(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.boolean(), fc.constantFrom<0 | 1 | -1>(0, 1, -1))
  .map(([b, gi, neg, flyt]) => {
    const kant = Number(`${b * gi}e-4`) * (neg ? -1 : 1);
    return [kant + flyt / 100, b, gi / 10_000];
  });

export const efterregInput: fc.Arbitrary<EfterregInput> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(
      fc.oneof(belob, fireDecimaler(-1e9, 1e9)),
      fc.oneof({ weight: 3, arbitrary: heleKroner }, { weight: 1, arbitrary: oere }, { weight: 2, arbitrary: belob }),
      fc.oneof(fc.constant(undefined), brok),
    ),
  },
  { weight: 3, arbitrary: efterregKant },
);

/** decimal.js's answer as the adapter would give it, or "fejl" when the engine refuses. */
function decimalSvar(f: () => Dec): number | "fejl" {
  try {
    return tilTal(f());
  } catch {
    return "fejl";
  }
}

export interface Sammenligning {
  /** The fast path's answer, or undefined when it handed over to decimal.js. */
  hurtig: number | undefined;
  decimal: number | "fejl";
}

export const sammenlign = {
  TAKST: (a: TakstInput, hurtig = hurtigTakst): Sammenligning => ({ hurtig: hurtig(...a), decimal: decimalSvar(() => takst(...a)) }),
  OVERHEAD: (a: OverheadInput, hurtig = hurtigOverhead): Sammenligning => ({ hurtig: hurtig(...a), decimal: decimalSvar(() => overhead(...a)) }),
  EFTERREG: (a: EfterregInput, hurtig = hurtigEfterregulering): Sammenligning => ({ hurtig: hurtig(...a), decimal: decimalSvar(() => efterregulering(...a)) }),
};

/** The fast path either hands over or gives exactly decimal.js's number (same bits; never where the engine refuses). */
export function ens(s: Sammenligning): boolean {
  return s.hurtig === undefined || (typeof s.decimal === "number" && Object.is(s.hurtig, s.decimal));
}
