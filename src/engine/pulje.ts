import { D, type Dec, type DecInput, rund, sum } from "./decimal";
import { STANDARD_GRAENSE } from "./efterreg";
import { EngineError } from "./fejl";
import { fordel } from "./fordeling";
import { iInterval, ikkeNegativ } from "./krav";

/**
 * The pool of hensatte overskud of one ledelsesområde (Bilag 17, 004:4699-4705; Bilag 18,
 * 004:5178-5185; domain-season.md §B2): vintages by the year the overskud concerns, used oldest
 * first, expired after `udloebAar` years, and the part above graense × the year's ramme taken
 * out; what expires or is taken out reduces the takster of the year + `forsinkelseAar`.
 * The pool counts whole kroner: every amount is rounded (half away from zero) as it enters, so
 * each krone set aside can be followed to where it went.
 */
export interface PuljeParametre {
  /** efterregGraense (0.05): the cap on a year's hensættelse and on the pool, × the year's ramme. */
  graense: DecInput;
  /** udloebAar (5): a vintage must be used within this many years after its year (004:4700-4701). */
  udloebAar: number;
  /** efterregForsinkelseAar (2): the takstår that receives what expires or is taken out. */
  forsinkelseAar: number;
}

export const STANDARD_PULJE: PuljeParametre = { graense: STANDARD_GRAENSE, udloebAar: 5, forsinkelseAar: 2 };

/** A year's figures for the ledelsesområde, from its regnskabsskemaer. */
export interface PuljeAar {
  aar: number;
  /** The ledelsesområde's ramme (omkostningsbudget) of the year. */
  ramme: DecInput;
  /** Σ positive A6Pulje: set aside as the vintage of this year (at most graense × ramme, TS211). */
  hensat: DecInput;
  /** Σ negative A6Pulje as a positive amount, plus other uses (projects, closure costs). */
  anvendt: DecInput;
}

/** An opening vintage of a pool that predates the service. */
export interface PrimoAargang {
  vedroererAar: number;
  beloeb: DecInput;
}

export type BevaegelseArt = "primo" | "hensat" | "anvendt" | "udloebet" | "overLoft";

export interface Bevaegelse {
  aar: number;
  art: BevaegelseArt;
  vedroererAar: number;
  /** Positive: into the vintage (primo, hensat); negative: out of it. */
  beloeb: Dec;
}

export interface Aargang {
  vedroererAar: number;
  /** Set aside (hensat or primo). */
  hensat: Dec;
  anvendt: Dec;
  udloebet: Dec;
  overLoft: Dec;
  rest: Dec;
  /** The last year-end at which the vintage can still be used. */
  udloeberUltimo: number;
}

/** What goes into a takstår's takster (negative: a reduction), and why. */
export interface PuljeTilTakst {
  takstaar: number;
  grund: "udloebet" | "overLoft";
  beloeb: Dec;
}

export interface PuljeForloeb {
  aargange: Aargang[];
  bevaegelser: Bevaegelse[];
  /** The pool after each year-end. */
  saldoUltimo: { aar: number; beloeb: Dec }[];
  tilTakst: PuljeTilTakst[];
  /** Uses the pool could not cover (the underskud stays with the year's efterregulering). */
  udaekket: { aar: number; beloeb: Dec }[];
}

function heleKroner(argument: string, v: DecInput): Dec {
  return rund(ikkeNegativ(argument, v));
}

/** Takes up to `beloeb` from the vintages oldest first; returns what could not be taken. */
function tagAeldsteFoerst(aargange: Aargang[], beloeb: Dec, aar: number, art: "anvendt" | "overLoft", b: Bevaegelse[]): Dec {
  let mangler = beloeb;
  for (const a of aargange) {
    if (mangler.isZero()) break;
    const tag = D.min(a.rest, mangler);
    if (tag.isZero()) continue;
    a.rest = a.rest.minus(tag);
    a[art] = a[art].plus(tag);
    mangler = mangler.minus(tag);
    b.push({ aar, art, vedroererAar: a.vedroererAar, beloeb: tag.neg() });
  }
  return mangler;
}

function nyAargang(vedroererAar: number, beloeb: Dec, p: PuljeParametre): Aargang {
  const nul = new D(0);
  return { vedroererAar, hensat: beloeb, anvendt: nul, udloebet: nul, overLoft: nul, rest: beloeb, udloeberUltimo: vedroererAar + p.udloebAar };
}

