import { YDELSE_RAEKKER } from "../felter";
import { harTypefejl, KONVENTION, pct, pctKort, type RegelKontekst, TAKSTFELTER, type Regel, ydelseTekst } from "../regel";
import { plManglerGrund } from "../takstudvikling";
import { UDSVING_GRAENSE, UDVIKLING_DECIMALER } from "../udviklingGraense";

const UDVIKLING_AFHAENGER = [...TAKSTFELTER, "TS_Ydelser_SidsteAarsTakst", "TS_PLPct"] as const;

const GRAENSE = `±${pct(UDSVING_GRAENSE, 0)}`;
/** A cell that shows the recomputed figure lies within half a shown unit of it (0,05 percentage points). */
const HALV_ENHED = 0.5 * 10 ** -UDVIKLING_DECIMALER;

/**
 * Which PL the figure used, for the message: the ruleset's wins over the skema's (udviklingsPl),
 * so a skema stating another PL is told which one counted (no rule of its own: product.md has none).
 */
function brugtPl(ctx: RegelKontekst): string {
  const { pl, kilde } = ctx.brugt.udviklingsPl;
  if (pl === null) return "";
  if (kilde === "skema") return `skemaets PL på ${pctKort(pl)}`;
  const skema = ctx.vaerdier.TS_PLPct;
  return `regelsættets PL på ${pctKort(pl)}${skema !== undefined && skema !== pl ? `, ikke skemaets ${pctKort(skema)}` : ""}`;
}

/** Takstudvikling is real, after PL (002:2519-2533): vistUdvikling per ydelse, flagged by its own limit. */
export const TS050: Regel = {
  code: "TS050",
  severity: "warning",
  takstanalyse: true,
  felter: ["TS_Ydelser_Takstudvikling", "TS_Ydelser_SidsteAarsTakst", "TS_PLPct", "TS_UdviklingBegrundelse"],
  afhaenger: UDVIKLING_AFHAENGER,
  beskrivelse: `En ydelses reelle takstudvikling er mere end ${GRAENSE} uden begrundelse.`,
  check(ctx) {
    if (ctx.vaerdier.TS_UdviklingBegrundelse || harTypefejl(ctx, TAKSTFELTER)) return;
    if (ctx.brugt.udviklingsPl.pl === null) return ctx.spring(`Sprunget over, fordi ${plManglerGrund(ctx.regelsaet, ctx.vaerdier.TS_Takstaar)}. Kontrollen: ${TS050.beskrivelse}`, "TS_PLPct");
    for (const y of ctx.genberegnet.ydelser) {
      if (y.takstudvikling === null || !ctx.brugt.udsving[y.raekke]) continue;
      ctx.fund("TS_Ydelser_Takstudvikling", `Den reelle takstudvikling for ${ydelseTekst(y.navn, y.raekke)} er ${pct(y.takstudvikling)} (efter fremskrivning af sidste års takst med ${brugtPl(ctx)}), mere end ${GRAENSE}. Skriv en begrundelse under Takstudvikling (grænsen på ${GRAENSE} er ${KONVENTION}).`, y.raekke);
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
    if (ctx.brugt.udviklingsPl.pl === null) return ctx.spring(`Sprunget over, fordi ${plManglerGrund(ctx.regelsaet, ctx.vaerdier.TS_Takstaar)}. Kontrollen: ${TS051.beskrivelse}`, "TS_PLPct");
    const udv = new Map(ctx.genberegnet.ydelser.map((y) => [y.raekke, y.takstudvikling]));
    for (let i = 0; i < YDELSE_RAEKKER; i++) {
      const celle = ctx.vaerdier.TS_Ydelser_Takstudvikling?.[i];
      const forventet = udv.get(i);
      if (celle !== null && celle !== undefined && forventet !== null && forventet !== undefined && Math.abs(celle - forventet) > HALV_ENHED * (1 + 1e-9)) {
        ctx.fund("TS_Ydelser_Takstudvikling", `Takstudviklingen for ${ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i)} er ${pct(celle)}, men ${pct(forventet)} genberegnet med ${brugtPl(ctx)}.`, i);
      }
    }
  },
};
