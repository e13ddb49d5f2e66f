import fc from "fast-check";
import { StubFejl } from "./customFunctionsStub";
import * as funktioner from "../../src/functions/functions";
import { FUNKTIONER, type FunktionBeskrivelse, type ParameterBeskrivelse } from "../../src/functions/beskrivelser";
import { UVENTET } from "../../src/functions/fejl";

// Acceptance 2: whatever Excel (or a confused user) passes, each function returns a finite
// number or a well-formed matrix, or raises CustomFunctions.Error(invalidValue) with a Danish
// message. Nothing else escapes: no TypeError, no NaN, no Infinity, no -0.

type ExcelFn = (...args: unknown[]) => unknown;
const fnFor = (f: FunktionBeskrivelse) => (funktioner as unknown as Record<string, ExcelFn>)[f.eksport]!;

const skoereTal = fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, 5e-324, -5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 1e21, 1e-21);
const rimeligeTal = fc.oneof(
  fc.integer({ min: -2_000_000, max: 50_000_000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0.95, 95, 1, 2, 7, 8, 25, 50, 365, 2004, 2018, 30, 0.044, 0.045, 0.0147, 0.203, 0.039),
);
const tal = fc.oneof({ weight: 3, arbitrary: rimeligeTal }, { weight: 2, arbitrary: fc.double() }, { weight: 2, arbitrary: skoereTal });
const tekst = fc.oneof(
  fc.constantFrom("1.234,5", "", " ", "abc", "95 %", "0,95", "1e3", "SYD-2018", "syd-2018 ", "MIDT-2020", "NORD-2099", "REST", "HVER", "hver", "#VALUE!"),
  fc.string({ maxLength: 30 }),
);
const celle = fc.oneof({ weight: 4, arbitrary: tal }, { weight: 2, arbitrary: tekst }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) });
/** Rectangular ranges as Excel passes them, mostly numbers. */
const omraade = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 5 }))
  .chain(([h, b]) => fc.array(fc.array(fc.oneof({ weight: 6, arbitrary: rimeligeTal }, { weight: 1, arbitrary: celle }), { minLength: b, maxLength: b }), { minLength: h, maxLength: h }));
const fireCeller = fc.oneof(
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 500 }) }, { weight: 1, arbitrary: celle }), { minLength: 4, maxLength: 4 }).map((r) => [r]),
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0.1, max: 5, noNaN: true }) }, { weight: 1, arbitrary: celle }), { minLength: 4, maxLength: 4 }).map((r) => r.map((c) => [c])),
);
/** Wrong shapes and things Excel never sends. */
const forkertForm = fc.oneof(
  fc.array(fc.array(celle, { maxLength: 4 }), { maxLength: 4 }),
  fc.constantFrom<unknown>([], [[]], [[[1]]], [[1, [2]]], [1, 2, 3], [[1], [2, 3]], {}, { a: 1 }, undefined, () => 1, new Date(0), [[undefined]]),
);

/** SOC.TAKSTSTRUKTUR's ydelse columns: mostly 3 rows (so the columns usually match), blanks and junk among them. */
function ydelsesKolonne(vaerdi: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const c = fc.oneof({ weight: 8, arbitrary: vaerdi }, { weight: 1, arbitrary: fc.constantFrom(null, "") }, { weight: 1, arbitrary: celle });
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(c, { minLength: 3, maxLength: 3 }).map((r) => r.map((x) => [x])) },
    { weight: 1, arbitrary: omraade.map((m) => m.map((r) => [r[0]])) },
  );
}
const YDELSESKOLONNER: Record<string, fc.Arbitrary<unknown>> = {
  pladser: ydelsesKolonne(fc.integer({ min: 1, max: 40 })),
  belaegning: ydelsesKolonne(fc.double({ min: 0.5, max: 1, noNaN: true })),
  ressource: ydelsesKolonne(fc.double({ min: 0.1, max: 10, noNaN: true })),
  // SOC.LUKNING.FORDEL's columns of the other economic units.
  budgetter: ydelsesKolonne(fc.integer({ min: 0, max: 200_000 })),
  resultater: ydelsesKolonne(fc.integer({ min: -20_000, max: 20_000 })),
};
/** SOC.BETALINGSPERIODE's names, so the property reaches past the argument check; junk comes from tekst. */
const NAVNE: Record<string, fc.Arbitrary<unknown>> = {
  haendelse: fc.constantFrom("botilbud", "dagtilbud", "§ 101", "§109", "§ 110", "lukning", "revisitation", "pakkeskift", "pakkeskift-bo", "pakkeskift-dag", "specialundervisning-dag"),
  model: fc.constantFrom("2_maaneder", "loebende_maaned_plus_1"),
  driftsherre: fc.constantFrom("kommune", "region"),
};
const navnEllerTekst = (navn: string) => {
  const n = NAVNE[navn];
  return n ? fc.oneof(n, tekst) : tekst;
};
/** Dates as Excel passes them: serial numbers of realistic days, ISO text, and anything else. */
const dato = fc.oneof(fc.integer({ min: 40_000, max: 50_000 }), fc.integer({ min: 40_000, max: 50_000 }).map((n) => new Date(Date.UTC(1899, 11, 30 + n)).toISOString().slice(0, 10)), tal);

