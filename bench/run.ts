import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { skrivReadme } from "./readme";
import { type Resultater, flet } from "./resultater";

/**
 * Runs every bench/*.bench.ts (or only those named on the command line, e.g. `oversigt`) and
 * writes their figures to bench/results.json (bench/resultater.ts: a full run starts empty; a
 * part re-run replaces all that part's keys), then regenerates the README's table from it.
 * Each module exports `run(): Promise<Record<string, unknown>>`; its part is its file name.
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const resultsPath = join(__dirname, "results.json");
  const foer = (existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {}) as Resultater;
  const modules = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  if (modules.length === 0) throw new Error(`Ingen bench/*.bench.ts begynder med ${only.join(", ")}.`);
  if (only.length > 0 && !foer.parts) console.warn("results.json har ingen parts: de andre deles nøgler bevares, men kun en fuld kørsel fjerner forældede tal.");
  const koersel: { del: string; figurer: Record<string, unknown> }[] = [];
  for (const file of modules) {
    console.log(`== ${file}`);
    const mod = (await import(join(__dirname, file))) as { run: () => Promise<Record<string, unknown>> };
    const figurer = await mod.run();
    koersel.push({ del: file.replace(/\.bench\.ts$/, ""), figurer });
    console.log(JSON.stringify(figurer, null, 2));
  }
  const measured = new Date().toISOString();
  const results = { ...flet(foer, koersel, only.length === 0, measured), machine: { cpus: cpus().length, node: process.version, measured } };
  writeFileSync(resultsPath, JSON.stringify(results, null, 2) + "\n");
  console.log(`Skrev ${resultsPath}`);
  skrivReadme(results);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
