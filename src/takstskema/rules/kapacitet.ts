import { belaegningsafvigelseTal, gennemsnitligBelaegning, tilTal } from "../../engine";
import { parameter } from "../../regelsaet";
import { YDELSE_RAEKKER } from "../felter";
import { KONVENTION, pct, procentHint, tal, type Regel, type RegelKontekst, ydelseTekst } from "../regel";

const stort = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const raekker = Array.from({ length: YDELSE_RAEKKER }, (_, i) => i);

/**
 * TS010: pladser positive and whole. Fractional places only where the ruleset allows them
 * (product.md §3); no ruleset gives that today, and no seed gives a "§ 101: citizens / 10"
 * rule (004:23-26 is about the socialtilsyn's own takst), so places are whole.
 */
export const TS010: Regel = {
  code: "TS010",
  severity: "error",
  inddata: true,
  felter: ["TS_Ydelser_Pladser"],
  beskrivelse: "Pladser for en ydelse er ikke et positivt helt tal.",
  check(ctx) {
    for (const i of raekker) {
      const p = ctx.vaerdier.TS_Ydelser_Pladser?.[i];
      if (p === null || p === undefined) continue;
      const hvem = ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i);
      if (p <= 0) ctx.fund("TS_Ydelser_Pladser", `Pladser for ${hvem} skal være et positivt helt tal, men er ${tal(p)}.`, i);
      else if (!Number.isInteger(p)) ctx.fund("TS_Ydelser_Pladser", `Pladser for ${hvem} skal være et helt tal, men er ${tal(p)}. Skriv antallet af normerede pladser, fx ${tal(Math.max(1, Math.round(p)))}.`, i);
    }
  },
};

/** TS011: each ydelse's belægning in (0 %, 100 %] (product.md §3; 004:5128-5129 "højst 100 %"). */
export const TS011: Regel = {
  code: "TS011",
  severity: "error",
  inddata: true,
  felter: ["TS_Ydelser_Belaegning"],
  beskrivelse: "Belægningen for en ydelse er ikke over 0 % og højst 100 %.",
  check(ctx) {
    const maks = (ctx.regelsaet && parameter(ctx.regelsaet, "maksBelaegning")) ?? 1;
    for (const i of raekker) {
      const b = ctx.vaerdier.TS_Ydelser_Belaegning?.[i];
      if (b === null || b === undefined || (b > 0 && b <= maks)) continue;
      const hint = procentHint(b, { min: 0, max: maks, hintMin: 0.2 });
      ctx.fund("TS_Ydelser_Belaegning", `Belægningen for ${ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i)} skal være over 0 % og højst ${pct(maks)}, men er ${pct(b)}.${hint}`, i);
    }
  },
};

/** TS016: a ydelse's ressource (relative staff resources) is a positive number; blank = 1. */
export const TS016: Regel = {
  code: "TS016",
  severity: "error",
  inddata: true,
  felter: ["TS_Ydelser_Ressource"],
  beskrivelse: "Ressourcen for en ydelse er ikke et positivt tal.",
  check(ctx) {
    for (const i of raekker) {
      const r = ctx.vaerdier.TS_Ydelser_Ressource?.[i];
      if (r === null || r === undefined || r > 0) continue;
      ctx.fund("TS_Ydelser_Ressource", `Ressourcen for ${ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i)} skal være et positivt tal (fx timer pr. borger pr. uge), men er ${tal(r)}. Lad cellen stå tom, hvis alle ydelser har samme ressource.`, i);
    }
  },
};

const udfyldt = (kolonne: readonly (number | null)[] | undefined, i: number) => kolonne?.[i] !== null && kolonne?.[i] !== undefined;
const tabelfejl = (ctx: RegelKontekst, k: "TS_Ydelser_Navn" | "TS_Ydelser_Pladser" | "TS_Ydelser_Belaegning", i: number) => ctx.tabelTypefejl.get(k)?.has(i) ?? false;

