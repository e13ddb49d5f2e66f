/**
 * The overview's request leaves before the rest of the page's script is evaluated
 * (this module is the entry's first import). Building the da-DK number and date formats alone
 * takes the browser tens of milliseconds; the server works meanwhile instead of after.
 * Only with a token already in the tab (a reload); the login form fetches as before.
 */

import { NOEGLE } from "./noegle";

export { NOEGLE };

type Tidlig = { token: string; svar: Promise<Response> };

/** The request oversigt.html's inline script sent (if the CSP let it run), else one sent now. */
let tidlig: Tidlig | null = (window as unknown as { takstTidlig?: Tidlig }).takstTidlig ?? null;
const gemt = sessionStorage.getItem(NOEGLE);
if (gemt && tidlig?.token !== gemt) {
  tidlig = { token: gemt, svar: fetch("/api/v1/oversigt", { headers: { authorization: `Bearer ${gemt}` }, cache: "no-store" }) };
  // A network error is reported where the response is awaited (indlaes), not as unhandled here.
  tidlig.svar.catch(() => undefined);
}

/** The early response, once, if it was made with `token` (else null: fetch as usual). */
export function tagTidligtSvar(token: string | null): Promise<Response> | null {
  const t = tidlig;
  tidlig = null;
  return t && t.token === token ? t.svar : null;
}
