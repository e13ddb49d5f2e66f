import { type Dec, type DecInput } from "./decimal";
import { iInterval } from "./krav";

/** Average occupancy of the last two years, the starting point for the budget (004:5124-5129). */
export function gennemsnitligBelaegning(aarMinus2: DecInput, aarMinus1: DecInput): Dec {
  // Actual occupancy may exceed 100 % (overbelægning); only the budget value is capped.
  const a = iInterval("aarMinus2", aarMinus2, 0, 2, true, true);
  const b = iInterval("aarMinus1", aarMinus1, 0, 2, true, true);
  return a.plus(b).div(2);
}

/** Deviation in percentage points (as a fraction: 0.05 = 5 points) from the two-year average. */
export function belaegningsafvigelse(belaegning: DecInput, aarMinus2: DecInput, aarMinus1: DecInput): Dec {
  return iInterval("belaegning", belaegning, 0, 2, true, true).minus(gennemsnitligBelaegning(aarMinus2, aarMinus1)).abs();
}
