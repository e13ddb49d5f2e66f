import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { startChromium } from "../tests/helpers/browser";
import { buildApp } from "../src/server/app";
import { type Db, aabnPglite } from "../src/server/db";
import { opretToken } from "../src/server/tokens";
import { AAR } from "../tests/oversigt/saed";
import { saaStor } from "../tests/oversigt/storSaed";
import { saaFuldtAar } from "./fuldtAar";
import { median } from "./maal";
import { brugbar, faneMedToken } from "./side";

/**
 * Issues 7 and 15: the overview with 1,000 and with 10,000 current submissions (as many the
 * year before, so every row has a takstudvikling), seeded through the storage layer
 * (tests/oversigt/storSaed.ts). Measured in headless Chromium on loopback with PGlite:
 *
 * - overview_<n>_ms: from navigation to a usable page, the token already in the tab (as after a
 *   reload): the table's first rows are in the DOM, a frame has been painted and a task after it
 *   has run (so typing in the search field would be handled now);
 * - overview_api_<n>_ms: GET /api/v1/oversigt alone from Node, the limit the page cannot beat;
 * - overview_<n>_ratio_to_api: the first over the second;
 * - search_ms: typing a tilbud's name until the table shows only it (includes the page's 120 ms
 *   debounce), proving the search covers rows not in the DOM;
 * - overview_full_year_ms, overview_api_full_year_ms, overview_full_year_ratio_to_api: the same
 *   on a region's full year (bench/fuldtAar.ts: 2,500 tilbud, 4,123 ydelser, four takstår with
 *   resubmissions), its newest takstår; details in overview.full_year.
 *
 * OVERSIGT_FOER=<another build's dist> measures that page too, in alternating rounds against the
 * same server and data (overview.before.*): the before/after of issue 15 side by side.
 */

/** A dataset measured: its keys' name (overview_<navn>_ms), how it is seeded and what the page then shows. */
interface Datasaet {
  navn: string;
  saa: (db: Db, afsenderId: string) => Promise<{ seed_seconds: number; takstaar: number; indberetninger: number; soeg: Soeg; detaljer?: Record<string, unknown> }>;
}

/** Issue 15's sizes (storSaed: 20 tilbud per driftsherre, one ydelse each) and issue 27's full year. */
const DATASAET: Datasaet[] = [
  ...[1000, 10000].map((antal) => ({
    navn: String(antal),
    saa: async (db: Db, afsenderId: string) => ({ seed_seconds: await saaStor(db, antal, afsenderId), takstaar: AAR, indberetninger: antal, soeg: soegSidste(antal) }),
  })),
  {
    navn: "full_year",
    saa: async (db: Db) => {
      const f = await saaFuldtAar(db);
      return { seed_seconds: f.seed_seconds, takstaar: f.nyesteAar, indberetninger: f.antal.tilbud, soeg: { navn: f.sidsteTilbud.navn, raekker: f.sidsteTilbud.ydelser }, detaljer: { takstaar: f.nyesteAar, ...f.antal } };
    },
  },
];
const KOERSLER = 5;
const DIST = join(__dirname, "..", "dist");

export interface Maaling {
  usable_ms: number;
  search_ms: number;
  rows_in_dom: number;
}

/** A tilbud to search for and its rows in the table (one per ydelse). */
export interface Soeg {
  navn: string;
  raekker: number;
}

/** storSaed's last tilbud: it sorts last, never among the first rows drawn. */
const soegSidste = (antal: number): Soeg => ({ navn: `Tilbud ${String(antal).padStart(5, "0")}`, raekker: 1 });

/** One load of the overview with `antal` submissions (exported for the benchmark page's bench, which measures it beside its own). */
export async function maalSide(browser: Browser, base: string, token: string, antal: number, soeg: Soeg = soegSidste(antal)): Promise<Maaling> {
  const { context, page } = await faneMedToken(browser, token);
  try {
    const t0 = performance.now();
    await page.goto(`${base}/oversigt`, { waitUntil: "commit" });
    await brugbar(page, () => document.querySelector("#raekker tr[data-id]") !== null && !document.getElementById("indhold")!.hasAttribute("aria-busy"));
    const usable = performance.now() - t0;
    const rows = await page.evaluate(() => document.querySelectorAll("#raekker tr[data-id]").length);
    const t1 = performance.now();
    await page.fill("#soeg", soeg.navn);
    await page.waitForFunction(
      ({ navn, raekker }) => {
        const r = [...document.querySelectorAll("#raekker tr[data-id]")];
        return r.length === raekker && r.every((tr) => (tr.textContent ?? "").includes(navn));
      },
      soeg,
      { polling: "raf", timeout: 60000 },
    );
    return { usable_ms: usable, search_ms: performance.now() - t1, rows_in_dom: rows };
  } finally {
    await context.close();
  }
}

