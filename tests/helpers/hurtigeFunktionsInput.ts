import fc from "fast-check";
import {
  afskrivningTal,
  type AfskrivningsRegler,
  betalingTal,
  fordelTal,
  forrentningTal,
  gennemsnitligBelaegningTal,
  hurtigAfskrivning,
  hurtigBetaling,
  hurtigFordel,
  hurtigForrentning,
  hurtigGennemsnitligBelaegning,
  hurtigLukning,
  hurtigLukningFordel,
  hurtigOfPrPlejefamilie,
  hurtigOvertagelse,
  hurtigPlRegulering,
  hurtigTakstudvikling,
  hurtigTilsynskategori,
  hurtigTilsynstakster,
  kunDecimal,
  lukningFordelTal,
  lukningTal,
  ofPrPlejefamilieTal,
  overtagelseTal,
  plReguleringTal,
  takstudviklingBroekTal,
  tilsynskategoriTal,
  tilsynstaksterTal,
  type Afrunding,
  type Driftsherre,
} from "../../src/engine";
import { naboTal } from "./hurtigeInput";
import { type SkemaSammenligning, tekst } from "./hurtigeSkemaInput";

/**
 * Inputs for comparing the remaining SOC functions' fast paths (src/engine/hurtigFunktioner.ts)
 * with decimal.js: tests/engine/hurtigFunktioner.test.ts (a CI sample) and bench/engine.bench.ts
 * (a million each). Realistic amounts, øre and 4-decimal rates, constructed ,5 ties and their
 * neighbouring doubles, equal remainders in a fordeling, junk and values outside the preconditions.
 * The reference is the engine's own door function with the fast paths off (kunDecimal).
 */

const heleKroner = fc.integer({ min: 0, max: 2_000_000_000 });
const oere = fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }).map((n) => n / 100);
const fireDecimaler = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10_000);
const skoere = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e15, 1e16, 2 ** 53, 1e300, 5e-324, 1e-310, 0.1 + 0.2, 123.456789);
const medNabo = (a: fc.Arbitrary<number>) => fc.tuple(a, fc.constantFrom<0 | 1 | -1>(0, 0, 1, -1)).map(([x, r]) => (r === 0 || !Number.isFinite(x) ? x : naboTal(x, r)));
const beloeb = medNabo(fc.oneof({ weight: 4, arbitrary: heleKroner }, { weight: 2, arbitrary: oere }, { weight: 1, arbitrary: heleKroner.map((n) => -n) }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: skoere }));
const sats = fc.oneof({ weight: 4, arbitrary: fireDecimaler(0, 10_000) }, { weight: 2, arbitrary: fc.constantFrom(0.5, 0.25, 0.125, 0.005, 0.0005, 0.0147, 0.045) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
/** Decimal text to a number: a tie written exactly. */
const tal = (taeller: number, eksponent: number) => Number(`${taeller}e-${eksponent}`);

export type ForrentningInput = [number, number, number | undefined];
export const forrentningInput: fc.Arbitrary<ForrentningInput> = fc.tuple(beloeb, sats, fc.oneof(fc.constant(undefined), fc.constantFrom(0.0147, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })));

export type PlInput = [number, number];
export const plInput: fc.Arbitrary<PlInput> = fc.tuple(beloeb, fc.oneof({ weight: 4, arbitrary: fireDecimaler(-9_999, 10_000) }, { weight: 2, arbitrary: fc.constantFrom(0.5, -0.5, 0.25, -0.75, 0.125, 0.005, 1, -1) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) }));

