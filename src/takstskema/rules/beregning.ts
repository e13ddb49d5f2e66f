import { belaegningsdage, takst, tilTal } from "../../engine";
import { parameter } from "../../regelsaet";
import { harTypefejl, KAPACITETSFELTER, kr, OMKOSTNINGSFELTER, TAKSTFELTER, tal, TOLERANCE_KR, type Regel } from "../regel";

/** Run an engine computation; a precondition failure (reported by TS010/TS011) gives undefined. */
function forsoeg<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

export const TS030: Regel = {
  code: "TS030",
  severity: "error",
  felter: ["TS_Takst", "TS_Takstgrundlag", "TS_Pladser", "TS_Belaegning", "TS_Dage"],
  afhaenger: TAKSTFELTER,
  beskrivelse: "Taksten er ikke takstgrundlag / belægningsdage afrundet (tolerance 1 kr.).",
  check(ctx) {
    const celle = ctx.v.TS_Takst;
    const { TS_Pladser: p, TS_Belaegning: b } = ctx.v;
    if (celle === undefined || p === undefined || b === undefined || harTypefejl(ctx, [...OMKOSTNINGSFELTER, ...KAPACITETSFELTER])) return;
    const dage = ctx.v.TS_Dage ?? 365;
    const forventet = forsoeg(() => tilTal(takst(ctx.brugt.takstgrundlag, p, b, dage)));
    if (forventet !== undefined && Math.abs(celle - forventet) > TOLERANCE_KR) {
      ctx.fund("TS_Takst", `Taksten er ${kr(celle)}, men takstgrundlaget ${kr(ctx.brugt.takstgrundlag)} / belægningsdage giver ${kr(forventet)}.`);
    }
  },
};

export const TS031: Regel = {
  code: "TS031",
  severity: "error",
  felter: ["TS_Takstgrundlag"],
  afhaenger: OMKOSTNINGSFELTER,
  beskrivelse: "Takstgrundlaget er ikke summen af kategorierne (tolerance 1 kr.).",
  check(ctx) {
    const celle = ctx.v.TS_Takstgrundlag;
    if (celle !== undefined && !harTypefejl(ctx, OMKOSTNINGSFELTER) && Math.abs(celle - ctx.b.takstgrundlag) > TOLERANCE_KR) {
      ctx.fund("TS_Takstgrundlag", `Takstgrundlaget er ${kr(celle)}, men summen af kategori 1-10 er ${kr(ctx.b.takstgrundlag)}.`);
    }
  },
};

/** TS032: a takst is a positive price, so the takstgrundlag and the takst must be above 0. */
export const TS032: Regel = {
  code: "TS032",
  severity: "error",
  felter: ["TS_Takstgrundlag", "TS_Takst"],
  afhaenger: TAKSTFELTER,
  beskrivelse: "Takstgrundlaget eller taksten er 0 eller negativ.",
  check(ctx) {
    const tg = ctx.brugt.takstgrundlag;
    if (tg <= 0) {
      ctx.fund("TS_Takstgrundlag", `Takstgrundlaget er ${kr(tg)}, men en takst er en positiv pris. Kontrollér at alle omkostninger er med, og at indtægter og regulering ikke overstiger dem.`);
      return;
    }
    const t = ctx.v.TS_Takst;
    if (t !== undefined && t <= 0) ctx.fund("TS_Takst", `Taksten er ${kr(t)}, men en takst er en positiv pris.`);
  },
};

export const TS033: Regel = {
  code: "TS033",
  severity: "error",
  felter: ["TS_Belaegningsdage"],
  afhaenger: KAPACITETSFELTER,
  beskrivelse: "Belægningsdage er ikke pladser × dage × belægning.",
  check(ctx) {
    const celle = ctx.v.TS_Belaegningsdage;
    const { TS_Pladser: p, TS_Belaegning: b } = ctx.v;
    if (celle === undefined || p === undefined || b === undefined || harTypefejl(ctx, KAPACITETSFELTER)) return;
    const forventet = forsoeg(() => tilTal(belaegningsdage(p, b, ctx.v.TS_Dage ?? 365)));
    if (forventet !== undefined && Math.abs(celle - forventet) > 0.5) {
      ctx.fund("TS_Belaegningsdage", `Belægningsdage er ${tal(celle)}, men pladser × dage × belægning er ${tal(forventet)}.`);
    }
  },
};

/**
 * TS060: basistakst + servicetakst = takst wherever both are filled; under a ruleset that
 * requires the split ("kraeves") a missing part is an error too.
 */
export const TS060: Regel = {
  code: "TS060",
  severity: "error",
  felter: ["TS_Basistakst", "TS_Servicetakst", "TS_Takst"],
  afhaenger: [...TAKSTFELTER, "TS_Basistakst", "TS_Servicetakst"],
  beskrivelse: "Basistakst + servicetakst er ikke taksten.",
  check(ctx) {
    const { TS_Basistakst: basis, TS_Servicetakst: service } = ctx.v;
    if (ctx.r && parameter(ctx.r, "basisServiceOpdeling") === "kraeves") {
      const id = ctx.r.id;
      if (basis === undefined && !ctx.typefejl.has("TS_Basistakst")) ctx.fund("TS_Basistakst", `${id} kræver taksten opdelt i basistakst og servicetakst; basistakst mangler.`);
      if (service === undefined && !ctx.typefejl.has("TS_Servicetakst")) ctx.fund("TS_Servicetakst", `${id} kræver taksten opdelt i basistakst og servicetakst; servicetakst mangler.`);
    }
    const t = ctx.brugt.takst;
    if (basis === undefined || service === undefined || t === null) return;
    if (Math.abs(basis + service - t) > TOLERANCE_KR) {
      ctx.fund("TS_Basistakst", `Basistakst ${kr(basis)} + servicetakst ${kr(service)} = ${kr(basis + service)}, men taksten er ${kr(t)}.`);
    }
  },
};

/** TS061: the ruleset expects a basis/service split ("forventes", 000:164, 172) and it is missing: a warning, never an error. */
export const TS061: Regel = {
  code: "TS061",
  severity: "warning",
  felter: ["TS_Basistakst", "TS_Servicetakst"],
  parametre: ["basisServiceOpdeling"],
  beskrivelse: "Regelsættet forventer taksten opdelt i basis- og servicetakst.",
  check(ctx) {
    if (ctx.param("basisServiceOpdeling") !== "forventes") return;
    const { TS_Basistakst: basis, TS_Servicetakst: service } = ctx.v;
    if (basis !== undefined && service !== undefined) return;
    if (ctx.typefejl.has("TS_Basistakst") || ctx.typefejl.has("TS_Servicetakst")) return;
    ctx.fund(basis === undefined ? "TS_Basistakst" : "TS_Servicetakst", `${ctx.r?.id ?? ""} forventer taksten opdelt i basistakst og servicetakst (Midtjylland: forventet fra 1. januar 2021). Udfyld begge, hvis I kan.`);
  },
};
