import type { Browser, BrowserContext, Page } from "playwright-core";

const NOEGLE = "takstoversigt.token";

/**
 * A fresh tab for one page load: 1280 px, the token already in the tab (as after a reload) and
 * every request off loopback refused. Close the context when done.
 */
export async function faneMedToken(browser: Browser, token: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "da-DK" });
  await context.addInitScript(([n, t]) => sessionStorage.setItem(n, t), [NOEGLE, token] as const);
  const page = await context.newPage();
  await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")));
  return { context, page };
}

/** The page has drawn what `klar` waits for, painted a frame and run a task after it (input would be handled now). */
export async function brugbar(page: Page, klar: () => boolean): Promise<void> {
  await page.waitForFunction(klar, undefined, { polling: "raf", timeout: 60000 });
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}
