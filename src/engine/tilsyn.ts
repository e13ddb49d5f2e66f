import { type Dec, type DecInput, D, afkort, dec, rund, sum } from "./decimal";
import { EngineError } from "./fejl";
import { heltal, iInterval, ikkeNegativ, positiv } from "./krav";

/** Size categories 1-7, 8-24, 25-49, 50+ places and their weights 1 : 1.2 : 2 : 3 (004:157-160). */
export const TILSYN_VAEGTE = ["1", "1.2", "2", "3"] as const;
const GRAENSER = [7, 24, 49] as const;

/**
 * The category of a tilbud from its number of places. No seed gives a fractional place count or
 * a rule for one (004:157-183, 003:1029-1035 and 002:437-443 list whole places only), so a
 * fractional count is refused rather than rounded by a rule the product would invent.
 */
export function tilsynskategori(pladser: DecInput): 1 | 2 | 3 | 4 {
  const hele = heltal("pladser", pladser, 1, 1e9);
  if (hele <= GRAENSER[0]) return 1;
  if (hele <= GRAENSER[1]) return 2;
  if (hele <= GRAENSER[2]) return 3;
  return 4;
}

/** base = behov / Σ(antal × vægt), unrounded: every takst and skærpet fee is rounded once from it. */
export function tilsynsbasis(finansieringsbehov: DecInput, antal: readonly DecInput[], vaegte: readonly DecInput[] = TILSYN_VAEGTE): Dec {
  if (antal.length !== 4) throw new EngineError({ code: "WRONG_LENGTH", argument: "antal", length: 4 });
  if (vaegte.length !== 4) throw new EngineError({ code: "WRONG_LENGTH", argument: "vaegte", length: 4 });
  const behov = ikkeNegativ("finansieringsbehov", finansieringsbehov);
  const counts = antal.map((a) => new D(heltal("antal", a, 0, 1e9)));
  const weights = vaegte.map((v) => positiv("vaegte", v));
  const vaegtet = sum(counts.map((c, i) => c.times(weights[i] as Dec)));
  if (vaegtet.isZero()) throw new EngineError({ code: "SUM_ZERO", argument: "antal" });
  return behov.div(vaegtet);
}

/**
 * Annual tilsynstakst per category: base = behov / Σ(antal × vægt); each category's takst is
 * base × vægt × andel rounded separately (Syd 2018: 31,879 / 38,254 / 63,757 / 95,636).
 * `andel` 0,1 is skærpet tilsyn per month (004:233-237), 0,25 per quarter (Syd 2016, 004:2915-2923):
 * rounded from the unrounded base, not from the rounded annual takst.
 */
export function tilsynstakster(
  finansieringsbehov: DecInput,
  antal: readonly DecInput[],
  vaegte: readonly DecInput[] = TILSYN_VAEGTE,
  andel: DecInput = 1,
): Dec[] {
  const a = iInterval("andel", andel, 0, 1, false, true);
  const base = tilsynsbasis(finansieringsbehov, antal, vaegte);
  return vaegte.map((w) => rund(base.times(dec(w)).times(a)));
}

/**
 * Nygodkendelse and væsentlig ændring: a base of their own and the same weights, each rounded
 * (Øst 2020: base 7.902 gives 7.902 / 9.482 / 15.804 / 23.706, 003:1036-1042).
 */
export function taksterFraBasis(basis: DecInput, vaegte: readonly DecInput[] = TILSYN_VAEGTE): Dec[] {
  const b = ikkeNegativ("basis", basis);
  return vaegte.map((w) => rund(b.times(positiv("vaegte", w))));
}

/**
 * Skærpet tilsyn: "1/10 årstakst pr. måned" from 2018 (004:233-237). The monthly fee is
 * rounded once from the unrounded category takst, base × vægt × andel (Syd 2016 category 2:
 * 9,612, 004:2915-2923, where the rounded 38,450 / 4 would give 9,613), and published in whole
 * kroner (Øst 2020: 3,437 for 34,373, 003:1036-1042). The seed bills whole months and says
 * nothing about started months, so a fraction of a month is refused.
 */
export function skaerpetTilsynPrMaaned(base: DecInput, vaegt: DecInput = 1, andel: DecInput = "0.1"): Dec {
  return rund(ikkeNegativ("base", base).times(positiv("vaegt", vaegt)).times(ikkeNegativ("andel", andel)));
}

export function skaerpetTilsyn(base: DecInput, vaegt: DecInput, maaneder: DecInput, andel: DecInput = "0.1"): Dec {
  const m = heltal("maaneder", maaneder, 1, 1200);
  return skaerpetTilsynPrMaaned(base, vaegt, andel).times(m);
}

/** BPA companies: hours × hourly rate (Nord 2024: 13 h × 672 = 8,736, 002:472-476). */
export function timebaseretTilsyn(timer: DecInput, timesats: DecInput): Dec {
  return rund(ikkeNegativ("timer", timer).times(ikkeNegativ("timesats", timesats)));
}

/**
 * Average OF per foster family, truncated to whole kroner as the seeds publish it
 * (Syd 2018: 27,600,000 / 1,539 = 17,933, 004:68 and 004:325-326; Nord 2024 divides by
 * plejefamilier + nygodkendelser: 19,156,058 / (860 + 90) = 20,164, 002:221-223 and 002:410-413).
 */
export function ofPrPlejefamilie(behov: DecInput, plejefamilier: DecInput, nygodkendelser: DecInput = 0): Dec {
  const familier = heltal("plejefamilier", plejefamilier, 0, 1e9);
  const nye = heltal("nygodkendelser", nygodkendelser, 0, 1e9);
  const divisor = positiv("plejefamilier", familier + nye);
  return afkort(ikkeNegativ("behov", behov).div(divisor));
}
