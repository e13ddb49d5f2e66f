import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/** A person at the test's OpenID provider; takst_* are the claims OIDC_ROLLE_CLAIM / OIDC_DRIFTSHERRE_CLAIM name. */
export interface OidcPerson {
  sub: string;
  name: string;
  email: string;
  takst_rolle?: string;
  takst_driftsherre?: string;
}

export interface OidcUdbyder {
  issuer: string;
  /** Starts answering, once the service's callback address is known. */
  start(redirectUris: string[]): void;
  stop(): Promise<void>;
}

export const KLIENT_ID = "takst-server";

/**
 * A real OpenID provider (oidc-provider) on loopback, port 0: its development login form takes
 * any of `personer`' subjects as the login name; PKCE is required, the client is public.
 * The port is taken first, so the service can be configured with the issuer before it listens.
 */
export async function reserverOidcUdbyder(personer: OidcPerson[]): Promise<OidcUdbyder> {
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    start(redirectUris) {
      const udbyder = new Provider(issuer, {
        clients: [{ client_id: KLIENT_ID, token_endpoint_auth_method: "none", redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
        pkce: { required: () => true },
        claims: { openid: ["sub"], profile: ["name"], email: ["email"], takst: ["takst_rolle", "takst_driftsherre"] },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ["kun-til-test-af-personligt-login"] },
        async findAccount(_ctx, id) {
          const p = personer.find((x) => x.sub === id);
          return p ? { accountId: id, claims: async () => ({ ...p }) } : undefined;
        },
      });
      server.on("request", udbyder.callback());
    },
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
