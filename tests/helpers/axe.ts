import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

export interface AxeOvertraedelse {
  id: string;
  noder: string[];
}

/** axe-core's violations on the page as it is now, each with the selectors of its nodes. */
export async function axeOvertraedelser(page: Page): Promise<AxeOvertraedelse[]> {
  await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    // label-content-name-mismatch is experimental in axe, so it is switched on by name.
    const r = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } } });
    return r.violations.map((v) => ({ id: v.id, noder: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
