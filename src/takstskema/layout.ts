import { parameter, type Regelsaet, RULLELISTE_MAKS } from "../regelsaet";
import { BELOEB_GRAENSE, FELTER, SEKTIONER, type FeltDefinition, type FeltNavn, type KolonneDefinition, type KolonneNavn, type SkemaNavn, YDELSE_KOLONNER, YDELSE_RAEKKER, ydelseKolonne } from "./felter";
import { kategoriNavne } from "./kategori";
import { REGNSKAB_FELTER, REGNSKAB_KOLONNER, REGNSKAB_SEKTION, type RegnskabFeltNavn, type RegnskabKolonneNavn, type Skematype, skemaDele } from "./regnskabFelter";

/**
 * The template as pure data. Both writers render exactly this: the CLI with ExcelJS
 * (src/cli/skabelon.ts) and the task pane with the Office.js Excel API. Addresses are A1,
 * colours ARGB, formulas in English comma syntax without the leading "=" and with the SOC
 * functions as the user types them (`SOC.TAKST(...)`); a file writer converts them with
 * `tilFilformel` (see there for how Excel stores custom functions in .xlsx).
 *
 * Columns: B label, C "skal"/"kan" (so the colour is never the only marker), D the value
 * (the defined name points here), E unit, F help text (it runs on over the empty cells to
 * its right). The Ydelser table uses B-K: one column per TS_Ydelser_ name (felter.ts).
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
  numFmt?: string;
  fyld?: string;
  skrift?: LayoutSkrift;
  ombryd?: boolean;
  vandret?: "left" | "center" | "right";
  /** False for input cells: the only cells editable while the sheet is protected. */
  laast: boolean;
  ramme?: boolean;
  /** The field (or Ydelser column) whose value this cell holds. */
  felt?: SkemaNavn | RegnskabFeltNavn | RegnskabKolonneNavn;
  /** The row of the Ydelser table (0-based) for a column's cell. */
  raekke?: number;
  /**
   * The range a formula returning an array fills (SOC.TAKSTSTRUKTUR): Office.js writes the
   * formula in this cell and Excel spills it; a file writer stores an array formula over it.
   */
  spild?: string;
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
  /** Workbook-level defined names; `ref` like "Takstskema!$D$14" or, for a Ydelser column, "Takstskema!$D$41:$D$50". */
  navne: { navn: SkemaNavn | RegnskabFeltNavn | RegnskabKolonneNavn; ref: string }[];
  valideringer: LayoutValidering[];
  beskyttelse: { aktiv: true; adgangskode: "" };
  /** The legend block (rows), also part of `celler`. */
  legende: { fra: string; til: string };
  /**
   * Rows taller than the standard row (row number → points): the wrapped text lines. The one
   * source for row heights: the writers set them and the print plan (udskrift.ts) counts them.
   */
  raekkeHoejder: Readonly<Record<number, number>>;
}

/** Height of a row whose merged text wraps onto two lines (points). */
const TO_LINJER = 30;

/** Rows of the Ydelser section below its header: two lines of help, the column headings, 10 rows. */
const YDELSE_HJAELP_RAEKKER = 2;

/**
 * Row of every field and of the section headers: a section header takes one row, a blank
 * row between sections; the Ydelser section holds its help lines, headings and table.
 */
function placering(): { felter: Map<string, number>; sektioner: Map<string, number>; ydelseFoerste: number } {
  const felter = new Map<string, number>();
  const sektioner = new Map<string, number>();
  let ydelseFoerste = 0;
  let raekke = FOERSTE_FELT_RAEKKE;
  for (const sektion of SEKTIONER) {
    sektioner.set(sektion, raekke++); // section header
    if (sektion === "Ydelser") {
      ydelseFoerste = raekke + YDELSE_HJAELP_RAEKKER + 1;
      raekke = ydelseFoerste + YDELSE_RAEKKER;
    }
    for (const f of FELTER.filter((x) => x.sektion === sektion)) felter.set(f.navn, raekke++);
    raekke++; // blank
  }
  // The regnskabsskema's own fields, after every budget row: no budget cell moves.
  sektioner.set(REGNSKAB_SEKTION, raekke++);
  for (const f of REGNSKAB_FELTER) felter.set(f.navn, raekke++);
  return { felter, sektioner, ydelseFoerste };
}

