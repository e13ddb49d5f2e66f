// After `tsc -p tsconfig.build.json`: the files the compiled server reads beside its own code
// (the SQL migrations and PGlite's worker) are copied from src/ to the same place under build/.
const { cpSync, readdirSync } = require("node:fs");
const { join } = require("node:path");

const rod = join(__dirname, "..");
const filer = [
  ...readdirSync(join(rod, "src", "server", "migrations")).filter((f) => f.endsWith(".sql")).map((f) => join("server", "migrations", f)),
  join("server", "pglite-worker.js"),
];
for (const f of filer) cpSync(join(rod, "src", f), join(rod, "build", f));
