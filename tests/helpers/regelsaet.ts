import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A ruleset the secretariat might publish for 2027: the SYD-2018 file with a new id, year and
 * overhead cap. The figures are invented for the tests (no seed gives 2027 rules); `over`
 * replaces top-level fields and `parametre` entries.
 */
export function syd2027(over: { version?: number; overheadLoft?: number; [k: string]: unknown } = {}): Record<string, unknown> {
  const grund = JSON.parse(readFileSync(join(__dirname, "..", "..", "rulesets", "SYD-2018.json"), "utf8")) as Record<string, unknown>;
  const { overheadLoft = 0.05, version = 1, ...rest } = over;
  const parametre = { ...(grund.parametre as Record<string, unknown>) };
  parametre.overheadLoft = { vaerdi: overheadLoft, kilde: "Rammeaftale Syddanmark 2027, bilag 17 afsnit 3 (testdata)" };
  parametre.fristTakster = { vaerdi: "2026-11-15", kilde: "Rammeaftale Syddanmark 2027, tidsplan (testdata)" };
  return { ...grund, id: "SYD-2027", version, navn: "Rammeaftale Syddanmark, takster 2027", takstaar: 2027, kilde: "testdata", parametre, ...rest };
}
