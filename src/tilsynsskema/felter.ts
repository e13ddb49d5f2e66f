import type { ParameterNavn } from "../regelsaet";
import type { FeltType } from "../takstskema";

/**
 * The one field table of the tilsynsskema (product.md §5.5, domain-season.md §B6): the
 * socialtilsyn's budget year. The layout, the validator and the JSON body are derived from it.
 * Formulas are native (English, comma syntax, defined names), so the sheet computes without
 * the add-in; `{r}` in a table column's formula is that row's number.
 */

export const ST_SEKTIONER = ["Stamdata", "Behov", "Tilbudsområdet", "Plejefamilieområdet", "BPA", "Udvikling"] as const;
export type StSektion = (typeof ST_SEKTIONER)[number];

export interface StFelt {
  readonly navn: `ST_${string}`;
  readonly etiket: string;
  readonly hjaelp: string;
  readonly type: FeltType;
  readonly obligatorisk: boolean;
  readonly sektion: StSektion;
  readonly beregnet: boolean;
  readonly enhed?: string;
  readonly formel?: string;
  readonly valg?: readonly string[];
  readonly interval?: { readonly min: number; readonly max: number };
  /** The ruleset parameter the template fills the cell with. */
  readonly parameter?: ParameterNavn;
  /** The value a fresh template holds where the ruleset does not give `parameter`. */
  readonly standard?: string;
  /** A fresh template holds the ruleset's id or its takstår (the budget year). */
  readonly startvaerdi?: "regelsaet" | "takstaar";
}

const ind = (navn: `ST_${string}`, sektion: StSektion, type: FeltType, obligatorisk: boolean, etiket: string, hjaelp: string, ekstra: Partial<StFelt> = {}): StFelt => ({
  navn, sektion, type, obligatorisk, etiket, hjaelp, beregnet: false, ...ekstra,
});
const ber = (navn: `ST_${string}`, sektion: StSektion, type: FeltType, etiket: string, hjaelp: string, formel: string, ekstra: Partial<StFelt> = {}): StFelt => ({
  navn, sektion, type, obligatorisk: false, etiket, hjaelp, beregnet: true, formel, ...ekstra,
});

