import { celleFor, ts210, ts212, udloeberInden12Maaneder } from "../../src/takstskema";

// TS210 and TS212 (product.md §3, domain-season.md §B2): the pool's two service warnings.

const dag = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe("TS210: a pool vintage expires within 12 months", () => {
  it("counts from today to 31 December of the vintage's last year: ultimo 2026 is within 12 months of 7.12.2026, ultimo 2027 is not until 31.12.2026", () => {
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2026, rest: 1 }, dag("2026-12-07"))).toBe(true);
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2027, rest: 1 }, dag("2026-12-07"))).toBe(false);
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2027, rest: 1 }, dag("2026-12-30"))).toBe(false);
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2027, rest: 1 }, dag("2026-12-31"))).toBe(true);
  });

  it("a vintage with nothing left warns of nothing; one past its year-end whose regnskab is not in yet still warns", () => {
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2026, rest: 0 }, dag("2026-12-07"))).toBe(false);
    expect(udloeberInden12Maaneder({ udloeberUltimo: 2025, rest: 5 }, dag("2026-12-07"))).toBe(true);
  });

  it("the finding names the ledelsesområde, the vintage, what is left in da-DK kroner and the takstår it reaches", () => {
    const f = ts210("Center Nord", [{ vedroererAar: 2021, rest: 1_234_567, udloeberUltimo: 2026 }, { vedroererAar: 2023, rest: 9, udloeberUltimo: 2028 }], 2, dag("2026-12-07"));
    expect(f).toEqual([{
      code: "TS210", severity: "warning", field: "TS_A6Pulje", cell: celleFor("TS_A6Pulje"),
      message: "Puljen for Center Nord: årgang 2021 har 1.234.567 kr. tilbage og udløber ultimo 2026. Hvad der ikke er brugt da, indregnes som en nedsættelse i taksterne for 2028.",
    }]);
  });
});

describe("TS212: TS_ReguleringPulje against the ledger's share", () => {
  it("the share itself (or within half a krone of it) is no finding; an empty field is 0", () => {
    expect(ts212(-15_556, -15_556)).toBeNull();
    expect(ts212(-15_555.6, -15_556)).toBeNull();
    expect(ts212(undefined, 0)).toBeNull();
  });

  it("another figure, or an empty field where the pool gives a share, is a warning naming both amounts", () => {
    expect(ts212(-15_000, -15_556)).toEqual({
      code: "TS212", severity: "warning", field: "TS_ReguleringPulje", cell: celleFor("TS_ReguleringPulje"),
      message: "Regulering fra puljen er oplyst som -15.000 kr., men tilbuddets andel af puljen til årets takster er -15.556 kr.",
    });
    expect(ts212(null, -5)?.code).toBe("TS212");
    // On the skema's own line 9b (not an unknown cell).
    expect(celleFor("TS_ReguleringPulje")).toMatch(/^Takstskema!\$?[A-Z]+\$?\d+$/);
  });
});
