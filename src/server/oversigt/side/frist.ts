import { dageTilFristTekst } from "../../offentliggoerelse/kontrol";

/** da-DK long dates ("15. november 2030") of a day written YYYY-MM-DD. */
const langDag = new Intl.DateTimeFormat("da-DK", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const langDato = (dag: string): string => langDag.format(new Date(`${dag}T00:00:00Z`));

/** "Fristen: 15. november 2030 (8 dage til fristen)", one wording for the section and the publication dialogue. */
export function fristLinje(frist: string | null, dage: number | null): string {
  return frist === null ? "Regelsættet har ingen frist for takster." : `Fristen: ${langDato(frist)} (${dageTilFristTekst(dage)}).`;
}

export { dageTilFristTekst };
