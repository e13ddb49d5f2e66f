/**
 * Prints the Danish function reference (markdown) from src/functions/beskrivelser.ts, the
 * source of functions-da.json, so the reference in README.md says the same.
 * Run: npx tsx scripts/funktionsreference.ts
 */
import { FUNKTIONER } from "../src/functions/beskrivelser";

const linjer: string[] = [];
for (const f of FUNKTIONER) {
  const args = f.parametre.map((p) => (p.optional ? `[${p.da.navn}]` : p.da.navn)).join("; ");
  linjer.push(`### SOC.${f.id}(${args})`, "", f.da.beskrivelse, "", "| argument | betydning | tilladt |", "|---|---|---|");
  for (const p of f.parametre) {
    linjer.push(`| ${p.da.navn}${p.optional ? " (valgfri)" : ""} | ${p.da.beskrivelse} | ${p.tilladt} |`);
  }
  linjer.push("", `Eksempel: \`${f.eksempel.formel}\` giver ${f.eksempel.resultat}.`, "");
}
process.stdout.write(linjer.join("\n"));
