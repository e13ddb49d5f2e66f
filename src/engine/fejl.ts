/**
 * Domain precondition failures. The engine names the argument and the violated bound; the
 * adapters turn this into Danish text (the engine holds no UI strings).
 */
export type EngineErrorCode =
  | "NOT_FINITE"
  | "NOT_POSITIVE"
  | "NEGATIVE"
  | "OUT_OF_RANGE"
  | "NOT_WHOLE"
  | "ABOVE_CAP"
  | "NOT_ABOVE_THRESHOLD"
  /** The ruleset fixes the value (min = max = the only allowed value). */
  | "NOT_FIXED_VALUE"
  | "EMPTY"
  | "SUM_ZERO"
  | "WRONG_LENGTH";

export interface EngineErrorDetail {
  code: EngineErrorCode;
  /** Argument name as in the product contract, e.g. "pladser". */
  argument: string;
  min?: number;
  max?: number;
  /** Whether min/max are included in the allowed range. */
  minInclusive?: boolean;
  maxInclusive?: boolean;
  length?: number;
  /** 0-based position in a list argument (e.g. the third ydelse is 2), so callers can name the row. */
  index?: number;
}

export class EngineError extends Error {
  readonly detail: EngineErrorDetail;
  constructor(detail: EngineErrorDetail) {
    super(`${detail.code}: ${detail.argument}`);
    this.name = "EngineError";
    this.detail = detail;
  }
}
