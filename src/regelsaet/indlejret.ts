import { type RegelsaetRegister, lavRegister, parseRegelsaet } from "./register";
import type { Regelsaet } from "./schema";

/**
 * Browser side: webpack's DefinePlugin embeds the contents of rulesets/*.json at build time as
 * __REGELSAET__ (see webpack.config.js), so a new file needs a rebuild but no code change.
 */
declare const __REGELSAET__: unknown[] | undefined;

let liste: Regelsaet[] | undefined;
let register: RegelsaetRegister | undefined;

/** The rulesets built into this build of the add-in. */
export function indlejredeRegelsaet(): Regelsaet[] {
  if (!liste) {
    const raw = typeof __REGELSAET__ === "undefined" ? [] : __REGELSAET__;
    liste = raw.map((r, i) => parseRegelsaet(r, `indlejret regelsæt nr. ${i + 1}`));
  }
  return liste;
}

/** Only the built-in rulesets; the add-in reads deltRegister() (delt.ts), which also has the published ones. */
export function indlejretRegister(): RegelsaetRegister {
  register ??= lavRegister(indlejredeRegelsaet());
  return register;
}
