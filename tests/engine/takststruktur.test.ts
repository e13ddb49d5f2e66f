import fc from "fast-check";
import { D, type Dec, EngineError, sum, takst, takststruktur, type YdelseInput } from "../../src/engine";

// SOC.TAKSTSTRUKTUR's engine (product.md §1, domain §2 "Takst structure", Bilag 14 004:4264-4305).

function fejlDetalje(fn: () => unknown): EngineError["detail"] {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e.detail;
    throw e;
  }
  throw new Error("forventede EngineError");
}

const tal = (xs: (Dec | undefined)[]) => xs.map((x) => x?.toNumber());

describe("golden cases worked out by hand", () => {
  it("a differentiated botilbud with three ydelser (in the spirit of Palleshave 1,160 / 1,450 / 1,727, 004:5972-5973)", () => {
    // bd_A = 8 × 365 × 0,95 = 2.774;  bd_B = 6 × 365 × 0,97 = 2.124,3;  bd_C = 4 × 365 × 1 = 1.460
    // Σ bd = 2.774 + 2.124,3 + 1.460 = 6.358,3
    // r × bd: A 1 × 2.774 = 2.774; B 1,5 × 2.124,3 = 3.186,45; C 2 × 1.460 = 2.920; Σ = 8.880,45
    // basistakst = 3.500.000 / 6.358,3 = 550,4616… → 550   (6.358,3 × 550 = 3.497.065, rest 2.935)
    // service pr. vægtet dag = 5.000.000 / 8.880,45 = 563,0345…   (8.880,45 × 563 = 4.999.693,35, rest 306,65)
    //   A: 1 × 563,0345 = 563,03 → 563;  B: 1,5 × 563,0345 = 844,55 → 845;  C: 2 × 563,0345 = 1.126,07 → 1.126
    // takst: A 550 + 563 = 1.113;  B 550 + 845 = 1.395;  C 550 + 1.126 = 1.676
    const s = takststruktur(3_500_000, 5_000_000, [
      { pladser: 8, belaegning: 0.95, ressource: 1 },
      { pladser: 6, belaegning: 0.97, ressource: 1.5 },
      { pladser: 4, belaegning: 1, ressource: 2 },
    ]);
    expect(s.raekker.map((r) => r?.basistakst.toNumber())).toEqual([550, 550, 550]);
    expect(s.raekker.map((r) => r?.servicetakst.toNumber())).toEqual([563, 845, 1126]);
    expect(s.raekker.map((r) => r?.takst.toNumber())).toEqual([1113, 1395, 1676]);
    expect(s.raekker.map((r) => r?.belaegningsdage.toString())).toEqual(["2774", "2124.3", "1460"]);
    expect(s.belaegningsdage.toString()).toBe("6358.3");
    expect(s.vaegtedeBelaegningsdage.toString()).toBe("8880.45");
    expect(s.takstgrundlag.toNumber()).toBe(8_500_000);
  });

  it("all costs in service, with an empty row between two ydelser", () => {
    // bd_1 = 10 × 365 × 0,9 = 3.285;  row 2 empty;  bd_3 = 5 × 365 × 0,8 = 1.460;  Σ bd = 4.745
    // r × bd: 1 × 3.285 + 2 × 1.460 = 6.205
    // basistakst = 0 / 4.745 = 0
    // service pr. vægtet dag = 2.000.000 / 6.205 = 322,3207…  (6.205 × 322 = 1.998.010, rest 1.990)
    //   row 1: 322,32 → 322;  row 3: 2 × 322,3207 = 644,64 → 645
    const s = takststruktur(0, 2_000_000, [{ pladser: 10, belaegning: 0.9 }, { pladser: null, belaegning: 7, ressource: -1 }, { pladser: 5, belaegning: 0.8, ressource: 2 }]);
    expect(s.raekker[1]).toBeNull();
    expect(tal([s.raekker[0]?.basistakst, s.raekker[0]?.servicetakst, s.raekker[0]?.takst])).toEqual([0, 322, 322]);
    expect(tal([s.raekker[2]?.basistakst, s.raekker[2]?.servicetakst, s.raekker[2]?.takst])).toEqual([0, 645, 645]);
    expect(s.belaegningsdage.toNumber()).toBe(4745);
    expect(s.vaegtedeBelaegningsdage.toNumber()).toBe(6205);
  });

  it("rounds each part half away from zero: 9.125 / 3.650 = 2,5 → 3, and the service part 1.825 / 3.650 = 0,5 → 1", () => {
    const s = takststruktur(9125, 1825, [{ pladser: 10, belaegning: 1 }]);
    expect(tal([s.raekker[0]?.basistakst, s.raekker[0]?.servicetakst, s.raekker[0]?.takst])).toEqual([3, 1, 4]);
  });

  it("the parts' bound is ½ kr per belægningsdag each, not for their sum: 14 + 14 kr over 10 days", () => {
    // bd = 10 × 1 × 1 = 10; basistakst = 14 / 10 = 1,4 → 1; servicetakst = 1,4 → 1; takst = 2.
    // Σ takst × bd = 20 against a takstgrundlag of 28: 8 kr off, more than ½ × 10 = 5 but within 1 × 10.
    const s = takststruktur(14, 14, [{ pladser: 10, belaegning: 1 }], 1);
    expect(s.raekker[0]?.takst.toNumber()).toBe(2);
  });
});

