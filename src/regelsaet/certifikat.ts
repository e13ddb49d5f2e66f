/**
 * Node side (the CLIs' --server). Node's fetch says only "fetch failed" when the service's
 * certificate is not trusted; the reason is in `cause.code`. A development service (takst-server start) uses the CA of
 * office-addin-dev-certs, which Node does not trust unless told to.
 */
const UBETROET = new Set([
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_ISSUER_CERT",
  "CERT_UNTRUSTED",
]);

export const UDVIKLINGS_CA = "~/.office-addin-dev-certs/ca.crt";

/**
 * The Danish reason a request to `url` failed on its certificate, or undefined for any other
 * failure; `kommando` is the command the advice shows (the CLI's or the server's).
 */
export function certifikatFejl(e: unknown, url: string, kommando: string): string | undefined {
  const kode = (e as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof kode !== "string") return undefined;
  const vaert = (() => {
    try {
      return new URL(url).origin;
    } catch {
      return url;
    }
  })();
  if (UBETROET.has(kode)) {
    return (
      `${vaert} bruger et certifikat, som denne maskine ikke stoler på (${kode}), fx udviklings-CA'et fra takst-server start. ` +
      `Stol på CA'et for kommandoen med NODE_EXTRA_CA_CERTS=${UDVIKLINGS_CA} ${kommando} (på en anden maskine: kopier serverens ca.crt og angiv dens sti)`
    );
  }
  if (kode === "CERT_HAS_EXPIRED") return `${vaert}s certifikat er udløbet (${kode}); serveren skal have et nyt`;
  if (kode === "ERR_TLS_CERT_ALTNAME_INVALID") return `${vaert}s certifikat gælder ikke for dette navn (${kode}); brug det værtsnavn, certifikatet er udstedt til`;
  return undefined;
}

/** fetch, with a certificate failure told in Danish instead of "fetch failed". */
export function fetchMedCertifikatFejl(kommando: string, f: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await f(input, init);
    } catch (e) {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const besked = certifikatFejl(e, url, kommando);
      if (besked) throw new Error(besked, { cause: e });
      throw e;
    }
  };
}
