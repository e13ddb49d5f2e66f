/**
 * The one field table of the takstskema (product.md §2). Everything else — the zod schema,
 * the layout of both template writers, the validator's cell references — is derived from it.
 *
 * Types:
 * - "tekst": free text; "valg": text from a list (`valg`); "email": an e-mail address
 * - "heltal": a whole number (takstår, dage)
 * - "tal": a decimal number (pladser: whole unless the ruleset allows fractional places)
 * - "beloeb": kroner
 * - "procent": a fraction (95 % = 0.95), shown with a percent format
 * - "dato": a calendar date, held as "YYYY-MM-DD" (an Excel date cell, an ISO or Danish date text)
 *
 * Roles: "input" cells are filled by the user (mandatory yellow, optional orange),
 * "beregnet" cells hold formulas (locked), "system" cells are written by the task pane.
 */

import type { ParameterNavn } from "../regelsaet";

export type FeltType = "tekst" | "valg" | "email" | "heltal" | "tal" | "beloeb" | "procent" | "dato";
export type FeltRolle = "input" | "beregnet" | "system";

export const SEKTIONER = [
  "Stamdata",
  "Kapacitet",
  "Ydelser",
  "Omkostninger",
  "Beregning",
  "Takstudvikling",
  "Efterregulering",
  "Indsendelse",
  // Last, so no cell of the templates in use moves (product.md §2 "Grouping and comparison").
  "Gruppering",
] as const;
export type Sektion = (typeof SEKTIONER)[number];

export interface FeltDefinition {
  readonly navn: `TS_${string}`;
  readonly etiket: string;
  readonly hjaelp: string;
  readonly type: FeltType;
  readonly obligatorisk: boolean;
  readonly sektion: Sektion;
  readonly beregnet: boolean;
  readonly rolle: FeltRolle;
  /** Allowed values for "valg" fields (shown as a drop-down list). */
  readonly valg?: readonly string[];
  /** Unit shown next to the cell. */
  readonly enhed?: string;
  /** Template formula for computed cells, as the user types it (English, comma syntax). */
  readonly formel?: string;
  /** True for names beyond product.md §2 (the §2 names are all required to exist). */
  readonly ekstra?: boolean;
  /**
   * An optional name added after templates were in use: a workbook without it predates it, so
   * the field is empty there (its standard cell held another field then), not a broken name.
   */
  readonly senere?: boolean;
  /** Plausible range of a number field; a value outside it is the wrong kind of value (TS002). */
  readonly interval?: { readonly min: number; readonly max: number };
  /**
   * Plausible range of a percentage field (TS015; fractions, 93 % = 0.93) and a typical value
   * inside it for the help text. A value outside is most often a percentage typed without its
   * sign (93 for 93 %): when value / 100 lies in [hintMin ?? min, max] that is suggested.
   */
  readonly plausibel?: { readonly min: number; readonly max: number; readonly hintMin?: number; readonly eksempel: number };
  /** The cell's number format where the type's default (layout.ts) does not fit. */
  readonly talformat?: string;
  /**
   * The ruleset parameter that caps a percentage (the data validation's maximum, narrowed from
   * `plausibel`); `iHjaelp` adds "Loft i <id>: x %" to the input message.
   */
  readonly loft?: { readonly parameter: "overheadLoft" | "renteLoft" | "maksBelaegning"; readonly iHjaelp: boolean };
  /**
   * The data validation where the type's default (layout.ts) does not fit: a whole or decimal
   * number, the operator and bounds (heltal: `interval` by default; tal: greater than 0) and the
   * error message.
   */
  readonly validering?: { readonly type?: "decimal" | "whole"; readonly operator?: "between" | "greaterThan"; readonly formler?: readonly number[]; readonly fejl: string };
  /** A "valg" field whose choices are the ruleset's (free text where the ruleset has none). */
  readonly valgFraRegelsaet?: "kategorier";
  /** Mandatory where the ruleset's parameter has this value (TS_Borgerrettet where the split is required). */
  readonly obligatoriskNaar?: { readonly parameter: "basisServiceOpdeling"; readonly vaerdi: string };
  /**
   * The input message where the ruleset gives the parameter: `{vaerdi}` is its value as a
   * percentage, `{id}` the ruleset's id.
   */
  readonly regelsaetHjaelp?: { readonly parameter: "tjenestemandspensionSats"; readonly tekst: string };
  /** The value a fresh template holds: a number, or the ruleset's id or takstår, or the skema type (regnskabFelter.ts). */
  readonly startvaerdi?: number | "regelsaet" | "takstaar" | "skematype";
  /** A computed cell shown in bold (the takst itself). */
  readonly fed?: boolean;
  /** A text that may run to several lines (a begrundelse): its cell wraps and its row grows (udskrift.ts). */
  readonly langTekst?: boolean;
  /** A Ydelser column's name in the other columns' row formulas ({pladser} is this row's pladser cell). */
  readonly pladsholder?: string;
}

