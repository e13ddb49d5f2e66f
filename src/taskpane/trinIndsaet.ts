import type { Regelsaet } from "../regelsaet";
import { skabelonLayout, type Skematype } from "../takstskema";
import { ST_ARKNAVN } from "../tilsynsskema";
import { harArk, harUdfyldtSkema, indsaetSkabelon } from "./excel-workbook";
import { el, fejltekst, type Rude } from "./rude";
import { indsaetTilsynsskema, tilsynsRegelsaetIds } from "./tilsynsskema";

/**
 * Step 1: insert the standard template of the saved ruleset (a budget skema, or the regnskabsskema
 * of product.md §2 when the user chose it), or (for a socialtilsyn) the
 * tilsynsskema of the chosen TILSYN- ruleset; a filled skema is replaced only when confirmed.
 */

export type IndsaetUdfald = { art: "bekraeft" } | { art: "indsat"; regelsaet: string; arknavn: string; erstattet: boolean; skematype?: Skematype };

/** Without `bekraeftet`, a workbook with a filled skema is left alone and the answer asks first. */
export async function indsaet(regelsaet: Regelsaet, bekraeftet: boolean, skematype: Skematype = "budget"): Promise<IndsaetUdfald> {
  const layout = skabelonLayout(regelsaet, skematype);
  if (!bekraeftet && (await harUdfyldtSkema(layout))) return { art: "bekraeft" };
  const r = await indsaetSkabelon(layout);
  return { art: "indsat", regelsaet: regelsaet.id, arknavn: layout.arknavn, erstattet: r.erstattet, skematype };
}

/**
 * The tilsynsskema: any existing Tilsynsskema sheet counts as filled (its ST_ fields are not
 * the takstskema's, so the takstskema's reader cannot tell), so the pane asks before replacing it.
 */
export async function indsaetTilsyn(regelsaetId: string, bekraeftet: boolean): Promise<IndsaetUdfald> {
  if (!bekraeftet && (await harArk(ST_ARKNAVN))) return { art: "bekraeft" };
  const r = await indsaetTilsynsskema(regelsaetId);
  return { art: "indsat", regelsaet: regelsaetId.trim().toUpperCase(), arknavn: ST_ARKNAVN, erstattet: r.erstattet };
}

export function indsatTekst(u: Extract<IndsaetUdfald, { art: "indsat" }>): string {
  const hvad = u.arknavn === ST_ARKNAVN ? "Tilsynsskemaet" : u.skematype === "regnskab" ? "Regnskabsskemaet" : "Standardskabelonen";
  return `${hvad} (${u.regelsaet}) er ${u.erstattet ? "indsat i stedet for det tidligere skema" : "indsat"} i arket ${u.arknavn}. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.`;
}

type Skema = "takst" | "tilsyn";

const BEKRAEFT: Record<Skema, { titel: string; tekst: string; status: string }> = {
  takst: {
    titel: "Erstat det udfyldte skema?",
    tekst: "Arket Takstskema indeholder allerede indtastninger. Hvis du fortsætter, bliver arket erstattet af en tom skabelon, og indtastningerne går tabt.",
    status: "Arket indeholder et udfyldt takstskema. Bekræft eller annullér.",
  },
  tilsyn: {
    titel: "Erstat tilsynsskemaet?",
    tekst: "Projektmappen har allerede arket Tilsynsskema. Hvis du fortsætter, bliver arket erstattet af et tomt tilsynsskema, og eventuelle indtastninger går tabt.",
    status: "Projektmappen har allerede et tilsynsskema. Bekræft eller annullér.",
  },
};

/** `nulstil`: what an inserted template makes stale (the result, the receipt, the last validation). */
export function startIndsaet(rude: Rude, nulstil: () => void): void {
  const bekraeft = el("bekraeft");
  const tilsynValg = el<HTMLSelectElement>("tilsyn-regelsaet");
  tilsynValg.replaceChildren(...tilsynsRegelsaetIds().map((id) => Object.assign(document.createElement("option"), { value: id, textContent: id })));
  // The newest year first is what a socialtilsyn most likely fills in.
  tilsynValg.value = [...tilsynsRegelsaetIds()].sort((a, b) => Number(b.slice(-4)) - Number(a.slice(-4)))[0] ?? "";
  let ventende: Skema = "takst";
  const skematype = (): Skematype => (el<HTMLInputElement>("skematype-regnskab").checked ? "regnskab" : "budget");

  const knap = (s: Skema) => (s === "takst" ? rude.knapIndsaet : rude.knapIndsaetTilsyn);

  async function koer(s: Skema, bekraeftet: boolean): Promise<void> {
    try {
      rude.saetStatus(bekraeftet ? (s === "takst" ? "Indsætter skabelonen …" : "Indsætter tilsynsskemaet …") : "Kontrollerer projektmappen …");
      const u = s === "takst" ? await indsaet(rude.register.hent(rude.ind.regelsaet), bekraeftet, skematype()) : await indsaetTilsyn(tilsynValg.value, bekraeftet);
      if (u.art === "bekraeft") {
        ventende = s;
        el("bekraeft-titel").textContent = BEKRAEFT[s].titel;
        el("bekraeft-tekst").textContent = BEKRAEFT[s].tekst;
        bekraeft.hidden = false;
        bekraeft.focus();
        rude.saetStatus(BEKRAEFT[s].status);
        return;
      }
      if (s === "takst") nulstil();
      rude.saetStatus(indsatTekst(u));
    } catch (e) {
      rude.saetStatus(`${s === "takst" ? "Skabelonen" : "Tilsynsskemaet"} kunne ikke indsættes: ${fejltekst(e)}`);
    }
  }

  for (const s of ["takst", "tilsyn"] as const) knap(s).addEventListener("click", () => void rude.travl(knap(s), () => koer(s, false)));
  el("bekraeft-ja").addEventListener("click", () => {
    bekraeft.hidden = true;
    const s = ventende;
    void rude.travl(knap(s), async () => {
      await koer(s, true);
      knap(s).focus();
    });
  });
  el("bekraeft-nej").addEventListener("click", () => {
    bekraeft.hidden = true;
    rude.saetStatus("Indsættelsen er annulleret. Skemaet er uændret.");
    knap(ventende).focus();
  });
  bekraeft.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") el("bekraeft-nej").click();
  });
}
