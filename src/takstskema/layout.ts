import { parameter, type Regelsaet } from "../regelsaet";
import { FELTER, SEKTIONER, type FeltDefinition, type FeltNavn } from "./felter";
import { kategoriNavne } from "./kategori";

/**
 * The template as pure data. Both writers render exactly this: the CLI with ExcelJS
 * (src/cli/skabelon.ts) and the task pane with the Office.js Excel API. Addresses are A1,
 * colours ARGB, formulas in English comma syntax without the leading "=" and with the SOC
 * functions as the user types them (`SOC.TAKST(...)`); a file writer converts them with
 * `tilFilformel` (see there for how Excel stores custom functions in .xlsx).
 *
 * Columns: B label, C "skal"/"kan" (so the colour is never the only marker), D the value
 * (the defined name points here), E unit, F help text.
 */

export const ARKNAVN = "Takstskema";

export const FARVER = {
  obligatorisk: "FFFFFF99", // yellow: mandatory input (Tilbudsportalen budgetskema)
  valgfri: "FFFFCC99", // orange: optional input
  beregnet: "FFF2F2F2", // grey: computed, locked
  system: "FFDDEBF7", // light blue: written by the add-in
  sektion: "FF1F4E78", // section header background
  sektionTekst: "FFFFFFFF",
  hjaelpTekst: "FF595959",
} as const;

export const VAERDI_KOLONNE = "D";
const FOERSTE_FELT_RAEKKE = 13;

export interface LayoutSkrift {
  fed?: boolean;
  kursiv?: boolean;
  stoerrelse?: number;
  farve?: string;
}

export interface LayoutCelle {
  adresse: string;
  vaerdi?: string | number;
  /** Formula without "=", SOC functions as typed by the user. */
  formel?: string;
  /** Where a spilling formula's result lands (e.g. "D40:F49"); the anchor cell alone by default. */
  spild?: string;
  numFmt?: string;
  fyld?: string;
  skrift?: LayoutSkrift;
  ombryd?: boolean;
  vandret?: "left" | "center" | "right";
  /** False for input cells: the only cells editable while the sheet is protected. */
  laast: boolean;
  ramme?: boolean;
  /** The field whose value this cell holds. */
  felt?: FeltNavn;
}

export interface LayoutValidering {
  adresse: string;
  type: "decimal" | "whole" | "list" | "textLength";
  operator: "between" | "greaterThan" | "lessThanOrEqual";
  formler: (string | number)[];
  tilladTom: boolean;
  /** Input message: title ≤ 32 characters, text ≤ 255 (Excel's limits). */
  promptTitel: string;
  prompt: string;
  fejlStil: "stop" | "warning" | "information";
  fejlTitel: string;
  fejl: string;
}

export interface SkabelonLayout {
  arknavn: string;
  regelsaet: string;
  kolonner: { kolonne: string; bredde: number }[];
  celler: LayoutCelle[];
  flettede: string[];
  /** Workbook-level defined names; `ref` like "Takstskema!$D$14". */
  navne: { navn: FeltNavn; ref: string }[];
  valideringer: LayoutValidering[];
  beskyttelse: { aktiv: true; adgangskode: "" };
  /** The legend block (rows), also part of `celler`. */
  legende: { fra: string; til: string };
}

/** Row of every field: section headers take one row, a blank row between sections. */
function feltRaekker(): Map<FeltNavn, number> {
  const m = new Map<FeltNavn, number>();
  let raekke = FOERSTE_FELT_RAEKKE;
  for (const sektion of SEKTIONER) {
    const felter = FELTER.filter((f) => f.sektion === sektion);
    raekke++; // section header
    for (const f of felter) m.set(f.navn, raekke++);
    raekke++; // blank
  }
  return m;
}

const RAEKKER = feltRaekker();

export function sektionRaekke(sektion: (typeof SEKTIONER)[number]): number {
  const foerste = FELTER.find((f) => f.sektion === sektion)!;
  return RAEKKER.get(foerste.navn)! - 1;
}

