// Preloaded into a measured child (`node -r tests/helpers/toprss.cjs …`; bench and tests): prints its peak resident memory on exit.
// Linux keeps getrusage's maxRSS across execve, so a child spawned from a large Jest worker would
// report the worker's size; VmHWM in /proc/self/status belongs to the new process image alone.
const { readFileSync } = require("node:fs");

function toppKb() {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]);
  } catch {
    // Not Linux: getrusage's figure.
  }
  return process.resourceUsage().maxRSS;
}

process.on("exit", () => process.stderr.write(`\ntoprss_kb=${toppKb()}\n`));
