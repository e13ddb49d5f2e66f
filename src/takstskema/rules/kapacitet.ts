import { belaegningsafvigelse, gennemsnitligBelaegning, tilTal } from "../../engine";
import { parameter } from "../../regelsaet";
import { pct, procentHint, tal, type Regel } from "../regel";

/**
 * TS010: pladser positive and whole. Fractional places only where the ruleset allows them
 * (product.md §3); no ruleset gives that today, and no seed gives a "§ 101: citizens / 10"
 * rule (004:23-26 is about the socialtilsyn's own takst), so places are whole.
 */
export const TS010: Regel = {
  code: "TS010",
  severity: "error",
  inddata: true,
  felter: ["TS_Pladser"],
  beskrivelse: "Pladser er ikke et positivt helt tal.",
  check(ctx) {
    const p = ctx.v.TS_Pladser;
    if (p === undefined) return;
    if (p <= 0) return ctx.fund("TS_Pladser", `Pladser skal være et positivt helt tal, men er ${tal(p)}.`);
    if (!Number.isInteger(p)) ctx.fund("TS_Pladser", `Pladser skal være et helt tal, men er ${tal(p)}. Skriv antallet af normerede pladser, fx ${tal(Math.max(1, Math.round(p)))}.`);
  },
};

/** TS011: belægning in (0 %, 100 %] (product.md §3; 004:5128-5129 "højst 100 %"). */
export const TS011: Regel = {
  code: "TS011",
  severity: "error",
  inddata: true,
  felter: ["TS_Belaegning"],
  beskrivelse: "Belægningen er ikke over 0 % og højst 100 %.",
  check(ctx) {
    const b = ctx.v.TS_Belaegning;
    if (b === undefined) return;
    const maks = (ctx.r && parameter(ctx.r, "maksBelaegning")) ?? 1;
    if (b <= 0 || b > maks) {
      const hint = procentHint(b, { min: 0, max: maks, hintMin: 0.2 });
      ctx.fund("TS_Belaegning", `Belægningen skal være over 0 % og højst ${pct(maks)}, men er ${pct(b)}.${hint}`);
    }
  },
};

/** TS012: more than 5 points from the average of the last two years and no begrundelse (004:5124-5129). */
export const TS012: Regel = {
  code: "TS012",
  severity: "warning",
  felter: ["TS_Belaegning", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1", "TS_BelaegningBegrundelse"],
  afhaenger: ["TS_Belaegning", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1"],
  beskrivelse: "Belægningen afviger mere end 5 procentpoint fra gennemsnittet af de to seneste år uden begrundelse.",
  check(ctx) {
    const { TS_Belaegning: b, TS_BelaegningAarMinus2: a2, TS_BelaegningAarMinus1: a1 } = ctx.v;
    if (b === undefined || a2 === undefined || a1 === undefined || ctx.v.TS_BelaegningBegrundelse) return;
    if (b <= 0 || b > 1) return; // TS011
    try {
      const afvigelse = belaegningsafvigelse(b, a2, a1);
      if (afvigelse.gt(0.05)) {
        const snit = tilTal(gennemsnitligBelaegning(a2, a1));
        ctx.fund("TS_BelaegningBegrundelse", `Belægningen ${pct(b)} afviger ${tal(Math.round(tilTal(afvigelse) * 1000) / 10)} procentpoint fra gennemsnittet ${pct(snit)} af de to seneste år. Skriv en begrundelse.`);
      }
    } catch {
      // Out-of-range values are reported by TS011.
    }
  },
};
