import { harTypefejl, KAPACITETSFELTER, OMKOSTNINGSFELTER, pct, TAKSTFELTER, type Regel } from "../regel";

/** Takstudvikling is real, after PL (002:2519-2533): engine.takstudvikling. */
export const TS050: Regel = {
  code: "TS050",
  severity: "warning",
  felter: ["TS_Takstudvikling", "TS_SidsteAarsTakst", "TS_PLPct", "TS_UdviklingBegrundelse"],
  afhaenger: [...TAKSTFELTER, "TS_SidsteAarsTakst", "TS_PLPct"],
  beskrivelse: "Den reelle takstudvikling er mere end ±5 % uden begrundelse.",
  check(ctx) {
    const udv = ctx.b.takstudvikling;
    if (udv === null || ctx.v.TS_UdviklingBegrundelse || harTypefejl(ctx, [...OMKOSTNINGSFELTER, ...KAPACITETSFELTER])) return;
    if (Math.abs(udv) > 0.05) {
      ctx.fund("TS_UdviklingBegrundelse", `Den reelle takstudvikling er ${pct(udv)} (efter PL-fremskrivning af sidste års takst), mere end ±5 %. Skriv en begrundelse.`);
    }
  },
};

export const TS051: Regel = {
  code: "TS051",
  severity: "warning",
  felter: ["TS_Takstudvikling"],
  afhaenger: [...TAKSTFELTER, "TS_SidsteAarsTakst", "TS_PLPct"],
  beskrivelse: "Cellen med takstudvikling svarer ikke til den genberegnede.",
  check(ctx) {
    const celle = ctx.v.TS_Takstudvikling;
    const udv = ctx.b.takstudvikling;
    if (harTypefejl(ctx, [...OMKOSTNINGSFELTER, ...KAPACITETSFELTER, "TS_SidsteAarsTakst", "TS_PLPct"])) return;
    if (celle !== undefined && udv !== null && Math.abs(celle - udv) > 0.0005) {
      ctx.fund("TS_Takstudvikling", `Takstudviklingen er ${pct(celle)}, men genberegnet ${pct(udv)}.`);
    }
  },
};
