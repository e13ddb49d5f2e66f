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

/**
 * The drop-down's options: the register's, plus the saved ruleset while it is not loaded yet (a
 * published one before the service or the cache has answered), so the settings show what is saved.
 */
export function regelsaetMuligheder(register: RegelsaetRegister, gemt: string): { id: string; tekst: string }[] {
  const liste = valgmuligheder(register);
  if (gemt && !register.find(gemt)) liste.unshift({ id: gemt, tekst: `${gemt} (gemt, ikke indlæst endnu)` });
  return liste;
}

/** What the drop-down shows: the user's unsaved choice, else the saved ruleset, else the newest. */
export function valgtRegelsaet(muligheder: readonly { id: string }[], valg: { bruger: string; gemt: string; nyeste: string }): string {
  return [valg.bruger, valg.gemt, valg.nyeste].find((id) => id && muligheder.some((m) => m.id === id)) ?? "";
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
