import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { udfyldtArbejdsbog } from "../src/cli/main";
import { laesRegelsaetMappe } from "../src/regelsaet/fraMappe";
import { validerSkema } from "../src/takstskema";
import { median } from "./maal";

/**
 * validate_one_ms: median of 200 timed validerSkema calls on the example record (after 50 warm-up calls).
 * validate_1000_files_s: wall time of the CLI subprocess `node bin/takstskema.js valider <mappe> --json`
 * on 1,000 distinct filled skemaer written with ExcelJS (generation not timed).
 */
export async function run(): Promise<Record<string, unknown>> {
  const register = laesRegelsaetMappe();
  const rod = join(__dirname, "..");
  const eksempel = JSON.parse(readFileSync(join(rod, "examples", "botilbud-syd-2018.json"), "utf8")) as Record<string, string | number>;
  const indsendt = new Date("2017-11-10T12:00:00+01:00");

  for (let i = 0; i < 50; i++) validerSkema(eksempel, { register, indsendt });
  const tider: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = process.hrtime.bigint();
    validerSkema(eksempel, { register, indsendt });
    tider.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }

  const mappe = mkdtempSync(join(tmpdir(), "takstskema-bench-"));
  try {
    for (let i = 0; i < 1000; i++) {
      const wb = await udfyldtArbejdsbog({ ...eksempel, TS_Tilbud: `Tilbud ${i + 1}`, TS_Pladser: 8 + (i % 40), TS_Loen: 9_000_000 + i * 7_919 }, register);
      writeFileSync(join(mappe, `skema-${String(i + 1).padStart(4, "0")}.xlsx`), Buffer.from(await wb.xlsx.writeBuffer()));
    }
    const t0 = process.hrtime.bigint();
    const ud = execFileSync(process.execPath, [join(rod, "bin", "takstskema.js"), "valider", mappe, "--json", "--indsendt", "2017-11-10"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const sekunder = Number(process.hrtime.bigint() - t0) / 1e9;
    const resultater = JSON.parse(ud) as { ok: boolean }[];
    if (resultater.length !== 1000) throw new Error(`forventede 1000 resultater, fik ${resultater.length}`);
    const validate_one_ms = Math.round(median(tider) * 1000) / 1000;
    const validate_1000_files_s = Math.round(sekunder * 100) / 100;
    return {
      validate_one_ms,
      validate_1000_files_s,
      takstskema: {
        validate_one_ms,
        validate_1000_files_s,
        validate_1000_files_ok: resultater.filter((r) => r.ok).length,
        command: "node bin/takstskema.js valider <mappe med 1000 .xlsx> --json --indsendt 2017-11-10",
      },
    };
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}
