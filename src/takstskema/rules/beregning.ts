import { parameter, parameterKilde } from "../../regelsaet";
import { TAKST_MAKS, YDELSE_RAEKKER } from "../felter";
import { harTypefejl, kr, OMKOSTNINGSFELTER, tal, TAKSTFELTER, TOLERANCE_KR, type Regel, type RegelKontekst, ydelseTekst } from "../regel";

/** The basis/service split is recomputed unless a former single-takst skema gave it by hand (no TS_Borgerrettet). */
function splitBeregnes(ctx: RegelKontekst): boolean {
  return !ctx.enkeltTakst || ctx.vaerdier.TS_Borgerrettet !== undefined;
}

const navnI = (ctx: RegelKontekst, i: number) => ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i);

/**
 * TS030: each ydelse's takst, basistakst and servicetakst cell equals SOC.TAKSTSTRUKTUR of the
 * skema (product.md §1, §3), ±1 kr. One row with no TS_Borgerrettet is exactly SOC.TAKST.
 */
export const TS030: Regel = {
  code: "TS030",
  severity: "error",
  felter: ["TS_Ydelser_Takst", "TS_Ydelser_Basistakst", "TS_Ydelser_Servicetakst", "TS_Takstgrundlag", "TS_Borgerrettet"],
  afhaenger: TAKSTFELTER,
  beskrivelse: "En ydelses takst, basistakst eller servicetakst er ikke takststrukturen af skemaet (tolerance 1 kr.).",
  check(ctx) {
    const struktur = ctx.brugt.struktur;
    if (!struktur || harTypefejl(ctx, TAKSTFELTER)) return;
    const kolonner = [
      ["TS_Ydelser_Takst", "takst", "Taksten"],
      ...(splitBeregnes(ctx) ? [["TS_Ydelser_Basistakst", "basistakst", "Basistaksten"], ["TS_Ydelser_Servicetakst", "servicetakst", "Servicetaksten"]] as const : []),
    ] as const;
    for (let i = 0; i < YDELSE_RAEKKER; i++) {
      const s = struktur[i];
      if (!s) continue;
      for (const [navn, noegle, etiket] of kolonner) {
        const celle = ctx.vaerdier[navn]?.[i];
        if (celle !== null && celle !== undefined && Math.abs(celle - s[noegle]) > TOLERANCE_KR) {
          const grundlag = `basisgrundlag ${kr(ctx.brugt.basisgrundlag)} og servicegrundlag ${kr(ctx.brugt.servicegrundlag)} fordelt på ${tal(s.belaegningsdage)} belægningsdage`;
          ctx.fund(navn, `${etiket} for ${navnI(ctx, i)} er ${kr(celle)}, men takststrukturen (${grundlag}) giver ${kr(s[noegle])}.`, i);
        }
      }
    }
  },
};

export const TS031: Regel = {
  code: "TS031",
  severity: "error",
  felter: ["TS_Takstgrundlag", "TS_Basisgrundlag"],
  afhaenger: OMKOSTNINGSFELTER,
  beskrivelse: "Takstgrundlaget er ikke summen af kategorierne, eller basisgrundlaget er ikke takstgrundlaget minus den borgerrettede del (tolerance 1 kr.).",
  check(ctx) {
    if (harTypefejl(ctx, OMKOSTNINGSFELTER)) return;
    const celle = ctx.vaerdier.TS_Takstgrundlag;
    if (celle !== undefined && Math.abs(celle - ctx.genberegnet.takstgrundlag) > TOLERANCE_KR) {
      ctx.fund("TS_Takstgrundlag", `Takstgrundlaget er ${kr(celle)}, men summen af kategori 1-10 er ${kr(ctx.genberegnet.takstgrundlag)}.`);
      return;
    }
    // The basisgrundlag is the takstgrundlag less the borgerrettede costs.
    const basis = ctx.vaerdier.TS_Basisgrundlag;
    const forventet = ctx.brugt.takstgrundlag - (ctx.vaerdier.TS_Borgerrettet ?? 0);
    if (basis !== undefined && !ctx.typefejl.has("TS_Borgerrettet") && Math.abs(basis - forventet) > TOLERANCE_KR) {
      ctx.fund("TS_Basisgrundlag", `Basisgrundlaget er ${kr(basis)}, men takstgrundlaget minus den borgerrettede del er ${kr(forventet)}.`);
    }
  },
};

/**
 * TS032: a takst is a positive price, so the takstgrundlag and every takst must be above 0; and
 * a plausible one, at most TAKST_MAKS per belægningsdag (whatever the takst cell holds).
 */