/** Every ruleset parameter the field table names, for the check that they exist. */
export type FeltParameter = Extract<ParameterNavn, "overheadLoft" | "renteLoft" | "maksBelaegning" | "basisServiceOpdeling" | "tjenestemandspensionSats" | "kategorier">;

/** SYD-2018's category names (004:3628-3645, 4013-4014); the choices come from the ruleset's `kategorier`. */
export const KATEGORI_HOEJT_SPECIALISERET = "Højt specialiseret tilbud med regional betydning";
export const KATEGORI_KLYNGETILBUD = "Klyngetilbud";

/** The kinds of in-year change (product.md §2, TS_AendringArt; Bilag 11's headings, 004:4017-4146). */
export const AENDRING_ARTER = ["takstforhoejelse", "takstreduktion", "teknisk_fejl", "pladser", "lukning"] as const;
export type AendringArt = (typeof AENDRING_ARTER)[number];

const input = <N extends `TS_${string}`, T extends FeltType>(
  navn: N,
  sektion: Sektion,
  type: T,
  obligatorisk: boolean,
  etiket: string,
  hjaelp: string,
  ekstra: Partial<Omit<FeltDefinition, "navn">> = {},
): FeltDefinition & { navn: N; type: T } => ({ etiket, hjaelp, obligatorisk, sektion, beregnet: false, rolle: "input", ...ekstra, navn, type });

const beregnet = <N extends `TS_${string}`, T extends FeltType>(
  navn: N,
  sektion: Sektion,
  type: T,
  etiket: string,
  hjaelp: string,
  formel: string,
  ekstra: Partial<Omit<FeltDefinition, "navn">> = {},
): FeltDefinition & { navn: N; type: T } => ({ etiket, hjaelp, obligatorisk: false, sektion, beregnet: true, rolle: "beregnet", formel, ...ekstra, navn, type });

const KR = { enhed: "kr." } as const;

/**
 * The largest amount (kr., either sign) a beløb field takes: the template's data validation and
 * the validator's TS002 alike. No tilbud's budget comes near; 1e308 in TS_Loen is a typo or an
 * attack, and would carry takster of 1e304 kr. into the register.
 */
export const BELOEB_GRAENSE = 1e12;

/**
 * The highest plausible takst per belægningsdag (TS032): the product's convention, far above
 * the seeds' highest døgntakster (a few thousand kr.); above it the figures are wrong.
 */
export const TAKST_MAKS = 1_000_000;

/** The socialtilsyn's 10 target groups (003:1114-1183), the choices of TS_Maalgruppekategori. */
export const MAALGRUPPEKATEGORIER = [
  "Autisme", "Forsorgshjem", "Krisecentre", "Misbrug", "Erhvervet hjerneskade", "Socialpsykiatri",
  "Udsatte børn og unge", "Udviklingshæmmede", "Aflastning", "Sikrede institutioner",
] as const;
export const JA_NEJ = ["ja", "nej"] as const;

/** TS_SaerligOpmaerksomhed as the analyses read it: only "ja" leaves a tilbud out (blank is nej). */
export function erSaerligOpmaerksomhed(v: unknown): boolean {
  return typeof v === "string" && v.trim().toLocaleLowerCase("da-DK") === "ja";
}

