import { tilsynsRegister } from "../regelsaet/tilsyn";
import { tilsynsskemaLayout } from "../tilsynsskema";
import { indsaetSkabelon, type IndsaetResultat } from "./excel-workbook";

/**
 * Insert the socialtilsyn's tilsynsskema (sheet Tilsynsskema, names ST_…) for one of the
 * built-in TILSYN- rulesets, with the same writer as the takstskema: one layout, two syncs.
 */
export async function indsaetTilsynsskema(regelsaetId: string): Promise<IndsaetResultat> {
  const r = tilsynsRegister().find(regelsaetId.trim().toUpperCase());
  if (!r) throw new Error(`Ukendt tilsynsregelsæt "${regelsaetId}". Kendte: ${tilsynsRegister().ids().join(", ")}.`);
  return indsaetSkabelon(tilsynsskemaLayout(r));
}

/** The socialtilsyn's rulesets the pane can offer (TILSYN-REGION-ÅR). */
export function tilsynsRegelsaetIds(): string[] {
  return tilsynsRegister().ids();
}
