import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Regelsaet, RegelsaetRegister } from "../regelsaet";
import { laesRegelsaetMappe, REGELSAET_MAPPE } from "../regelsaet/fraMappe";
import { erTilsynsskema, tilsynsskemaLayout, type TilsynValidering, validerTilsynsskema } from "../tilsynsskema";
import { tjekIndhold, tjekKatalog } from "./graenser";
import { hurtigMappe } from "./hurtig";
import { exceljsMappe } from "./laes";
import { adresse, type CelleVaerdi, type Projektmappe, Uforstaaet } from "./projektmappe";
import { lavArbejdsbog, type Udfyldning, xlsxBytes } from "./skabelon";
import { ZipArkiv } from "./zip";

/**
 * The tilsynsskema in the CLI: `skabelon --type tilsyn`, `udfyld` of a JSON body with ST_
 * names, and `valider` of a workbook it recognises by its ST_ names. The writers and readers
 * are the takstskema's; only the layout and the validator are the tilsynsskema's own.
 */

/** The socialtilsyn's rulesets, rulesets/tilsyn/ (kept apart from the takstskema's list). */
export function tilsynsRegisterCli(): RegelsaetRegister {
  return laesRegelsaetMappe(join(REGELSAET_MAPPE, "tilsyn"));
}

export async function skrivTilsynsskabelon(r: Regelsaet, ud: string): Promise<void> {
  writeFileSync(ud, await xlsxBytes(await lavArbejdsbog(tilsynsskemaLayout(r))));
}

/** The figures the sheet's formulas compute, cached in the file as Excel would save them. */
function cache(res: TilsynValidering): Udfyldning {
  const b = res.beregnet;
  if (!b) return {};
  return {
    ST_Behov: b.behov, ST_Grundtakstbehov: b.grundtakstbehov, ST_Takster: b.takster, ST_Skaerpet: b.skaerpet,
    ST_Nygodkendelse: b.nygodkendelse ?? ["", "", "", ""], ST_VaesentligAendring: b.vaesentligAendring ?? ["", "", "", ""],
    ST_OF: b.of.map((o) => o.beloeb), ST_OFPrPlejefamilie: b.ofPrPlejefamilie, ST_BPATakst: b.bpaTakst ?? "",
  };
}

/**
 * A filled tilsynsskema from ST_ name → value (a table column as an array), ruleset from
 * ST_Regelsaet; `resultater` replaces the cached results (tests falsify them).
 */
export async function udfyldtTilsynsskema(inddata: Udfyldning, r: Regelsaet, register: RegelsaetRegister, resultater?: Udfyldning) {
  return lavArbejdsbog(tilsynsskemaLayout(r), inddata, resultater ?? cache(validerTilsynsskema(inddata, register)));
}

/** The ST_ values of a workbook (a one-cell name → its value, a range → its cells top to bottom), or null when it is no tilsynsskema. */
export async function laesTilsynsskema(buf: Buffer): Promise<Record<string, CelleVaerdi | CelleVaerdi[]> | null> {
  const zip = new ZipArkiv(buf);
  tjekKatalog(zip.dele);
  tjekIndhold(zip, false);
  try {
    return stVaerdier(hurtigMappe(zip));
  } catch (e) {
    // What the fast reader does not handle (e.g. Gnumeric's inline strings) goes the ExcelJS way, as for the takstskema.
    if (!(e instanceof Uforstaaet)) throw e;
    tjekIndhold(zip, true);
    return stVaerdier(await exceljsMappe(buf, "Filen"));
  }
}

function stVaerdier(m: Projektmappe): Record<string, CelleVaerdi | CelleVaerdi[]> | null {
  if (!erTilsynsskema(m.navne.keys())) return null;
  const ud: Record<string, CelleVaerdi | CelleVaerdi[]> = {};
  for (const [navn, omr] of m.navne) {
    const o = omr.length === 1 ? omr[0] : null;
    if (!navn.startsWith("ST_") || !o || !m.harArk(o.ark)) continue;
    const celler: string[] = [];
    for (let r = o.r1; r <= o.r2; r++) for (let k = o.k1; k <= o.k2; k++) celler.push(adresse(k, r));
    const v = m.celler(o.ark, celler);
    ud[navn] = celler.length === 1 ? v[0]! : v;
  }
  return ud;
}

/** Validate a file if it is a tilsynsskema; null when it is not one (the caller's error stands). */
export async function validerTilsynsfil(sti: string, register: RegelsaetRegister): Promise<TilsynValidering | null> {
  try {
    const v = await laesTilsynsskema(readFileSync(sti));
    return v ? validerTilsynsskema(v, register) : null;
  } catch {
    return null;
  }
}
