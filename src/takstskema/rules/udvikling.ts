import { YDELSE_RAEKKER } from "../felter";
import { harTypefejl, KONVENTION, pct, TAKSTFELTER, type Regel, ydelseTekst } from "../regel";
import { UDSVING_GRAENSE, UDVIKLING_DECIMALER } from "../udviklingGraense";

const UDVIKLING_AFHAENGER = [...TAKSTFELTER, "TS_Ydelser_SidsteAarsTakst", "TS_PLPct"] as const;

const GRAENSE = `±${pct(UDSVING_GRAENSE, 0)}`;
/** A cell that shows the recomputed figure lies within half a shown unit of it (0,05 percentage points). */
const HALV_ENHED = 0.5 * 10 ** -UDVIKLING_DECIMALER;

/** Takstudvikling is real, after PL (002:2519-2533): vistUdvikling per ydelse, flagged by its own limit. */
export const TS050: Regel = {
  code: "TS050",
  severity: "warning",
  takstanalyse: true,
  felter: ["TS_Ydelser_Takstudvikling", "TS_Ydelser_SidsteAarsTakst", "TS_PLPct", "TS_UdviklingBegrundelse"],
  afhaenger: UDVIKLING_AFHAENGER,
  beskrivelse: `En ydelses reelle takstudvikling er mere end ${GRAENSE} uden begrundelse.`,
  check(ctx) {
    if (ctx.v.TS_UdviklingBegrundelse || harTypefejl(ctx, TAKSTFELTER)) return;
    for (const y of ctx.b.ydelser) {
      if (y.takstudvikling === null || !ctx.brugt.udsving[y.raekke]) continue;
      ctx.fund("TS_Ydelser_Takstudvikling", `Den reelle takstudvikling for ${ydelseTekst(y.navn, y.raekke)} er ${pct(y.takstudvikling)} (efter PL-fremskrivning af sidste års takst), mere end ${GRAENSE}. Skriv en begrundelse under Takstudvikling (grænsen på ${GRAENSE} er ${KONVENTION}).`, y.raekke);
    }
  },
};

export const TS051: Regel = {
  code: "TS051",
  severity: "warning",
  felter: ["TS_Ydelser_Takstudvikling"],
  afhaenger: UDVIKLING_AFHAENGER,
  beskrivelse: "En celle med takstudvikling svarer ikke til den genberegnede.",
  check(ctx) {
    if (harTypefejl(ctx, UDVIKLING_AFHAENGER)) return;
    const udv = new Map(ctx.b.ydelser.map((y) => [y.raekke, y.takstudvikling]));
    for (let i = 0; i < YDELSE_RAEKKER; i++) {
      const celle = ctx.v.TS_Ydelser_Takstudvikling?.[i];
      const forventet = udv.get(i);
      if (celle !== null && celle !== undefined && forventet !== null && forventet !== undefined && Math.abs(celle - forventet) > HALV_ENHED * (1 + 1e-9)) {
        ctx.fund("TS_Ydelser_Takstudvikling", `Takstudviklingen for ${ydelseTekst(ctx.v.TS_Ydelser_Navn?.[i], i)} er ${pct(celle)}, men genberegnet ${pct(forventet)}.`, i);
      }
    }
  },
};
