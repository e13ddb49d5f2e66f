import fc from "fast-check";
import {
  belaegningsafvigelse,
  dec,
  hurtigBelaegning,
  hurtigBelaegningsafvigelse,
  hurtigSum,
  hurtigTakststruktur,
  hurtigTakstudvikling,
  hurtigTjenestemandspension,
  overheadGrundlag,
  takststruktur,
  takstudvikling,
  tilTal,
  tjenestemandspension,
  type YdelseTal,
} from "../../src/engine";
import { naboTal } from "../helpers/hurtigeInput";

// The skema's fast paths (issue 15) must give exactly decimal.js's numbers or hand over (undefined).
// CI-sized sample; each property also checks that both paths were taken.
const KOERSLER = 2_500;

const heleKroner = fc.integer({ min: 0, max: 2_000_000_000 });
const oere = fc.integer({ min: -200_000_000_000, max: 200_000_000_000 }).map((n) => n / 100);
const fireDecimaler = (min: number, max: number) => fc.integer({ min, max }).map((n) => n / 10_000);
const skoere = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, -1, 0.5, 1e15, 1e16, 2 ** 53, 1e300, 5e-324, 1e-310, 0.1 + 0.2, 123.456789);
const beloeb = fc.oneof({ weight: 4, arbitrary: heleKroner }, { weight: 2, arbitrary: oere }, { weight: 1, arbitrary: fc.double() }, { weight: 1, arbitrary: skoere });
const medNabo = (a: fc.Arbitrary<number>) => fc.tuple(a, fc.constantFrom<0 | 1 | -1>(0, 0, 1, -1)).map(([x, r]) => (r === 0 || !Number.isFinite(x) ? x : naboTal(x, r)));

/** decimal.js's answer, or "fejl" when the engine refuses. */
function decimalSvar<T>(f: () => T): T | "fejl" {
  try {
    return f();
  } catch {
    return "fejl";
  }
}

/** Numbers compared bit for bit (-0 is not 0). */
const tekst = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "number" ? (Object.is(v, -0) ? "-0" : String(v)) : v));

function foelg(antal: { hurtige: number; overdraget: number }, hurtig: unknown) {
  if (hurtig === undefined) antal.overdraget++;
  else antal.hurtige++;
}

const sumInput: fc.Arbitrary<[number[], number]> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(fc.oneof(heleKroner, oere, fc.constant(0)), { minLength: 1, maxLength: 11 }), fc.oneof(heleKroner, oere)) },
  { weight: 2, arbitrary: fc.tuple(fc.array(medNabo(beloeb), { minLength: 1, maxLength: 11 }), medNabo(beloeb)) },
);