const andel = fc.oneof({ weight: 6, arbitrary: fc.oneof(fc.integer({ min: 0, max: 200 }).map((n) => n / 100), fireDecimaler(0, 20_000)) }, { weight: 1, arbitrary: medNabo(fc.constantFrom(0, 1, 2)) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
export type BelaegningsInput = [number, number];
export const belaegningsInput: fc.Arbitrary<BelaegningsInput> = fc.tuple(andel, andel);

export type UdviklingInput = [number, number, number];
/** ny = sidste × (1 + pl) exactly and its neighbours: a change of 0 or almost 0. */
const udviklingNul: fc.Arbitrary<UdviklingInput> = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -500, max: 1_000 }))
  .chain(([sidste, pl]) => medNabo(fc.constant(tal(sidste * (10_000 + pl), 4))).map((ny): UdviklingInput => [ny, sidste, pl / 10_000]));
export const udviklingInput: fc.Arbitrary<UdviklingInput> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -100, max: 100_000 }), oere), fc.oneof(fc.integer({ min: 1, max: 100_000 }), oere), fireDecimaler(-9_999, 10_000)) },
  { weight: 3, arbitrary: udviklingNul },
  { weight: 2, arbitrary: fc.tuple(beloeb, beloeb, fc.oneof(fireDecimaler(-10_000, 10_000), fc.double(), skoere)) },
);

const datoTal = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 40_000, max: 50_000 }) }, { weight: 2, arbitrary: fc.double({ min: 40_000, max: 50_000, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(60, 61, 60.5, 2_958_465, 2_958_465.5, 2_958_466) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
export type BetalingInput = [number, number, number];
export const betalingInput: fc.Arbitrary<BetalingInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(heleKroner, oere), fc.integer({ min: 40_000, max: 50_000 })).chain(([t, fra]) => fc.integer({ min: -5, max: 400 }).map((n): BetalingInput => [t, fra, fra + n])) },
  { weight: 2, arbitrary: fc.tuple(beloeb, datoTal, datoTal) },
);

const regler: fc.Arbitrary<AfskrivningsRegler> = fc.oneof(
  fc.constant<AfskrivningsRegler>({ art: "ANDET" }),
  fc.constant<AfskrivningsRegler>({ art: "BYGNING" }),
  fc.constant<AfskrivningsRegler>({ art: "ANDET", aktiveringsgraense: 100_000 }),
  fc.constant<AfskrivningsRegler>({ art: "BYGNING", bygningLevetid: 30, bygningStartAar: 2004 }),
);
const aar = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1990, max: 2030 }) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(1899, 1900, 2200, 2201, 2018.5), fc.double(), skoere) });
export type AfskrivningInput = [number, number | undefined, number, number, AfskrivningsRegler];
/** anskaffelsessum = (2n+1) × levetid / 2: the yearly charge is exactly n + ½. */
const afskrivningUafgjort: fc.Arbitrary<AfskrivningInput> = fc
  .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 100 }), regler)
  .chain(([n, l, r]) => medNabo(fc.constant(((2 * n + 1) * l) / 2)).map((sum): AfskrivningInput => [sum, l, 2015, 2018, r]));
export const afskrivningInput: fc.Arbitrary<AfskrivningInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(beloeb, heleKroner), fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 50 }) }, { weight: 1, arbitrary: fc.constantFrom(undefined, 30, 0, 101, 2.5) }), aar, aar, regler) },
  { weight: 3, arbitrary: afskrivningUafgjort },
);

export type OfInput = [number, number, number | undefined];
/** behov = familier × n (+ ½ family), so the quotient is a whole number or just beside one. */
const ofHeltal: fc.Arbitrary<OfInput> = fc
  .tuple(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 200 }))
  .chain(([n, f, ny]) => medNabo(fc.constant(n * (f + ny))).map((b): OfInput => [b, f, ny]));
export const ofInput: fc.Arbitrary<OfInput> = fc.oneof(
  { weight: 3, arbitrary: ofHeltal },
  { weight: 3, arbitrary: fc.tuple(fc.oneof(heleKroner, oere), fc.integer({ min: 0, max: 2_000 }), fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 200 }))) },
  { weight: 1, arbitrary: fc.tuple(beloeb, fc.oneof(fc.integer({ min: -1, max: 2_000 }), fc.double(), skoere), fc.oneof(fc.constant(undefined), fc.double(), skoere)) },
);