export const ST_FELTER: readonly StFelt[] = [
  ind("ST_Socialtilsyn", "Stamdata", "tekst", true, "Socialtilsyn", "Fx Socialtilsyn Syd."),
  ind("ST_Budgetaar", "Stamdata", "heltal", true, "Budgetår", "Året taksterne og den objektive finansiering gælder for.", { interval: { min: 2014, max: 2100 }, startvaerdi: "takstaar" }),
  ind("ST_Regelsaet", "Stamdata", "tekst", true, "Regelsæt", "Socialtilsynets regelsæt, fx TILSYN-SYD-2018 (vægte, skærpet andel, nøgledato, afrunding).", { startvaerdi: "regelsaet" }),

  ind("ST_BehovFoerEffektivisering", "Behov", "beloeb", true, "Finansieringsbehov før effektivisering", "Fra den fælles tidsmodel: antal tilbud og plejefamilier × tidsforbrug (004:13-39). Syd 2018: 52,9 mio. (004:101-122).", { enhed: "kr." }),
  ind("ST_EffektiviseringPct", "Behov", "procent", true, "Effektivisering", "Som brøk: 1 % skrives 0,01 (Syd 2018: 1 %, 004:109).", { interval: { min: 0, max: 0.5 } }),
  ind("ST_ResultatAarMinus2", "Behov", "beloeb", false, "Resultat år −2", "Overskud (+) eller underskud (−) fra regnskabet to år før budgetåret.", { enhed: "kr." }),
  ind("ST_ResultatAndelIndregnet", "Behov", "procent", false, "Andel af resultatet indregnet", "Den del af resultatet, der indregnes i budgettet: Nord 2024 halvdelen, 0,5 (002:146-149); Syd 2018 0 (004:76-81). Tom giver en advarsel (ST004).", { interval: { min: 0, max: 1 } }),
  ber("ST_Behov", "Behov", "beloeb", "Finansieringsbehov", "Før × (1 − effektivisering) − resultat × andel, hele kroner.", "ROUND(ST_BehovFoerEffektivisering*(1-ST_EffektiviseringPct)-ST_ResultatAarMinus2*ST_ResultatAndelIndregnet,0)", { enhed: "kr." }),
  ind("ST_BehovPlejefamilier", "Behov", "beloeb", true, "Heraf plejefamilieområdet", "Finansieres som objektiv finansiering efter kommunernes andel af 0-17-årige (004:131-144). Plejefamilier + tilbud skal give behovet (ST001).", { enhed: "kr." }),
  ind("ST_BehovTilbud", "Behov", "beloeb", true, "Heraf tilbudsområdet", "Finansieres af tilsynstakster, nygodkendelser, væsentlige ændringer og skærpet tilsyn (004:131-164).", { enhed: "kr." }),

  ind("ST_SkoennedeSaerligeIndtaegter", "Tilbudsområdet", "beloeb", true, "Skønnede særlige indtægter", "Nygodkendelser, væsentlige ændringer, skærpet og særligt ressourcekrævende tilsyn, BPA; Syd 2018 ca. 2 mio. (004:149-155).", { enhed: "kr." }),
  ber("ST_Grundtakstbehov", "Tilbudsområdet", "beloeb", "Finansieres af grundtakster", "Tilbudsområdet − særlige indtægter (Syd 2018: 22,8 mio., 004:162).", "ST_BehovTilbud-ST_SkoennedeSaerligeIndtaegter", { enhed: "kr." }),
  ind("ST_SkaerpetAndel", "Tilbudsområdet", "procent", true, "Skærpet tilsyn, andel af årstaksten", "0,1 pr. måned fra 2018, 0,25 pr. kvartal før (004:233-237). Fra regelsættet.", { parameter: "skaerpetAndel", interval: { min: 0.01, max: 1 } }),
  ind("ST_NygodkendelseBasis", "Tilbudsområdet", "beloeb", false, "Nygodkendelse, basis for kategori 1", "Nygodkendelse og væsentlig ændring har hver deres basis og samme vægte (003:1036-1042).", { enhed: "kr." }),
  ind("ST_VaesentligAendringBasis", "Tilbudsområdet", "beloeb", false, "Væsentlig ændring, basis for kategori 1", "Takst pr. kategori = basis × vægt, hele kroner.", { enhed: "kr." }),

  ind("ST_Plejefamilier", "Plejefamilieområdet", "heltal", true, "Plejefamilier", "Antal godkendte plejefamilier (Syd 2018: 1.539, 004:68).", { interval: { min: 0, max: 100000 } }),
  ind("ST_Nygodkendelser", "Plejefamilieområdet", "heltal", false, "Nygodkendelser af plejefamilier", "Nord lægger dem til plejefamilierne i divisoren (002:221-223, 410-413); Syd gør ikke (004:325-326).", { interval: { min: 0, max: 100000 } }),
  ber("ST_OFPrPlejefamilie", "Plejefamilieområdet", "beloeb", "Objektiv finansiering pr. plejefamilie", "Plejefamilieområdet / (plejefamilier + nygodkendelser), afkortet som offentliggjort (17.933, 004:325-326).", "IF(ST_Plejefamilier+ST_Nygodkendelser>0,TRUNC(ST_BehovPlejefamilier/(ST_Plejefamilier+ST_Nygodkendelser)),\"\")", { enhed: "kr." }),
  ind("ST_OFAfrunding", "Plejefamilieområdet", "valg", true, "Afrunding af kommunernes beløb", "HVER: hver kommune afrundet for sig, som Nord 2024 (002:386-408); REST: største rest, summen giver præcis behovet.", { valg: ["HVER", "REST"], parameter: "ofAfrunding", standard: "REST" }),
  ind("ST_NoegleDato", "Plejefamilieområdet", "tekst", true, "Opgørelse af 0-17-årige", "Hvornår de 0-17-årige er talt: Syd \"Danmarks Statistik februar 2017\" (004:247-251), Nord 2. kvartal året før (002:349-355).", { parameter: "ofNoegleDato" }),

  ind("ST_Timepris", "BPA", "beloeb", false, "Timepris", "Nord 2024: 672 kr. (002:466).", { enhed: "kr." }),
  ind("ST_BPATimer", "BPA", "tal", false, "Timer pr. tilsyn med en BPA-virksomhed", "Nord 2024: 13 timer (002:474-476).", { interval: { min: 0, max: 10000 } }),
  ber("ST_BPATakst", "BPA", "beloeb", "Tilsyn med en BPA-virksomhed", "Timer × timepris, hele kroner (8.736, 002:472-476).", "IF(ST_Timepris*ST_BPATimer>0,ROUND(ST_Timepris*ST_BPATimer,0),\"\")", { enhed: "kr." }),
];

export type StNavn = (typeof ST_FELTER)[number]["navn"];

/** A column of one of the sheet's tables; `formel` uses {r} for its row. */
export interface StKolonne {
  readonly navn: `ST_${string}`;
  readonly kolonne: string;
  readonly overskrift: string;
  readonly type: FeltType;
  readonly beregnet: boolean;
  readonly formel?: string;
  /** A helper column of the sheet's own arithmetic: no defined name, grey, narrow. */
  readonly hjaelper?: boolean;
  /**
   * A column the ruleset fills (the weights): locked and grey, without data validation; the
   * template holds the parameter's values, or `standard` where the ruleset has none.
   */
  readonly fraRegelsaet?: { readonly parameter: "tilsynVaegte"; readonly standard: readonly number[] };
}

