import { type ParameterNavn, type Parametre, type Regelsaet, regelsaetSchema } from "./schema";

export class RegelsaetFejl extends Error {
  override name = "RegelsaetFejl";
}

/** Parse one ruleset file's content; the message names the file and the bad field. */
export function parseRegelsaet(raw: unknown, navn = "regelsæt"): Regelsaet {
  const result = regelsaetSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(rod)"}: ${i.message}`).join("; ");
    throw new RegelsaetFejl(`Ugyldigt ${navn}: ${issues}`);
  }
  return result.data;
}

export interface RegelsaetRegister {
  ids(): string[];
  find(id: string): Regelsaet | undefined;
  hent(id: string): Regelsaet;
}

export function lavRegister(regelsaet: readonly Regelsaet[]): RegelsaetRegister {
  const byId = new Map<string, Regelsaet>();
  for (const r of regelsaet) {
    if (byId.has(r.id)) throw new RegelsaetFejl(`Regelsættet ${r.id} findes to gange`);
    byId.set(r.id, r);
  }
  return {
    ids: () => [...byId.keys()].sort(),
    find: (id) => byId.get(id.trim().toUpperCase()),
    hent: (id) => {
      const r = byId.get(id.trim().toUpperCase());
      if (!r) throw new RegelsaetFejl(`Ukendt regelsæt "${id}". Kendte: ${[...byId.keys()].sort().join(", ")}`);
      return r;
    },
  };
}

/** A parameter's value, or undefined when the ruleset's sources don't give it. */
export function parameter<K extends ParameterNavn>(r: Regelsaet, navn: K): NonNullable<Parametre[K]>["vaerdi"] | undefined {
  const p = r.parametre[navn] as { vaerdi: unknown } | undefined;
  return p?.vaerdi as NonNullable<Parametre[K]>["vaerdi"] | undefined;
}