const rund = (x: number) => Math.round(x);

export async function run(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DIST, "oversigt.html"))) throw new Error("dist/oversigt.html findes ikke: kør npm run build først.");
  const foer = process.env.OVERSIGT_FOER ? resolve(process.env.OVERSIGT_FOER) : null;
  if (foer && !existsSync(join(foer, "oversigt.html"))) throw new Error(`${foer}/oversigt.html findes ikke.`);
  const ud: Record<string, unknown> = {};
  const detaljer: Record<string, unknown> = {};
  const browser = await startChromium();
  try {
    // OVERSIGT_DATA=full_year (comma-separated names) measures only those, to try one out.
    const kun = process.env.OVERSIGT_DATA?.split(",");
    for (const { navn, saa } of DATASAET.filter((d) => !kun || kun.includes(d.navn))) {
      const data = mkdtempSync(join(tmpdir(), "takst-oversigt-bench-"));
      const db = await aabnPglite(join(data, "pglite"));
      const app = await buildApp({ db, statiskMappe: DIST, logger: false, lukDb: true });
      const gammel = foer ? await buildApp({ db, statiskMappe: foer, logger: false, lukDb: false }) : null;
      try {
        await app.ready();
        const sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
        const afsender = await opretToken(db, { rolle: "kommune", driftsherre: "Kommune 001" });
        const saaet = await saa(db, afsender.id);
        const adresse = async (a: typeof app) => {
          await a.listen({ port: 0, host: "127.0.0.1" });
          const adr = a.server.address();
          return `http://127.0.0.1:${typeof adr === "object" && adr ? adr.port : 0}`;
        };
        const base = await adresse(app);
        const gammelBase = gammel ? await adresse(gammel) : null;

        const api: number[] = [];
        let bytes = 0;
        for (let i = 0; i < KOERSLER; i++) {
          const t0 = performance.now();
          const r = await fetch(`${base}/api/v1/oversigt?takstaar=${saaet.takstaar}`, { headers: { authorization: `Bearer ${sekretariat}` } });
          const tekst = await r.text();
          api.push(performance.now() - t0);
          bytes = Buffer.byteLength(tekst);
          if ((JSON.parse(tekst) as { antal: { indberetninger: number } }).antal.indberetninger !== saaet.indberetninger) throw new Error(`Oversigten har ikke ${saaet.indberetninger} indberetninger`);
        }

        const nu: Maaling[] = [];
        const foerM: Maaling[] = [];
        const maal = (b: string) => maalSide(browser, b, sekretariat, saaet.indberetninger, saaet.soeg);
        await maal(base); // warm-up: Chromium's caches, the server's JIT
        for (let i = 0; i < KOERSLER; i++) {
          // Alternating rounds, so both pages see the same machine load.
          nu.push(await maal(base));
          if (gammelBase) foerM.push(await maal(gammelBase));
        }
        const m = (xs: Maaling[], k: keyof Maaling) => rund(median(xs.map((x) => x[k])));
        const apiMs = rund(median(api));
        ud[`overview_${navn}_ms`] = m(nu, "usable_ms");
        ud[`overview_api_${navn}_ms`] = apiMs;
        ud[`overview_${navn}_ratio_to_api`] = Math.round((m(nu, "usable_ms") / apiMs) * 10) / 10;
        detaljer[navn] = {
          ...saaet.detaljer,
          search_ms: m(nu, "search_ms"),
          rows_in_dom: m(nu, "rows_in_dom"),
          api_json_bytes: bytes,
          seed_seconds: saaet.seed_seconds,
          ...(gammelBase
            ? { before: { usable_ms: m(foerM, "usable_ms"), search_ms: m(foerM, "search_ms"), rows_in_dom: m(foerM, "rows_in_dom"), ratio_to_api: Math.round((m(foerM, "usable_ms") / apiMs) * 10) / 10 } }
            : {}),
        };
      } finally {
        await gammel?.close();
        await app.close();
        rmSync(data, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return {
    ...ud,
    overview: {
      runs: KOERSLER,
      api_median_ms: ud.overview_api_1000_ms,
      ...detaljer,
      note: "overview_<n>_ms = median time from navigation (token already in the tab) to a usable page: first table rows in the DOM, a frame painted and a task run after it; overview_api_<n>_ms = GET /api/v1/oversigt alone; headless Chromium on loopback, PGlite, <n> current submissions and <n> the year before; full_year = bench/fuldtAar.ts (a region's full year, its newest takstår). before = the page before issue 15 (OVERSIGT_FOER), same server, data and run, alternating rounds.",
    },
  };
}
