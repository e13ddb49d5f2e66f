import { parameter, type Regelsaet } from "../regelsaet";

/** Case and spacing do not matter when a category is typed ("klyngetilbud", "Lokale  tilbud"). */
function normaliser(tekst: string): string {
  return tekst.trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
}

/** The ruleset's category names, or undefined when it has no list (then the field is free text). */
export function kategoriNavne(r: Regelsaet | undefined): string[] | undefined {
  const liste = r ? parameter(r, "kategorier") : undefined;
  return liste?.map((k) => k.navn);
}

/**
 * The ruleset's own name for a typed category, accepting its synonyms (the plural headings and
 * "Højtspecialiseret", 004:3628-3645, 5957) in any case. Without a list in the ruleset the text
 * is taken as it is; with a list, a text that is not on it gives undefined.
 */
export function kanoniskKategori(r: Regelsaet | undefined, tekst: string): string | undefined {
  const liste = r ? parameter(r, "kategorier") : undefined;
  if (!liste) return tekst.trim();
  const n = normaliser(tekst);
  return liste.find((k) => normaliser(k.navn) === n || k.synonymer.some((s) => normaliser(s) === n))?.navn;
}

/** Same category, whatever the case and spacing. */
export function erKategori(tekst: string | undefined, navn: string): boolean {
  return tekst !== undefined && normaliser(tekst) === normaliser(navn);
}
