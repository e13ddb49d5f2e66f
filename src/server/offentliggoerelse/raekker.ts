import type { TakstoversigtRaekke } from "../../kontrakt";
import { ydelserAf } from "../../takstskema";
import type { OversigtRaekke } from "./sql";

export type { TakstoversigtRaekke };

const tekst = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** Database rows → public rows; each ydelse passes the takstskema's own schema (ydelserAf). */
export function somTakstoversigt(rows: readonly OversigtRaekke[]): TakstoversigtRaekke[] {
  return rows.flatMap((r) => {
    const ydelser = r.ydelse === null || r.ydelse === undefined ? ydelserAf(r.vaerdier, r.beregnet) : ydelserAf(null, { ydelser: [r.ydelse] });
    const v = r.vaerdier ?? {};
    return ydelser.map((y) => ({
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
      sidsteAarsTakst: y.sidsteAarsTakst,
      takstudvikling: y.takstudvikling,
      aendretIAaret: r.aendret_i_aaret === null ? null : (r.aendret_i_aaret instanceof Date ? r.aendret_i_aaret : new Date(r.aendret_i_aaret)).toISOString(),
      aendringBegrundelse: r.aendring_begrundelse,
    }));
  });
}

/** Column headings of the CSV, the .xlsx and the page, in this order. */
export const OVERSKRIFTER = [
  "Driftsherre", "Tilbud", "Tilbudsportal-ID", "Lovgrundlag", "Ydelse", "Takstenhed", "Pladser", "Belægning",
  "Takst (kr.)", "Basistakst (kr.)", "Servicetakst (kr.)", "Sidste års takst (kr.)", "Takstudvikling (reel)", "Ændret i året",
] as const;
