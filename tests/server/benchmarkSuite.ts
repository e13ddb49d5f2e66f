import "./jestCookie";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { type Benchmark, benchmarkSchema } from "../../src/kontrakt";
import type { Db } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { MIN_PLADSER } from "../../src/takstskema/sammenligning";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, lavTokens, postOk } from "./fixtures";
import { type Sammenligningsvalg, sammenligningsSkema } from "./sammenligningSkemaer";

const ODENSE = "Odense Kommune";
const AARHUS = "Aarhus Kommune";
const A = { lovgrundlag: "SEL § 108", maalgruppekategori: "Udviklingshæmmede", takstenhed: "døgn" };
const B = { lovgrundlag: "SEL § 107", maalgruppekategori: "Socialpsykiatri", takstenhed: "døgn" };
const C = { lovgrundlag: "SEL § 104", maalgruppekategori: "Autisme", takstenhed: "dag" };
const LILLE = { lovgrundlag: "SEL § 110", maalgruppekategori: "Forsorgshjem", takstenhed: "døgn" };

/*
 * 30 skemaer in three groups (sammenligningsSkema: takst exactly as given), statistics by hand
 * (inclusive method: sorted x0..x(n-1), h = (n − 1) · p, interpolate):
 *
 * A (SEL § 108, Udviklingshæmmede, døgn): 13 tilbud, 1.000, 1.100, …, 2.200 (Aarhus has 1.300 and 2.200;
 *   one writes "SEL §108"). n = 13, h = 12p: median x6 = 1.600; Q1 x3 = 1.300; Q3 x9 = 1.900.
 * B (SEL § 107, Socialpsykiatri, døgn): 10 tilbud 2.000, 2.050, 2.200, 2.300, 2.300, 2.450, 2.600,
 *   2.800, 3.100 (Aarhus), 3.500. n = 10, h = 9p: median h 4,5 → 2.300 + 0,5 · 150 = 2.375;
 *   Q1 h 2,25 → 2.200 + 0,25 · 100 = 2.225; Q3 h 6,75 → 2.600 + 0,75 · 200 = 2.750.
 * C (SEL § 104, Autisme, dag): 7 tilbud, one with two ydelser of 900 kr.: 800, 850, 900, 900, 950,
 *   1.000, 1.100, 1.250 (8 niveauer). n = 8, h = 7p: median h 3,5 → 900 + 0,5 · 50 = 925;
 *   Q1 h 1,75 → 850 + 0,75 · 50 = 887,5; Q3 h 5,25 → 1.000 + 0,25 · 100 = 1.025.
 *
 * Left out (each at 9.000 kr., which would move A's max if counted): særlig opmærksomhed (A's
 * keys), 4 pladser (Aarhus, A's keys), no målgruppekategori. A group of 3 tilbud (SEL § 110,
 * Forsorgshjem): 500, 600, 700 – each has only 2 others, so no statistics.
 */
const GRUPPE_A: Sammenligningsvalg[] = [1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200].map((takst, i) => ({
  ...A,
  driftsherre: takst === 1300 || takst === 2200 ? AARHUS : ODENSE,
  tilbud: `Bo A${String(i + 1).padStart(2, "0")}`,
  takst,
  ...(takst === 1100 ? { lovgrundlag: "SEL §108" } : {}),
  // The regulering is left out of the key figures: løn 5.110.000 + regulering 365.000 = 5.475.000 = 1.500 × 3.650.
  ...(takst === 1500 ? { regulering: 365_000, aarsvaerk: 15 } : {}),
}));
const GRUPPE_B: Sammenligningsvalg[] = [2000, 2050, 2200, 2300, 2300, 2450, 2600, 2800, 3100, 3500].map((takst, i) => ({
  ...B, driftsherre: takst === 3100 ? AARHUS : ODENSE, tilbud: `Bo B${String(i + 1).padStart(2, "0")}`, takst,
}));
const GRUPPE_C: Sammenligningsvalg[] = [800, 850, 900, 950, 1000, 1100, 1250].map((takst, i) => ({
  ...C, driftsherre: ODENSE, tilbud: `Dag C${i + 1}`, takst, toYdelser: takst === 900,
}));
const UDELADTE: Sammenligningsvalg[] = [
  { ...A, driftsherre: ODENSE, tilbud: "Særlig A", takst: 9000, saerligOpmaerksomhed: true },
  { ...A, driftsherre: AARHUS, tilbud: "Lille A", takst: 9000, pladser: 4 },
  { ...A, driftsherre: ODENSE, tilbud: "Uden målgruppe", takst: 9000, maalgruppekategori: null },
];
const FOR_LILLE: Sammenligningsvalg[] = [500, 600, 700].map((takst, i) => ({ ...LILLE, driftsherre: ODENSE, tilbud: `Forsorg ${i + 1}`, takst }));

