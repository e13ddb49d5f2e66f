import type { ZodIssue } from "zod";
import { NyereSchemaFejl, parseRegelsaet } from "./register";
import { type Regelsaet, SCHEMA_VERSION, regelsaetSchema } from "./schema";

/** One problem in a ruleset file: `sti` names the parameter (e.g. parametre.overheadLoft.kilde). */
export interface RegelsaetFund {
  sti: string;
  besked: string;
}

export type RegelsaetTjek = { ok: true; regelsaet: Regelsaet } | { ok: false; nyereSchema: boolean; fund: RegelsaetFund[] };

const TYPE_NAVN: Record<string, string> = {
  number: "et tal",
  string: "tekst",
  object: "et objekt",
  array: "en liste",
  boolean: "sand/falsk",
  integer: "et helt tal",
};

/** zod's English defaults in Danish; messages the schema writes itself are Danish already. */
function danskBesked(i: ZodIssue): string {
  switch (i.code) {
    case "invalid_type":
      if (i.received === "undefined") return "mangler";
      return `skal være ${TYPE_NAVN[i.expected] ?? i.expected}, ikke ${TYPE_NAVN[i.received] ?? i.received}`;
    case "unrecognized_keys":
      return `ukendt felt: ${i.keys.join(", ")} (parametre, som kilderne ikke giver, udelades; se docs/regelsaet.md)`;
    case "invalid_enum_value":
      return `skal være en af ${i.options.map((o) => `"${String(o)}"`).join(", ")}, ikke "${String(i.received)}"`;
    case "too_small":
      if (i.message && !/^(Number|String|Array) must/.test(i.message)) return i.message;
      if (i.type === "array") return `skal have mindst ${String(i.minimum)} elementer`;
      if (i.type === "string") return `skal have mindst ${String(i.minimum)} tegn`;
      return `skal være ${i.inclusive ? "mindst" : "over"} ${String(i.minimum).replace(".", ",")}`;
    case "too_big":
      if (i.message && !/^(Number|String|Array) must/.test(i.message)) return i.message;
      if (i.type === "array") return `må højst have ${String(i.maximum)} elementer`;
      if (i.type === "string") return `må højst have ${String(i.maximum)} tegn`;
      return `skal være ${i.inclusive ? "højst" : "under"} ${String(i.maximum).replace(".", ",")}`;
    case "invalid_string":
      return i.message && i.message !== "Invalid" ? i.message : "har et ugyldigt format";
    default:
      return i.message;
  }
}

/**
 * Checks a ruleset file's content with Danish findings that name the parameter. A file written
 * for a newer schemaVersion is one finding that says the add-in must be updated.
 */
export function tjekRegelsaet(raw: unknown): RegelsaetTjek {
  try {
    return { ok: true, regelsaet: parseRegelsaet(raw) };
  } catch (e) {
    if (e instanceof NyereSchemaFejl) return { ok: false, nyereSchema: true, fund: [{ sti: "schemaVersion", besked: e.message }] };
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, nyereSchema: false, fund: [{ sti: "(rod)", besked: `Et regelsæt er ét JSON-objekt med schemaVersion (${SCHEMA_VERSION}), id, version, navn, region, takstaar, kilde og parametre.` }] };
  }
  const r = regelsaetSchema.safeParse(raw);
  const fund = r.success ? [] : r.error.issues.slice(0, 100).map((i) => ({ sti: i.path.join(".") || "(rod)", besked: danskBesked(i) }));
  return { ok: false, nyereSchema: false, fund };
}

/** "parametre.overheadLoft.kilde: mangler" */
export function fundTekst(f: RegelsaetFund): string {
  return `${f.sti}: ${f.besked}`;
}
