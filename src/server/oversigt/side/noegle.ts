/** Where the pages keep the token (sessionStorage: this tab only), so the overview's login carries to the benchmark page. */
export const NOEGLE = "takstoversigt.token";
