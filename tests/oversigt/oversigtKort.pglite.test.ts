import { databaseFoer } from "../helpers/foerMigration";
import { type Db, aabnPglite } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { lavOversigt } from "../../src/server/oversigt/beregning";
import { oversigtRaekker, takstaarMedIndberetninger } from "../../src/server/oversigt/forespoergsler";
import { celleFor } from "../../src/takstskema";
import { gemIndberetning } from "../../src/server/indberetninger/sql";
import { opretToken } from "../../src/server/tokens";

/**
 * Issue 15, migration 006: the overview reads oversigt_kort, a narrow copy of each submission
 * with its current version and version count marked, kept by triggers. Rows stored before the
 * migration are copied by it, and every later insert, update (status), delete and truncate of
 * indberetninger reaches the overview at once.
 */

const ID = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const TS050 = { code: "TS050", severity: "warning", field: "TS_Ydelser_Takst", cell: celleFor("TS_Ydelser_Takst", 0), message: "Udsving over 5 %." };
const TS012 = { code: "TS012", severity: "warning", field: "TS_BelaegningBegrundelse", cell: celleFor("TS_BelaegningBegrundelse"), message: "Skriv en begrundelse." };
const INFO = { code: "TS001", severity: "info", field: "TS_Tilbud", cell: celleFor("TS_Tilbud"), message: "Oplysning." };

describe("oversigt_kort (migration 006) on PGlite", () => {
  let db: Db;

  beforeAll(async () => {
    // A database at migration 005 with rows stored before oversigt_kort existed.
    db = await databaseFoer(aabnPglite, "006");
  });
  afterAll(async () => {
    await db.close();
  });

  const indsaet = (id: string, aar: number, version: number, ydelser: { navn: string; takst: number; sidsteAarsTakst: number | null }[], findings: unknown[]) =>
    db.query(
      `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id)
       VALUES ($1::uuid, 'Odense Kommune', 'Søhuset', $2, $3::int, $4::int, repeat('a', 64), '{}', $5::jsonb, $6::jsonb, '[]', $7::jsonb, '2018-01-02T10:00:00.123Z', 't1')`,
      [
        id, ydelser[0]!.navn, aar, version,
        JSON.stringify({ TS_PLPct: 0.02, TS_Takstenhed: "døgn" }),
        JSON.stringify(findings),
        JSON.stringify({ ydelser: ydelser.map((y, raekke) => ({ raekke, ...y })) }),
      ],
    );
  const oversigt = async (driftsherre: string | null = null) => lavOversigt(2018, await takstaarMedIndberetninger(db, driftsherre), await oversigtRaekker(db, 2018, driftsherre));

  it("copies the rows stored before it: figures, the warnings of each ydelse, the previous year's takst", async () => {
    await indsaet(ID(1), 2017, 1, [{ navn: "Døgn", takst: 1500, sidsteAarsTakst: null }], []);
    await indsaet(ID(2), 2018, 1, [{ navn: "Døgn", takst: 1683, sidsteAarsTakst: 1500 }, { navn: "Aflastning", takst: 800, sidsteAarsTakst: 780 }], [TS050, TS012, INFO]);
    expect((await migrer(db))[0]).toBe("006_oversigt.sql");
    const o = await oversigt();
    expect(o.takstaarListe).toEqual([2017, 2018]);
    expect(o.indberetninger.map((i) => [i.ydelse, i.takst, i.sidsteAarsTakst, i.sidsteAarsTakstOplyst, i.takstudvikling, i.udsving, i.advarsler.map((a) => a.code)])).toEqual([
      // 1683 / (1500 × 1,02) − 1 = 1683 / 1530 − 1 = +10,0 %
      ["Døgn", 1683, 1500, false, 0.1, true, ["TS050", "TS012"]],
      // No Aflastning in 2017: the stated 780; 800 / (780 × 1,02) − 1 = 800 / 795,6 − 1 = 0,553 % → 0,6 %
      ["Aflastning", 800, 780, true, 0.006, false, ["TS012"]],
    ]);
    expect(o.indberetninger[0]).toMatchObject({ id: ID(2), version: 1, antalVersioner: 1, modtaget: "2018-01-02T10:00:00.123Z", takstenhed: "døgn", plPct: 0.02, sagsstatus: "modtaget" });
  });

  it("a status change, a new version and a deletion reach the overview at once", async () => {
    await db.query("UPDATE indberetninger SET status = 'i_dialog' WHERE id = $1::uuid", [ID(2)]);
    expect((await oversigt()).indberetninger.map((i) => i.sagsstatus)).toEqual(["i_dialog", "i_dialog"]);

    await indsaet(ID(3), 2018, 2, [{ navn: "Døgn", takst: 1530, sidsteAarsTakst: 1500 }], []);
    let o = await oversigt();
    expect(o.indberetninger.map((i) => [i.id, i.ydelse, i.version, i.antalVersioner, i.takstudvikling, i.advarsler.length])).toEqual([[ID(3), "Døgn", 2, 2, 0, 0]]);
    expect(o.antal.sagsstatus.modtaget).toBe(1);

    await db.query("UPDATE indberetninger SET status = 'tilbagetrukket' WHERE id = $1::uuid", [ID(3)]);
    o = await oversigt("Odense Kommune");
    expect([o.antal.indberetninger, o.tilbagetrukne.map((t) => t.id)]).toEqual([0, [ID(3)]]);
    expect(o.mangler).toEqual([]); // withdrawn, not missing (issue 20)

    await db.query("DELETE FROM indberetninger WHERE takstaar = 2018");
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM oversigt_kort WHERE takstaar = 2018"))[0]!.n).toBe(0);
    expect((await oversigt()).takstaarListe).toEqual([2017]);
  });

  it("a truncate empties it too", async () => {
    await db.query("TRUNCATE indberetninger CASCADE");
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM oversigt_kort"))[0]!.n).toBe(0);
  });
});

