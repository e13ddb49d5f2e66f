import "../server/jestCookie";
import type { Db } from "../../src/server/db";
import type { Detalje, Oversigt } from "../../src/server/oversigt/typer";
import { AAR, erUdsving, FORRIGE, forventedeAdvarsler, forventet, PL_PCT, PLAN } from "./saed";
import { noegle, saaTjeneste, startTjeneste, type Tjeneste } from "./tjeneste";

/**
 * GET /api/v1/oversigt and /api/v1/oversigt/indberetninger/:id against the service seeded
 * through its real submission API; run on PGlite and on PostgreSQL.
 */
export function oversigtSuite(aabn?: () => Promise<Db>): void {
  let t: Tjeneste;
  const f = forventet();

  beforeAll(async () => {
    t = await startTjeneste(null, aabn);
    await saaTjeneste(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const get = (url: string, token?: string | null) => t.app.inject({ method: "GET", url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const oversigt = async (aar?: number) => {
    const r = await get(`/api/v1/oversigt${aar ? `?takstaar=${aar}` : ""}`, t.sekretariat);
    expect(r.statusCode).toBe(200);
    return r.json() as Oversigt;
  };

  it("the seed holds at least 50 submissions over two takstår", async () => {
    const [raekke] = await t.db.query<{ n: number; aar: number[] }>("SELECT count(*)::int AS n, array_agg(DISTINCT takstaar ORDER BY takstaar) AS aar FROM indberetninger");
    const { n, aar } = raekke!;
    expect(n).toBe(f.raekker);
    expect(n).toBeGreaterThanOrEqual(50);
    expect(aar).toEqual([FORRIGE, AAR]);
  });

  it("401 without a token or with a bad one", async () => {
    for (const url of ["/api/v1/oversigt", "/api/v1/oversigt/indberetninger/00000000-0000-0000-0000-000000000000"]) {
      expect((await get(url)).statusCode).toBe(401);
      expect((await get(url, "tks_000000000000_" + "x".repeat(43))).statusCode).toBe(401);
    }
  });

  it("a municipality's token sees the same overview limited to its own submissions (issue 14)", async () => {
    const aarhus = t.kommune.get("Aarhus Kommune")!;
    const r = await get("/api/v1/oversigt", aarhus);
    expect(r.statusCode).toBe(200);
    const o = r.json() as Oversigt;
    const egne = PLAN.filter((p) => p.driftsherre === "Aarhus Kommune" && p.t2021 !== null);
    expect(o.bruger).toEqual({ rolle: "kommune", driftsherre: "Aarhus Kommune" });
    expect(o.indberetninger.map((i) => i.tilbud + "|" + i.ydelse).sort()).toEqual(egne.map((p) => p.tilbud + "|" + p.ydelse).sort());
    expect(o.mangler).toEqual([]);
    expect(o.tilbud.every((x) => x.driftsherre === "Aarhus Kommune")).toBe(true);
    // Another municipality's submission is "not found" in the detail view.
    const randers = (await oversigt()).indberetninger.find((i) => i.driftsherre === "Randers Kommune")!;
    expect((await get(`/api/v1/oversigt/indberetninger/${randers.id}`, aarhus)).statusCode).toBe(404);
    expect((await get(`/api/v1/oversigt/indberetninger/${o.indberetninger[0]!.id}`, aarhus)).statusCode).toBe(200);
  });

  it("defaults to the latest takstår and counts what the seed planted", async () => {
    const o = await oversigt();
    expect(o.takstaar).toBe(AAR);
    expect(o.forrigeTakstaar).toBe(FORRIGE);
    expect(o.takstaarListe).toEqual([FORRIGE, AAR]);
    expect(o.antal).toEqual({
      indberetninger: f.indberetninger,
      godkendt: f.godkendt,
      medAdvarsler: f.medAdvarsler,
      udsving: f.udsving,
      driftsherrer: f.driftsherrer,
      manglendeDriftsherrer: f.manglendeDriftsherrer.length,
      manglendeTakster: f.manglendeTakster,
      sagsstatus: { modtaget: f.indberetninger, i_dialog: 0, godkendt: 0, tilbagetrukket: 0 },
    });
    // Concretely for this seed: 24 current skemaer with 26 ydelser (Bostedet Åen has three), 5 with warnings, 6 outliers, Skive missing.
    expect([o.antal.indberetninger, o.indberetninger.length, o.antal.medAdvarsler, o.antal.udsving, o.antal.manglendeDriftsherrer]).toEqual([24, 26, 5, 6, 1]);
  });

  it("each current submission: highest version, takst, last year's takst, PL, takstudvikling, status and warnings", async () => {
    const o = await oversigt(AAR);
    for (const p of PLAN.filter((x) => x.t2021 !== null)) {
      const i = o.indberetninger.find((x) => x.driftsherre === p.driftsherre && x.tilbud === p.tilbud && x.ydelse === p.ydelse);
      expect(i).toBeDefined();
      const versioner = 1 + (p.tidligere ?? []).length;
      expect(i!.id).toBe(t.kvitteringer.get(noegle(p.driftsherre, p.tilbud, p.ydelse, AAR, p.t2021!)));
      expect({ version: i!.version, antal: i!.antalVersioner, takst: i!.takst, sidste: i!.sidsteAarsTakst, pl: i!.plPct, enhed: i!.takstenhed }).toEqual({
        version: versioner,
        antal: versioner,
        takst: p.t2021,
        sidste: p.t2020,
        pl: PL_PCT / 100,
        enhed: p.enhed,
      });
      if (p.t2020 === null) {
        expect(i!.takstudvikling).toBeNull();
        expect(i!.udsving).toBe(false);
      } else {
        const promille = Math.round((p.t2021! / (p.t2020 * (1 + PL_PCT / 100)) - 1) * 1000);
        expect(Math.round(i!.takstudvikling! * 1000)).toBe(promille);
        expect(i!.udsving).toBe(erUdsving(p.t2021!, p.t2020));
      }
      const koder = forventedeAdvarsler(p, p.t2021!);
      expect(i!.advarsler.map((a) => a.code).sort()).toEqual(koder);
      expect(i!.status).toBe(koder.length ? "advarsler" : "godkendt");
    }
  });

  it("the exact +5,0 % change is not an outlier; -5,1 % is", async () => {
    const o = await oversigt(AAR);
    const aaen = o.indberetninger.find((i) => i.tilbud === "Bostedet Åen" && i.ydelse === "Længerevarende botilbud")!;
    expect([aaen.takstudvikling, aaen.udsving]).toEqual([0.05, false]);
    const hoejvangen = o.indberetninger.find((i) => i.tilbud === "Højvangen")!;
    expect([hoejvangen.takstudvikling, hoejvangen.udsving]).toEqual([-0.051, true]);
  });

  it("missing: Skive Kommune as a whole driftsherre, Herning's one discontinued takst", async () => {
    const o = await oversigt(AAR);
    const skive = PLAN.filter((p) => p.driftsherre === "Skive Kommune");
    expect(o.mangler).toEqual([
      { driftsherre: "Herning Kommune", helDriftsherre: false, takster: [{ tilbud: "Lind", ydelse: "Aflastning", takst: 1650 }] },
      { driftsherre: "Skive Kommune", helDriftsherre: true, takster: skive.map((p) => ({ tilbud: p.tilbud, ydelse: p.ydelse, takst: p.t2020 })).sort((a, b) => a.tilbud.localeCompare(b.tilbud, "da")) },
    ]);
  });

  it("per tilbud: the plain mean of its ydelser, sorted from largest increase, new takster left out", async () => {
    const o = await oversigt(AAR);
    expect(o.tilbud).toHaveLength(f.tilbudMedUdvikling);
    const vaerdier = o.tilbud.map((x) => x.takstudvikling);
    expect(vaerdier).toEqual([...vaerdier].sort((a, b) => b - a));
    expect(o.tilbud.filter((x) => x.udsving).map((x) => `${x.tilbud} · ${x.driftsherre}`).sort()).toEqual(f.tilbudMedUdsving);
    const aaen = o.tilbud.find((x) => x.tilbud === "Bostedet Åen")!;
    // (2142 / 2040 - 1 + 1800 / 1530 - 1) / 2 = (5,0 % + 17,647 %) / 2 = 11,3 %
    expect(aaen).toEqual({ driftsherre: "Aarhus Kommune", tilbud: "Bostedet Åen", takstudvikling: 0.113, udsving: true, antalYdelser: 2 });
    expect(o.tilbud.some((x) => x.tilbud === "Nørreåen")).toBe(false);
  });

  it("the previous takstår has no year before it: no comparisons, nothing missing", async () => {
    const o = await oversigt(FORRIGE);
    expect(o.antal.indberetninger).toBe(new Set(PLAN.filter((p) => p.t2020 !== null).map((p) => `${p.driftsherre}|${p.tilbud}`)).size);
    expect(o.indberetninger.every((i) => i.takstudvikling === null && i.sidsteAarsTakst === null)).toBe(true);
    expect(o.mangler).toEqual([]);
    expect(o.tilbud).toEqual([]);
    // MIDT-2020's deadline (6.12.2019) has passed today, so every 2020 skema carries TS090.
    expect(o.indberetninger.every((i) => i.advarsler.some((a) => a.code === "TS090"))).toBe(true);
  });

  it("a takstår without submissions gives an empty overview; a bad takstår is 400", async () => {
    const o = await oversigt(2030);
    expect(o.antal.indberetninger).toBe(0);
    expect(o.mangler).toEqual([]);
    expect((await get("/api/v1/oversigt?takstaar=abc", t.sekretariat)).statusCode).toBe(400);
  });

  it("detail: findings and the version history, newest first", async () => {
    const p = PLAN.find((x) => x.tilbud === "Højvangen")!;
    const id = t.kvitteringer.get(noegle(p.driftsherre, p.tilbud, p.ydelse, AAR, p.t2021!))!;
    const foerste = t.kvitteringer.get(noegle(p.driftsherre, p.tilbud, p.ydelse, AAR, p.tidligere![0]!))!;
    const r = await get(`/api/v1/oversigt/indberetninger/${id}`, t.sekretariat);
    expect(r.statusCode).toBe(200);
    const d = r.json() as Detalje;
    expect(d).toMatchObject({ id, driftsherre: p.driftsherre, tilbud: p.tilbud, ydelse: p.ydelse, takstaar: AAR, version: 2, regelsaet: "MIDT-2021", takst: p.t2021, sidsteAarsTakstOplyst: p.t2020, plPct: 0.02, pladser: p.pladser, belaegning: 1 });
    expect(d.takstgrundlag).toBe(p.t2021! * p.pladser * 365);
    expect(d.findings.map((x) => x.code)).toEqual(["TS050"]);
    expect(d.findings[0]!.message).toMatch(/-5,1 %/);
    expect(d.versioner.map((v) => [v.id, v.version, v.takst, v.antalAdvarsler])).toEqual([
      [id, 2, 1500, 1],
      [foerste, 1, 1700, 1], // 1700 / 1581 = +7,5 %: TS050 as well
    ]);
    // An older version opens too and lists the same history.
    const gammel = (await get(`/api/v1/oversigt/indberetninger/${foerste}`, t.sekretariat)).json() as Detalje;
    expect([gammel.version, gammel.versioner.length]).toEqual([1, 2]);
  });

  it("detail: unknown or malformed id is 404", async () => {
    expect((await get("/api/v1/oversigt/indberetninger/00000000-0000-0000-0000-000000000000", t.sekretariat)).statusCode).toBe(404);
    expect((await get("/api/v1/oversigt/indberetninger/ikke-et-id", t.sekretariat)).statusCode).toBe(404);
  });

  it("the page route is absent when the service runs without static files", async () => {
    expect((await get("/oversigt")).statusCode).toBe(404);
  });
}
