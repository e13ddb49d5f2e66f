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

const ESM_PAKKER = ["openid-client", "oauth4webapi", "jose", "oidc-provider"].join("|");

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // The OpenID client and the test's OpenID provider are ES modules only; Jest below Node 24.9
    // cannot require them (Node itself can), so Jest compiles them to CommonJS.
    [`/node_modules/(${ESM_PAKKER})/.+\\.js$`]: ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022", esModuleInterop: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PAKKER})/)`],
  globals: { __REGELSAET__, __TILSYN_REGELSAET__ },
  // The browser, PostgreSQL and LibreOffice suites start real programs, and CI may run on a loaded
  // 2-core machine: one generous limit for every test and hook (tests/helpers/ventetid.ts), not a
  // tight one per test. A test that waits for something ends on the event, not on this limit.
  testTimeout: 300_000,
  maxWorkers: 2,
};
