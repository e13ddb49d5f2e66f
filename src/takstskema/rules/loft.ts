import { pct, type Regel } from "../regel";

/** A rate cell and the ruleset's cap on it, with the words its message uses. */
export interface Loft {
  code: string;
  felt: "TS_OverheadSats" | "TS_Rentesats";
  parameter: "overheadLoft" | "renteLoft";
  /** How the description and the message name the rate ("Overheadsatsen") and the cap ("loft"). */
  sats: string;
  loft: string;
}

/** A rate above the ruleset's cap is an error on the rate's cell (TS020 overhead, TS070 rente). */
export function loftRegel(l: Loft): Regel {
  return {
    code: l.code,
    severity: "error",
    felter: [l.felt],
    afhaenger: [l.felt],
    parametre: [l.parameter],
    beskrivelse: `${l.sats} er over regelsættets ${l.loft}.`,
    check(ctx) {
      const sats = ctx.vaerdier[l.felt];
      const loft = ctx.param(l.parameter);
      if (sats !== undefined && sats > loft) {
        ctx.fund(l.felt, `${l.sats} ${pct(sats, 2)} er over ${l.loft}et på ${pct(loft, 2)} i ${ctx.regelsaet?.id}.`);
      }
    },
  };
}
