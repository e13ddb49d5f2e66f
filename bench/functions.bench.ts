import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/**
 * Size of the custom functions bundle as Excel downloads it: dist/functions.js from a fresh
 * production build, gzip-compressed (zlib's default level, what a server's gzip sends).
 */
export async function run(): Promise<Record<string, unknown>> {
  const rod = join(__dirname, "..");
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: rod, stdio: "ignore" });
  const byggesekunder = Number(process.hrtime.bigint() - start) / 1e9;
  const bundle = readFileSync(join(rod, "dist", "functions.js"));
  return {
    functions_bundle_gzip_bytes: gzipSync(bundle).length,
    functions_bundle_bytes: bundle.length,
    production_build_seconds: Math.round(byggesekunder * 10) / 10,
  };
}
