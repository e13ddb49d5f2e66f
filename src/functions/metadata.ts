import { FUNKTIONER, type FunktionBeskrivelse } from "./beskrivelser";

/** The custom functions JSON metadata format (functions.json), as Excel reads it. */
export interface MetadataParameter {
  name: string;
  description: string;
  type: string;
  dimensionality: string;
  optional?: boolean;
}
export interface MetadataFunktion {
  id: string;
  name: string;
  description: string;
  result: { type: string; dimensionality: string };
  parameters: MetadataParameter[];
}
export interface Metadata {
  functions: MetadataFunktion[];
}

export type Sprog = "en" | "da";

function enFunktion(f: FunktionBeskrivelse, sprog: Sprog): MetadataFunktion {
  return {
    // The ids are the names users type (=SOC.TAKST): the same in every language (product.md §1).
    id: f.id,
    name: f.id,
    description: f[sprog].beskrivelse,
    result: { ...f.resultat },
    parameters: f.parametre.map((p) => ({
      name: p[sprog].navn,
      description: p[sprog].beskrivelse,
      type: p.type,
      dimensionality: p.dimensionality,
      ...(p.optional ? { optional: true } : {}),
    })),
  };
}

/** functions.json (sprog "en") or functions-da.json (sprog "da"), generated from beskrivelser.ts. */
export function lavMetadata(sprog: Sprog): Metadata {
  return { functions: FUNKTIONER.map((f) => enFunktion(f, sprog)) };
}

/** File name of the metadata for a language, as referenced by manifest.xml. */
export const METADATA_FILER: Record<Sprog, string> = { en: "functions.json", da: "functions-da.json" };
