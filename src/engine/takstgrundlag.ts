import { type Dec, type DecInput, dec, sum } from "./decimal";
import { endelig } from "./krav";

/**
 * The ten categories of the takstgrundlag (004:4427-4450). Category 8 (ejendoms- og
 * kapitalomkostninger) is split into ejendom, afskrivninger and forrentning because the
 * takstskema asks for them separately. `indtaegter` is entered positive and subtracted.
 */
export interface Omkostninger {
  loen: DecInput;
  udvikling: DecInput;
  administration: DecInput;
  indtaegter: DecInput;
  tjenestemandspension: DecInput;
  overhead: DecInput;
  tilsyn: DecInput;
  ejendom: DecInput;
  afskrivninger: DecInput;
  forrentning: DecInput;
  regulering: DecInput;
  oevrige: DecInput;
}

export function takstgrundlag(o: Omkostninger): Dec {
  const plus = [o.loen, o.udvikling, o.administration, o.tjenestemandspension, o.overhead, o.tilsyn,
    o.ejendom, o.afskrivninger, o.forrentning, o.regulering, o.oevrige];
  return sum(plus.map((v, i) => endelig(`kategori ${i + 1}`, v))).minus(endelig("indtaegter", o.indtaegter));
}

/** The lines that make up the overhead base in Syddanmark (004:4985-5003). */
export type OverheadLinjer = Pick<
  Omkostninger,
  "loen" | "administration" | "udvikling" | "indtaegter" | "oevrige" | "ejendom" | "afskrivninger" | "forrentning" | "tjenestemandspension"
>;

/**
 * Overhead base: løn, administration, udvikling, indtægter (subtracted), øvrige driftsudgifter,
 * ejendomsudgifter og husleje, forrentning og afskrivninger, opsparede tjenestemandspensioner.
 * Tilsyn and regulering of earlier years are not in the list and so carry no overhead.
 */
export function overheadGrundlag(l: OverheadLinjer): Dec {
  return sum([l.loen, l.administration, l.udvikling, l.oevrige, l.ejendom, l.afskrivninger, l.forrentning,
    l.tjenestemandspension]).minus(dec(l.indtaegter));
}
