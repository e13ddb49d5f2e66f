/**
 * The takstskema: one definition of the form (product.md §2-§3), used by the CLI, the task
 * pane and the server. Pure: no Node I/O, no ExcelJS, no Office.js.
 *
 * - `FELTER`, `FeltNavn`, `felt(navn)`: the field table (defined name, Danish label and help
 *   text, type, mandatory, section, computed).
 * - `takstskemaSchema`, `feltSchema(def)`, `parseFelt(def, v)`, `parseDanskTal(s)`: zod
 *   schema and parsers for raw cell values (number, string, boolean, Date, null, "#VALUE!",
 *   ExcelJS formula/error/rich-text objects). `takstskemaJsonSchema` is the JSON body shape.
 * - `validerSkema(input, { register, indsendt? })`: pure, synchronous, never throws.
 *   `fundSchema`, `sprungetSchema`, `valideringJsonSchema` (zod) with inferred types.
 * - `skabelonLayout(regelsaet)`: the template as pure data (cells, formulas, fills, number
 *   formats, defined names, data validations with Danish input messages, unlocked cells,
 *   legend, column widths, merges). `tilFilformel(formel)` converts SOC calls to the form
 *   stored in .xlsx files (`_xldudf_SOC_TAKST(`); Office.js writers use formulas as they are.
 * - `ARKNAVN`, `CELLER`, `celleFor(navn)`, `adresseFor(navn)`: where each field lives.
 * - `YDELSE_KOLONNER`, `KOLONNE_OMRAADER`, `kolonneAdresse(navn, raekke)`: the Ydelser table
 *   (10 rows, one vertical range per TS_Ydelser_ name); `somTabel(record)` reads the former
 *   single-takst shape as a one-row table; `ydelserAf(vaerdier, beregnet)` gives the ydelser
 *   of a (stored) validation result for adapters.
 * - `REGLER`: the rules, each `{ code, severity, felter, parametre?, beskrivelse, check }`.
 */
export * from "./felter";
export * from "./vaerdier";
export * from "./tegn";
export * from "./resultat";
export * from "./layout";
export { REGLER } from "./rules";
export { fristSlut } from "./rules/frist";
export type { Regel, RegelKontekst } from "./regel";
export { kr, pct } from "./regel";
export { beregn, type Beregning } from "./beregning";
export { validerSkema, laesVaerdier, type Valideringskontekst, type Valideringsresultat } from "./valider";
export { REGNEFELTER, type TekstTal } from "./tekstTal";
export { kanoniskKategori, kategoriNavne } from "./kategori";
export { normaliserSocFormel, socKald, spilder, SPILDENDE_SOC } from "./socFormel";
export { linjerI, MARGENER, medTekstHoejder, raekkeHoejde, STANDARD_HOEJDE, sektionsblokke, sidefod, sidefodDele, udskrift, type SidefodData, type SidefodDele, type Udskrift } from "./udskrift";
export { ENKELTTAKST_NAVNE, kolonneCeller, somTabel, type SomTabel, ydelserAf } from "./ydelser";
export { aendringIAaretFund, gaelderFoerVedtagelsen, kapacitetSkalBegrundes, manglerBegrundelse, ts130Register, ts131, ts133 } from "./aendringIAaret";
export { fremfoerSkema, fremfoeres, regelsaetIdForAar, type Fremfoering } from "./fremfoer";
export { ts210, ts212 } from "./puljeFund";
export { udloeberInden12Maaneder } from "./puljeUdloeb";
export { sammeYdelse, sidsteAarsForslag, sidsteAarsTakster, ts120, type SidsteAarsForslag } from "./sidsteAar";
export {
  EFTERREGULERING_NAVNE, efterreguleringCeller, efterreguleringForslag, type EfterreguleringForslag, type EfterreguleringNavn, type EfterreguleringTal,
  forkertAarTekst, forslagLinje, ingenRegnskabTekst, regnskabsaarFor,
} from "./efterreguleringFelter";
export { plManglerGrund, sidsteAarsTakstVist, udviklingsPl, type UdviklingsPl, vistMiddelUdvikling, vistUdvikling, type VistUdvikling } from "./takstudvikling";
export { UDSVING_GRAENSE, UDVIKLING_DECIMALER } from "./udviklingGraense";
export { REGNSKAB_FELTER, REGNSKAB_KOLONNER, REGNSKAB_SEKTION, REGNSKABSSKEMA_FELTER, REGNSKABSSKEMA_KOLONNER, SKEMATYPER, type Skematype, skemaDele, skematypeAf } from "./regnskabFelter";
export { beregnRegnskab, type RegnskabBeregning, type RegnskabVaerdier } from "./regnskabBeregning";
export { REGNSKAB_REGLER, type Regnskabskontekst, type TakstaaretsTal, validerRegnskab } from "./regnskabValider";
export { a1FraRegnskab, type RegisterPeriode, ts201 } from "./regnskabRegister";
export { efterreguleringTilBudget, type EfterreguleringTilBudget } from "./efterreguleringTilBudget";
