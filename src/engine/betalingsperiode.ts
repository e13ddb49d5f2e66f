import { type Dec, type DecInput } from "./decimal";
import { type Dagnummer, dagnummer, dato, edate, eomonth, kalenderdag } from "./dato";
import { EngineError } from "./fejl";
import { endelig } from "./krav";

/**
 * Bilag 13 notice periods (004:4175-4218) and Bilag 16's school year (004:4369-4375): the last
 * day a handlekommune pays after giving notice. Dates are day numbers (dato.ts).
 */

/** The events of product.md §1, written as the user types them. */
export const HAENDELSER = [
  "botilbud",
  "dagtilbud",
  "§ 101",
  "§ 109",
  "§ 110",
  "lukning",
  "revisitation",
  "pakkeskift",
  "pakkeskift-bo",
  "pakkeskift-dag",
  "specialundervisning-dag",
] as const;
export type Haendelse = (typeof HAENDELSER)[number];

/** Botilbud a (løbende måned + 1 måned) or b (2 måneder from any day, the seed's example). */
export const BOTILBUD_MODELLER = ["2_maaneder", "loebende_maaned_plus_1"] as const;
export type BotilbudModel = (typeof BOTILBUD_MODELLER)[number];

export interface Betalingsvalg {
  model?: BotilbudModel | undefined;
  /** The agreed last day (for §§ 101/109/110 the udskrivningsdag). */
  ophoersdato?: number | undefined;
  /** The day a new citizen takes the place: paid by the new citizen, so payment stops the day before. */
  nyBorgerFra?: number | undefined;
}

/** The pakkeskift notice "30 dage" (004:4198): day 30 after the notice is still the old package. */
const PAKKESKIFT_DAGE = 30;
const JUNI = 6;

function varselSlut(varsel: Dagnummer, haendelse: Haendelse, model: BotilbudModel, ophoer: Dagnummer | undefined): Dagnummer {
  switch (haendelse) {
    case "botilbud":
      // 004:4183-4186: "pr. den 14. januar … til og med den 14. marts".
      return model === "2_maaneder" ? edate(varsel, 2) : eomonth(varsel, 1);
    case "dagtilbud":
    case "pakkeskift-dag":
      return eomonth(varsel, 0);
    case "pakkeskift-bo":
      return eomonth(varsel, 1);
    case "§ 101":
    case "§ 109":
    case "§ 110":
      // "Afregnes til og med udskrivningsdagen" (004:4191-4195): no notice beyond it.
      if (ophoer === undefined) throw new EngineError({ code: "EMPTY", argument: "ophoersdato" });
      return ophoer;
    case "lukning":
    case "revisitation":
      return eomonth(varsel, 2);
    case "pakkeskift":
      return varsel + PAKKESKIFT_DAGE;
    case "specialundervisning-dag": {
      // The varselsdato is the wished stop; the school year ends 31 July, so a stop in June is paid to then.
      const k = kalenderdag(varsel);
      return k.maaned === JUNI ? dagnummer(k.aar, 7, 31) : varsel;
    }
  }
}

/** The last day paid: max(ophoersdato, end of notice), never past the day before a new citizen moves in. */
export function betalingsperiode(varselsdato: number, haendelse: Haendelse, valg: Betalingsvalg = {}): Dagnummer {
  const varsel = dato("varselsdato", varselsdato);
  const ophoer = valg.ophoersdato === undefined ? undefined : dato("ophoersdato", valg.ophoersdato);
  const nyBorger = valg.nyBorgerFra === undefined ? undefined : dato("nyborgerfra", valg.nyBorgerFra);
  const slut = varselSlut(varsel, haendelse, valg.model ?? "2_maaneder", ophoer);
  const sidste = ophoer === undefined ? slut : Math.max(ophoer, slut);
  return nyBorger === undefined ? sidste : Math.min(sidste, nyBorger - 1);
}

/** takst × the days from fra to til, both included (a takst is per døgn). */
export function betaling(takst: DecInput, fraDato: number, tilDato: number): Dec {
  const t = endelig("takst", takst);
  const fra = dato("fra", fraDato);
  const til = dato("til", tilDato);
  if (til < fra) throw new EngineError({ code: "OUT_OF_RANGE", argument: "til", min: fra, minInclusive: true });
  return t.times(til - fra + 1);
}
