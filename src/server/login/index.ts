import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { Configuration } from "openid-client";
import { sessionSchema } from "../../kontrakt";
import { brugerAf } from "../auth";
import type { Db } from "../db";
import { json } from "../kontrakt";
import { SIDEFOD } from "../webside";
import { type OidcKonfig, erLoopback } from "./konfig";
import { opretSession, paneToken, personRaekke, sessionCookie, sessionFraBearer, sessionFraCookie, sletCookie, sletSession } from "./session";
import { type Claims, personFraClaims } from "./tilknytFraClaims";

const FORSOEG_MS = 10 * 60_000;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain Danish page for the login's own answers (refusals, the pane's hand-over). */
function side(titel: string, indhold: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(titel)}</title></head><body><main><h1>${esc(titel)}</h1>${indhold}</main>${SIDEFOD}</body></html>`;
}

function svarSide(reply: FastifyReply, kode: number, titel: string, tekst: string): FastifyReply {
  return reply
    .code(kode)
    .header("content-security-policy", "default-src 'none'; frame-ancestors 'none'")
    .header("cache-control", "no-store")
    .type("text/html; charset=utf-8")
    .send(side(titel, `<p>${esc(tekst)}</p><p><a href="/oversigt">Til oversigten</a></p>`));
}

/** Only a path on this service: never another site (an open redirect). */
function sikkerTilbage(t: unknown): string {
  return typeof t === "string" && /^\/(?![/\\])[^\s]*$/.test(t) ? t : "/oversigt";
}

/**
 * Handed to the task pane's Office dialog: the pane's short-lived token goes to the pane with
 * messageParent (rude.js), never in the address; outside Office the page just says so.
 */
const RUDE_JS = `Office.onReady(function () {
  var t = document.getElementById("svar").getAttribute("data-token");
  Office.context.ui.messageParent(JSON.stringify({ token: t }));
  document.getElementById("svar").textContent = "Du er logget ind. Vinduet lukkes …";
});`;

/**
 * Personal login (issue 25): OpenID Connect, authorization code with PKCE (openid-client).
 * GET /login starts it, GET /login/callback ends it with a session (a cookie for the pages, or
 * for the pane a `tss_…` token handed over by Office's dialog), POST /logout ends the session.
 * GET /api/v1/session says whether it is on and who is logged in.
 */
export const loginPlugin = fp(async (app: FastifyInstance, o: { db: Db; oidc?: OidcKonfig }) => {
  const { db } = o;
  const k = o.oidc;
  // Loaded only when personal login is on: a service with tokens only starts without it.
  const oidc = k ? await import("openid-client") : undefined;
  let konfiguration: Promise<Configuration> | null = null;
  const udbyder = (): Promise<Configuration> => {
    if (!k || !oidc) throw new Error("personligt login er ikke slået til");
    konfiguration ??= oidc
      .discovery(new URL(k.issuer), k.clientId, k.clientSecret, k.clientSecret ? undefined : oidc.None(), erLoopback(k.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((e: unknown) => {
        konfiguration = null; // the next login asks the provider again
        throw e;
      });
    return konfiguration;
  };
  const tilbageUrl = (req: FastifyRequest): string => k?.redirect ?? `${req.protocol}://${req.host}/login/callback`;

  app.get("/api/v1/session", { schema: { response: { 200: json(sessionSchema) } } }, async (req, reply) => {
    reply.header("cache-control", "no-store");
    const { bruger } = await brugerAf(db, req);
    return {
      personligtLogin: k !== undefined,
      bruger: bruger ? { rolle: bruger.rolle, driftsherre: bruger.driftsherre, navn: bruger.navn ?? null, art: bruger.art ?? "token" } : null,
    };
  });

  app.get("/login", async (req, reply) => {
    if (!k || !oidc) return svarSide(reply, 404, "Personligt login er ikke slået til", "Denne tjeneste bruger kun tokens. Log ind med det token, systemadministratoren har givet dig.");
    let c: Configuration;
    try {
      c = await udbyder();
    } catch (e) {
      req.log.error({ err: e }, "OpenID-udbyderen svarede ikke");
      return svarSide(reply, 503, "Login er ikke muligt lige nu", "OpenID-udbyderen svarede ikke. Prøv igen om lidt, eller log ind med et token.");
    }
    const q = req.query as Record<string, unknown>;
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    await db.query("DELETE FROM loginforsoeg WHERE udloeber < now()");
    await db.query("INSERT INTO loginforsoeg (state, verifier, nonce, tilbage, rude, udloeber) VALUES ($1, $2, $3, $4, $5, $6)", [
      state,
      verifier,
      nonce,
      sikkerTilbage(q.tilbage),
      q.rude === "1",
      new Date(Date.now() + FORSOEG_MS),
    ]);
    const url = oidc.buildAuthorizationUrl(c, {
      redirect_uri: tilbageUrl(req),
      scope: k.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return reply.header("cache-control", "no-store").redirect(url.href, 302);
  });

  app.get("/login/callback", async (req, reply) => {
    if (!k || !oidc) return svarSide(reply, 404, "Personligt login er ikke slået til", "Denne tjeneste bruger kun tokens.");
    const q = req.query as Record<string, unknown>;
    const state = typeof q.state === "string" ? q.state : "";
    // One use: a replayed callback finds nothing.
    const forsoeg = (await db.query<{ verifier: string; nonce: string; tilbage: string; rude: boolean }>(
      "DELETE FROM loginforsoeg WHERE state = $1 AND udloeber > now() RETURNING verifier, nonce, tilbage, rude",
      [state],
    ))[0];
    if (!forsoeg) return svarSide(reply, 400, "Login mislykkedes", "Loginforsøget er ukendt eller udløbet (efter 10 minutter). Start forfra med Log ind.");
    let claims: Claims;
    try {
      const c = await udbyder();
      const adresse = new URL(tilbageUrl(req));
      adresse.search = new URL(req.url, "http://x").search;
      const svar = await oidc.authorizationCodeGrant(c, adresse, { pkceCodeVerifier: forsoeg.verifier, expectedState: state, expectedNonce: forsoeg.nonce, idTokenExpected: true });
      claims = { ...svar.claims() };
      // Role and driftsherre may be only in userinfo (scope claims); the ID token's subject must match.
      try {
        claims = { ...(await oidc.fetchUserInfo(c, svar.access_token, String(claims.sub))), ...claims };
      } catch (e) {
        req.log.warn({ err: e }, "userinfo kunne ikke hentes; bruger ID-tokenets claims");
      }
    } catch (e) {
      req.log.warn({ err: e }, "login mislykkedes");
      return svarSide(reply, 400, "Login mislykkedes", "OpenID-udbyderens svar kunne ikke godkendes. Start forfra med Log ind.");
    }
    const person = await personFraClaims(db, k, claims);
    if (!person) {
      const hvem = String(claims.email ?? claims.sub ?? "");
      return svarSide(reply, 403, "Ingen adgang endnu", `Du er logget ind som ${hvem}, men er ikke tilknyttet en kommune eller sekretariatet. Bed sekretariatet tilknytte dig (takst-server bruger tilknyt ${String(claims.sub ?? "")} --rolle kommune --driftsherre …).`);
    }
    const sid = await opretSession(db, await personRaekke(db, person), k.sessionMs);
    reply.header("cache-control", "no-store");
    if (forsoeg.rude) {
      return reply
        .header("content-security-policy", `default-src 'none'; script-src 'self' ${new URL(OFFICE_JS).origin}; connect-src 'self'`)
        .type("text/html; charset=utf-8")
        // The scripts after the paragraph they read.
        .send(side("Logget ind", `<p id="svar" data-token="${esc(paneToken(sid))}">Du er logget ind som ${esc(person.navn)}.</p><script src="${OFFICE_JS}"></script><script src="/login/rude.js"></script>`));
    }
    return reply.header("set-cookie", sessionCookie(sid, Math.floor(k.sessionMs / 1000))).redirect(forsoeg.tilbage, 302);
  });

  app.get("/login/rude.js", async (_req, reply) => reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(RUDE_JS));

  app.post("/logout", async (req, reply) => {
    const id = sessionFraBearer(req.headers.authorization) ?? sessionFraCookie(req.headers.cookie);
    if (id) await sletSession(db, id);
    return reply.header("set-cookie", sletCookie).code(204).send();
  });
}, { name: "takst-login", fastify: "5.x", dependencies: ["takst-openapi"] });
