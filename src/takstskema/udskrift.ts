import { FARVER, type SkabelonLayout } from "./layout";

/**
 * How the skema prints as an archive copy, derived from the layout's sections; both writers
 * apply it (the CLI with ExcelJS, the task pane with Office.js pageLayout).
 * - A4 landscape at a fixed scale that fits the columns to the page width. Not "fit to page":
 *   Excel ignores manual page breaks when a sheet is scaled with Fit To.
 * - A manual row break before every section that would not fit on the current page, so no
 *   section is split where it fits on one page.
 * - The column headings (Felt, Skal/kan, Værdi, Enhed, Hjælp) repeat on every page.
 * - A footer with driftsherre, tilbud, takstår, kvittering and "Side x af y" (&P / &N).
 */

/** Excel's standard row for Calibri 11 (the sheet's default row height in points). */
export const STANDARD_HOEJDE = 15;

/** A4 landscape and margins in inches (Excel's "Normal" margins, narrower at the sides). */
const SIDE = { bredde: 11.69, hoejde: 8.27 } as const;
export const MARGENER = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;
/** Rows are planned with this share of the page, for renderers whose rows come out a little taller. */
const SIKKERHED = 0.92;
/**
 * Share of the page width the columns are planned to fill at Excel's metrics (Calibri 11).
 * LibreOffice without Calibri's metrics (no Carlito font) draws the same columns about 1.35×
 * wider; measured: the columns fit A4 landscape in LibreOffice at 60 % but not at 68 %.
 */
const BREDDE_ANDEL = 0.72;

export interface Sektionsblok {
  navn: string;
  /** First (header) and last row of the section, 1-based. */
  fra: number;
  til: number;
}

export interface Udskrift {
  /** Percent. */
  skala: number;
  /** "A1:F80". */
  omraade: string;
  /** The repeated heading row(s), "12:12". */
  titelRaekker: string;
  /** Rows after which a page ends (a manual break before row r + 1). */
  sideskift: number[];
  sektioner: Sektionsblok[];
}

function raekke(adresse: string): number {
  return Number(/\d+$/.exec(adresse)![0]);
}

