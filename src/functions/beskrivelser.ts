import { HAENDELSER } from "../engine/betalingsperiode";

/**
 * The one source of the SOC functions' metadata: ids, parameters, Danish and English texts.
 * functions.json (English) and functions-da.json (Danish) are generated from this table at
 * build time (see metadata.ts and webpack.config.js), and the adapters' error messages take
 * the Danish parameter names and allowed ranges from here.
 */

/** How a value is shown in a Danish message: `brok` as a percentage (0,95 → 95 %), `dato` as 14.01.2018. */
export type Enhed = "kr" | "brok" | "antal" | "aar" | "dato" | "tekst";

export interface Tekst {
  navn: string;
  beskrivelse: string;
}

export interface ParameterBeskrivelse {
  /** Danish parameter name (also the name in functions-da.json and in messages). */
  da: Tekst;
  en: Tekst;
  /** Excel metadata type; numbers are "any" so text and booleans reach the adapter and get a Danish message. */
  type: "any" | "number" | "string";
  dimensionality: "scalar" | "matrix";
  optional?: true;
  enhed: Enhed;
  /** The allowed range in Danish, used when the value is of the wrong kind (text, blank, ...). */
  tilladt: string;
  /** The engine's name for the argument when it differs (EngineError.detail.argument). */
  motorNavn?: string;
}

export interface FunktionBeskrivelse {
  id: string;
  /** Export name in functions.ts (product.md §1). */
  eksport: string;
  da: { beskrivelse: string };
  en: { beskrivelse: string };
  resultat: { type: "number" | "any"; dimensionality: "scalar" | "matrix" };
  parametre: ParameterBeskrivelse[];
  /** One worked example for the Danish reference (README.md), Danish Excel syntax. */
  eksempel: { formel: string; resultat: string };
}

const p = (
  da: [string, string],
  en: [string, string],
  enhed: Enhed,
  tilladt: string,
  ekstra: Partial<Pick<ParameterBeskrivelse, "type" | "dimensionality" | "optional" | "motorNavn">> = {},
): ParameterBeskrivelse => ({
  da: { navn: da[0], beskrivelse: da[1] },
  en: { navn: en[0], beskrivelse: en[1] },
  type: ekstra.type ?? (enhed === "tekst" ? "string" : "any"),
  dimensionality: ekstra.dimensionality ?? "scalar",
  ...(ekstra.optional ? { optional: true as const } : {}),
  enhed,
  tilladt,
  ...(ekstra.motorNavn ? { motorNavn: ekstra.motorNavn } : {}),
});

const valgfri = { optional: true } as const;
const matrix = { dimensionality: "matrix" } as const;
const KR = "et endeligt beløb i kr.";
const REGELSAET = p(
  ["regelsaet", "Regelsættets id, fx SYD-2018 (valgfrit)."],
  ["ruleset", "Ruleset id, e.g. SYD-2018 (optional)."],
  "tekst",
  "et kendt regelsæts id, fx SYD-2018, eller tom",
  valgfri,
);

/** Bilag 17's limit, 5 % of the budget (004:4691-4716), in EFTERREG and the closure functions. */
const GRAENSE = p(["graense", "Grænsen som brøk (standard 0,05 = 5 %)."], ["threshold", "Threshold as a fraction (default 0.05 = 5 %)."], "brok", "fra 0 % til 100 %", valgfri);
const SAMLETBUDGET = p(["samletbudget", "Den økonomiske enheds samlede omkostningsbudget."], ["totalBudget", "The economic unit's total cost budget."], "kr", "et beløb større end 0 kr.", { motorNavn: "samletBudget" });

