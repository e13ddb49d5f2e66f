import type { Regel } from "../regel";
import { TS130 } from "./aendring";
import { TS013 } from "./beloeb";
import { TS030, TS031, TS032, TS033, TS060, TS061 } from "./beregning";
import { TS040 } from "./efterregulering";
import { TS090, TS100, TS101 } from "./frist";
import { TS010, TS011, TS012, TS016, TS111 } from "./kapacitet";
import { TS070, TS080 } from "./kapital";
import { TS020, TS021, TS022 } from "./overhead";
import { TS015 } from "./procent";
import { TS001, TS002, TS003, TS004, TS006 } from "./stamdata";
import { TS050, TS051 } from "./udvikling";

/**
 * All rules, in the order their findings are listed. The input rules come first: a later rule
 * that builds on a field with an error (its `afhaenger`) is listed as skipped instead.
 */
export const REGLER: readonly Regel[] = [
  TS001, TS002, TS003, TS004, TS006,
  TS010, TS011, TS016, TS111, TS013, TS015, TS012,
  TS020, TS021, TS022,
  TS030, TS031, TS032, TS033,
  TS040,
  TS050, TS051,
  TS060,
  TS061,
  TS070, TS080,
  TS090, TS100, TS101,
  TS130,
];
// No TS110: the seed says when a provider should differentiate and leaves the choice to it
// (004:4269-4272), and its own approved takster differ by 88-106 t.kr. a year (Toften
// 004:6078-6084, Palleshave 004:5972-5973). The guidance is the Ydelser section's help line.
