import { felt } from "../takstskema/felter";
import { ydelserAf } from "../takstskema/ydelser";

/**
 * Pure text for the pane (Danish, da-DK numbers), kept apart from the DOM so it can be tested
 * without a browser.
 */
export interface VistFund {
  code: string;
  severity: string;
  field?: string;
  cell?: string;
  message: string;
}

const talFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });
const kronerFormat = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });

export function tal(x: number): string {
  return talFormat.format(x);
}

export function kroner(x: number): string {
  return `${kronerFormat.format(x)} kr.`;
}

function flertal(n: number, ental: string, flere: string): string {
  return `${tal(n)} ${n === 1 ? ental : flere}`;
}

export function grupper<T extends VistFund>(fund: readonly T[]): { fejl: T[]; advarsler: T[] } {
  return { fejl: fund.filter((f) => f.severity === "error"), advarsler: fund.filter((f) => f.severity !== "error") };
}

export function resume(fund: readonly VistFund[]): string {
  const { fejl, advarsler } = grupper(fund);
  if (fejl.length === 0 && advarsler.length === 0) return "Ingen fejl og ingen advarsler. Skemaet kan indsendes.";
  if (fejl.length === 0) return `Ingen fejl, ${flertal(advarsler.length, "advarsel", "advarsler")}. Skemaet kan indsendes.`;
  const a = advarsler.length ? ` og ${flertal(advarsler.length, "advarsel", "advarsler")}` : "";
  return `${flertal(fejl.length, "fejl", "fejl")}${a}. Ret fejlene, før skemaet kan indsendes.`;
}

/** "D27" from "Takstskema!D27". */
export function kortCelle(celle: string | undefined): string {
  if (!celle) return "";
  return celle.slice(celle.lastIndexOf("!") + 1);
}

/** The field's Danish label, or the defined name when unknown. */
export function etiket(navn: string | undefined): string {
  if (!navn) return "";
  return felt(navn)?.etiket ?? navn;
}

/** Where a finding is, as its button shows it: "Pladser · D40". */
export function fundHvor(f: VistFund): string {
  return [etiket(f.field), kortCelle(f.cell)].filter(Boolean).join(" · ");
}

/** The severity a finding button says to a screen reader before its visible text. */
export function alvorTekst(f: VistFund): string {
  return f.severity === "error" ? "Fejl" : "Advarsel";
}

export function tidspunkt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(d);
}

/**
 * "Beregnet takst: 1.234 kr. pr. døgn" when the validator computed one; with several ydelser
 * one part per ydelse ("Gruppe A 1.484 kr., Gruppe B 1.927 kr. pr. døgn").
 */
export function takstLinje(vaerdier: Record<string, unknown>, beregnet: unknown): string | undefined {
  const med = ydelserAf(vaerdier, beregnet).filter((y) => y.takst !== null);
  if (med.length === 0) return undefined;
  const enhed = typeof vaerdier.TS_Takstenhed === "string" && vaerdier.TS_Takstenhed ? ` pr. ${vaerdier.TS_Takstenhed}` : "";
  if (med.length === 1) return `Beregnet takst: ${kroner(med[0]!.takst!)}${enhed}`;
  return `Beregnede takster: ${med.map((y) => `${y.navn || `række ${y.raekke + 1}`} ${kroner(y.takst!)}`).join(", ")}${enhed}`;
}
