import type { Session } from "../../../kontrakt";

/** Where the pages keep the token (sessionStorage: this tab only), so the overview's login carries to the benchmark page. */
export const NOEGLE = "takstoversigt.token";

/** The tab's token as a header; none without one, so a personal login's session cookie speaks instead. */
export function tokenHoved(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Personal login (OpenID Connect, issue 25): shows the "Log ind" link (#personligt-login) when the
 * service has it on, leading back to `tilbage`, and tells whether this browser is logged in
 * (the session cookie is HttpOnly, so only the service can say).
 */
export async function personligtLogin(tilbage: string): Promise<boolean> {
  try {
    const s = (await (await fetch("/api/v1/session", { cache: "no-store" })).json()) as Session;
    document.getElementById("personligt-login")!.hidden = !s.personligtLogin;
    document.getElementById("log-ind-personligt")!.setAttribute("href", `/login?tilbage=${encodeURIComponent(tilbage)}`);
    return s.bruger?.art === "person";
  } catch {
    return false; // an older service without personal login: the token form as before
  }
}

/**
 * The token form (#login-form, #token) and the log-out button (#log-ud) of the pages that log in
 * with the tab's token or a personal login: the token is kept or forgotten here, the session
 * ended at the service, the page does the rest.
 */
export function lytTilLogin(o: { tomt: () => void; ind: (token: string) => void; ud: () => void }): void {
  document.getElementById("login-form")!.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = (document.getElementById("token") as HTMLInputElement).value.trim();
    if (!v) return o.tomt();
    sessionStorage.setItem(NOEGLE, v);
    o.ind(v);
  });
  document.getElementById("log-ud")!.addEventListener("click", () => {
    sessionStorage.removeItem(NOEGLE);
    void fetch("/logout", { method: "POST" }).finally(o.ud);
  });
}
