import { benchmarkSchema } from "../../src/kontrakt";
import { boksplot } from "../../src/server/benchmark/side/boksplot";
import { benchmarkHtml, driftsherrer, gruppeHtml, niveauRaekker } from "../../src/server/benchmark/side/visning";
import { BENCHMARK, BENCHMARK_KOMMUNE, EGEN } from "./eksempel";

/**
 * The benchmark page's content (product.md §5.3) from a constructed answer (eksempel.ts): the box
 * plot's geometry, the tables' figures in da-DK, the highlighted tilbud, too small groups and
 * the accessible names. Pure text, no browser (the browser test is benchmark.e2e.test.ts).
 */

const gruppe1 = BENCHMARK.grupper[0]!;
const html = benchmarkHtml(BENCHMARK, EGEN);

/** The rows of the table with this id, as text without tags. */
function raekker(side: string, id: string): string[] {
  const tabel = side.slice(side.indexOf(`<table id="${id}">`), side.indexOf("</table>", side.indexOf(`<table id="${id}">`)));
  return [...tabel.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|").replace(/\u00a0/g, " "));
}

describe("the benchmark page's content", () => {
  it("is built from an object the contract accepts", () => {
    expect(benchmarkSchema.parse(BENCHMARK)).toEqual(BENCHMARK);
  });

  it("draws the box from Q1 to Q3, the median line and the whiskers on one scale from the lowest to the highest takst", () => {
    const svg = boksplot(gruppe1, 1, () => false)!;
    // x(v) = 12 + (v − 1.000) / 1.500 × 616: Q1 1.200 → 94,1; Q3 1.800 → 340,5; median 1.500 → 217,3; min 12, max 628.
    expect(svg).toContain('<rect x="94.1" y="14" width="246.4"');
    expect(svg).toContain('<line x1="217.3" x2="217.3" y1="14" y2="50" class="median"/>');
    expect(svg).toContain('<line x1="12" x2="94.1" y1="32" y2="32" class="knurhaar"/>');
    expect(svg).toContain('<line x1="340.5" x2="628" y1="32" y2="32" class="knurhaar"/>');
    expect([...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => m[1])).toEqual(["12", "94.1", "217.3", "340.5", "628"]);
  });

  it("marks the highlighted driftsherre's tilbud as a diamond and in its table row, and nobody else's", () => {
    const svg = boksplot(gruppe1, 1, (n) => n.driftsherre === EGEN)!;
    expect(svg.match(/class="maerke egen"/g)).toHaveLength(1);
    expect(svg).toContain('<path d="M94.1 64l8 8l-8 8l-8 -8z" class="maerke egen"/>');
    expect(svg.match(/<circle /g)).toHaveLength(4);
    const tabel = raekker(html, "gruppe-1-tabel");
    expect(tabel.filter((r) => r.includes("(fremhævet)"))).toEqual([expect.stringContaining("Bostedet Skoven")]);
    expect(benchmarkHtml(BENCHMARK, null)).not.toContain("(fremhævet)");
  });

  it("names the plot for a screen reader by its median and quartiles, and lets the keyboard reach it", () => {
    const svg = boksplot(gruppe1, 1, (n) => n.driftsherre === EGEN)!;
    expect(svg).toMatch(/^<svg id="boksplot-1" [^>]*role="img" aria-labelledby="boksplot-1-titel" tabindex="0"/);
    expect(svg).toContain(
      '<title id="boksplot-1-titel">SEL § 108 · Socialpsykiatri · døgn: 5 takstniveauer. Median 1.500 kr., 1. kvartil 1.200 kr., 3. kvartil 1.800 kr., laveste 1.000 kr., højeste 2.500 kr.; 1 fremhævet takstniveau vist som ruder.</title>',
    );
  });

  it("gives each niveau's takst, index, position and key figures in the table in Danish formats", () => {
    const tabel = raekker(html, "gruppe-1-tabel");
    expect(tabel[0]).toBe("|Driftsherre|Tilbud|Ydelse|Takst|Indeks (median = 100)|Placering|Omkostninger|Pr. plads|Pr. belægningsdag|Lønandel|Administrationsandel|Overheadandel|Kapitalandel|Basisandel|Belægning|Årlig takst pr. helårsborger|Normering pr. plads|");
    expect(tabel[1]).toBe(
      "|Randers Kommune|Bostedet Engen|Døgnophold|1.000 kr.|66,7|Under 1. kvartil|5.475.000 kr.|912.500 kr.|2.604,17 kr.|61,23 %|5,48 %|4,00 %|10,12 %|–|96,00 %|365.000 kr.|1,25|",
    );
    expect(tabel[5]).toContain("|2.500 kr.|166,7|Over 3. kvartil|");
    expect(html).toContain("<div><dt>Median</dt><dd>1.500 kr.</dd></div>");
  });

  it("says 'for få sammenlignelige' for a group without statistics and draws no plot for it", () => {
    const g2 = html.slice(html.indexOf('data-gruppe="2"'));
    expect(g2).toContain('<p class="for-faa">for få sammenlignelige</p>');
    expect(g2.slice(0, g2.indexOf("</section>"))).not.toContain("<svg");
    expect(boksplot(BENCHMARK.grupper[1]!, 2, () => false)).toBeNull();
  });

  it("explains that the comparison is information, not an assessment, and links the .xlsx of the year", () => {
    expect(html).toContain("Tallene er information: enhedsomkostninger kan ikke stå alene som mål for effektivitet");
    expect(html).toContain('href="/api/v1/benchmark.xlsx?takstaar=2027"');
  });

  it("lists what was left out and why", () => {
    expect(raekker(html, "udeladt")[1]).toBe("|Viborg Kommune|Sikret afdeling|Døgnophold|Særlig opmærksomhed (Bilag 19)|");
  });

  it("escapes the service's texts", () => {
    expect(html).toContain("Bostedet Åen &lt;b&gt;");
    expect(html).not.toContain("Åen <b>");
  });

  // Danish order: "Aa" is Å, after Z.
  it("offers the one driftsherre of a municipality's answer to highlight, and every driftsherre of the secretariat's", () => {
    expect(driftsherrer(BENCHMARK_KOMMUNE)).toEqual([EGEN]);
    expect(driftsherrer(BENCHMARK)).toEqual(["Randers Kommune", "Region Midtjylland", "Silkeborg Kommune", "Viborg Kommune", EGEN]);
  });

  // The page draws a long group's first rows at once and the rest in later tasks (benchmark.ts).
  it("draws a group in parts as the same table as at once, each row once and in order", () => {
    const n = gruppe1.niveauer.length;
    expect(n).toBeGreaterThan(2);
    const helt = gruppeHtml(gruppe1, 1, EGEN);
    const start = gruppeHtml(gruppe1, 1, EGEN, 1);
    const rest = [niveauRaekker(gruppe1, 1, 2, EGEN), niveauRaekker(gruppe1, 2, n, EGEN)].join("\n");
    expect(start).not.toBe(helt);
    expect(start.replace("\n</tbody>", `\n${rest}\n</tbody>`)).toBe(helt);
  });
});
