import { EngineError, type EngineErrorDetail } from "../engine";
import type { FunktionBeskrivelse, ParameterBeskrivelse } from "./beskrivelser";
import { talDa, vaerdiDa } from "./format";

/** What an adapter call knows when something goes wrong: the function, the values so far, the ruleset. */
export interface Kontekst {
  fn: FunktionBeskrivelse;
  /** Parsed number arguments by parameter index, for messages (an array slot, not a named key: this is on every call's path). */
  tal: number[];
  /** Column arguments by Danish parameter name, read for a message about row i (one store per column, not per cell). */
  kolonner?: Record<string, readonly (readonly unknown[])[]>;
  regelsaet?: string;
}

/** A bad argument found by the adapter (wrong kind, shape, unknown name). */
export class ArgumentFejl extends Error {
  override name = "ArgumentFejl";
  constructor(
    readonly parameter: ParameterBeskrivelse,
    readonly problem: string,
    /** Replaces the parameter's allowed range in the message when the range depends on data. */
    readonly tilladt?: string,
  ) {
    super(`${parameter.da.navn} ${problem}`);
  }
}

/** A result Excel cannot show (beyond ±1,8E+308). */
export class ResultatFejl extends Error {
  override name = "ResultatFejl";
}

/** Marks the catch-all message; the property test asserts it is never reached. */
export const UVENTET = "uventet fejl";

const MAKS_LAENGDE = 255;

function kort(tekst: string): string {
  return tekst.length <= MAKS_LAENGDE ? tekst : `${tekst.slice(0, MAKS_LAENGDE - 1)}…`;
}

function parameterFor(fn: FunktionBeskrivelse, argument: string): ParameterBeskrivelse | undefined {
  const navn = argument.toLowerCase();
  return fn.parametre.find((p) => p.da.navn.toLowerCase() === navn || p.motorNavn?.toLowerCase() === navn);
}

function intervalTekst(d: EngineErrorDetail, p: ParameterBeskrivelse | undefined): string {
  const enhed = p?.enhed ?? "antal";
  const v = (x: number) => vaerdiDa(x, enhed);
  const under = d.min === undefined ? "" : `${d.minInclusive === false ? "over" : "mindst"} ${v(d.min)}`;
  const over = d.max === undefined ? "" : `${d.maxInclusive === false ? "under" : "højst"} ${v(d.max)}`;
  return [under, over].filter(Boolean).join(" og ");
}

type Problem = (d: EngineErrorDetail, p: ParameterBeskrivelse | undefined, ctx: Kontekst) => string;

/** The value `x` in the argument's unit, or in `standard` when the argument is not described. */
function iEnhed(x: number, p: ParameterBeskrivelse | undefined, standard: ParameterBeskrivelse["enhed"]): string {
  return vaerdiDa(x, p?.enhed ?? standard);
}

/** The ruleset as a message names it (" i R2026" / " (R2026)"), or nothing when none is known. */
const iRegelsaet = (ctx: Kontekst) => (ctx.regelsaet ? ` i ${ctx.regelsaet}` : "");
const regelsaetParentes = (ctx: Kontekst) => (ctx.regelsaet ? ` (${ctx.regelsaet})` : "");

const ikkeHel: Problem = (d, p) =>
  d.min === undefined || d.max === undefined
    ? "skal være et helt beløb, så fordelingen summerer præcist"
    : `skal være et helt tal fra ${iEnhed(d.min, p, "antal")} til ${iEnhed(d.max, p, "antal")}`;

const overLoft: Problem = (d, p, ctx) => {
  const hoejst = d.max === undefined ? "loftet" : iEnhed(d.max, p, "brok");
  const loft = d.max === undefined ? "loftet" : `loftet ${hoejst}`;
  return `er over ${loft}${iRegelsaet(ctx)}; tilladt er højst ${hoejst}`;
};

