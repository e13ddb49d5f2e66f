/** Calls per second of `fn`, measured for about `ms` milliseconds after a warm-up. */
export function kaldPrSekund(fn: () => unknown, ms = 1000): number {
  for (let i = 0; i < 1000; i++) fn();
  let calls = 0;
  const start = process.hrtime.bigint();
  const stop = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < stop) {
    for (let i = 0; i < 100; i++) fn();
    calls += 100;
    now = process.hrtime.bigint();
  }
  return Math.round(calls / (Number(now - start) / 1e9));
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
