import { FARVER, type LayoutCelle, linjerI, medTekstHoejder, type SkabelonLayout, sektionRaekke, sektionsblokke, sidefod, skabelonLayout, udskrift } from "../../src/takstskema";
import { REGISTER } from "./hjaelp";

// The print plan on a layout made by hand, so the expected figures are worked out here:
// columns 2+36+10+22+6+90 = 166 characters → (166 × 7 + 6 × 5) × 0.75 = 894 pt; A4 landscape
// less 2 × 0,5" = 769,68 pt; 769,68 / 894 = 86,09 % × 0,72 (LibreOffice's wider columns) → 61 %.
// Page height (8,27" - 2 × 0,75") × 72 = 487,44 pt / 0,61 × 0,92 = 735,1 pt = 49 rows of 15 pt.
function layoutMed(sektioner: [string, number, number][], raekkeHoejder: Record<number, number> = { 9: 30, 10: 30 }): SkabelonLayout {
  const celler: LayoutCelle[] = [{ adresse: "B1", vaerdi: "Titel", laast: true }, { adresse: "B12", vaerdi: "Felt", laast: true }];
  for (const [navn, fra, til] of sektioner) {
    celler.push({ adresse: `B${fra}`, vaerdi: navn, fyld: FARVER.sektion, laast: true });
    for (let r = fra + 1; r <= til; r++) celler.push({ adresse: `B${r}`, vaerdi: `Felt ${r}`, laast: true });
  }
  return {
    arknavn: "Takstskema", regelsaet: "X",
    kolonner: [2, 36, 10, 22, 6, 90].map((bredde, i) => ({ kolonne: "ABCDEF"[i]!, bredde })),
    celler, flettede: [], navne: [], valideringer: [], beskyttelse: { aktiv: true, adgangskode: "" }, legende: { fra: "B4", til: "F10" },
    raekkeHoejder,
  };
}

describe("udskrift", () => {
  it("finds the sections by their header rows and breaks before one that would not fit", () => {
    // Rows 9 and 10 are 30 pt. A: rows 1-40 = 38 × 15 + 60 = 630 pt, fits. B to row 60 would make
    // 930 pt: break after row 41. Page 2: heading 15 + rows 42-70 (435) = 450 pt; D (72-130) would
    // make 15 + 89 × 15 = 1350: break after 71. D is taller than a page and is split by the program.
    const l = layoutMed([["A", 13, 40], ["B", 42, 60], ["C", 62, 70], ["D", 72, 130]]);
    expect(sektionsblokke(l)).toEqual([
      { navn: "A", fra: 13, til: 40 },
      { navn: "B", fra: 42, til: 60 },
      { navn: "C", fra: 62, til: 70 },
      { navn: "D", fra: 72, til: 130 },
    ]);
    expect(udskrift(l)).toEqual(expect.objectContaining({ skala: 61, omraade: "A1:F130", titelRaekker: "12:12", sideskift: [41, 71] }));
  });

  it("needs no break when everything fits on one page", () => {
    // Rows 1-45: 43 × 15 + 60 = 705 pt ≤ 735.
    expect(udskrift(layoutMed([["A", 13, 30], ["B", 32, 45]])).sideskift).toEqual([]);
  });

  it("counts the layout's own row heights: one taller row pushes the last section to a new page", () => {
    // Row 44 at 45 pt: 705 + 30 = 735 pt ≤ 735,1, still one page; at 46 pt: 736 pt, break before B (after row 31).
    expect(udskrift(layoutMed([["A", 13, 30], ["B", 32, 45]], { 9: 30, 10: 30, 44: 45 })).sideskift).toEqual([]);
    expect(udskrift(layoutMed([["A", 13, 30], ["B", 32, 45]], { 9: 30, 10: 30, 44: 46 })).sideskift).toEqual([31]);
  });
});

describe("the template's row heights", () => {
  it("are the legend's two notes, the Ydelser section's two help lines and its column headings, 30 pt each (two wrapped lines)", () => {
    const y = sektionRaekke("Ydelser");
    expect(skabelonLayout(REGISTER.hent("SYD-2018")).raekkeHoejder).toEqual({ 9: 30, 10: 30, [y + 1]: 30, [y + 2]: 30, [y + 3]: 30 });
  });
});

describe("sidefod", () => {
  it("driftsherre · tilbud · takstår left, the receipt in the middle, page x of y right", () => {
    expect(sidefod({ TS_Driftsherre: "Odense Kommune", TS_Tilbud: "Skovbrynet", TS_Takstaar: 2018, TS_Kvittering: "ind_1" })).toBe(
      "&L&8Odense Kommune · Skovbrynet · Takstår 2018&C&8Kvittering ind_1&R&8Side &P af &N",
    );
  });
  it("an empty skema still prints page numbers; & is doubled; long names are cut to stay under Excel's 255", () => {
    expect(sidefod({})).toBe("&L&8Takstskema&C&8Ikke indsendt&R&8Side &P af &N");
    expect(sidefod({ TS_Tilbud: "Bo & Liv" })).toBe("&L&8Bo && Liv&C&8Ikke indsendt&R&8Side &P af &N");
    const lang = sidefod({ TS_Driftsherre: "x".repeat(500), TS_Tilbud: "y".repeat(500), TS_Takstaar: 2018, TS_Kvittering: "z".repeat(500) });
    expect(lang.length).toBeLessThanOrEqual(255);
    expect(lang).toContain(`${"x".repeat(59)}…`);
  });
});

describe("a long text's row grows to hold every line (linjerI, medTekstHoejder)", () => {
  it("wraps word by word and breaks a word longer than the line", () => {
    // "ab cd" fits 5; "ab cd ef" needs 2 lines of 5; a 12-letter word in 5 takes 3 lines.
    expect([linjerI("ab cd", 5), linjerI("ab cd ef", 5), linjerI("abcdefghijkl", 5), linjerI("a\nb", 5), linjerI("", 5)]).toEqual([1, 2, 3, 2, 1]);
  });
  it("grows only the rows of wrapping field cells with a text, and the print plan counts them", () => {
    const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
    const celle = layout.celler.find((c) => c.felt === "TS_UdviklingBegrundelse")!;
    expect(celle.ombryd).toBe(true);
    const r = Number(celle.adresse.slice(1));
    // 40 words of 4 letters in column D (18 wide): 3 words a line, 14 lines of 15 points.
    const grown = medTekstHoejder(layout, { TS_UdviklingBegrundelse: Array(40).fill("abcd").join(" "), TS_Tilbud: Array(40).fill("abcd").join(" ") });
    expect(grown.raekkeHoejder[r]).toBe(14 * 15);
    expect(Object.keys(grown.raekkeHoejder).length).toBe(Object.keys(layout.raekkeHoejder).length + 1);
    expect(medTekstHoejder(layout, {}).raekkeHoejder).toEqual(layout.raekkeHoejder);
  });
});