function kolonneNr(k: string): number {
  return [...k].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** Width of a column in points, as Excel renders a width in characters (Calibri 11). */
function kolonnePunkter(tegn: number): number {
  return (tegn * 7 + 5) * 0.75;
}

/** A row's height in points: the layout's own height for its taller rows (layout.raekkeHoejder). */
export function raekkeHoejde(layout: SkabelonLayout, r: number): number {
  return layout.raekkeHoejder[r] ?? STANDARD_HOEJDE;
}

/**
 * Lines a text takes when wrapped in a column `tegn` characters wide: word by word, a word longer
 * than a line split over lines. Planned with one character per width unit (Excel measures
 * widths in Calibri's "0", wider than an average letter), so the row is rather too tall than cut.
 */
export function linjerI(tekst: string, tegn: number): number {
  const bredde = Math.max(1, Math.floor(tegn));
  let linjer = 0;
  for (const afsnit of tekst.split(/\r?\n/)) {
    linjer++;
    let linje = 0;
    for (const ord of afsnit.split(/\s+/).filter((o) => o !== "")) {
      if (linje > 0 && linje + 1 + ord.length <= bredde) {
        linje += 1 + ord.length;
        continue;
      }
      if (linje > 0) linjer++;
      // A word longer than the line is broken over as many lines as it needs.
      const dele = Math.ceil(ord.length / bredde);
      linjer += dele - 1;
      linje = ord.length - (dele - 1) * bredde;
    }
  }
  return linjer;
}

/**
 * The layout with the rows of its filled long texts (cells that wrap, such as a begrundelse)
 * grown to hold every line: the height both writers set and the print plan counts.
 */
export function medTekstHoejder(layout: SkabelonLayout, vaerdier: Readonly<Record<string, unknown>>): SkabelonLayout {
  const bredder = new Map(layout.kolonner.map((k) => [k.kolonne, k.bredde]));
  const hoejder: Record<number, number> = { ...layout.raekkeHoejder };
  for (const c of layout.celler) {
    const v = c.felt && c.ombryd && c.raekke === undefined ? vaerdier[c.felt] : undefined;
    if (typeof v !== "string" || v.trim() === "") continue;
    const r = raekke(c.adresse);
    const h = linjerI(v, bredder.get(/^[A-Z]+/.exec(c.adresse)![0]) ?? 10) * STANDARD_HOEJDE;
    if (h > (hoejder[r] ?? STANDARD_HOEJDE)) hoejder[r] = h;
  }
  return { ...layout, raekkeHoejder: hoejder };
}

/** The sections as the layout draws them: a header row in the section colour, to the last row before the next. */
export function sektionsblokke(layout: SkabelonLayout): Sektionsblok[] {
  const overskrifter = layout.celler
    .filter((c) => c.adresse.startsWith("B") && c.fyld === FARVER.sektion && typeof c.vaerdi === "string" && c.vaerdi !== "")
    .map((c) => ({ navn: String(c.vaerdi), fra: raekke(c.adresse) }))
    .sort((a, b) => a.fra - b.fra);
  const brugte = [...new Set(layout.celler.filter((c) => c.vaerdi !== undefined || c.formel !== undefined || c.felt).map((c) => raekke(c.adresse)))].sort((a, b) => a - b);
  return overskrifter.map((o, i) => {
    const naeste = overskrifter[i + 1]?.fra ?? Infinity;
    const til = Math.max(o.fra, ...brugte.filter((r) => r > o.fra && r < naeste));
    return { ...o, til };
  });
}

/** The heading row of the field table (the row with "Felt" in column B). */
function titelRaekke(layout: SkabelonLayout): number {
  const c = layout.celler.find((x) => x.adresse.startsWith("B") && x.vaerdi === "Felt");
  return c ? raekke(c.adresse) : 1;
}

export function udskrift(layout: SkabelonLayout): Udskrift {
  const kolonner = [...layout.kolonner].sort((a, b) => kolonneNr(a.kolonne) - kolonneNr(b.kolonne));
  const bredde = kolonner.reduce((s, k) => s + kolonnePunkter(k.bredde), 0);
  const printbar = (SIDE.bredde - MARGENER.left - MARGENER.right) * 72;
  const skala = Math.max(10, Math.min(100, Math.floor((printbar / bredde) * 100 * BREDDE_ANDEL)));

  const sektioner = sektionsblokke(layout);
  const titel = titelRaekke(layout);
  const sidehoejde = (((SIDE.hoejde - MARGENER.top - MARGENER.bottom) * 72) / (skala / 100)) * SIKKERHED;
  const hoejde = (fra: number, til: number) => {
    let h = 0;
    for (let r = fra; r <= til; r++) h += raekkeHoejde(layout, r);
    return h;
  };

  const sideskift: number[] = [];
  let sideStart = 1;
  for (const s of sektioner) {
    // Rows from the page's start to the end of this section, plus the repeated heading on later pages.
    const gentaget = sideStart > 1 ? raekkeHoejde(layout, titel) : 0;
    if (s.fra > sideStart && gentaget + hoejde(sideStart, s.til) > sidehoejde) {
      sideskift.push(s.fra - 1);
      sideStart = s.fra;
    }
  }
  const sidste = Math.max(...layout.celler.map((c) => raekke(c.adresse)));
  const sidsteKolonne = kolonner.at(-1)?.kolonne ?? "F";
  return { skala, omraade: `A1:${sidsteKolonne}${sidste}`, titelRaekker: `${titel}:${titel}`, sideskift, sektioner };
}

/** Text for an Excel header/footer: "&" is a code there, so a literal one is doubled. */
function kode(s: string, max: number): string {
  const t = s.replace(/\s+/g, " ").trim();
  return (t.length > max ? t.slice(0, max - 1) + "…" : t).replace(/&/g, "&&");
}

export interface SidefodData {
  TS_Driftsherre?: unknown;
  TS_Tilbud?: unknown;
  TS_Takstaar?: unknown;
  TS_Kvittering?: unknown;
}

function tekstAf(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

/** The footer's three parts in Excel's header/footer codes (Office.js sets them one by one). */
export interface SidefodDele {
  venstre: string;
  midt: string;
  hoejre: string;
}

/**
 * The footer: left driftsherre · tilbud · takstår, centre the receipt, right "Side x af y".
 * Built from the skema's values when it is filled or submitted (a footer cannot refer to
 * cells). Each part is cut so the whole stays under Excel's 255 characters.
 */
export function sidefodDele(v: SidefodData): SidefodDele {
  const venstre = [kode(tekstAf(v.TS_Driftsherre), 60), kode(tekstAf(v.TS_Tilbud), 60), tekstAf(v.TS_Takstaar) ? `Takstår ${kode(tekstAf(v.TS_Takstaar), 4)}` : ""]
    .filter((s) => s !== "")
    .join(" · ");
  const kvittering = tekstAf(v.TS_Kvittering);
  return {
    venstre: `&8${venstre || "Takstskema"}`,
    midt: `&8${kvittering ? `Kvittering ${kode(kvittering, 60)}` : "Ikke indsendt"}`,
    hoejre: "&8Side &P af &N",
  };
}

/** The whole footer as one .xlsx `oddFooter` string (&L left, &C centre, &R right). */
export function sidefod(v: SidefodData): string {
  const d = sidefodDele(v);
  return `&L${d.venstre}&C${d.midt}&R${d.hoejre}`;
}
