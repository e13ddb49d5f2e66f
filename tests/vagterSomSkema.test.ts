import fc from "fast-check";
import { type ZodTypeAny } from "zod";
import { celleSchema, erCelle, erMatrix, matrixSchema } from "../src/functions/argumenter";
import { erGyldigKrop, kropSchema, MAKS_FELTER, MAKS_TEKST } from "../src/server/indberetninger/behandl";
import { ydelseResultatSchema } from "../src/takstskema";
import { erYdelseResultat, YDELSE_NOEGLER } from "../src/takstskema/ydelser";

/**
 * The hand-written guards that stand in for a zod schema on the common path (erCelle,
 * erMatrix, erGyldigKrop, erYdelseResultat) accept exactly the values their schema takes
 * unchanged, and the data they pass on is the schema's to the last key and -0: a guard that
 * said yes to more would let unchecked values through, one that said yes with other data would
 * make the fast path differ from zod's. The schema decides everything the guard refuses.
 */
const KOERSLER = 10_000;

/** Identical: same prototype, own keys in the same order (array holes count), values Object.is. */
function identisk(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return Object.is(a, b);
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => identisk((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/** What the schema gives for x when it accepts it, else a marker no value is identical to. */
const INGEN = Symbol("afvist");
function skemaData(schema: ZodTypeAny, x: unknown): unknown {
  const r = schema.safeParse(x);
  return r.success ? r.data : INGEN;
}

function sammeSomSkema<T>(input: fc.Arbitrary<T>, vagt: (x: T) => boolean, schema: ZodTypeAny, forventet: (x: T) => unknown = (x) => x) {
  let ja = 0;
  let nej = 0;
  fc.assert(
    fc.property(input, (x) => {
      const v = vagt(x);
      if (v) ja++;
      else nej++;
      // The schema takes x unchanged (its data identical to what the guard passes on) iff the guard says yes.
      expect({ x, vagt: v }).toEqual({ x, vagt: identisk(skemaData(schema, x), forventet(x)) });
    }),
    { numRuns: KOERSLER, seed: 28 },
  );
  // Both answers must be common, or the property says little.
  expect([ja > KOERSLER / 10, nej > KOERSLER / 10]).toEqual([true, true]);
}

const saerlige = fc.constantFrom<unknown>(NaN, -0, 0, Infinity, -Infinity, undefined, null, "", " ", true, false, 1e308, 5e-324, "\u0000", "\uD800", "\uFFFE", [], {}, [[]], new Date(0), Object.create(null));
const celle = fc.oneof(
  { weight: 4, arbitrary: fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null), fc.constant(undefined)) },
  { weight: 2, arbitrary: saerlige },
  { weight: 1, arbitrary: fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withSparseArray: true, withNullPrototype: true }) },
);

describe("a guard accepts exactly what its schema takes unchanged", () => {
  it("erCelle = celleSchema", () => {
    sammeSomSkema(celle, erCelle, celleSchema);
  });

  it("erMatrix = matrixSchema", () => {
    const rektangel = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([h, b]) => fc.array(fc.array(celle, { minLength: b, maxLength: b }), { minLength: h, maxLength: h }));
    const matrix = fc.oneof(
      { weight: 4, arbitrary: rektangel },
      { weight: 1, arbitrary: fc.array(fc.array(celle, { maxLength: 3 }), { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.sparseArray(fc.sparseArray(celle, { maxLength: 3 }), { maxLength: 3 }) },
      { weight: 1, arbitrary: celle },
    );
    sammeSomSkema(matrix, erMatrix, matrixSchema);
  });

  it("erYdelseResultat = ydelseResultatSchema", () => {
    const tal = fc.oneof({ weight: 6, arbitrary: fc.oneof(fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true })) }, { weight: 1, arbitrary: saerlige });
    const felter = {
      raekke: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 1, arbitrary: fc.oneof(fc.integer({ min: -3, max: -1 }), fc.double(), saerlige) }),
      navn: fc.oneof({ weight: 6, arbitrary: fc.string() }, { weight: 1, arbitrary: saerlige }),
      pladser: tal, belaegning: tal, ressource: tal, sidsteAarsTakst: tal, belaegningsdage: tal, basistakst: tal, servicetakst: tal, takst: tal, takstudvikling: tal,
    };
    // Mostly complete rows in any key order, some with a key missing or one too many.
    const fuld = fc.record(felter).chain((o) => fc.shuffledSubarray(Object.keys(o), { minLength: 11, maxLength: 11 }).map((k) => Object.fromEntries(k.map((n) => [n, (o as Record<string, unknown>)[n]]))));
    const ydelse = fc.oneof(
      { weight: 6, arbitrary: fuld },
      { weight: 1, arbitrary: fc.record(felter, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.tuple(fuld, fc.string(), celle).map(([o, k, v]) => ({ ...o, [k]: v })) },
      { weight: 1, arbitrary: fuld.map((o) => Object.assign(Object.create(null) as object, o)) },
      { weight: 1, arbitrary: celle },
    );
    // Unchanged: exactly the schema's keys, each value kept; the guard's copy puts them in the schema's order.
    const uaendret = (y: unknown) => {
      const egne = y !== null && typeof y === "object" ? Reflect.ownKeys(y) : [];
      const alle = egne.length === 11 && egne.every((k) => typeof k === "string" && k in YDELSE_NOEGLER);
      return alle ? { ...YDELSE_NOEGLER, ...(y as object) } : "ikke uændret";
    };
    sammeSomSkema(ydelse, erYdelseResultat, ydelseResultatSchema, uaendret);
  });

  it("erGyldigKrop = the body schema (TS_ names, bounded text, Ydelser columns)", () => {
    const navn = fc.oneof(
      { weight: 4, arbitrary: fc.stringMatching(/^TS_[A-Za-z0-9_]{1,60}$/) },
      { weight: 3, arbitrary: fc.stringMatching(/^TS_Ydelser_[A-Za-z]{1,20}$/) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom("TS_", "ts_Loen", "TS_Løn", `TS_${"x".repeat(61)}`, `TS_${"x".repeat(60)}`, "TS_Loen ", "__proto__", "constructor")) },
    );
    const skalar = fc.oneof(
      { weight: 6, arbitrary: fc.oneof(fc.double(), fc.string(), fc.boolean(), fc.constant(null)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>("x".repeat(MAKS_TEKST), "x".repeat(MAKS_TEKST + 1), "a\u0000b", "\uD800", "\uFFFF", "\u0007", NaN, Infinity, -0, undefined, {}, new Date(0)) },
    );
    const vaerdi = fc.oneof({ weight: 5, arbitrary: skalar }, { weight: 2, arbitrary: fc.array(skalar, { maxLength: 12 }) }, { weight: 1, arbitrary: fc.sparseArray(skalar, { maxLength: 10 }) });
    const krop = fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(navn, vaerdi, { maxKeys: 12 }) },
      { weight: 1, arbitrary: fc.integer({ min: MAKS_FELTER - 2, max: MAKS_FELTER + 2 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`TS_Felt${i}`, i]))) },
      { weight: 1, arbitrary: fc.dictionary(navn, vaerdi, { maxKeys: 5 }).map((o) => Object.assign(Object.create(null) as object, o)) },
    );
    sammeSomSkema(krop, erGyldigKrop, kropSchema);
  });
});
