import { type Dec, type DecInput, dec, rund } from "./decimal";
import { type Afrunding, fordel } from "./fordeling";
import { iInterval, ikkeNegativ, positiv } from "./krav";
import { ofPrPlejefamilie, TILSYN_VAEGTE, timebaseretTilsyn, tilsynsbasis, tilsynstakster } from "./tilsyn";

/**
 * One socialtilsyn's budget year (domain-season.md §B6): the need, its split between
 * plejefamilier (objektiv finansiering by each kommune's 0-17-year-olds) and tilbud
 * (grundtakster in four weighted size categories, skærpet tilsyn as a share of the takst).
 * Every figure the tilsynsskema, its validator and the service show comes from here.
 */
export interface TilsynsaarInput {
  behovFoerEffektivisering: DecInput;
  /** As a fraction: 1 % is 0,01 (Syd 2018, 004:101-122). */
  effektiviseringPct: DecInput;
  /** The result of year −2: + overskud, − underskud. */
  resultatAarMinus2: DecInput;
  /** The share of it carried into this budget (Nord 0,5, 002:146-149; Syd 0, 004:76-81). */
  resultatAndelIndregnet: DecInput;
  behovPlejefamilier: DecInput;
  behovTilbud: DecInput;
  skoennedeSaerligeIndtaegter: DecInput;
  antal: readonly DecInput[];
  vaegte?: readonly DecInput[];
  skaerpetAndel: DecInput;
  /** 0-17-year-olds per kommune, in the order of the key table. */
  noegle: readonly DecInput[];
  ofAfrunding: Afrunding;
  plejefamilier: DecInput;
  nygodkendelser: DecInput;
  timepris?: DecInput;
  bpaTimer?: DecInput;
}

export interface Tilsynsaar {
  behov: Dec;
  grundtakstbehov: Dec;
  /** The unrounded base per weight unit; takster and skærpet are rounded from it. */
  basis: Dec;
  takster: Dec[];
  skaerpet: Dec[];
  of: Dec[];
  ofIAlt: Dec;
  ofPrPlejefamilie: Dec;
  bpaTakst?: Dec;
}

/** Behov = før × (1 − effektivisering) − resultat × andel, in whole kroner. */
export function tilsynsbehov(foer: DecInput, effektiviseringPct: DecInput, resultat: DecInput, andel: DecInput): Dec {
  const pct = iInterval("effektiviseringPct", effektiviseringPct, 0, 1, true, false);
  const a = iInterval("resultatAndelIndregnet", andel, 0, 1, true, true);
  const efter = ikkeNegativ("behovFoerEffektivisering", foer).times(dec(1).minus(pct));
  return rund(efter.minus(dec(resultat).times(a)));
}

export function tilsynsaar(input: TilsynsaarInput): Tilsynsaar {
  const vaegte = input.vaegte ?? TILSYN_VAEGTE;
  const behov = tilsynsbehov(input.behovFoerEffektivisering, input.effektiviseringPct, input.resultatAarMinus2, input.resultatAndelIndregnet);
  const grundtakstbehov = ikkeNegativ("behovTilbud", input.behovTilbud).minus(ikkeNegativ("skoennedeSaerligeIndtaegter", input.skoennedeSaerligeIndtaegter));
  const behovPleje = ikkeNegativ("behovPlejefamilier", input.behovPlejefamilier);
  const of = fordel(behovPleje, input.noegle, input.ofAfrunding);
  return {
    behov,
    grundtakstbehov,
    basis: tilsynsbasis(grundtakstbehov, input.antal, vaegte),
    takster: tilsynstakster(grundtakstbehov, input.antal, vaegte),
    skaerpet: tilsynstakster(grundtakstbehov, input.antal, vaegte, input.skaerpetAndel),
    of,
    ofIAlt: of.reduce((a, b) => a.plus(b), dec(0)),
    ofPrPlejefamilie: ofPrPlejefamilie(behovPleje, input.plejefamilier, input.nygodkendelser),
    ...(input.timepris !== undefined && input.bpaTimer !== undefined ? { bpaTakst: timebaseretTilsyn(input.bpaTimer, input.timepris) } : {}),
  };
}

/**
 * The development in per cent with one decimal, as the seeds print it (003:1051-1057,
 * 002:437-443): (ny / forrige − 1) × 100, half away from zero.
 */
export function udviklingPct(ny: DecInput, forrige: DecInput): Dec {
  return rund(ikkeNegativ("ny", ny).div(positiv("forrige", forrige)).minus(1).times(100), 1);
}
