import { readdirSync } from "node:fs";
import { join } from "node:path";
import { databaseFoer } from "../helpers/foerMigration";
import { type Db, aabnPglite } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { lavOversigt } from "../../src/server/oversigt/beregning";
import { oversigtRaekker } from "../../src/server/oversigt/forespoergsler";

/**
 * Migration 009 (issue 21): the overview's narrow row gains the grouping fields. Rows stored
 * before it are rewritten by it, and a row written by a trigger afterwards has them too.
 */
describe("oversigt_kort with the grouping fields (migration 009) on PGlite", () => {
  let db: Db;

  beforeAll(async () => {
    db = await databaseFoer(aabnPglite, "009");
  });
  afterAll(async () => {
    await db.close();
  });

  const indsaet = (id: string, tilbud: string, vaerdier: Record<string, unknown>) =>
    db.query(
      `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id)
       VALUES ($1::uuid, 'Odense Kommune', $2, 'Døgn', 2018, 1, repeat('a', 64), '{}', $3::jsonb, '[]', '[]', $4::jsonb, '2018-01-02T10:00:00Z', 't1')`,
      [id, tilbud, JSON.stringify({ TS_PLPct: 0.02, TS_Takstenhed: "døgn", ...vaerdier }), JSON.stringify({ ydelser: [{ raekke: 0, navn: "Døgn", takst: 1500, sidsteAarsTakst: null }] })],
    );
  const grupper = async () => lavOversigt(2018, [2018], await oversigtRaekker(db, 2018)).indberetninger.map((i) => [i.tilbud, i.ledelsesomraade, i.maalgruppekategori, i.saerligOpmaerksomhed, i.takst, i.version]);

  it("rewrites the rows stored before it, and the triggers write the new shape after it", async () => {
    await indsaet("00000000-0000-4000-8000-000000000001", "Søhuset", { TS_Ledelsesomraade: "Center Syd", TS_Maalgruppekategori: "Autisme", TS_SaerligOpmaerksomhed: "ja" });
    // 009 and every migration after it, in order (the folder's files, so a new migration needs no edit here).
    expect(await migrer(db)).toEqual(readdirSync(join(__dirname, "../../src/server/migrations")).filter((f) => f.endsWith(".sql") && f >= "009").sort());
    await indsaet("00000000-0000-4000-8000-000000000002", "Engen", { TS_Maalgruppekategori: "Misbrug" });
    expect(await grupper()).toEqual([
      ["Engen", null, "Misbrug", false, 1500, 1],
      ["Søhuset", "Center Syd", "Autisme", true, 1500, 1],
    ]);
  });
});