export const TS032: Regel = {
  code: "TS032",
  severity: "error",
  felter: ["TS_Takstgrundlag", "TS_Ydelser_Takst"],
  afhaenger: TAKSTFELTER,
  beskrivelse: `Takstgrundlaget eller en takst er 0 eller negativ, eller en takst er over ${kr(TAKST_MAKS)} pr. dag.`,
  check(ctx) {
    const tg = ctx.brugt.takstgrundlag;
    if (tg <= 0) {
      ctx.fund("TS_Takstgrundlag", `Takstgrundlaget er ${kr(tg)}, men en takst er en positiv pris. Kontrollér at alle omkostninger er med, og at indtægter og regulering ikke overstiger dem.`);
      return;
    }
    ctx.brugt.takster.forEach((t, i) => {
      if (t !== null && t <= 0 && ctx.vaerdier.TS_Ydelser_Takst?.[i] !== null && ctx.vaerdier.TS_Ydelser_Takst?.[i] !== undefined) {
        ctx.fund("TS_Ydelser_Takst", `Taksten for ${navnI(ctx, i)} er ${kr(t)}, men en takst er en positiv pris.`, i);
      } else if (t !== null && t > TAKST_MAKS) {
        ctx.fund("TS_Ydelser_Takst", `Taksten for ${navnI(ctx, i)} er ${kr(t)} pr. dag, over ${kr(TAKST_MAKS)}, som ingen takst når (produktets grænse). Kontrollér beløbene, pladserne og belægningen.`, i);
      }
    });
  },
};

export const TS033: Regel = {
  code: "TS033",
  severity: "error",
  felter: ["TS_Belaegningsdage"],
  afhaenger: ["TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_Dage"],
  beskrivelse: "Belægningsdage er ikke summen over ydelserne af pladser × dage × belægning.",
  check(ctx) {
    const celle = ctx.vaerdier.TS_Belaegningsdage;
    const forventet = ctx.genberegnet.belaegningsdage;
    if (celle === undefined || forventet === null || harTypefejl(ctx, ["TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_Dage"])) return;
    if (Math.abs(celle - forventet) > 0.5) {
      ctx.fund("TS_Belaegningsdage", `Belægningsdage er ${tal(celle)}, men summen over ydelserne af pladser × dage × belægning er ${tal(forventet)}.`);
    }
  },
};

/** TS060: for each ydelse, basistakst + servicetakst = its takst (the published parts add up), ±1 kr. */
export const TS060: Regel = {
  code: "TS060",
  severity: "error",
  felter: ["TS_Ydelser_Basistakst", "TS_Ydelser_Servicetakst", "TS_Ydelser_Takst"],
  afhaenger: TAKSTFELTER,
  beskrivelse: "En ydelses basistakst + servicetakst er ikke dens takst.",
  check(ctx) {
    const beregnes = splitBeregnes(ctx);
    for (let i = 0; i < YDELSE_RAEKKER; i++) {
      const s = ctx.brugt.struktur?.[i] ?? null;
      const basis = ctx.vaerdier.TS_Ydelser_Basistakst?.[i] ?? (beregnes ? s?.basistakst : undefined) ?? null;
      const service = ctx.vaerdier.TS_Ydelser_Servicetakst?.[i] ?? (beregnes ? s?.servicetakst : undefined) ?? null;
      const t = ctx.brugt.takster[i] ?? null;
      if (basis === null || service === null || t === null) continue;
      // A takst cell off the structure is TS030's finding; its parts are not compared with it.
      if (s && Math.abs(t - s.takst) > TOLERANCE_KR) continue;
      if (Math.abs(basis + service - t) > TOLERANCE_KR) {
        ctx.fund("TS_Ydelser_Basistakst", `For ${navnI(ctx, i)} er basistakst ${kr(basis)} + servicetakst ${kr(service)} = ${kr(basis + service)}, men taksten er ${kr(t)}.`, i);
      }
    }
  },
};

/**
 * TS061: the ruleset expects a basis/service split ("forventes", 000:164, 172) and the
 * borgerrettede costs are not given: a warning, never an error. Where a ruleset requires it
 * ("kraeves"), TS_Borgerrettet is mandatory (TS001).
 */
export const TS061: Regel = {
  code: "TS061",
  severity: "warning",
  felter: ["TS_Borgerrettet"],
  parametre: ["basisServiceOpdeling"],
  beskrivelse: "Regelsættet forventer taksterne opdelt i basis- og servicetakst, og den borgerrettede del er ikke udfyldt.",
  check(ctx) {
    if (ctx.param("basisServiceOpdeling") !== "forventes") return;
    if (ctx.vaerdier.TS_Borgerrettet !== undefined || ctx.typefejl.has("TS_Borgerrettet")) return;
    // A former single-takst skema that gave both parts by hand has its split.
    if (ctx.enkeltTakst && ctx.vaerdier.TS_Ydelser_Basistakst?.[0] != null && ctx.vaerdier.TS_Ydelser_Servicetakst?.[0] != null) return;
    // The source is the ruleset's own (each region states it in its own rammeaftale).
    const kilde = ctx.regelsaet ? parameterKilde(ctx.regelsaet, "basisServiceOpdeling") : undefined;
    ctx.fund("TS_Borgerrettet", `${ctx.regelsaet?.id ?? ""} forventer taksterne opdelt i basistakst og servicetakst${kilde ? ` (kilde: ${kilde})` : ""}. Skriv den direkte borgerrettede del af omkostningerne (fx løn til plejepersonale) i "Heraf borgerrettet", hvis I kan.`);
  },
};

/** Used by TS001: the ruleset requires the split, so TS_Borgerrettet must be filled. */
export function kraeverOpdeling(ctx: RegelKontekst): boolean {
  return ctx.regelsaet !== undefined && parameter(ctx.regelsaet, "basisServiceOpdeling") === "kraeves";
}