/** "D14" for a field. */
export function adresseFor(navn: FeltNavn): string {
  return `${VAERDI_KOLONNE}${RAEKKER.get(navn)!}`;
}

/** "Takstskema!D14" for a field (the `cell` of a finding). */
export function celleFor(navn: string): string {
  const r = RAEKKER.get(navn as FeltNavn);
  return r === undefined ? `${ARKNAVN}!?` : `${ARKNAVN}!${VAERDI_KOLONNE}${r}`;
}

export const CELLER: Readonly<Record<FeltNavn, string>> = Object.fromEntries(FELTER.map((f) => [f.navn, celleFor(f.navn)])) as Record<FeltNavn, string>;

/**
 * Office JavaScript custom functions are stored in .xlsx formulas with the prefix
 * `_xldudf_` and the dots of the namespaced name replaced by underscores
 * (`SOC.TAKST(` → `_xldudf_SOC_TAKST(`): an Excel team member explains in
 * OfficeDev/Excel-Custom-Functions#108 that JS custom functions "save out with a different
 * prefix _xldudf"; OfficeDev/office-js#5611 and #2568 show `_xldudf_NAME` in sheet XML and in
 * the formula bar when the add-in is not loaded. Excel maps it back to `SOC.TAKST` when the
 * add-in is loaded. Office.js writers use the formula as it is (`range.formulas`).
 */