const PLACERING = placering();
const RAEKKER = PLACERING.felter;
/** Sheet row of the Ydelser table's first row. */
export const YDELSE_FOERSTE_RAEKKE = PLACERING.ydelseFoerste;

export function sektionRaekke(sektion: (typeof SEKTIONER)[number] | typeof REGNSKAB_SEKTION): number {
  return PLACERING.sektioner.get(sektion)!;
}

/** "D14" for a field. */
export function adresseFor(navn: FeltNavn | RegnskabFeltNavn): string {
  return `${VAERDI_KOLONNE}${RAEKKER.get(navn)!}`;
}

/** A Ydelser column of either skema type (the regnskab's own columns included). */
function kolonneDef(navn: string): KolonneDefinition | undefined {
  return ydelseKolonne(navn) ?? (REGNSKAB_KOLONNER as readonly KolonneDefinition[]).find((k) => k.navn === navn);
}

/** "D43" for a Ydelser column's cell in row `raekke` (0-based). */
export function kolonneAdresse(navn: KolonneNavn | RegnskabKolonneNavn, raekke: number): string {
  return `${kolonneDef(navn)!.kolonne}${YDELSE_FOERSTE_RAEKKE + raekke}`;
}

/** "D41:D50": a Ydelser column's whole range. */
export function kolonneOmraade(navn: KolonneNavn | RegnskabKolonneNavn): string {
  return `${kolonneAdresse(navn, 0)}:${kolonneAdresse(navn, YDELSE_RAEKKER - 1)}`;
}

/**
 * "Takstskema!D14" for a field (the `cell` of a finding); for a Ydelser column the cell of
 * row `raekke` (0-based), or its whole range when no row is given.
 */
export function celleFor(navn: string, raekke?: number): string {
  const k = kolonneDef(navn);
  if (k) {
    const kolonne = navn as KolonneNavn;
    return raekke === undefined || raekke < 0 || raekke >= YDELSE_RAEKKER ? `${ARKNAVN}!${kolonneOmraade(kolonne)}` : `${ARKNAVN}!${kolonneAdresse(kolonne, raekke)}`;
  }
  const r = RAEKKER.get(navn);
  return r === undefined ? `${ARKNAVN}!?` : `${ARKNAVN}!${VAERDI_KOLONNE}${r}`;
}

export const CELLER: Readonly<Record<FeltNavn, string>> = Object.fromEntries(FELTER.map((f) => [f.navn, celleFor(f.navn)])) as Record<FeltNavn, string>;
/** Each Ydelser column's range, e.g. "Takstskema!D41:D50". */
export const KOLONNE_OMRAADER: Readonly<Record<KolonneNavn, string>> = Object.fromEntries(YDELSE_KOLONNER.map((k) => [k.navn, celleFor(k.navn)])) as Record<KolonneNavn, string>;

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

/** The sheet's columns B..K (the Ydelser table is the widest part). */
const KOLONNER = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K"] as const;
const SIDSTE_KOLONNE = KOLONNER[KOLONNER.length - 1]!;

/**
 * The Ydelser section's two lines of help (product.md §2): when to differentiate (Bilag 14,
 * 004:4264-4272) and what the borgerrettede costs are (000:1217-1226).
 */
export const YDELSE_HJAELP = [
  "Én række pr. ydelse: differentiér taksten for grupper af borgere med forskelligt omfang af personaleressourcer, typisk når personaleudgiften pr. borger afviger 150.000-175.000 kr. (botilbud) eller 30.000-50.000 kr. (dagtilbud) om året (Bilag 14). Ressource (fx timer pr. uge) fordeler den borgerrettede del.",
  "Basistaksten dækker det, der ikke er direkte borgerrettet (administration, ejendom, overhead), og er ens for alle ydelser; servicetaksten dækker det direkte borgerrettede (løn til plejepersonale mv.), som skrives under Omkostninger i \"Heraf borgerrettet\".",
] as const;

const NUMFMT: Record<FeltDefinition["type"], string | undefined> = {
  tekst: "@",
  valg: "@",
  email: "@",
  heltal: "0",
  tal: "General",
  beloeb: "#,##0",
  procent: "0.0%",
  dato: "dd-mm-yyyy",
};

function pct(x: number): string {
  return `${(x * 100).toLocaleString("da-DK", { maximumFractionDigits: 2 })} %`;
}

