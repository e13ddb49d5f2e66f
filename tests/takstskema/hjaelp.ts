import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import type { Udfyldning } from "../../src/cli/skabelon";
import { laesRegelsaetMappe } from "../../src/regelsaet/fraMappe";
import { type Fund, type Valideringsresultat, validerSkema } from "../../src/takstskema";

export const REGISTER = laesRegelsaetMappe();
export const EKSEMPEL_STI = join(__dirname, "..", "..", "examples", "botilbud-syd-2018.json");
/** Before SYD-2018's deadline (15.11.2017, 004:4418), so TS090 stays quiet unless a test wants it. */
export const I_TIDE = new Date("2017-11-10T10:00:00+01:00");

export function eksempel(): Record<string, string | number> {
  return JSON.parse(readFileSync(EKSEMPEL_STI, "utf8")) as Record<string, string | number>;
}

/**
 * Hand calculation of the example (examples/botilbud-syd-2018.json), not by the code under test:
 * overheadgrundlag = 14.250.000 + 620.000 + 180.000 + 162.400 + 950.000 + 400.000 + 176.400
 *                    + 90.000 - 150.000 = 16.678.800 (the lines of 004:4985-5003)
 * overhead = 16.678.800 × 4,4 % = 733.867,2 → 733.867
 * takstgrundlag = 14.250.000 + 180.000 + 620.000 + 162.400 + 733.867 + 38.254 + 950.000
 *                 + 400.000 + 176.400 - 240.000 + 90.000 - 150.000 = 17.210.921
 * belægningsdage = 24 × 365 × 0,96 = 8.409,6; takst = 17.210.921 / 8.409,6 = 2.046,58 → 2.047
 * takstudvikling = 2.047 / (1.995 × 1,019) - 1 = +0,69 %
 * efterregulering: A4 = 17.000.000, A5 = 18.100.000 - 17.000.000 = 1.100.000, A7 = 1.100.000
 *                  - 860.000 = 240.000 → regulering -240.000; 5 % of 17.200.000 = 860.000.
 * tjenestemandspension = 20,3 % × 800.000 = 162.400 (004:5106-5108).
 */
export const FORVENTET = {
  overheadGrundlag: 16_678_800,
  overhead: 733_867,
  takstgrundlag: 17_210_921,
  belaegningsdage: 8409.6,
  takst: 2047,
  A4: 17_000_000,
  A5: 1_100_000,
  A7: 240_000,
};

export function valider(aendringer: Record<string, unknown> = {}, indsendt: Date = I_TIDE): Valideringsresultat {
  return validerSkema({ ...eksempel(), ...aendringer }, { register: REGISTER, indsendt });
}

/** Write the filled template with ExcelJS, read it back from the bytes, validate. */
export async function rundtur(
  aendringer: Udfyldning = {},
  cache: Udfyldning = {},
  indsendt: Date = I_TIDE,
  efterbehandling?: (wb: ExcelJS.Workbook) => void,
): Promise<Valideringsresultat> {
  const wb = await udfyldtArbejdsbog({ ...eksempel(), ...aendringer }, REGISTER, cache);
  efterbehandling?.(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const laest = await laesSkemaBuffer(buf, "test.xlsx");
  // Every round-trip file is read through ExcelJS as well: the fast reader must give the same.
  const reference = await laesSkemaBuffer(buf, "test.xlsx", { laeser: "exceljs" });
  expect({ ...laest, laeser: "" }).toEqual({ ...reference, laeser: "" });
  const res = validerSkema(laest.vaerdier, { register: REGISTER, indsendt });
  const findings = [...laest.fund, ...res.findings];
  return { ...res, findings, ok: !findings.some((f) => f.severity === "error") };
}

export const kort = (f: Fund[]) => f.map((x) => `${x.code} ${x.severity} ${x.field} ${x.cell}`);
