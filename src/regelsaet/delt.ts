import { indlejredeRegelsaet } from "./indlejret";
import { type RegelsaetRegister, lavRegister } from "./register";
import type { Regelsaet } from "./schema";

/**
 * A register whose contents can be replaced while readers hold it: the task pane's loader (or
 * the server after a publication) replaces the list, and everyone holding the object sees the
 * new rulesets on the next lookup. Nothing in it records where a ruleset came from.
 */
export interface SkifteligtRegister extends RegelsaetRegister {
  /** Every ruleset, newest version per id, sorted by id. */
  alle(): Regelsaet[];
  /** Replace the contents. Lists later in the argument win when the same id and version occur twice. */
  saet(...lister: (readonly Regelsaet[])[]): void;
  /** Called after every saet(); returns a function that stops listening. */
  lyt(fn: () => void): () => void;
}

/** Merge lists: one per id and version (the later list wins), so lavRegister can keep the newest. */
export function flet(...lister: (readonly Regelsaet[])[]): Regelsaet[] {
  const m = new Map<string, Regelsaet>();
  for (const liste of lister) for (const r of liste) m.set(`${r.id}\u0000${r.version}`, r);
  return [...m.values()];
}

export function lavSkifteligtRegister(start: readonly Regelsaet[] = []): SkifteligtRegister {
  let register = lavRegister(flet(start));
  const lyttere = new Set<() => void>();
  return {
    ids: () => register.ids(),
    find: (id) => register.find(id),
    hent: (id) => register.hent(id),
    alle: () => register.ids().map((id) => register.hent(id)),
    saet: (...lister) => {
      register = lavRegister(flet(...lister));
      for (const fn of lyttere) fn();
    },
    lyt: (fn) => {
      lyttere.add(fn);
      return () => lyttere.delete(fn);
    },
  };
}

// functions.js and taskpane.js are separate bundles on the same page (shared runtime), so a
// module-level variable would exist twice; the one register lives on the page's global object.
const NOEGLE = Symbol.for("soc-takster.regelsaet.register");

/**
 * The one register the SOC functions and the task pane both read. It starts with the built-in
 * rulesets; the loader (indlaeser.ts) adds the published and cached ones.
 */
export function deltRegister(): SkifteligtRegister {
  const g = globalThis as unknown as Record<symbol, SkifteligtRegister | undefined>;
  let r = g[NOEGLE];
  if (!r) {
    r = lavSkifteligtRegister(indlejredeRegelsaet());
    g[NOEGLE] = r;
  }
  return r;
}
