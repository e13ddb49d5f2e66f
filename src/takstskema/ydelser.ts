import { YDELSE_KOLONNER, YDELSE_RAEKKER, type KolonneNavn } from "./felter";
import { type Beregnet, type YdelseBeregnet, ydelseResultatSchema } from "./resultat";

/**
 * The Ydelser table as values: the one place where a body or workbook in the former
 * single-takst shape (TS_Ydelse, TS_Pladser, TS_Belaegning, TS_Takst, TS_Basistakst,
 * TS_Servicetakst, TS_SidsteAarsTakst, TS_Takstudvikling as single cells) becomes a one-row
 * table (product.md §2).
 */

/** Former single name → the column it becomes (row 1). */
const ENKELT_TIL_KOLONNE: Readonly<Record<string, KolonneNavn>> = {
  TS_Ydelse: "TS_Ydelser_Navn",
  TS_Pladser: "TS_Ydelser_Pladser",
  TS_Belaegning: "TS_Ydelser_Belaegning",
  TS_SidsteAarsTakst: "TS_Ydelser_SidsteAarsTakst",
  TS_Takst: "TS_Ydelser_Takst",
  TS_Basistakst: "TS_Ydelser_Basistakst",
  TS_Servicetakst: "TS_Ydelser_Servicetakst",
  TS_Takstudvikling: "TS_Ydelser_Takstudvikling",
};

/** The former single names (still read, never written). */
export const ENKELTTAKST_NAVNE: readonly string[] = Object.keys(ENKELT_TIL_KOLONNE);

const har = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export interface SomTabel {
  /** The record with every Ydelser column present (former single names moved into row 1). */
  input: Record<string, unknown>;
  /** True when the record had the former single-takst shape. */
  enkeltTakst: boolean;
}

/**
 * A record in the table shape. A record without any TS_Ydelser_ name but with one of the
 * former single names (TS_Ydelse, TS_Pladser, TS_Takst, ...) is the single-takst shape: its single cells become row 1, and
 * TS_Pladser/TS_Belaegning (now computed totals) move into the table.
 */
export function somTabel(input: Record<string, unknown>): SomTabel {
  const harTabel = YDELSE_KOLONNER.some((k) => har(input, k.navn));
  const enkeltTakst = !harTabel && ENKELTTAKST_NAVNE.some((k) => har(input, k));
  if (!enkeltTakst) return { input, enkeltTakst: false };
  const ud: Record<string, unknown> = {};
  for (const k of Object.keys(input)) {
    const kolonne = ENKELT_TIL_KOLONNE[k];
    if (kolonne) ud[kolonne] = [input[k]];
    else ud[k] = input[k];
  }
  return { input: ud, enkeltTakst: true };
}

/**
 * One column's 10 raw cells: an array (JSON body, CLI), a 2-D range (Office.js `values`,
 * 10 × 1), or a single value (a workbook whose name points at one cell) as row 1.
 */
export function kolonneCeller(v: unknown): unknown[] {
  const celler: unknown[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    let x: unknown;
    if (Array.isArray(v)) {
      x = v[i];
      if (Array.isArray(x)) x = x[0];
    } else x = i === 0 ? v : undefined;
    celler.push(x ?? null);
  }
  return celler;
}

const tal = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);
const tekst = (x: unknown): string => (typeof x === "string" ? x.trim() : typeof x === "number" ? String(x) : "");

const talEllerNull = (x: unknown) => x === null || (typeof x === "number" && Number.isFinite(x));

/** The schema's keys in its order, for a copy with exactly those keys (zod's object drops others). */
export const YDELSE_NOEGLER: Record<keyof YdelseBeregnet, null> = {
  raekke: null, navn: null, pladser: null, belaegning: null, ressource: null, sidsteAarsTakst: null,
  belaegningsdage: null, basistakst: null, servicetakst: null, takst: null, takstudvikling: null,
};

/**
 * True for a plain object that ydelseResultatSchema takes unchanged (no field caught, no
 * extra keys), as every fresh validation's ydelser are: it is copied without re-parsing, on
 * the submission path whose throughput bench/server.bench.ts measures.
 */
export function erYdelseResultat(y: unknown): y is YdelseBeregnet {
  if (y === null || typeof y !== "object") return false;
  // A plain or null-prototype object (JSON's, or a fresh validation's); anything else goes to zod.
  const proto: unknown = Object.getPrototypeOf(y);
  if (proto !== Object.prototype && proto !== null) return false;
  const o = y as Record<string, unknown>;
  let antal = 0;
  for (const k in o) if (++antal > 11 || !Object.prototype.hasOwnProperty.call(YDELSE_NOEGLER, k)) return false;
  return antal === 11 && typeof o.raekke === "number" && Number.isInteger(o.raekke) && o.raekke >= 0 && typeof o.navn === "string" &&
    talEllerNull(o.pladser) && talEllerNull(o.belaegning) && talEllerNull(o.ressource) && talEllerNull(o.sidsteAarsTakst) && talEllerNull(o.belaegningsdage) &&
    talEllerNull(o.basistakst) && talEllerNull(o.servicetakst) && talEllerNull(o.takst) && talEllerNull(o.takstudvikling);
}

/**
 * The ydelser of a stored or fresh validation: `beregnet.ydelser` when present, else (a
 * submission stored before the table existed) one ydelse from the former single fields of
 * `vaerdier`. Pure; junk gives an empty list, never a throw.
 */
export function ydelserAf(vaerdier: unknown, beregnet: unknown): YdelseBeregnet[] {
  const b = beregnet !== null && typeof beregnet === "object" ? (beregnet as Partial<Record<keyof Beregnet, unknown>>) : {};
  if (Array.isArray(b.ydelser)) {
    const ud: YdelseBeregnet[] = [];
    for (const y of b.ydelser as unknown[]) {
      const p = erYdelseResultat(y) ? { success: true as const, data: { ...YDELSE_NOEGLER, ...y } } : ydelseResultatSchema.safeParse(y);
      if (p.success) ud.push(p.data);
    }
    return ud;
  }
  const v = vaerdier !== null && typeof vaerdier === "object" && !Array.isArray(vaerdier) ? (vaerdier as Record<string, unknown>) : {};
  const navn = tekst(v.TS_Ydelse);
  const takst = tal(v.TS_Takst) ?? tal(b.takst);
  if (!navn && takst === null) return [];
  return [{
    raekke: 0,
    navn,
    pladser: tal(v.TS_Pladser),
    belaegning: tal(v.TS_Belaegning),
    ressource: null,
    sidsteAarsTakst: tal(v.TS_SidsteAarsTakst),
    belaegningsdage: tal(v.TS_Belaegningsdage) ?? tal(b.belaegningsdage),
    basistakst: tal(v.TS_Basistakst),
    servicetakst: tal(v.TS_Servicetakst),
    takst,
    takstudvikling: tal(v.TS_Takstudvikling) ?? tal(b.takstudvikling),
  }];
}
