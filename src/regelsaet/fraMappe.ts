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

/** Why a file could not be read, in Danish (not Node's "ENOENT: no such file or directory, open …"). */
function filfejl(fil: string, e: unknown): string {
  const kode = (e as { code?: unknown }).code;
  if (kode === "ENOENT") return `Filen ${fil} findes ikke. Tjek stien (den regnes fra mappen ${process.cwd()}).`;
  if (kode === "EISDIR") return `${fil} er en mappe, ikke en fil. Angiv regelsættets .json-fil.`;
  if (kode === "EACCES" || kode === "EPERM") return `${fil} må ikke læses af denne bruger (adgang nægtet).`;
  return `${fil} kan ikke læses: ${(e as Error).message}`;
}

/** A ruleset file's JSON; the message says in Danish what is wrong (missing, a folder, not JSON). */
export function laesJsonFil(fil: string): unknown {
  let tekst: string;
  try {
    tekst = readFileSync(fil, "utf8");
  } catch (e) {
    throw new Error(filfejl(fil, e));
  }
  try {
    return JSON.parse(tekst) as unknown;
  } catch (e) {
    throw new Error(`${fil} kan ikke læses som JSON: ${(e as Error).message}`);
  }
}
