import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROD = join(__dirname, "..", "..");
export const DIST = join(ROD, "dist");

/** The dist/ checks need a build; say so clearly instead of failing on a missing file. */
export function kraevBygget(...filer: string[]): void {
  const mangler = filer.filter((f) => !existsSync(join(DIST, f)));
  if (mangler.length > 0) {
    throw new Error(`dist/ mangler ${mangler.join(", ")}: kør "npm run build" før denne test (npm test gør det selv).`);
  }
}

/** Every script taskpane.html loads from dist/ (office.js comes from Microsoft's CDN). */
export function sideScripts(html: string): string[] {
  // The minified page drops attribute quotes: <script defer src=functions.js>.
  return [...html.matchAll(/<script\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => (m[1] ?? m[2] ?? m[3])!).filter((s) => !/^https?:/.test(s));
}
