import type { RegelsaetRegister } from "../regelsaet";
import { FELTER, YDELSE_KOLONNER, type Sektion } from "./felter";
import type { YdelseBeregnet } from "./resultat";
import { sidsteAarsTakster } from "./sidsteAar";
import { kolonneCeller, somTabel } from "./ydelser";

/**
 * Carry forward (product.md §5.1): this year's skema prefilled from last year's current
 * submission of the same tilbud – stamdata, ydelser and cost lines as last year's budget – with
 * the new takstår, the region's ruleset for that year and last year's takst per ydelse from the
 * register. Pure; the pane and the CLI fetch last year's submission and write what this gives.
 */

/** Sections whose inputs describe the tilbud and its budget: carried forward. */
const FREMFOERTE_SEKTIONER: ReadonlySet<Sektion> = new Set(["Stamdata", "Kapacitet", "Ydelser", "Omkostninger"]);

/**
 * Inputs of those sections that belong to last year's skema only: its approval, the
 * occupancy of the years before it and its justification, and the regulering of year −2 and
 * from the pool (which concern another regnskab and another year's pool each year). The other sections (PL, justifications of the
 * development, efterregulering, an in-year change) are the year's own and start empty.
 */
const AARETS_EGNE: ReadonlySet<string> = new Set([
  "TS_GodkendtAf", "TS_Dato", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1", "TS_BelaegningBegrundelse", "TS_Regulering",
  "TS_ReguleringPulje",
]);

/** True when a field's value from last year's submission starts this year's skema. */
export function fremfoeres(navn: string, sektion: Sektion): boolean {
  return FREMFOERTE_SEKTIONER.has(sektion) && !AARETS_EGNE.has(navn);
}

/** The region's ruleset for a year by the ids' convention REGION-ÅR (product.md §6): SYD-2018 → SYD-2019. */
export function regelsaetIdForAar(sidsteId: string, takstaar: number): string {
  return `${sidsteId.trim().toUpperCase().replace(/-\d{4}$/, "")}-${takstaar}`;
}

export type Fremfoering =
  | { ok: true; regelsaet: string; takstaar: number; vaerdier: Record<string, unknown> }
  | { ok: false; besked: string };

/**
 * This year's inputs from last year's submission (`payload`, the body as the service stored
 * it) and last year's takst per ydelse from the register (`takster`). Every input name is in
 * the answer: a value carried forward, or null for a field this year fills in anew.
 */
export function fremfoerSkema(
  payload: Record<string, unknown>,
  takster: readonly Pick<YdelseBeregnet, "navn" | "takst">[],
  sidsteTakstaar: number,
  register: RegelsaetRegister,
): Fremfoering {
  const sidste = somTabel(payload).input;
  const takstaar = sidsteTakstaar + 1;
  const sidsteId = typeof sidste.TS_Regelsaet === "string" ? sidste.TS_Regelsaet.trim() : "";
  if (!sidsteId) return { ok: false, besked: `Indberetningen for ${sidsteTakstaar} angiver intet regelsæt, så regelsættet for ${takstaar} kan ikke findes.` };
  const r = register.find(regelsaetIdForAar(sidsteId, takstaar));
  if (!r) {
    return {
      ok: false,
      besked: `Regelsættet for ${takstaar} (${regelsaetIdForAar(sidsteId, takstaar)}) er ikke udgivet endnu. Skemaet kan startes fra sidste år, når sekretariatet har udgivet det. Kendte regelsæt: ${register.ids().join(", ")}.`,
    };
  }
  const vaerdier: Record<string, unknown> = {};
  for (const f of FELTER) {
    if (f.rolle !== "input") continue;
    const v = sidste[f.navn];
    vaerdier[f.navn] = fremfoeres(f.navn, f.sektion) && v !== undefined ? v : null;
  }
  for (const k of YDELSE_KOLONNER) if (k.rolle === "input") vaerdier[k.navn] = kolonneCeller(sidste[k.navn]);
  vaerdier.TS_Regelsaet = r.id;
  vaerdier.TS_Takstaar = takstaar;
  // Last year's takst is the register's, matched by the ydelse's name; never last year's own stated figure.
  const navne = (vaerdier.TS_Ydelser_Navn as unknown[]).map((n) => ({ navn: typeof n === "string" ? n : typeof n === "number" ? String(n) : "" }));
  vaerdier.TS_Ydelser_SidsteAarsTakst = sidsteAarsTakster(navne, takster);
  return { ok: true, regelsaet: r.id, takstaar, vaerdier };
}