describe("fast path for the sums of the omkostninger", () => {
  it("gives decimal.js's Σ plus − minus, or hands over", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    fc.assert(
      fc.property(sumInput, ([plus, minus]) => {
        const hurtig = hurtigSum(plus, minus);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        const d = decimalSvar(() => tilTal(plus.reduce((s, x) => s.plus(x), dec(0)).minus(minus)));
        expect({ plus, minus, hurtig: tekst(hurtig) }).toEqual({ plus, minus, hurtig: tekst(d) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 4);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 20);
  });

  it("worked example: the fixture's overhead lines 6.500.000 + 300.000 = 6.800.000; øre add up exactly; 0,1 + 0,2 = 0,3", () => {
    expect(hurtigSum([6_500_000, 300_000, 0, 0, 0, 0, 0, 0], 0)).toBe(6_800_000);
    expect(hurtigSum([0.1, 0.2], 0)).toBe(0.3);
    expect(hurtigSum([1234.56], 1234.56)).toBe(0);
    expect(Object.is(hurtigSum([-0], 0), 0)).toBe(true);
    expect(hurtigSum([0.123456], 0)).toBeUndefined(); // more decimals than the fast path reads
    expect(hurtigSum([NaN], 0)).toBeUndefined();
    expect(tilTal(overheadGrundlag({ loen: 6_500_000, administration: 300_000, udvikling: 0, oevrige: 0, ejendom: 0, afskrivninger: 0, forrentning: 0, tjenestemandspension: 0, indtaegter: 0 }))).toBe(6_800_000);
  });
});

type StrukturInput = [number, number, YdelseTal[], number];

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

/** basisgrundlag = (2n+1)/2 × Σ bd written in decimal: the basistakst is exactly n + ½ (and the servicetakst likewise). */
const strukturUafgjort: fc.Arbitrary<StrukturInput> = fc
  .tuple(fc.integer({ min: 0, max: 5_000 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 366 }), fc.boolean())
  .map(([n, rk, d, service]): StrukturInput => {
    const s = rk.reduce((sum, [p, b]) => sum + p * d * b, 0); // Σ bd = s / 100
    const uafgjort = Number(`${(2 * n + 1) * s * 5}e-3`); // (2n+1) × s / 200
    const rows = rk.map(([p, b]) => ({ pladser: p, belaegning: b / 100, ressource: null }));
    return service ? [0, uafgjort, rows, d] : [uafgjort, 0, rows, d];
  });

const strukturInput: fc.Arbitrary<StrukturInput> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.oneof(heleKroner, oere.map(Math.abs)), fc.oneof(fc.constant(0), heleKroner, oere.map(Math.abs)), fc.array(typiskRaekke, { minLength: 1, maxLength: 10 }), fc.oneof(fc.constant(365), fc.integer({ min: 1, max: 366 }))) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(heleKroner, oere.map(Math.abs)), fc.oneof(fc.constant(0), heleKroner, oere.map(Math.abs)), fc.array(raekke, { minLength: 0, maxLength: 10 }), dage) },
  { weight: 2, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), fc.array(raekke, { maxLength: 10 }), dage) },
  { weight: 3, arbitrary: strukturUafgjort.chain(([b, s, r, d]) => fc.tuple(medNabo(fc.constant(b)), medNabo(fc.constant(s))).map(([bb, ss]): StrukturInput => [bb, ss, r, d])) },
);

/** takststruktur through tilTal, as beregn reads it. */
function strukturDecimal([basis, service, raekker, d]: StrukturInput) {
  const s = takststruktur(basis, service, raekker, d);
  return {
    raekker: s.raekker.map((y) => (y ? { belaegningsdage: tilTal(y.belaegningsdage), basistakst: tilTal(y.basistakst), servicetakst: tilTal(y.servicetakst), takst: tilTal(y.takst) } : null)),
    belaegningsdage: tilTal(s.belaegningsdage),
  };
}

