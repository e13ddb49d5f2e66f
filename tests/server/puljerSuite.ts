import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { puljeSchema } from "../../src/kontrakt";
import type { Db } from "../../src/server/db";
import { puljeAndel } from "../../src/server/puljer/andel";
import { puljeFund } from "../../src/server/puljer/fund";
import { regelsaetSchema } from "../../src/regelsaet/schema";
import { udgivRegelsaet } from "../../src/server/regelsaet/lager";
import { laesRegelsaetFiler } from "../../src/regelsaet/fraMappe";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, lavTokens, postJson } from "./fixtures";
import { gemRegnskabRaekke } from "./regnskabRaekke";

const ODENSE = "Odense Kommune";
const NORD = "Center Nord";
const sti = (omraade: string, driftsherre?: string) => `/api/v1/puljer?ledelsesomraade=${encodeURIComponent(omraade)}${driftsherre ? `&driftsherre=${encodeURIComponent(driftsherre)}` : ""}`;

/**
 * The pool in the service (issue 22, product.md §5.2): GET/POST /api/v1/puljer over the opening
 * vintages (migration 013) and the ledelsesområde's current regnskabsskemaer (regnskabRaekke.ts).
 */
export function puljerSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), undefined, ["indberetninger", "pulje_primo"]);

  const get = (url: string, token: string) => app.inject({ method: "GET", url, headers: bearer(token) });
  const post = (url: string, body: unknown, token: string) => postJson(app, url, body, token);
  const primo = (aargange: { vedroererAar: number; beloeb: number }[], token = t.odense, omraade = NORD, driftsherre?: string) =>
    post(sti(omraade, driftsherre), { primoAargange: aargange }, token);

  const regnskab = (tilbud: string, aar: number, v: { a6Pulje?: number; budget: number; omraade?: string; status?: string; version?: number; regelsaetVersion?: number }) =>
    gemRegnskabRaekke(db, { driftsherre: ODENSE, tilbud, aar, ...v, omraade: v.omraade ?? NORD, tokenId: t.odenseId });

  async function pulje(token = t.odense, omraade = NORD, driftsherre?: string) {
    const r = await get(sti(omraade, driftsherre), token);
    expect(r.statusCode).toBe(200);
    return puljeSchema.parse(r.json());
  }

  it("opening vintages recorded by POST are the pool's vintages, and a second POST replaces them all", async () => {
    const r = await primo([{ vedroererAar: 2022, beloeb: 50_000 }, { vedroererAar: 2020, beloeb: 100_000 }]);
    expect(r.statusCode).toBe(200);
    expect(puljeSchema.parse(r.json()).aargange.map((a) => [a.vedroererAar, a.hensat, a.rest, a.udloeberUltimo])).toEqual([[2020, 100_000, 100_000, 2025], [2022, 50_000, 50_000, 2027]]);
    expect((await primo([{ vedroererAar: 2021, beloeb: 7_000 }])).statusCode).toBe(200);
    const p = await pulje();
    expect(p.aargange.map((a) => [a.vedroererAar, a.hensat])).toEqual([[2021, 7_000]]);
    expect(p.bevaegelser).toEqual([{ aar: 2021, art: "primo", vedroererAar: 2021, beloeb: 7_000, tilbud: null, indberetning: null }]);
    // Stored with who recorded them.
    const [raekke] = await db.query<{ token_id: string }>("SELECT token_id FROM pulje_primo");
    expect(raekke!.token_id).toBe(t.odenseId);
  });

  it("the ledelsesområde is matched as people type it (case, surrounding spaces)", async () => {
    await primo([{ vedroererAar: 2020, beloeb: 1_000 }], t.odense, "  center nord ");
    await regnskab("Bostedet A", 2024, { budget: 1_000_000, omraade: "CENTER NORD" });
    const p = await pulje();
    expect(p.aargange.map((a) => a.vedroererAar)).toEqual([2020]);
    expect(p.saldoUltimo).toEqual({ "2024": 1_000 });
  });

  it("year 2025 of three tilbud: hensat and anvendt name their regnskab, the 2020 vintage expires into the takster of 2027, spread by budget with the largest remainder", async () => {
    await primo([{ vedroererAar: 2020, beloeb: 100_000 }, { vedroererAar: 2022, beloeb: 50_000 }]);
    await regnskab("Bostedet A", 2025, { budget: 4_000_000, a6Pulje: 0 });
    const b = await regnskab("Bostedet B", 2025, { budget: 3_000_000, a6Pulje: -30_000 });
    const c = await regnskab("Bostedet C", 2025, { budget: 2_000_000, a6Pulje: 20_000 });
    const p = await pulje();
    // By hand: ramme 9.000.000, loft 5 % = 450.000. Hensat 20.000 (vintage 2025, from C);
    // anvendt 30.000 from the oldest vintage, 2020 (from B): 100.000 → 70.000; 2020 + 5 = 2025:
    // the 70.000 left expires into the takster of 2025 + 2 = 2027. Pool after: 50.000 + 20.000.
    expect(p.aargange).toEqual([
      { vedroererAar: 2020, hensat: 100_000, anvendt: 30_000, udloebet: 70_000, overLoft: 0, rest: 0, udloeberUltimo: 2025 },
      { vedroererAar: 2022, hensat: 50_000, anvendt: 0, udloebet: 0, overLoft: 0, rest: 50_000, udloeberUltimo: 2027 },
      { vedroererAar: 2025, hensat: 20_000, anvendt: 0, udloebet: 0, overLoft: 0, rest: 20_000, udloeberUltimo: 2030 },
    ]);
    expect(p.bevaegelser.filter((x) => x.art !== "primo")).toEqual([
      { aar: 2025, art: "hensat", vedroererAar: 2025, beloeb: 20_000, tilbud: "Bostedet C", indberetning: c },
      { aar: 2025, art: "anvendt", vedroererAar: 2020, beloeb: -30_000, tilbud: "Bostedet B", indberetning: b },
      { aar: 2025, art: "udloebet", vedroererAar: 2020, beloeb: -70_000, tilbud: null, indberetning: null },
    ]);
    expect(p.saldoUltimo).toEqual({ "2025": 70_000 });
    // The spread (flag: the closure rules' budget key, domain-season.md §B2) by hand:
    // 70.000 × 4/9 = 31.111,11; × 3/9 = 23.333,33; × 2/9 = 15.555,56. Floors 31.111 + 23.333 +
    // 15.555 = 69.999; the missing krone goes to the largest remainder (C's 0,56): 15.556.
    expect(p.tilTakst).toEqual([{
      takstaar: 2027, beloeb: -70_000, grund: "udloebet",
      fordeling: [{ tilbud: "Bostedet A", beloeb: -31_111 }, { tilbud: "Bostedet B", beloeb: -23_333 }, { tilbud: "Bostedet C", beloeb: -15_556 }],
    }]);
    expect(p.tilTakst[0]!.fordeling.reduce((s, f) => s + f.beloeb, 0)).toBe(-70_000);
    // puljeAndel (the budget skema's TS_ReguleringPulje) is the same share, and 0 for another year.
    expect(await puljeAndel(db, ODENSE, "Bostedet C", 2027)).toBe(-15_556);
    expect(await puljeAndel(db, ODENSE, "Bostedet C", 2026)).toBe(0);
    expect(await puljeAndel(db, ODENSE, "Bostedet X", 2027)).toBe(0);
  });

  it("TS210 in a regnskabsskema's receipt: its ledelsesområde's vintages expiring within 12 months of the day it is received (15.6.2026: ultimo 2026, not 2027)", async () => {
    await primo([{ vedroererAar: 2021, beloeb: 40_000 }, { vedroererAar: 2022, beloeb: 5_000 }]);
    const vaerdier = { TS_Skematype: "regnskab", TS_Ledelsesomraade: " center nord" };
    const fund = await puljeFund(db, ODENSE, "Bostedet A", 2025, vaerdier, new Date("2026-06-15T12:00:00Z"));
    expect(fund.map((f) => [f.code, f.severity, f.field])).toEqual([["TS210", "warning", "TS_A6Pulje"]]);
    expect(fund[0]!.message).toBe("Puljen for center nord: årgang 2021 har 40.000 kr. tilbage og udløber ultimo 2026. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne for 2028.");
    // A regnskab of a tilbud that is its own ledelsesområde reads that pool: none here.
    expect(await puljeFund(db, ODENSE, "Bostedet A", 2025, { TS_Skematype: "regnskab" }, new Date("2026-06-15T12:00:00Z"))).toEqual([]);
  });

  it("the part of the pool above 5 % of the year's ramme is taken out oldest first into the takster of the year + 2", async () => {
    await primo([{ vedroererAar: 2021, beloeb: 80_000 }, { vedroererAar: 2023, beloeb: 30_000 }]);
    await regnskab("Bostedet A", 2024, { budget: 1_000_000 });
    const p = await pulje();
    // Loft 5 % × 1.000.000 = 50.000; pool 110.000: 60.000 out, all from 2021 (the oldest).
    expect(p.aargange.map((a) => [a.vedroererAar, a.overLoft, a.rest])).toEqual([[2021, 60_000, 20_000], [2023, 0, 30_000]]);
    expect(p.tilTakst).toEqual([{ takstaar: 2026, beloeb: -60_000, grund: "overLoft", fordeling: [{ tilbud: "Bostedet A", beloeb: -60_000 }] }]);
  });

  it("only current, not withdrawn regnskaber of the ledelsesområde count", async () => {
    await primo([{ vedroererAar: 2024, beloeb: 10_000 }]);
    await regnskab("Bostedet A", 2025, { budget: 1_000_000, a6Pulje: -4_000, version: 1 });
    await regnskab("Bostedet A", 2025, { budget: 1_000_000, a6Pulje: -1_000, version: 2 });
    await regnskab("Bostedet B", 2025, { budget: 1_000_000, a6Pulje: -5_000, status: "tilbagetrukket" });
    await regnskab("Bostedet S", 2025, { budget: 1_000_000, a6Pulje: -2_000, omraade: "Center Syd" });
    expect((await pulje()).aargange.map((a) => a.anvendt)).toEqual([1_000]);
  });

  it("a year set aside beyond 5 % of the ramme (TS211 skipped for want of a budget) is a 409 in Danish, not a 500", async () => {
    await regnskab("Bostedet A", 2025, { budget: 0, a6Pulje: 10_000 });
    const r = await get(sti(NORD), t.odense);
    expect(r.statusCode).toBe(409);
    expect(r.json().fejl).toBe("Puljen for Center Nord kan ikke opgøres: regnskaberne for 2025 hensætter mere end 5 % af ledelsesområdets budget (TS211).");
  });

  it("an opening vintage of a year a regnskab already sets aside is refused (409) and the earlier vintages stay", async () => {
    await primo([{ vedroererAar: 2020, beloeb: 1_000 }]);
    await regnskab("Bostedet A", 2025, { budget: 1_000_000, a6Pulje: 10_000 });
    const r = await primo([{ vedroererAar: 2025, beloeb: 5_000 }]);
    expect(r.statusCode).toBe(409);
    expect(r.json().fejl).toBe("Puljen for Center Nord kan ikke opgøres: en primoårgang og regnskabernes hensættelse vedrører begge 2025.");
    expect((await pulje()).aargange.map((a) => [a.vedroererAar, a.hensat])).toEqual([[2020, 1_000], [2025, 10_000]]);
  });

  it("bad opening vintages and queries are 400 with a Danish message, and nothing is stored", async () => {
    await primo([{ vedroererAar: 2020, beloeb: 1_000 }]);
    for (const krop of [{ primoAargange: [{ vedroererAar: 2021, beloeb: -1 }] }, { primoAargange: [{ vedroererAar: 2021, beloeb: 1.5 }] }, { primoAargange: "x" }, { aargange: [] }]) {
      const r = await post(sti(NORD), krop, t.odense);
      expect(r.statusCode).toBe(400);
      expect(r.json().fejl).toMatch(/^Ugyldige primoårgange/);
    }
    const dobbelt = await primo([{ vedroererAar: 2021, beloeb: 1 }, { vedroererAar: 2021, beloeb: 2 }]);
    expect([dobbelt.statusCode, dobbelt.json().fejl]).toEqual([400, "Primoårgangen 2021 er angivet to gange; hvert år kun én gang."]);
    expect((await get("/api/v1/puljer", t.odense)).statusCode).toBe(400);
    expect((await get(sti("  "), t.odense)).statusCode).toBe(400);
    expect((await pulje()).aargange.map((a) => a.vedroererAar)).toEqual([2020]);
  });

  it("a municipality cannot read or write another driftsherre's pool; the secretariat names the driftsherre", async () => {
    await primo([{ vedroererAar: 2020, beloeb: 1_000 }]);
    const laes = await get(sti(NORD, ODENSE), t.aarhus);
    expect([laes.statusCode, laes.json().fejl]).toEqual([403, "Adgangsnøglen tilhører Aarhus Kommune og giver kun adgang til Aarhus Kommunes egne puljer."]);
    expect((await primo([{ vedroererAar: 2020, beloeb: 999 }], t.aarhus, NORD, ODENSE)).statusCode).toBe(403);
    // Aarhus's own "Center Nord" is another pool: empty, and Odense's is untouched.
    expect((await pulje(t.aarhus)).aargange).toEqual([]);
    expect((await pulje()).aargange.map((a) => a.hensat)).toEqual([1_000]);
    // The secretariat must say whose pool; then it reads and records it.
    expect((await get(sti(NORD), t.sekretariat)).statusCode).toBe(403);
    expect((await primo([{ vedroererAar: 2019, beloeb: 2_000 }], t.sekretariat, NORD, ODENSE)).statusCode).toBe(200);
    expect((await pulje(t.sekretariat, NORD, ODENSE)).aargange.map((a) => a.vedroererAar)).toEqual([2019]);
    // Without a token, or with a revoked one: 401.
    expect((await app.inject({ method: "GET", url: sti(NORD) })).statusCode).toBe(401);
    expect((await get(sti(NORD), t.tilbagekaldt)).statusCode).toBe(401);
  });

  it("a published ruleset's udloebAar sets when a vintage expires (3 years: the 2022 vintage expires at the end of 2025)", async () => {
    const syd = laesRegelsaetFiler().find((r) => r.id === "SYD-2018")!;
    const ny = { ...syd, version: 2, parametre: { ...syd.parametre, udloebAar: { vaerdi: 3, kilde: "Rammeaftalens styringsaftale, lokal aftale" } } };
    expect((await udgivRegelsaet(db, regelsaetSchema.parse(ny), "a".repeat(64), null)).art).toBe("ny");
    await primo([{ vedroererAar: 2022, beloeb: 40_000 }]);
    await regnskab("Bostedet A", 2025, { budget: 1_000_000, regelsaetVersion: 2 });
    const p = await pulje();
    // 2022 + 3 = 2025: the 40.000 expire into the takster of 2027 (with the default 5 they would not).
    expect(p.aargange).toEqual([{ vedroererAar: 2022, hensat: 40_000, anvendt: 0, udloebet: 40_000, overLoft: 0, rest: 0, udloeberUltimo: 2025 }]);
    expect(p.tilTakst).toEqual([{ takstaar: 2027, beloeb: -40_000, grund: "udloebet", fordeling: [{ tilbud: "Bostedet A", beloeb: -40_000 }] }]);
  });
}
