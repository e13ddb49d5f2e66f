import { z } from "zod";
import { gyldigDato } from "../engine";
import { parameter as regelsaetParameter, type Regelsaet, type ParameterNavn } from "../regelsaet";
import { deltRegister } from "../regelsaet/delt";
import { tilsynsRegister } from "../regelsaet/tilsyn";
import type { ParameterBeskrivelse } from "./beskrivelser";
import { ArgumentFejl, type Kontekst } from "./fejl";
import { talDa } from "./format";

/**
 * The boundary between Excel and the engine: every argument is parsed here (zod for the shape,
 * then the Danish meaning), so the adapters in functions.ts only call the engine.
 * Excel passes numbers, strings, booleans, null for an omitted optional argument, 2-D arrays
 * for ranges and "" for blank cells.
 */

// z.number() refuses NaN; NaN is let through here so it gets the "endeligt tal" message.
export const celleSchema = z.union([z.number(), z.nan(), z.string(), z.boolean(), z.null(), z.undefined()]);
export type Celle = z.infer<typeof celleSchema>;

export const matrixSchema = z
  .array(z.array(celleSchema).min(1))
  .min(1)
  .refine((rows) => rows.every((r) => r.length === rows[0]?.length), "rækkerne har forskellig længde");
export type Matrix = Celle[][];

function param(ctx: Kontekst, index: number): ParameterBeskrivelse {
  const p = ctx.fn.parametre[index];
  if (!p) throw new Error(`${ctx.fn.id} har ingen parameter nr. ${index + 1}`);
  return p;
}

function tom(v: Celle): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function citat(tekst: string): string {
  const t = tekst.length > 20 ? `${tekst.slice(0, 19)}…` : tekst;
  return `"${t}"`;
}

/** One cell's value; a 1 × 1 range counts as its cell. */
function skalar(ctx: Kontekst, index: number, v: unknown): Celle {
  const p = param(ctx, index);
  let x = v;
  if (Array.isArray(x)) {
    if (x.length === 1 && Array.isArray(x[0]) && x[0].length === 1) x = x[0][0];
    else throw new ArgumentFejl(p, "skal være én celle, ikke et område");
  }
  if (erCelle(x)) return x;
  const r = celleSchema.safeParse(x);
  if (!r.success) throw new ArgumentFejl(p, "er ikke en værdi Excel kan give");
  return r.data;
}

/**
 * Exactly what celleSchema accepts, checked without zod: on the good path zod's union builds an
 * error message for every option it tries and throws them away (an omitted argument costs four).
 * zod still parses whatever fails here, so its messages stay the same.
 */
export function erCelle(x: unknown): x is Celle {
  const t = typeof x;
  return t === "number" || t === "string" || t === "boolean" || x === null || x === undefined;
}

/** Exactly what matrixSchema accepts (a non-empty rectangle of cells), checked without zod. */
export function erMatrix(x: unknown): x is Matrix {
  if (!Array.isArray(x) || x.length === 0) return false;
  const foerste: unknown = x[0];
  if (!Array.isArray(foerste) || foerste.length === 0) return false;
  const bredde = foerste.length;
  // Holes in a sparse array fall to zod, which fills them; Excel never sends one.
  for (let i = 0; i < x.length; i++) {
    const raekke: unknown = x[i];
    if (!(i in x) || !Array.isArray(raekke) || raekke.length !== bredde) return false;
    for (let j = 0; j < bredde; j++) if (!(j in raekke) || !erCelle(raekke[j])) return false;
  }
  return true;
}

/** A finite number other than -0 (which becomes 0), the common case, without the checks for messages. */
function endeligtTal(v: unknown): v is number {
  return typeof v === "number" && v - v === 0;
}

function somTal(p: ParameterBeskrivelse, v: Celle, hvor = ""): number {
  if (typeof v === "string") throw new ArgumentFejl(p, `${hvor}er tekst (${citat(v)}), ikke et tal`);
  if (typeof v === "boolean") throw new ArgumentFejl(p, `${hvor}er en sandhedsværdi (${v ? "SAND" : "FALSK"}), ikke et tal`);
  if (typeof v !== "number") throw new ArgumentFejl(p, `${hvor}mangler`);
  if (!Number.isFinite(v)) throw new ArgumentFejl(p, `${hvor}skal være et endeligt tal`);
  return Object.is(v, -0) ? 0 : v;
}

function husk(ctx: Kontekst, index: number, n: number): number {
  ctx.tal[index] = n;
  return n;
}

/** A required number. */
export function tal(ctx: Kontekst, index: number, v: unknown): number {
  if (endeligtTal(v)) return husk(ctx, index, v === 0 ? 0 : v);
  const p = param(ctx, index);
  const c = skalar(ctx, index, v);
  if (tom(c)) throw new ArgumentFejl(p, "mangler");
  return husk(ctx, index, somTal(p, c));
}

