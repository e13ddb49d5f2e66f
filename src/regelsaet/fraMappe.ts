import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type RegelsaetRegister, lavRegister, parseRegelsaet } from "./register";
import type { Regelsaet } from "./schema";

/** The rulesets/ folder of the project; new rulesets are new JSON files there, no code change. */
export const REGELSAET_MAPPE = resolve(__dirname, "../../rulesets");

/** Node side: read and validate every *.json in the folder. */
export function laesRegelsaetMappe(mappe: string = REGELSAET_MAPPE): RegelsaetRegister {
  return lavRegister(laesRegelsaetFiler(mappe));
}

/** The rulesets of the folder as a list (the server adds the published ones to it). */
export function laesRegelsaetFiler(mappe: string = REGELSAET_MAPPE): Regelsaet[] {
  const filer = readdirSync(mappe).filter((f) => f.endsWith(".json")).sort();
  return filer.map((f) => parseRegelsaet(JSON.parse(readFileSync(join(mappe, f), "utf8")), f));
}