export const FELTER = [
  // ── Stamdata ──────────────────────────────────────────────────────────────
  input("TS_Regelsaet", "Stamdata", "tekst", true, "Regelsæt", "Regelsættet (region og år), fx SYD-2018. Bestemmer lofter, frister og hvilke kontroller der gælder.", { startvaerdi: "regelsaet" }),
  input("TS_Takstaar", "Stamdata", "heltal", true, "Takstår", "Det år taksten gælder for, fx 2018.", {
    interval: { min: 2000, max: 2100 }, validering: { fejl: "Skriv takståret med fire cifre, fx 2018." }, startvaerdi: "takstaar",
  }),
  input("TS_Driftsherre", "Stamdata", "tekst", true, "Driftsherre", "Kommunen eller regionen der driver tilbuddet, fx Odense Kommune."),
  input("TS_Tilbud", "Stamdata", "tekst", true, "Tilbud", "Tilbuddets navn som på Tilbudsportalen."),
  input("TS_TilbudsportalID", "Stamdata", "tekst", false, "Tilbudsportal-ID", "Tilbuddets ID på Tilbudsportalen (kan udelades for nye tilbud)."),
  input("TS_Lovgrundlag", "Stamdata", "tekst", true, "Lovgrundlag", "Paragraf i serviceloven, fx SEL § 108."),
  input("TS_Maalgruppe", "Stamdata", "tekst", false, "Målgruppe", "Tilbuddets målgruppe, fx voksne med udviklingshæmning."),
  // No fixed list: the choices are the ruleset's `kategorier` (free text where it has none).
  input("TS_Kategori", "Stamdata", "valg", false, "Kategori", "Tilbuddets kategori i rammeaftalen, som regelsættet angiver dem. Syddanmark: højt specialiserede tilbud med regional betydning har en takst på 2.000 kr. eller derover, klyngetilbud en takst under 2.000 kr.", { valgFraRegelsaet: "kategorier" }),
  input("TS_Kontaktperson", "Stamdata", "tekst", true, "Kontaktperson", "Navn på den der kan svare på spørgsmål til skemaet."),
  input("TS_Email", "Stamdata", "email", true, "E-mail", "Kontaktpersonens e-mailadresse."),
  // For the printed archive copy (product.md §2): who prepared and who approved, and when.
  input("TS_UdarbejdetAf", "Stamdata", "tekst", false, "Udarbejdet af", "Navn og afdeling på den der har udarbejdet skemaet, fx Jens Hansen, Økonomi og Styring."),
  input("TS_GodkendtAf", "Stamdata", "tekst", false, "Godkendt af", "Navn og titel på den leder der har godkendt taksten, fx Anne Jensen, afdelingschef."),
  input("TS_Dato", "Stamdata", "tekst", false, "Dato", "Dato for godkendelsen, fx 15-11-2017. Står på udskriften med Udarbejdet af og Godkendt af."),
  // ── Kapacitet ─────────────────────────────────────────────────────────────
  beregnet("TS_Pladser", "Kapacitet", "tal", "Pladser i alt", "Summen af ydelsernes pladser (se Ydelser).", "SUM(TS_Ydelser_Pladser)"),
  beregnet("TS_Belaegning", "Kapacitet", "procent", "Budgetteret belægning i alt", "Ydelsernes belægningsdage i alt divideret med pladser i alt gange dage.",
    "IF(TS_Pladser>0,TS_Belaegningsdage/(TS_Pladser*TS_Dage),\"\")"),
  input("TS_BelaegningAarMinus2", "Kapacitet", "procent", false, "Faktisk belægning år -2", "Faktisk belægningsprocent for to år før takståret, fx 95 % med %-tegn (kan være over 100 %).", { plausibel: { min: 0, max: 1.5, hintMin: 0.2, eksempel: 0.95 } }),
  input("TS_BelaegningAarMinus1", "Kapacitet", "procent", false, "Forventet belægning år -1", "Faktisk eller forventet belægningsprocent for året før takståret, fx 95 % med %-tegn.", { plausibel: { min: 0, max: 1.5, hintMin: 0.2, eksempel: 0.95 } }),
  input("TS_BelaegningBegrundelse", "Kapacitet", "tekst", false, "Begrundelse for belægning", "Skal udfyldes når belægningen afviger mere end 5 procentpoint fra gennemsnittet af de to foregående år.", { langTekst: true }),
  input("TS_Dage", "Kapacitet", "heltal", true, "Dage pr. år", "Dage i takståret: 365 for døgn- og dagtakster. Kostskoler regner med 11 måneder (1. august-30. juni, juli fri): 334 dage, 335 når februar har 29 dage.", {
    interval: { min: 1, max: 366 }, validering: { fejl: "Skriv et helt antal dage mellem 1 og 366." }, startvaerdi: 365,
  }),
  // Only units priced per belægningsdag: the skema divides by pladser × dage × belægning, which
  // is not the denominator of a takst per time or måned (product.md §3, 2026-12).
  input("TS_Takstenhed", "Kapacitet", "valg", true, "Takstenhed", "Hvad taksten er pr.: døgn, dag eller ydelsespakke (pr. belægningsdag). Skemaet regner pr. belægningsdag; en takst pr. time eller måned beregnes ikke her.", {
    valg: ["døgn", "dag", "ydelsespakke"],
  }),
  // ── Omkostninger ──────────────────────────────────────────────────────────
  input("TS_Loen", "Omkostninger", "beloeb", true, "1. Løn", "Budgetteret løn der kan henføres til tilbuddet (kr. i takstårets budget). Beboerbetaling, indtægtsdækket virksomhed og befordring indgår ikke i taksten.", KR),
  input("TS_Udvikling", "Omkostninger", "beloeb", false, "2. Udvikling", "Uddannelse og kompetenceudvikling af personalet, inkl. udviklingspulje.", KR),
  input("TS_Administration", "Omkostninger", "beloeb", false, "3. Administration", "Lokal ledelse, kontorpersonale, kontorhold og IT. Andelen af centrale IT-systemer hører under overhead, ikke her.", KR),
  input("TS_Indtaegter", "Omkostninger", "beloeb", false, "4. Indtægter (fratrækkes)", "Indtægter fx salg af ydelser. Skrives som positivt beløb; de trækkes fra. Beboerbetaling (§§ 107-108) opkræves særskilt og hører ikke med.", KR),
  input("TS_Tjenestemandspension", "Omkostninger", "beloeb", false, "5. Tjenestemandspension", "Hensættelse til uforsikrede tjenestemandspensioner (regelsættets procent af pensionsgivende løn) plus eventuel forsikringspræmie for forsikrede tjenestemænd.", {
    ...KR, regelsaetHjaelp: { parameter: "tjenestemandspensionSats", tekst: "Uforsikrede: {vaerdi} af pensionsgivende løn ({id}). Forsikrede: præmien, som kan lægges oven i og ikke kontrolleres." },
  }),
  input("TS_PensionsgivendeLoen", "Omkostninger", "beloeb", false, "Pensionsgivende løn", "Pensionsgivende løn for uforsikrede tjenestemænd; bruges til at kontrollere hensættelsen i linje 5 (forsikringspræmier kontrolleres ikke).", { ...KR, ekstra: true }),
  input("TS_TjmDelingsaftaleKorrektion", "Omkostninger", "beloeb", false, "Heraf indregnet i delingsaftaler", "Hensættelse til uforsikrede tjenestemandspensioner, der allerede er indregnet i delingsaftalerne ved kommunalreformen (004:5108-5109). Linje 5 kontrolleres mod sats × pensionsgivende løn minus dette beløb.", { ...KR, senere: true }),
  input("TS_Borgerrettet", "Omkostninger", "beloeb", false, "Heraf borgerrettet (servicegrundlag)", "Den del af omkostningerne ovenfor, der er direkte borgerrettet: løn til plejepersonale og andet personale tæt på borgeren (000:1217-1226). Administration, ejendom og overhead hører til basistaksten. Tom: hele taksten er basistakst.", {
    ...KR, obligatoriskNaar: { parameter: "basisServiceOpdeling", vaerdi: "kraeves" },
  }),
  input("TS_OverheadSats", "Omkostninger", "procent", true, "Overheadsats", "Overheadprocent for central ledelse og administration inkl. andelen af centrale IT-systemer, højst regelsættets loft. Skriv med %-tegn.", {
    enhed: "%", plausibel: { min: 0, max: 0.25, eksempel: 0.044 }, talformat: "0.00%", loft: { parameter: "overheadLoft", iHjaelp: true },
  }),
  beregnet("TS_OverheadGrundlag", "Omkostninger", "beloeb", "Overheadgrundlag", "Løn, udvikling, administration, tjenestemandspension, ejendom, afskrivninger, forrentning og øvrige minus indtægter.",
    "TS_Loen+TS_Udvikling+TS_Administration+TS_Tjenestemandspension+TS_Ejendom+TS_Afskrivninger+TS_Forrentning+TS_Oevrige-TS_Indtaegter", KR),
  beregnet("TS_Overhead", "Omkostninger", "beloeb", "6. Overhead", "Overheadgrundlag gange overheadsats i hele kroner (regelsættets loft kontrolleres ved validering).",
    // Excel's ROUND rounds half away from zero, like the engine's SOC.OVERHEAD; the cap is the validator's.
    "ROUND(TS_OverheadGrundlag*TS_OverheadSats,0)", KR),
  input("TS_Tilsyn", "Omkostninger", "beloeb", false, "7. Tilsyn", "Faktisk udgift til socialtilsyn (tilsynstakst).", KR),
  input("TS_Ejendom", "Omkostninger", "beloeb", false, "8a. Ejendomsudgifter", "Vedligehold, forbrug der ikke betales af beboerne, ekstern husleje. Aldrig intern husleje.", KR),
  input("TS_Afskrivninger", "Omkostninger", "beloeb", false, "8b. Afskrivninger", "Afskrivning på bygninger (30 år) og aktiver over aktiveringsgrænsen.", KR),
  input("TS_Forrentning", "Omkostninger", "beloeb", false, "8c. Forrentning", "Forrentning af aktivernes værdi pr. 1. januar i takståret.", KR),
  input("TS_Rentesats", "Omkostninger", "procent", false, "Rentesats", "Rentesatsen brugt til forrentning, højst regelsættets renteloft. Skriv med %-tegn.", {
    enhed: "%", plausibel: { min: 0, max: 0.2, eksempel: 0.0147 }, talformat: "0.00%", loft: { parameter: "renteLoft", iHjaelp: true },
  }),
  input("TS_Regulering", "Omkostninger", "beloeb", false, "9. Regulering vedr. tidligere år", "Efterregulering fra år -2: regulering = -A7 (se Efterregulering). Negativ sænker taksten, positiv hæver den. Også et overskud kan give en positiv regulering, når der genbevilges mere end overskuddet (Bilag 18, eksempel 2).", KR),
  // Category 9 too, apart from TS_Regulering so TS040 keeps comparing that line with −A7 alone (product.md §2, §5.2).
  input("TS_ReguleringPulje", "Omkostninger", "beloeb", false, "9b. Regulering fra puljen", "Tilbuddets andel af hensatte overskud fra ledelsesområdets pulje, der er udløbet (ikke brugt inden for 5 år) eller ligger over puljens loft. Negativ sænker taksten. Hentes med Hent efterregulering.", { ...KR, senere: true }),
  input("TS_Oevrige", "Omkostninger", "beloeb", false, "10. Øvrige omkostninger", "Øvrige omkostninger (kun udgifter; indtægter skrives under 4. Indtægter).", KR),
  // ── Beregning ─────────────────────────────────────────────────────────────
  beregnet("TS_Takstgrundlag", "Beregning", "beloeb", "Takstgrundlag", "Summen af kategori 1-10 (indtægter fratrukket).",
    "SUM(TS_Loen,TS_Udvikling,TS_Administration,TS_Tjenestemandspension,TS_Overhead,TS_Tilsyn,TS_Ejendom,TS_Afskrivninger,TS_Forrentning,TS_Regulering,TS_ReguleringPulje,TS_Oevrige)-TS_Indtaegter", KR),
  beregnet("TS_Basisgrundlag", "Beregning", "beloeb", "Basisgrundlag", "Takstgrundlaget minus den borgerrettede del; deles ligeligt pr. belægningsdag (basistaksten).", "TS_Takstgrundlag-SUM(TS_Borgerrettet)", KR),
  beregnet("TS_Belaegningsdage", "Beregning", "tal", "Belægningsdage i alt", "Summen over ydelserne af pladser gange dage gange belægning.", "SUMPRODUCT(TS_Ydelser_Pladser,TS_Ydelser_Belaegning)*TS_Dage", { talformat: "#,##0.0" }),
  // ── Takstudvikling ────────────────────────────────────────────────────────
  input("TS_PLPct", "Takstudvikling", "procent", false, "PL-fremskrivning", "Pris- og lønfremskrivning fra sidste år til takståret, fx 2,0 % med %-tegn. Angiver regelsættet en PL, bruges dens; er ingen af dem angivet, beregnes ingen takstudvikling.", { enhed: "%", plausibel: { min: -0.05, max: 0.1, hintMin: 0.001, eksempel: 0.02 } }),
  input("TS_UdviklingBegrundelse", "Takstudvikling", "tekst", false, "Begrundelse for udvikling", "Skal udfyldes når den reelle takstudvikling for en ydelse (se Ydelser) er mere end ±5 %.", { langTekst: true }),
  // ── Efterregulering ───────────────────────────────────────────────────────
  input("TS_A1", "Efterregulering", "beloeb", false, "A1 Samlet faktisk provenu", "Takstindtægter i år -2 (belagte dage gange takst).", KR),
  input("TS_A2", "Efterregulering", "beloeb", false, "A2 Faktisk afregningsgrundlag", "Omkostningsbaseret regnskab for år -2 (takstskabelonen med regnskabstal).", KR),
  input("TS_A3", "Efterregulering", "beloeb", false, "A3 Overført mer-/mindreforbrug", "Overført fra året før: merforbrug +, mindreforbrug -.", KR),
  beregnet("TS_A4", "Efterregulering", "beloeb", "A4 Reguleret regnskab", "A2 + A3. Tom indtil A1 og A2 er udfyldt.", "IF(OR(TS_A1=\"\",TS_A2=\"\"),\"\",TS_A2+TS_A3)", { ...KR, ekstra: true }),
  beregnet("TS_A5", "Efterregulering", "beloeb", "A5 Over-/underskud", "A1 - A4. Positiv: der er opkrævet for meget.", "IF(TS_A4=\"\",\"\",TS_A1-TS_A4)", { ...KR, ekstra: true }),
  input("TS_A6", "Efterregulering", "beloeb", false, "A6 Genbevilget", "Mer-/mindreforbrug genbevilget til næste års budget: mindreforbrug +, merforbrug -. 5 %-reglen: et underskud op til 5 % af budgettet skal dækkes her; af et overskud må højst 5 % beholdes.", KR),
  beregnet("TS_A7", "Efterregulering", "beloeb", "A7 Til regulering i år +2", "A5 - A6. Positiv sænker taksten, negativ hæver den (regulering = -A7).", "IF(TS_A5=\"\",\"\",TS_A5-TS_A6)", { ...KR, ekstra: true }),
  input("TS_RegBudget", "Efterregulering", "beloeb", false, "Omkostningsbudget år -2", "Omkostningsbudgettet for den økonomiske enhed; 5 %-grænsen regnes af det.", KR),
  // ── Indsendelse ───────────────────────────────────────────────────────────
  {
    navn: "TS_Kvittering" as const, etiket: "Kvittering", hjaelp: "Udfyldes automatisk af tilføjelsesprogrammet efter indsendelse.",
    type: "tekst" as const, obligatorisk: false, sektion: "Indsendelse", beregnet: false, rolle: "system",
  },
  input("TS_AendringBegrundelse", "Indsendelse", "tekst", false, "Begrundelse for ændring i året",
    "Udfyldes kun når en allerede offentliggjort takst ændres i løbet af året: hvorfor den ændres. Indberetningsservicen modtager ikke en ny version efter offentliggørelsen uden en begrundelse.", { langTekst: true }),
  // ── In-year change (Bilag 11, 004:4003-4155; product.md §2): kept together as one block ──
  input("TS_AendringArt", "Indsendelse", "valg", false, "Art af ændring i året",
    "Kun ved ændring efter offentliggørelsen (Bilag 11). En takstforhøjelse gælder tidligst fra vedtagelsen; en takstreduktion eller teknisk fejl (i beregningen) kan gælde fra 1. januar.",
    { valg: AENDRING_ARTER, senere: true }),
  input("TS_AendringVedtaget", "Indsendelse", "dato", false, "Ændringen vedtaget", "Den dato driftsherren vedtog ændringen, fx 15-04-2027.", { senere: true }),
  input("TS_AendringIkrafttraedelse", "Indsendelse", "dato", false, "Ændringen gælder fra",
    "Den dato den nye takst gælder fra (ikrafttrædelse), fx 01-05-2027; den gamle takst gælder til dagen før. For et nyt tilbud efter offentliggørelsen: startdatoen.", { senere: true }),
  // ── Gruppering (product.md §2): what the overview filters on and the takst analyses group by ──
  input("TS_Ledelsesomraade", "Gruppering", "tekst", false, "Ledelsesområde", "Det center eller ledelsesområde tilbuddet hører under (004:3978-3979); 5 %-reglen og puljen opgøres på dette niveau. Tom: tilbuddet er sit eget.", { senere: true }),
  input("TS_Maalgruppekategori", "Gruppering", "valg", false, "Målgruppekategori", "Socialtilsynets målgruppe for tilbuddet (en af de 10 grupper, 003:1114-1183). Bruges til at filtrere og sammenligne tilbud.", { valg: MAALGRUPPEKATEGORIER, senere: true }),
  input("TS_SaerligOpmaerksomhed", "Gruppering", "valg", false, "Særlig opmærksomhed", "Ja, når tilbuddet er udpeget til særlig opmærksomhed (Bilag 19, 004:5565-5567): det indgår så ikke i takstanalyserne (belægnings- og udviklingskontrollen og takstudviklingsrapporten). Tom: nej.", { valg: JA_NEJ, senere: true }),
  input("TS_Aarsvaerk", "Gruppering", "tal", false, "Årsværk", "Tilbuddets personale omregnet til fuldtidsstillinger (årsværk), fx 23,5.", {
    senere: true, interval: { min: 0, max: 100_000 }, talformat: "#,##0.0#", validering: { fejl: "Skriv årsværk som et positivt tal, fx 23,5." },
  }),
] satisfies readonly FeltDefinition[];