/** The problem part of a message for an engine precondition failure, in Danish, by the failure's code. */
const MOTOR_PROBLEM: Record<EngineErrorDetail["code"], Problem> = {
  NOT_FINITE: () => "skal være et endeligt tal",
  NOT_POSITIVE: () => "skal være større end 0",
  NEGATIVE: () => "må ikke være negativ; tilladt er 0 eller derover",
  OUT_OF_RANGE: (d, p) => `skal være ${intervalTekst(d, p)}`,
  NOT_WHOLE: ikkeHel,
  ABOVE_CAP: overLoft,
  // 004:5057-5058: only assets above the aktiveringsgrænse are capitalised and depreciated.
  NOT_ABOVE_THRESHOLD: (d, _p, ctx) => `udgiftsføres i driften; aktiveres kun over ${vaerdiDa(d.min ?? 0, "kr")}${regelsaetParentes(ctx)}`,
  // 004:5047: "Bygninger afskrives over 30 år" — the ruleset's value is the only one allowed.
  NOT_FIXED_VALUE: (d, p, ctx) => {
    const aar = iEnhed(d.min ?? 0, p, "antal");
    return `skal være ${aar}${iRegelsaet(ctx)} (bygninger afskrives over ${aar} år)`;
  },
  EMPTY: (_d, p) => `er tom; tilladt er ${p?.tilladt ?? "mindst én værdi"}`,
  SUM_ZERO: (_d, p) => `summerer til 0; tilladt er ${p?.tilladt ?? "værdier, der ikke alle er 0"}`,
  WRONG_LENGTH: (d) => `skal have præcis ${d.length ?? 4} celler i én række eller kolonne`,
};

function motorProblem(d: EngineErrorDetail, p: ParameterBeskrivelse | undefined, ctx: Kontekst): string {
  return MOTOR_PROBLEM[d.code](d, p, ctx);
}

/** Row i of a column argument as the number the adapter read from it, or undefined. */
function kolonneVaerdi(ctx: Kontekst, navn: string, index: number): number | undefined {
  const v = ctx.kolonner?.[navn]?.[index]?.[0];
  return typeof v === "number" && Number.isFinite(v) ? v + 0 : undefined;
}

function vaerdiTekst(p: ParameterBeskrivelse | undefined, navn: string, ctx: Kontekst, index?: number): { vist: string; tip: string } {
  const v = index === undefined ? (p ? ctx.tal[ctx.fn.parametre.indexOf(p)] : undefined) : kolonneVaerdi(ctx, navn, index);
  if (v === undefined || !p) return { vist: "", tip: "" };
  const vist = vaerdiDa(v, p.enhed);
  // 95 typed for 95 %: the commonest slip with fractions (golden takst.json).
  const tip = p.enhed === "brok" && v > 1 && v <= 100 ? ` Skriv ${talDa(v)} % som ${talDa(v / 100)}.` : "";
  return { vist, tip };
}

/** The Danish message for any failure inside an adapter. */
export function besked(ctx: Kontekst, fejl: unknown): string {
  const prefix = `SOC.${ctx.fn.id}:`;
  if (fejl instanceof ArgumentFejl) {
    const tilladt = (fejl.tilladt ?? fejl.parameter.tilladt).replace(/\.$/, "");
    return kort(`${prefix} ${fejl.parameter.da.navn} ${fejl.problem}. Tilladt: ${tilladt}.`);
  }
  if (fejl instanceof EngineError) {
    const p = parameterFor(ctx.fn, fejl.detail.argument);
    const navn = p?.da.navn ?? fejl.detail.argument;
    const { vist, tip } = vaerdiTekst(p, navn, ctx, fejl.detail.index);
    if (fejl.detail.code === "ABOVE_CAP") {
      return kort(`${prefix} ${navn}${vist ? ` ${vist}` : ""} ${motorProblem(fejl.detail, p, ctx)}.`);
    }
    const hvor = fejl.detail.index === undefined ? "" : `(række ${fejl.detail.index + 1}) `;
    return kort(`${prefix} ${navn} ${hvor}${motorProblem(fejl.detail, p, ctx)}${vist ? ` (angivet: ${vist})` : ""}.${tip}`);
  }
  if (fejl instanceof ResultatFejl) return kort(`${prefix} ${fejl.message}`);
  const detalje = fejl instanceof Error ? fejl.message : String(fejl);
  return kort(`${prefix} ${UVENTET} i beregningen (${detalje}). Kontrollér argumenterne.`);
}

/** What Excel shows as #VALUE! with the message in the cell's error tooltip. */
export function excelFejl(ctx: Kontekst, fejl: unknown): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, besked(ctx, fejl));
}
