import { YDELSE_RAEKKER } from "../felter";
import { harTypefejl, KONVENTION, pct, TAKSTFELTER, type Regel, ydelseTekst } from "../regel";

const UDVIKLING_AFHAENGER = [...TAKSTFELTER, "TS_Ydelser_SidsteAarsTakst", "TS_PLPct"] as const;

/** Takstudvikling is real, after PL (002:2519-2533): engine.takstudvikling, per ydelse. */
export const TS050: Regel = {
  code: "TS050",
  severity: "warning",
  felter: ["TS_Ydelser_Takstudvikling", "TS_Ydelser_SidsteAarsTakst", "TS_PLPct", "TS_UdviklingBegrundelse"],
  afhaenger: UDVIKLING_AFHAENGER,
  beskrivelse: "En ydelses reelle takstudvikling er mere end ±5 % uden begrundelse.",
  check(ctx) {
    if (ctx.v.TS_UdviklingBegrundelse || harTypefejl(ctx, TAKSTFELTER)) return;
    for (const y of ctx.b.ydelser) {
      if (y.takstudvikling === null || Math.abs(y.takstudvikling) <= 0.05) continue;
      ctx.fund("TS_Ydelser_Takstudvikling", `Den reelle takstudvikling for ${ydelseTekst(y.navn, y.raekke)} er ${pct(y.takstudvikling)} (efter PL-fremskrivning af sidste års takst), mere end ±5 %. Skriv en begrundelse under Takstudvikling (grænsen på ±5 % er ${KONVENTION}).`, y.raekke);
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
      if (celle !== null && celle !== undefined && forventet !== null && forventet !== undefined && Math.abs(celle - forventet) > 0.0005) {
        ctx.fund("TS_Ydelser_Takstudvikling", `Takstudviklingen for ${ydelseTekst(ctx.v.TS_Ydelser_Navn?.[i], i)} er ${pct(celle)}, men genberegnet ${pct(forventet)}.`, i);
      }
    }
  },
};
