// `npm start`: runs `npm run build` only when what the build reads has changed since the last
// build, so a second start does not spend its 15-20 s rebuilding the same files. The build's
// inputs (and the variables that change the manifest) are hashed by content, not by mtime: a
// `git checkout` or a copy that touches files without changing them does not force a build.
const { createHash } = require("node:crypto");
const { spawnSync } = require("node:child_process");
const { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { join, relative } = require("node:path");

/** What `npm run build` reads (webpack.config.js, tsconfig.build.json, scripts/kopier-byggefiler.js). */
const INDDATA = ["src", "assets", "rulesets", "manifest.xml", "package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "webpack.config.js", "scripts/kopier-byggefiler.js"];
/** The manifest in dist/ follows these (webpack.config.js). */
const MILJOE = ["ADDIN_URL", "PORT"];
/** Both outputs carry the hash of the inputs they were built from. */
const UDDATA = ["build", "dist"];
const STEMPEL = ".byggestempel";

function filer(rod, sti) {
  const fuld = join(rod, sti);
  if (!existsSync(fuld)) return [];
  if (!statSync(fuld).isDirectory()) return [sti];
  return readdirSync(fuld)
    .sort()
    .flatMap((navn) => filer(rod, join(sti, navn)));
}

/** The hash of the build's inputs under `rod` and of the environment the manifest follows. */
function fingeraftryk(rod, env = process.env) {
  const h = createHash("sha256");
  for (const navn of MILJOE) h.update(`${navn}=${env[navn] ?? ""}\0`);
  for (const sti of INDDATA.flatMap((s) => filer(rod, s))) {
    h.update(`${relative(rod, join(rod, sti)).split("\\").join("/")}\0`);
    h.update(readFileSync(join(rod, sti)));
    h.update("\0");
  }
  return h.digest("hex");
}

/** Whether to build, and why (in Danish, for the terminal). */
function beslutning(rod, env = process.env) {
  const aftryk = fingeraftryk(rod, env);
  const stempler = UDDATA.map((m) => join(rod, m, STEMPEL));
  if (stempler.some((s) => !existsSync(s))) return { byg: true, aftryk, grund: "der er ikke bygget før (build/ eller dist/ mangler)" };
  if (stempler.some((s) => readFileSync(s, "utf8").trim() !== aftryk)) return { byg: true, aftryk, grund: "kildefilerne, pakkerne eller PORT/ADDIN_URL er ændret siden sidste byg" };
  return { byg: false, aftryk, grund: "kildefilerne er uændrede siden sidste byg" };
}

/** After a build that succeeded: build/ and dist/ remember the inputs they were built from. */
function skrivStempler(rod, aftryk) {
  for (const m of UDDATA) {
    mkdirSync(join(rod, m), { recursive: true });
    writeFileSync(join(rod, m, STEMPEL), `${aftryk}\n`);
  }
}

function main() {
  const rod = join(__dirname, "..");
  const b = beslutning(rod);
  if (!b.byg) {
    console.log(`Genbruger build/ og dist/: ${b.grund}.`);
    return 0;
  }
  console.log(`Bygger (npm run build): ${b.grund}.`);
  // A build stopped halfway must not be reused as finished by the next start.
  for (const m of UDDATA) rmSync(join(rod, m, STEMPEL), { force: true });
  const r = spawnSync("npm", ["run", "build"], { cwd: rod, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    console.error("Bygget mislykkedes; serveren startes ikke.");
    return r.status ?? 1;
  }
  skrivStempler(rod, b.aftryk);
  return 0;
}

module.exports = { beslutning, fingeraftryk, skrivStempler };

if (require.main === module) process.exitCode = main();