describe("oversigt_kort of a submission stored by gem_indberetninger (migration 007)", () => {
  let db: Db;
  beforeAll(async () => {
    db = await aabnPglite();
    await migrer(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it("is the row migration 006 builds from the stored submission, and a new version takes over as current", async () => {
    const tokenId = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).id;
    const ny = (takst: number) => ({
      driftsherre: "Odense Kommune", tilbud: "Søhuset", ydelse: "Døgn", takstaar: 2018, sha256: String(takst).padStart(64, "0"),
      payload: { TS_Tilbud: "Søhuset" },
      vaerdier: { TS_PLPct: 0.02, TS_Takstenhed: "døgn", TS_Regelsaet: "SYD-2018" },
      findings: [TS050, INFO, TS012],
      sprunget: [],
      beregnet: { ydelser: [{ raekke: 0, navn: "Døgn", takst, sidsteAarsTakst: 1500 }, { raekke: 1, navn: "Aflastning", takst: 800, sidsteAarsTakst: null }] },
      regelsaet: { id: "SYD-2018", version: 1 },
      tokenId,
    });
    const v1 = (await gemIndberetning(db, ny(1683))).kvittering;
    const v2 = (await gemIndberetning(db, ny(1690))).kvittering;
    const rows = await db.query<{ id: string; kort: string; sql: string; aktuel: boolean; antal_versioner: number }>(
      `SELECT o.id::text AS id, o.kort, oversigt_kort_tekst(i) AS sql, o.aktuel, o.antal_versioner
       FROM oversigt_kort o JOIN indberetninger i ON i.id = o.id ORDER BY o.version`,
    );
    expect(rows.map((r) => [r.id, r.aktuel, r.antal_versioner])).toEqual([
      [v1.id, false, 2],
      [v2.id, true, 2],
    ]);
    for (const r of rows) expect(JSON.parse(r.kort)).toEqual(JSON.parse(r.sql));
    // Worked out by hand: the current row carries version 2, its receipt number and only the warnings.
    const kort = JSON.parse(rows[1]!.kort) as unknown[];
    expect(kort.slice(-2)).toEqual([2, v2.nummer]);
    expect((kort[5] as { code: string }[]).map((a) => a.code)).toEqual(["TS050", "TS012"]);
  });
});