/**
 * TS111: an incomplete row of the Ydelser table: a name without pladser or belægning, or
 * figures without a name (product.md §3). The first row is mandatory (TS001).
 */
export const TS111: Regel = {
  code: "TS111",
  severity: "error",
  inddata: true,
  felter: ["TS_Ydelser_Navn", "TS_Ydelser_Pladser", "TS_Ydelser_Belaegning"],
  beskrivelse: "En række i Ydelser er ufuldstændig (navn uden pladser eller belægning, eller tal uden navn).",
  check(ctx) {
    for (const i of raekker) {
      const navn = ctx.vaerdier.TS_Ydelser_Navn?.[i] ?? null;
      const pladser = ctx.vaerdier.TS_Ydelser_Pladser?.[i] ?? null;
      const bel = ctx.vaerdier.TS_Ydelser_Belaegning?.[i] ?? null;
      const andre = udfyldt(ctx.vaerdier.TS_Ydelser_Pladser, i) || udfyldt(ctx.vaerdier.TS_Ydelser_Belaegning, i) || udfyldt(ctx.vaerdier.TS_Ydelser_Ressource, i) || udfyldt(ctx.vaerdier.TS_Ydelser_SidsteAarsTakst, i);
      if (navn === null) {
        // Row 1 without a name is TS001's; a later row with figures and no name is this rule's.
        if (i > 0 && andre && !tabelfejl(ctx, "TS_Ydelser_Navn", i)) ctx.fund("TS_Ydelser_Navn", `Række ${i + 1} i Ydelser har tal men intet navn. Skriv ydelsens navn, eller slet tallene.`, i);
        continue;
      }
      if (i === 0) continue; // the mandatory first row: TS001 names its empty cells
      if (pladser === null && !tabelfejl(ctx, "TS_Ydelser_Pladser", i)) ctx.fund("TS_Ydelser_Pladser", `${stort(ydelseTekst(navn, i))} mangler pladser.`, i);
      if (bel === null && !tabelfejl(ctx, "TS_Ydelser_Belaegning", i)) ctx.fund("TS_Ydelser_Belaegning", `${stort(ydelseTekst(navn, i))} mangler belægning.`, i);
    }
  },
};

/** TS012: more than 5 points from the average of the last two years and no begrundelse (004:5124-5129). */
export const TS012: Regel = {
  code: "TS012",
  severity: "warning",
  takstanalyse: true,
  felter: ["TS_Belaegning", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1", "TS_BelaegningBegrundelse"],
  afhaenger: ["TS_Ydelser_Pladser", "TS_Ydelser_Belaegning", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1"],
  beskrivelse: "Belægningen afviger mere end 5 procentpoint fra gennemsnittet af de to seneste år uden begrundelse.",
  check(ctx) {
    // The tilbud's belægning: Σ belægningsdage / (Σ pladser × dage) over the ydelser.
    const { TS_Belaegning: b, TS_BelaegningAarMinus2: a2, TS_BelaegningAarMinus1: a1 } = ctx.vaerdier;
    if (b === undefined || a2 === undefined || a1 === undefined || ctx.vaerdier.TS_BelaegningBegrundelse) return;
    if (b <= 0 || b > 1) return; // TS011
    try {
      const { afvigelse, over } = belaegningsafvigelseTal(b, a2, a1, 0.05);
      if (over) {
        const snit = tilTal(gennemsnitligBelaegning(a2, a1));
        ctx.fund("TS_BelaegningBegrundelse", `Belægningen ${pct(b)} afviger ${tal(Math.round(afvigelse * 1000) / 10)} procentpoint fra gennemsnittet ${pct(snit)} af de to seneste år. Skriv en begrundelse (en væsentlig afvigelse begrundes, 004:5126-5127; grænsen på 5 procentpoint er ${KONVENTION}).`);
      }
    } catch {
      // Out-of-range values are reported by TS011.
    }
  },
};