/** The four size categories (004:157-183): weights from the ruleset, counts, and the takster. */
export const KATEGORIER = ["1-7 pladser", "8-24 pladser", "25-49 pladser", "50+ pladser"] as const;
const BASIS = "ST_Grundtakstbehov/SUMPRODUCT(ST_Antal,ST_Vaegte)";
/** The categories' weights where neither the skema nor the ruleset gives them: the common model's 1 : 1,2 : 2 : 3. */
export const STANDARD_VAEGTE: readonly number[] = [1, 1.2, 2, 3];

export const KATEGORI_KOLONNER: readonly StKolonne[] = [
  { navn: "ST_Vaegte", kolonne: "C", overskrift: "Vægt", type: "tal", beregnet: false, fraRegelsaet: { parameter: "tilsynVaegte", standard: STANDARD_VAEGTE } },
  { navn: "ST_Antal", kolonne: "D", overskrift: "Antal tilbud", type: "heltal", beregnet: false },
  { navn: "ST_Takster", kolonne: "E", overskrift: "Tilsynstakst", type: "beloeb", beregnet: true, formel: `ROUND(${BASIS}*C{r},0)` },
  { navn: "ST_Skaerpet", kolonne: "F", overskrift: "Skærpet tilsyn", type: "beloeb", beregnet: true, formel: `ROUND(${BASIS}*C{r}*ST_SkaerpetAndel,0)` },
  { navn: "ST_Nygodkendelse", kolonne: "G", overskrift: "Nygodkendelse", type: "beloeb", beregnet: true, formel: `IF(ST_NygodkendelseBasis>0,ROUND(ST_NygodkendelseBasis*C{r},0),"")` },
  { navn: "ST_VaesentligAendring", kolonne: "H", overskrift: "Væsentlig ændring", type: "beloeb", beregnet: true, formel: `IF(ST_VaesentligAendringBasis>0,ROUND(ST_VaesentligAendringBasis*C{r},0),"")` },
];

/** Rows of the key table: Syd has 22 kommuner (004:258-320), so room for more. */
export const NOEGLE_RAEKKER = 30;
/**
 * OF per kommune. HVER: each row rounded. REST: largest remainder in whole-number arithmetic
 * (the share's whole part and its remainder modulo the total key), so every spreadsheet gives
 * the engine's figures exactly; ties go to the first row as in SOC.OBJFIN. Excel's MOD refuses
 * a quotient of 2^27 or more: a kommune's share stays far below 134 mio. kr.
 */
const N = "SUM(ST_Noegle)";
export const NOEGLE_KOLONNER: readonly StKolonne[] = [
  { navn: "ST_Noegle_Kommune", kolonne: "B", overskrift: "Kommune", type: "tekst", beregnet: false },
  { navn: "ST_Noegle", kolonne: "C", overskrift: "0-17-årige", type: "heltal", beregnet: false },
  {
    navn: "ST_OF", kolonne: "D", overskrift: "Objektiv finansiering", type: "beloeb", beregnet: true,
    formel: `IF(C{r}="","",IF(ST_OFAfrunding="HVER",ROUND(ST_BehovPlejefamilier*C{r}/${N},0),E{r}+IF(COUNTIF(ST_OF_Rest,">"&F{r})+COUNTIF(F{foer}:F{forrige},F{r})<ST_BehovPlejefamilier-SUM(ST_OF_Hel),1,0)))`,
  },
  { navn: "ST_OF_Hel", kolonne: "E", overskrift: "(heltal)", type: "beloeb", beregnet: true, hjaelper: true, formel: `IF(C{r}="",0,(ST_BehovPlejefamilier*C{r}-F{r})/${N})` },
  { navn: "ST_OF_Rest", kolonne: "F", overskrift: "(rest)", type: "tal", beregnet: true, hjaelper: true, formel: `IF(C{r}="",0,MOD(ST_BehovPlejefamilier*C{r},${N}))` },
];

/** The development table: last year's figures (input) against this year's, % with one decimal. */
export const UDVIKLING_RAEKKER = [
  { noegle: "Takster", etiket: "Tilsynstakst", kolonner: 4 },
  { noegle: "Skaerpet", etiket: "Skærpet tilsyn", kolonner: 4 },
  { noegle: "Nygodkendelse", etiket: "Nygodkendelse", kolonner: 4 },
  { noegle: "VaesentligAendring", etiket: "Væsentlig ændring", kolonner: 4 },
  { noegle: "OFIAlt", etiket: "Objektiv finansiering i alt", kolonner: 1 },
  { noegle: "OFPrPlejefamilie", etiket: "Objektiv finansiering pr. plejefamilie", kolonner: 1 },
] as const;
export type UdviklingNoegle = (typeof UDVIKLING_RAEKKER)[number]["noegle"];
/** Last year: C-F; recomputed %: G-J; the % the skema states: K. */
export const UDVIKLING_SIDSTE = ["C", "D", "E", "F"] as const;
export const UDVIKLING_PCT = ["G", "H", "I", "J"] as const;
export const UDVIKLING_ANGIVET = "K";
