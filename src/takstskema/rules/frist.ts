import { KATEGORI_HOEJT_SPECIALISERET } from "../felter";
import { harTypefejl, KAPACITETSFELTER, kr, OMKOSTNINGSFELTER, type Regel } from "../regel";

/** End of the deadline day in Danish winter time (takst deadlines fall in Nov-Jan). */
export function fristSlut(frist: string): Date {
  return new Date(Date.parse(`${frist}T00:00:00+01:00`) + 24 * 3600 * 1000);
}

function danskDato(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

export const TS090: Regel = {
  code: "TS090",
  severity: "warning",
  felter: ["TS_Regelsaet"],
  parametre: ["fristTakster"],
  beskrivelse: "Skemaet er indsendt efter regelsættets frist.",
  check(ctx) {
    const frist = ctx.param("fristTakster");
    if (ctx.indsendt.getTime() >= fristSlut(frist).getTime()) {
      ctx.fund("TS_Regelsaet", `Fristen for takster i ${ctx.r?.id} var ${danskDato(frist)}; skemaet er indsendt ${ctx.indsendt.toLocaleDateString("da-DK", { timeZone: "Europe/Copenhagen" })}.`);
    }
  },
};

/** TS100: a højt specialiseret tilbud med regional betydning has a takst of at least 2.000 kr. (004:3660). */
export const TS100: Regel = {
  code: "TS100",
  severity: "warning",
  felter: ["TS_Kategori", "TS_Takst"],
  parametre: ["hoejtSpecialiseretMinTakst"],
  beskrivelse: "Kategori højt specialiseret tilbud med en takst under regelsættets minimum.",
  check(ctx) {
    if (ctx.v.TS_Kategori !== KATEGORI_HOEJT_SPECIALISERET || harTypefejl(ctx, [...OMKOSTNINGSFELTER, ...KAPACITETSFELTER])) return;
    const min = ctx.param("hoejtSpecialiseretMinTakst");
    const t = ctx.brugt.takst;
    if (t !== null && t < min) {
      ctx.fund("TS_Kategori", `Et højt specialiseret tilbud med regional betydning har en takst på mindst ${kr(min)}, men taksten er ${kr(t)}.`);
    }
  },
};

