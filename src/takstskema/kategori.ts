import { parameter, type Regelsaet } from "../regelsaet";
import { smaaDansk } from "./smaa";

/** Case and spacing do not matter when a category is typed ("klyngetilbud", "Lokale  tilbud"). */
function normaliser(tekst: string): string {
  return smaaDansk(tekst.trim().replace(/\s+/g, " "));
}

/** The ruleset's category names, or undefined when it has no list (then the field is free text). */
export function kategoriNavne(r: Regelsaet | undefined): string[] | undefined {
  const liste = r ? parameter(r, "kategorier") : undefined;
  return liste?.map((k) => k.navn);
}

type Kategorier = NonNullable<ReturnType<typeof parameter<"kategorier">>>;

/**
 * Each normalised name and synonym → the ruleset's name (the first category in the list that
 * has it, as a search through the list finds it), built once per list: normalising every name
 * on every lookup was most of validating a skema with a kategori (validate_one_ms, bench/takstskema.bench.ts).
 */
const OPSLAG = new WeakMap<Kategorier, Map<string, string>>();
function opslag(liste: Kategorier): Map<string, string> {
  let m = OPSLAG.get(liste);
  if (!m) {
    m = new Map();
    for (const k of liste) {
      for (const navn of [k.navn, ...k.synonymer]) {
        const n = normaliser(navn);
        if (!m.has(n)) m.set(n, k.navn);
      }
    }
    OPSLAG.set(liste, m);
  }
  return m;
}

/**
 * The ruleset's own name for a typed category, accepting its synonyms (the plural headings and
 * "Højtspecialiseret", 004:3628-3645, 5957) in any case. Without a list in the ruleset the text
 * is taken as it is; with a list, a text that is not on it gives undefined.
 */
export function kanoniskKategori(r: Regelsaet | undefined, tekst: string): string | undefined {
  const liste = r ? parameter(r, "kategorier") : undefined;
  if (!liste) return tekst.trim();
  return opslag(liste).get(normaliser(tekst));
}
