import { dec, type Dec, type DecInput } from "./decimal";
import { EngineError } from "./fejl";

/** Small precondition helpers shared by the engine functions. */

export function endelig(argument: string, value: DecInput): Dec {
  const d = dec(value);
  if (!d.isFinite()) throw new EngineError({ code: "NOT_FINITE", argument });
  return d;
}

export function positiv(argument: string, value: DecInput): Dec {
  const d = endelig(argument, value);
  if (d.lte(0)) throw new EngineError({ code: "NOT_POSITIVE", argument, min: 0, minInclusive: false });
  return d;
}

export function ikkeNegativ(argument: string, value: DecInput): Dec {
  const d = endelig(argument, value);
  if (d.isNeg() && !d.isZero()) throw new EngineError({ code: "NEGATIVE", argument, min: 0, minInclusive: true });
  return d;
}

export function iInterval(
  argument: string,
  value: DecInput,
  min: number,
  max: number,
  minInclusive: boolean,
  maxInclusive: boolean,
): Dec {
  const d = endelig(argument, value);
  const underMin = minInclusive ? d.lt(min) : d.lte(min);
  const overMax = maxInclusive ? d.gt(max) : d.gte(max);
  if (underMin || overMax) {
    throw new EngineError({ code: "OUT_OF_RANGE", argument, min, max, minInclusive, maxInclusive });
  }
  return d;
}

export function heltal(argument: string, value: DecInput, min: number, max: number): number {
  const d = iInterval(argument, value, min, max, true, true);
  if (!d.isInteger()) throw new EngineError({ code: "NOT_WHOLE", argument, min, max });
  return d.toNumber();
}

/**
 * A rate as a fraction in [0, 1]; with `loft` (a ruleset's cap) a rate above it is refused, not
 * silently capped.
 */
export function satsHoejst(argument: string, value: DecInput, loft?: DecInput): Dec {
  const d = iInterval(argument, value, 0, 1, true, true);
  if (loft !== undefined && d.gt(loft)) {
    throw new EngineError({ code: "ABOVE_CAP", argument, max: Number(loft), maxInclusive: true });
  }
  return d;
}
