import { type RegelsaetRegister, lavRegister, parseRegelsaet } from "./register";

/**
 * The socialtilsyn's rulesets (TILSYN-REGION-ÅR, rulesets/tilsyn/*.json), embedded at build time
 * as __TILSYN_REGELSAET__ like the takst rulesets. They live in their own folder and register so
 * the takstskema's ruleset lists (pane, CLI, service) keep offering only takst rulesets.
 */
declare const __TILSYN_REGELSAET__: unknown[] | undefined;

let register: RegelsaetRegister | undefined;

export function tilsynsRegister(): RegelsaetRegister {
  if (!register) {
    const raw = typeof __TILSYN_REGELSAET__ === "undefined" ? [] : __TILSYN_REGELSAET__;
    register = lavRegister(raw.map((r, i) => parseRegelsaet(r, `indlejret tilsynsregelsæt nr. ${i + 1}`)));
  }
  return register;
}
