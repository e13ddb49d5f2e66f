import { readFileSync } from "node:fs";
import { chromium, type Browser, type ConsoleMessage, type Page, type Route } from "playwright-core";
import { chromiumSti } from "./miljoe";

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
  page.setDefaultTimeout(10000);
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
