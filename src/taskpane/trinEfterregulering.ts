import type { RegelsaetRegister } from "../regelsaet";
import { type Efterregulering, efterreguleringSchema } from "../kontrakt";
import {
  type EfterreguleringForslag, efterreguleringForslag, forkertAarTekst, forslagLinje, ingenRegnskabTekst, kr, regnskabsaarFor, skematypeAf, somTabel,
} from "../takstskema";
import { laesSkema, skrivTal } from "./excel-workbook";
import { kald } from "./mine-klient";
import { besvarBekraeftelse, el, fejltekst, type Rude } from "./rude";

/**
 * "Hent efterregulering" (product.md §5.2): the regnskab of year Y − 2 gives the budget skema of
 * year Y its A1, A2, A3, A6, the regulering (−A7) and the pool's share. The workbook's
 * driftsherre, tilbud and takstår say what to ask for; the cells are written by name through the
 * one Excel adapter, and a filled cell that would change only after a yes.
 */

export type EfterreguleringUdfald =
  | { art: "klar"; efterregulering: Efterregulering; forslag: EfterreguleringForslag[] }
  /** 404: no regnskab for the year, a note; or a refusal, an unreadable answer, a skema without keys. */
  | { art: "besked"; besked: string };

/** The answer on a regnskabsskema: its efterregulering is fetched from the budget skema of year +2. */
export const REGNSKAB_BESKED =
  "Dette er et regnskabsskema. Efterreguleringen hentes i budgetskemaet (takstskemaet) for år +2, som får A1-A7 og reguleringen fra dette regnskab, når det er indsendt. Skemaet er uændret.";

/** Read the skema, ask the service, compare; nothing is written. Two syncs (one on a regnskabsskema). */
export async function forberedEfterregulering(ind: { serviceUrl: string; token: string }, register: RegelsaetRegister, fetchFn?: typeof fetch): Promise<EfterreguleringUdfald> {
  const laest = await laesSkema();
  // A regnskab gives the efterregulering; the budget skema of year +2 receives it (product.md §5.2).
  if (skematypeAf(laest) === "regnskab") return { art: "besked", besked: REGNSKAB_BESKED };
  const skema = somTabel(laest).input;
  const tekst = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const driftsherre = tekst(skema.TS_Driftsherre);
  const tilbud = tekst(skema.TS_Tilbud);
  const takstaar = Number(skema.TS_Takstaar);
  if (!driftsherre || !tilbud || !Number.isInteger(takstaar) || takstaar < 2000 || takstaar > 2100) {
    return { art: "besked", besked: "Udfyld driftsherre, tilbud og takstår i skemaet, før efterreguleringen kan hentes." };
  }
  const q = new URLSearchParams({ tilbud, takstaar: String(takstaar), driftsherre });
  const svar = await kald(ind.serviceUrl, ind.token, `/api/v1/efterregulering?${q.toString()}`, efterreguleringSchema, undefined, fetchFn);
  if (!svar.ok) {
    if (svar.ikkeFundet) {
      const r = register.find(tekst(skema.TS_Regelsaet));
      return { art: "besked", besked: `${ingenRegnskabTekst(tilbud, takstaar, regnskabsaarFor(takstaar, r))} Skemaet er uændret.` };
    }
    return { art: "besked", besked: `Efterreguleringen kunne ikke hentes. ${svar.besked} Skemaet er uændret.` };
  }
  const forkert = forkertAarTekst(svar.data, takstaar);
  if (forkert) return { art: "besked", besked: forkert };
  return { art: "klar", efterregulering: svar.data, forslag: efterreguleringForslag(laest, svar.data) };
}

/** Write the cells the workbook has (one sync). */
export function skrivEfterregulering(forslag: readonly EfterreguleringForslag[]): Promise<void> {
  return skrivTal(forslag.filter((f) => !f.mangler).map((f) => ({ felt: f.navn, tal: f.ny })));
}

/** The status after writing: what was filled from which regnskab, and a pool share an older skema has no cell for. */
export function udfyldtTekst(e: Efterregulering, forslag: readonly EfterreguleringForslag[]): string {
  const kilde = `regnskabet for ${e.regnskabsaar}${e.regnskab.nummer ? ` (${e.regnskab.nummer})` : ""}`;
  const skrevet = forslag.filter((f) => !f.mangler).map(forslagLinje).join("; ");
  const uden = forslag.filter((f) => f.mangler && f.ny !== 0).map((f) =>
    ` Skemaet har ikke feltet "${f.etiket}" (en ældre skabelon), så ${kr(f.ny)} er ikke skrevet: indsæt en ny skabelon, eller skriv beløbet i kategori 9.`);
  // Each figure ends in "kr.", which ends the sentence too.
  return `Efterreguleringen fra ${kilde} er udfyldt: ${skrevet}${uden.join("")} Tryk Valider.`;
}

/** The question before a filled cell is changed: each such cell, what it holds and what it gets. */
export function spoergTekst(forslag: readonly EfterreguleringForslag[]): string[] {
  const nu = (v: unknown) => (typeof v === "number" ? kr(v) : `"${String(v)}"`);
  return forslag.filter((f) => f.overskriver && !f.mangler).map((f) => `${forslagLinje(f)} (nu ${nu(f.nu)})`);
}

export function startEfterregulering(rude: Rude): void {
  const knap = el<HTMLButtonElement>("efterreg-hent");
  const bekraeft = el("efterreg-bekraeft");
  const liste = el("efterreg-liste");
  let ventende: Extract<EfterreguleringUdfald, { art: "klar" }> | null = null;

  async function skriv(k: Extract<EfterreguleringUdfald, { art: "klar" }>): Promise<void> {
    await skrivEfterregulering(k.forslag);
    rude.saetStatus(udfyldtTekst(k.efterregulering, k.forslag));
  }

  async function koer(): Promise<void> {
    bekraeft.hidden = true;
    ventende = null;
    try {
      rude.saetStatus("Henter efterreguleringen fra indberetningsservicen …");
      const u = await forberedEfterregulering(rude.ind, rude.register);
      if (u.art === "besked") return rude.saetStatus(u.besked);
      const linjer = spoergTekst(u.forslag);
      if (linjer.length === 0) return await skriv(u);
      ventende = u;
      liste.replaceChildren(...linjer.map((l) => Object.assign(document.createElement("li"), { textContent: l })));
      bekraeft.hidden = false;
      bekraeft.focus();
      rude.saetStatus("Nogle af efterreguleringens felter er allerede udfyldt med andre tal. Bekræft eller annullér.");
    } catch (e) {
      rude.saetStatus(`Efterreguleringen kunne ikke hentes: ${fejltekst(e)}`);
    }
  }

  knap.addEventListener("click", () => void rude.travl(knap, koer));
  besvarBekraeftelse(bekraeft, el("efterreg-ja"), el("efterreg-nej"), () => {
    const u = ventende;
    ventende = null;
    if (!u) return;
    void rude.travl(knap, async () => {
      try {
        await skriv(u);
      } catch (e) {
        rude.saetStatus(`Efterreguleringen kunne ikke skrives: ${fejltekst(e)}`);
      }
      knap.focus();
    });
  }, () => {
    ventende = null;
    rude.saetStatus("Hent efterregulering er annulleret. Skemaet er uændret.");
    knap.focus();
  });
}
