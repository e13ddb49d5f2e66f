const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

// The same embedded rulesets webpack's DefinePlugin gives the browser bundle (src/regelsaet/indlejret.ts).
const rulesetDir = join(__dirname, "rulesets");
const __REGELSAET__ = readdirSync(rulesetDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(rulesetDir, f), "utf8")));

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  globals: { __REGELSAET__ },
  // The browser, PostgreSQL and LibreOffice suites start real programs.
  testTimeout: 60000,
  maxWorkers: 2,
};
