import "./jestCookie";
import { databaseFoer } from "../helpers/foerMigration";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { celleFor } from "../../src/takstskema";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

const URL = "/api/v1/indberetninger";
const DIFF = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-differentieret-syd-2018.json"), "utf8")) as Record<string, unknown>;
/** The example as Odense's own: three ydelser, stated sidste års takst 1460 / 1890 / 2760 (the example file). */
const tre = (over: Record<string, unknown> = {}) => ({ ...DIFF, TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Bostedet Engblommen", ...over });
const NAVNE = ["Gruppe A: moderat støtte", "Gruppe B: omfattende støtte", "Gruppe C: særlig tæt støtte"];
/** Worked out in tests/takstskema/ydelser.test.ts (the example's three takster). */
const TAKSTER = [1484, 1927, 2814];

/**
 * Issue 12 (service side) and 14 (last year's takst) on PGlite and PostgreSQL: one submission
 * carries all its ydelser, the key is (driftsherre, tilbud, takstår), exports and the overview
 * count per ydelse, TS120 and the last-year route.
 */
export function ydelserSuite(aabn: () => Promise<Db>): void {
  let app: FastifyInstance;
  let t: Tokens;

  apiMiljoe(aabn, lavTokens, (m) => ({ app, t } = m), { statiskMappe: null, addinOrigin: "https://localhost:3000" });

  const post = (body: unknown, token = t.odense) =>
    app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const get = (url: string, token = t.sekretariat) => app.inject({ method: "GET", url, headers: bearer(token) });
  const indsend = async (body: unknown): Promise<{ id: string; findings: { code: string; cell: string; message: string }[] }> => {
    const r = await post(body);
    expect(r.statusCode).toBe(201);
    return r.json();
  };
  const aktuelle = async () => (await get(`${URL}?aktuelle=true`)).json().indberetninger as { id: string; tilbud: string; version: number; takstaar: number }[];

  it("three ydelser are one submission; the overview counts and the export have one row per ydelse", async () => {
    const { id } = await indsend(tre());
    expect((await aktuelle()).map((i) => i.id)).toEqual([id]);
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json();
    // Counted per skema (issue 20): one indberetning, its three ydelser each a row of the table.
    expect(o.antal.indberetninger).toBe(1);
    expect(o.indberetninger.map((i: { id: string; ydelse: string; takst: number }) => [i.id, i.ydelse, i.takst])).toEqual(NAVNE.map((n, k) => [id, n, TAKSTER[k]]));
    const csv = (await get("/api/v1/eksport/takster.csv")).body.slice(1).trim().split("\r\n");
    // No submission last year: last year's takst is the stated one (1.460, 1.890, 2.760), and the
    // takstudvikling after 1,9 % PL: 1.484 / 1.487,74 − 1 = −0,25 %; 1.927 / 1.925,91 − 1 = +0,06 %;
    // 2.814 / 2.812,44 − 1 = +0,06 %, each with one decimal.
    const SIDSTE = ["1460;1,9;-0,3", "1890;1,9;0,1", "2760;1,9;0,1"];
    expect(csv.slice(1)).toEqual(NAVNE.map((n, k) => `Odense Kommune;Bostedet Engblommen;${n};2018;1;${TAKSTER[k]};${SIDSTE[k]}`));
    const xl = await app.inject({ method: "GET", url: "/api/v1/eksport/takster.xlsx", headers: bearer(t.sekretariat) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Takster")!;
    expect(ws.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => [ws.getRow(r).getCell(3).value, ws.getRow(r).getCell(6).value])).toEqual(NAVNE.map((n, k) => [n, TAKSTER[k]]));

    // The detail view per ydelse: that ydelse's figures (the example: 8 pladser at 95 %), all three listed.
    const d = (await get(`/api/v1/oversigt/indberetninger/${id}?ydelse=${encodeURIComponent(NAVNE[1]!)}`)).json();
    expect([d.ydelse, d.takst, d.pladser, d.belaegning, d.sidsteAarsTakstOplyst]).toEqual([NAVNE[1], TAKSTER[1], 8, 0.95, 1890]);
    expect(d.ydelser.map((y: { navn: string }) => y.navn)).toEqual(NAVNE);
    expect(d.versioner.map((v: { takst: number }) => v.takst)).toEqual([TAKSTER[1]]);
    // Without a ydelse: the first.
    expect((await get(`/api/v1/oversigt/indberetninger/${id}`)).json().ydelse).toBe(NAVNE[0]);
  });

  it("the current version is per tilbud: a former single-takst body and then a table are versions 1 and 2 of the same tilbud", async () => {
    const enkelt = await indsend(gyldigtSkema({ TS_Tilbud: "Bostedet Engblommen" }));
    const fuld = (await get(`${URL}/${enkelt.id}`)).json();
    // The former shape is a one-row table: its single takst is beregnet.ydelser[0].
    expect(fuld.beregnet.ydelser.map((y: { navn: string }) => y.navn)).toEqual(["Længerevarende botilbud"]);
    const tabel = await indsend(tre());
    const a = await aktuelle();
    expect(a.map((i) => [i.id, i.version])).toEqual([[tabel.id, 2]]);
    // The withdrawn-free, current export: only the table's three ydelser, not the former single takst.
    expect((await get("/api/v1/eksport/takster.csv")).body.trim().split("\r\n").slice(1).map((l) => l.split(";")[2])).toEqual(NAVNE);
  });

  it("A→B→A gives three versions of the tilbud with the last one current; withdrawing it removes all its ydelser", async () => {
    const a1 = await indsend(tre());
    const b = await indsend(tre({ TS_Loen: 12_100_000 }));
    const a2 = await indsend(tre());
    expect(new Set([a1.id, b.id, a2.id]).size).toBe(3);
    expect((await aktuelle()).map((i) => [i.id, i.version])).toEqual([[a2.id, 3]]);
    // The same body as the current version: its receipt again.
    const igen = await post(tre());
    expect(igen.statusCode).toBe(200);
    expect(igen.json().id).toBe(a2.id);

    const ud = await app.inject({ method: "POST", url: `${URL}/${a2.id}/status`, headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify({ status: "tilbagetrukket", bemaerkning: "Forkert tilbud" }) });
    expect(ud.statusCode).toBe(200);
    expect(await aktuelle()).toEqual([]);
    expect((await get("/api/v1/eksport/takster.csv")).body.trim().split("\r\n")).toHaveLength(1);
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json();
    expect(o.antal.indberetninger).toBe(0);
    expect(o.tilbagetrukne.map((x: { ydelse: string }) => x.ydelse)).toEqual(NAVNE);
  });

  it("TS120 on the service: stated sidste års takst against last year's submission of the same ydelse, stored and in the receipt", async () => {
    // 2017: the same skema, so last year's takster are 1484 / 1927 / 2814; the names typed in
    // capitals and with doubled spaces are the same ydelser (sammeYdelse, and the overview's join).
    await indsend(tre({ TS_Takstaar: 2017, TS_Ydelser_Navn: [...NAVNE.map((n) => n.toUpperCase().replace(" ", "  ")), ...Array.from({ length: 7 }, () => null)] }));
    // 2018 states 1484 for A (equal), 1890 for B and 2760 for C (the example's figures: both differ).
    const k = await indsend(tre({ TS_Ydelser_SidsteAarsTakst: [1484, 1890, 2760, null, null, null, null, null, null, null] }));
    const ts120 = k.findings.filter((f) => f.code === "TS120");
    expect(ts120.map((f) => f.cell)).toEqual([celleFor("TS_Ydelser_SidsteAarsTakst", 1), celleFor("TS_Ydelser_SidsteAarsTakst", 2)]);
    expect(ts120[0]!.message).toBe('Sidste års takst for "Gruppe B: omfattende støtte" er oplyst som 1.890 kr., men takstindberetningen sidste år var 1.927 kr.');
    expect(ts120.every((f) => (f as unknown as { severity: string }).severity === "warning")).toBe(true);
    const gemt = (await get(`${URL}/${k.id}`)).json();
    expect(gemt.findings.filter((f: { code: string }) => f.code === "TS120")).toHaveLength(2);
    // The overview shows it as a warning on those ydelser, and last year's figure from the service.
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json();
    const raekker = o.indberetninger as { ydelse: string; sidsteAarsTakst: number; sidsteAarsTakstOplyst: boolean; advarsler: { code: string }[] }[];
    expect(raekker.map((r) => [r.sidsteAarsTakst, r.sidsteAarsTakstOplyst])).toEqual(TAKSTER.map((x) => [x, false]));
    expect(raekker.map((r) => r.advarsler.some((a) => a.code === "TS120"))).toEqual([false, true, true]);
  });

  it("without last year on the service the overview uses the stated sidste års takst, marked oplyst", async () => {
    await indsend(tre());
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json();
    // The example's stated figures (examples/botilbud-differentieret-syd-2018.json).
    expect(o.indberetninger.map((r: { sidsteAarsTakst: number; sidsteAarsTakstOplyst: boolean }) => [r.sidsteAarsTakst, r.sidsteAarsTakstOplyst])).toEqual([[1460, true], [1890, true], [2760, true]]);
    // Real development of A by hand: 1484 / (1460 × 1,019) − 1 = 1484 / 1487,74 − 1 = −0,25 % → −0,3 % (one decimal).
    expect(o.indberetninger[0].takstudvikling).toBeCloseTo(-0.003, 6);
  });

  it("a ydelse submitted last year but not this year is missing; the last-year route gives the municipality its own figures", async () => {
    await indsend(tre({ TS_Takstaar: 2017 }));
    const toRaekker = tre({ TS_Ydelser_Navn: [NAVNE[0], NAVNE[1], null, null, null, null, null, null, null, null], TS_Ydelser_Pladser: [10, 8, null, null, null, null, null, null, null, null], TS_Ydelser_Belaegning: [0.95, 0.95, null, null, null, null, null, null, null, null], TS_Ydelser_Ressource: [1, 1.5, null, null, null, null, null, null, null, null], TS_Ydelser_SidsteAarsTakst: [1484, 1927, null, null, null, null, null, null, null, null] });
    await indsend(toRaekker);
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json();
    expect(o.antal.indberetninger).toBe(1);
    expect(o.indberetninger.map((r: { ydelse: string }) => r.ydelse)).toEqual([NAVNE[0], NAVNE[1]]);
    expect(o.mangler).toEqual([{ driftsherre: "Odense Kommune", helDriftsherre: false, takster: [{ tilbud: "Bostedet Engblommen", ydelse: NAVNE[2], takst: 2814 }] }]);

    const s = await get(`${URL}/sidste-aar?tilbud=${encodeURIComponent("Bostedet Engblommen")}&takstaar=2018`, t.odense);
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ takstaar: 2017, version: 1, ydelser: NAVNE.map((navn, k) => ({ navn, takst: TAKSTER[k] })) });
    // Another municipality finds nothing; the secretariat has no own tilbud; a year without a submission is 404.
    expect((await get(`${URL}/sidste-aar?tilbud=${encodeURIComponent("Bostedet Engblommen")}&takstaar=2018`, t.aarhus)).statusCode).toBe(404);
    expect((await get(`${URL}/sidste-aar?tilbud=x&takstaar=2018`, t.sekretariat)).statusCode).toBe(403);
    expect((await get(`${URL}/sidste-aar?tilbud=${encodeURIComponent("Bostedet Engblommen")}&takstaar=2017`, t.odense)).statusCode).toBe(404);
    expect((await get(`${URL}/sidste-aar?takstaar=2018`, t.odense)).statusCode).toBe(400);
    // Carry forward from the CLI (issue 21): the secretariat names the driftsherre; a municipality may name only its own.
    const engblommen = encodeURIComponent("Bostedet Engblommen");
    const sek = await get(`${URL}/sidste-aar?tilbud=${engblommen}&takstaar=2018&driftsherre=${encodeURIComponent("Odense Kommune")}`, t.sekretariat);
    expect(sek.statusCode).toBe(200);
    expect(sek.json()).toEqual(s.json());
    expect((await get(`${URL}/sidste-aar?tilbud=${engblommen}&takstaar=2018&driftsherre=${encodeURIComponent("odense kommune")}`, t.odense)).statusCode).toBe(200);
    const anden = await get(`${URL}/sidste-aar?tilbud=${engblommen}&takstaar=2018&driftsherre=${encodeURIComponent("Odense Kommune")}`, t.aarhus);
    expect(anden.statusCode).toBe(403);
    expect(anden.json().fejl).toBe("Adgangsnøglen tilhører Aarhus Kommune og kan kun hente Aarhus Kommunes egne indberetninger.");
  });

  it("migration 004: rows stored per ydelse before it become one-row tables and versions per tilbud", async () => {
    // A database at migration 003 with two former single-takst rows of the same tilbud (two ydelser).
    const gammel = await databaseFoer(aabn, "004");
    try {
      const indsaet = (id: string, ydelse: string, takst: number, modtaget: string) =>
        gammel.query(
          `INSERT INTO indberetninger (id, driftsherre, tilbud, ydelse, takstaar, version, sha256, payload, vaerdier, findings, sprunget, beregnet, modtaget, token_id)
           VALUES ($1::uuid, 'Odense Kommune', 'Søhuset', $2, 2018, 1, repeat('a', 64), '{}', $3::jsonb, '[]', '[]', $4::jsonb, $5::timestamptz, 't1')`,
          [id, ydelse, JSON.stringify({ TS_Ydelse: ydelse, TS_Takst: takst, TS_Pladser: 12, TS_SidsteAarsTakst: 1600 }), JSON.stringify({ takst }), modtaget],
        );
      await indsaet("00000000-0000-4000-8000-000000000001", "Døgn", 1682, "2018-01-02T10:00:00Z");
      await indsaet("00000000-0000-4000-8000-000000000002", "Aflastning", 900, "2018-01-03T10:00:00Z");
      expect((await migrer(gammel))[0]).toBe("004_ydelser.sql"); // and any later migration
      const rows = await gammel.query<{ id: string; version: number; ydelser: unknown }>("SELECT id::text AS id, version, beregnet->'ydelser' AS ydelser FROM indberetninger ORDER BY version");
      expect(rows.map((r) => [r.id.slice(-1), r.version])).toEqual([["1", 1], ["2", 2]]);
      expect(rows[0]!.ydelser).toEqual([{ raekke: 0, navn: "Døgn", pladser: 12, belaegning: null, ressource: null, sidsteAarsTakst: 1600, belaegningsdage: null, basistakst: null, servicetakst: null, takst: 1682, takstudvikling: null }]);
    } finally {
      await gammel.close();
    }
  });
}
