import type { ZodIssue } from "zod";
import { afstand } from "./afstand";
import { kontroltegnStier } from "./kontroltegn";
import { NyereSchemaFejl, parseRegelsaet } from "./register";
import { KENDTE_FELTER, type Regelsaet, SCHEMA_VERSION, regelsaetSchema } from "./schema";

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

/** The fields the object at `sti` may have. */
function kendteFelter(sti: readonly (string | number)[]): readonly string[] {
  if (sti.length === 0) return KENDTE_FELTER.rod;
  if (sti[0] !== "parametre") return [];
  if (sti.length === 1) return KENDTE_FELTER.parametre;
  if (sti.length === 2) return KENDTE_FELTER.parameter;
  return sti[1] === "kategorier" ? KENDTE_FELTER.kategori : [];
}

/** The known field an unknown one most likely means ("renteloft" → renteLoft), if one is close. */
function naermeste(felt: string, kendte: readonly string[]): string | undefined {
  const start = felt.length >= 3 ? kendte.find((k) => k.toLowerCase().startsWith(felt.toLowerCase())) : undefined;
  if (start) return start;
  let bedst: { navn: string; d: number } | undefined;
  for (const navn of kendte) {
    const d = afstand(felt.toLowerCase(), navn.toLowerCase());
    if (!bedst || d < bedst.d) bedst = { navn, d };
  }
  return bedst && bedst.d <= Math.max(2, Math.floor(felt.length / 4)) ? bedst.navn : undefined;
}

/** zod's English defaults in Danish; messages the schema writes itself are Danish already. */
function danskBesked(i: ZodIssue): string {
  switch (i.code) {
    case "invalid_type":
      if (i.received === "undefined") return "mangler";
      return `skal være ${TYPE_NAVN[i.expected] ?? i.expected}, ikke ${TYPE_NAVN[i.received] ?? i.received}`;
    case "unrecognized_keys": {
      const kendte = kendteFelter(i.path);
      const forslag = i.keys.map((k) => naermeste(k, kendte)).filter((f): f is string => f !== undefined);
      const mente = forslag.length ? `; mente du ${forslag.join(", ")}?` : "";
      return `ukendt felt: ${i.keys.join(", ")}${mente} (parametre, som kilderne ikke giver, udelades; se docs/regelsaet.md)`;
    }
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
  // Before the schema: it accepts any text, and PostgreSQL would fail on the NUL (a 500).
  const kontroltegn = kontroltegnStier(raw);
  if (kontroltegn.length > 0) {
    return { ok: false, nyereSchema: false, fund: kontroltegn.map((sti) => ({ sti, besked: "indeholder et kontroltegn (fx NUL), som ikke kan gemmes; fjern det" })) };
  }
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
