import { kolonne } from "./graenser";

/** A rectangle of cells on one sheet (1-based, top-left to bottom-right). */
export interface Omraade {
  ark: string;
  k1: number;
  r1: number;
  k2: number;
  r2: number;
}

/** A cell value as the validator takes it: a plain value, an Excel error, or null for empty. */
export type CelleVaerdi = number | string | boolean | Date | { error: string } | Record<string, never> | null;

/**
 * What the takstskema reader needs of a workbook, whichever reader opened it: the defined
 * names (null for a reference that is not a cell or a rectangle), the sheets, and cell values.
 */
export interface Projektmappe {
  navne: Map<string, (Omraade | null)[]>;
  harArk(ark: string): boolean;
  /** Values of cells of one sheet, in the order asked. */
  celler(ark: string, adresser: string[]): CelleVaerdi[];
  /** Formula text (without "=") of cells of one sheet, undefined for a plain value. */
  formler(ark: string, adresser: string[]): (string | undefined)[];
}

/** A reader meeting something it does not handle: the caller falls back to ExcelJS. */
export class Uforstaaet extends Error {
  override name = "Uforstaaet";
}

/** "A1" style address of column and row numbers. */
export function adresse(k: number, r: number): string {
  let s = "";
  for (let n = k; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r}`;
}

/** "Takstskema!$D$14", "'Takst skema'!$D$40:$D$49" → the rectangle; anything else → null. */
export function delOmraade(ref: string): Omraade | null {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim());
  if (!m) return null;
  const ka = kolonne(m[3]!);
  const ra = Number(m[4]);
  const kb = m[5] ? kolonne(m[5]) : ka;
  const rb = m[6] ? Number(m[6]) : ra;
  return { ark: (m[1] ?? m[2] ?? "").replace(/''/g, "'"), k1: Math.min(ka, kb), r1: Math.min(ra, rb), k2: Math.max(ka, kb), r2: Math.max(ra, rb) };
}

/**
 * An ExcelJS cell value reduced to what the validator's `udpak` reads from it, in the same
 * order (error, formula result, rich text, hyperlink text), so both readers give equal values.
 */
export function normaliser(v: unknown, dybde = 0): CelleVaerdi {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean" || v instanceof Date) return v;
  if (typeof v === "object" && dybde < 3) {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if ("formula" in o || "sharedFormula" in o || "result" in o) return normaliser(o.result, dybde + 1);
    if (Array.isArray(o.richText)) {
      return o.richText.map((r) => (r && typeof r === "object" && typeof (r as { text?: unknown }).text === "string" ? (r as { text: string }).text : "")).join("");
    }
    if ("text" in o) return normaliser(o.text, dybde + 1);
  }
  // Read by `udpak` as an unknown value, as the original was.
  return {};
}