export type KategoriInput = [number];
export const kategoriInput: fc.Arbitrary<KategoriInput> = fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 120 }) }, { weight: 1, arbitrary: fc.constantFrom(7, 8, 24, 25, 49, 50, 1e9, 1e9 + 1, 7.5) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) }));

export type TilsynInput = [number, number[], number[] | undefined, number | undefined];
const antal = fc.array(fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 300 }) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(-1, 2.5, 1e9 + 1), fc.double(), skoere) }), { minLength: 4, maxLength: 4 });
const vaegte = fc.oneof(fc.constant(undefined), fc.constant<number[]>([1, 1, 1, 1]), fc.constant<number[]>([1, 1.2, 2, 3]), fc.array(fc.oneof(fireDecimaler(1, 50_000), fc.constantFrom(0, -1)), { minLength: 4, maxLength: 4 }));
/** behov = (2n+1) × Σ antal / 2 with weights 1: each takst is exactly n + ½ (or a half of it with andel). */
const tilsynUafgjort: fc.Arbitrary<TilsynInput> = fc
  .tuple(fc.integer({ min: 0, max: 200_000 }), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }), fc.constantFrom(undefined, 1, 0.5, 0.1))
  .chain(([n, a, andelen]) => medNabo(fc.constant(((2 * n + 1) * a.reduce((s, x) => s + x, 0)) / 2)).map((b): TilsynInput => [b, a, [1, 1, 1, 1], andelen]));
export const tilsynInput: fc.Arbitrary<TilsynInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(heleKroner, oere, beloeb), antal, vaegte, fc.oneof(fc.constant(undefined), fc.constantFrom(0.1, 0.25, 1, 0, 1.5), fireDecimaler(0, 10_000))) },
  { weight: 3, arbitrary: tilsynUafgjort },
);

export type FordelInput = [number, number[], Afrunding];
/** Small whole keys: equal remainders (1/3, 1/3, …) and exact halves are common. */
const smaaNoegler = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 12 });
const noegler = fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 100_000 }) }, { weight: 2, arbitrary: fireDecimaler(0, 1_000_000) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(-1, 0), fc.double(), skoere) }), { minLength: 0, maxLength: 30 });
export const fordelInput: fc.Arbitrary<FordelInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(fc.integer({ min: -1_000, max: 1_000 }), heleKroner), smaaNoegler, fc.constantFrom<Afrunding>("REST", "HVER")) },
  { weight: 3, arbitrary: fc.tuple(fc.oneof(heleKroner, oere, beloeb), noegler, fc.constantFrom<Afrunding>("REST", "HVER")) },
);

export type LukningInput = [number, number, number, Driftsherre, number | undefined];
const graense = fc.oneof(fc.constant(undefined), fc.constantFrom(0.05, 0, 1, 0.1), fireDecimaler(0, 10_000), fc.oneof(fc.double(), skoere));
/** samlet = 2 × enhed and a resultat whose part beyond the limit is odd: the closing unit's share is exactly n + ½. */
const lukningUafgjort: fc.Arbitrary<LukningInput> = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(), fc.constantFrom<Driftsherre>("kommune", "region"))
  .chain(([enhed, n, negativ, h]) => {
    const samlet = 2 * enhed;
    const over = 2 * n + 1;
    const r = (negativ ? -1 : 1) * (samlet * 0.05 + over);
    return medNabo(fc.constant(r)).map((rr): LukningInput => [rr, enhed, samlet, h, undefined]);
  });
export const lukningInput: fc.Arbitrary<LukningInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(beloeb, oere), fc.oneof(heleKroner, oere, beloeb), fc.oneof(heleKroner, oere, beloeb), fc.constantFrom<Driftsherre>("kommune", "region"), graense) },
  { weight: 3, arbitrary: lukningUafgjort },
);

