import { laesKonfig } from "../../src/server/konfig";

/** Issue 25: personal login's settings (README, "Serverens indstillinger"). */
describe("the OIDC settings", () => {
  it("are off without OIDC_ISSUER", () => {
    expect(laesKonfig({}, {}).oidc).toBeUndefined();
  });

  it("read issuer, client, claims and session hours, with defaults for the rest", () => {
    expect(laesKonfig({}, { OIDC_ISSUER: "https://login.eksempel.dk", OIDC_CLIENT_ID: "takst", OIDC_ROLLE_CLAIM: "rolle", OIDC_DRIFTSHERRE_CLAIM: "kommune" }).oidc).toEqual({
      issuer: "https://login.eksempel.dk",
      clientId: "takst",
      clientSecret: undefined,
      redirect: undefined,
      scope: "openid profile email",
      rolleClaim: "rolle",
      driftsherreClaim: "kommune",
      sessionMs: 8 * 3_600_000,
    });
  });

  it("refuse a missing client id and http:// to another machine, in Danish", () => {
    expect(() => laesKonfig({}, { OIDC_ISSUER: "https://login.eksempel.dk" })).toThrow("OIDC_CLIENT_ID mangler");
    expect(() => laesKonfig({}, { OIDC_ISSUER: "http://login.eksempel.dk", OIDC_CLIENT_ID: "takst" })).toThrow("OIDC_ISSUER skal bruge https://");
    expect(laesKonfig({}, { OIDC_ISSUER: "http://127.0.0.1:4000", OIDC_CLIENT_ID: "takst" }).oidc?.issuer).toBe("http://127.0.0.1:4000");
    expect(() => laesKonfig({}, { OIDC_ISSUER: "https://login.eksempel.dk", OIDC_CLIENT_ID: "takst", OIDC_SESSION_TIMER: "aldrig" })).toThrow("Ugyldig OIDC_SESSION_TIMER");
  });
});
