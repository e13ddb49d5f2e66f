import { type Dec, type DecInput, dec, rund, sum } from "./decimal";
import { EngineError, type EngineErrorDetail } from "./fejl";
import { ikkeNegativ, positiv } from "./krav";
import { belaegningsdage, STANDARD_DAGE } from "./takst";

/**
 * The takst structure of a tilbud with one or more ydelser (domain §2, Bilag 14, 004:4264-4305;
 * product.md §1 SOC.TAKSTSTRUKTUR): the basisgrundlag is shared per belægningsdag alike, the
 * servicegrundlag by belægningsdage weighted with each ydelse's ressource.
 */

/** One row of the Ydelser table. `pladser` null = an empty row, not a ydelse (its other cells are ignored). */
export interface YdelseInput {
  pladser: DecInput | null;
  belaegning?: DecInput | null;
  /** Relative staff resources (e.g. hours per citizen per week); null/undefined = 1. */
  ressource?: DecInput | null;
}

export interface YdelsesTakst {
  /** bd_i = pladser × dage × belægning, exact. */
  belaegningsdage: Dec;
  ressource: Dec;
  /** basisgrundlag / Σ bd, whole kroner (the same for every ydelse). */
  basistakst: Dec;
  /** servicegrundlag × r_i / Σ (r_j × bd_j), whole kroner. */
  servicetakst: Dec;
  /** basistakst + servicetakst (the rounded parts, so the published parts add up). */
  takst: Dec;
}

export interface Takststruktur {
  /** One entry per input row, in order; null where the row is empty. */
  raekker: (YdelsesTakst | null)[];
  /** Σ bd over the ydelser, exact. */
  belaegningsdage: Dec;
  /** Σ (r × bd) over the ydelser, exact: the servicegrundlag's divisor. */
  vaegtedeBelaegningsdage: Dec;
  /** basisgrundlag + servicegrundlag. */
  takstgrundlag: Dec;
}

function iRaekke(index: number, beregn: () => Dec): Dec {
  try {
    return beregn();
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError({ ...e.detail, index } satisfies EngineErrorDetail);
    throw e;
  }
}

function tom(v: DecInput | null | undefined): v is null | undefined {
  return v === null || v === undefined;
}

export function takststruktur(
  basisgrundlag: DecInput,
  servicegrundlag: DecInput,
  ydelser: readonly YdelseInput[],
  dage: DecInput = STANDARD_DAGE,
): Takststruktur {
  const basis = ikkeNegativ("basisgrundlag", basisgrundlag);
  const service = ikkeNegativ("servicegrundlag", servicegrundlag);
  // A takst is a positive price (product.md §1, TAKST): the takstgrundlag must be above 0.
  if (basis.plus(service).lte(0)) positiv("basisgrundlag", basis);

  const raekkeData = ydelser.map((y, i) => {
    if (tom(y.pladser)) return null;
    const { pladser } = y;
    const belaegning = y.belaegning;
    if (tom(belaegning)) throw new EngineError({ code: "EMPTY", argument: "belaegning", index: i });
    const bd = iRaekke(i, () => belaegningsdage(pladser, belaegning, dage));
    const r = tom(y.ressource) ? dec(1) : iRaekke(i, () => positiv("ressource", y.ressource as DecInput));
    return { bd, r };
  });
  const aktive = raekkeData.filter((x): x is { bd: Dec; r: Dec } => x !== null);
  if (aktive.length === 0) throw new EngineError({ code: "EMPTY", argument: "pladser" });

  const sumBd = sum(aktive.map((x) => x.bd));
  const sumRBd = sum(aktive.map((x) => x.r.times(x.bd)));
  const basistakst = rund(basis.div(sumBd));
  return {
    raekker: raekkeData.map((x) => {
      if (x === null) return null;
      const servicetakst = rund(service.times(x.r).div(sumRBd));
      return { belaegningsdage: x.bd, ressource: x.r, basistakst, servicetakst, takst: basistakst.plus(servicetakst) };
    }),
    belaegningsdage: sumBd,
    vaegtedeBelaegningsdage: sumRBd,
    takstgrundlag: basis.plus(service),
  };
}