/** Each year once: a second row of the same year (or a second opening vintage) is refused. */
function unikkeAar(aar: readonly number[], argument: string): void {
  aar.forEach((a, i) => {
    if (aar.indexOf(a) !== i) throw new EngineError({ code: "OUT_OF_RANGE", argument, index: i });
  });
}

/**
 * The year-end algorithm of domain-season.md §B2 for each year in order: 1 hensat (a vintage of
 * the year, TS211's cap), 2 anvendt oldest vintage first (flag: the seed gives no order), 3 a
 * vintage past `udloeberUltimo` expires, 4 the pool above graense × the year's ramme is taken
 * out oldest first (flag: the current year's ramme), 5 both go into takstår aar + forsinkelseAar.
 */
export function puljeForloeb(primo: readonly PrimoAargang[], aarene: readonly PuljeAar[], p: PuljeParametre = STANDARD_PULJE): PuljeForloeb {
  const graense = iInterval("graense", p.graense, 0, 1, true, true);
  unikkeAar(primo.map((x) => x.vedroererAar), "vedroererAar");
  unikkeAar(aarene.map((x) => x.aar), "aar");
  const bevaegelser: Bevaegelse[] = [];
  // Oldest first throughout: the list is kept sorted by the year each vintage concerns.
  const aargange: Aargang[] = [...primo]
    .sort((x, y) => x.vedroererAar - y.vedroererAar)
    .map((x) => {
      const a = nyAargang(x.vedroererAar, heleKroner("primo", x.beloeb), p);
      bevaegelser.push({ aar: x.vedroererAar, art: "primo", vedroererAar: x.vedroererAar, beloeb: a.hensat });
      return a;
    });
  const saldoUltimo: PuljeForloeb["saldoUltimo"] = [];
  const tilTakst: PuljeTilTakst[] = [];
  const udaekket: PuljeForloeb["udaekket"] = [];
  for (const [i, y] of [...aarene].sort((x, z) => x.aar - z.aar).entries()) {
    const loft = rund(ikkeNegativ("ramme", y.ramme).times(graense));
    const hensat = heleKroner("hensat", y.hensat);
    if (hensat.gt(loft)) throw new EngineError({ code: "ABOVE_CAP", argument: "hensat", index: i, max: loft.toNumber(), maxInclusive: true });
    if (!hensat.isZero()) {
      // An opening vintage of the same year would be counted twice.
      if (aargange.some((a) => a.vedroererAar === y.aar)) throw new EngineError({ code: "OUT_OF_RANGE", argument: "aar", index: i });
      aargange.push(nyAargang(y.aar, hensat, p));
      aargange.sort((x, z) => x.vedroererAar - z.vedroererAar);
      bevaegelser.push({ aar: y.aar, art: "hensat", vedroererAar: y.aar, beloeb: hensat });
    }
    const ikkeDaekket = tagAeldsteFoerst(aargange, heleKroner("anvendt", y.anvendt), y.aar, "anvendt", bevaegelser);
    if (!ikkeDaekket.isZero()) udaekket.push({ aar: y.aar, beloeb: ikkeDaekket });
    let udloebet = new D(0);
    for (const a of aargange) {
      if (a.udloeberUltimo > y.aar || a.rest.isZero()) continue;
      udloebet = udloebet.plus(a.rest);
      a.udloebet = a.udloebet.plus(a.rest);
      bevaegelser.push({ aar: y.aar, art: "udloebet", vedroererAar: a.vedroererAar, beloeb: a.rest.neg() });
      a.rest = new D(0);
    }
    const over = D.max(sum(aargange.map((a) => a.rest)).minus(loft), 0);
    tagAeldsteFoerst(aargange, over, y.aar, "overLoft", bevaegelser);
    const takstaar = y.aar + p.forsinkelseAar;
    if (!udloebet.isZero()) tilTakst.push({ takstaar, grund: "udloebet", beloeb: udloebet.neg() });
    if (!over.isZero()) tilTakst.push({ takstaar, grund: "overLoft", beloeb: over.neg() });
    saldoUltimo.push({ aar: y.aar, beloeb: sum(aargange.map((a) => a.rest)) });
  }
  return { aargange, bevaegelser, saldoUltimo, tilTakst, udaekket };
}

/**
 * A takstår's amount from the pool spread over the ledelsesområde's tilbud by budget share
 * (flag: the closure rules' key, 004:4743, 4926-4927), largest remainder so the shares sum to
 * the amount exactly.
 */
export function puljeFordeling(beloeb: DecInput, budgetter: readonly DecInput[]): Dec[] {
  return fordel(beloeb, budgetter, "REST");
}
