import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";

/**
 * Runs every bench/*.bench.ts (or only those named on the command line) and merges their
 * figures into bench/results.json, so one part can be re-measured without losing the others.
 * Each module exports `run(): Promise<Record<string, unknown>>`.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const resultsPath = join(__dirname, "results.json");
  const results: Record<string, unknown> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {};
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of modules) {
    console.log(`== ${file}`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<Record<string, unknown>> };
    const figures = await mod.run();
    Object.assign(results, figures);
    console.log(JSON.stringify(figures, null, 2));
  }
  results.machine = { cpus: cpus().length, node: process.version, measured: new Date().toISOString() };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");
  console.log(`Skrev ${resultsPath}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