function argument(p: ParameterBeskrivelse): fc.Arbitrary<unknown> {
  const passende =
    p.dimensionality === "matrix"
      ? p.da.navn === "noegle"
        ? omraade.map((m) => m.map((r) => [r[0]]))
        : (YDELSESKOLONNER[p.da.navn] ?? fireCeller)
      : p.enhed === "tekst"
        ? navnEllerTekst(p.da.navn)
        : p.enhed === "dato"
          ? dato
          : p.enhed === "aar"
            ? fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 3, arbitrary: fc.integer({ min: 1990, max: 2040 }) }, { weight: 1, arbitrary: tal })
            : tal;
  return fc.oneof({ weight: 6, arbitrary: passende }, { weight: 1, arbitrary: celle }, { weight: 1, arbitrary: forkertForm }, { weight: p.optional ? 2 : 0, arbitrary: fc.constant(null) });
}

function erGyldigtTal(v: unknown): boolean {
  return typeof v === "number" && Number.isFinite(v) && !Object.is(v, -0);
}

function tjekResultat(f: FunktionBeskrivelse, r: unknown): void {
  if (f.resultat.dimensionality === "scalar") {
    expect({ r, ok: erGyldigtTal(r) }).toEqual({ r, ok: true });
    return;
  }
  expect(Array.isArray(r)).toBe(true);
  const m = r as unknown[][];
  expect(m.length).toBeGreaterThan(0);
  const bredde = m[0]!.length;
  for (const raekke of m) {
    expect(Array.isArray(raekke) && raekke.length === bredde && bredde > 0).toBe(true);
    for (const c of raekke) {
      const ok = erGyldigtTal(c) || (f.resultat.type === "any" && typeof c === "string");
      expect({ c, ok }).toEqual({ c, ok: true });
    }
  }
}

describe.each(FUNKTIONER.map((f) => [f.id, f] as const))("SOC.%s with random junk", (_id, f) => {
  it("returns a finite number / well-formed matrix or raises CustomFunctions.Error(invalidValue)", () => {
    const fn = fnFor(f);
    let svar = 0;
    let fejl = 0;
    fc.assert(
      fc.property(fc.tuple(...f.parametre.map(argument)), (args) => {
        let r: unknown;
        try {
          r = fn(...args);
        } catch (e) {
          expect(e).toBeInstanceOf(StubFejl);
          const s = e as StubFejl;
          expect(s.code).toBe(CustomFunctions.ErrorCode.invalidValue);
          expect(s.message.startsWith(`SOC.${f.id}: `)).toBe(true);
          expect(s.message).not.toContain(UVENTET);
          expect(s.message).not.toMatch(/NaN|undefined|\[object/);
          fejl++;
          return;
        }
        tjekResultat(f, r);
        svar++;
      }),
      { numRuns: 400, seed: 20261122 },
    );
    // The generator must exercise both paths, or the property says little.
    expect(svar).toBeGreaterThan(0);
    expect(fejl).toBeGreaterThan(0);
  });
});
