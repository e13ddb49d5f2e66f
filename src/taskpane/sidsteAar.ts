import type { z } from "zod";
import { sidsteAarSchema as kontraktSidsteAar } from "../kontrakt";
import { kolonneCeller, sidsteAarsForslag, somTabel, type SidsteAarsForslag } from "../takstskema";
import { laesSkema, skrivSidsteAarsTakst } from "./excel-workbook";
import { type Svar, kald } from "./mine-klient";
import { el } from "./rude";

/**
 * Last year's takst (issue 14): the pane asks the service for last year's current submission of
 * the same tilbud, offers its takst per ydelse (matched by name) and writes the column only when
 * the user says yes, in one sync. Built with DOM nodes (text from the service never meets innerHTML).
 */

/** The contract's answer, the fields the pane shows. */
const sidsteAarSchema = kontraktSidsteAar.pick({ takstaar: true, nummer: true, ydelser: true });
export type SidsteAar = z.infer<typeof sidsteAarSchema>;

export function hentSidsteAar(serviceUrl: string, token: string, tilbud: string, takstaar: number, fetchFn?: typeof fetch): Promise<Svar<SidsteAar>> {
  const q = new URLSearchParams({ tilbud, takstaar: String(takstaar) });
  return kald(serviceUrl, token, `/api/v1/indberetninger/sidste-aar?${q.toString()}`, sidsteAarSchema, undefined, fetchFn);
}

const kr = (x: number | null) => (x === null ? "tom" : `${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 }).format(x)} kr.`);

export interface SidsteAarOptioner {
  indstillinger: () => { serviceUrl: string; token: string };
  saetStatus: (tekst: string) => void;
}

export function startSidsteAar(o: SidsteAarOptioner): void {
  const knap = el<HTMLButtonElement>("sidste-hent");
  const boks = el("sidste-forslag");
  let skrivning: { navn: "TS_Ydelser_SidsteAarsTakst" | "TS_SidsteAarsTakst"; vaerdier: unknown[] } | null = null;

  function vis(...boern: (Node | string)[]): void {
    boks.replaceChildren(...boern);
    boks.hidden = false;
  }

  knap.addEventListener("click", () => void hent());

  async function hent(): Promise<void> {
    knap.disabled = true;
    knap.setAttribute("aria-busy", "true");
    skrivning = null;
    try {
      const laest = await laesSkema();
      const skema = somTabel(laest).input;
      const tilbud = typeof skema.TS_Tilbud === "string" ? skema.TS_Tilbud.trim() : "";
      const takstaar = Number(skema.TS_Takstaar);
      if (!tilbud || !Number.isInteger(takstaar)) return vis("Udfyld tilbud og takstår, før sidste års takst kan hentes.");
      const { serviceUrl, token } = o.indstillinger();
      const svar = await hentSidsteAar(serviceUrl, token, tilbud, takstaar);
      if (!svar.ok) return vis(svar.besked);
      const nu = kolonneCeller(skema.TS_Ydelser_SidsteAarsTakst);
      const forslag = sidsteAarsForslag(kolonneCeller(skema.TS_Ydelser_Navn), nu, svar.data.ydelser);
      const med = forslag.filter((f) => f.ny !== null);
      if (med.length === 0) return vis(`Ingen af skemaets ydelser findes i indberetningen for ${svar.data.takstaar}.`);
      // An older workbook has the single name only; write to the name the workbook has.
      const navn = "TS_Ydelser_SidsteAarsTakst" in laest ? "TS_Ydelser_SidsteAarsTakst" : "TS_SidsteAarsTakst";
      const vaerdier = nu.map((v, i) => forslag.find((f) => f.raekke === i && f.ny !== null)?.ny ?? v);
      skrivning = { navn, vaerdier };
      visForslag(forslag, svar.data);
    } catch (e) {
      vis(`Sidste års takst kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      knap.disabled = false;
      knap.removeAttribute("aria-busy");
    }
  }

  function visForslag(forslag: SidsteAarsForslag[], s: SidsteAar): void {
    const liste = document.createElement("ul");
    liste.id = "sidste-liste";
    for (const f of forslag) {
      const li = document.createElement("li");
      li.textContent = f.ny === null ? `${f.navn}: ingen takst i ${s.takstaar} (uændret)` : `${f.navn}: ${kr(f.ny)} (nu ${kr(f.nu)})`;
      liste.append(li);
    }
    const spoerg = document.createElement("p");
    spoerg.textContent = `Indberetningen for ${s.takstaar}${s.nummer ? ` (${s.nummer})` : ""} har disse takster. Skal de skrives i kolonnen Sidste års takst?`;
    const ja = document.createElement("button");
    ja.type = "button";
    ja.id = "sidste-ja";
    ja.className = "knap primaer";
    ja.textContent = "Udfyld sidste års takst";
    const nej = document.createElement("button");
    nej.type = "button";
    nej.id = "sidste-nej";
    nej.className = "knap";
    nej.textContent = "Nej tak";
    const knapper = document.createElement("div");
    knapper.className = "knapper";
    knapper.append(ja, nej);
    ja.addEventListener("click", () => void skriv(ja));
    nej.addEventListener("click", () => {
      skrivning = null;
      boks.hidden = true;
      o.saetStatus("Sidste års takst blev ikke ændret.");
    });
    vis(spoerg, liste, knapper);
    ja.focus();
  }

  async function skriv(ja: HTMLButtonElement): Promise<void> {
    if (!skrivning) return;
    ja.disabled = true;
    ja.setAttribute("aria-busy", "true");
    try {
      await skrivSidsteAarsTakst(skrivning.navn, skrivning.vaerdier);
      skrivning = null;
      boks.hidden = true;
      o.saetStatus("Sidste års takst er udfyldt fra sidste års indberetning. Valider skemaet igen.");
    } catch (e) {
      vis(`Sidste års takst kunne ikke skrives: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      ja.removeAttribute("aria-busy");
    }
  }
}
