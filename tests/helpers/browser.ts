import { chromium, type Browser } from "playwright-core";
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
