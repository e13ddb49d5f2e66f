import { lavOversigt } from "../../src/server/oversigt/beregning";
import type { OversigtRaekke } from "../../src/server/oversigt/forespoergsler";
import { validerSkema } from "../../src/takstskema";
import { eksempel, I_TIDE, REGISTER } from "../takstskema/hjaelp";

/**
 * A stored warning on one ydelse shows on that ydelse's row of the overview even when the Ydelser
 * table has moved since it was stored (issue 28): the finding carries its table row, and the
 * overview places it by that row, not by comparing the stored cell address with today's.
 */

/** Two ydelser; the second's takst against last year's half of it: a change far beyond 5 % (TS050). */
function toYdelser() {
  const grund = { ...eksempel(), TS_Ydelse: undefined, TS_Pladser: undefined, TS_Belaegning: undefined, TS_SidsteAarsTakst: undefined,
    TS_Ydelser_Navn: ["Døgn", "Aflastning"], TS_Ydelser_Pladser: [20, 4], TS_Ydelser_Belaegning: [0.96, 0.9] };
  const foer = validerSkema(grund as never, { register: REGISTER, indsendt: I_TIDE });
  const [a, b] = foer.beregnet!.ydelser;
  return validerSkema({ ...grund, TS_Ydelser_SidsteAarsTakst: [a!.takst, Math.round(b!.takst! / 2)] } as never, { register: REGISTER, indsendt: I_TIDE });
}

/** The cell a stored finding named when the table stood `flyt` rows lower: "Takstskema!K41" → "Takstskema!K46". */
const flyttet = (celle: string, flyt: number) => celle.replace(/(\d+)$/, (r) => String(Number(r) + flyt));

function oversigtMed(findings: unknown[]) {
  const raekke = (ydelse: string, nr: number) => ({
    id: "a", driftsherre: "Kommune", tilbud: "Tilbud", ydelse, raekke: nr, version: 1, nummer: null, status: "modtaget", antal_versioner: 1,
    modtaget: new Date(0), findings, takst: 1000, oplyst_sidste: null, pl: 0.02, takstenhed: "døgn", regelsaet_id: null, regelsaet_version: null,
    sidste_takst: null, har_sidste: false,
  }) as OversigtRaekke;
  return lavOversigt(2018, [2018], [raekke("Døgn", 0), raekke("Aflastning", 1)]);
}

describe("a stored finding knows its ydelse row", () => {
  const res = toYdelser();
  const advarsler = res.findings.filter((f) => f.severity === "warning" && f.field.startsWith("TS_Ydelser_"));

  const koder = advarsler.map((f) => f.code);

  it("the validator gives the second ydelse's warnings (TS050 among them) with its row", () => {
    expect(koder).toContain("TS050");
    expect(advarsler.map((f) => f.row)).toEqual(koder.map(() => 1));
  });

  it("after the Ydelser table moved, the overview still shows the warning on its own ydelse only", () => {
    for (const flyt of [0, 5, -3]) {
      const lagret = JSON.parse(JSON.stringify(advarsler.map((f) => ({ ...f, cell: flyttet(f.cell, flyt) })))) as unknown[];
      const o = oversigtMed(lagret);
      expect({ flyt, vist: o.indberetninger.map((i) => [i.ydelse, i.status, i.advarsler.map((a) => a.code)]) }).toEqual({
        flyt,
        vist: [["Døgn", "godkendt", []], ["Aflastning", "advarsler", koder]],
      });
    }
  });

  it("a finding stored before it carried a row is placed by its cell in today's layout", () => {
    const gammel = advarsler.map(({ row: _row, ...f }) => f);
    const o = oversigtMed(JSON.parse(JSON.stringify(gammel)) as unknown[]);
    expect(o.indberetninger.map((i) => i.advarsler.length)).toEqual([0, koder.length]);
  });
});
