import fc from "fast-check";
import { dato, dec, FOERSTE_DAG, fordelTal, hurtigFordel, hurtigLukning, hurtigTilsynstakster, hurtigTakstudvikling, SIDSTE_DAG } from "../../src/engine";
import { funktionsInput, reference, sammenlignFunktion, type FordelInput } from "../helpers/hurtigeFunktionsInput";
import { ensSkema, type SkemaSammenligning, tekst } from "../helpers/hurtigeSkemaInput";

// Every SOC function's fast path must give exactly decimal.js's answer or hand over (issue 27).
// CI-sized sample here; bench/engine.bench.ts compares a million inputs per function.
const KOERSLER = 20_000;

describe.each(Object.keys(sammenlignFunktion) as (keyof typeof sammenlignFunktion)[])("fast path for %s", (navn) => {
  it("gives the same answer as decimal.js with ROUND_HALF_UP, or hands over", () => {
    const sml = sammenlignFunktion[navn] as (a: unknown) => SkemaSammenligning;
    let hurtige = 0;
    fc.assert(
      fc.property(funktionsInput[navn] as fc.Arbitrary<unknown>, (a) => {
        const s = sml(a);
        if (s.hurtig !== undefined) hurtige++;
        expect({ a, s, ens: ensSkema(s) }).toEqual({ a, s, ens: true });
      }),
      { numRuns: KOERSLER, seed: 27 },
    );
    // Both paths must be exercised, or the property says little.
    expect(hurtige).toBeGreaterThan(KOERSLER / 10);
    expect(hurtige).toBeLessThan(KOERSLER);
  });
});

describe("worked examples", () => {
  it("TILSYNSTAKST: Syd 2018's figures; an exact ,5 goes to decimal.js", () => {
    // 004:157-163: 22.799.575 over 164 + 101 × 1,2 + 155 × 2 + 40 × 3 = 715,2 → 31.879 / 38.254 / 63.757 / 95.636
    expect(hurtigTilsynstakster(22_799_575, [164, 101, 155, 40], [1, 1.2, 2, 3])).toEqual([31_879, 38_254, 63_757, 95_636]);
    expect(hurtigTilsynstakster(5, [2, 0, 0, 0], [1, 1, 1, 1])).toBeUndefined(); // 2,5 each
  });
  it("OBJFIN: 10 kr. over three equal keys: the last krone's tie goes to decimal.js; 9 kr. is exact", () => {
    expect(hurtigFordel(10, [1, 1, 1], "REST")).toBeUndefined();
    expect(hurtigFordel(9, [1, 1, 1], "REST")).toEqual([3, 3, 3]);
    expect(hurtigFordel(5_000, [2_000, 2_500, 2_250], "REST")).toEqual([1_481, 1_852, 1_667]); // 004:4874-4916
    expect(fordelTal(10, [1, 1, 1], "REST")).toEqual([4, 3, 3]);
    expect(hurtigFordel(-1, [1, 1], "HVER")).toEqual([-1, -1]); // -0,5 each, half away from zero
  });
  it("LUKNING: underskud 4.500 on 20.000 / 80.000 → −4.000; −125; −375 (004:4742-4871)", () => {
    expect(hurtigLukning(-4_500, 20_000, 80_000)).toEqual({ viderefoeresAarPlus1: -4_000, afregnesVedLukningen: -125, resten: -375 });
  });
  it("TAKSTUDVIKLING: a change within a millionth of the takst goes to decimal.js; none is exactly 0", () => {
    expect(hurtigTakstudvikling(1_000.0001, 1_000, 0)).toBeUndefined();
    expect(hurtigTakstudvikling(1_020, 1_000, 0.02)).toBe(0);
    expect(hurtigTakstudvikling(1_100, 1_000, 0)).toBe(0.1);
  });
});

describe("dato reads an in-range date as decimal.js does", () => {
  it("its floor, for any double in range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: FOERSTE_DAG, max: SIDSTE_DAG, noNaN: true }), fc.integer({ min: FOERSTE_DAG, max: SIDSTE_DAG })), (d) => {
        expect(dato("d", d)).toBe(dec(d).floor().toNumber());
      }),
      { numRuns: KOERSLER, seed: 27 },
    );
  });
});

describe("the comparison catches a broken fast path", () => {
  // Remainders compared in doubles, ties to the first row, without the check for equal remainders at the cut.
  const iDoubles = (b: number, n: number[], r: string) => {
    if (r !== "REST" || !Number.isInteger(b) || n.length === 0 || !n.every((x) => x >= 0 && Number.isFinite(x))) return undefined;
    const s = n.reduce((a, x) => a + x, 0);
    if (!(s > 0) || Math.abs(b) > 1e9) return undefined;
    const e = n.map((x) => (Math.abs(b) * x) / s);
    const g = e.map(Math.floor);
    let mangler = Math.abs(b) - g.reduce((a, x) => a + x, 0);
    const orden = e.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((x, y) => y.f - x.f || x.i - y.i);
    for (const { i } of orden) if (mangler-- > 0) g[i]! += 1;
    return g.map((x) => (b < 0 ? -x : x) + 0);
  };
  it("an OBJFIN sharing in doubles is refuted", () => {
    const r = fc.check(
      fc.property(funktionsInput.OBJFIN, (a: FordelInput) => {
        const h = iDoubles(...a);
        return ensSkema({ hurtig: h === undefined ? undefined : tekst(h), decimal: reference(() => fordelTal(...a)) });
      }),
      { numRuns: KOERSLER, seed: 27 },
    );
    expect(r.failed).toBe(true);
  });
});
