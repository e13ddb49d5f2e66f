import { type Dec, type DecInput, rund } from "./decimal";
import { iInterval, ikkeNegativ } from "./krav";

/**
 * Provision for uninsured tjenestemandspension: a percentage of the pensionable wage
 * (20.3 % in 2018, 004:5105-5107). Insured civil servants enter the premium instead.
 */
export function tjenestemandspension(pensionsgivendeLoen: DecInput, sats: DecInput): Dec {
  return rund(ikkeNegativ("pensionsgivendeLoen", pensionsgivendeLoen).times(iInterval("sats", sats, 0, 1, true, true)));
}
