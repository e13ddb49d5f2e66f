import type { OversigtRaekke } from "../../src/server/oversigt/forespoergsler";
import { lavOversigt } from "../../src/server/oversigt/beregning";

/** One ydelse of a submission as oversigtRaekker returns it; `id` is the submission (the skema). */
function ydelse(id: string | null, tilbud: string, navn: string, over: Partial<OversigtRaekke> = {}): OversigtRaekke {
  return {
    id,
    driftsherre: "Odense Kommune",
    tilbud,
    ydelse: navn,
    version: id === null ? null : 1,
    nummer: null,
    status: id === null ? null : "modtaget",
    antal_versioner: 1,
    modtaget: "2027-01-02T10:00:00.000Z",
    findings: [],
    raekke: 0,
    takst: 1000,
    oplyst_sidste: null,
    pl: 0.02,
    takstenhed: "døgn",
    sidste_takst: 1000,
    har_sidste: true,
    regelsaet_id: "SYD-2027",
    regelsaet_version: 1,
    ...over,
  };
}

const advarsel = [{ code: "TS090", severity: "warning", field: "TS_Indsendt", cell: "Stamdata!C3", message: "Efter fristen" }];

describe("the overview's counts are per skema (a tilbud), not per ydelse", () => {
  it("4 skemaer with 7 ydelser are 4 aktuelle indberetninger; one question to a 3-ydelse skema is 1 i dialog", () => {
    const raekker = [
      ...["Døgn", "Aflastning", "Midlertidigt"].map((y) => ydelse("A", "Åen", y, { status: "i_dialog", takst: 1500, findings: advarsel, raekke: ["Døgn", "Aflastning", "Midlertidigt"].indexOf(y) })),
      ...["Døgn", "Dag"].map((y) => ydelse("B", "Søhuset", y)),
      ydelse("C", "Lind", "Døgn", { status: "godkendt" }),
      ydelse("D", "Egebo", "Døgn"),
    ];
    const o = lavOversigt(2027, [2026, 2027], raekker);
    expect(o.indberetninger).toHaveLength(7); // the table still lists each ydelse
    expect(o.antal).toMatchObject({ indberetninger: 4, medAdvarsler: 1, godkendt: 3, udsving: 1, sagsstatus: { modtaget: 2, i_dialog: 1, godkendt: 1, tilbagetrukket: 0 } });
  });

  it("a withdrawn skema counts once as trukket tilbage, whatever its number of ydelser", () => {
    const raekker = ["Døgn", "Dag"].map((y) => ydelse("A", "Åen", y, { status: "tilbagetrukket" }));
    const o = lavOversigt(2027, [2026, 2027], raekker);
    expect(o.antal.sagsstatus.tilbagetrukket).toBe(1);
    expect(o.tilbagetrukne).toHaveLength(2);
  });
});

describe("a withdrawn takst is not 'ophørt eller glemt?'", () => {
  it("a takst withdrawn this year that existed last year is listed as withdrawn, not as missing", () => {
    const raekker = [ydelse("A", "Søhuset", "Døgn", { status: "tilbagetrukket" }), ydelse(null, "Lind", "Aflastning", { sidste_takst: 1650 })];
    const o = lavOversigt(2027, [2026, 2027], raekker);
    expect(o.tilbagetrukne.map((t) => t.tilbud)).toEqual(["Søhuset"]);
    // Only the takst nobody has submitted is missing.
    expect(o.mangler).toEqual([{ driftsherre: "Odense Kommune", helDriftsherre: true, takster: [{ tilbud: "Lind", ydelse: "Aflastning", takst: 1650 }] }]);
    expect(o.antal.manglendeTakster).toBe(1);
  });
});
