import { z } from "zod";
import { BELOEB_GRAENSE, FELTER, type FeltDefinition, type FeltNavn, YDELSE_KOLONNER, YDELSE_RAEKKER } from "./felter";
import { smaaDansk } from "./smaa";
import { harUgyldigeTegn } from "./tegn";

/**
 * Reading one cell value as Excel (Office.js), ExcelJS or JSON gives it, into the field's
 * type. Danish text is parsed only when it is unambiguous; anything that could become a
 * wrong number ("1.5", "1,234") is refused with a Danish reason, which becomes TS002.
 */

export const EXCEL_FEJL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|BUSY!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

export type Raa =
  | { slags: "tom" }
  | { slags: "fejl"; fejl: string }
  | { slags: "tal"; tal: number }
  | { slags: "tekst"; tekst: string }
  | { slags: "bool"; bool: boolean }
  | { slags: "dato"; dato: Date };

/** Unwrap ExcelJS cell values (formula results, rich text, hyperlinks, error objects). */
export function udpak(v: unknown, dybde = 0): Raa {
  if (v === null || v === undefined) return { slags: "tom" };
  if (typeof v === "number") return Number.isFinite(v) ? { slags: "tal", tal: v } : { slags: "fejl", fejl: "#NUM!" };
  if (typeof v === "string") {
    const t = v.replace(/\u00a0/g, " ").trim();
    if (t === "") return { slags: "tom" };
    if (EXCEL_FEJL.test(t)) return { slags: "fejl", fejl: t.toUpperCase() };
    return { slags: "tekst", tekst: t };
  }
  if (typeof v === "boolean") return { slags: "bool", bool: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { slags: "fejl", fejl: "#VALUE!" } : { slags: "dato", dato: v };
  if (typeof v === "object" && dybde < 3) {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { slags: "fejl", fejl: o.error };
    if ("formula" in o || "sharedFormula" in o || "result" in o) return udpak(o.result, dybde + 1);
    if (Array.isArray(o.richText)) {
      return udpak(o.richText.map((r) => (r && typeof r === "object" && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : "")).join(""), dybde + 1);
    }
    if ("text" in o) return udpak(o.text, dybde + 1);
  }
  return { slags: "fejl", fejl: "ukendt værdi" };
}

/**
 * Length caps applied before any pattern runs, so hostile text costs linear time: no Danish
 * number needs more than 64 characters, an e-mail address has at most 254 (RFC 5321), and an
 * Excel cell holds at most 32.767.
 */
export const MAKS_TALTEKST = 64;
export const MAKS_EMAIL = 254;
export const MAKS_CELLETEKST = 32_767;

/** The start of a long text, for messages that quote it. */
function kortTekst(t: string): string {
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/** local@domain.tld without whitespace, checked without a backtracking pattern. */
export function erEmail(t: string): boolean {
  if (t.length > MAKS_EMAIL || /\s/.test(t)) return false;
  const at = t.indexOf("@");
  if (at < 1 || at !== t.lastIndexOf("@")) return false;
  const domaene = t.slice(at + 1);
  // A dot with at least one character on either side.
  return domaene.length >= 3 && domaene.slice(1, -1).includes(".");
}

export type Parset<T> = { ok: true; vaerdi: T | undefined } | { ok: false; besked: string };

/**
 * Danish number text: "1.234.567,50", "1 234 567,50", "-12,5", "1234", "1.234.567 kr.".
 * Refused as ambiguous: a single dot ("1.5", "1.234") and a comma followed by exactly three
 * digits after 1-3 digits ("1,234"), because an English reader means something else.
 */
export function parseDanskTal(tekst: string): number | string {
  if (tekst.length > MAKS_TALTEKST) return `"${kortTekst(tekst)}" er ikke et tal (mere end ${MAKS_TALTEKST} tegn)`;
  let t = tekst.replace(/[\u00a0\u202f]/g, " ").trim().replace(/^−/, "-");
  // The unit is removed before trimming: a leading \s* in the pattern would be quadratic.
  t = t.replace(/(?:kr\.?|dkk)$/i, "").trim();
  const negativ = t.startsWith("-");
  if (negativ) t = t.slice(1).trim();
  let norm: string | undefined;
  if (/^\d+$/.test(t)) norm = t;
  else if (/^\d{1,3}( \d{3})+(,\d+)?$/.test(t)) norm = t.replace(/ /g, "").replace(",", ".");
  else if (/^\d{1,3}(\.\d{3}){2,}(,\d+)?$/.test(t) || /^\d{1,3}\.\d{3},\d+$/.test(t)) norm = t.replace(/\./g, "").replace(",", ".");
  else if (/^\d+,\d+$/.test(t)) {
    if (/^[1-9]\d{0,2},\d{3}$/.test(t)) return `"${tekst}" er tvetydigt (1,234 kan læses som tusinde eller som decimal). Skriv tallet uden tusindtalsseparator, fx 1234 eller 1,2340`;
    norm = t.replace(",", ".");
  } else if (/^\d+\.\d+$/.test(t)) {
    return `"${tekst}" er tvetydigt: punktum er tusindtalsseparator på dansk og decimaltegn på engelsk. Brug komma som decimaltegn (fx 1,5) eller skriv tallet uden separator`;
  } else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    return `"${tekst}" ligner et engelsk talformat. Brug dansk format (fx 1.234.567,50) eller skriv tallet uden separator`;
  }
  if (norm === undefined) return `"${tekst}" er ikke et tal`;
  const n = Number(norm);
  if (!Number.isFinite(n)) return `"${tekst}" er ikke et tal`;
  return negativ ? -n : n;
}

const TYPE_NAVN: Record<FeltDefinition["type"], string> = {
  tekst: "tekst",
  valg: "en værdi fra listen",
  email: "en e-mailadresse",
  heltal: "et helt tal",
  tal: "et tal",
  beloeb: "et beløb i kroner",
  procent: "en procentsats",
  dato: "en dato",
};

/** Each choice list in lower case, built once per list (toLocaleLowerCase is an ICU call). */
const SMAA_VALG = new WeakMap<readonly string[], readonly string[]>();
function smaaValg(valg: readonly string[]): readonly string[] {
  let smaa = SMAA_VALG.get(valg);
  if (!smaa) SMAA_VALG.set(valg, (smaa = valg.map((v) => v.toLocaleLowerCase("da-DK"))));
  return smaa;
}

/** A text, choice or e-mail field's value. */
function parseTekst(def: Pick<FeltDefinition, "type" | "valg">, tekst: string): Parset<string> {
  if (tekst.length > MAKS_CELLETEKST) return { ok: false, besked: `teksten er længere end ${MAKS_CELLETEKST.toLocaleString("da-DK")} tegn` };
  if (harUgyldigeTegn(tekst)) return { ok: false, besked: "teksten indeholder et kontroltegn eller et ugyldigt tegn, som ikke kan gemmes i en projektmappe" };
  if (def.type === "email" && !erEmail(tekst)) return { ok: false, besked: `"${kortTekst(tekst)}" er ikke en gyldig e-mailadresse` };
  if (def.type === "valg" && def.valg) {
    // List choices are case-insensitive ("Døgn" is "døgn"); the list's own spelling is kept.
    const smaa = smaaDansk(tekst);
    const i = smaaValg(def.valg).indexOf(smaa);
    const valgt = i < 0 ? undefined : def.valg[i];
    if (valgt === undefined) return { ok: false, besked: `"${kortTekst(tekst)}" er ikke en af de tilladte værdier: ${def.valg.join(", ")}` };
    return { ok: true, vaerdi: valgt };
  }
  return { ok: true, vaerdi: tekst };
}

const ISO_DATO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Danish day-month-year: 1.5.2027, 01-05-2027, 1/5/2027. */
const DANSK_DATO = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/;
/** Excel's serial day 25569 is 1 January 1970 (the 1900 date system, past its 1900 leap-year bug). */
const EXCEL_1970 = 25569;
const DAG_MS = 86_400_000;

function isoDato(aar: number, maaned: number, dag: number): string | undefined {
  const d = new Date(Date.UTC(aar, maaned - 1, dag));
  if (d.getUTCFullYear() !== aar || d.getUTCMonth() !== maaned - 1 || d.getUTCDate() !== dag || aar < 1900 || aar > 2200) return undefined;
  return d.toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → Excel's serial day (what a date cell holds; its number format shows the date). */
export function excelDag(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAG_MS + EXCEL_1970;
}

/**
 * A date as "YYYY-MM-DD": an Excel date (a serial number from Office.js, a Date from ExcelJS,
 * whose date cells are midnight UTC), ISO text or Danish day-month-year text. 1.5.2027 is 1 May.
 */
export function parseDato(r: Raa): Parset<string> {
  const forkert = (hvad: string): Parset<string> => ({ ok: false, besked: `${hvad} er ikke en dato (skriv fx 01-05-2027)` });
  switch (r.slags) {
    case "tom":
      return { ok: true, vaerdi: undefined };
    case "fejl":
      return { ok: false, besked: `cellen indeholder fejlværdien ${r.fejl}, forventet en dato` };
    case "bool":
      return forkert(r.bool ? "SAND" : "FALSK");
    case "dato":
      return { ok: true, vaerdi: r.dato.toISOString().slice(0, 10) };
    case "tal": {
      if (!Number.isInteger(r.tal) || r.tal < 61 || r.tal > 110_000) return forkert(String(r.tal));
      return { ok: true, vaerdi: new Date((r.tal - EXCEL_1970) * DAG_MS).toISOString().slice(0, 10) };
    }
    case "tekst": {
      const t = r.tekst.length > MAKS_TALTEKST ? "" : r.tekst.trim();
      const iso = ISO_DATO.exec(t);
      const dk = iso ? undefined : DANSK_DATO.exec(t);
      const dato = iso ? isoDato(+iso[1]!, +iso[2]!, +iso[3]!) : dk ? isoDato(+dk[3]!, +dk[2]!, +dk[1]!) : undefined;
      return dato ? { ok: true, vaerdi: dato } : forkert(`"${kortTekst(r.tekst)}"`);
    }
  }
}

const DKK_GRAENSE = new Intl.NumberFormat("da-DK").format(BELOEB_GRAENSE);

/** Parse one value into the field's type. Empty is `{ ok: true, vaerdi: undefined }`. */
export function parseFelt(def: Pick<FeltDefinition, "type" | "valg" | "interval">, v: unknown): Parset<string | number> {
  const r = udpak(v);
  const forventet = TYPE_NAVN[def.type];
  if (def.type === "dato") return parseDato(r);
  switch (r.slags) {
    case "tom":
      return { ok: true, vaerdi: undefined };
    case "fejl":
      return { ok: false, besked: `cellen indeholder fejlværdien ${r.fejl}, forventet ${forventet}` };
    case "bool":
      return { ok: false, besked: `cellen indeholder ${r.bool ? "SAND" : "FALSK"}, forventet ${forventet}` };
    case "dato":
      return { ok: false, besked: `cellen indeholder en dato, forventet ${forventet}` };
  }
  if (def.type === "tekst" || def.type === "valg" || def.type === "email") return parseTekst(def, r.slags === "tal" ? String(r.tal) : r.tekst);
  let tal: number;
  if (r.slags === "tal") tal = r.tal;
  else {
    let tekst = r.tekst;
    let procent = false;
    if (def.type === "procent" && tekst.endsWith("%")) {
      procent = true;
      tekst = tekst.slice(0, -1).trimEnd();
    }
    // Kroner have no decimals to confuse: "900.000" in an amount field is 900.000 kr.
    const p = def.type === "beloeb" && /^-?\d{1,3}\.\d{3}(\s*kr\.?)?$/i.test(tekst) ? parseDanskTal(tekst.replace(".", "").replace(/\s*kr\.?$/i, "")) : parseDanskTal(tekst);
    if (typeof p === "string") return { ok: false, besked: `${p} (forventet ${forventet})` };
    // "95 %" is 0.95; "95" in a percent field stays 95 so the range check catches it.
    tal = procent ? Number((p / 100).toPrecision(15)) : p;
  }
  if (def.type === "heltal" && !Number.isInteger(tal)) return { ok: false, besked: `${tal} er ikke et helt tal` };
  if (def.type === "beloeb" && !(Math.abs(tal) <= BELOEB_GRAENSE)) return { ok: false, besked: `beløbet er over ${DKK_GRAENSE} kr. (eller under minus det); kontrollér tallet` };
  if (def.interval && (tal < def.interval.min || tal > def.interval.max)) {
    return { ok: false, besked: `${tal} ligger uden for ${def.interval.min}-${def.interval.max}` };
  }
  return { ok: true, vaerdi: tal };
}

/** The zod schema of one field: raw cell value in, typed value out, Danish issue on failure. */
export function feltSchema(def: FeltDefinition) {
  return z.unknown().transform((v, ctx): string | number | undefined => {
    const p = parseFelt(def, v);
    if (!p.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: p.besked });
      return z.NEVER;
    }
    return p.vaerdi;
  });
}

