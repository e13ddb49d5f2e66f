import type { Regelsaet } from "../regelsaet";
import { skabelonLayout } from "../takstskema";
import { harUdfyldtSkema, indsaetSkabelon } from "./excel-workbook";
import { el, fejltekst, type Rude } from "./rude";

/** Step 1: insert the standard template of the saved ruleset; a filled skema is replaced only when confirmed. */

export type IndsaetUdfald = { art: "bekraeft" } | { art: "indsat"; regelsaet: string; arknavn: string; erstattet: boolean };

/** Without `bekraeftet`, a workbook with a filled skema is left alone and the answer asks first. */
export async function indsaet(regelsaet: Regelsaet, bekraeftet: boolean): Promise<IndsaetUdfald> {
  const layout = skabelonLayout(regelsaet);
  if (!bekraeftet && (await harUdfyldtSkema(layout))) return { art: "bekraeft" };
  const r = await indsaetSkabelon(layout);
  return { art: "indsat", regelsaet: regelsaet.id, arknavn: layout.arknavn, erstattet: r.erstattet };
}

export function indsatTekst(u: Extract<IndsaetUdfald, { art: "indsat" }>): string {
  return `Standardskabelonen (${u.regelsaet}) er ${u.erstattet ? "indsat i stedet for det tidligere skema" : "indsat"} i arket ${u.arknavn}. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.`;
}

/** `nulstil`: what an inserted template makes stale (the result, the receipt, the last validation). */
export function startIndsaet(rude: Rude, nulstil: () => void): void {
  const knap = rude.knapIndsaet;
  const bekraeft = el("bekraeft");

  async function koer(bekraeftet: boolean): Promise<void> {
    try {
      rude.saetStatus(bekraeftet ? "Indsætter standardskabelonen …" : "Kontrollerer projektmappen …");
      const u = await indsaet(rude.register.hent(rude.ind.regelsaet), bekraeftet);
      if (u.art === "bekraeft") {
        bekraeft.hidden = false;
        bekraeft.focus();
        rude.saetStatus("Arket indeholder et udfyldt takstskema. Bekræft eller annullér.");
        return;
      }
      nulstil();
      rude.saetStatus(indsatTekst(u));
    } catch (e) {
      rude.saetStatus(`Skabelonen kunne ikke indsættes: ${fejltekst(e)}`);
    }
  }

  knap.addEventListener("click", () => void rude.travl(knap, () => koer(false)));
  el("bekraeft-ja").addEventListener("click", () => {
    bekraeft.hidden = true;
    void rude.travl(knap, async () => {
      await koer(true);
      knap.focus();
    });
  });
  el("bekraeft-nej").addEventListener("click", () => {
    bekraeft.hidden = true;
    rude.saetStatus("Indsættelsen er annulleret. Skemaet er uændret.");
    knap.focus();
  });
  bekraeft.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") el("bekraeft-nej").click();
  });
}
