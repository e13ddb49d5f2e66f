import { belaegningsafvigelseTal, gennemsnitligBelaegning, tilTal } from "../../engine";
import { parameter } from "../../regelsaet";
import { YDELSE_RAEKKER } from "../felter";
import { KONVENTION, pct, procentHint, tal, type Regel, type RegelKontekst, ydelseTekst } from "../regel";

const stort = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const raekker = Array.from({ length: YDELSE_RAEKKER }, (_, i) => i);

/**
 * Each filled cell of a Ydelser number column checked on its own (TS010, TS011, TS016): `besked`
 * gives the finding's text for a bad value (`hvem` names the ydelse), undefined for a good one.
 */
function tjekHverCelle(
  ctx: RegelKontekst,
  kolonne: "TS_Ydelser_Pladser" | "TS_Ydelser_Belaegning" | "TS_Ydelser_Ressource",
  besked: (vaerdi: number, hvem: () => string) => string | undefined,
): void {
  for (const i of raekker) {
    const v = ctx.vaerdier[kolonne]?.[i];
    if (v === null || v === undefined) continue;
    const tekst = besked(v, () => ydelseTekst(ctx.vaerdier.TS_Ydelser_Navn?.[i], i));
    if (tekst !== undefined) ctx.fund(kolonne, tekst, i);
  }
}

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
    tjekHverCelle(ctx, "TS_Ydelser_Pladser", (p, hvem) => {
      if (p <= 0) return `Pladser for ${hvem()} skal være et positivt helt tal, men er ${tal(p)}.`;
      if (!Number.isInteger(p)) return `Pladser for ${hvem()} skal være et helt tal, men er ${tal(p)}. Skriv antallet af normerede pladser, fx ${tal(Math.max(1, Math.round(p)))}.`;
      return undefined;
    });
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
    tjekHverCelle(ctx, "TS_Ydelser_Belaegning", (b, hvem) =>
      b > 0 && b <= maks ? undefined : `Belægningen for ${hvem()} skal være over 0 % og højst ${pct(maks)}, men er ${pct(b)}.${procentHint(b, { min: 0, max: maks, hintMin: 0.2 })}`,
    );
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
    tjekHverCelle(ctx, "TS_Ydelser_Ressource", (r, hvem) =>
      r > 0 ? undefined : `Ressourcen for ${hvem()} skal være et positivt tal (fx timer pr. borger pr. uge), men er ${tal(r)}. Lad cellen stå tom, hvis alle ydelser har samme ressource.`,
    );
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
