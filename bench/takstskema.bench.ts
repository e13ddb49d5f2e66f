import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { laesRegelsaetMappe } from "../src/regelsaet/fraMappe";
import { validerSkema } from "../src/takstskema";
import { zipBombe } from "../tests/helpers/zip";
import { median } from "./maal";
import { EKSEMPEL, skrivSkemaMappe } from "./skemaMappe";

const ROD = join(__dirname, "..");

/** One CLI run as a child process: wall time, peak resident memory, exit code, stdout. */
function koer(args: string[], env: Record<string, string> = {}): { s: number; peak_mb: number; kode: number; ud: string; fejl: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", join(ROD, "tests", "helpers", "toprss.cjs"), join(ROD, "bin", "takstskema.js"), ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...env },
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const kb = Number(/toprss_kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { s, peak_mb: Math.round(kb / 1024), kode: r.status ?? -1, ud: r.stdout, fejl: r.stderr };
}

const rund = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * validate_one_ms: median of 200 timed validerSkema calls on the example record (after 50 warm-up calls).
 * validate_1000_files_s: wall time of the CLI subprocess `node bin/takstskema.js valider <mappe> --json`
 * on 1,000 distinct filled skemaer written with ExcelJS (generation not timed); median of
 * 3 rounds alternating with the reference, the same CLI on the ExcelJS path alone
 * (TAKSTSKEMA_LAESER=exceljs), whose output must be byte-identical. Peak memory is the child's
 * maxRSS. cli_zipbomb_peak_mb: the CLI on a 2.6 MB .xlsx whose sheet inflates to 2,500 MB.
 */
export async function run(): Promise<Record<string, unknown>> {
  const register = laesRegelsaetMappe();
  const eksempel = EKSEMPEL;
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
    await skrivSkemaMappe(mappe, register);
    const args = ["valider", mappe, "--json", "--indsendt", "2017-11-10"];
    const hurtig: ReturnType<typeof koer>[] = [];
    const exceljs: ReturnType<typeof koer>[] = [];
    for (let runde = 0; runde < 3; runde++) {
      hurtig.push(koer(args));
      exceljs.push(koer(args, { TAKSTSKEMA_LAESER: "exceljs" }));
    }
    for (const r of [...hurtig, ...exceljs]) if (r.kode !== 0 && r.kode !== 1) throw new Error(`CLI fejlede (${r.kode}): ${r.fejl.slice(0, 500)}`);
    const identisk = hurtig.every((r) => r.ud === exceljs[0]!.ud);
    if (!identisk) throw new Error("hurtig læser og ExcelJS gav forskelligt output");
    const resultater = JSON.parse(hurtig[0]!.ud) as { ok: boolean }[];
    if (resultater.length !== 1000) throw new Error(`forventede 1000 resultater, fik ${resultater.length}`);

    const bombeFil = join(mappe, "bombe.xlsx");
    writeFileSync(bombeFil, zipBombe(readFileSync(join(ROD, "examples", "botilbud-syd-2018.xlsx")), 2500));
    const bombe = koer(["valider", bombeFil]);
    if (bombe.kode !== 2) throw new Error(`zip-bomben gav exitkode ${bombe.kode}`);

    const validate_one_ms = rund(median(tider), 3);
    const validate_1000_files_s = rund(median(hurtig.map((r) => r.s)));
    const reference_s = rund(median(exceljs.map((r) => r.s)));
    const validate_1000_files_peak_mb = Math.max(...hurtig.map((r) => r.peak_mb));
    return {
      validate_one_ms,
      validate_1000_files_s,
      validate_1000_files_peak_mb,
      cli_zipbomb_peak_mb: bombe.peak_mb,
      takstskema: {
        validate_one_ms,
        validate_1000_files_s,
        validate_1000_files_peak_mb,
        validate_1000_files_limit_s: 2,
        validate_1000_files_exceljs_s: reference_s,
        validate_1000_files_exceljs_peak_mb: Math.max(...exceljs.map((r) => r.peak_mb)),
        ratio_exceljs_over_fast: rund(reference_s / validate_1000_files_s, 1),
        rounds_s: { fast: hurtig.map((r) => rund(r.s)), exceljs: exceljs.map((r) => rund(r.s)) },
        output_identical: identisk,
        validate_1000_files_ok: resultater.filter((r) => r.ok).length,
        cli_zipbomb_peak_mb: bombe.peak_mb,
        cli_zipbomb_bytes: readFileSync(bombeFil).length,
        cli_zipbomb_s: rund(bombe.s),
        command: "node bin/takstskema.js valider <mappe med 1000 .xlsx> --json --indsendt 2017-11-10 (reference: TAKSTSKEMA_LAESER=exceljs); 3 alternating rounds, median",
      },
    };
  } finally {
    rmSync(mappe, { recursive: true, force: true });
  }
}
