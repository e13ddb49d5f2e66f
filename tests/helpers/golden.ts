import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

export const GOLDEN_DIR = join(__dirname, "..", "fixtures", "golden");

export type GoldenValue = number | string | boolean | null | GoldenValue[];

export interface GoldenCase {
  args: GoldenValue[];
  expect: GoldenValue;
  source?: string;
  why?: string;
}

export interface GoldenFile {
  function: string;
  cases: GoldenCase[];
  error_cases?: GoldenCase[];
  [extra: string]: unknown;
}

export function goldenFiles(): string[] {
  return readdirSync(GOLDEN_DIR).filter((f) => f.endsWith(".json")).sort();
}

export function loadGolden(name: string): GoldenFile {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, name), "utf8")) as GoldenFile;
}

/** Nested sub-function cases, e.g. TILSYNSKATEGORI inside tilsyn.json. */
export function subGolden(file: GoldenFile, fn: string): { cases: GoldenCase[]; error_cases?: GoldenCase[] } {
  const sub = file[fn] as { cases: GoldenCase[]; error_cases?: GoldenCase[] } | undefined;
  if (!sub) throw new Error(`${fn} mangler i ${file.function}`);
  return sub;
}
