import type { RegelsaetRegister } from "../regelsaet";
import { skematypeAf, type TekstTal, validerRegnskab, validerSkema, type Valideringsresultat } from "../takstskema";
import { laesSkema, skrivTal } from "./excel-workbook";
import type { FundVisning } from "./fundVisning";
import { visBenchmark } from "./benchmark";
import { el, fejltekst, type Rude } from "./rude";
import { kortCelle, resume, takstLinje } from "./visning";

/** Step 2: read the workbook (never write it) and validate; numbers stored as text can be fixed in one click. */

export type ValiderUdfald = { art: "tomt" } | { art: "valideret"; skema: Record<string, unknown>; v: Valideringsresultat; takst?: string };

/**
 * Read the skema and validate it as a workbook's cells (a number stored as text where formulas
 * compute is TS002); a regnskabsskema (TS_Skematype "regnskab") by its own validator, as the CLI and the service do.
 */
export async function valider(register: RegelsaetRegister): Promise<ValiderUdfald> {
  const skema = await laesSkema();
  if (Object.keys(skema).length === 0) return { art: "tomt" };
  const v = (skematypeAf(skema) === "regnskab" ? validerRegnskab : validerSkema)(skema, { register, projektmappe: true });
  return { art: "valideret", skema, v, takst: takstLinje(v.vaerdier as Record<string, unknown>, v.beregnet) };
}

/** Turn the cells into the numbers they say, in one sync; the Danish status line. */
export async function retTekstTal(tekstTal: readonly TekstTal[]): Promise<string> {
  await skrivTal(tekstTal);
  const celler = tekstTal.map((t) => kortCelle(t.celle)).join(", ");
  return `${tekstTal.length === 1 ? "Cellen" : `De ${tekstTal.length} celler`} ${celler} er lavet om til tal. Tryk Valider for at kontrollere skemaet igen.`;
}

export interface ValiderTrin {
  /** Validate and show the result; undefined when the workbook has no skema. */
  validerNu(): Promise<Extract<ValiderUdfald, { art: "valideret" }> | undefined>;
}

export function startValider(rude: Rude, visning: FundVisning, resultat: HTMLElement): ValiderTrin {
  /** The offer to turn numbers stored as text into numbers (TS002). */
  function tekstTalRet(tekstTal: readonly TekstTal[]): HTMLElement {
    const boks = document.createElement("div");
    boks.className = "besked info";
    boks.id = "tekst-til-tal";
    const p = document.createElement("p");
    const celler = tekstTal.map((t) => `${kortCelle(t.celle)} ("${t.tekst}")`).join(", ");
    p.textContent = `${tekstTal.length === 1 ? "Én celle" : `${tekstTal.length} celler`} har et tal skrevet som tekst: ${celler}. Arkets formler kan ikke regne med dem.`;
    const knap = document.createElement("button");
    knap.type = "button";
    knap.className = "knap primaer";
    knap.id = "tekst-til-tal-knap";
    knap.textContent = tekstTal.length === 1 ? "Lav cellen om til et tal" : `Lav de ${tekstTal.length} celler om til tal`;
    knap.addEventListener("click", () => {
      void rude.travl(knap, async () => {
        try {
          const besked = await retTekstTal(tekstTal);
          rude.senesteOk = false;
          resultat.hidden = true;
          rude.saetStatus(besked);
          rude.knapValider.focus();
        } catch (e) {
          rude.saetStatus(`Cellerne kunne ikke laves om til tal: ${fejltekst(e)}`);
        }
      });
    });
    boks.append(p, knap);
    return boks;
  }

  async function validerNu(): Promise<Extract<ValiderUdfald, { art: "valideret" }> | undefined> {
    const u = await valider(rude.register);
    if (u.art === "tomt") {
      rude.senesteOk = false;
      resultat.hidden = true;
      rude.saetStatus("Projektmappen har intet takstskema. Tryk først Indsæt standardskabelon.");
      return undefined;
    }
    rude.senesteOk = u.v.ok;
    const tekstTal = u.v.tekstTal ?? [];
    visning.visFund(u.v.findings, { takst: u.takst, sprunget: u.v.skipped.map((s) => s.message), tillaeg: tekstTal.length > 0 ? tekstTalRet(tekstTal) : undefined });
    return u;
  }

  rude.knapValider.addEventListener("click", () => {
    void rude.travl(rude.knapValider, async () => {
      try {
        rude.saetStatus("Validerer …");
        const u = await validerNu();
        if (u) {
          rude.saetStatus(`Validering færdig: ${resume(u.v.findings)}`);
          resultat.focus();
          // Where the takster would stand among this year's comparable tilbud: after the status, never blocking it.
          // A regnskab's takster are last year's published ones: nothing to compare.
          if (u.v.ok && skematypeAf(u.skema) === "budget") void visBenchmark(el("benchmark"), rude.ind, u.v.vaerdier as Record<string, unknown>, u.v.beregnet?.ydelser ?? []).catch(() => undefined);
          else el("benchmark").hidden = true;
        }
      } catch (e) {
        rude.senesteOk = false;
        rude.saetStatus(`Skemaet kunne ikke læses: ${fejltekst(e)}`);
      }
    });
  });
  return { validerNu };
}
