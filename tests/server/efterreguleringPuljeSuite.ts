import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { efterreguleringSchema, puljeSchema } from "../../src/kontrakt";
import type { Db } from "../../src/server/db";
import { apiMiljoe } from "./apiMiljoe";
import { type Skemapost, type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

const URL = "/api/v1/indberetninger";
const NORD = "Center Nord";
const PULJE = `/api/v1/puljer?ledelsesomraade=${encodeURIComponent(NORD)}`;
const YDELSE = "Længerevarende botilbud";

/*
 * Three tilbud of Center Nord. Budget skemaer of 2025 (gyldigtSkema: 4.204,8 belægningsdage,
 * administration 300.000 kr., overhead 4 %): takst = (løn + 300.000) × 1,04 / 4.204,8.
 *   A: løn 6.500.000 → 7.072.000 / 4.204,8 = 1.681,89 → 1.682 kr.
 *   B: løn 6.200.000 → 6.760.000 / 4.204,8 = 1.607,69 → 1.608 kr.
 *   C: løn 6.900.000 → 7.488.000 / 4.204,8 = 1.780,82 → 1.781 kr.
 * A's takst is raised from 1 July 2025 (an in-year change, approved): løn 6.900.000 → 7.488.000 /
 * 4.204,8 = 1.780,82 → 1.781 kr.; the register then holds 1.682 (1.1-30.6) and 1.781 (1.7-31.12).
 * Regnskaber of 2025 (A2 = (løn + 300.000) × 1,04; A5 = A1 − A2; A7 = A5 − A6; regulering 2027 = −A7):
 *   A: 2.000 dage × 1.682 + 2.100 dage × 1.781 = 3.364.000 + 3.740.100 = 7.104.100; løn 6.200.000:
 *      A2 6.760.000; A5 344.100; A6 0; A7 344.100.
 *   B: 3.900 dage × 1.608 = 6.271.200; løn 6.000.000: A2 6.552.000; A5 −280.800; A6 −150.000
 *      (5 % of the budget 3.000.000: −30.000 taken from the pool, −120.000 carried over); A7 −130.800.
 *   C: 4.000 dage × 1.781 = 7.124.000; løn 6.500.000: A2 7.072.000; A5 52.000; A6 20.000 set aside
 *      in the pool (≤ 5 % of 2.000.000); A7 32.000.
 * The pool (an opening vintage of 2020, 100.000 kr.): at the year-end of 2025 C sets aside 20.000
 * (vintage 2025), B's 30.000 comes from the oldest vintage, 2020 (100.000 → 70.000), and 2020 + 5
 * = 2025: the 70.000 left expires into the takster of 2027. Spread by the regnskaber's budgets
 * (4.000.000 / 3.000.000 / 2.000.000 of 9.000.000; flag: the closure rules' key, largest remainder):
 *   A 70.000 × 4/9 = 31.111,11; B × 3/9 = 23.333,33; C × 2/9 = 15.555,56. Floors 69.999: the
 *   missing krone to the largest remainder, C. A −31.111 + B −23.333 + C −15.556 = −70.000 exactly.
 */
const TILBUD = [
  { navn: "Bostedet A", loenBudget: 6_500_000, takst: 1682, loen: 6_200_000, dage: 4100, a6Pulje: 0, a6Overfoert: 0, budget: 4_000_000, A1: 7_104_100, A2: 6_760_000, A5: 344_100, A7: 344_100, andel: -31_111 },
  { navn: "Bostedet B", loenBudget: 6_200_000, takst: 1608, loen: 6_000_000, dage: 3900, a6Pulje: -30_000, a6Overfoert: -120_000, budget: 3_000_000, A1: 6_271_200, A2: 6_552_000, A5: -280_800, A7: -130_800, andel: -23_333 },
  { navn: "Bostedet C", loenBudget: 6_900_000, takst: 1781, loen: 6_500_000, dage: 4000, a6Pulje: 20_000, a6Overfoert: 0, budget: 2_000_000, A1: 7_124_000, A2: 7_072_000, A5: 52_000, A7: 32_000, andel: -15_556 },
] as const;
type Tilbud = (typeof TILBUD)[number];

type Fund = { code: string; severity: string; field: string; message: string };

/** Issue 22, acceptance 2 with the pool: regnskaber of three tilbud through the service to the budget skemaer of 2027, on PGlite and PostgreSQL. */
export function efterreguleringPuljeSuite(aabn: () => Promise<Db>): void {
  let app: FastifyInstance;
  let t: Tokens;
  /** The regnskaber's receipts, A, B, C in turn. */
  const kvitteringer: { id: string; findings: Fund[] }[] = [];
  apiMiljoe(aabn, lavTokens, (m) => ({ app, t } = m), { statiskMappe: null }, false);

  const post = (url: string, body: unknown, token = t.odense) =>
    app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const get = (url: string, token = t.odense) => app.inject({ method: "GET", url, headers: bearer(token) });
  async function ok(body: unknown): Promise<{ id: string; findings: Fund[] }> {
    const r = await post(URL, body);
    expect({ kode: r.statusCode, svar: r.statusCode === 201 ? null : r.json() }).toEqual({ kode: 201, svar: null });
    return r.json();
  }
  const budget = (x: Tilbud, takstaar: number, over: Skemapost = {}) =>
    gyldigtSkema({ TS_Takstaar: takstaar, TS_Tilbud: x.navn, TS_Ledelsesomraade: NORD, TS_Kategori: "Klyngetilbud", TS_Loen: x.loenBudget, ...over });
  const regnskab = (x: Tilbud): Skemapost => ({
    TS_Skematype: "regnskab", TS_Regelsaet: "SYD-2018", TS_Regnskabsaar: 2025, TS_Driftsherre: "Odense Kommune", TS_Tilbud: x.navn, TS_Ledelsesomraade: NORD,
    TS_Lovgrundlag: "SEL § 108", TS_Kontaktperson: "Anne Jensen", TS_Email: "anne@odense.dk", TS_Takstenhed: "døgn",
    TS_Loen: x.loen, TS_Administration: 300_000, TS_OverheadSats: 0.04,
    // A: days per takst period of the register (the in-year change from 1 July); B and C: one takst all year.
    ...(x.navn === "Bostedet A"
      ? { TS_Ydelser_Navn: [YDELSE, YDELSE], TS_Ydelser_GyldigFra: ["2025-01-01", "2025-07-01"], TS_Ydelser_FaktiskeDage: [2000, 2100], TS_Ydelser_Takst: [1682, 1781] }
      : { TS_Ydelser_Navn: [YDELSE], TS_Ydelser_FaktiskeDage: [x.dage], TS_Ydelser_Takst: [x.takst] }),
    TS_A3: 0, TS_A6Pulje: x.a6Pulje, TS_A6Overfoert: x.a6Overfoert, TS_RegBudget: x.budget,
  });

  beforeAll(async () => {
    for (const x of TILBUD) await ok(budget(x, 2025));
    expect((await post("/api/v1/offentliggoerelse", { takstaar: 2025, bekraeft: true }, t.sekretariat)).statusCode).toBe(201);
    // A's takstforhøjelse from 1 July, approved by the secretariat: two periods in the register.
    const aendring = await ok(budget(TILBUD[0], 2025, {
      TS_Loen: 6_900_000, TS_AendringBegrundelse: "Ny normering efter tilsyn", TS_AendringArt: "takstforhoejelse",
      TS_AendringVedtaget: "2025-06-10", TS_AendringIkrafttraedelse: "2025-07-01",
    }));
    expect((await post(`${URL}/${aendring.id}/status`, { status: "godkendt", bemaerkning: "Godkendt" }, t.sekretariat)).statusCode).toBe(200);
    const perioder = (await get("/api/v1/takstoversigt?takstaar=2025")).json().takster as { tilbud: string; takst: number; gyldigFra: string; gyldigTil: string | null }[];
    expect(perioder.filter((x) => x.tilbud === "Bostedet A").map((x) => [x.takst, x.gyldigFra, x.gyldigTil])).toEqual([[1682, "2025-01-01", "2025-06-30"], [1781, "2025-07-01", null]]);
    // The pool predates the service: its opening vintage of 2020, recorded by the driftsherre.
    expect((await post(PULJE, { primoAargange: [{ vedroererAar: 2020, beloeb: 100_000 }] })).statusCode).toBe(200);
    for (const x of TILBUD) kvitteringer.push(await ok(regnskab(x)));
  });

  it("the regnskaber are received without errors; TS210 is in the first one's receipt, before any regnskab of 2025 is in, and not in the later ones'", () => {
    expect(kvitteringer.flatMap((k) => k.findings.filter((f) => f.severity === "error"))).toEqual([]);
    // When A's regnskab comes, the vintage of 2020 still has its 100.000 kr. with its year-end
    // (ultimo 2025) passed: it expires as soon as a regnskab of 2025 is in. After A's, it has.
    // (The same on any day from 2025 on: TS210 counts a passed year-end as within 12 months.)
    expect(kvitteringer.map((k) => k.findings.filter((f) => f.code === "TS210").map((f) => [f.severity, f.field, f.message]))).toEqual([
      [["warning", "TS_A6Pulje", "Puljen for Center Nord: årgang 2020 har 100.000 kr. tilbage og udløber ultimo 2025. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne for 2027."]],
      [],
      [],
    ]);
  });

  it("acceptance 2: the opening vintage of 2020 expires at the end of 2025 and GET /api/v1/puljer puts it in the takster of 2027, spread over the three tilbud by budget", async () => {
    const r = await get(PULJE);
    expect(r.statusCode).toBe(200);
    const p = puljeSchema.parse(r.json());
    expect(p.aargange.map((a) => [a.vedroererAar, a.hensat, a.anvendt, a.udloebet, a.rest])).toEqual([[2020, 100_000, 30_000, 70_000, 0], [2025, 20_000, 0, 0, 20_000]]);
    expect(p.tilTakst).toEqual([{
      takstaar: 2027, beloeb: -70_000, grund: "udloebet",
      fordeling: TILBUD.map((x) => ({ tilbud: x.navn, beloeb: x.andel })),
    }]);
    expect(TILBUD.reduce((s, x) => s + x.andel, 0)).toBe(-70_000);
    // B's use and C's hensættelse name their tilbud.
    expect(p.bevaegelser.filter((b) => b.tilbud !== null).map((b) => [b.art, b.tilbud])).toEqual([["hensat", "Bostedet C"], ["anvendt", "Bostedet B"]]);
  });

  it("acceptance 2: GET /api/v1/efterregulering?takstaar=2027 gives each tilbud A1 = Σ dage × the register's takst of each period (A: two periods), regulering = −A7 and its reguleringPulje", async () => {
    for (const x of TILBUD) {
      const r = await get(`/api/v1/efterregulering?tilbud=${encodeURIComponent(x.navn)}&takstaar=2027`);
      expect(r.statusCode).toBe(200);
      const e = efterreguleringSchema.parse(r.json());
      expect([x.navn, e.A1, e.A2, e.A5, e.A6Pulje, e.A7, e.regulering, e.reguleringPulje]).toEqual([x.navn, x.A1, x.A2, x.A5, x.a6Pulje, x.A7, -x.A7, x.andel]);
    }
  });

  it("the budget skema of 2027 with a wrong TS_ReguleringPulje gets TS212 in its receipt; with the ledger's share, none", async () => {
    const c = TILBUD[2];
    const forkert = await ok(budget(c, 2027, { TS_Regulering: -c.A7, TS_ReguleringPulje: -15_000 }));
    const ts212 = forkert.findings.filter((f) => f.code === "TS212");
    expect(ts212.map((f) => [f.severity, f.field])).toEqual([["warning", "TS_ReguleringPulje"]]);
    expect(ts212[0]!.message).toContain("-15.556 kr.");
    const ret = await ok(budget(c, 2027, { TS_Regulering: -c.A7, TS_ReguleringPulje: c.andel }));
    expect(ret.findings.map((f) => f.code)).not.toContain("TS212");
    // An empty pool line beside the stated −A7, where the pool gives a share, is a TS212 too; a
    // tilbud of another pool has none. A skema that states no efterregulering at all is not
    // compared (no query on the hot path: puljeFund), so it gets none either.
    const a = TILBUD[0];
    expect((await ok(budget(a, 2027, { TS_Regulering: -a.A7 }))).findings.map((f) => f.code)).toContain("TS212");
    expect((await ok(budget(a, 2027, { TS_Tilbud: "Bostedet Syd", TS_Ledelsesomraade: "Center Syd", TS_Regulering: 0, TS_ReguleringPulje: 0 }))).findings.map((f) => f.code)).not.toContain("TS212");
    expect((await ok(budget(TILBUD[1], 2027))).findings.map((f) => f.code)).not.toContain("TS212");
  });

  it("a municipality cannot read or write another driftsherre's pool", async () => {
    const odenses = `${PULJE}&driftsherre=${encodeURIComponent("Odense Kommune")}`;
    expect((await get(odenses, t.aarhus)).statusCode).toBe(403);
    expect((await post(odenses, { primoAargange: [] }, t.aarhus)).statusCode).toBe(403);
    expect((await get(odenses, t.sekretariat)).json().tilTakst[0].beloeb).toBe(-70_000);
  });
}
