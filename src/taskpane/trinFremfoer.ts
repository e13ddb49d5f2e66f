import type { RegelsaetRegister } from "../regelsaet";
import { indberetningDetaljeSchema, sidsteAarSchema } from "../kontrakt";
import { type Fremfoering, fremfoerSkema, skabelonLayout } from "../takstskema";
import { indsaetUdfyldtSkabelon, type UdfyldUdfald } from "./excel-workbook";
import { type Svar, kald } from "./mine-klient";
import { besvarBekraeftelse, el, fejltekst, type Rude } from "./rude";

/**
 * "Start fra sidste år" (product.md §5.1): this year's skema from last year's current
 * submission of the same tilbud, with the new takstår, the region's ruleset for it and last
 * year's takst per ydelse from the service. The service is asked first; the workbook is then
 * written in one batch (indsaetUdfyldtSkabelon), and a filled takstskema only after a yes.
 */

const payloadSchema = indberetningDetaljeSchema.pick({ payload: true });

export type Forberedt = Extract<Fremfoering, { ok: true }> & { sidste: { takstaar: number; nummer: string | null } };

/** Ask the service for last year's submission and build this year's values; nothing touches Excel. */
export async function forbered(
  ind: { serviceUrl: string; token: string },
  tilbud: string,
  takstaar: number,
  register: RegelsaetRegister,
  fetchFn?: typeof fetch,
): Promise<Svar<Forberedt>> {
  const q = new URLSearchParams({ tilbud, takstaar: String(takstaar) });
  const sidste = await kald(ind.serviceUrl, ind.token, `/api/v1/indberetninger/sidste-aar?${q.toString()}`, sidsteAarSchema, undefined, fetchFn);
  if (!sidste.ok) return sidste;
  const detalje = await kald(ind.serviceUrl, ind.token, `/api/v1/indberetninger/${encodeURIComponent(sidste.data.id)}`, payloadSchema, undefined, fetchFn);
  if (!detalje.ok) return detalje;
  const f = fremfoerSkema(detalje.data.payload, sidste.data.ydelser, sidste.data.takstaar, register);
  if (!f.ok) return { ok: false, besked: f.besked };
  return { ok: true, data: { ...f, sidste: { takstaar: sidste.data.takstaar, nummer: sidste.data.nummer } } };
}

/** Write the prepared skema (asking first over a filled one, unless `bekraeftet`). */
export function skriv(f: Forberedt, register: RegelsaetRegister, bekraeftet: boolean): Promise<UdfyldUdfald> {
  return indsaetUdfyldtSkabelon(skabelonLayout(register.hent(f.regelsaet)), f.vaerdier, bekraeftet);
}

export function udfyldtTekst(f: Forberedt, erstattet: boolean): string {
  const kilde = `indberetningen for ${f.sidste.takstaar}${f.sidste.nummer ? ` (${f.sidste.nummer})` : ""}`;
  return `Skemaet for ${f.takstaar} (${f.regelsaet}) er udfyldt fra ${kilde}${erstattet ? " i stedet for det tidligere skema" : ""}. Sidste års takst er hentet fra indberetningsservicen. Ret årets tal, og tryk Valider.`;
}

/** The takstår a skema is most likely prepared for: next year (budgets are made in the autumn). */
export function standardTakstaar(nu: Date): number {
  return nu.getFullYear() + 1;
}

/** `nulstil`: what a new skema makes stale (the result, the receipt, the last validation). */
export function startFremfoer(rude: Rude, nulstil: () => void): void {
  const knap = el<HTMLButtonElement>("fremfoer");
  const tilbudFelt = el<HTMLInputElement>("fremfoer-tilbud");
  const aarFelt = el<HTMLInputElement>("fremfoer-takstaar");
  const bekraeft = el("fremfoer-bekraeft");
  if (!aarFelt.value) aarFelt.value = String(standardTakstaar(new Date()));
  let ventende: Forberedt | null = null;

  async function koer(): Promise<void> {
    const tilbud = tilbudFelt.value.trim();
    const takstaar = Number(aarFelt.value);
    if (!tilbud || !Number.isInteger(takstaar) || takstaar < 2000 || takstaar > 2100) {
      rude.saetStatus("Skriv tilbuddets navn og takståret (fire cifre), før skemaet kan startes fra sidste år.");
      (tilbud ? aarFelt : tilbudFelt).focus();
      return;
    }
    try {
      rude.saetStatus(`Henter indberetningen af ${tilbud} for ${takstaar - 1} …`);
      const svar = await forbered(rude.ind, tilbud, takstaar, rude.register);
      if (!svar.ok) return rude.saetStatus(`Skemaet kan ikke startes fra sidste år. ${svar.besked}`);
      const u = await skriv(svar.data, rude.register, false);
      if (u.art === "bekraeft") {
        ventende = svar.data;
        el("fremfoer-bekraeft-tekst").textContent =
          `Arket Takstskema indeholder allerede indtastninger. Hvis du fortsætter, bliver det erstattet af skemaet for ${svar.data.takstaar} udfyldt fra sidste års indberetning, og indtastningerne går tabt.`;
        bekraeft.hidden = false;
        bekraeft.focus();
        rude.saetStatus("Arket indeholder et udfyldt takstskema. Bekræft eller annullér.");
        return;
      }
      nulstil();
      rude.saetStatus(udfyldtTekst(svar.data, u.erstattet));
    } catch (e) {
      rude.saetStatus(`Skemaet kunne ikke startes fra sidste år: ${fejltekst(e)}`);
    }
  }

  knap.addEventListener("click", () => void rude.travl(knap, koer));
  besvarBekraeftelse(bekraeft, el("fremfoer-ja"), el("fremfoer-nej"), () => {
    const f = ventende;
    ventende = null;
    if (!f) return;
    void rude.travl(knap, async () => {
      try {
        const u = await skriv(f, rude.register, true);
        nulstil();
        rude.saetStatus(udfyldtTekst(f, u.art === "indsat" && u.erstattet));
      } catch (e) {
        rude.saetStatus(`Skemaet kunne ikke startes fra sidste år: ${fejltekst(e)}`);
      }
      knap.focus();
    });
  }, () => {
    ventende = null;
    rude.saetStatus("Start fra sidste år er annulleret. Skemaet er uændret.");
    knap.focus();
  });
}
