import { belaegningsafvigelse, gennemsnitligBelaegning, tilTal } from "../../engine";
import { parameter } from "../../regelsaet";
import { pct, tal, type Regel } from "../regel";

/** § 101 treatment: places are expected citizens / 10, so they may be fractional (tenths). */
const PARAGRAF_101 = /§\s*101(?!\d)/;

export const TS010: Regel = {
  code: "TS010",
  severity: "error",
  felter: ["TS_Pladser", "TS_Lovgrundlag"],
  beskrivelse: "Pladser er ikke et positivt tal, eller ikke et helt tal hvor tilbuddet har hele pladser.",
  check(ctx) {
    const p = ctx.v.TS_Pladser;
    if (p === undefined) return;
    if (p <= 0) return ctx.fund("TS_Pladser", `Pladser skal være et positivt tal, men er ${tal(p)}.`);
    if (Number.isInteger(p)) return;
    const lov = ctx.v.TS_Lovgrundlag ?? "";
    if (!PARAGRAF_101.test(lov)) {
      return ctx.fund("TS_Pladser", `Pladser skal være et helt tal (${tal(p)}). Brøkdele af pladser findes kun ved § 101-behandling (forventede borgere / 10).`);
    }
    if (!Number.isInteger(Math.round(p * 1e6) / 1e5)) {
      ctx.fund("TS_Pladser", `Ved § 101-behandling er pladser forventede borgere / 10, altså hele tiendedele; ${tal(p)} er det ikke.`);
    }
  },
};

/**
 * TS011: belægning in (0 %, 100 %]. The upper bound is the ruleset's maksBelaegning where
 * given (it may be lower), else the product's fixed 100 % (product.md §3).
 */
export const TS011: Regel = {
  code: "TS011",
  severity: "error",
  felter: ["TS_Belaegning"],
  beskrivelse: "Belægningen er ikke over 0 % og højst 100 %.",
  check(ctx) {
    const b = ctx.v.TS_Belaegning;
    if (b === undefined) return;
    const maks = (ctx.r && parameter(ctx.r, "maksBelaegning")) ?? 1;
    if (b <= 0 || b > maks) {
      const hint = b > 1 && b <= 100 ? ` Skrev du ${tal(b)} i stedet for ${tal(b)} %?` : "";
      ctx.fund("TS_Belaegning", `Belægningen skal være over 0 % og højst ${pct(maks)}, men er ${pct(b)}.${hint}`);
    }
  },
};

/** TS012: more than 5 points from the average of the last two years and no begrundelse (004:5124-5129). */
export const TS012: Regel = {
  code: "TS012",
  severity: "warning",
  felter: ["TS_Belaegning", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1", "TS_BelaegningBegrundelse"],
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
