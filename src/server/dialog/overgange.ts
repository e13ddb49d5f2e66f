import type { Rolle } from "../tokens";
import type { Sagsstatus } from "./typer";

export type Afvisning = { kode: 400 | 403 | 409; fejl: string };

/**
 * Who may move a submission to which status (product.md §5): the secretariat approves
 * (godkendt) or asks (i_dialog, with the question as remark); the municipality withdraws its
 * own (tilbagetrukket, with a reason). Only the current version changes status, and a
 * withdrawn submission stays withdrawn (a new submission is a new version).
 */
/**
 * The shortest begrundelse for withdrawing a takst in the register (published): it ends a takst
 * the public takstoversigt shows, so "x" or "fejl" says too little; ten characters is a short
 * sentence ("Tilbuddet lukker"), counted without surrounding and repeated spaces.
 */
export const MIN_BEGRUNDELSE_OFFENTLIGGJORT = 10;

export function kanSkifte(rolle: Rolle, fra: Sagsstatus, til: Sagsstatus, erAktuel: boolean, bemaerkning: string, offentliggjort = false): Afvisning | null {
  const tilladt: readonly Sagsstatus[] = rolle === "sekretariat" ? ["godkendt", "i_dialog"] : ["tilbagetrukket"];
  if (!tilladt.includes(til)) {
    return {
      kode: 403,
      fejl: rolle === "sekretariat" ? "Sekretariatet kan godkende eller stille spørgsmål (i_dialog); kun kommunen kan trække tilbage." : "En kommune kan kun trække sin egen indberetning tilbage.",
    };
  }
  if (til === "tilbagetrukket" && !bemaerkning) return { kode: 400, fejl: "Skriv en begrundelse for tilbagetrækningen (bemaerkning)." };
  if (til === "i_dialog" && !bemaerkning) return { kode: 400, fejl: "Skriv spørgsmålet til kommunen (bemaerkning)." };
  if (!erAktuel) return { kode: 409, fejl: "Kun den aktuelle (nyeste) version kan skifte status." };
  if (fra === "tilbagetrukket") return { kode: 409, fejl: "Indberetningen er trukket tilbage. Indsend skemaet igen for at oprette en ny version." };
  if (fra === til) return { kode: 409, fejl: `Indberetningen har allerede status ${til}.` };
  if (til === "tilbagetrukket" && offentliggjort && bemaerkning.replace(/\s+/g, " ").trim().length < MIN_BEGRUNDELSE_OFFENTLIGGJORT) {
    return { kode: 400, fejl: `Taksten er offentliggjort: skriv en begrundelse på mindst ${MIN_BEGRUNDELSE_OFFENTLIGGJORT} tegn for tilbagetrækningen (bemaerkning), fx "Tilbuddet lukker 1. maj". Takstoversigten viser taksten som ophørt i dag.` };
  }
  return null;
}
