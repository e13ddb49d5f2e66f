import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { udfyldtArbejdsbog } from "../src/cli/main";
import type { RegelsaetRegister } from "../src/regelsaet";

const ROD = join(__dirname, "..");

/** The example record the CLI benches fill their skemaer from. */
export const EKSEMPEL = JSON.parse(readFileSync(join(ROD, "examples", "botilbud-syd-2018.json"), "utf8")) as Record<string, string | number>;

/** `antal` distinct filled skemaer (skema-0001.xlsx …) written with ExcelJS into `mappe`. */
export async function skrivSkemaMappe(mappe: string, register: RegelsaetRegister, antal = 1000): Promise<void> {
  for (let i = 0; i < antal; i++) {
    const wb = await udfyldtArbejdsbog({ ...EKSEMPEL, TS_Tilbud: `Tilbud ${i + 1}`, TS_Pladser: 8 + (i % 40), TS_Loen: 9_000_000 + i * 7_919 }, register);
    writeFileSync(join(mappe, `skema-${String(i + 1).padStart(4, "0")}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
  }
}