type VaerdiType<T extends FeltDefinition["type"]> = T extends "tekst" | "valg" | "email" | "dato" ? string : number;

/**
 * Parsed skema: each field's typed value (undefined when empty); each Ydelser column an array
 * of its 10 rows (null for an empty cell or one that could not be read).
 */
export type Skema = { [F in (typeof FELTER)[number] as F["navn"]]: VaerdiType<F["type"]> | undefined } & {
  [K in (typeof YDELSE_KOLONNER)[number] as K["navn"]]: (VaerdiType<K["type"]> | null)[];
};

/**
 * The record of defined name → raw cell value, parsed field by field. Unknown keys are
 * ignored. `safeParse` gives one issue per bad field with `path: [navn]`.
 */
export const takstskemaSchema = z
  .object(Object.fromEntries(FELTER.map((f) => [f.navn, feltSchema(f)])) as Record<FeltNavn, ReturnType<typeof feltSchema>>)
  .passthrough()
  .transform((o) => o as unknown as Partial<Skema>);

export const SKALAR_BESKED = "Værdien skal være tal, tekst, sand/falsk eller tom (en kolonne i Ydelser: en liste med højst 10 af dem)";
const erSkalar = (v: unknown): v is number | string | boolean | null =>
  v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
/** Every element a scalar; a hole is not one (every() would skip it, and a stored hole reads back as null). */
function alleSkalarer(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (!erSkalar(a[i])) return false;
  return true;
}
type JsonVaerdi = number | string | boolean | null | (number | string | boolean | null)[];

/**
 * The JSON body the server receives: TS_ name → number | string | boolean | null; a Ydelser
 * column (TS_Ydelser_…) is an array of up to 10 such scalars, one per row (null = empty). One
 * check per value instead of a union, which built (and threw away) an issue for every branch
 * that did not match: a tenth of a submission's CPU in the service's profile (bench/server.bench.ts).
 */
export const takstskemaJsonSchema = z.record(
  z.string(),
  z.custom<JsonVaerdi>((v) => erSkalar(v) || (Array.isArray(v) && v.length <= YDELSE_RAEKKER && alleSkalarer(v)), { message: SKALAR_BESKED }),
);
