import { overheadTal } from "../../engine";
import { harTypefejl, kr, OMKOSTNINGSFELTER, pct, TOLERANCE_KR, type Regel } from "../regel";
import { loftRegel } from "./loft";

export const TS020: Regel = loftRegel({ code: "TS020", felt: "TS_OverheadSats", parameter: "overheadLoft", sats: "Overheadsatsen", loft: "loft" });

export const TS021: Regel = {
  code: "TS021",
  severity: "error",
  felter: ["TS_Overhead", "TS_OverheadGrundlag", "TS_OverheadSats"],
  afhaenger: OMKOSTNINGSFELTER,
  beskrivelse: "Overhead er ikke sats gange grundlag (tolerance 1 kr.).",
  check(ctx) {
    const celle = ctx.vaerdier.TS_Overhead;
    const sats = ctx.vaerdier.TS_OverheadSats ?? 0;
    if (celle === undefined || sats < 0 || sats > 1 || harTypefejl(ctx, OMKOSTNINGSFELTER)) return;
    const forventet = overheadTal(ctx.brugt.overheadGrundlag, sats);
    if (Math.abs(celle - forventet) > TOLERANCE_KR) {
      ctx.fund("TS_Overhead", `Overhead er ${kr(celle)}, men ${pct(sats, 2)} af grundlaget ${kr(ctx.brugt.overheadGrundlag)} er ${kr(forventet)}.`);
    }
  },
};

/** TS022: the overhead base cell differs from the sum of its lines (004:4985-5003). */
export const TS022: Regel = {
  code: "TS022",
  severity: "error",
  felter: ["TS_OverheadGrundlag"],
  afhaenger: OMKOSTNINGSFELTER,
  beskrivelse: "Overheadgrundlaget er ikke summen af de linjer der bærer overhead (tolerance 1 kr.).",
  check(ctx) {
    const celle = ctx.vaerdier.TS_OverheadGrundlag;
    if (celle !== undefined && !harTypefejl(ctx, OMKOSTNINGSFELTER) && Math.abs(celle - ctx.genberegnet.overheadGrundlag) > TOLERANCE_KR) {
      ctx.fund("TS_OverheadGrundlag", `Overheadgrundlaget er ${kr(celle)}, men linjerne giver ${kr(ctx.genberegnet.overheadGrundlag)}.`);
    }
  },
};
