import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page, type Route } from "playwright-core";
import { chromiumSti } from "./miljoe";
import { SIDE_VENTETID_MS } from "./ventetid";

/**
 * Debian's headless Chromium as the tests and benches run it. The background-networking flags
 * matter: without them Chromium keeps trying to reach Google's hosts on this closed network.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function startChromium(): Promise<Browser> {
  const executablePath = chromiumSti();
  if (!executablePath) throw new Error("Chromium findes ikke (installér Debian-pakken chromium).");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface Overvaagning {
  konsolFejl: { tekst: string; url: string }[];
  sideFejl: string[];
  /** Requests for anything but loopback, which the page must never make. */
  afviste: string[];
}

/**
 * Records console errors and page errors, and answers every request for a host other than
 * loopback with an abort (recorded), unless `egenRute` fulfils it first (e.g. a fake office.js).
 */
export async function overvaagSide(
  page: Page,
  o: Overvaagning,
  egenRute?: (route: Route, url: URL) => Promise<boolean>,
): Promise<void> {
  page.setDefaultTimeout(SIDE_VENTETID_MS);
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() === "error") o.konsolFejl.push({ tekst: m.text(), url: m.location().url });
  });
  page.on("pageerror", (e) => o.sideFejl.push(String(e)));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (egenRute && (await egenRute(route, url))) return;
    if (url.protocol === "blob:" || url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    o.afviste.push(url.href);
    return route.abort("blockedbyclient");
  });
}

/**
 * A page in a fresh context as a Danish user at a desk sees it (da-DK, Copenhagen time, `bredde`
 * × 900), watched into `o` (overvaagSide, with `egenRute`); with `token`, the tab holds the token
 * as the pages' login leaves it.
 */
export async function nySide(
  browser: Browser,
  o: Overvaagning,
  valg: { bredde?: number; token?: string | null; egenRute?: (route: Route, url: URL) => Promise<boolean> } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: valg.bredde ?? 1280, height: 900 }, locale: "da-DK", timezoneId: "Europe/Copenhagen", acceptDownloads: true });
  if (valg.token) await context.addInitScript((t) => sessionStorage.setItem("takstoversigt.token", t), valg.token);
  const page = await context.newPage();
  await overvaagSide(page, o, valg.egenRute);
  return { page, context };
}

/** Opens `adresse` and logs in with `token` in the page's token form, as a person types it. */
export async function logIndMedToken(page: Page, adresse: string, token: string): Promise<void> {
  await page.goto(adresse);
  await page.fill("#token", token);
  await page.press("#token", "Enter");
}

/** What a browser test opened (a browser, an app, a service), closed in order: whichever was opened. */
export async function lukAlle(...aabne: ({ close(): Promise<unknown> } | undefined)[]): Promise<void> {
  for (const x of aabne) await x?.close();
}

/** axe-core's violations on the page as loaded: rule id and the selectors of the offending nodes. */
export async function axeOvertraedelser(page: Page): Promise<{ id: string; noder: string[] }[]> {
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // label-content-name-mismatch is experimental in axe, so it is switched on by name.
    const r = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, noder: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
