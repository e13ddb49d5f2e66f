import { type RegelsaetRegister, lavRegister, parseRegelsaet } from "./register";

/**
 * Browser side: webpack's DefinePlugin embeds the contents of rulesets/*.json at build time as
 * __REGELSAET__ (see webpack.config.js), so a new file needs a rebuild but no code change.
 */
declare const __REGELSAET__: unknown[] | undefined;

let register: RegelsaetRegister | undefined;

export function indlejretRegister(): RegelsaetRegister {
  if (!register) {
    const raw = typeof __REGELSAET__ === "undefined" ? [] : __REGELSAET__;
    register = lavRegister(raw.map((r, i) => parseRegelsaet(r, `indlejret regelsæt nr. ${i + 1}`)));
  }
  return register;
}
