import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { STANDARD_HASTIGHED } from "../src/server/graenser";
import { type Server, startServer } from "../tests/server/barn";
import { ledigPort } from "../tests/server/pgCluster";
import { median } from "./maal";

/**
 * Issue 26, load behind a proxy: `takst-server start` (PGlite, the standard rate limit of 300 a
 * minute) with TRUST_PROXY=127.0.0.1, as behind nginx on the same machine. A well-behaved client
 * fetches the rulesets the way the pane does (GET /api/v1/regelsaet, one request every 10 ms);
 * its p99 alone is compared with its p99 while another client, with another X-Forwarded-For,
 * floods the same route over 8 connections (autocannon). Rounds alternate alone and flood; each
 * phase names the well-behaved client with a fresh address, so its bucket is its own. Last, the
 * same flood without TRUST_PROXY: how many of the well-behaved client's requests got 429.
 */

interface AutocannonResultat {
  requests: { total: number };
  "2xx": number;
  non2xx: number;
  errors: number;
}
interface Tracker {
  stop(): void;
}
type Autocannon = (o: Record<string, unknown>, cb: (err: Error | null, r: AutocannonResultat) => void) => Tracker;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require("autocannon") as Autocannon;

const STI = "/api/v1/regelsaet";
const FLOD = "203.0.113.1";
const RUNDER = 3;
const ANTAL = 200; // below the limit of 300 a minute: the well-behaved client is never held back by its own use
const PAUSE_MS = 10;

/** The well-behaved client: ANTAL sequential requests from `adresse`; latencies (ms) and statuses. */
async function venlig(base: string, adresse: string, antal = ANTAL): Promise<{ ms: number[]; status: Record<number, number> }> {
  const ms: number[] = [];
  const status: Record<number, number> = {};
  for (let i = 0; i < antal; i++) {
    const t0 = performance.now();
    const r = await fetch(base + STI, { headers: { "x-forwarded-for": adresse } });
    await r.arrayBuffer();
    ms.push(performance.now() - t0);
    status[r.status] = (status[r.status] ?? 0) + 1;
    await new Promise((ok) => setTimeout(ok, PAUSE_MS));
  }
  return { ms, status };
}

/** `fn` while one client floods from FLOD; the flood's counts. */
async function underFlod<T>(base: string, fn: () => Promise<T>): Promise<{ svar: T; flod: AutocannonResultat }> {
  let tracker: Tracker | undefined;
  const flod = new Promise<AutocannonResultat>((ok, fejl) => {
    tracker = autocannon({ url: base + STI, connections: 8, duration: 120, headers: { "x-forwarded-for": FLOD } }, (e, r) => (e ? fejl(e) : ok(r)));
  });
  await new Promise((ok) => setTimeout(ok, 500)); // the flood is past its 300 and answered 429
  const svar = await fn();
  tracker!.stop();
  return { svar, flod: await flod };
}

const p99 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.99) - 1]!;
const r1 = (x: number) => Math.round(x * 10) / 10;

async function medServer<T>(env: NodeJS.ProcessEnv, fn: (s: Server) => Promise<T>): Promise<T> {
  const data = mkdtempSync(join(tmpdir(), "takst-bench-proxy-"));
  const s = await startServer({ port: await ledigPort(), data, env: { RATE_LIMIT: String(STANDARD_HASTIGHED.antal), ...env } });
  try {
    return await fn(s);
  } finally {
    await s.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const runder = await medServer({ TRUST_PROXY: "127.0.0.1" }, async (s) => {
    await venlig(s.base, "203.0.113.200", 50); // warm-up
    const ud: { alene_p99_ms: number; flod_p99_ms: number; ratio: number; venlig_status: Record<number, number>; flod_2xx: number; flod_429_andel: number }[] = [];
    for (let i = 0; i < RUNDER; i++) {
      const alene = await venlig(s.base, `203.0.113.${10 + 2 * i}`);
      const { svar, flod } = await underFlod(s.base, () => venlig(s.base, `203.0.113.${11 + 2 * i}`));
      ud.push({
        alene_p99_ms: r1(p99(alene.ms)),
        flod_p99_ms: r1(p99(svar.ms)),
        ratio: Math.round((p99(svar.ms) / p99(alene.ms)) * 100) / 100,
        venlig_status: svar.status,
        flod_2xx: flod["2xx"],
        flod_429_andel: Math.round((flod.non2xx / flod.requests.total) * 1000) / 1000,
      });
    }
    return ud;
  });
  const udenTrustProxy = await medServer({}, async (s) => (await underFlod(s.base, () => venlig(s.base, "203.0.113.99", 50))).svar.status);
  return {
    proxy_flood_p99_ratio: median(runder.map((r) => r.ratio)),
    proxy_flood: {
      runder,
      uden_trust_proxy_venlig_status: udenTrustProxy,
      note: `proxy_flood_p99_ratio = median over ${RUNDER} rounds of (well-behaved client's p99 while another client floods) / (its p99 alone); takst-server start with TRUST_PROXY=127.0.0.1 and RATE_LIMIT=${STANDARD_HASTIGHED.antal}, GET ${STI}, ${ANTAL} requests ${PAUSE_MS} ms apart, the flood 8 connections from another X-Forwarded-For (its requests past the limit answered 429). Client and server on this machine. uden_trust_proxy_venlig_status: the well-behaved client's statuses under the same flood without TRUST_PROXY (one shared bucket).`,
    },
  };
}
