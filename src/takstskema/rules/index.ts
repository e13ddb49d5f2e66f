import type { Regel } from "../regel";
import { TS030, TS031, TS032, TS060, TS061 } from "./beregning";
import { TS040 } from "./efterregulering";
import { TS090, TS100 } from "./frist";
import { TS010, TS011, TS012 } from "./kapacitet";
import { TS070, TS080 } from "./kapital";
import { TS020, TS021, TS022 } from "./overhead";
import { TS001, TS002, TS003, TS004 } from "./stamdata";
import { TS050, TS051 } from "./udvikling";

/** All rules, in the order their findings are listed. */
export const REGLER: readonly Regel[] = [
  TS001, TS002, TS003, TS004,
  TS010, TS011, TS012,
  TS020, TS021, TS022,
  TS030, TS031, TS032,
  TS040,
  TS050, TS051,
  TS060,
  TS061,
  TS070, TS080,
  TS090, TS100,
];
