import { type ParameterNavn, type Parametre, type Regelsaet, SCHEMA_VERSION, regelsaetSchema } from "./schema";

export class RegelsaetFejl extends Error {
  override name = "RegelsaetFejl";
}

/** A ruleset written for a newer format than this add-in understands: the add-in must be updated. */
export class NyereSchemaFejl extends RegelsaetFejl {
  override name = "NyereSchemaFejl";
}

/** Parse one ruleset file's content; the message names the file and the bad field. */
export function parseRegelsaet(raw: unknown, navn = "regelsæt"): Regelsaet {
  const sv = typeof raw === "object" && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof sv === "number" && Number.isInteger(sv) && sv > SCHEMA_VERSION) {
    const id = String((raw as { id?: unknown }).id ?? navn).slice(0, 40);
    throw new NyereSchemaFejl(
      `${id} er skrevet i regelsætformat ${sv}, men denne version af tilføjelsesprogrammet kender kun format ${SCHEMA_VERSION}. Opdater tilføjelsesprogrammet; indtil da bruges de regelsæt, det forstår.`,
    );
  }
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
  // A correction is a new version: the register holds the newest version of each id.
  const byId = new Map<string, Regelsaet>();
  for (const r of regelsaet) {
    const foer = byId.get(r.id);
    if (foer && foer.version === r.version) throw new RegelsaetFejl(`Regelsættet ${r.id} version ${r.version} findes to gange`);
    if (!foer || r.version > foer.version) byId.set(r.id, r);
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

/** Where a parameter's value comes from (its `kilde`), or undefined when the ruleset has no such parameter. */
export function parameterKilde(r: Regelsaet, navn: ParameterNavn): string | undefined {
  return (r.parametre[navn] as { kilde: string } | undefined)?.kilde;
}

/** A parameter's value, or undefined when the ruleset's sources don't give it. */
export function parameter<K extends ParameterNavn>(r: Regelsaet, navn: K): NonNullable<Parametre[K]>["vaerdi"] | undefined {
  const p = r.parametre[navn] as { vaerdi: unknown } | undefined;
  return p?.vaerdi as NonNullable<Parametre[K]>["vaerdi"] | undefined;
}
