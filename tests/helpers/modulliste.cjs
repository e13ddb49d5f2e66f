// Preloaded into a child (`NODE_OPTIONS="--require …/modulliste.cjs"`, tests of lazy loading): on
// exit, writes the file of every CommonJS module the main thread loaded, one a line, to the file
// named by MODULSPOR_FIL. Worker threads (PGlite's) preload it too but write nothing.
const { writeFileSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");

const fil = process.env.MODULSPOR_FIL;
if (fil && isMainThread) process.on("exit", () => writeFileSync(fil, Object.keys(require.cache).join("\n") + "\n"));
