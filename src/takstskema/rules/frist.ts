import { KATEGORI_HOEJT_SPECIALISERET, KATEGORI_KLYNGETILBUD } from "../felter";
import { kanoniskKategori } from "../kategori";
import { danskDato, kr, TAKSTFELTER, type Regel, type RegelKontekst, ydelseTekst } from "../regel";

/** End of the deadline day in Danish winter time (takst deadlines fall in Nov-Jan); the service's overview counts lateness by it too. */
export function fristSlut(frist: string): Date {
  return new Date(Date.parse(`${frist}T00:00:00+01:00`) + 24 * 3600 * 1000);
}

/**
 * Built once: toLocaleDateString with options builds a new Intl.DateTimeFormat on every call,
 * the largest single CPU item of a submission in the service's profile (bench/server.bench.ts).
 */
const DANSK_DAG = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen" });

/**
 * The Danish day of a moment, remembered for its UTC hour (Copenhagen's offset is whole hours, so
 * the day is the same all the hour): a late submission's TS090 formatted a date every time, a
 * top entry of the service's profile in the deadline week (every submission is late then).
 */
let sidsteTime = NaN;
let sidsteDag = "";
function danskDag(t: Date): string {
  const time = Math.floor(t.getTime() / 3_600_000);
  if (time !== sidsteTime) {
    sidsteDag = DANSK_DAG.format(t);
    sidsteTime = time;
  }
  return sidsteDag;
}

export const TS090: Regel = {
  code: "TS090",
  severity: "warning",
  felter: ["TS_Regelsaet"],
  parametre: ["fristTakster"],
  beskrivelse: "Skemaet er indsendt (eller valideret) efter regelsættets frist.",
  check(ctx) {
    const frist = ctx.param("fristTakster");
    if (ctx.indsendt.getTime() >= fristSlut(frist).getTime()) {
      const dato = danskDag(ctx.indsendt);
      ctx.fund("TS_Regelsaet", `Fristen for takster i ${ctx.regelsaet?.id} var ${danskDato(frist)}; skemaet er ${ctx.handling} ${dato}.`);
    }
  },
};

/** Døgn- og dagtakster: the 2.000 kr. of 004:3660 and 004:3664 is a takst per day. */
function erDagtakst(enhed: string | undefined): boolean {
  return enhed === "døgn" || enhed === "dag";
}

const TAKST_AFHAENGER = [...TAKSTFELTER, "TS_Kategori", "TS_Takstenhed"] as const;

/** The ydelser's takster (cell value where present, else recomputed), with their rows. */
function takster(ctx: RegelKontekst): { raekke: number; takst: number }[] {
  return ctx.brugt.takster.flatMap((takst, raekke) => (takst === null || !ctx.genberegnet.ydelser.some((y) => y.raekke === raekke) ? [] : [{ raekke, takst }]));
}

/**
 * TS100 and TS101. The category is the tilbud's (004:3660, 004:3664): only a tilbud whose every
 * døgn- or dagtakst contradicts it (`modsiger` the ruleset's limit) is a finding.
 */
function kategoriRegel(r: {
  code: string;
  kategori: string;
  beskrivelse: string;
  modsiger: (takst: number, graense: number) => boolean;
  /** The message before the list of takster, given the limit in kroner. */
  besked: (graense: string) => string;
}): Regel {
  return {
    code: r.code,
    severity: "warning",
    felter: ["TS_Kategori", "TS_Ydelser_Takst"],
    afhaenger: TAKST_AFHAENGER,
    parametre: ["hoejtSpecialiseretMinTakst"],
    beskrivelse: r.beskrivelse,
    check(ctx) {
      const k = ctx.vaerdier.TS_Kategori;
      if (k === undefined || kanoniskKategori(ctx.regelsaet, k) !== r.kategori || !erDagtakst(ctx.vaerdier.TS_Takstenhed)) return;
      const graense = ctx.param("hoejtSpecialiseretMinTakst");
      const alle = takster(ctx);
      if (alle.length > 0 && alle.every((t) => r.modsiger(t.takst, graense))) {
        const hvilke = alle.map((t) => `${kr(t.takst)} for ${ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[t.raekke], t.raekke)}`).join(", ");
        ctx.fund("TS_Kategori", `${r.besked(kr(graense))}: ${hvilke} pr. ${ctx.vaerdier.TS_Takstenhed}. Er kategorien rigtig?`);
      }
    },
  };
}

/**
 * TS100: "Højt specialiserede tilbud med regional betydning: Tilbud med en takst på 2000 kr.
 * eller derover" (004:3660); only døgn and dag takster compare with a daily amount.
 */
export const TS100: Regel = kategoriRegel({
  code: "TS100",
  kategori: KATEGORI_HOEJT_SPECIALISERET,
  beskrivelse: "Kategori højt specialiseret tilbud, hvor alle døgn- eller dagtakster er under regelsættets minimum.",
  modsiger: (takst, min) => takst < min,
  besked: (min) => `Et højt specialiseret tilbud med regional betydning har en takst på ${min} eller derover, men alle tilbuddets takster er under`,
});

/** TS101: "Klyngetilbud: Tilbud, der ... har en takst under 2000 kr." (004:3664). */
export const TS101: Regel = kategoriRegel({
  code: "TS101",
  kategori: KATEGORI_KLYNGETILBUD,
  beskrivelse: "Kategori klyngetilbud, hvor alle døgn- eller dagtakster er på regelsættets grænse eller derover.",
  modsiger: (takst, graense) => takst >= graense,
  besked: (graense) => `Et klyngetilbud har en takst under ${graense}, men alle tilbuddets takster er på grænsen eller derover`,
});