export type OvertagelseInput = [number, number, number];
export const overtagelseInput: fc.Arbitrary<OvertagelseInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(beloeb, oere), fc.oneof(heleKroner, oere, beloeb), fc.oneof(heleKroner, oere, beloeb)) },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 })).chain(([r, e]) => medNabo(fc.constant(2 * r + 1)).map((rr): OvertagelseInput => [rr, e, 2 * e])) },
);

export type LukningFordelInput = [number, number[], number[], number | undefined];
export const lukningFordelInput: fc.Arbitrary<LukningFordelInput> = fc
  .tuple(fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), beloeb), fc.oneof(smaaNoegler, noegler.map((a) => a.slice(0, 10))), graense)
  .chain(([r, b, g]) => fc.array(fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), oere, beloeb), { minLength: b.length, maxLength: b.length }).map((egne): LukningFordelInput => [r, b, egne, g]));

/** The door function with the fast paths off, as text, or "fejl" when the engine refuses. */
export function reference(f: () => unknown): string {
  try {
    return tekst(kunDecimal(f));
  } catch {
    return "fejl";
  }
}

const svar = (hurtig: unknown, decimal: () => unknown): SkemaSammenligning => ({ hurtig: hurtig === undefined ? undefined : tekst(hurtig), decimal: hurtig === undefined ? "" : reference(decimal) });

export const sammenlignFunktion = {
  FORRENTNING: (a: ForrentningInput) => svar(hurtigForrentning(...a), () => forrentningTal(...a)),
  PLREG: (a: PlInput) => svar(hurtigPlRegulering(...a), () => plReguleringTal(...a)),
  BELAEGNING: (a: BelaegningsInput) => svar(hurtigGennemsnitligBelaegning(...a), () => gennemsnitligBelaegningTal(...a)),
  TAKSTUDVIKLING: (a: UdviklingInput) => svar(hurtigTakstudvikling(...a), () => takstudviklingBroekTal(...a)),
  BETALING: (a: BetalingInput) => svar(hurtigBetaling(...a), () => betalingTal(...a)),
  AFSKRIVNING: (a: AfskrivningInput) => svar(hurtigAfskrivning(...a), () => afskrivningTal(...a)),
  OFPLEJEFAMILIE: (a: OfInput) => svar(hurtigOfPrPlejefamilie(...a), () => ofPrPlejefamilieTal(...a)),
  TILSYNSKATEGORI: (a: KategoriInput) => svar(hurtigTilsynskategori(...a), () => tilsynskategoriTal(...a)),
  TILSYNSTAKST: ([b, n, v, an]: TilsynInput) => svar(hurtigTilsynstakster(b, n, v ?? [1, 1.2, 2, 3], an), () => tilsynstaksterTal(b, n, v, an)),
  OBJFIN: (a: FordelInput) => svar(hurtigFordel(...a), () => fordelTal(...a)),
  LUKNING: (a: LukningInput) => svar(hurtigLukning(...a), () => lukningTal(...a)),
  OVERTAGELSE: (a: OvertagelseInput) => svar(hurtigOvertagelse(...a), () => overtagelseTal(...a)),
  "LUKNING.FORDEL": (a: LukningFordelInput) => svar(hurtigLukningFordel(...a), () => lukningFordelTal(...a)),
};

export const funktionsInput = {
  FORRENTNING: forrentningInput,
  PLREG: plInput,
  BELAEGNING: belaegningsInput,
  TAKSTUDVIKLING: udviklingInput,
  BETALING: betalingInput,
  AFSKRIVNING: afskrivningInput,
  OFPLEJEFAMILIE: ofInput,
  TILSYNSKATEGORI: kategoriInput,
  TILSYNSTAKST: tilsynInput,
  OBJFIN: fordelInput,
  LUKNING: lukningInput,
  OVERTAGELSE: overtagelseInput,
  "LUKNING.FORDEL": lukningFordelInput,
};
