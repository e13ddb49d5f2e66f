// Preloaded into a measured child (`node -r bench/graense/cpu.cjs …`, bench/opstart.bench.ts): prints
// the CPU time (user + system) of the whole process on exit, so a loaded machine's waits do not count.
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\ncpu_ms=${Math.round((user + system) / 1000)}\n`);
});
