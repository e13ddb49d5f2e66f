#!/usr/bin/env node
// Runs the compiled CLI (build/, made by `npm run build`): Node starts it in a fraction of the
// time a TypeScript loader needs (npm run bench, startup).
require("./start").koer("takstskema", "cli/main.js");
