import { FELTER, YDELSE_KOLONNER, type FeltDefinition } from "./felter";
import { celleFor } from "./layout";
import { udpak } from "./vaerdier";

/**
 * Numbers stored as text (issue 20): "650.000" or "1.150.000 kr." pasted into a cell is text to
 * Excel, and the sheet's own formulas give #VALUE! with it, though the validator can read it. In a
 * workbook such a cell is an error where a formula computes with it; a JSON body may carry it.
 */

const TALTYPER = new Set<FeltDefinition["type"]>(["heltal", "tal", "beloeb", "procent"]);

/** A Ydelser formula names its own row's input cells by placeholder (layout.ts fills in the row). */
const PLADSHOLDERE: Record<string, string> = { pladser: "TS_Ydelser_Pladser", ressource: "TS_Ydelser_Ressource", sidste: "TS_Ydelser_SidsteAarsTakst" };

/** The input number fields the template's formulas compute with, by name or by their row's cell. */
export const REGNEFELTER: ReadonlySet<string> = (() => {
  const formler = ([...FELTER, ...YDELSE_KOLONNER] as readonly FeltDefinition[]).map((f) => f.formel ?? "").join(" ");
  const brugte = new Set<string>(formler.match(/\bTS_\w+/g) ?? []);
  for (const [p, navn] of Object.entries(PLADSHOLDERE)) if (formler.includes(`{${p}}`)) brugte.add(navn);
  return new Set([...FELTER, ...YDELSE_KOLONNER].filter((f) => f.rolle === "input" && TALTYPER.has(f.type) && brugte.has(f.navn)).map((f) => f.navn));
})();

/** One cell holding a number as text: where, what it says, and the number it means. */
export interface TekstTal {
  felt: string;
  /** The Ydelser row (0-based) of a table column; absent for a single-cell field. */
  raekke?: number;
  celle: string;
  tekst: string;
  tal: number;
}

/** True when a cell a formula uses holds text (not a number) that the field reads as the number `tal`. */
export function erTekstTal(navn: string, celle: unknown, tal: unknown): tal is number {
  return typeof tal === "number" && REGNEFELTER.has(navn) && udpak(celle).slags === "tekst";
}

export function tekstTalFund(navn: string, celle: unknown, tal: number, raekke?: number): TekstTal {
  const u = udpak(celle);
  return { felt: navn, ...(raekke === undefined ? {} : { raekke }), celle: celleFor(navn, raekke), tekst: u.slags === "tekst" ? u.tekst : String(celle), tal };
}

/** TS002's reason for such a cell, naming it and what the sheet cannot do with it. */
export function tekstTalBesked(t: TekstTal): string {
  const kort = t.celle.slice(t.celle.lastIndexOf("!") + 1);
  return `cellen ${kort} indeholder "${t.tekst}" som tekst, ikke som tal, og arkets formler kan ikke regne med tekst (de giver #VÆRDI!). Skriv tallet uden punktummer og "kr.", eller tryk "Lav om til tal" i opgaveruden`;
}
