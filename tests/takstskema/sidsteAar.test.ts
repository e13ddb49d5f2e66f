import { celleFor, sammeYdelse, sidsteAarsForslag, ts120, type YdelseBeregnet } from "../../src/takstskema";

/** Last year's takst per ydelse (issue 14): name matching, TS120 and the pane's offer, figures by hand. */

const ydelse = (raekke: number, navn: string, sidsteAarsTakst: number | null): YdelseBeregnet => ({
  raekke, navn, pladser: 4, belaegning: 1, ressource: null, sidsteAarsTakst, belaegningsdage: 1460, basistakst: null, servicetakst: null, takst: 1500, takstudvikling: null,
});

describe("last year's takst per ydelse", () => {
  it("matches names as typed: case and spaces do not matter, an empty name matches nothing", () => {
    expect(sammeYdelse("  Gruppe   A ", "gruppe a")).toBe(true);
    expect(sammeYdelse("Gruppe Å", "GRUPPE å")).toBe(true);
    expect(sammeYdelse("Gruppe A", "Gruppe B")).toBe(false);
    expect(sammeYdelse("", " ")).toBe(false);
  });

  it("TS120 when the stated figure differs in whole kroner from last year's takst of the same ydelse; none without a figure or a match", () => {
    const sidste = [{ navn: "Gruppe A", takst: 1460 }, { navn: "Gruppe B", takst: 1890 }, { navn: "Gruppe D", takst: null }];
    const fund = ts120([ydelse(0, "Gruppe A", 1460.4), ydelse(1, "gruppe b", 1900), ydelse(2, "Gruppe C", 1000), ydelse(3, "Gruppe D", 700), ydelse(4, "Gruppe B", null)], sidste);
    // 1460,4 kr. is 1.460 kr. in whole kroner: equal. 1.900 ≠ 1.890: TS120 on row 2 (index 1). C: not submitted last year. D: no takst. Row 5: no stated figure.
    expect(fund).toEqual([{
      code: "TS120",
      severity: "warning",
      field: "TS_Ydelser_SidsteAarsTakst",
      cell: celleFor("TS_Ydelser_SidsteAarsTakst", 1),
      message: 'Sidste års takst for "gruppe b" er oplyst som 1.900 kr., men takstindberetningen sidste år var 1.890 kr.',
      row: 1,
    }]);
  });

  it("the pane's offer: each named row with its figure now and last year's takst (null: none)", () => {
    expect(sidsteAarsForslag(["Gruppe A", "", "Ny", null], [1400, 5, "", null], [{ navn: "gruppe a", takst: 1484 }])).toEqual([
      { raekke: 0, navn: "Gruppe A", nu: 1400, ny: 1484 },
      { raekke: 2, navn: "Ny", nu: null, ny: null },
    ]);
  });
});
