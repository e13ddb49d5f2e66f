/** Where the pages keep the token (sessionStorage: this tab only), so the overview's login carries to the benchmark page. */
export const NOEGLE = "takstoversigt.token";

/**
 * The token form (#login-form, #token) and the log-out button (#log-ud) of the pages that log in
 * with the tab's token: the token is kept or forgotten here, the page does the rest.
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
    o.ud();
  });
}
