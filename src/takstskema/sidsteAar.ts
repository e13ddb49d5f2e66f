import { D } from "../engine";
import { celleFor } from "./layout";
import { kr } from "./regel";
import type { Fund, YdelseBeregnet } from "./resultat";

/**
 * Last year's takst per ydelse (product.md §5.1): the ydelse of the same name in last year's current
 * submission of the same driftsherre and tilbud. Pure; the service supplies last year's ydelser.
 */

/** Names compared as people type them: case, surrounding and repeated spaces do not matter. */
export function sammeYdelse(a: string, b: string): boolean {
  const n = (s: string) => s.trim().replace(/\s+/g, " ").toLocaleLowerCase("da-DK");
  return n(a) !== "" && n(a) === n(b);
}

/** Last year's takst for each of this year's ydelser (null: no ydelse of that name, or no takst). */
export function sidsteAarsTakster(ydelser: readonly Pick<YdelseBeregnet, "navn">[], sidsteAar: readonly Pick<YdelseBeregnet, "navn" | "takst">[]): (number | null)[] {
  return ydelser.map((y) => sidsteAar.find((f) => sammeYdelse(f.navn, y.navn))?.takst ?? null);
}

/** Takster are whole kroner: a stated 1.160 equals a submitted 1.160,00. */
const kroner = (x: number) => new D(x).toDecimalPlaces(0);

/**
 * TS120 (warning, service only): a ydelse's stated sidste års takst differs from the takst
 * submitted for the same ydelse last year. A ydelse without a stated figure, or without a
 * takst last year, is not compared (nothing to differ from).
 */
export function ts120(ydelser: readonly YdelseBeregnet[], sidsteAar: readonly Pick<YdelseBeregnet, "navn" | "takst">[]): Fund[] {
  const sidste = sidsteAarsTakster(ydelser, sidsteAar);
  return ydelser.flatMap((y, i) => {
    const oplyst = y.sidsteAarsTakst;
    const indsendt = sidste[i] ?? null;
    if (oplyst === null || indsendt === null || kroner(oplyst).eq(kroner(indsendt))) return [];
    return [{
      code: "TS120",
      severity: "warning" as const,
      field: "TS_Ydelser_SidsteAarsTakst",
      cell: celleFor("TS_Ydelser_SidsteAarsTakst", y.raekke),
      message: `Sidste års takst for "${y.navn}" er oplyst som ${kr(oplyst)}, men takstindberetningen sidste år var ${kr(indsendt)}`,
      row: y.raekke,
    }];
  });
}

/** One ydelse row of the pane's offer: the figure in the skema now, and last year's takst (null: none). */
export interface SidsteAarsForslag {
  raekke: number;
  navn: string;
  nu: number | null;
  ny: number | null;
}

const somTal = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/**
 * The offer to fill TS_Ydelser_SidsteAarsTakst: per named row of the table (`navne`, the
 * column's cells; `nu`, the stated figures), last year's takst of the ydelse of the same name.
 */
export function sidsteAarsForslag(navne: readonly unknown[], nu: readonly unknown[], sidsteAar: readonly Pick<YdelseBeregnet, "navn" | "takst">[]): SidsteAarsForslag[] {
  return navne.flatMap((n, raekke) => {
    const navn = typeof n === "string" ? n.trim() : typeof n === "number" ? String(n) : "";
    if (!navn) return [];
    return [{ raekke, navn, nu: somTal(nu[raekke]), ny: sidsteAar.find((f) => sammeYdelse(f.navn, navn))?.takst ?? null }];
  });
}