describe("fast path for SOC.TAKSTSTRUKTUR", () => {
  it("gives decimal.js's rows and sum, exact ,5 ties rounded away from zero, or hands over", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    fc.assert(
      fc.property(strukturInput, (a) => {
        const hurtig = hurtigTakststruktur(...a);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        expect({ a, hurtig: tekst(hurtig) }).toEqual({ a, hurtig: tekst(decimalSvar(() => strukturDecimal(a))) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 4);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 20);
  });

  it("worked examples: the fixture's skema; a tie; no ydelse, a negative grundlag and a belægning above 100 % go to the engine", () => {
    // 7.072.000 kr. / (12 × 365 × 0,96 = 4.204,8 bd) = 1.681,89 → 1.682 kr. (tests/server/fixtures.ts)
    expect(hurtigTakststruktur(7_072_000, 0, [{ pladser: 12, belaegning: 0.96, ressource: null }], 365)).toEqual({
      raekker: [{ belaegningsdage: 4204.8, basistakst: 1682, servicetakst: 0, takst: 1682 }],
      belaegningsdage: 4204.8,
    });
    // Two ydelser of 1 plads × 365 × 100 % = 730 bd: 1.825 / 730 = 2,5 exactly → 3 (half away from zero).
    // Service 730 split by ressource 1 : 3 over 365 + 1.095 = 1.460: 730 / 1.460 = 0,5 → 1 and 2.190 / 1.460 = 1,5 → 2.
    const to = [{ pladser: 1, belaegning: 1, ressource: 1 }, { pladser: null, belaegning: null, ressource: null }, { pladser: 1, belaegning: 1, ressource: 3 }];
    expect(hurtigTakststruktur(1825, 730, to, 365)).toEqual({
      raekker: [{ belaegningsdage: 365, basistakst: 3, servicetakst: 1, takst: 4 }, null, { belaegningsdage: 365, basistakst: 3, servicetakst: 2, takst: 5 }],
      belaegningsdage: 730,
    });
    expect(hurtigTakststruktur(1000, 0, [{ pladser: null, belaegning: 0.9, ressource: null }], 365)).toBeUndefined();
    expect(hurtigTakststruktur(-1, 0, [{ pladser: 1, belaegning: 1, ressource: null }], 365)).toBeUndefined();
    expect(hurtigTakststruktur(1000, 0, [{ pladser: 1, belaegning: 1.5, ressource: null }], 365)).toBeUndefined();
  });
});

type BelaegningInput = [number, number, number];
const belaegningInput: fc.Arbitrary<BelaegningInput> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: 1, max: 4_000_000 }).map((n) => n / 100), fc.integer({ min: 1, max: 600 }), fc.oneof(fc.constant(365), fc.integer({ min: 1, max: 366 }))) },
  { weight: 2, arbitrary: fc.tuple(fireDecimaler(1, 1e9), fireDecimaler(1, 1e7), fc.integer({ min: 1, max: 366 })) },
  { weight: 1, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), dage) },
);

describe("fast path for the tilbud's belægning Σ bd / (Σ pladser × dage)", () => {
  it("gives decimal.js's number, or hands over", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    fc.assert(
      fc.property(belaegningInput, ([bd, p, d]) => {
        const hurtig = hurtigBelaegning(bd, p, d);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        expect({ bd, p, d, hurtig: tekst(hurtig) }).toEqual({ bd, p, d, hurtig: tekst(decimalSvar(() => tilTal(dec(bd).div(dec(p).times(d))))) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 2);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 50);
  });

  it("worked example: 4.204,8 bd / (12 pladser × 365) = 0,96", () => {
    expect(hurtigBelaegning(4204.8, 12, 365)).toBe(0.96);
    expect(hurtigBelaegning(0, 12, 365)).toBeUndefined();
  });
});

type UdviklingInput = [number, number, number];
/** ny = sidste × (1 + pl) exactly, and its neighbours: a real development of 0 or almost 0. */
const udviklingNul: fc.Arbitrary<UdviklingInput> = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: -500, max: 1_000 }))
  .chain(([sidste, pl]) => medNabo(fc.constant(Number(`${sidste * (10_000 + pl)}e-4`))).map((ny): UdviklingInput => [ny, sidste, pl / 10_000]));
const udviklingInput: fc.Arbitrary<UdviklingInput> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.integer({ min: -100, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), fireDecimaler(-500, 1_000)) },
  { weight: 3, arbitrary: udviklingNul },
  { weight: 2, arbitrary: fc.tuple(medNabo(beloeb), medNabo(beloeb), fc.oneof(fireDecimaler(-10_000, 10_000), fc.double(), skoere)) },
);

