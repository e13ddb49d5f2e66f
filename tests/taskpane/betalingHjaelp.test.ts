import { readFileSync } from "node:fs";
import { join } from "node:path";
import { betalingsperiode, betaling, type Betalingsvalg, type Haendelse } from "../../src/engine";
import { dagnummer, kalenderdag } from "../../src/engine/dato";

/**
 * Issue 21: the pane's help for the notice rules (Bilag 13, 004:4175-4218) says what
 * SOC.BETALINGSPERIODE computes. Each example in the help ("opsagt 14. januar: … til og med
 * <dag>. <måned>") is checked against the engine, and the seed's own example (14.1 → 14.3,
 * 004:4183-4186) stands in the text.
 */
const HTML = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "taskpane.html"), "utf8");
const afsnit = /<details id="betaling"[\s\S]*?<\/details>/.exec(HTML)?.[0] ?? "";
const punkter = [...afsnit.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
const MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"];
const OPSAGT = dagnummer(2018, 1, 14);

/** The days "til og med D. måned" in a line, as day numbers of 2018. */
function tilOgMed(linje: string): number[] {
  return [...linje.matchAll(/til og med (\d+)\. (\p{L}+)/gu)].map((m) => dagnummer(2018, MAANEDER.indexOf(m[2]!) + 1, Number(m[1])));
}

describe("the pane's help for the notice rules agrees with SOC.BETALINGSPERIODE", () => {
  it("has a line per event, and the seed's example 14 January → 14 March", () => {
    expect(punkter).toHaveLength(6);
    expect(punkter[0]).toContain("opsagt 14. januar: betales til og med 14. marts");
  });

  const eksempler: [number, [Haendelse, Betalingsvalg][]][] = [
    [0, [["botilbud", { model: "2_maaneder" }], ["botilbud", { model: "loebende_maaned_plus_1" }]]],
    [1, [["dagtilbud", {}]]],
    [3, [["lukning", {}]]],
    [4, [["pakkeskift", {}]]],
  ];
  it.each(eksempler)("line %i: each 'til og med' day is the engine's for a notice on 14 January 2018", (i, haendelser) => {
    expect(tilOgMed(punkter[i]!)).toEqual(haendelser.map(([h, v]) => betalingsperiode(OPSAGT, h, v)));
  });

  it("lukning and revisitation share their rule; § 101/109/110 end on the udskrivningsdag; a stop in June is paid to 31 July", () => {
    expect(betalingsperiode(OPSAGT, "revisitation")).toBe(betalingsperiode(OPSAGT, "lukning"));
    const udskrevet = dagnummer(2018, 2, 3);
    for (const h of ["§ 101", "§ 109", "§ 110"] as const) expect(betalingsperiode(OPSAGT, h, { ophoersdato: udskrevet })).toBe(udskrevet);
    expect(kalenderdag(betalingsperiode(dagnummer(2018, 6, 15), "specialundervisning-dag"))).toMatchObject({ maaned: 7, dag: 31 });
    expect(punkter[2]).toContain("udskrivningsdagen");
    expect(punkter[5]).toContain("31. juli");
  });

  it("the formula examples: 14 March 2018 is serial 43173, and 59 days × 1.450 kr. = 85.550 kr.", () => {
    expect(afsnit).toContain('=SOC.BETALINGSPERIODE("2018-01-14"; "botilbud")');
    expect(betalingsperiode(OPSAGT, "botilbud")).toBe(43173);
    expect(afsnit).toContain("85.550 kr.");
    expect(Number(betaling(1450, dagnummer(2018, 1, 15), dagnummer(2018, 3, 14)))).toBe(85550);
  });
});
