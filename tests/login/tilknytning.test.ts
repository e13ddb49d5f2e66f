import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { udfoerAdmin } from "../../src/server/admin/handlinger";
import { aabnPglite, type Db } from "../../src/server/db";
import type { OidcKonfig } from "../../src/server/login/konfig";
import { personFraClaims } from "../../src/server/login/tilknytFraClaims";
import { migrer } from "../../src/server/migrationer";

/**
 * Issue 25: where a person's role and driftsherre come from: the configured claims first, else
 * the secretariat's mapping (takst-server bruger tilknyt, by subject or e-mail); unknown = no access.
 */
describe("a person's role and driftsherre", () => {
  let dir: string;
  let db: Db;
  const k: OidcKonfig = { issuer: "https://login.eksempel.dk", clientId: "takst", scope: "openid", rolleClaim: "rolle", driftsherreClaim: "kommune", sessionMs: 1 };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "takst-tilknyt-"));
    db = await aabnPglite(join(dir, "pglite"));
    await migrer(db);
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the claims give them when present", async () => {
    expect(await personFraClaims(db, k, { sub: "a1", name: "Anne", rolle: "kommune", kommune: "Aarhus Kommune" })).toEqual({
      person: "https://login.eksempel.dk#a1",
      navn: "Anne",
      rolle: "kommune",
      driftsherre: "Aarhus Kommune",
    });
    // A municipality's role without its driftsherre is no access, not a municipality of nothing.
    expect(await personFraClaims(db, k, { sub: "a2", rolle: "kommune" })).toBeNull();
  });

  it("the secretariat's mapping gives them otherwise, by subject or e-mail in any case; takst-server bruger fjern ends it", async () => {
    expect(await personFraClaims(db, k, { sub: "r1", email: "rasmus@randers.dk" })).toBeNull();
    await udfoerAdmin(db, { op: "tilknyt", bruger: "Rasmus@Randers.dk", rolle: "kommune", driftsherre: "Randers Kommune", navn: "Rasmus R." });
    expect(await personFraClaims(db, k, { sub: "r1", email: "rasmus@randers.dk" })).toMatchObject({ navn: "Rasmus R.", rolle: "kommune", driftsherre: "Randers Kommune" });
    expect(await udfoerAdmin(db, { op: "tilknytninger" })).toEqual({
      op: "tilknytninger",
      tilknytninger: [{ bruger: "rasmus@randers.dk", rolle: "kommune", driftsherre: "Randers Kommune", navn: "Rasmus R." }],
    });
    expect(await udfoerAdmin(db, { op: "fjern-tilknytning", bruger: "rasmus@randers.dk" })).toEqual({ op: "fjern-tilknytning", ok: true });
    expect(await personFraClaims(db, k, { sub: "r1", email: "rasmus@randers.dk" })).toBeNull();
    await expect(udfoerAdmin(db, { op: "tilknyt", bruger: "x", rolle: "kommune", driftsherre: null, navn: null })).rejects.toThrow("kræver --driftsherre");
  });
});
