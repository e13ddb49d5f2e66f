const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

// The same embedded rulesets webpack's DefinePlugin gives the browser bundle (src/regelsaet/indlejret.ts).
const regelsaet = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
const __REGELSAET__ = regelsaet(join(__dirname, "rulesets"));
const __TILSYN_REGELSAET__ = regelsaet(join(__dirname, "rulesets", "tilsyn"));

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  globals: { __REGELSAET__, __TILSYN_REGELSAET__ },
  // The browser, PostgreSQL and LibreOffice suites start real programs.
  testTimeout: 60000,
  maxWorkers: 2,
};
