/**
 * The pane's settings live in the add-in's own localStorage, never in the workbook: a token in
 * a workbook would travel with every copy of the file.
 */
export interface Indstillinger {
  /** "" until the user has chosen one (steps 1-3 wait for it). */
  regelsaet: string;
  /** Base address of the submission service, e.g. https://localhost:3000 (no trailing /). */
  serviceUrl: string;
  token: string;
}

export const NOEGLE = "soc-takster.opgaverude.indstillinger";

export interface Lager {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function standardIndstillinger(oprindelse: string): Indstillinger {
  return { regelsaet: "", serviceUrl: oprindelse, token: "" };
}

export function normaliserUrl(url: string): string {
  return url.trim().replace(/\/+$/, "");
}

export function hentIndstillinger(lager: Lager, standard: Indstillinger): Indstillinger {
  let gemt: Partial<Indstillinger> = {};
  try {
    const raw = lager.getItem(NOEGLE);
    if (raw) {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === "object") gemt = parsed as Partial<Indstillinger>;
    }
  } catch {
    // A damaged entry falls back to the defaults rather than breaking the pane.
  }
  const tekst = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
  return {
    regelsaet: tekst(gemt.regelsaet, standard.regelsaet) || standard.regelsaet,
    serviceUrl: normaliserUrl(tekst(gemt.serviceUrl, standard.serviceUrl)) || standard.serviceUrl,
    token: tekst(gemt.token, standard.token).trim(),
  };
}

export function gemIndstillinger(lager: Lager, ind: Indstillinger): void {
  lager.setItem(
    NOEGLE,
    JSON.stringify({ regelsaet: ind.regelsaet, serviceUrl: normaliserUrl(ind.serviceUrl), token: ind.token.trim() }),
  );
}
