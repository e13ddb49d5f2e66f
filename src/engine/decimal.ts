import Decimal from "decimal.js";

/**
 * The engine's own Decimal constructor. ROUND_HALF_UP in decimal.js rounds half away from
 * zero, which is what Excel's ROUND does and what published takster use.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof D>;
export type DecInput = Dec | number | string;

export function dec(value: DecInput): Dec {
  return value instanceof D ? value : new D(value);
}

/** Whole kroner (or `decimaler` places), half away from zero. */
export function rund(value: DecInput, decimaler = 0): Dec {
  return dec(value).toDecimalPlaces(decimaler, D.ROUND_HALF_UP);
}

/** Truncate toward zero (used where a seed shows truncated figures). */
export function afkort(value: DecInput, decimaler = 0): Dec {
  return dec(value).toDecimalPlaces(decimaler, D.ROUND_DOWN);
}

export function sum(values: readonly DecInput[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(dec(v)), new D(0));
}

/** Plain number at the Excel/JSON boundary; -0 becomes 0 so Excel never shows "-0". */
export function tilTal(value: Dec): number {
  const n = value.toNumber();
  return Object.is(n, -0) ? 0 : n;
}