function kort(tekst: string, max: number): string {
  return tekst.length <= max ? tekst : tekst.slice(0, max - 1) + "…";
}

const REGNSKABSNAVNE = new Set<string>(REGNSKAB_FELTER.map((f) => f.navn));
const erRegnskabsfelt = (f: FeltDefinition) => REGNSKABSNAVNE.has(f.navn);

/** Fields that are mandatory under this ruleset (the borgerrettede costs when the split is required). */
export function erObligatorisk(f: FeltDefinition, r: Regelsaet | undefined): boolean {
  if (f.obligatorisk) return true;
  return r !== undefined && f.obligatoriskNaar !== undefined && parameter(r, f.obligatoriskNaar.parameter) === f.obligatoriskNaar.vaerdi;
}

type Regel = Omit<LayoutValidering, "adresse" | "tilladTom" | "promptTitel" | "prompt" | "fejlStil" | "fejlTitel">;

const tekstRegel = (): Regel => ({ type: "textLength", operator: "lessThanOrEqual", formler: [2000], fejl: "Teksten må højst være 2000 tegn." });

/** A percentage: the field's plausible range (TS015), narrowed by the ruleset's cap; the example stays inside it. */
function procentRegel(f: FeltDefinition, r: Regelsaet): Regel {
  const pl = f.plausibel ?? { min: 0, max: 1, eksempel: 0.5 };
  const cap = f.loft ? parameter(r, f.loft.parameter) : undefined;
  const max = cap === undefined ? pl.max : Math.min(cap, pl.max);
  const eksempel = Math.min(pl.eksempel, max);
  return { type: "decimal", operator: "between", formler: [pl.min, max], fejl: `Skriv en procentsats mellem ${pct(pl.min)} og ${pct(max)} med %-tegn, fx ${pct(eksempel)}.` };
}

/** A number: the field table's `validering` where it has one, else the type's default. */
function talRegel(f: FeltDefinition, standard: Pick<Regel, "type" | "operator" | "fejl"> & { formler: readonly number[] }): Regel {
  const egen = f.validering;
  return { type: egen?.type ?? standard.type, operator: egen?.operator ?? standard.operator, formler: [...(egen?.formler ?? standard.formler)], fejl: egen?.fejl ?? standard.fejl };
}

