import { retryAfterSekunder } from "../../src/kontrakt/forMange";
import { indsend } from "../../src/taskpane/indsendelse";
import { hentMine } from "../../src/taskpane/mine-klient";

/** Issue 26: a 429 tells the user to wait N seconds, not to check the service's address. */

function forMange(retryAfter: string | null): typeof fetch {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (retryAfter !== null) headers["retry-after"] = retryAfter;
  return (async () => new Response(JSON.stringify({ fejl: "For mange forespørgsler" }), { status: 429, headers })) as typeof fetch;
}

describe("the pane on 429 Too Many Requests", () => {
  it("submitting: says how many seconds to wait (from Retry-After) and that the skema is unchanged", async () => {
    const r = await indsend("http://127.0.0.1:9", "tks_x", "{}", { fetchFn: forMange("17"), timeoutMs: 200 });
    expect(r).toEqual({ ok: false, art: "server", status: 429, besked: "For mange forespørgsler – prøv igen om 17 sekunder. Skemaet er ikke ændret." });
    expect(r.ok ? "" : r.besked).not.toMatch(/adressen/);
  });

  it("Mine indberetninger: the same sentence, one second in the singular", async () => {
    expect(await hentMine("http://127.0.0.1:9", "tks_x", forMange("1"))).toEqual({ ok: false, besked: "For mange forespørgsler – prøv igen om 1 sekund." });
  });

  it("without a readable Retry-After it says 'om lidt' instead of a number", async () => {
    expect(await hentMine("http://127.0.0.1:9", "tks_x", forMange(null))).toEqual({ ok: false, besked: "For mange forespørgsler – prøv igen om lidt." });
    expect(await hentMine("http://127.0.0.1:9", "tks_x", forMange("snart"))).toEqual({ ok: false, besked: "For mange forespørgsler – prøv igen om lidt." });
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const nu = Date.parse("2026-12-07T13:00:00Z");
    expect(retryAfterSekunder("120", nu)).toBe(120);
    expect(retryAfterSekunder("Mon, 07 Dec 2026 13:00:42 GMT", nu)).toBe(42);
    // A date already passed still means "wait a moment", never 0 or less.
    expect(retryAfterSekunder("Mon, 07 Dec 2026 12:59:00 GMT", nu)).toBe(1);
    expect(retryAfterSekunder("0", nu)).toBe(1);
    expect(retryAfterSekunder(undefined, nu)).toBeUndefined();
  });
});