export function tilFilformel(formel: string): string {
  return formel.replace(/\bSOC((?:\.[A-Z][A-Z0-9]*)+)\s*\(/g, (_m, rest: string) => `_xldudf_SOC${rest.replace(/\./g, "_")}(`);
}

/** The reverse, for reading a file's formula back. */
export function fraFilformel(formel: string): string {
  return formel.replace(/_xldudf_SOC((?:_[A-Z][A-Z0-9]*)+)\s*\(/g, (_m, rest: string) => `SOC${rest.replace(/_/g, ".")}(`);
}

const NUMFMT: Record<FeltDefinition["type"], string | undefined> = {
  tekst: "@",
  valg: "@",
  email: "@",
  heltal: "0",
  tal: "General",
  beloeb: "#,##0",
  procent: "0.0%",
};

function pct(x: number): string {
  return `${(x * 100).toLocaleString("da-DK", { maximumFractionDigits: 2 })} %`;
}

function kort(tekst: string, max: number): string {
  return tekst.length <= max ? tekst : tekst.slice(0, max - 1) + "…";
}

/** Fields that are mandatory under this ruleset (basis/service when the split is required). */
export function erObligatorisk(f: FeltDefinition, r: Regelsaet | undefined): boolean {
  if (f.obligatorisk) return true;
  if ((f.navn === "TS_Basistakst" || f.navn === "TS_Servicetakst") && r) return parameter(r, "basisServiceOpdeling") === "kraeves";
  return false;
}

function validering(f: FeltDefinition, r: Regelsaet, adresse: string, obligatorisk: boolean): LayoutValidering | undefined {
  if (f.rolle !== "input") return undefined;
  let hjaelp = f.hjaelp;
  const base = { adresse, tilladTom: true, promptTitel: kort(f.etiket, 32), fejlStil: "stop" as const, fejlTitel: kort(`Ugyldig værdi: ${f.etiket}`, 32) };
  let v: Omit<LayoutValidering, keyof typeof base | "prompt">;
  const loft = (navn: "overheadLoft" | "renteLoft") => parameter(r, navn);
  switch (f.type) {
    case "beloeb":
      v = { type: "decimal", operator: "between", formler: [-1e12, 1e12], fejl: "Skriv et beløb i kroner, fx 1234567,50." };
      break;
    case "procent": {
      // The field's plausible range (TS015), narrowed by the ruleset's cap; the example stays inside it.
      const pl = "plausibel" in f && f.plausibel ? f.plausibel : { min: 0, max: 1, eksempel: 0.5 };
      const cap = f.navn === "TS_OverheadSats" ? loft("overheadLoft") : f.navn === "TS_Rentesats" ? loft("renteLoft") : f.navn === "TS_Belaegning" ? parameter(r, "maksBelaegning") : undefined;
      if (cap !== undefined && (f.navn === "TS_OverheadSats" || f.navn === "TS_Rentesats")) hjaelp += ` Loft i ${r.id}: ${pct(cap)}.`;
      const max = cap === undefined ? pl.max : Math.min(cap, pl.max);
      const eksempel = Math.min(pl.eksempel, max);
      v = { type: "decimal", operator: "between", formler: [pl.min, max], fejl: `Skriv en procentsats mellem ${pct(pl.min)} og ${pct(max)} med %-tegn, fx ${pct(eksempel)}.` };
      break;
    }
    case "heltal":
      v = f.navn === "TS_Takstaar"
        ? { type: "whole", operator: "between", formler: [2000, 2100], fejl: "Skriv takståret med fire cifre, fx 2018." }
        : { type: "whole", operator: "between", formler: [1, 366], fejl: "Skriv et helt antal dage mellem 1 og 366." };
      break;
    case "tal":
      v = { type: "whole", operator: "greaterThan", formler: [0], fejl: "Skriv antallet af pladser som et positivt helt tal, fx 24." };
      break;
    case "valg": {
      // TS_Kategori takes its choices from the ruleset; a ruleset without a list leaves free text.
      const liste = f.valg ?? (f.navn === "TS_Kategori" ? kategoriNavne(r) : undefined);
      v = liste
        ? { type: "list", operator: "between", formler: [`"${liste.join(",")}"`], fejl: "Vælg en værdi fra listen." }
        : { type: "textLength", operator: "lessThanOrEqual", formler: [200], fejl: "Teksten må højst være 200 tegn." };
      break;
    }
    default:
      v = { type: "textLength", operator: "lessThanOrEqual", formler: [2000], fejl: "Teksten må højst være 2000 tegn." };
  }
  if (f.navn === "TS_Tjenestemandspension") {
    const sats = parameter(r, "tjenestemandspensionSats");
    if (sats !== undefined) hjaelp = `Uforsikrede: ${pct(sats)} af pensionsgivende løn (${r.id}). Forsikrede: præmien, som kan lægges oven i og ikke kontrolleres.`;
  }
  const prompt = kort(`${hjaelp}${obligatorisk ? " Skal udfyldes." : " Kan udelades."}`, 255);
  return { ...base, ...v, prompt };
}

/** The template for one ruleset, as data. Field positions do not depend on the ruleset. */
export function skabelonLayout(r: Regelsaet): SkabelonLayout {
  const celler: LayoutCelle[] = [];
  const flettede: string[] = [];
  const valideringer: LayoutValidering[] = [];
  const tekst = (adresse: string, vaerdi: string, ekstra: Partial<LayoutCelle> = {}) => celler.push({ adresse, vaerdi, laast: true, ...ekstra });

  tekst("B1", "Takstskema – standardskabelon", { skrift: { fed: true, stoerrelse: 16 } });
  tekst("B2", `Regelsæt ${r.id}: ${r.navn}. Ét skema pr. tilbud. Beløb i hele kroner, budget for takståret.`, { skrift: { kursiv: true } });
  flettede.push("B2:F2");

  // Legend: colours and signs.
  tekst("B4", "Farver og fortegn", { skrift: { fed: true, stoerrelse: 12 } });
  const legende: [string, string | undefined, string][] = [
    ["B5", FARVER.obligatorisk, "Gul: obligatorisk indtastning (skal)"],
    ["B6", FARVER.valgfri, "Orange: valgfri indtastning (kan)"],
    ["B7", FARVER.beregnet, "Grå: beregnes automatisk, låst"],
    ["B8", FARVER.system, "Blå: udfyldes af tilføjelsesprogrammet"],
  ];
  for (const [adresse, fyld, label] of legende) {
    tekst(adresse, label);
    const raekke = adresse.slice(1);
    celler.push({ adresse: `D${raekke}`, vaerdi: "", fyld, laast: true, ramme: true });
  }
  tekst("B9", "Fortegn: alle omkostninger og indtægter skrives som positive beløb; indtægter trækkes fra. Regulering vedr. tidligere år: negativ sænker taksten, positiv hæver den.", { ombryd: true });
  flettede.push("B9:F9");
  tekst("B10", "Procenter skrives som procent (96 % gemmes som 0,96). Kun gule og orange celler kan redigeres; arket er beskyttet uden adgangskode.", { ombryd: true });
  flettede.push("B10:F10");
  tekst("B12", "Felt", { skrift: { fed: true } });
  tekst("C12", "Skal/kan", { skrift: { fed: true } });
  tekst("D12", "Værdi", { skrift: { fed: true } });
  tekst("E12", "Enhed", { skrift: { fed: true } });
  tekst("F12", "Hjælp", { skrift: { fed: true } });

  for (const sektion of SEKTIONER) {
    const raekke = sektionRaekke(sektion);
    for (const kol of ["B", "C", "D", "E", "F"]) {
      celler.push({ adresse: `${kol}${raekke}`, vaerdi: kol === "B" ? sektion : "", fyld: FARVER.sektion, skrift: { fed: true, farve: FARVER.sektionTekst }, laast: true });
    }
  }

  const navne: SkabelonLayout["navne"] = [];
  for (const f of FELTER as readonly FeltDefinition[]) {
    const navn = f.navn as FeltNavn;
    const adresse = adresseFor(navn);
    const raekke = adresse.slice(1);
    const obligatorisk = erObligatorisk(f, r);
    tekst(`B${raekke}`, f.etiket);
    tekst(`C${raekke}`, f.rolle === "input" ? (obligatorisk ? "skal" : "kan") : f.rolle === "beregnet" ? "beregnet" : "automatisk", { skrift: { kursiv: true, farve: FARVER.hjaelpTekst } });
    // A percent cell shows its own "%": the unit column would repeat it ("4.40% %").
    if (f.enhed && !(f.type === "procent" && f.enhed === "%")) tekst(`E${raekke}`, f.enhed);
    tekst(`F${raekke}`, f.hjaelp, { skrift: { farve: FARVER.hjaelpTekst, stoerrelse: 9 } });

    const celle: LayoutCelle = { adresse, laast: f.rolle !== "input", ramme: true, felt: navn, numFmt: NUMFMT[f.type] };
    if (f.navn === "TS_OverheadSats" || f.navn === "TS_Rentesats") celle.numFmt = "0.00%";
    if (f.navn === "TS_Belaegningsdage") celle.numFmt = "#,##0.0";
    if (f.rolle === "input") celle.fyld = obligatorisk ? FARVER.obligatorisk : FARVER.valgfri;
    else if (f.rolle === "beregnet") {
      celle.fyld = FARVER.beregnet;
      celle.formel = f.formel;
      celle.skrift = { fed: f.navn === "TS_Takst" };
    } else celle.fyld = FARVER.system;
    if (f.navn === "TS_Regelsaet") celle.vaerdi = r.id;
    if (f.navn === "TS_Takstaar") celle.vaerdi = r.takstaar;
    if (f.navn === "TS_Dage") celle.vaerdi = 365;
    celler.push(celle);
    navne.push({ navn, ref: `${ARKNAVN}!$${VAERDI_KOLONNE}$${raekke}` });
    const v = validering(f, r, adresse, obligatorisk);
    if (v) valideringer.push(v);
  }

  return {
    arknavn: ARKNAVN,
    regelsaet: r.id,
    kolonner: [
      { kolonne: "A", bredde: 2 },
      { kolonne: "B", bredde: 36 },
      { kolonne: "C", bredde: 10 },
      { kolonne: "D", bredde: 22 },
      { kolonne: "E", bredde: 6 },
      { kolonne: "F", bredde: 90 },
    ],
    celler,
    flettede,
    navne,
    valideringer,
    beskyttelse: { aktiv: true, adgangskode: "" },
    legende: { fra: "B4", til: "F10" },
  };
}
