#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx takst-server …` works without a build.
process.env.TAKST_SERVER_CLI = "1";
require("tsx/cjs");
require("../src/server/cli.ts");
