import { EngineError, fordeling, indeks, kvantil, placering } from "../../src/engine";

/**
 * Median and quartiles by the inclusive method, as Excel's KVARTIL.MEDTAG (QUARTILE.INC):
 * sorted values x0..x(n-1), position h = (n − 1) · p, x⌊h⌋ + (h − ⌊h⌋) · (x⌊h⌋+1 − x⌊h⌋).
 * Every expected value is worked out by hand in the comments.
 */
const s = (d: { toString(): string }) => d.toString();

describe("KVARTIL.MEDTAG on an odd group", () => {
  // Unsorted on purpose: 2.100, 1.500, 1.800, 2.400, 1.650 → sorted 1.500, 1.650, 1.800, 2.100, 2.400 (n = 5).
  const takster = [2100, 1500, 1800, 2400, 1650];
  it("median: h = 4 · 0,5 = 2 → x2 = 1.800", () => expect(s(kvantil(takster, 0.5))).toBe("1800"));
  it("kvartil 1: h = 4 · 0,25 = 1 → x1 = 1.650", () => expect(s(kvantil(takster, 0.25))).toBe("1650"));
  it("kvartil 3: h = 4 · 0,75 = 3 → x3 = 2.100", () => expect(s(kvantil(takster, 0.75))).toBe("2100"));
  it("fordeling gives the same with min 1.500 and max 2.400", () => {
    const f = fordeling(takster);
    expect([f.median, f.kvartil1, f.kvartil3, f.min, f.max].map(s)).toEqual(["1800", "1650", "2100", "1500", "2400"]);
  });
});

describe("KVARTIL.MEDTAG on an even group (interpolated)", () => {
  // Sorted 1.000, 1.100, 1.300, 1.600, 2.000, 2.500 (n = 6), h = 5 · p.
  const takster = [1600, 1000, 2500, 1300, 2000, 1100];
  // median: h = 2,5 → 1.300 + 0,5 · (1.600 − 1.300) = 1.450
  it("median 1.450", () => expect(s(kvantil(takster, 0.5))).toBe("1450"));
  // kvartil 1: h = 1,25 → 1.100 + 0,25 · (1.300 − 1.100) = 1.150
  it("kvartil 1 1.150", () => expect(s(kvantil(takster, 0.25))).toBe("1150"));
  // kvartil 3: h = 3,75 → 1.600 + 0,75 · (2.000 − 1.600) = 1.900
  it("kvartil 3 1.900", () => expect(s(kvantil(takster, 0.75))).toBe("1900"));
});

describe("exact where doubles are not", () => {
  // Sorted 0,1 0,2 0,3 0,7 (n = 4); kvartil 1: h = 3 · 0,25 = 0,75 → 0,1 + 0,75 · 0,1 = 0,175
  // (in doubles 0.1 + 0.75 × (0.2 − 0.1) = 0.17500000000000002).
  it("kvartil 1 of 0,1 0,2 0,3 0,7 is 0,175", () => expect(s(kvantil([0.3, 0.1, 0.7, 0.2], 0.25))).toBe("0.175"));
  // kvartil 3: h = 2,25 → 0,3 + 0,25 · 0,4 = 0,4
  it("kvartil 3 is 0,4", () => expect(s(kvantil([0.3, 0.1, 0.7, 0.2], 0.75))).toBe("0.4"));
  it("one value is its own median and quartiles", () => expect(s(kvantil([1234], 0.25))).toBe("1234"));
});

describe("refusals", () => {
  it("an empty group has no quantile", () => expect(() => kvantil([], 0.5)).toThrow(EngineError));
  it("p outside 0..1 is refused", () => expect(() => kvantil([1, 2], 1.5)).toThrow(EngineError));
  it("a median of 0 gives no index", () => expect(() => indeks(100, 0)).toThrow(EngineError));
});

describe("index and position", () => {
  // 2.047 / 1.800 × 100 = 113,7222… → 113,7
  it("index = own / median × 100 with one decimal: 2.047 / 1.800 → 113,7", () => expect(s(indeks(2047, 1800))).toBe("113.7"));
  // 1.665 / 1.800 × 100 = 92,5 exactly → stays 92,5
  it("a half is kept, not rounded away: 1.665 / 1.800 → 92,5", () => expect(s(indeks(1665, 1800))).toBe("92.5"));
  // 100,05 / 100 × 100 = 100,05 → half away from zero → 100,1
  it("half away from zero: 100,05 / 100 → 100,1", () => expect(s(indeks("100.05", 100))).toBe("100.1"));
  it("below Q1, on the quartiles and above Q3", () => {
    expect(placering(1649, 1650, 2100)).toBe("under_kvartil1");
    expect(placering(1650, 1650, 2100)).toBe("mellem_kvartilerne");
    expect(placering(2100, 1650, 2100)).toBe("mellem_kvartilerne");
    expect(placering(2101, 1650, 2100)).toBe("over_kvartil3");
  });
});
