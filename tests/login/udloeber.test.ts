import "../server/jestCookie";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { aabnPglite, type Db } from "../../src/server/db";
import { opretSession, personRaekke } from "../../src/server/login/session";
import { opretToken, udloeberFraDato } from "../../src/server/tokens";

/**
 * Issue 25: a bearer token may expire (takst-server token opret --udloeber), and without
 * OIDC_ISSUER personal login is off: the session endpoint says so and /login explains it.
 */
describe("token expiry, sessions, and a service without personal login", () => {
  let dir: string;
  let db: Db;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "takst-login-"));
    db = await aabnPglite(join(dir, "pglite"));
    app = await buildApp({ db, statiskMappe: null, logger: false, lukDb: true });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const oversigt = (token: string) => app.inject({ url: "/api/v1/oversigt", headers: { authorization: `Bearer ${token}` } });

  it("--udloeber 2027-06-30 lasts through that day in Copenhagen (summer time: 22:00 UTC) and no longer", () => {
    expect(udloeberFraDato("2027-06-30", new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2027-06-30T22:00:00.000Z");
    expect(udloeberFraDato("2027-01-31", new Date("2027-01-01T00:00:00Z")).toISOString()).toBe("2027-01-31T23:00:00.000Z");
    expect(() => udloeberFraDato("2027-02-30")).toThrow("Ugyldig --udloeber: 2027-02-30 (en dato som 2027-06-30).");
    expect(() => udloeberFraDato("2020-01-01")).toThrow("--udloeber 2020-01-01 er allerede passeret.");
  });

  it("a token past its expiry gets 401 where it worked an hour before its expiry", async () => {
    const snart = await opretToken(db, { rolle: "sekretariat", udloeber: new Date(Date.now() + 3_600_000) });
    expect((await oversigt(snart.token)).statusCode).toBe(200);
    await db.query("UPDATE tokens SET udloeber = now() - interval '1 second' WHERE id = $1", [snart.id]);
    const r = await oversigt(snart.token);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ fejl: "Manglende, ugyldigt eller tilbagekaldt token." });
  });

  it("a session cookie is a user with the person's role; a change it carries from another site's page is refused", async () => {
    const id = await opretSession(db, await personRaekke(db, { person: "https://udbyder#sara", navn: "Sara", rolle: "sekretariat", driftsherre: null }), 60_000);
    const cookie = `takst_session=${id}`;
    expect((await app.inject({ url: "/api/v1/session", headers: { cookie } })).json()).toEqual({
      personligtLogin: false,
      bruger: { rolle: "sekretariat", driftsherre: null, navn: "Sara", art: "person" },
    });
    const status = (origin: string) =>
      app.inject({ method: "POST", url: "/api/v1/indberetninger/00000000-0000-4000-8000-000000000000/status", headers: { cookie, origin, host: "takster.eksempel.dk", "content-type": "application/json" }, payload: { status: "godkendt" } });
    const fremmed = await status("https://ondsindet.eksempel");
    expect(fremmed.statusCode).toBe(403);
    expect(fremmed.json()).toEqual({ fejl: "Forespørgslen kom ikke fra tjenestens egne sider." });
    // From the service's own page the same request reaches the route (which knows no such submission).
    expect((await status("https://takster.eksempel.dk")).statusCode).toBe(404);
  });

  it("without OIDC_ISSUER personal login is off: the session endpoint says so and /login explains in Danish", async () => {
    expect((await app.inject({ url: "/api/v1/session" })).json()).toEqual({ personligtLogin: false, bruger: null });
    const r = await app.inject({ url: "/login" });
    expect(r.statusCode).toBe(404);
    expect(r.body).toContain("Personligt login er ikke slået til");
    // A session cookie that was never issued opens nothing.
    expect((await app.inject({ url: "/api/v1/oversigt", headers: { cookie: `takst_session=${"A".repeat(43)}` } })).statusCode).toBe(401);
  });
});