type Suitetokens = Tokens & { socialtilsyn: string };

/** Issue 24: GET /api/v1/benchmark and its .xlsx on PGlite and PostgreSQL. */
export function benchmarkSuite(aabn: () => Promise<Db>): void {
  let app: FastifyInstance;
  let t: Suitetokens;
  const tokens = async (d: Db): Promise<Suitetokens> => ({ ...(await lavTokens(d)), socialtilsyn: (await opretToken(d, { rolle: "socialtilsyn", driftsherre: "Socialtilsyn Syd" })).token });
  apiMiljoe(aabn, tokens, (m) => ({ app, t } = m));

  const indsend = (o: Sammenligningsvalg) => postOk(app, "/api/v1/indberetninger", o.driftsherre === AARHUS ? t.aarhus : t.odense, sammenligningsSkema(o));
  const hent = (q: string, token?: string) => app.inject({ method: "GET", url: `/api/v1/benchmark?${q}`, headers: token ? bearer(token) : {} });
  async function benchmark(q: string, token: string): Promise<Benchmark> {
    const r = await hent(q, token);
    expect(r.statusCode).toBe(200);
    return benchmarkSchema.parse(r.json());
  }
  const gruppe = (b: Benchmark, lov: string) => b.grupper.find((g) => g.lovgrundlag.replace(/\s/g, "") === lov.replace(/\s/g, ""));

  /** The 30 skemaer, the left-out ones and the small group; ids by tilbud. */
  async function alle(): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const o of [...GRUPPE_A, ...GRUPPE_B, ...GRUPPE_C, ...UDELADTE, ...FOR_LILLE]) ids.set(o.tilbud, (await indsend(o)).id);
    return ids;
  }

  it("forms the three groups and the too-small one from the year's current submissions, with the statistics worked out by hand", async () => {
    await alle();
    const b = await benchmark("takstaar=2018", t.sekretariat);
    expect(b.grupper.map((g) => [g.lovgrundlag, g.maalgruppekategori, g.takstenhed, g.antal, g.antalTilbud])).toEqual([
      ["SEL § 104", "Autisme", "dag", 8, 7],
      ["SEL § 107", "Socialpsykiatri", "døgn", 10, 10],
      // "SEL §108" is the same lovgrundlag as "SEL § 108".
      ["SEL § 108", "Udviklingshæmmede", "døgn", 13, 13],
      ["SEL § 110", "Forsorgshjem", "døgn", 3, 3],
    ]);
    expect(gruppe(b, "SEL § 108")!.statistik).toEqual({ median: 1600, kvartil1: 1300, kvartil3: 1900, min: 1000, max: 2200 });
    expect(gruppe(b, "SEL § 107")!.statistik).toEqual({ median: 2375, kvartil1: 2225, kvartil3: 2750, min: 2000, max: 3500 });
    expect(gruppe(b, "SEL § 104")!.statistik).toEqual({ median: 925, kvartil1: 887.5, kvartil3: 1025, min: 800, max: 1250 });
    expect(b.grupper.slice(0, 3).map((g) => g.besked)).toEqual([null, null, null]);
  });

  it(`leaves out særlig opmærksomhed, a tilbud with fewer than MIN_PLADSER (${MIN_PLADSER}) pladser and a niveau without målgruppekategori, each listed with its reason`, async () => {
    await alle();
    const b = await benchmark("takstaar=2018", t.sekretariat);
    expect(b.udeladt.map((u) => [u.tilbud, u.grund]).sort()).toEqual([
      ["Lille A", "faaPladser"],
      ["Særlig A", "saerligOpmaerksomhed"],
      ["Uden målgruppe", "utilstraekkeligGruppering"],
    ]);
    const tilbud = b.grupper.flatMap((g) => g.niveauer.map((n) => n.tilbud));
    expect(tilbud.filter((x) => ["Lille A", "Særlig A", "Uden målgruppe"].includes(x))).toEqual([]);
  });

  it("a group whose tilbud have fewer than 3 others each has no statistics: 'for få sammenlignelige', no index or position", async () => {
    await alle();
    const lille = gruppe(await benchmark("takstaar=2018", t.sekretariat), "SEL § 110")!;
    expect(lille.statistik).toBeNull();
    expect(lille.besked).toMatch(/for få sammenlignelige/i);
    expect(lille.niveauer.map((n) => [n.takst, n.indeks, n.position])).toEqual([[500, null, null], [600, null, null], [700, null, null]]);
  });

  it("gives each niveau its index (own / median × 100, one decimal) and position, and key figures without the regulering line", async () => {
    await alle();
    const b = await benchmark("takstaar=2018", t.sekretariat);
    const niveau = (tilbud: string) => b.grupper.flatMap((g) => g.niveauer).find((n) => n.tilbud === tilbud)!;
    // A: 1.000 / 1.600 = 62,5; 1.300 / 1.600 = 81,25 → 81,3 (on Q1: between); 2.200 / 1.600 = 137,5.
    expect([niveau("Bo A01").indeks, niveau("Bo A01").position]).toEqual([62.5, "under_kvartil1"]);
    expect([niveau("Bo A04").indeks, niveau("Bo A04").position]).toEqual([81.3, "mellem_kvartilerne"]);
    expect([niveau("Bo A13").indeks, niveau("Bo A13").position]).toEqual([137.5, "over_kvartil3"]);
    // B: 2.200 / 2.375 = 92,63 → 92,6, below Q1 2.225; 2.800 / 2.375 = 117,89 → 117,9, above Q3 2.750.
    expect([niveau("Bo B03").indeks, niveau("Bo B03").position]).toEqual([92.6, "under_kvartil1"]);
    expect([niveau("Bo B08").indeks, niveau("Bo B08").position]).toEqual([117.9, "over_kvartil3"]);
    // C: the two ydelser of "Dag C3" are two niveauer of 900 kr.: 900 / 925 = 97,30 → 97,3, between.
    expect(b.grupper[0]!.niveauer.filter((n) => n.tilbud === "Dag C3").map((n) => [n.ydelse, n.indeks, n.position])).toEqual([
      ["Gruppe 1", 97.3, "mellem_kvartilerne"], ["Gruppe 2", 97.3, "mellem_kvartilerne"],
    ]);
    // "Bo A06": takst 1.500 with regulering 365.000 in it. omkostninger = 5.475.000 − 365.000 = 5.110.000;
    // pr. plads 5.110.000 / 10 = 511.000; pr. belægningsdag 5.110.000 / 3.650 = 1.400; løn is every
    // cost: lønandel 1; årlig takst 1.500 × 365 = 547.500; normering 15 årsværk / 10 pladser = 1,5.
    expect(niveau("Bo A06").noegletal).toEqual({
      omkostninger: 5_110_000, prPlads: 511_000, prBelaegningsdag: 1400, loenandel: 1, administrationsandel: 0, overheadandel: 0,
      kapitalandel: 0, basisandel: null, belaegning: 1, aarligTakstPrHelaarsborger: 547_500, normeringPrPlads: 1.5,
    });
  });

  it("reads a resubmitted tilbud at its current version's takst (the newest submission's, not a day-weighted mean), and a withdrawn one not at all, also right after a view", async () => {
    await alle();
    // Viewed first, so the answers after the changes below cannot come from a kept result.
    expect(gruppe(await benchmark("takstaar=2018", t.sekretariat), "SEL § 107")!.niveauer.filter((n) => n.tilbud === "Bo B06").map((n) => n.takst)).toEqual([2450]);
    // Bo B06 resubmitted at 3.000 instead of 2.450: B becomes 2.000 … 3.000 … 3.500, sorted
    // 2.000, 2.050, 2.200, 2.300, 2.300, 2.600, 2.800, 3.000, 3.100, 3.500: median h 4,5 → 2.300 + 0,5 · 300 = 2.450.
    await indsend({ ...GRUPPE_B[5]!, takst: 3000 });
    // Dag C1 (800) withdrawn: C is 850, 900, 900, 950, 1.000, 1.100, 1.250 (n = 7): median x3 = 950.
    const c1 = (await benchmark("takstaar=2018", t.sekretariat)).grupper[0]!.niveauer.find((n) => n.tilbud === "Dag C1")!;
    const r = await app.inject({ method: "POST", url: `/api/v1/indberetninger/${c1.indberetningId}/status`, headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify({ status: "tilbagetrukket", bemaerkning: "Tilbuddet lukker" }) });
    expect(r.statusCode).toBe(200);
    const b = await benchmark("takstaar=2018", t.sekretariat);
    expect(gruppe(b, "SEL § 107")!.statistik!.median).toBe(2450);
    expect(gruppe(b, "SEL § 107")!.niveauer.filter((n) => n.tilbud === "Bo B06").map((n) => n.takst)).toEqual([3000]);
    expect([gruppe(b, "SEL § 104")!.antal, gruppe(b, "SEL § 104")!.statistik!.median]).toEqual([7, 950]);
  });

  it("filters to one group by lovgrundlag, målgruppekategori and takstenhed (spelling and case aside)", async () => {
    await alle();
    const b = await benchmark(`takstaar=2018&lovgrundlag=${encodeURIComponent("sel §107")}&maalgruppekategori=Socialpsykiatri&takstenhed=${encodeURIComponent("døgn")}`, t.sekretariat);
    expect(b.grupper.map((g) => g.lovgrundlag)).toEqual(["SEL § 107"]);
    expect(b.udeladt).toEqual([]);
    expect((await benchmark("takstaar=2019", t.sekretariat)).grupper).toEqual([]);
  });

  // The kept answer is also kept compressed (index.ts): what a browser gets must be the same JSON.
  it("sends a kept answer compressed as the client accepts (br, gzip, none), each the same JSON and each view its own", async () => {
    await alle();
    const med = (token: string, kodning: string) => app.inject({ method: "GET", url: "/api/v1/benchmark?takstaar=2018", headers: { ...bearer(token), "accept-encoding": kodning } });
    for (const token of [t.sekretariat, t.aarhus]) {
      const raa = await med(token, "identity");
      expect(raa.headers["content-encoding"]).toBeUndefined();
      const br = await med(token, "gzip;q=0.5, br");
      const gz = await med(token, "br;q=0, gzip");
      expect([br.headers["content-encoding"], gz.headers["content-encoding"]]).toEqual(["br", "gzip"]);
      expect(br.headers.vary).toContain("accept-encoding");
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(raa.body);
      expect(gunzipSync(gz.rawPayload).toString()).toBe(raa.body);
      // Asked again (kept): the same bytes.
      expect((await med(token, "br")).rawPayload.equals(br.rawPayload)).toBe(true);
    }
    expect((await med(t.aarhus, "identity")).body).not.toBe((await med(t.sekretariat, "identity")).body);
  });

  it("with antalGrupper=N (and fraGruppe=F) gives groups F to F+N-1 with their niveauer and every group's statistics, the rest of the answer unchanged; the .xlsx stays whole", async () => {
    await alle();
    const hele = await benchmark("takstaar=2018", t.sekretariat);
    expect(hele.grupper.length).toBeGreaterThan(2);
    const kun = (...med: number[]) => ({ ...hele, grupper: hele.grupper.map((g, i) => (med.includes(i) ? g : { ...g, niveauer: [] })) });
    expect(await benchmark("takstaar=2018&antalGrupper=1", t.sekretariat)).toEqual(kun(0));
    expect(await benchmark("takstaar=2018&fraGruppe=1&antalGrupper=1", t.sekretariat)).toEqual(kun(1));
    expect(await benchmark("takstaar=2018&fraGruppe=1&antalGrupper=100", t.sekretariat)).toEqual(kun(...[...hele.grupper.keys()].filter((i) => i > 0)));
    expect(await benchmark("takstaar=2018&antalGrupper=0", t.sekretariat)).toEqual(kun());
    expect((await hent("takstaar=2018&antalGrupper=-1", t.sekretariat)).statusCode).toBe(400);
    const ark = await xlsx("takstaar=2018&antalGrupper=0", t.sekretariat);
    const helt = await xlsx("takstaar=2018", t.sekretariat);
    expect(ark.worksheets.map((w) => w.rowCount)).toEqual(helt.worksheets.map((w) => w.rowCount));
  });

  it("a municipality sees every group's statistics but only its own niveauer and key figures, never another tilbud's cost lines", async () => {
    const ids = await alle();
    const r = await hent("takstaar=2018", t.aarhus);
    expect(r.statusCode).toBe(200);
    const b = benchmarkSchema.parse(r.json());
    expect(b.grupper.map((g) => [g.lovgrundlag, g.antal, g.statistik?.median ?? null])).toEqual([
      ["SEL § 104", 8, 925], ["SEL § 107", 10, 2375], ["SEL § 108", 13, 1600], ["SEL § 110", 3, null],
    ]);
    expect(b.grupper.flatMap((g) => g.niveauer.map((n) => [n.driftsherre, n.tilbud, n.takst, n.indeks]))).toEqual([
      [AARHUS, "Bo B09", 3100, 130.5], // 3.100 / 2.375 = 130,53 → 130,5
      [AARHUS, "Bo A04", 1300, 81.3],
      [AARHUS, "Bo A13", 2200, 137.5],
    ]);
    expect(b.udeladt).toEqual([{ driftsherre: AARHUS, tilbud: "Lille A", ydelse: "Længerevarende botilbud", grund: "faaPladser" }]);
    // Nothing of Odense's tilbud in the answer, and its submission (the cost lines) stays closed.
    expect(r.body).not.toContain("Bo A06");
    expect(r.body).not.toContain(ODENSE);
    expect(r.body).not.toContain("5110000");
    const odenses = await app.inject({ method: "GET", url: `/api/v1/indberetninger/${ids.get("Bo A06")}`, headers: bearer(t.aarhus) });
    expect(odenses.statusCode).toBe(404);
    // The .xlsx holds the same: Aarhus's three niveauer only.
    const wb = await xlsx("takstaar=2018", t.aarhus);
    expect(raekker(wb.getWorksheet("Takstniveauer")!).map((x) => x[4])).toEqual(["Bo B09", "Bo A04", "Bo A13"]);
  });

  it("refuses a socialtilsyn's token (403), no token (401) and a bad year (400)", async () => {
    expect((await hent("takstaar=2018", t.socialtilsyn)).statusCode).toBe(403);
    expect((await hent("takstaar=2018", t.socialtilsyn)).json().fejl).toBe("Kun sekretariatet og kommunerne har adgang.");
    expect((await hent("takstaar=2018")).statusCode).toBe(401);
    expect((await hent("takstaar=2018", t.tilbagekaldt)).statusCode).toBe(401);
    expect((await hent("takstaar=atten", t.sekretariat)).statusCode).toBe(400);
    expect((await hent("", t.sekretariat)).statusCode).toBe(400);
    expect((await hent("takstaar=2018&ukendt=1", t.sekretariat)).statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: "/api/v1/benchmark.xlsx?takstaar=2018", headers: bearer(t.socialtilsyn) })).statusCode).toBe(403);
  });

  async function xlsx(q: string, token: string): Promise<ExcelJS.Workbook> {
    const r = await app.inject({ method: "GET", url: `/api/v1/benchmark.xlsx?${q}`, headers: bearer(token) });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    return wb;
  }
  /** The rows below the title and the heading, as wide as the heading (an empty cell is null). */
  const raekker = (ws: ExcelJS.Worksheet): unknown[][] => {
    const bredde = ws.getRow(2).cellCount;
    const ud: unknown[][] = [];
    for (let i = 3; i <= ws.rowCount; i++) ud.push(Array.from({ length: bredde }, (_, k) => ws.getRow(i).getCell(k + 1).value ?? null));
    return ud;
  };

  it("the .xlsx holds the JSON's very figures (the writer only formats): groups, niveauer with key figures, left out", async () => {
    await alle();
    const b = await benchmark("takstaar=2018", t.sekretariat);
    const wb = await xlsx("takstaar=2018", t.sekretariat);
    expect(raekker(wb.getWorksheet("Grupper")!)).toEqual(b.grupper.map((g) => [
      g.lovgrundlag, g.maalgruppekategori, g.takstenhed, g.antal, g.antalTilbud,
      g.statistik?.min ?? null, g.statistik?.kvartil1 ?? null, g.statistik?.median ?? null, g.statistik?.kvartil3 ?? null, g.statistik?.max ?? null, g.besked,
    ]));
    const POSITION = { under_kvartil1: "Under 1. kvartil", mellem_kvartilerne: "Mellem kvartilerne", over_kvartil3: "Over 3. kvartil" };
    expect(raekker(wb.getWorksheet("Takstniveauer")!)).toEqual(b.grupper.flatMap((g) => g.niveauer.map((n) => [
      g.lovgrundlag, g.maalgruppekategori, g.takstenhed, n.driftsherre, n.tilbud, n.ydelse, n.takst, n.indeks, n.position === null ? null : POSITION[n.position],
      n.noegletal.omkostninger, n.noegletal.prPlads, n.noegletal.prBelaegningsdag, n.noegletal.loenandel, n.noegletal.administrationsandel, n.noegletal.overheadandel,
      n.noegletal.kapitalandel, n.noegletal.basisandel, n.noegletal.belaegning, n.noegletal.aarligTakstPrHelaarsborger, n.noegletal.normeringPrPlads,
    ])));
    expect(raekker(wb.getWorksheet("Ikke med")!).map((x) => x[1]).sort()).toEqual(["Lille A", "Særlig A", "Uden målgruppe"]);
    // Danish formats: kroner, shares as percent with 2 decimals, the index with one.
    const ws = wb.getWorksheet("Takstniveauer")!;
    expect([ws.getColumn(7).numFmt, ws.getColumn(8).numFmt, ws.getColumn(13).numFmt]).toEqual(['#,##0 "kr."', "0.0", "0.00%"]);
  });
}
