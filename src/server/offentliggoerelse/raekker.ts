import { type PeriodeArt, type TakstoversigtRaekke, periodeArtSchema } from "../../kontrakt";
import { sammeYdelse, sidsteAarsTakstVist, udviklingsPl, vistUdvikling, ydelserAf } from "../../takstskema";
import { INTET_OPSLAG, type RegelsaetOpslag } from "../regelsaet/opslag";
import type { OversigtRaekke } from "./sql";

export type { TakstoversigtRaekke };

const tal = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const tekst = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/**
 * Database rows → public rows; each ydelse passes the takstskema's own schema (ydelserAf).
 * `regelsaet` finds each submission's ruleset, whose plSats the takstudvikling uses (udviklingsPl).
 */
export function somTakstoversigt(rows: readonly OversigtRaekke[], regelsaet: RegelsaetOpslag = INTET_OPSLAG): TakstoversigtRaekke[] {
  return rows.flatMap((r) => {
    const ydelser = r.ydelse === null || r.ydelse === undefined ? ydelserAf(r.vaerdier, r.beregnet) : ydelserAf(null, { ydelser: [r.ydelse] });
    const v = r.vaerdier ?? {};
    const sidsteAar = r.sidste_vaerdier || r.sidste_beregnet ? ydelserAf(r.sidste_vaerdier, r.sidste_beregnet) : [];
    const { pl } = udviklingsPl(regelsaet(r.regelsaet_id, r.regelsaet_version), tal(v.TS_PLPct), tal(v.TS_Takstaar) ?? undefined);
    return ydelser.map((y) => {
      const sidste = sidsteAarsTakstVist(sidsteAar.find((f) => sammeYdelse(f.navn, y.navn))?.takst ?? null, y.sidsteAarsTakst).takst;
      return {
      driftsherre: r.driftsherre,
      tilbud: r.tilbud,
      tilbudsportalId: tekst(v.TS_TilbudsportalID),
      lovgrundlag: tekst(v.TS_Lovgrundlag),
      ydelse: y.navn,
      takstenhed: tekst(v.TS_Takstenhed),
      pladser: y.pladser,
      belaegning: y.belaegning,
      takst: y.takst,
      basistakst: y.basistakst,
      servicetakst: y.servicetakst,
        sidsteAarsTakst: sidste,
        takstudvikling: vistUdvikling(y.takst, sidste, pl)?.vaerdi ?? null,
        aendretIAaret: r.aendret_i_aaret === null ? null : (r.aendret_i_aaret instanceof Date ? r.aendret_i_aaret : new Date(r.aendret_i_aaret)).toISOString(),
        aendringBegrundelse: r.aendring_begrundelse,
        gyldigFra: r.gyldig_fra,
        gyldigTil: r.gyldig_til,
        // An art the register does not know (a skema's free text) is an in-year change all the same.
        art: periodeArtSchema.catch("aendring").parse(r.art),
        indberetningId: r.indberetning_id,
        nummer: r.nummer,
      };
    });
  });
}

/** Column headings of the CSV, the .xlsx and the page, in this order. */
export const OVERSKRIFTER = [
  "Driftsherre", "Tilbud", "Tilbudsportal-ID", "Lovgrundlag", "Ydelse", "Takstenhed", "Pladser", "Belægning",
  "Takst (kr.)", "Basistakst (kr.)", "Servicetakst (kr.)", "Sidste års takst (kr.)", "Takstudvikling (reel)",
  "Gyldig fra", "Gyldig til", "Art", "Ændret i året",
] as const;

const ART_TEKST: Record<PeriodeArt, string> = {
  offentliggjort: "Offentliggjort",
  takstforhoejelse: "Takstforhøjelse",
  takstreduktion: "Takstreduktion",
  teknisk_fejl: "Teknisk fejl",
  pladser: "Ændring af pladser",
  lukning: "Lukning",
  aendring: "Ændring i året",
  nyt_tilbud: "Nyt tilbud",
};

/** The art of a period in Danish, as every writer shows it. */
export const artTekst = (art: PeriodeArt): string => ART_TEKST[art];

/** "2027-05-01" → "01.05.2027" (the dates of the CSV and the page). */
export const periodeDato = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** True for a period replaced from its first day: it was never in force. */
export const aldrigIKraft = (r: Pick<TakstoversigtRaekke, "gyldigFra" | "gyldigTil">): boolean => r.gyldigTil !== null && r.gyldigTil < r.gyldigFra;

/** "Gyldig til" as shown: the date, "–" while open, or that it was replaced from the start. */
export const gyldigTilTekst = (r: Pick<TakstoversigtRaekke, "gyldigFra" | "gyldigTil">, aaben = ""): string =>
  r.gyldigTil === null ? aaben : aldrigIKraft(r) ? "erstattet fra start" : periodeDato(r.gyldigTil);