/** A choice: a drop-down of the field's or the ruleset's list, free text of 200 characters where there is none. */
function valgRegel(f: FeltDefinition, r: Regelsaet): Regel {
  const liste = f.valg ?? (f.valgFraRegelsaet === "kategorier" ? kategoriNavne(r) : undefined);
  // A list Excel cannot write inline ("a,b,c": no comma or quotation mark in a choice, 255
  // characters in all; regelsaetSchema refuses such kategorier) is free text, never a broken file.
  const kanSkrives = liste !== undefined && !liste.some((v) => /[,"]/.test(v)) && liste.join(",").length <= RULLELISTE_MAKS;
  return kanSkrives
    ? { type: "list", operator: "between", formler: [`"${liste.join(",")}"`], fejl: "Vælg en værdi fra listen." }
    : { type: "textLength", operator: "lessThanOrEqual", formler: [200], fejl: "Teksten må højst være 200 tegn." };
}

/** The data validation by type; the field table's `validering`, `loft` and `valgFraRegelsaet` refine it. */
const REGEL: Record<FeltDefinition["type"], (f: FeltDefinition, r: Regelsaet) => Regel> = {
  beloeb: () => ({ type: "decimal", operator: "between", formler: [-BELOEB_GRAENSE, BELOEB_GRAENSE], fejl: "Skriv et beløb i kroner, fx 1234567,50." }),
  procent: procentRegel,
  heltal: (f) => talRegel(f, { type: "whole", operator: "between", formler: [f.interval?.min ?? 0, f.interval?.max ?? 1e9], fejl: "Skriv et helt tal." }),
  tal: (f) => talRegel(f, { type: "decimal", operator: "greaterThan", formler: [0], fejl: "Skriv et positivt tal." }),
  // Excel holds a date as its serial day: 1 January 2000 (36526) to 31 December 2100 (73415).
  dato: () => ({ type: "decimal", operator: "between", formler: [36526, 73415], fejl: "Skriv en dato, fx 01-05-2027." }),
  valg: valgRegel,
  tekst: tekstRegel,
  email: tekstRegel,
};

/** The input message: the field's help, the ruleset's own text or cap where it gives one, and skal/kan. */
function indtastningsHjaelp(f: FeltDefinition, r: Regelsaet, obligatorisk: boolean): string {
  let hjaelp = f.hjaelp;
  const egen = f.regelsaetHjaelp;
  const vaerdi = egen ? parameter(r, egen.parameter) : undefined;
  if (egen && vaerdi !== undefined) hjaelp = egen.tekst.replace("{vaerdi}", pct(vaerdi)).replace("{id}", r.id);
  const cap = f.loft?.iHjaelp ? parameter(r, f.loft.parameter) : undefined;
  if (cap !== undefined) hjaelp += ` Loft i ${r.id}: ${pct(cap)}.`;
  return kort(`${hjaelp}${obligatorisk ? " Skal udfyldes." : " Kan udelades."}`, 255);
}

function validering(f: FeltDefinition, r: Regelsaet, adresse: string, obligatorisk: boolean): LayoutValidering | undefined {
  if (f.rolle !== "input") return undefined;
  return {
    adresse, tilladTom: true, promptTitel: kort(f.etiket, 32), fejlStil: "stop", fejlTitel: kort(`Ugyldig værdi: ${f.etiket}`, 32),
    ...REGEL[f.type](f, r), prompt: indtastningsHjaelp(f, r, obligatorisk),
  };
}

/** The value cell of a field or a Ydelser column: number format, colour, formula and lock from the field table. */
function vaerdiCelle(f: FeltDefinition, adresse: string, obligatorisk: boolean, formel: string | undefined): LayoutCelle {
  const celle: LayoutCelle = { adresse, laast: f.rolle !== "input", ramme: true, felt: f.navn as SkemaNavn, numFmt: f.talformat ?? NUMFMT[f.type] };
  // A begrundelse wraps in its cell (the row grows) instead of running under the help text and being cut.
  if (f.langTekst) celle.ombryd = true;
  if (f.rolle === "input") celle.fyld = obligatorisk ? FARVER.obligatorisk : FARVER.valgfri;
  else if (f.rolle === "beregnet") {
    celle.fyld = FARVER.beregnet;
    if (formel !== undefined) celle.formel = formel;
    celle.skrift = { fed: f.fed === true };
  } else celle.fyld = FARVER.system;
  return celle;
}

/** A Ydelser column's formula for row `i` (0-based): its placeholders become that row's cells. */
function raekkeFormel(formel: string, i: number): string {
  return formel.replace(/\{([a-z]+)\}/g, (hele, navn: string) => {
    const k = PLADSHOLDERE.get(navn);
    return k ? kolonneAdresse(k, i) : hele;
  });
}

/** Placeholder → Ydelser column, from the field table's `pladsholder`. */
const PLADSHOLDERE = new Map<string, KolonneNavn>(
  (YDELSE_KOLONNER as readonly KolonneDefinition[]).flatMap((k) => (k.pladsholder ? [[k.pladsholder, k.navn as KolonneNavn] as const] : [])),
);

/** The regnskabsskema's Ydelser help: one row per ydelse and takst period (domain-season B1). */
export const REGNSKAB_YDELSE_HJAELP = [
  "Én række pr. ydelse og takstperiode: ændredes taksten i årets løb, skrives ydelsen på to rækker med hver sin takst, gyldig-fra-dato og de faktiske belægningsdage i perioden. A1 = dage gange takst, summeret.",
  "Taksterne er de offentliggjorte takster for regnskabsåret (indberetningsservicen kontrollerer dem mod takstregistret). Regnskabstallene skrives under Omkostninger som i takstskemaet.",
] as const;

/** The value a fresh template holds in a field (felter.ts `startvaerdi`). */
function startVaerdi(f: FeltDefinition, r: Regelsaet, type: Skematype): string | number | undefined {
  switch (f.startvaerdi) {
    case "regelsaet": return r.id;
    case "takstaar": return r.takstaar;
    case "skematype": return type;
    default: return f.startvaerdi;
  }
}

/** Height of a row a skema type leaves empty (a budget field the regnskab has no place for). */
const TOM_RAEKKE = 3;

/**
 * The regnskab keeps the budget cells of the fields it shares, so the budget fields it leaves
 * out leave rows without content between its own: they are made low, not removed.
 */
function tommeRaekker(type: Skematype, celler: readonly LayoutCelle[]): Record<number, number> {
  const ud: Record<number, number> = {};
  if (type === "budget") return ud;
  const brugte = new Set(celler.map((c) => Number(c.adresse.replace(/^[A-Z]+/, ""))));
  const sidste = Math.max(...RAEKKER.values());
  for (let r = FOERSTE_FELT_RAEKKE; r <= sidste; r++) if (!brugte.has(r) && !brugte.has(r + 1)) ud[r] = TOM_RAEKKE;
  return ud;
}

/** The title, the line under it and the Ydelser help of a skema type. */
function titler(r: Regelsaet, type: Skematype): [string, string, readonly string[]] {
  return type === "regnskab"
    ? ["Regnskabsskema – efterregulering (Bilag 18)", `Regelsæt ${r.id}: ${r.navn}. Ét skema pr. tilbud. Beløb i hele kroner, regnskabstal for regnskabsåret.`, REGNSKAB_YDELSE_HJAELP]
    : ["Takstskema – standardskabelon", `Regelsæt ${r.id}: ${r.navn}. Ét skema pr. tilbud. Beløb i hele kroner, budget for takståret.`, YDELSE_HJAELP];
}

/** The sections a skema type shows: the regnskab leaves out those it has no field in and adds its own. */
function sektionerI(type: Skematype): readonly ((typeof SEKTIONER)[number] | typeof REGNSKAB_SEKTION)[] {
  if (type === "budget") return SEKTIONER;
  const { felter } = skemaDele(type);
  return [...SEKTIONER.filter((s) => s === "Ydelser" || felter.some((f) => f.sektion === s && !erRegnskabsfelt(f))), REGNSKAB_SEKTION];
}

/**
 * The template for one ruleset, as data. Field positions do not depend on the ruleset.
 * `type` "regnskab" gives the regnskabsskema (regnskabFelter.ts): the shared fields in their
 * budget cells, the regnskab's own after them; the budget skema is the default and unchanged.
 */
export function skabelonLayout(r: Regelsaet, type: Skematype = "budget"): SkabelonLayout {
  const { felter: skemaFelter, kolonner: skemaKolonner } = skemaDele(type);
  const celler: LayoutCelle[] = [];
  const flettede: string[] = [];
  const valideringer: LayoutValidering[] = [];
  const tekst = (adresse: string, vaerdi: string, ekstra: Partial<LayoutCelle> = {}) => celler.push({ adresse, vaerdi, laast: true, ...ekstra });

  const [overskrift1, undertitel, ydelseHjaelp] = titler(r, type);
  tekst("B1", overskrift1, { skrift: { fed: true, stoerrelse: 16 } });
  tekst("B2", undertitel, { skrift: { kursiv: true } });
  flettede.push(`B2:${SIDSTE_KOLONNE}2`);

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
  flettede.push(`B9:${SIDSTE_KOLONNE}9`);
  tekst("B10", "Procenter skrives som procent (96 % gemmes som 0,96). Kun gule og orange celler kan redigeres; arket er beskyttet uden adgangskode.", { ombryd: true });
  flettede.push(`B10:${SIDSTE_KOLONNE}10`);
  tekst("B12", "Felt", { skrift: { fed: true } });
  tekst("C12", "Skal/kan", { skrift: { fed: true } });
  tekst("D12", "Værdi", { skrift: { fed: true } });
  tekst("E12", "Enhed", { skrift: { fed: true } });
  tekst("F12", "Hjælp", { skrift: { fed: true } });

  for (const sektion of sektionerI(type)) {
    const raekke = sektionRaekke(sektion);
    for (const kol of KOLONNER) {
      celler.push({ adresse: `${kol}${raekke}`, vaerdi: kol === "B" ? sektion : "", fyld: FARVER.sektion, skrift: { fed: true, farve: FARVER.sektionTekst }, laast: true });
    }
  }

  const navne: SkabelonLayout["navne"] = [];
  for (const f of skemaFelter) {
    const navn = f.navn as FeltNavn;
    const adresse = adresseFor(navn);
    const raekke = adresse.slice(1);
    const obligatorisk = erObligatorisk(f, r);
    tekst(`B${raekke}`, f.etiket);
    tekst(`C${raekke}`, f.rolle === "input" ? (obligatorisk ? "skal" : "kan") : f.rolle === "beregnet" ? "beregnet" : "automatisk", { skrift: { kursiv: true, farve: FARVER.hjaelpTekst } });
    // A percent cell shows its own "%": the unit column would repeat it ("4.40% %").
    if (f.enhed && !(f.type === "procent" && f.enhed === "%")) tekst(`E${raekke}`, f.enhed);
    tekst(`F${raekke}`, f.hjaelp, { skrift: { farve: FARVER.hjaelpTekst, stoerrelse: 9 } });

    const celle = vaerdiCelle(f, adresse, obligatorisk, f.formel);
    const start = startVaerdi(f, r, type);
    if (start !== undefined) celle.vaerdi = start;
    celler.push(celle);
    navne.push({ navn, ref: `${ARKNAVN}!$${VAERDI_KOLONNE}$${raekke}` });
    const v = validering(f, r, adresse, obligatorisk);
    if (v) valideringer.push(v);
  }

  // ── The Ydelser table ─────────────────────────────────────────────────────
  const sektion = sektionRaekke("Ydelser");
  ydelseHjaelp.forEach((linje, i) => {
    tekst(`B${sektion + 1 + i}`, linje, { ombryd: true, skrift: { farve: FARVER.hjaelpTekst, stoerrelse: 9 } });
    flettede.push(`B${sektion + 1 + i}:${SIDSTE_KOLONNE}${sektion + 1 + i}`);
  });
  const overskrift = YDELSE_FOERSTE_RAEKKE - 1;
  tekst(`C${overskrift}`, "Skal/kan", { skrift: { fed: true } });
  for (const k of skemaKolonner) {
    tekst(`${k.kolonne}${overskrift}`, k.enhed ? `${k.etiket} (${k.enhed})` : k.etiket, { skrift: { fed: true }, ombryd: true });
  }
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const raekke = YDELSE_FOERSTE_RAEKKE + i;
    tekst(`C${raekke}`, i === 0 ? "skal" : "kan", { skrift: { kursiv: true, farve: FARVER.hjaelpTekst } });
    for (const k of skemaKolonner) {
      const navn = k.navn as KolonneNavn;
      const adresse = kolonneAdresse(navn, i);
      // The first row is the mandatory ydelse: its name, pladser and belægning are yellow.
      const obligatorisk = i === 0 && k.obligatorisk;
      const celle = { ...vaerdiCelle(k, adresse, obligatorisk, k.formel === undefined ? undefined : raekkeFormel(k.formel, i)), raekke: i };
      const v = validering(k, r, adresse, obligatorisk);
      if (v) valideringer.push(v);
      celler.push(celle);
    }
  }
  for (const k of skemaKolonner) {
    const [fra, til] = kolonneOmraade(k.navn as KolonneNavn).split(":");
    navne.push({ navn: k.navn as KolonneNavn, ref: `${ARKNAVN}!$${fra!.replace(/(\d+)/, "$$$1")}:$${til!.replace(/(\d+)/, "$$$1")}` });
  }

  // Every wrapped text line of column B (the legend's notes, the Ydelser help) spans the merged
  // width and takes two lines.
  const raekkeHoejder: Record<number, number> = tommeRaekker(type, celler);
  for (const c of celler) if (c.ombryd && c.adresse.startsWith("B")) raekkeHoejder[Number(c.adresse.slice(1))] = TO_LINJER;

  return {
    arknavn: ARKNAVN,
    regelsaet: r.id,
    kolonner: [
      { kolonne: "A", bredde: 2 },
      { kolonne: "B", bredde: 36 },
      { kolonne: "C", bredde: 10 },
      { kolonne: "D", bredde: 18 },
      { kolonne: "E", bredde: 12 },
      { kolonne: "F", bredde: 12 },
      { kolonne: "G", bredde: 16 },
      { kolonne: "H", bredde: 14 },
      { kolonne: "I", bredde: 14 },
      { kolonne: "J", bredde: 14 },
      { kolonne: "K", bredde: 15 },
    ],
    celler,
    flettede,
    navne,
    valideringer,
    beskyttelse: { aktiv: true, adgangskode: "" },
    legende: { fra: "B4", til: `${SIDSTE_KOLONNE}10` },
    raekkeHoejder,
  };
}
