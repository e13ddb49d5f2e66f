import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { buildApp } from "../src/server/app";
import { aabnPglite } from "../src/server/db";
import { opretToken } from "../src/server/tokens";
import { MAALGRUPPEKATEGORIER } from "../src/takstskema/felter";
import { startChromium } from "../tests/helpers/browser";
import { lytLokalt } from "../tests/helpers/lyt";
import { AAR } from "../tests/oversigt/saed";
import { saaPlan, saaStor, storPlan } from "../tests/oversigt/storSaed";
import { median } from "./maal";
import { brugbar, faneMedToken } from "./side";
import { maalSide as maalOversigt } from "./oversigt.bench";

/**
 * Issue 24, acceptance 4: the benchmark page (/benchmark) with 4,000 takstniveauer (storPlan's
 * four ydelser × the ten målgruppekategorier: 40 groups of 100), seeded through the storage
 * layer, in headless Chromium on loopback with PGlite, the secretariat's token (every niveau):
 *
 * - benchmark_4000_ms: from navigation (token in the tab) to a usable page: the first group in
 *   the DOM, a frame painted and a task after it run (as overview_<n>_ms);
 * - benchmark_4000_all_ms: until the last group is drawn (the page draws in turn, answering input);
 * - benchmark_api_4000_ms: GET /api/v1/benchmark alone from Node, the limit the page cannot beat;
 * - overview_1000_same_run_ms: the overview with 1,000 submissions in alternating rounds, same
 *   machine load; the limit is the overview's budget (300 ms, README).
 */

const ANTAL = 4000;
const KOERSLER = 5;
const GRAENSE_MS = 300;
const DIST = join(__dirname, "..", "dist");

async function maalBenchmark(browser: Browser, base: string, token: string): Promise<{ usable_ms: number; all_ms: number; groups: number }> {
  const { context, page } = await faneMedToken(browser, token);
  try {
    const t0 = performance.now();
    await page.goto(`${base}/benchmark?takstaar=${AAR}`, { waitUntil: "commit" });
    await brugbar(page, () => document.querySelector("#benchmark section.gruppe") !== null && !document.getElementById("indhold")!.hasAttribute("aria-busy"));
    const usable = performance.now() - t0;
    await page.waitForFunction(() => !document.getElementById("benchmark")!.hasAttribute("aria-busy"), undefined, { timeout: 60000 });
    const all = performance.now() - t0;
    return { usable_ms: usable, all_ms: all, groups: await page.evaluate(() => document.querySelectorAll("#benchmark section.gruppe").length) };
  } finally {
    await context.close();
  }
}

async function tjeneste(): Promise<{ base: string; luk: () => Promise<void>; sekretariat: string; afsender: string; db: Awaited<ReturnType<typeof aabnPglite>> }> {
  const data = mkdtempSync(join(tmpdir(), "takst-benchmark-bench-"));
  const db = await aabnPglite(join(data, "pglite"));
  const app = await buildApp({ db, statiskMappe: DIST, logger: false, lukDb: true });
  await app.ready();
  const sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
  const afsender = (await opretToken(db, { rolle: "kommune", driftsherre: "Kommune 001" })).id;
  const base = await lytLokalt(app);
  return { base, db, sekretariat, afsender, luk: async () => { await app.close(); rmSync(data, { recursive: true, force: true }); } };
}

const rund = (x: number) => Math.round(x);

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DIST, "benchmark.html"))) throw new Error("dist/benchmark.html findes ikke: kør npm run build først.");
  const bm = await tjeneste();
  const ov = await tjeneste();
  const browser = await startChromium();
  try {
    const plan = storPlan(ANTAL).map((p, i) => ({ ...p, gruppe: { TS_Maalgruppekategori: MAALGRUPPEKATEGORIER[Math.floor(i / 4) % MAALGRUPPEKATEGORIER.length]! } }));
    const seed = await saaPlan(bm.db, plan, [AAR], bm.afsender);
    await saaStor(ov.db, 1000, ov.afsender);

    const api: number[] = [];
    let bytes = 0;
    for (let i = 0; i < KOERSLER; i++) {
      const t0 = performance.now();
      const r = await fetch(`${bm.base}/api/v1/benchmark?takstaar=${AAR}`, { headers: { authorization: `Bearer ${bm.sekretariat}` } });
      const tekst = await r.text();
      api.push(performance.now() - t0);
      bytes = Buffer.byteLength(tekst);
      const b = JSON.parse(tekst) as { grupper: { niveauer: unknown[] }[] };
      const n = b.grupper?.reduce((s, g) => s + g.niveauer.length, 0);
      if (n !== ANTAL) throw new Error(`Benchmark-svaret har ${n} takstniveauer, ikke ${ANTAL} (status ${r.status})`);
    }

    await maalBenchmark(browser, bm.base, bm.sekretariat); // warm-up
    await maalOversigt(browser, ov.base, ov.sekretariat, 1000);
    const side: Awaited<ReturnType<typeof maalBenchmark>>[] = [];
    const oversigt: number[] = [];
    for (let i = 0; i < KOERSLER; i++) {
      // Alternating rounds, so both pages see the same machine load.
      side.push(await maalBenchmark(browser, bm.base, bm.sekretariat));
      oversigt.push((await maalOversigt(browser, ov.base, ov.sekretariat, 1000)).usable_ms);
    }
    const usable = rund(median(side.map((m) => m.usable_ms)));
    return {
      benchmark_4000_ms: usable,
      benchmark_4000_all_ms: rund(median(side.map((m) => m.all_ms))),
      benchmark_api_4000_ms: rund(median(api)),
      benchmark_4000_limit_ms: GRAENSE_MS,
      benchmark_4000_ratio_to_limit: Math.round((usable / GRAENSE_MS) * 100) / 100,
      benchmark_4000_ratio_to_api: Math.round((usable / median(api)) * 10) / 10,
      overview_1000_same_run_ms: rund(median(oversigt)),
      benchmark_4000_ratio_to_overview_1000: Math.round((usable / median(oversigt)) * 100) / 100,
      benchmark: {
        runs: KOERSLER,
        groups: side[0]!.groups,
        api_json_bytes: bytes,
        seed_seconds: seed,
        note: "benchmark_4000_ms = median time from navigation (secretariat's token in the tab) to a usable /benchmark page with 4,000 takstniveauer in 40 groups: the first group in the DOM, a frame painted and a task run after it; _all_ms = until every group is drawn (the page asks for the first group's niveauer first, draws its first 30 rows, then reads the rest in parts of 8 groups and draws it in tasks of about 100 rows); limit = the overview's budget (300 ms for 1,000 submissions); overview_1000_same_run_ms = the overview page measured in alternating rounds in the same run. Headless Chromium on loopback, PGlite.",
      },
    };
  } finally {
    await browser.close();
    await bm.luk();
    await ov.luk();
  }
}
