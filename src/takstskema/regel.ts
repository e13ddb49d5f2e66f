import type { ParameterNavn, Parametre, Regelsaet } from "../regelsaet";
import type { Beregning } from "./beregning";
import type { FeltNavn, KolonneNavn, SkemaNavn } from "./felter";
import type { Genberegnet } from "./resultat";
import type { Skema } from "./vaerdier";

export interface RegelKontekst {
  /** Parsed values; a field with a type error (TS002) or left empty is undefined. */
  readonly vaerdier: Partial<Skema>;
  /** Fields whose value could not be parsed, with the reason (→ TS002). */
  readonly typefejl: ReadonlyMap<FeltNavn, string>;
  /** Ydelser cells that could not be parsed: column → row (0-based) → reason (→ TS002). */
  readonly tabelTypefejl: ReadonlyMap<KolonneNavn, ReadonlyMap<number, string>>;
  /** True when the skema came in the former single-takst shape (one-row table). */
  readonly enkeltTakst: boolean;
  /** The ruleset named in TS_Regelsaet, when known. */
  readonly regelsaet: Regelsaet | undefined;
  /** The ids of every ruleset the validator knows (TS003 lists them). */
  readonly kendteRegelsaet: readonly string[];
  /** The ruleset id as written in the skema (for messages). */
  readonly regelsaetId: string | undefined;
  /** Recomputed values (engine). */
  readonly genberegnet: Genberegnet;
  /** Values used downstream: the cell's value where present, else the recomputed one. */
  readonly brugt: Beregning["brugt"];
  readonly indsendt: Date;
  /** Whether the skema is being submitted or only validated (TS090's wording). */
  readonly handling: "indsendt" | "valideret";
  /** A parameter the rule declared in `parametre` (present, or the rule would be skipped). */
  param<K extends ParameterNavn>(navn: K): NonNullable<Parametre[K]>["vaerdi"];
  /** Report a finding for this rule on a field, or on row `raekke` (0-based) of a Ydelser column. */
  fund(felt: SkemaNavn, besked: string, raekke?: number): void;
  /** Report that part of this rule was skipped (a missing parameter). */
  spring(besked: string, felt?: FeltNavn): void;
}

export interface Regel {
  readonly code: string;
  readonly severity: "error" | "warning";
  /** The fields the rule reads or reports on. */
  readonly felter: readonly SkemaNavn[];
  /**
   * Inputs the rule builds on: when an earlier rule has found an error in one of them, the
   * rule is listed as skipped with the reason instead of reporting noise from the broken value.
   */
  readonly afhaenger?: readonly SkemaNavn[];
  /**
   * True for the rules that find a value unusable (empty, wrong type, out of range, negative):
   * their errors are what `afhaenger` looks at. A value above a ruleset cap (TS020, TS070) is
   * still a number the takst can be computed from.
   */
  readonly inddata?: boolean;
  /** Ruleset parameters the rule needs; when one is missing the rule is skipped. */
  readonly parametre?: readonly ParameterNavn[];
  /**
   * A takst analysis: skipped, and listed as skipped, for a tilbud flagged særlig opmærksomhed
   * (TS_SaerligOpmaerksomhed, Bilag 19, 004:5565-5567: left out of takst analyses).
   */
  readonly takstanalyse?: boolean;
  /** One line in Danish: what the rule checks. */
  readonly beskrivelse: string;
  check(ctx: RegelKontekst): void;
}

/**
 * da-DK number formats, built once per option set: toLocaleString with options builds a new
 * Intl.NumberFormat on every call, which was the largest single item of validating a file.
 */
const FORMATER = new Map<string, Intl.NumberFormat>();
function format(min: number, max: number): Intl.NumberFormat {
  const noegle = `${min}-${max}`;
  let f = FORMATER.get(noegle);
  if (!f) FORMATER.set(noegle, (f = new Intl.NumberFormat("da-DK", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** Danish formatting for messages: 1.234.567,50 kr. and 95,0 %. */
export function kr(x: number): string {
  const heltal = Number.isInteger(x);
  return `${format(heltal ? 0 : 2, 2).format(x)} kr.`;
}

export function pct(x: number, decimaler = 1): string {
  return `${format(decimaler, decimaler).format(x * 100)} %`;
}

/** A percentage with only the decimals it needs: 0,0147 → "1,47 %", 93 → "9.300 %". */
export function pctKort(x: number): string {
  return `${format(0, 2).format(x * 100)} %`;
}

/** "2027-05-01" → "1.5.2027". */
export function danskDato(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

export function tal(x: number): string {
  return format(0, 4).format(x);
}

/** Money tolerance of product.md §3. */
export const TOLERANCE_KR = 1;

/**
 * Said in the message of a check whose threshold no seed gives (TS012's 5 points, TS050's ±5 %,
 * TS015's ranges): the user must know it is the product's judgement, not a rule of the ruleset.
 */
export const KONVENTION = "produktets konvention; ingen kilde angiver den";

/** Inputs of the cost computation: a type error in one of them makes the computed cells unverifiable. */
export const OMKOSTNINGSFELTER = [
  "TS_Loen", "TS_Udvikling", "TS_Administration", "TS_Indtaegter", "TS_Tjenestemandspension", "TS_OverheadSats",
  "TS_Tilsyn", "TS_Ejendom", "TS_Afskrivninger", "TS_Forrentning", "TS_Regulering", "TS_ReguleringPulje", "TS_Oevrige",
] as const;
export const KAPACITETSFELTER = ["TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_Ydelser_Ressource", "TS_Dage"] as const;
/** Everything the takster are built on. */
export const TAKSTFELTER: readonly SkemaNavn[] = [...OMKOSTNINGSFELTER, "TS_Borgerrettet", ...KAPACITETSFELTER];

/**
 * The hint for a percentage typed without its sign: 93 in a fraction field is 9.300 %; if
 * 93 % is plausible for the field, ask whether that was meant. 1,02 (102 %) gets no hint when
 * 1,02 % is not plausible either.
 */
export function procentHint(x: number, plausibel: { min: number; max: number; hintMin?: number }): string {
  const forslag = x / 100;
  if (Math.abs(x) >= 1 && forslag >= (plausibel.hintMin ?? plausibel.min) && forslag <= plausibel.max) {
    return ` Skrev du ${tal(x)} i stedet for ${tal(x)} %? Skriv procenten med %-tegn (${tal(x)} %) eller som brøk (${tal(forslag)}).`;
  }
  return "";
}

/** True when one of the fields (or a cell of one of the Ydelser columns) has a type error (reported once, by TS002). */
export function harTypefejl(ctx: RegelKontekst, felter: readonly SkemaNavn[]): boolean {
  return felter.some((f) => ctx.typefejl.has(f as FeltNavn) || ctx.tabelTypefejl.has(f as KolonneNavn));
}

/** "ydelsen "Gruppe A" (række 2)": how a message names a row of the Ydelser table. */
export function ydelseTekst(navn: string | null | undefined, raekke: number): string {
  return navn ? `ydelsen "${navn}" (række ${raekke + 1})` : `række ${raekke + 1} i Ydelser`;
}