/** An optional number: omitted (null) or a blank cell gives undefined, so the engine's default applies. */
export function valgfritTal(ctx: Kontekst, index: number, v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (endeligtTal(v)) return husk(ctx, index, v === 0 ? 0 : v);
  const c = skalar(ctx, index, v);
  if (tom(c)) return undefined;
  const p = param(ctx, index);
  return husk(ctx, index, somTal(p, c));
}

const ISO_DATO = /^(\d{4})-(\d{2})-(\d{2})$/;

function somDato(ctx: Kontekst, index: number, c: Celle): number {
  const p = param(ctx, index);
  if (typeof c === "string") {
    const m = ISO_DATO.exec(c.trim());
    const d = m ? gyldigDato(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    if (d === undefined) throw new ArgumentFejl(p, `er tekst (${citat(c)}), ikke en dato`);
    return husk(ctx, index, d);
  }
  // A date cell is its serial number; a time of day (the fraction) is not part of the date.
  return husk(ctx, index, Math.floor(somTal(p, c)));
}

/** A required date: a date cell (its serial number) or ISO text "2018-01-14". */
export function dato(ctx: Kontekst, index: number, v: unknown): number {
  const c = skalar(ctx, index, v);
  if (tom(c)) throw new ArgumentFejl(param(ctx, index), "mangler");
  return somDato(ctx, index, c);
}

/** An optional date; omitted or blank gives undefined. */
export function valgfriDato(ctx: Kontekst, index: number, v: unknown): number | undefined {
  if (v === null || v === undefined) return undefined;
  const c = skalar(ctx, index, v);
  return tom(c) ? undefined : somDato(ctx, index, c);
}

/** Optional text, trimmed; blank gives undefined. */
function valgfriTekst(ctx: Kontekst, index: number, v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const p = param(ctx, index);
  const c = skalar(ctx, index, v);
  if (tom(c)) return undefined;
  if (typeof c !== "string") throw new ArgumentFejl(p, `skal være tekst, ikke ${typeof c === "boolean" ? "en sandhedsværdi" : `tallet ${talDa(c)}`}`);
  return c.trim();
}

/** One of a fixed list of words, case-insensitive; blank gives the default. */
export function valg<T extends string>(ctx: Kontekst, index: number, v: unknown, muligheder: readonly T[], standard: T): T {
  const t = valgfriTekst(ctx, index, v);
  if (t === undefined) return standard;
  const fundet = muligheder.find((m) => m === t.toUpperCase());
  if (!fundet) throw new ArgumentFejl(param(ctx, index), `er ${citat(t)}`);
  return fundet;
}

/** Spaces and case do not tell names apart: "§109" is "§ 109", "Botilbud" is "botilbud". */
const navnenoegle = (t: string) => t.replace(/\s+/g, "").toLowerCase();

/** One of a fixed list of names written in lower case (e.g. "§ 109"); blank gives the default, or is refused without one. */
export function navn<T extends string>(ctx: Kontekst, index: number, v: unknown, muligheder: readonly T[], standard?: T): T {
  const t = valgfriTekst(ctx, index, v);
  if (t === undefined) {
    if (standard === undefined) throw new ArgumentFejl(param(ctx, index), "mangler");
    return standard;
  }
  const fundet = muligheder.find((m) => navnenoegle(m) === navnenoegle(t));
  if (!fundet) throw new ArgumentFejl(param(ctx, index), `er ${citat(t)}`);
  return fundet;
}

/** A range as a rectangular 2-D array; a single value counts as a 1 × 1 range. */
export function omraade(ctx: Kontekst, index: number, v: unknown): Matrix {
  const p = param(ctx, index);
  const m: unknown = Array.isArray(v) ? v : [[v]];
  if (erMatrix(m)) return m;
  const r = matrixSchema.safeParse(m);
  if (!r.success) throw new ArgumentFejl(p, "skal være et område af celler (en række eller kolonne)");
  return r.data;
}

/** The numbers of a range; blank cells are 0 where `tomErNul`, otherwise refused. */
export function omraadeTal(ctx: Kontekst, index: number, m: Matrix, tomErNul: boolean): number[] {
  const flere = m.length * (m[0]?.length ?? 0) > 1;
  const ud: number[] = [];
  for (let i = 0; i < m.length; i++) {
    const raekke = m[i]!;
    for (let j = 0; j < raekke.length; j++) {
      const c = raekke[j];
      // A finite number needs no message: the cell's position is written only on the way to one.
      if (endeligtTal(c)) ud.push(c === 0 ? 0 : c);
      else if (tom(c) && tomErNul) ud.push(0);
      else {
        const hvor = flere ? `(række ${i + 1}, kolonne ${j + 1}) ` : "";
        if (tom(c)) throw new ArgumentFejl(param(ctx, index), `${hvor}mangler`);
        ud.push(somTal(param(ctx, index), c, hvor));
      }
    }
  }
  return ud;
}

/** A range that must be one column. */
export function kolonne(ctx: Kontekst, index: number, v: unknown): Matrix {
  const m = omraade(ctx, index, v);
  const bredde = m[0]?.length ?? 0;
  if (bredde !== 1) throw new ArgumentFejl(param(ctx, index), `skal være én kolonne, ikke ${bredde} kolonner`);
  return m;
}

export type Retning = "raekke" | "kolonne";

/** Exactly `antal` cells in one row or one column, and which it was. */
export function celleraekke(ctx: Kontekst, index: number, v: unknown, antal: number): { m: Matrix; retning: Retning } {
  const m = omraade(ctx, index, v);
  const hoejde = m.length;
  const bredde = m[0]?.length ?? 0;
  if (hoejde === 1 && bredde === antal) return { m, retning: "raekke" };
  if (bredde === 1 && hoejde === antal) return { m, retning: "kolonne" };
  throw new ArgumentFejl(param(ctx, index), `skal være ${antal} celler i én række eller kolonne, ikke ${hoejde} × ${bredde}`);
}

/** An optional ruleset id looked up in the add-in's one register (built in + published, shared with the pane). */
export function valgfritRegelsaet(ctx: Kontekst, index: number, v: unknown): Regelsaet | undefined {
  const id = valgfriTekst(ctx, index, v);
  if (id === undefined) return undefined;
  const register = deltRegister();
  const r = register.find(id);
  if (!r) {
    const kendte = register.ids();
    throw new ArgumentFejl(
      param(ctx, index),
      `${citat(id)} er ukendt`,
      kendte.length ? `et af de kendte regelsæt: ${kendte.join(", ")}` : "ingen regelsæt er indlæst",
    );
  }
  ctx.regelsaet = r.id;
  return r;
}

/** A numeric ruleset parameter, or undefined when the ruleset's sources don't give it (never guessed). */
export function regelsaetTal(r: Regelsaet | undefined, navn: ParameterNavn): number | undefined {
  if (!r) return undefined;
  const v: unknown = regelsaetParameter(r, navn);
  return typeof v === "number" ? v : undefined;
}

/** A one-column range of exactly `hoejde` rows (the height of another column argument). */
export function kolonneMedHoejde(ctx: Kontekst, index: number, v: unknown, hoejde: number, efter: string): Matrix {
  const m = kolonne(ctx, index, v);
  if (m.length !== hoejde) throw new ArgumentFejl(param(ctx, index), `har ${m.length} rækker, men ${efter} har ${hoejde}`, `én kolonne med lige så mange rækker som ${efter}`);
  return m;
}

/** Row i of a one-column range as a number, or null for a blank cell (the caller decides what blank means). */
export function kolonneCelle(ctx: Kontekst, index: number, m: Matrix, i: number): number | null {
  const c = m[i]?.[0];
  if (endeligtTal(c)) return c === 0 ? 0 : c;
  if (tom(c)) return null;
  return somTal(param(ctx, index), c, m.length > 1 ? `(række ${i + 1}) ` : "");
}

/** A column argument kept for a message about one of its rows (once per column, not per cell). */
export function huskKolonne(ctx: Kontekst, index: number, m: Matrix): void {
  (ctx.kolonner ??= {})[param(ctx, index).da.navn] = m;
}

/**
 * TILSYNSTAKST's weights: four cells, a ruleset id (its tilsynVaegte, 004:157-161) or omitted
 * (the common model's 1 : 1,2 : 2 : 3). Excel passes null when omitted and "" for a blank cell.
 */
export function tilsynVaegte(ctx: Kontekst, index: number, v: unknown): number[] | undefined {
  const enkelt = Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? (v[0] as unknown[])[0] : v;
  if (enkelt === null || enkelt === undefined || (typeof enkelt === "string" && enkelt.trim() === "")) return undefined;
  if (typeof enkelt === "string") {
    const id = enkelt.trim().toUpperCase();
    const r = tilsynsRegister().find(id) ?? deltRegister().find(id);
    if (!r) throw new ArgumentFejl(param(ctx, index), `${citat(enkelt)} er ukendt`, `et af socialtilsynets regelsæt: ${tilsynsRegister().ids().join(", ")}, eller fire vægte`);
    ctx.regelsaet = r.id;
    const vaegte: unknown = regelsaetParameter(r, "tilsynVaegte");
    if (!Array.isArray(vaegte)) throw new ArgumentFejl(param(ctx, index), `er regelsættet ${r.id}, som ikke har tilsynVaegte`);
    return vaegte as number[];
  }
  return omraadeTal(ctx, index, celleraekke(ctx, index, v, 4).m, false);
}
