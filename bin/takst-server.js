#!/usr/bin/env node
// Runs the compiled service (build/, made by `npm run build`): Node starts it in a fraction of
// the time a TypeScript loader needs (npm run bench, startup).
require("./start").koer("takst-server", "server/cli.js");
