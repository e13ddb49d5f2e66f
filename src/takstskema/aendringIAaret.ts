import type { Regelsaet } from "../regelsaet";
import { KATEGORI_HOEJT_SPECIALISERET, KATEGORI_KLYNGETILBUD } from "./felter";
import { kanoniskKategori } from "./kategori";
import { celleFor } from "./layout";
import { danskDato, kr } from "./regel";
import type { Fund, YdelseBeregnet } from "./resultat";
import { sammeYdelse } from "./sidsteAar";

const DATO = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Copenhagen" });

/** True when the skema gives no reason for an in-year change (the store checks the publication). */
export function manglerBegrundelse(vaerdier: Readonly<Record<string, unknown>>): boolean {
  const begrundelse = vaerdier.TS_AendringBegrundelse;
  return !(typeof begrundelse === "string" && begrundelse.trim() !== "");
}

/**
 * product.md §5: once a takstår is published, a new version is an in-year change of a published
 * takst and must say why (TS_AendringBegrundelse). Returns the finding (TS001: the field becomes
 * mandatory) or null when the year is unpublished or a reason is given.
 */
export function aendringIAaretFund(vaerdier: Readonly<Record<string, unknown>>, takstaar: number, offentliggjort: Date | null): Fund | null {
  if (!offentliggjort || !manglerBegrundelse(vaerdier)) return null;
  return {
    code: "TS001",
    severity: "error",
    field: "TS_AendringBegrundelse",
    cell: celleFor("TS_AendringBegrundelse"),
    message: `Taksterne for ${takstaar} blev offentliggjort ${DATO.format(offentliggjort)}. En ny version er en ændring i året og kræver en begrundelse i "Begrundelse for ændring i året".`,
  };
}

/**
 * TS131 (error, service): "Tilbud kan ikke ændre kategori i løbet af året" (004:3648). `udgivet`
 * is the kategori of the takst published for the year; both are compared as the ruleset names
 * them (its synonyms and case do not count as a change).
 */
export function ts131(r: Regelsaet | undefined, kategori: unknown, udgivet: string | null): Fund | null {
  const ny = typeof kategori === "string" && kategori.trim() !== "" ? kategori : null;
  const kanonisk = (k: string | null) => (k === null ? null : kanoniskKategori(r, k) ?? k.trim());
  if (kanonisk(ny) === kanonisk(udgivet)) return null;
  const hvad = (k: string | null) => (k === null ? "ingen kategori" : `"${kanonisk(k)}"`);
  return {
    code: "TS131",
    severity: "error",
    field: "TS_Kategori",
    cell: celleFor("TS_Kategori"),
    message: `Tilbuddet er offentliggjort med ${hvad(udgivet)} for året; skemaet angiver ${hvad(ny)}. Et tilbud kan ikke ændre kategori i løbet af året; en ny kategori gælder fra næste års takster (004:3648).`,
  };
}

const tekstAf = (v: unknown): string => (typeof v === "string" ? v.trim() : "");
const pladserI = (ydelser: readonly Pick<YdelseBeregnet, "pladser">[]): number => ydelser.reduce((s, y) => s + (y.pladser ?? 0), 0);

/** A klyngetilbud or højt specialiseret tilbud: TS133 compares its pladser with last year's. */
export function kapacitetSkalBegrundes(r: Regelsaet | undefined, vaerdier: Readonly<Record<string, unknown>>): boolean {
  const kategori = kanoniskKategori(r, tekstAf(vaerdier.TS_Kategori));
  return kategori === KATEGORI_KLYNGETILBUD || kategori === KATEGORI_HOEJT_SPECIALISERET;
}

/**
 * TS133 (warning, service): a klyngetilbud or højt specialiseret tilbud whose pladser differ from
 * last year's in the register must say why (Bilag 12, 004:4156-4171: "Driftsherre skal ved
 * takstindberetningen beskrive årsag til ændring i kapacitet"). Flag: the skema has no field of
 * its own for that reason; a begrundelse for belægning (the Kapacitet section) or for an
 * in-year change counts.
 */
