/**
 * The 429 answer in words, shared by the service that sends it and the pane that shows it, so a
 * user reads one sentence whichever of them speaks.
 */
export function forMangeTekst(sek: number | undefined): string {
  if (sek === undefined) return "For mange forespørgsler – prøv igen om lidt.";
  return `For mange forespørgsler – prøv igen om ${sek} ${sek === 1 ? "sekund" : "sekunder"}.`;
}

/**
 * Whole seconds to wait from a Retry-After header, which is either seconds or an HTTP date
 * (RFC 9110 §10.2.3); undefined when absent or unreadable. At least 1: "om 0 sekunder" helps no one.
 */
export function retryAfterSekunder(vaerdi: string | null | undefined, nu: number = Date.now()): number | undefined {
  const v = (vaerdi ?? "").trim();
  if (v === "") return undefined;
  if (/^\d+$/.test(v)) return Math.max(1, Number(v));
  const tid = Date.parse(v);
  return Number.isNaN(tid) ? undefined : Math.max(1, Math.ceil((tid - nu) / 1000));
}