export const FUNKTIONER: readonly FunktionBeskrivelse[] = [
  {
    id: "TAKST",
    eksport: "takst",
    da: { beskrivelse: "Takst = takstgrundlag / (pladser × dage × belægning), afrundet (halvt væk fra nul)." },
    en: { beskrivelse: "Rate = rate basis / (places × days × occupancy), rounded half away from zero." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["takstgrundlag", "Takstgrundlaget i kr. (de samlede omkostninger)."], ["rateBasis", "The rate basis in DKK (total cost)."], "kr", KR),
      p(["pladser", "Antal pladser."], ["places", "Number of places."], "antal", "et tal større end 0"),
      p(["belaegning", "Belægningsprocent som brøk: 95 % skrives 0,95."], ["occupancy", "Occupancy as a fraction: 95 % is 0.95."], "brok", "over 0 % og højst 100 % (95 % skrives 0,95)"),
      p(["dage", "Dage i takståret (standard 365)."], ["days", "Days in the rate year (default 365)."], "antal", "over 0 og højst 366", valgfri),
      p(["decimaler", "Antal decimaler i taksten (standard 0)."], ["decimals", "Decimal places of the rate (default 0)."], "antal", "et helt tal fra 0 til 4", valgfri),
    ],
    eksempel: { formel: "=SOC.TAKST(10400000; 30; 0,95)", resultat: "1000" },
  },
  {
    id: "OVERHEAD",
    eksport: "overhead",
    da: { beskrivelse: "Overhead = grundlag × sats i hele kroner. Med et regelsæt afvises en sats over regelsættets loft." },
    en: { beskrivelse: "Overhead = base × rate in whole DKK. With a ruleset, a rate above its cap is refused." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["grundlag", "Overheadgrundlaget i kr."], ["base", "The overhead base in DKK."], "kr", KR),
      p(["sats", "Overheadsatsen som brøk: 4,4 % skrives 0,044."], ["rate", "Overhead rate as a fraction: 4.4 % is 0.044."], "brok", "fra 0 % til 100 % og højst regelsættets loft"),
      REGELSAET,
    ],
    eksempel: { formel: "=SOC.OVERHEAD(10000000; 0,044; \"SYD-2018\")", resultat: "440000" },
  },
  {
    id: "EFTERREG",
    eksport: "efterreg",
    da: { beskrivelse: "Efterregulering i år +2 efter 5 %-reglen: den del af et overskud (+) eller underskud (-), der ligger ud over grænsen, med modsat fortegn." },
    en: { beskrivelse: "Settlement in year +2 under the 5 % rule: the part of a surplus (+) or deficit (-) beyond the threshold, with the opposite sign." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["resultat", "Akkumuleret resultat: overskud positivt, underskud negativt."], ["result", "Accumulated result: surplus positive, deficit negative."], "kr", KR),
      p(["budget", "Omkostningsbudgettet i kr."], ["budget", "The cost budget in DKK."], "kr", "et beløb på 0 kr. eller derover"),
      GRAENSE,
    ],
    eksempel: { formel: "=SOC.EFTERREG(450000; 5000000)", resultat: "-200000" },
  },
  {
    id: "EFTERREG.MODEL",
    eksport: "efterregModel",
    da: { beskrivelse: "Bilag 18-modellen A1-A7 som 7 × 2 matrix (linje, beløb): A4 = A2 + A3, A5 = A1 - A4, A7 = A5 - A6." },
    en: { beskrivelse: "The Bilag 18 model A1-A7 as a 7 × 2 array (line, amount): A4 = A2 + A3, A5 = A1 - A4, A7 = A5 - A6." },
    resultat: { type: "any", dimensionality: "matrix" },
    parametre: [
      p(["provenu", "A1: samlet faktisk provenu i kr."], ["revenue", "A1: total actual revenue in DKK."], "kr", KR),
      p(["afregningsgrundlag", "A2: faktisk afregningsgrundlag i kr."], ["settlementBasis", "A2: actual settlement basis in DKK."], "kr", KR),
      p(["overfoersel", "A3: mer- (+) / mindreforbrug (-) overført fra forrige år."], ["carryOver", "A3: over- (+) / underspend (-) carried from last year."], "kr", KR),
      p(["genbevilget", "A6: genbevilget mindre- (+) / merforbrug (-)."], ["regranted", "A6: re-granted underspend (+) / overspend (-)."], "kr", KR),
    ],
    eksempel: { formel: "=SOC.EFTERREG.MODEL(9600000; 9400000; 0; 400000)", resultat: "A1 9600000 … A7 -200000" },
  },
  {
    id: "OBJFIN",
    eksport: "objfin",
    da: { beskrivelse: "Fordeler et beløb efter en nøgle (kolonne). \"REST\" (største rest) summerer præcist; \"HVER\" afrunder hver række. Tom nøglecelle = 0." },
    en: { beskrivelse: "Shares an amount by a key (column). \"REST\" (largest remainder) sums exactly; \"HVER\" rounds each row. Blank key = 0." },
    resultat: { type: "number", dimensionality: "matrix" },
    parametre: [
      p(["beloeb", "Beløbet der skal fordeles, i kr."], ["amount", "The amount to share, in DKK."], "kr", KR),
      p(["noegle", "Fordelingsnøglen: én kolonne, fx antal 0-17-årige pr. kommune."], ["key", "The key: one column, e.g. residents aged 0-17 per municipality."], "antal", "én kolonne med tal på 0 eller derover (tom celle = 0), som ikke alle er 0", matrix),
      p(["afrunding", "\"REST\" (standard) eller \"HVER\"."], ["rounding", "\"REST\" (default) or \"HVER\"."], "tekst", "\"REST\" eller \"HVER\"", valgfri),
    ],
    eksempel: { formel: "=SOC.OBJFIN(100; A1:A3)", resultat: "34, 33, 33 (når A1:A3 er 1, 1, 1)" },
  },
  {
    id: "TILSYNSKATEGORI",
    eksport: "tilsynskategori",
    da: { beskrivelse: "Socialtilsynets størrelseskategori: 1 (1-7 pladser), 2 (8-24), 3 (25-49), 4 (50+). Et brøkdelt antal pladser afvises: ingen kilde giver en regel for det." },
    en: { beskrivelse: "Supervision size category: 1 (1-7 places), 2 (8-24), 3 (25-49), 4 (50+). A fractional number of places is refused: no source gives a rule for one." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [p(["pladser", "Antal pladser i tilbuddet (et helt tal)."], ["places", "Number of places of the offer (a whole number)."], "antal", "et helt antal pladser på 1 eller derover")],
    eksempel: { formel: "=SOC.TILSYNSKATEGORI(12)", resultat: "2" },
  },
  {
    id: "TILSYNSTAKST",
    eksport: "tilsynstakst",
    da: { beskrivelse: "De fire kategoriers tilsynstakster: basis = behov / Σ(antal × vægt), hver takst = basis × vægt × andel afrundet for sig. Andel 1 er årstaksten, 0,1 skærpet tilsyn pr. måned, 0,25 pr. kvartal. Vægte kan være fire celler eller et regelsæts id (dets tilsynVaegte). Vises i samme retning som antal." },
    en: { beskrivelse: "The four categories' supervision rates: base = need / Σ(count × weight), each rate = base × weight × share rounded separately. Share 1 is the annual rate, 0.1 intensified supervision per month, 0.25 per quarter. Weights are four cells or a ruleset id (its tilsynVaegte). Spilled in the orientation of the counts." },
    resultat: { type: "number", dimensionality: "matrix" },
    parametre: [
      p(["finansieringsbehov", "Tilsynets finansieringsbehov fra tilbud, i kr."], ["fundingNeed", "The supervision's funding need from offers, in DKK."], "kr", "et beløb på 0 kr. eller derover"),
      p(["antal", "Antal tilbud i kategori 1-4: fire celler i én række eller kolonne."], ["counts", "Number of offers in categories 1-4: four cells in one row or column."], "antal", "fire hele tal på 0 eller derover i én række eller kolonne, ikke alle 0", matrix),
      p(["vaegte", "Vægte for kategori 1-4 (standard 1; 1,2; 2; 3), eller et regelsæts id, fx \"TILSYN-SYD-2018\"."], ["weights", "Weights for categories 1-4 (default 1; 1.2; 2; 3), or a ruleset id, e.g. \"TILSYN-SYD-2018\"."], "antal", "fire tal større end 0 i én række eller kolonne, et kendt regelsæts id med tilsynVaegte, eller tom", { ...matrix, ...valgfri }),
      p(["andel", "Andel af årstaksten: 1 (standard), 0,1 for skærpet tilsyn pr. måned (fra 2018), 0,25 pr. kvartal (før 2018)."], ["share", "Share of the annual rate: 1 (default), 0.1 for intensified supervision per month (from 2018), 0.25 per quarter (before 2018)."], "brok", "en brøk større end 0 og højst 1", valgfri),
    ],
    eksempel: { formel: "=SOC.TILSYNSTAKST(31878,6; B1:E1)", resultat: "31879, 38254, 63757, 95636 (når B1:E1 er 1, 0, 0, 0)" },
  },
  {
    id: "OFPLEJEFAMILIE",
    eksport: "ofplejefamilie",
    da: { beskrivelse: "Objektiv finansiering pr. plejefamilie: behov / (plejefamilier + nygodkendelser), afkortet til hele kroner som socialtilsynene offentliggør det (27.600.000 / 1.539 = 17.933)." },
    en: { beskrivelse: "Objective funding per foster family: need / (foster families + new approvals), truncated to whole DKK as the supervisions publish it (27,600,000 / 1,539 = 17,933)." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["behov", "Plejefamilieområdets finansieringsbehov i kr."], ["need", "The foster family area's funding need in DKK."], "kr", "et beløb på 0 kr. eller derover"),
      p(["plejefamilier", "Antal godkendte plejefamilier."], ["fosterFamilies", "Number of approved foster families."], "antal", "et helt antal på 0 eller derover (med nygodkendelser over 0)"),
      p(["nygodkendelser", "Antal nygodkendelser (standard 0; Socialtilsyn Nord lægger dem til plejefamilierne)."], ["newApprovals", "Number of new approvals (default 0; Socialtilsyn Nord adds them to the families)."], "antal", "et helt antal på 0 eller derover", valgfri),
    ],
    eksempel: { formel: "=SOC.OFPLEJEFAMILIE(19156058; 860; 90)", resultat: "20164" },
  },
  {
    id: "AFSKRIVNING",
    eksport: "afskrivning",
    da: { beskrivelse: "Lineær afskrivning i takståret: anskaffelsessum / levetid i hvert af levetidens år fra startåret, ellers 0. Hele kroner. Med art \"BYGNING\" og et regelsæt: levetiden er regelsættets (30 år; tom giver den, en anden afvises), og bygninger taget i brug før regelsættets startår (2004) afskrives fra det år. Anskaffelsessum for en bygning opført før 1999: ejendomsværdien for 2004; ved overtagelse af et tilbud: ejendomsværdien på overtagelsestidspunktet. Med art \"ANDET\" og et regelsæt afvises et aktiv, der ikke er over aktiveringsgrænsen eller har en levetid på 1 år eller mindre." },
    en: { beskrivelse: "Straight-line depreciation in the rate year: cost / life in each year of the life from the start year, else 0. Whole DKK. With kind \"BYGNING\" and a ruleset: the life is the ruleset's (30 years; blank gives it, another is refused), and buildings in use before the ruleset's start year (2004) are depreciated from that year. Cost of a building built before 1999: its 2004 property value; on a takeover of an offer: the value at the takeover. With kind \"ANDET\" and a ruleset, an asset not above the capitalisation threshold or with a life of 1 year or less is refused." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      // 004:5028-5030 (buildings before 1 January 1999: the 2004 property value) and 004:5053-5055 (takeover: the value then).
      p(["anskaffelsessum", "Anskaffelsessummen i kr. Bygning opført før 1999: ejendomsværdien for 2004; ved overtagelse: værdien på overtagelsestidspunktet."], ["cost", "Acquisition cost in DKK. Building built before 1999: its 2004 property value; on a takeover: the value at the takeover."], "kr", "et beløb på 0 kr. eller derover (andre aktiver: over regelsættets aktiveringsgrænse)"),
      p(["levetid", "Levetid i år (bygninger: regelsættets, 30; tom giver den). Andre aktiver: mere end 1 år."], ["life", "Useful life in years (buildings: the ruleset's, 30; blank gives it). Other assets: more than 1 year."], "aar", "et helt antal år fra 1 til 100; med et regelsæt for en bygning regelsættets levetid (kan udelades), for andre aktiver mindst 2"),
      p(["startaar", "Året aktivet blev taget i brug (første afskrivningsår)."], ["startYear", "The year the asset was taken into use (first year of depreciation)."], "aar", "et helt årstal fra 1900 til 2200"),
      p(["takstaar", "Takståret."], ["rateYear", "The rate year."], "aar", "et helt årstal fra 1900 til 2200"),
      p(["art", "\"BYGNING\" eller \"ANDET\" (standard \"ANDET\")."], ["kind", "\"BYGNING\" (building) or \"ANDET\" (other asset); default \"ANDET\"."], "tekst", "\"BYGNING\" eller \"ANDET\"", valgfri),
      REGELSAET,
    ],
    eksempel: { formel: "=SOC.AFSKRIVNING(3000000; ; 1995; 2025; \"BYGNING\"; \"SYD-2018\")", resultat: "100000" },
  },
  {
    id: "FORRENTNING",
    eksport: "forrentning",
    da: { beskrivelse: "Forrentning = værdi pr. 1. januar × rentesats i hele kroner. Med et regelsæt afvises en rente over regelsættets loft." },
    en: { beskrivelse: "Interest = value at 1 January × rate in whole DKK. With a ruleset, a rate above its cap is refused." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["vaerdi", "Aktivernes værdi pr. 1. januar i takståret, i kr."], ["value", "Asset value at 1 January of the rate year, in DKK."], "kr", "et beløb på 0 kr. eller derover"),
      p(["rentesats", "Rentesatsen som brøk: 1,47 % skrives 0,0147."], ["interestRate", "Interest rate as a fraction: 1.47 % is 0.0147."], "brok", "fra 0 % til 100 % og højst regelsættets loft"),
      REGELSAET,
    ],
    eksempel: { formel: "=SOC.FORRENTNING(1000000; 0,0147; \"SYD-2018\")", resultat: "14700" },
  },
  {
    id: "BELAEGNING",
    eksport: "belaegning",
    da: { beskrivelse: "Gennemsnitlig belægning for de to seneste år (som brøk)." },
    en: { beskrivelse: "Average occupancy of the last two years (as a fraction)." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["aarMinus2", "Faktisk belægning for to år siden, som brøk."], ["yearMinus2", "Actual occupancy two years ago, as a fraction."], "brok", "fra 0 % til 200 % (95 % skrives 0,95)"),
      p(["aarMinus1", "Faktisk belægning sidste år, som brøk."], ["yearMinus1", "Actual occupancy last year, as a fraction."], "brok", "fra 0 % til 200 % (95 % skrives 0,95)"),
    ],
    eksempel: { formel: "=SOC.BELAEGNING(0,94; 0,98)", resultat: "0,96" },
  },
  {
    id: "PLREG",
    eksport: "plreg",
    da: { beskrivelse: "PL-regulering: beløb × (1 + PL-procent) i hele kroner." },
    en: { beskrivelse: "Price/wage adjustment: amount × (1 + PL rate) in whole DKK." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["beloeb", "Beløbet i kr."], ["amount", "The amount in DKK."], "kr", KR),
      p(["plpct", "PL-procenten som brøk: 3,9 % skrives 0,039."], ["plRate", "The PL rate as a fraction: 3.9 % is 0.039."], "brok", "over -100 % og højst 100 %", { motorNavn: "pl" }),
    ],
    eksempel: { formel: "=SOC.PLREG(1000; 0,039)", resultat: "1039" },
  },
  {
    id: "TAKSTUDVIKLING",
    eksport: "takstudvikling",
    da: { beskrivelse: "Real takstudvikling som brøk: ny takst mod sidste års takst fremskrevet med PL (0,052 = 5,2 %)." },
    en: { beskrivelse: "Real rate change as a fraction: new rate against last year's rate adjusted by PL (0.052 = 5.2 %)." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["nytakst", "Den nye takst i kr."], ["newRate", "The new rate in DKK."], "kr", KR, { motorNavn: "nyTakst" }),
      p(["sidsteaarstakst", "Sidste års takst i kr."], ["lastYearRate", "Last year's rate in DKK."], "kr", "et beløb større end 0 kr.", { motorNavn: "sidsteAarsTakst" }),
      p(["plpct", "PL-procenten som brøk: 3,9 % skrives 0,039."], ["plRate", "The PL rate as a fraction: 3.9 % is 0.039."], "brok", "over -100 % og højst 100 %", { motorNavn: "pl" }),
    ],
    eksempel: { formel: "=SOC.TAKSTUDVIKLING(1093; 1000; 0,039)", resultat: "0,052 (5,2 %; 1093 / 1039 - 1)" },
  },
  {
    id: "TJMPENSION",
    eksport: "tjmpension",
    da: { beskrivelse: "Hensættelse til ikke-forsikret tjenestemandspension: pensionsgivende løn × sats i hele kroner. Uden sats bruges regelsættets sats." },
    en: { beskrivelse: "Provision for uninsured civil-servant pension: pensionable wage × rate in whole DKK. Without a rate, the ruleset's rate is used." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["pensionsgivendeloen", "Pensionsgivende løn i kr."], ["pensionableWage", "Pensionable wage in DKK."], "kr", "et beløb på 0 kr. eller derover", { motorNavn: "pensionsgivendeLoen" }),
      p(["sats", "Satsen som brøk: 20,3 % skrives 0,203 (valgfri, når regelsættet har en sats)."], ["rate", "Rate as a fraction: 20.3 % is 0.203 (optional when the ruleset has one)."], "brok", "fra 0 % til 100 %", valgfri),
      REGELSAET,
    ],
    eksempel: { formel: "=SOC.TJMPENSION(1000000; ; \"SYD-2018\")", resultat: "203000" },
  },
  {
    id: "TAKSTSTRUKTUR",
    eksport: "takststruktur",
    da: {
      beskrivelse:
        "Takster for et tilbud med en eller flere ydelser: én række pr. ydelse med basistakst (basisgrundlag / Σ belægningsdage), servicetakst (servicegrundlag fordelt efter ressource × belægningsdage) og takst = summen. Tom pladser-celle = ingen ydelse.",
    },
    en: {
      beskrivelse:
        "Rates of an offer with one or more services: one row per service with base rate (base / Σ occupied days), service rate (service basis shared by resource × occupied days) and rate = their sum. Blank places cell = no service.",
    },
    resultat: { type: "any", dimensionality: "matrix" },
    parametre: [
      p(["basisgrundlag", "Basisgrundlaget i kr.: takstgrundlaget minus de borgerrettede omkostninger."], ["baseBasis", "The base basis in DKK: the rate basis minus the citizen-directed costs."], "kr", "et beløb på 0 kr. eller derover; basis- og servicegrundlag tilsammen over 0 kr."),
      p(["servicegrundlag", "Servicegrundlaget i kr.: de borgerrettede omkostninger (0, hvis der ikke opdeles)."], ["serviceBasis", "The service basis in DKK: the citizen-directed costs (0 without a split)."], "kr", "et beløb på 0 kr. eller derover"),
      p(["pladser", "Pladser pr. ydelse: én kolonne, én række pr. ydelse (tom = ingen ydelse)."], ["places", "Places per service: one column, one row per service (blank = no service)."], "antal", "én kolonne med tal større end 0 (tom celle = ingen ydelse), mindst én udfyldt", matrix),
      p(["belaegning", "Belægning pr. ydelse som brøk: 95 % skrives 0,95."], ["occupancy", "Occupancy per service as a fraction: 95 % is 0.95."], "brok", "én kolonne som pladser med over 0 % og højst 100 % (95 % skrives 0,95)", matrix),
      p(["ressource", "Ressource pr. ydelse, fx personaletimer pr. borger pr. uge (tom = 1)."], ["resource", "Resource per service, e.g. staff hours per citizen per week (blank = 1)."], "antal", "én kolonne som pladser med tal større end 0 (tom celle = 1)", { ...matrix, ...valgfri }),
      p(["dage", "Dage i takståret (standard 365)."], ["days", "Days in the rate year (default 365)."], "antal", "over 0 og højst 366", valgfri),
    ],
    eksempel: { formel: "=SOC.TAKSTSTRUKTUR(3650000; 7300000; A1:A2; B1:B2; C1:C2)", resultat: "500, 500, 1000 og 500, 1500, 2000 (når A1:A2 er 10, 10, B1:B2 er 1, 1 og C1:C2 er 1, 3)" },
  },
  {
    id: "LUKNING",
    eksport: "lukning",
    da: {
      beskrivelse:
        "Bilag 17: lukning af en enhed i en økonomisk enhed. Én række med tre dele af resultat (overskud +, underskud -): videreføres i driften år +1 (højst grænse × samlet budget); afregnes ved lukningen (enhedens budgetandel af delen over grænsen; 0 for \"region\"); resten efterreguleres i taksterne år +2 (\"kommune\") eller dækkes af andre økonomiske enheder (\"region\"). En kommunes efterregulering fordeles på betalingskommunerne med SOC.OBJFIN efter deres belægningsdage i de to regnskabsår før beslutningsåret.",
    },
    en: {
      beskrivelse:
        "Bilag 17: closure of a unit within an economic unit. One row of three parts of the result (surplus +, deficit -): carried on in year +1 (at most threshold × total budget); settled at the closure (the unit's budget share of the part beyond the threshold; 0 for \"region\"); the rest settled in the rates of year +2 (\"kommune\") or covered by other economic units (\"region\"). A municipality's settlement is shared over the paying municipalities with SOC.OBJFIN by their occupied days in the two years before the decision year.",
    },
    resultat: { type: "number", dimensionality: "matrix" },
    parametre: [
      p(["resultat", "Den økonomiske enheds akkumulerede resultat: overskud positivt, underskud negativt."], ["result", "The economic unit's accumulated result: surplus positive, deficit negative."], "kr", KR),
      p(["enhedsbudget", "Omkostningsbudgettet for den enhed, der lukkes."], ["unitBudget", "The cost budget of the unit that closes."], "kr", "et beløb fra 0 kr. til samletbudget"),
      SAMLETBUDGET,
      p(["driftsherre", "\"kommune\" (standard) eller \"region\"."], ["operator", "\"kommune\" (municipality, default) or \"region\"."], "tekst", "\"kommune\" eller \"region\"", valgfri),
      GRAENSE,
    ],
    eksempel: { formel: "=SOC.LUKNING(-4500; 20000; 80000)", resultat: "-4000, -125, -375" },
  },
  {
    id: "LUKNING.FORDEL",
    eksport: "lukningFordel",
    da: {
      beskrivelse:
        "Bilag 17: en lukket økonomisk enheds resultat fordeles på de øvrige enheder efter budget (største rest, summerer præcist), derefter 5 %-testen pr. enhed. Én række pr. enhed: andel; resultat efter fordeling; efterreguleres år +2 (delen ud over grænse × budget, 0 inden for). Fordeling af en kommunes efterregulering på betalingskommunerne efter belægningsdage: SOC.OBJFIN med dagene som nøgle.",
    },
    en: {
      beskrivelse:
        "Bilag 17: a closed economic unit's result spread over the other units by budget (largest remainder, sums exactly), then the 5 % test per unit. One row per unit: share; result after the spread; settled in year +2 (the part beyond threshold × budget, 0 inside it). Sharing a municipality's settlement over the paying municipalities by occupied days: SOC.OBJFIN with the days as key.",
    },
    resultat: { type: "number", dimensionality: "matrix" },
    parametre: [
      p(["resultat", "Den lukkede enheds akkumulerede resultat i hele kroner (samme fortegn som resultater)."], ["result", "The closed unit's accumulated result in whole DKK (same sign as the results)."], "kr", "et helt beløb i kr."),
      p(["budgetter", "De øvrige enheders omkostningsbudgetter: én kolonne, én række pr. enhed."], ["budgets", "The other units' cost budgets: one column, one row per unit."], "kr", "én kolonne med beløb på 0 kr. eller derover, som ikke alle er 0", matrix),
      p(["resultater", "De øvrige enheders akkumulerede resultater: én kolonne som budgetter (tom = 0)."], ["results", "The other units' accumulated results: one column like the budgets (blank = 0)."], "kr", "én kolonne med lige så mange rækker som budgetter (tom celle = 0)", matrix),
      GRAENSE,
    ],
    eksempel: { formel: "=SOC.LUKNING.FORDEL(5000; A1:A3; B1:B3)", resultat: "1481, 981, 0 / 1852, -2148, 0 / 1667, 4167, 0 (når A1:A3 er 80000, 100000, 90000 og B1:B3 er -500, -4000, 2500)" },
  },
  {
    id: "OVERTAGELSE",
    eksport: "overtagelse",
    da: { beskrivelse: "Bilag 17: ved overtagelse af et tilbud følger tilbuddets budgetandel af hele det akkumulerede resultat med til den nye driftsherre. Én række: følger med tilbuddet; bliver i enheden." },
    en: { beskrivelse: "Bilag 17: on a takeover, the offer's budget share of the whole accumulated result follows it to the new operator. One row: follows the offer; stays in the unit." },
    resultat: { type: "number", dimensionality: "matrix" },
    parametre: [
      p(["resultat", "Den økonomiske enheds akkumulerede resultat: overskud positivt, underskud negativt."], ["result", "The economic unit's accumulated result: surplus positive, deficit negative."], "kr", KR),
      p(["enhedsbudget", "Omkostningsbudgettet for det tilbud, der overtages."], ["unitBudget", "The cost budget of the offer taken over."], "kr", "et beløb fra 0 kr. til samletbudget"),
      SAMLETBUDGET,
    ],
    eksempel: { formel: "=SOC.OVERTAGELSE(4500; 20000; 80000)", resultat: "1125, 3375" },
  },
  {
    id: "BETALINGSPERIODE",
    eksport: "betalingsperiode",
    da: {
      beskrivelse:
        "Bilag 13: sidste betalte dag efter et varsel, som dato. Botilbud: \"2_maaneder\" (14.1 → 14.3) eller \"loebende_maaned_plus_1\" (14.1 → 28.2); dagtilbud og pakkeskift-dag: løbende måned; pakkeskift-bo: løbende måned + 1; lukning og revisitation: løbende måned + 2; pakkeskift: 30 dage (14.1 → 13.2); § 101/109/110: ophørsdatoen (udskrivningsdagen); specialundervisning-dag: ønsket ophør, i juni dog 31.7. Resultatet er mindst ophørsdatoen og højst dagen før en ny borger overtager pladsen.",
    },
    en: {
      beskrivelse:
        "Bilag 13: the last day paid after a notice, as a date. Residential: \"2_maaneder\" (14.1 → 14.3) or \"loebende_maaned_plus_1\" (14.1 → 28.2); day offers and pakkeskift-dag: running month; pakkeskift-bo: running month + 1; lukning and revisitation: running month + 2; pakkeskift: 30 days (14.1 → 13.2); § 101/109/110: the end date (discharge day); specialundervisning-dag: the wished stop, in June 31.7. The result is at least the end date and at most the day before a new citizen takes the place.",
    },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["varselsdato", "Dagen der varsles, som dato (eller ISO-tekst \"2018-01-14\"). Specialundervisning-dag: det ønskede ophør."], ["noticeDate", "The day notice is given, as a date (or ISO text \"2018-01-14\"). specialundervisning-dag: the wished stop."], "dato", "en dato fra 01.03.1900 til 31.12.9999 eller ISO-tekst som \"2018-01-14\""),
      p(["haendelse", "Hændelsen: botilbud, dagtilbud, § 101, § 109, § 110, lukning, revisitation, pakkeskift, pakkeskift-bo, pakkeskift-dag eller specialundervisning-dag."], ["event", "The event: botilbud, dagtilbud, § 101, § 109, § 110, lukning, revisitation, pakkeskift, pakkeskift-bo, pakkeskift-dag or specialundervisning-dag."], "tekst", `en af ${HAENDELSER.map((h) => `"${h}"`).join(", ")}`),
      p(["model", "Botilbuddets varsel: \"2_maaneder\" (standard) eller \"loebende_maaned_plus_1\"."], ["model", "Residential notice: \"2_maaneder\" (two months, default) or \"loebende_maaned_plus_1\" (running month + 1)."], "tekst", "\"2_maaneder\" eller \"loebende_maaned_plus_1\"", valgfri),
      p(["ophoersdato", "Aftalt ophørsdato; ved § 101, § 109 og § 110 udskrivningsdagen."], ["endDate", "Agreed end date; for § 101, § 109 and § 110 the discharge day."], "dato", "en dato fra 01.03.1900 til 31.12.9999; ved § 101, § 109 og § 110 skal udskrivningsdagen angives, ellers kan feltet være tomt", valgfri),
      p(["nyborgerfra", "Dagen en ny borger overtager pladsen (betaler selv fra den dag)."], ["newCitizenFrom", "The day a new citizen takes the place (paying from that day)."], "dato", "en dato fra 01.03.1900 til 31.12.9999 eller tom", { ...valgfri, motorNavn: "nyBorgerFra" }),
    ],
    eksempel: { formel: "=SOC.BETALINGSPERIODE(\"2018-01-14\"; \"botilbud\")", resultat: "43173 (14.03.2018)" },
  },
  {
    id: "BETALING",
    eksport: "betaling",
    da: { beskrivelse: "Betaling = takst × dage fra og med fra til og med til (59 dage × 1.450 = 85.550)." },
    en: { beskrivelse: "Payment = rate × days from fra to til, both included (59 days × 1,450 = 85,550)." },
    resultat: { type: "number", dimensionality: "scalar" },
    parametre: [
      p(["takst", "Taksten pr. dag i kr."], ["rate", "The rate per day in DKK."], "kr", KR),
      p(["fra", "Første betalte dag, som dato (eller ISO-tekst)."], ["from", "First day paid, as a date (or ISO text)."], "dato", "en dato fra 01.03.1900 til 31.12.9999 eller ISO-tekst som \"2018-01-14\""),
      p(["til", "Sidste betalte dag, som dato (eller ISO-tekst)."], ["to", "Last day paid, as a date (or ISO text)."], "dato", "en dato på eller efter fra og senest 31.12.9999"),
    ],
    eksempel: { formel: "=SOC.BETALING(1450; \"2018-01-15\"; \"2018-03-14\")", resultat: "85550" },
  },
];

export function funktion(id: string): FunktionBeskrivelse {
  const f = FUNKTIONER.find((x) => x.id === id);
  if (!f) throw new Error(`Ukendt funktion ${id}`);
  return f;
}
