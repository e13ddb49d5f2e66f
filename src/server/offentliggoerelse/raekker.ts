import type { TakstoversigtRaekke } from "../../kontrakt";
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
      };
    });
  });
}

/** Column headings of the CSV, the .xlsx and the page, in this order. */
export const OVERSKRIFTER = [
  "Driftsherre", "Tilbud", "Tilbudsportal-ID", "Lovgrundlag", "Ydelse", "Takstenhed", "Pladser", "Belægning",
  "Takst (kr.)", "Basistakst (kr.)", "Servicetakst (kr.)", "Sidste års takst (kr.)", "Takstudvikling (reel)", "Ændret i året",
] as const;
