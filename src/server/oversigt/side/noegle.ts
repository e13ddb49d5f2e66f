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

/**
 * The token form (#login) in place of the page's content, which the page hides itself, with
 * `fejl` under the field; the page's actions go with the content. Focus goes to the field.
 */
export function visTokenFormular(fejl?: string): void {
  const $ = (id: string) => document.getElementById(id)!;
  $("top-handlinger").hidden = true;
  $("login").hidden = false;
  const f = $("login-fejl");
  f.hidden = !fejl;
  f.textContent = fejl ?? "";
  $("token").setAttribute("aria-invalid", fejl ? "true" : "false");
  $("token").focus();
}

/**
 * The login of a page that shows its content for the tab's token or a personal login (the
 * benchmark page, the pool page): the token form (an empty one is named, a read one emptied) and
 * log-out; at start the content at once with a token from the tab, else the form, and the content
 * after all when the service says this browser is logged in personally (back to `tilbage`).
 */
export function startLogin(o: {
  tilbage: string;
  token: () => string | null;
  saetToken: (token: string | null) => void;
  visLogin: (fejl?: string) => void;
  indlaes: () => void;
}): void {
  lytTilLogin({
    tomt: () => o.visLogin("Skriv dit token."),
    ind: (v) => {
      (document.getElementById("token") as HTMLInputElement).value = "";
      o.saetToken(v);
      o.indlaes();
    },
    ud: () => {
      o.saetToken(null);
      o.visLogin();
    },
  });
  if (o.token()) o.indlaes();
  else o.visLogin();
  void personligtLogin(o.tilbage).then((ind) => {
    if (ind && !o.token()) o.indlaes();
  });
}
