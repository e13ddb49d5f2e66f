import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sideScripts } from "../tests/functions/dist";
import { kaldPrSekund, median } from "./maal";

/**
 * 1. Size of the custom functions bundle as Excel downloads it: dist/functions.js from a fresh
 *    production build, gzip-compressed (zlib's default level, what a server's gzip sends), and
 *    every script the shared-runtime page (taskpane.html) loads.
 * 2. SOC.TAKST, SOC.OVERHEAD and SOC.EFTERREG through the exported functions (what Excel calls),
 *    beside the engine's decimal.js path, its double fast path and the same formula in plain
 *    doubles (the limit), measured in alternating rounds in this one run, medians.
 */

const RUNDER = 7;
const MS_PR_RUNDE = 250;

// Results are folded into a sink so the JIT cannot drop the plain-number calls as dead code.
let sink = 0;
const keep = (n: unknown) => {
  if (typeof n === "number") sink += n;
};

/** Realistic arguments, cycled so no variant sees constants the JIT could fold. */
function puljer() {
  const n = 1024;
  const takst: [number, number, number][] = [];
  const overhead: [number, number][] = [];
  const efterreg: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    takst.push([5_000_000 + ((i * 7919) % 20_000_000), 5 + (i % 40), 0.8 + (i % 20) / 100]);
    overhead.push([1_000_000 + ((i * 104_729) % 50_000_000), (20 + (i % 25)) / 1000]);
    efterreg.push([-900_000 + ((i * 15_485_863) % 1_800_000), 2_000_000 + ((i * 7919) % 8_000_000)]);
  }
  return { takst, overhead, efterreg };
}

function cyklisk<T>(pulje: T[], f: (a: T) => unknown): () => void {
  let i = 0;
  return () => {
    keep(f(pulje[i]!));
    i = (i + 1) & (pulje.length - 1);
  };
}

async function kaldFigurer(): Promise<Record<string, unknown>> {
  await import("../tests/functions/customFunctionsStub"); // CustomFunctions.Error, as Excel provides it
  const adapter = await import("../src/functions/functions");
  const motor = await import("../src/engine");
  const p = puljer();
  const halvtVaek = (x: number) => Math.sign(x) * Math.round(Math.abs(x)) || 0;

  const varianter = {
    TAKST: {
      adapter: cyklisk(p.takst, ([g, pl, b]) => adapter.takst(g, pl, b, null, null)),
      engine_fast: cyklisk(p.takst, ([g, pl, b]) => motor.hurtigTakst(g, pl, b)),
      engine_decimal: cyklisk(p.takst, ([g, pl, b]) => motor.tilTal(motor.takst(g, pl, b))),
      number: cyklisk(p.takst, ([g, pl, b]) => halvtVaek(g / (pl * 365 * b))),
    },
    OVERHEAD: {
      adapter: cyklisk(p.overhead, ([g, s]) => adapter.overhead(g, s, null)),
      engine_fast: cyklisk(p.overhead, ([g, s]) => motor.hurtigOverhead(g, s)),
      engine_decimal: cyklisk(p.overhead, ([g, s]) => motor.tilTal(motor.overhead(g, s))),
      number: cyklisk(p.overhead, ([g, s]) => halvtVaek(g * s)),
    },
    EFTERREG: {
      adapter: cyklisk(p.efterreg, ([r, b]) => adapter.efterreg(r, b, null)),
      engine_fast: cyklisk(p.efterreg, ([r, b]) => motor.hurtigEfterregulering(r, b)),
      engine_decimal: cyklisk(p.efterreg, ([r, b]) => motor.tilTal(motor.efterregulering(r, b))),
      number: cyklisk(p.efterreg, ([r, b]) => {
        const band = b * 0.05;
        return r > band ? band - r : r < -band ? -(r + band) : 0;
      }),
    },
  };

  const ud: Record<string, unknown> = {};
  for (const [navn, v] of Object.entries(varianter)) {
    const maalinger: Record<string, number[]> = { adapter: [], engine_fast: [], engine_decimal: [], number: [] };
    for (let r = 0; r < RUNDER; r++) {
      for (const [variant, fn] of Object.entries(v)) maalinger[variant]!.push(kaldPrSekund(fn, MS_PR_RUNDE));
    }
    const m = (k: string) => Math.round(median(maalinger[k]!));
    const graense = m("number");
    const forhold = (x: number) => Math.round((x / graense) * 1000) / 1000;
    ud[navn] = {
      adapter_calls_per_s: m("adapter"),
      engine_fast_calls_per_s: m("engine_fast"),
      engine_decimal_calls_per_s: m("engine_decimal"),
      number_calls_per_s: graense,
      limit: "number_calls_per_s",
      ratio_to_limit: forhold(m("adapter")),
      engine_fast_ratio_to_limit: forhold(m("engine_fast")),
      engine_decimal_ratio_to_limit: forhold(m("engine_decimal")),
    };
  }
  ud.note = `calls per second through the exported Excel function (adapter), the engine's fast path and decimal.js path, and the same formula in plain doubles (the limit); 1,024 realistic argument sets cycled, ${RUNDER} alternating rounds of ${MS_PR_RUNDE} ms, medians`;
  return ud;
}

export async function run(): Promise<Record<string, unknown>> {
  const rod = join(__dirname, "..");
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: rod, stdio: "ignore" });
  const byggesekunder = Number(process.hrtime.bigint() - start) / 1e9;
  const dist = join(rod, "dist");
  const bundle = readFileSync(join(dist, "functions.js"));
  const scripts = sideScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  const sideGzip = scripts.reduce((s, f) => s + gzipSync(readFileSync(join(dist, f))).length, 0);
  return {
    functions_bundle_gzip_bytes: gzipSync(bundle).length,
    functions_bundle_bytes: bundle.length,
    shared_page_scripts: scripts,
    shared_page_scripts_gzip_bytes: sideGzip,
    production_build_seconds: Math.round(byggesekunder * 10) / 10,
    functions: await kaldFigurer(),
    ...(Number.isNaN(sink) ? { sink } : {}),
  };
}
