#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx takstskema …` works from a clean clone without a build.
process.env.TAKSTSKEMA_CLI = "1";
require("tsx/cjs");
require("../src/cli/main.ts");
