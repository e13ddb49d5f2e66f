/**
 * Personal login's settings (README, "Indstillinger"): without OIDC_ISSUER it is off and only
 * tokens log in. OIDC_CLIENT_ID is then required; the rest have defaults.
 */
export interface OidcKonfig {
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE alone, token_endpoint_auth_method none). */
  clientSecret?: string;
  /** The callback address registered at the provider; absent: <the request's origin>/login/callback. */
  redirect?: string;
  scope: string;
  /** The claims that give role and driftsherre; absent (or absent in a person's token): the mapping table. */
  rolleClaim?: string;
  driftsherreClaim?: string;
  /** How long a session lasts (OIDC_SESSION_TIMER hours, 8 unless set). */
  sessionMs: number;
}

export function laesOidcKonfig(env: NodeJS.ProcessEnv): OidcKonfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  if (!/^https?:\/\/\S+$/.test(issuer)) throw new Error(`Ugyldig OIDC_ISSUER: ${issuer} (en adresse, der begynder med https://)`);
  if (issuer.startsWith("http:") && !erLoopback(issuer)) throw new Error(`OIDC_ISSUER skal bruge https:// (kun en udbyder på denne maskine må bruge http://): ${issuer}`);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error("OIDC_CLIENT_ID mangler: personligt login (OIDC_ISSUER) kræver klientens id hos OpenID-udbyderen.");
  const redirect = env.OIDC_REDIRECT?.trim() || undefined;
  if (redirect !== undefined && !/^https?:\/\/\S+$/.test(redirect)) throw new Error(`Ugyldig OIDC_REDIRECT: ${redirect}`);
  const timer = Number(env.OIDC_SESSION_TIMER ?? 8);
  if (!(timer > 0 && timer <= 24 * 30)) throw new Error(`Ugyldig OIDC_SESSION_TIMER: ${env.OIDC_SESSION_TIMER} (timer, fx 8)`);
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirect,
    scope: env.OIDC_SCOPE?.trim() || "openid profile email",
    rolleClaim: env.OIDC_ROLLE_CLAIM?.trim() || undefined,
    driftsherreClaim: env.OIDC_DRIFTSHERRE_CLAIM?.trim() || undefined,
    sessionMs: timer * 3_600_000,
  };
}

/** http:// is allowed for a provider on this machine only (development and the tests). */
export function erLoopback(adresse: string): boolean {
  const h = new URL(adresse).hostname;
  return h === "localhost" || h === "127.0.0.1" || h === "[::1]";
}
