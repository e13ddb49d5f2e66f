import { efterreguleringTilBudget, type RegisterPeriode, ts201 } from "../../src/takstskema";

// TS201 (the service's check of a regnskab's takster against the register) and the figures the
// budget skema of N+2 takes, without a database.

const Y = "Længerevarende botilbud";
/** 1.682 kr. from 1 January, 1.781 kr. from 1 May 2025 (an approved takstforhøjelse). */
const REGISTER: RegisterPeriode[] = [
  { navn: Y, takst: 1682, gyldigFra: "2025-01-01", gyldigTil: "2025-04-30" },
  { navn: Y, takst: 1781, gyldigFra: "2025-05-01", gyldigTil: null },
];
const raekker = (takster: number[], fra: (string | null)[], navne = takster.map(() => Y)) => ({
  TS_Regnskabsaar: 2025, TS_Ydelser_Navn: navne, TS_Ydelser_Takst: takster, TS_Ydelser_GyldigFra: fra,
});
const fejlRaekker = (v: Record<string, unknown>, kilde: unknown = null) => ts201(v, REGISTER, kilde).map((f) => f.row);

describe("TS201: a regnskab row's takst against the register's periods of year N", () => {
  it("each period's own takst passes; the January takst charged from 1 May does not", () => {
    expect(fejlRaekker(raekker([1682, 1781], ["2025-01-01", "2025-05-01"]))).toEqual([]);
    expect(fejlRaekker(raekker([1682, 1682], ["2025-01-01", "2025-05-01"]))).toEqual([1]);
    expect(fejlRaekker(raekker([1781, 1781], ["2025-01-01", "2025-05-01"]))).toEqual([0]);
  });

  it("a row without gyldig-fra runs all year, so either of the year's takster is one of the register's", () => {
    expect(fejlRaekker(raekker([1682], [null]))).toEqual([]);
    expect(fejlRaekker(raekker([1781], [null]))).toEqual([]);
    expect(fejlRaekker(raekker([1700], [null]))).toEqual([0]);
  });

  it("a row's period ends the day before the next row of the same ydelse, not of another", () => {
    // The second row (another ydelse) does not end the first: 1.781 kr. from 1 May is in its period.
    expect(fejlRaekker(raekker([1781, 900], ["2025-01-01", "2025-03-01"], [Y, "Aflastning"]))).toEqual([1]);
    // Ended on 30 April by a later row of the same ydelse, the first row's period never saw 1.781 kr.
    expect(fejlRaekker(raekker([1781, 1781], ["2025-01-01", "2025-05-01"]))).toEqual([0]);
  });

  it("names the register's takst in the row's period, and the ydelse the register lacks", () => {
    const [f] = ts201(raekker([1682, 1700], ["2025-01-01", "2025-05-01"]), REGISTER, null).slice(-1);
    expect(f).toMatchObject({ code: "TS201", severity: "error", field: "TS_Ydelser_Takst", row: 1 });
    expect(f!.message).toContain("1.700 kr.");
    expect(f!.message).toContain("1.781 kr.");
    const [ukendt] = ts201(raekker([900], [null], ["Aflastning"]), REGISTER, null);
    expect(ukendt!.message).toContain("ingen takst for \"Aflastning\" i 2025");
  });

  it("with TS_A1Kilde \"regnskab\" (intern afregning, any case) nothing is judged", () => {
    expect(fejlRaekker(raekker([1700], [null]), " Regnskab ")).toEqual([]);
    expect(fejlRaekker(raekker([1700], [null]), "takster")).toEqual([0]);
  });
});

describe("efterreguleringTilBudget: what the budget skema of N+2 takes from a stored regnskab", () => {
  const e = { A1: 7_341_600, A2: 7_176_000.4, A3: 0, A4: 7_176_000.4, A5: 165_599.6, A6: 100_000, A7: 65_599.6, overheadGrundlag: 6_900_000, overhead: 276_000, reguleringAarPlus2: -65_599.6 };

  it("whole kroner, half away from zero, with A6's split from the parsed values (0 when empty)", () => {
    expect(efterreguleringTilBudget(e, { TS_A6Pulje: 100_000 })).toEqual({
      A1: 7_341_600, A2: 7_176_000, A3: 0, A4: 7_176_000, A5: 165_600, A6: 100_000, A6Pulje: 100_000, A6Overfoert: 0, A7: 65_600, regulering: -65_600,
    });
  });

  it("no regulering of -0, and nothing for a regnskab without figures", () => {
    expect(Object.is(efterreguleringTilBudget({ ...e, A7: 0, reguleringAarPlus2: -0 }, {})!.regulering, 0)).toBe(true);
    expect(efterreguleringTilBudget({ ...e, A1: null }, {})).toBeNull();
    expect(efterreguleringTilBudget(undefined, {})).toBeNull();
  });
});
