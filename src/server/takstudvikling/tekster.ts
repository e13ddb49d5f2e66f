import type { TakstudviklingRapport } from "../../kontrakt";

/** The report's Danish words, one place for the page and the .xlsx. */
export const GRUND: Record<TakstudviklingRapport["udeladt"][number]["grund"], string> = {
  udgaaet: "Udgået (kun i fra-året)",
  ny: "Ny (kun i til-året)",
  saerligOpmaerksomhed: "Særlig opmærksomhed (Bilag 19)",
};

export const titel = (r: Pick<TakstudviklingRapport, "fra" | "til">): string => `Takstudvikling ${r.fra}-${r.til}`;

/** What the figures are (002:2519-2533) and what they are not (002:2457-2458). */
export const forklaring = (r: Pick<TakstudviklingRapport, "fra" | "til">): string =>
  `De indmeldte takster for ${r.til} sammenlignet med de indmeldte takster for ${r.fra}. Taksterne for ${r.til} er PL-reguleret til niveauet for ${r.fra}. ` +
  "Pr. driftsherre er tallet gennemsnittet over driftsherrens takstniveauer; for regionen gennemsnittet over driftsherrerne. " +
  "Udgåede og nye takstniveauer og tilbud med særlig opmærksomhed indgår ikke. Takstudviklingen giver ikke det fulde billede: ikke alle takster kan sammenlignes 1:1.";

export const nyTakstmodelTekst = (n: TakstudviklingRapport["nyTakstmodel"][number]): string =>
  `${n.driftsherre}: ${n.tilbud} har ny takstmodel (${n.niveauerFra} takstniveauer i fra-året, ${n.niveauerTil} i til-året); niveauerne er parret på navn.`;

const PL = new Intl.NumberFormat("da-DK", { style: "percent", maximumFractionDigits: 2 });

/** "2023: 3,9 % (NORD-2023; kilde)" or why the year has no PL. */
export const plTekst = (p: TakstudviklingRapport["pl"][number]): string =>
  p.sats === null ? `${p.aar}: PL mangler – ${p.grund ?? ""}` : `${p.aar}: ${PL.format(p.sats)} (${p.regelsaet}; ${p.kilde})`;
