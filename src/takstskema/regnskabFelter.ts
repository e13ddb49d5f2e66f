import { FELTER, type FeltDefinition, type FeltNavn, type KolonneDefinition, type KolonneNavn, YDELSE_KOLONNER } from "./felter";

/**
 * The regnskabsskema (product.md §2 "Regnskabsskema"; domain-season.md §B1): the same field
 * table and template with `TS_Skematype` = "regnskab". A field shared with the budget skema keeps
 * its cell (so `celleFor` is one map for both); the regnskab's own fields sit in a section after
 * the last budget section, so not one cell of the budget skema moves.
 */

export const SKEMATYPER = ["budget", "regnskab"] as const;
export type Skematype = (typeof SKEMATYPER)[number];

/** Where A1 comes from (TS_A1Kilde): the takster (the default, also when empty) or the accounts (intern afregning). */
export const A1_KILDER = ["takster", "regnskab"] as const;

/** The section of the regnskab's own fields, after every budget section. */
export const REGNSKAB_SEKTION = "Regnskab" as const;

const KR = { enhed: "kr." } as const;
const regnskabInput = <N extends `TS_${string}`>(navn: N, type: FeltDefinition["type"], obligatorisk: boolean, etiket: string, hjaelp: string, ekstra: Partial<FeltDefinition> = {}) =>
  ({ navn, type, obligatorisk, etiket, hjaelp, sektion: "Gruppering", beregnet: false, rolle: "input", ...ekstra }) as FeltDefinition & { navn: N };

/** The regnskab's own single fields (their section is REGNSKAB_SEKTION; `sektion` only types them). */
export const REGNSKAB_FELTER = [
  { ...regnskabInput("TS_Skematype", "valg", true, "Skematype", "Regnskab: skemaet er efterreguleringen af regnskabsåret (Bilag 18). Sættes af skabelonen.", { valg: SKEMATYPER, startvaerdi: "skematype" }), rolle: "system" as const },
  regnskabInput("TS_Regnskabsaar", "heltal", true, "Regnskabsår", "Det år regnskabet vedrører (år N); taksterne, overheadsatsen og rentesatsen er takstårets N.", {
    interval: { min: 2000, max: 2100 }, validering: { fejl: "Skriv regnskabsåret med fire cifre, fx 2025." }, startvaerdi: "takstaar",
  }),
  regnskabInput("TS_AktiveretDrift", "beloeb", false, "Aktiverede driftsudgifter (fratrækkes)", "Køb bogført i driften, men aktiveret: trækkes fra, så de ikke tæller to gange; årets afskrivning og forrentning af dem står i 8b og 8c (004:5333-5336).", KR),
  regnskabInput("TS_A6Pulje", "beloeb", false, "A6 heraf hensat i / taget fra puljen", "Overskud hensat i ledelsesområdets pulje (+) eller merforbrug dækket af puljen (-). Højst 5 % af årets budget kan hensættes (TS211).", KR),
  regnskabInput("TS_A6Overfoert", "beloeb", false, "A6 heraf overført til næste år", "Mer-/mindreforbrug overført til næste års budget: mindreforbrug +, merforbrug -.", KR),
  {
    ...regnskabInput("TS_ReguleringAarPlus2", "beloeb", false, "Regulering i takst år +2", "-A7: det beløb, budgetskemaet for år +2 får i linje 9. Negativ sænker taksten.", KR),
    beregnet: true, rolle: "beregnet" as const, // 0 - A7, not -A7: a spreadsheet's negation of 0 is -0, which a reader shows as "-0".
    formel: "IF(TS_A7=\"\",\"\",0-TS_A7)", fed: true,
  },
  // Last, so no cell above moves. TS_A1Regnskab is an addition to product.md §2: TS_A1 is a
  // formula cell, so the revenue from the accounts needs an input cell of its own to be read from.
  regnskabInput("TS_A1Kilde", "valg", false, "A1 opgøres efter", "Takster (standard; tomt = takster): A1 er faktiske belægningsdage gange taksterne. Regnskab: ved intern afregning tages A1 fra regnskabet (takstindtægten i A1 fra regnskabet nedenfor), og taksterne kontrolleres ikke mod takstregistret (004:5189-5232).", { valg: A1_KILDER }),
  regnskabInput("TS_A1Regnskab", "beloeb", false, "A1 fra regnskabet", "Takstindtægten i regnskabsåret som bogført, ved intern afregning. Bruges kun, når A1 opgøres efter regnskab.", KR),
] as const satisfies readonly FeltDefinition[];