export type FeltNavn = (typeof FELTER)[number]["navn"];

/**
 * The Ydelser table (product.md §2): one row per ydelse, 10 rows; each column is one
 * workbook-level name over a vertical range of those rows. A row with a name is a ydelse and
 * the first row is mandatory. `kolonne` is the sheet column (layout.ts places the rows).
 * Differentiate when the staff costs per citizen differ much (Bilag 14, 004:4264-4272).
 * Computed columns hold native per-row formulas (product.md §2: readable without the add-in),
 * the same whole kroner as the engine's SOC.TAKSTSTRUKTUR and SOC.TAKSTUDVIKLING; a row without
 * pladser is no ydelse and shows "". Placeholders are that row's cells: {pladser}, {ressource},
 * {basistakst}, {servicetakst}, {takst}, {sidste} (layout.ts fills them in).
 */
export const YDELSE_RAEKKER = 10;

const kolonne = <N extends `TS_Ydelser_${string}`, T extends FeltType>(def: FeltDefinition & { navn: N; type: T; kolonne: string }) => def;

export const YDELSE_KOLONNER = [
  kolonne({ navn: "TS_Ydelser_Navn", kolonne: "B", etiket: "Ydelse", type: "tekst", obligatorisk: true, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Ydelsens navn, fx længerevarende botilbud, gruppe A eller ydelsespakke 2. Én række pr. gruppe af borgere med et ensartet omfang af personaleressourcer." }),
  kolonne({ navn: "TS_Ydelser_Pladser", pladsholder: "pladser", kolonne: "D", etiket: "Pladser", type: "tal", obligatorisk: true, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Normerede pladser i ydelsen, et helt tal.", validering: { type: "whole", fejl: "Skriv antallet af pladser som et positivt helt tal, fx 24." } }),
  kolonne({ navn: "TS_Ydelser_Belaegning", kolonne: "E", etiket: "Belægning", type: "procent", obligatorisk: true, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Forventet belægningsprocent for ydelsen, over 0 % og højst 100 %. Skriv fx 96 % med %-tegn (gemmes som 0,96).", plausibel: { min: 0, max: 1, hintMin: 0.2, eksempel: 0.96 },
    loft: { parameter: "maksBelaegning", iHjaelp: false } }),
  kolonne({ navn: "TS_Ydelser_Ressource", pladsholder: "ressource", kolonne: "F", etiket: "Ressource", type: "tal", obligatorisk: false, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Relative personaleressourcer pr. borger, fx timer pr. uge; fordeler den borgerrettede del. Tom = 1 (samme for alle).", talformat: "0.0#",
    validering: { fejl: "Skriv ressourcen som et positivt tal, fx 12,5 timer pr. uge." } }),
  kolonne({ navn: "TS_Ydelser_SidsteAarsTakst", pladsholder: "sidste", kolonne: "G", etiket: "Sidste års takst", type: "beloeb", obligatorisk: false, sektion: "Ydelser", beregnet: false, rolle: "input", enhed: "kr.",
    hjaelp: "Ydelsens takst sidste år i sidste års priser (udelades for nye ydelser)." }),
  kolonne({ navn: "TS_Ydelser_Basistakst", pladsholder: "basistakst", kolonne: "H", etiket: "Basistakst", type: "beloeb", obligatorisk: false, sektion: "Ydelser", beregnet: true, rolle: "beregnet", enhed: "kr.",
    hjaelp: "Basisgrundlag divideret med belægningsdage i alt, ens for alle ydelser.",
    formel: "IF({pladser}=\"\",\"\",ROUND(TS_Basisgrundlag/TS_Belaegningsdage,0))" }),
  kolonne({ navn: "TS_Ydelser_Servicetakst", pladsholder: "servicetakst", kolonne: "I", etiket: "Servicetakst", type: "beloeb", obligatorisk: false, sektion: "Ydelser", beregnet: true, rolle: "beregnet", enhed: "kr.",
    hjaelp: "Den borgerrettede del fordelt efter belægningsdage gange ressource.",
    // Σ r_j × bd_j with a blank ressource counted as 1: blank + TRUE = 1, r + FALSE = r.
    formel: "IF({pladser}=\"\",\"\",ROUND(SUM(TS_Borgerrettet)*IF({ressource}=\"\",1,{ressource})/(SUMPRODUCT(TS_Ydelser_Pladser,TS_Ydelser_Belaegning,TS_Ydelser_Ressource+(TS_Ydelser_Ressource=\"\"))*TS_Dage),0))" }),
  kolonne({ navn: "TS_Ydelser_Takst", pladsholder: "takst", kolonne: "J", etiket: "Takst", type: "beloeb", obligatorisk: false, sektion: "Ydelser", beregnet: true, rolle: "beregnet", enhed: "kr.",
    hjaelp: "Basistakst plus servicetakst, hele kroner.", fed: true, formel: "IF({pladser}=\"\",\"\",{basistakst}+{servicetakst})" }),
  kolonne({ navn: "TS_Ydelser_Takstudvikling", kolonne: "K", etiket: "Takstudvikling", type: "procent", obligatorisk: false, sektion: "Ydelser", beregnet: true, rolle: "beregnet", enhed: "%",
    hjaelp: "Reel udvikling: ny takst mod sidste års takst fremskrevet med PL. Uden PL vises ingen udvikling.",
    // A blank PL is no figure, never 0 % (Excel reads a blank as 0 and would show the nominal change as real).
    formel: "IF(OR({takst}=\"\",{sidste}=\"\",TS_PLPct=\"\"),\"\",{takst}/({sidste}*(1+TS_PLPct))-1)" }),
] as const;

export type KolonneNavn = (typeof YDELSE_KOLONNER)[number]["navn"];
export type KolonneDefinition = FeltDefinition & { kolonne: string };
/** Every defined name of the skema: single fields and the Ydelser columns. */
export type SkemaNavn = FeltNavn | KolonneNavn;

const KOLONNE_MAP = new Map<string, KolonneDefinition>(YDELSE_KOLONNER.map((k) => [k.navn, k]));

export function ydelseKolonne(navn: string): KolonneDefinition | undefined {
  return KOLONNE_MAP.get(navn);
}

export const FELT_NAVNE: readonly FeltNavn[] = FELTER.map((f) => f.navn);

const FELT_MAP = new Map<string, FeltDefinition>(FELTER.map((f) => [f.navn, f]));

/** The definition of a field or a Ydelser column. */
export function felt(navn: string): FeltDefinition | undefined {
  return FELT_MAP.get(navn) ?? KOLONNE_MAP.get(navn);
}