describe("fast path for the real takstudvikling ny / (sidste × (1 + PL)) − 1", () => {
  it("gives decimal.js's number, or hands over (also where the result is almost 0)", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    fc.assert(
      fc.property(udviklingInput, ([ny, sidste, pl]) => {
        const hurtig = hurtigTakstudvikling(ny, sidste, pl);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        expect({ ny, sidste, pl, hurtig: tekst(hurtig) }).toEqual({ ny, sidste, pl, hurtig: tekst(decimalSvar(() => tilTal(takstudvikling(ny, sidste, pl)))) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 3);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 50);
  });

  it("worked example: 1.682 kr. against 1.600 kr. raised 2 %: 1.682 / 1.632 − 1 = 50 / 1.632; exactly on the PL level gives 0", () => {
    expect(hurtigTakstudvikling(1682, 1600, 0.02)).toBe(50 / 1632);
    expect(Object.is(hurtigTakstudvikling(1632, 1600, 0.02), 0)).toBe(true);
    expect(hurtigTakstudvikling(1632.0000001, 1600, 0.02)).toBeUndefined(); // more decimals than the fast path reads
    expect(hurtigTakstudvikling(1682, 0, 0.02)).toBeUndefined(); // the engine's error
  });

  it("the comparison catches a takstudvikling computed in plain doubles", () => {
    const iDoubles = (ny: number, sidste: number, pl: number) => (sidste > 0 && pl > -1 && pl <= 1 && Number.isFinite(ny) ? ny / (sidste * (1 + pl)) - 1 : undefined);
    const r = fc.check(
      fc.property(udviklingInput, ([ny, sidste, pl]) => {
        const h = iDoubles(ny, sidste, pl);
        return h === undefined || tekst(h) === tekst(decimalSvar(() => tilTal(takstudvikling(ny, sidste, pl))));
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(r.failed).toBe(true);
  });
});

describe("fast paths for TS080 and TS012", () => {
  it("tjenestemandspension: decimal.js's rounded product, or hands over", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    const satser = fc.oneof({ weight: 4, arbitrary: fc.oneof(fireDecimaler(0, 10_000), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: fc.oneof(heleKroner, oere) }, { weight: 1, arbitrary: medNabo(beloeb) }), satser, (loen, sats) => {
        const hurtig = hurtigTjenestemandspension(loen, sats);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        expect({ loen, sats, hurtig: tekst(hurtig) }).toEqual({ loen, sats, hurtig: tekst(decimalSvar(() => tilTal(tjenestemandspension(loen, sats)))) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 4);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 20);
    // 20,3 % × 800.000 = 162.400 (004:5106-5108); 0,5 % of 100 = 0,5 → 1 (half away from zero)
    expect(hurtigTjenestemandspension(800_000, 0.203)).toBe(162_400);
    expect(hurtigTjenestemandspension(100, 0.005)).toBe(1);
    expect(hurtigTjenestemandspension(-1, 0.203)).toBeUndefined();
  });

  it("belægningsafvigelse: decimal.js's |b − (a2 + a1) / 2|, and the same side of 5 points", () => {
    const antal = { hurtige: 0, overdraget: 0 };
    const andel = fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.integer({ min: 0, max: 200 }).map((n) => n / 100), fireDecimaler(0, 20_000)) }, { weight: 1, arbitrary: fc.oneof(fc.double(), skoere) });
    fc.assert(
      fc.property(andel, andel, andel, (b, a2, a1) => {
        const hurtig = hurtigBelaegningsafvigelse(b, a2, a1);
        foelg(antal, hurtig);
        if (hurtig === undefined) return;
        const d = belaegningsafvigelse(b, a2, a1);
        expect({ b, a2, a1, hurtig: tekst(hurtig), over: hurtig > 0.05 }).toEqual({ b, a2, a1, hurtig: tekst(tilTal(d)), over: d.gt(0.05) });
      }),
      { numRuns: KOERSLER, seed: 15 },
    );
    expect(antal.hurtige).toBeGreaterThan(KOERSLER / 4);
    expect(antal.overdraget).toBeGreaterThan(KOERSLER / 20);
    // 0,96 against (0,95 + 0,97) / 2 = 0,96: no deviation; 0,90 against 0,955 = 0,055; exactly 5 points is not more.
    expect(hurtigBelaegningsafvigelse(0.96, 0.95, 0.97)).toBe(0);
    expect(hurtigBelaegningsafvigelse(0.9, 0.95, 0.96)).toBe(0.055);
    expect(hurtigBelaegningsafvigelse(0.9, 0.95, 0.95)! > 0.05).toBe(false);
  });
});
