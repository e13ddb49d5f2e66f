import type { OffentliggoerKontrol } from "../../kontrakt";

const flertal = (n: number, en: string, flere: string) => `${n} ${n === 1 ? en : flere}`;

/** Days to a deadline in Danish: "fristen er i dag", "8 dage til fristen", "fristen var for 2 dage siden". */
export function dageTilFristTekst(dage: number | null): string {
  if (dage === null) return "ingen frist i regelsættet";
  if (dage === 0) return "fristen er i dag";
  if (dage > 0) return `${flertal(dage, "dag", "dage")} til fristen`;
  return `fristen var for ${flertal(-dage, "dag", "dage")} siden`;
}

/** The 409's message: what publishing would leave out or publish unapproved, and how to confirm. */
export function kontrolTekst(k: OffentliggoerKontrol): string {
  const dele: string[] = [];
  if (k.manglende.length > 0) dele.push(`${flertal(k.manglende.length, "driftsherre mangler", "driftsherrer mangler")} (${k.manglende.map((m) => `${m.driftsherre}: ${m.tilbud.join(", ")}`).join("; ")})`);
  if (k.ikkeGodkendte.length > 0) dele.push(`${flertal(k.ikkeGodkendte.length, "indberetning er", "indberetninger er")} ikke godkendt`);
  return `Taksterne for ${k.takstaar} er ikke offentliggjort: ${dele.join(", og ")}; ${dageTilFristTekst(k.dageTilFrist)}. Send "bekraeft": true for at offentliggøre alligevel.`;
}
