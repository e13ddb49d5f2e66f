import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fejlFra, StubFejl } from "./customFunctionsStub";
import * as funktioner from "../../src/functions/functions";
import { FUNKTIONER } from "../../src/functions/beskrivelser";
import { GOLDEN_DIR, type GoldenCase, type GoldenFile, goldenFiles, loadGolden } from "../helpers/golden";

// Every golden case runs through the exported function exactly as Excel calls it: the args
// array as given (null for omitted optionals, 2-D arrays for ranges).
type ExcelFn = (...args: unknown[]) => unknown;

function exportFor(id: string): ExcelFn {
  const f = FUNKTIONER.find((x) => x.id === id);
  if (!f) throw new Error(`golden-funktionen ${id} findes ikke i beskrivelser.ts`);
  return (funktioner as unknown as Record<string, ExcelFn>)[f.eksport]!;
}

/** The main cases plus nested blocks such as TILSYNSKATEGORI inside tilsyn.json. */
function blokke(fil: GoldenFile): { id: string; cases: GoldenCase[]; error_cases: GoldenCase[] }[] {
  const ud = [{ id: fil.function, cases: fil.cases, error_cases: fil.error_cases ?? [] }];
  for (const [noegle, vaerdi] of Object.entries(fil)) {
    if (/^[A-Z][A-Z.]+$/.test(noegle) && vaerdi && typeof vaerdi === "object" && "cases" in vaerdi) {
      const sub = vaerdi as { cases: GoldenCase[]; error_cases?: GoldenCase[] };
      ud.push({ id: noegle, cases: sub.cases, error_cases: sub.error_cases ?? [] });
    }
  }
  return ud;
}

const DANSK = /\b(skal|må|mangler|er over|summerer|tilladt|ukendt)\b/i;

describe.each(goldenFiles())("golden %s", (navn) => {
  const fil = loadGolden(navn);
  for (const blok of blokke(fil)) {
    const fn = exportFor(blok.id);
    const beskrivelse = FUNKTIONER.find((x) => x.id === blok.id)!;
    it.each(blok.cases.map((c, i) => [i + 1, c] as const))(`${blok.id} case %i`, (_i, c) => {
      const args = structuredClone(c.args);
      expect(fn(...args)).toEqual(c.expect);
      // Whole kroner compare with ===: toEqual on numbers is Object.is, so -0 would fail here too.
    });
    if (blok.error_cases.length > 0) {
      it.each(blok.error_cases.map((c, i) => [i + 1, c] as const))(`${blok.id} error case %i gives #VALUE! with a Danish message`, (_i, c) => {
        expect(c.expect).toBe("#VALUE!");
        const fejl = fejlFra(() => fn(...structuredClone(c.args)));
        expect(fejl).toBeInstanceOf(StubFejl);
        expect(fejl.code).toBe(CustomFunctions.ErrorCode.invalidValue);
        expect(fejl.message).toMatch(DANSK);
        expect(fejl.message.startsWith(`SOC.${blok.id}:`)).toBe(true);
        const navne = beskrivelse.parametre.map((p) => p.da.navn);
        expect(navne.some((n) => fejl.message.includes(n))).toBe(true);
      });
    }
  }
});

it("the golden copies match ../shared/fixtures when it exists", () => {
  const delt = join(__dirname, "..", "..", "..", "shared", "fixtures");
  if (!existsSync(delt)) return;
  for (const f of goldenFiles()) {
    expect({ f, same: readFileSync(join(GOLDEN_DIR, f), "utf8") === readFileSync(join(delt, f), "utf8") }).toEqual({ f, same: true });
  }
});