describe("one ydelse with no servicegrundlag is today's TAKST", () => {
  it("gives takst() exactly for random figures (ressource irrelevant)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 366 }),
        fc.option(fc.double({ min: 0.01, max: 100, noNaN: true })),
        (kr, oere, pladser, promille, dage, ressource) => {
          const grundlag = new D(kr).plus(new D(oere).div(100));
          const b = new D(promille).div(1000);
          const s = takststruktur(grundlag, 0, [{ pladser, belaegning: b, ressource }], dage);
          const r = s.raekker[0]!;
          const t = takst(grundlag, pladser, b, dage);
          expect(r.takst.eq(t)).toBe(true);
          expect(r.basistakst.eq(t)).toBe(true);
          expect(r.servicetakst.isZero()).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
  it("with the default 365 days", () => {
    expect(takststruktur(10_400_000, 0, [{ pladser: 30, belaegning: 0.95 }]).raekker[0]?.takst.toNumber()).toBe(takst(10_400_000, 30, 0.95).toNumber());
  });
});

const ydelse = fc.record({
  pladser: fc.integer({ min: 1, max: 60 }),
  belaegning: fc.integer({ min: 1, max: 100 }).map((x) => x / 100),
  ressource: fc.option(fc.integer({ min: 1, max: 400 }).map((x) => x / 10)),
});
const raekke: fc.Arbitrary<YdelseInput> = fc.oneof({ weight: 5, arbitrary: ydelse }, { weight: 1, arbitrary: fc.constant({ pladser: null }) });
const raekker = fc.array(raekke, { minLength: 1, maxLength: 10 }).filter((rs) => rs.some((r) => r.pladser !== null));
const grundlag = fc.integer({ min: 0, max: 500_000_000 });

describe("Σ takst × belægningsdage against the takstgrundlag", () => {
  it("each part is within ½ kr × Σ bd of its grundlag, the takst within 1 kr × Σ bd, all parts whole kroner", () => {
    fc.assert(
      fc.property(grundlag, grundlag, raekker, fc.integer({ min: 300, max: 366 }), (basis, service, rs, dage) => {
        fc.pre(basis + service > 0);
        const s = takststruktur(basis, service, rs, dage);
        const aktive = s.raekker.filter((r) => r !== null);
        const halv = s.belaegningsdage.div(2);
        expect(sum(aktive.map((r) => r.basistakst.times(r.belaegningsdage))).minus(basis).abs().lte(halv)).toBe(true);
        expect(sum(aktive.map((r) => r.servicetakst.times(r.belaegningsdage))).minus(service).abs().lte(halv)).toBe(true);
        expect(sum(aktive.map((r) => r.takst.times(r.belaegningsdage))).minus(s.takstgrundlag).abs().lte(s.belaegningsdage)).toBe(true);
        for (const r of aktive) {
          expect(r.takst.eq(r.basistakst.plus(r.servicetakst))).toBe(true);
          expect(r.basistakst.isInteger() && r.servicetakst.isInteger()).toBe(true);
        }
        expect(s.belaegningsdage.eq(sum(aktive.map((r) => r.belaegningsdage)))).toBe(true);
        expect(s.raekker.map((r) => r === null)).toEqual(rs.map((r) => r.pladser === null));
      }),
      { numRuns: 400 },
    );
  });

  it("with the costs in one part only, Σ takst × bd is within ½ kr × Σ bd of the takstgrundlag (the issue's bound)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000_000 }), fc.boolean(), raekker, (beloeb, iService, rs) => {
        const s = iService ? takststruktur(0, beloeb, rs) : takststruktur(beloeb, 0, rs);
        const aktive = s.raekker.filter((r) => r !== null);
        const afvigelse = sum(aktive.map((r) => r.takst.times(r.belaegningsdage))).minus(beloeb).abs();
        expect(afvigelse.lte(s.belaegningsdage.div(2))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("all costs in service with equal ressource gives every ydelse the same takst as one pooled TAKST", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000_000 }), raekker, (beloeb, rs) => {
        const ens = rs.map((r) => (r.pladser === null ? r : { ...r, ressource: 3 }));
        const a = takststruktur(0, beloeb, ens);
        const b = takststruktur(beloeb, 0, ens);
        a.raekker.forEach((r, i) => expect(r?.takst.toString()).toBe(b.raekker[i]?.takst.toString()));
        a.raekker.forEach((r) => r && expect(r.basistakst.isZero()).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});

describe("preconditions name the argument and the row", () => {
  it("a bad belægning in the third ydelse names belaegning and index 2", () => {
    const d = fejlDetalje(() => takststruktur(1000, 0, [{ pladser: 1, belaegning: 1 }, { pladser: null }, { pladser: 2, belaegning: 95 }]));
    expect(d).toMatchObject({ code: "OUT_OF_RANGE", argument: "belaegning", index: 2, max: 1 });
  });
  it("a ydelse with pladser but no belægning is EMPTY on that row", () => {
    expect(fejlDetalje(() => takststruktur(1000, 0, [{ pladser: 1, belaegning: null }]))).toMatchObject({ code: "EMPTY", argument: "belaegning", index: 0 });
  });
  it("pladser ≤ 0 and ressource ≤ 0 are refused on their row", () => {
    expect(fejlDetalje(() => takststruktur(1000, 0, [{ pladser: 1, belaegning: 1 }, { pladser: 0, belaegning: 1 }]))).toMatchObject({ code: "NOT_POSITIVE", argument: "pladser", index: 1 });
    expect(fejlDetalje(() => takststruktur(1000, 10, [{ pladser: 1, belaegning: 1, ressource: 0 }]))).toMatchObject({ code: "NOT_POSITIVE", argument: "ressource", index: 0 });
  });
  it("no ydelse at all is EMPTY pladser", () => {
    expect(fejlDetalje(() => takststruktur(1000, 0, [{ pladser: null }, { pladser: null }]))).toMatchObject({ code: "EMPTY", argument: "pladser" });
    expect(fejlDetalje(() => takststruktur(1000, 0, []))).toMatchObject({ code: "EMPTY", argument: "pladser" });
  });
  it("negative grundlag and a takstgrundlag of 0 are refused; dage is checked", () => {
    expect(fejlDetalje(() => takststruktur(-1, 10, [{ pladser: 1, belaegning: 1 }]))).toMatchObject({ code: "NEGATIVE", argument: "basisgrundlag" });
    expect(fejlDetalje(() => takststruktur(10, -1, [{ pladser: 1, belaegning: 1 }]))).toMatchObject({ code: "NEGATIVE", argument: "servicegrundlag" });
    expect(fejlDetalje(() => takststruktur(0, 0, [{ pladser: 1, belaegning: 1 }]))).toMatchObject({ code: "NOT_POSITIVE", argument: "basisgrundlag" });
    expect(fejlDetalje(() => takststruktur(10, 0, [{ pladser: 1, belaegning: 1 }], 400))).toMatchObject({ code: "OUT_OF_RANGE", argument: "dage", index: 0 });
  });
});
