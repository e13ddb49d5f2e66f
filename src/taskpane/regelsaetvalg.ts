import type { Regelsaet, RegelsaetRegister } from "../regelsaet";
import type { IndlaesResultat } from "../regelsaet/indlaeser";

/** The default choice: the newest ruleset (highest takstår, then highest version), not the first in the alphabet. */
export function nyesteRegelsaet(register: RegelsaetRegister): Regelsaet | undefined {
  const alle = register.ids().map((id) => register.hent(id));
  return alle.sort((a, b) => b.takstaar - a.takstaar || b.version - a.version || a.id.localeCompare(b.id))[0];
}

/** The rulesets for the settings' drop-down, newest takstår first. */
export function valgmuligheder(register: RegelsaetRegister): { id: string; tekst: string }[] {
  return register
    .ids()
    .map((id) => register.hent(id))
    .sort((a, b) => b.takstaar - a.takstaar || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, tekst: `${r.id} – ${r.navn}${r.version > 1 ? ` (version ${r.version})` : ""}` }));
}

function tid(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return `${d.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" })} kl. ${d.toLocaleTimeString("da-DK", { hour: "2-digit", minute: "2-digit" })}`;
}

/** Which rulesets the pane uses, in one Danish sentence (plus the loader's notes). */
export function kildeTekst(r: IndlaesResultat, antalIalt: number): string {
  const udgivne = `${r.antalUdgivne} ${r.antalUdgivne === 1 ? "udgivet" : "udgivne"}`;
  let s: string;
  if (r.kilde === "service") s = `Regelsæt fra indberetningsservicen (hentet ${tid(r.hentet)}): ${udgivne} og de indbyggede, ${antalIalt} i alt.`;
  else if (r.kilde === "cache") s = `Indberetningsservicen kunne ikke nås. Bruger den gemte liste fra ${tid(r.hentet)} (${udgivne}) og de indbyggede, ${antalIalt} i alt.`;
  else s = `Bruger kun de ${antalIalt} indbyggede regelsæt (indberetningsservicen kunne ikke nås, og der er ingen gemt liste).`;
  const noter = r.beskeder.filter((b) => !/^Bruger (den gemte liste|kun de indbyggede)/.test(b));
  return [s, ...noter].join(" ");
}