export function ts133(
  r: Regelsaet | undefined,
  vaerdier: Readonly<Record<string, unknown>>,
  ydelser: readonly Pick<YdelseBeregnet, "pladser">[],
  sidsteAar: readonly Pick<YdelseBeregnet, "pladser">[] | undefined,
): Fund | null {
  const kategori = kanoniskKategori(r, tekstAf(vaerdier.TS_Kategori));
  if (!kapacitetSkalBegrundes(r, vaerdier) || !sidsteAar || sidsteAar.length === 0) return null;
  if (tekstAf(vaerdier.TS_BelaegningBegrundelse) !== "" || tekstAf(vaerdier.TS_AendringBegrundelse) !== "") return null;
  const nu = pladserI(ydelser);
  const foer = pladserI(sidsteAar);
  if (nu === foer) return null;
  return {
    code: "TS133",
    severity: "warning",
    field: "TS_Pladser",
    cell: celleFor("TS_Pladser"),
    message: `Tilbuddet har ${nu} pladser mod ${foer} sidste år. Et ${kategori === KATEGORI_KLYNGETILBUD ? "klyngetilbud" : "højt specialiseret tilbud"} skal begrunde en ændring i kapaciteten (Bilag 12): skriv årsagen og konsekvenserne i "Begrundelse for belægning".`,
  };
}

const datoAf = (v: unknown): string | null => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

/**
 * An in-year change that applies before it was decided and is not a teknisk fejl: whether the
 * service must compare its takster with the register's (TS130 whatever art the skema names).
 */
export function gaelderFoerVedtagelsen(vaerdier: Readonly<Record<string, unknown>>): boolean {
  const vedtaget = datoAf(vaerdier.TS_AendringVedtaget);
  const ikraft = datoAf(vaerdier.TS_AendringIkrafttraedelse);
  return vedtaget !== null && ikraft !== null && ikraft < vedtaget && vaerdier.TS_AendringArt !== "teknisk_fejl";
}

/**
 * TS130 judged against the register (service): a change that applies before it was decided may
 * only lower takster (004:4122-4146). `iKraft` are the takster in force the day it would apply
 * from; a ydelse above its takst there is a back-dated increase whatever art the skema names
 * (the validator already refuses the art takstforhoejelse).
 */
export function ts130Register(
  vaerdier: Readonly<Record<string, unknown>>,
  ydelser: readonly Pick<YdelseBeregnet, "navn" | "takst" | "raekke">[],
  iKraft: readonly Pick<YdelseBeregnet, "navn" | "takst">[],
): Fund | null {
  if (!gaelderFoerVedtagelsen(vaerdier) || vaerdier.TS_AendringArt === "takstforhoejelse") return null;
  const hoejere = ydelser.find((y) => {
    const foer = iKraft.find((p) => sammeYdelse(p.navn, y.navn))?.takst;
    return y.takst !== null && foer !== undefined && foer !== null && y.takst > foer;
  });
  if (!hoejere) return null;
  const foer = iKraft.find((p) => sammeYdelse(p.navn, hoejere.navn))!.takst!;
  const ikraft = vaerdier.TS_AendringIkrafttraedelse as string;
  return {
    code: "TS130",
    severity: "error",
    field: "TS_AendringIkrafttraedelse",
    cell: celleFor("TS_AendringIkrafttraedelse"),
    message: `Taksten for "${hoejere.navn}" stiger fra ${kr(foer)} til ${kr(hoejere.takst!)} fra ${danskDato(ikraft)}, før ændringen blev vedtaget ${danskDato(vaerdier.TS_AendringVedtaget as string)}. En takstforhøjelse kan tidligst gælde fra vedtagelsen (Bilag 11).`,
  };
}
