// Preloaded into a measured child (`node -r tests/helpers/toprss.cjs …`; bench and tests): prints its peak resident memory on exit.
process.on("exit", () => process.stderr.write(`\ntoprss_kb=${process.resourceUsage().maxRSS}\n`));