export type RegnskabFeltNavn = (typeof REGNSKAB_FELTER)[number]["navn"];

/** The Ydelser table's own columns in the regnskab: one row per ydelse and takst period. */
export const REGNSKAB_KOLONNER = [
  { navn: "TS_Ydelser_GyldigFra", kolonne: "D", etiket: "Gyldig fra", type: "dato", obligatorisk: false, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Første dag taksten gjaldt, når den ændredes i årets løb (én række pr. periode). Tom: hele året." },
  { navn: "TS_Ydelser_FaktiskeDage", kolonne: "E", etiket: "Faktiske belægningsdage", type: "tal", obligatorisk: true, sektion: "Ydelser", beregnet: false, rolle: "input",
    hjaelp: "Faktisk belagte dage med denne takst i regnskabsåret.", talformat: "#,##0.0", interval: { min: 0, max: 1e9 },
    validering: { operator: "between", formler: [0, 1e9], fejl: "Skriv antallet af belagte dage som et tal på 0 eller derover." } },
] as const satisfies readonly KolonneDefinition[];

export type RegnskabKolonneNavn = (typeof REGNSKAB_KOLONNER)[number]["navn"];

/** A shared field in the regnskab: changed where the regnskab differs, null where it has no place. */
const AENDRINGER: Partial<Record<FeltNavn | KolonneNavn, Partial<FeltDefinition> | null>> = {
  TS_Takstaar: { beregnet: true, rolle: "beregnet", formel: "TS_Regnskabsaar", hjaelp: "Takståret er regnskabsåret: dets regelsæt, takster og satser gælder.", etiket: "Takstår (= regnskabsår)" },
  TS_Pladser: null, TS_Belaegning: null, TS_BelaegningAarMinus2: null, TS_BelaegningAarMinus1: null, TS_BelaegningBegrundelse: null, TS_Dage: null,
  TS_Borgerrettet: null, TS_Basisgrundlag: null, TS_PLPct: null, TS_UdviklingBegrundelse: null,
  // The pool's share goes into a budget's takster; a regnskab's category 9 is the one line charged.
  TS_ReguleringPulje: null,
  TS_AendringBegrundelse: null, TS_AendringArt: null, TS_AendringVedtaget: null, TS_AendringIkrafttraedelse: null,
  TS_Loen: { hjaelp: "Faktisk løn i regnskabsåret, som i takstskabelonen (kr.)." },
  TS_OverheadSats: { hjaelp: "Takstårets overheadsats (som i takstskemaet for år N), på det faktiske overheadgrundlag (domain-season B1). Skriv med %-tegn." },
  TS_OverheadGrundlag: {
    hjaelp: "De faktiske linjer som i takstskabelonen minus indtægter og aktiverede driftsudgifter.",
    formel: "TS_Loen+TS_Udvikling+TS_Administration+TS_Tjenestemandspension+TS_Ejendom+TS_Afskrivninger+TS_Forrentning+TS_Oevrige-TS_Indtaegter-TS_AktiveretDrift",
  },
  TS_Rentesats: { hjaelp: "Takstårets rentesats, den samme som ved beregningen af taksterne (004:5331). Skriv med %-tegn." },
  TS_Regulering: { hjaelp: "Reguleringslinjen (kategori 9) i takstskemaet for år N: den blev opkrævet gennem taksten og hører med i A2." },
  TS_Takstgrundlag: {
    etiket: "Faktisk afregningsgrundlag", hjaelp: "Summen af kategori 1-10 med regnskabstal (indtægter og aktiverede driftsudgifter fratrukket).",
    formel: "SUM(TS_Loen,TS_Udvikling,TS_Administration,TS_Tjenestemandspension,TS_Overhead,TS_Tilsyn,TS_Ejendom,TS_Afskrivninger,TS_Forrentning,TS_Regulering,TS_Oevrige)-TS_Indtaegter-TS_AktiveretDrift",
  },
  TS_Belaegningsdage: { etiket: "Faktiske belægningsdage i alt", hjaelp: "Summen af ydelsernes faktiske belægningsdage.", formel: "SUM(TS_Ydelser_FaktiskeDage)" },
  TS_A1: { beregnet: true, rolle: "beregnet", etiket: "A1 Samlet faktisk provenu",
    hjaelp: "Faktiske belægningsdage gange taksten i hver periode (Ydelser), hele kroner; ved intern afregning A1 fra regnskabet (se Regnskab).",
    formel: "IF(TS_A1Kilde=\"regnskab\",TS_A1Regnskab,ROUND(SUMPRODUCT(TS_Ydelser_FaktiskeDage,TS_Ydelser_Takst),0))" },
  TS_A2: { beregnet: true, rolle: "beregnet", hjaelp: "Takstskabelonen med regnskabstal: det faktiske afregningsgrundlag ovenfor.", formel: "TS_Takstgrundlag" },
  TS_A6: { beregnet: true, rolle: "beregnet", etiket: "A6 Genbevilget / hensat", hjaelp: "Hensat i puljen plus overført til næste år (se Regnskab).", formel: "TS_A6Pulje+TS_A6Overfoert" },
  TS_RegBudget: { etiket: "Omkostningsbudget for regnskabsåret", hjaelp: "Årets omkostningsbudget for den økonomiske enhed; 5 %-grænsen og puljens loft regnes af det." },
  TS_Ydelser_Pladser: null, TS_Ydelser_Belaegning: null, TS_Ydelser_Ressource: null, TS_Ydelser_SidsteAarsTakst: null,
  TS_Ydelser_Basistakst: null, TS_Ydelser_Servicetakst: null, TS_Ydelser_Takstudvikling: null,
  TS_Ydelser_Navn: { hjaelp: "Ydelsens navn; én række pr. ydelse og takstperiode (to rækker når taksten ændredes i årets løb)." },
  TS_Ydelser_Takst: {
    beregnet: false, rolle: "input", obligatorisk: true, formel: undefined, fed: false,
    hjaelp: "Den takst der gjaldt i perioden, som offentliggjort (indberetningsservicen udfylder den fra takstregistret).",
  },
};

function medAendring<T extends FeltDefinition>(f: T): T | null {
  const a = AENDRINGER[f.navn as FeltNavn];
  if (a === null) return null;
  return a === undefined ? f : ({ ...f, ...a } as T);
}

/** The budget skema's single fields as the regnskab has them, then the regnskab's own. */
export const REGNSKABSSKEMA_FELTER: readonly FeltDefinition[] = [
  ...(FELTER as readonly FeltDefinition[]).flatMap((f) => medAendring(f) ?? []),
  ...REGNSKAB_FELTER,
];

/** The regnskab's Ydelser columns, in sheet order. */
export const REGNSKABSSKEMA_KOLONNER: readonly KolonneDefinition[] = [
  ...(YDELSE_KOLONNER as readonly KolonneDefinition[]).flatMap((k) => medAendring(k) ?? []),
  ...REGNSKAB_KOLONNER,
].sort((a, b) => a.kolonne.localeCompare(b.kolonne));

/** The single fields and Ydelser columns of a skema type; the budget's are FELTER and YDELSE_KOLONNER unchanged. */
export function skemaDele(type: Skematype): { felter: readonly FeltDefinition[]; kolonner: readonly KolonneDefinition[] } {
  return type === "regnskab" ? { felter: REGNSKABSSKEMA_FELTER, kolonner: REGNSKABSSKEMA_KOLONNER } : { felter: FELTER, kolonner: YDELSE_KOLONNER };
}

/** "regnskab" for a record whose TS_Skematype says so (any case, spaces), else "budget" (the default). */
export function skematypeAf(input: Record<string, unknown>): Skematype {
  const t = Object.prototype.hasOwnProperty.call(input, "TS_Skematype") ? input.TS_Skematype : undefined;
  return typeof t === "string" && t.trim().toLocaleLowerCase("da-DK") === "regnskab" ? "regnskab" : "budget";
}
