import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startChromium } from "../tests/helpers/browser";
import { laesRegelsaetMappe } from "../src/regelsaet/fraMappe";
import { buildApp } from "../src/server/app";
import { aabnPglite } from "../src/server/db";
import { behandlKrop } from "../src/server/indberetning";
import { gemIndberetning } from "../src/server/lager";
import { opretToken } from "../src/server/tokens";
import { AAR, FORRIGE, type Plan, skema } from "../tests/oversigt/saed";

/**
 * Issue 7: the secretariat's overview with 1,000 current submissions (and 1,000 from the year
 * before, so every row has a takstudvikling). Seeded through the storage layer (the same
 * validator and gemIndberetning as the API, without HTTP), then the built page in headless
 * Chromium: open /oversigt, enter the token, until the table holds 1,000 rows. Median of runs.
 */

const ANTAL = 1000;
const KOERSLER = 5;
const DIST = join(__dirname, "..", "dist");

const YDELSER = [
  { ydelse: "Længerevarende botilbud", lov: "SEL § 108", enhed: "døgn" },
  { ydelse: "Midlertidigt botilbud", lov: "SEL § 107", enhed: "døgn" },
  { ydelse: "Beskyttet beskæftigelse", lov: "SEL § 103", enhed: "dag" },
  { ydelse: "Aktivitets- og samværstilbud", lov: "SEL § 104", enhed: "dag" },
] as const;

/** 50 driftsherrer × 20 tilbud; about one in eight changes beyond ±5 %, a few with TS012. */
function plan(): Plan[] {
  return Array.from({ length: ANTAL }, (_, i) => {
    const y = YDELSER[i % YDELSER.length]!;
    const t2020 = 800 + ((i * 37) % 2400);
    const skridt = [0, 1, 2, 3, -1, -2, 1, 12][i % 8]!; // per cent, real change ≈ skridt
    return {
      driftsherre: `Kommune ${String(Math.floor(i / 20) + 1).padStart(2, "0")}`,
      tilbud: `Tilbud ${String(i + 1).padStart(4, "0")}`,
      ...y,
      pladser: 5 + (i % 20),
      t2020,
      t2021: Math.round(t2020 * 1.02 * (1 + skridt / 100)),
      belaegningsafvigelse: i % 25 === 0,
    };
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : Math.round((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2);
};

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke: kør npm run build først.");
  const data = mkdtempSync(join(tmpdir(), "takst-oversigt-bench-"));
  const db = await aabnPglite(join(data, "pglite"));
  const app = await buildApp({ db, statiskMappe: DIST, logger: false, lukDb: true });
  try {
    const sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
    const afsender = await opretToken(db, { rolle: "kommune", driftsherre: "Kommune 01" });
    const register = laesRegelsaetMappe();
    const start = Date.now();
    for (const aar of [FORRIGE, AAR]) {
      for (const p of plan()) {
        const b = behandlKrop(skema(p, aar, aar === AAR ? p.t2021! : p.t2020!), register, new Date());
        if (!b.ok) throw new Error(`Ugyldigt bench-skema: ${JSON.stringify(b.findings)}`);
        await gemIndberetning(db, { ...b.noegle, sha256: b.sha256, payload: b.indhold, vaerdier: b.vaerdier, findings: b.findings, sprunget: b.skipped, beregnet: b.beregnet, tokenId: afsender.id });
      }
    }
    const seedSekunder = Math.round((Date.now() - start) / 100) / 10;

    await app.listen({ port: 0, host: "127.0.0.1" });
    const adr = app.server.address();
    const base = `http://127.0.0.1:${typeof adr === "object" && adr ? adr.port : 0}`;

    const api: number[] = [];
    let bytes = 0;
    for (let i = 0; i < KOERSLER; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/api/v1/oversigt?takstaar=${AAR}`, { headers: { authorization: `Bearer ${sekretariat}` } });
      const tekst = await r.text();
      api.push(performance.now() - t0);
      bytes = Buffer.byteLength(tekst);
      if ((JSON.parse(tekst) as { antal: { indberetninger: number } }).antal.indberetninger !== ANTAL) throw new Error("Oversigten har ikke 1.000 indberetninger");
    }

    const browser = await startChromium();
    const side: number[] = [];
    const render: number[] = [];
    const ialt: number[] = [];
    try {
      for (let i = 0; i < KOERSLER; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
        const page = await context.newPage();
        await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")));
        const t0 = performance.now();
        await page.goto(`${base}/oversigt`, { waitUntil: "load" });
        const t1 = performance.now();
        await page.fill("#token", sekretariat);
        const t2 = performance.now();
        await page.press("#token", "Enter");
        await page.waitForFunction((n) => document.querySelectorAll("#raekker tr[data-id]").length === n, ANTAL, { polling: "raf", timeout: 30000 });
        const t3 = performance.now();
        side.push(t1 - t0);
        render.push(t3 - t2);
        ialt.push(t1 - t0 + (t3 - t2));
        await context.close();
      }
    } finally {
      await browser.close();
    }
    const rund = (xs: number[]) => xs.map((x) => Math.round(x));
    return {
      overview_1000_ms: median(rund(ialt)),
      overview: {
        submissions: ANTAL,
        previous_year_submissions: ANTAL,
        runs: KOERSLER,
        page_load_ms: median(rund(side)),
        token_to_1000_rows_ms: median(rund(render)),
        api_median_ms: median(rund(api)),
        api_json_bytes: bytes,
        seed_seconds: seedSekunder,
        note: "overview_1000_ms = median of (load /oversigt) + (Enter on the token until 1,000 table rows, chart and counts are rendered), headless Chromium on loopback, PGlite",
      },
    };
  } finally {
    await app.close();
    rmSync(data, { recursive: true, force: true });
  }
}
