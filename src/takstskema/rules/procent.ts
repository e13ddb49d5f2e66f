import { FELTER, type FeltNavn } from "../felter";
import { KONVENTION, pctKort as pct, procentHint, type Regel } from "../regel";

/** Percentage fields with a plausible range; the budgetted belægning has its own rule (TS011). */
const PROCENTFELTER = FELTER.filter((f) => f.type === "procent" && f.rolle === "input" && "plausibel" in f && f.navn !== "TS_Belaegning");

/** TS015: a percentage outside its plausible range, most often 93 typed for 93 %. */
export const TS015: Regel = {
  code: "TS015",
  severity: "error",
  inddata: true,
  felter: PROCENTFELTER.map((f) => f.navn),
  beskrivelse: "En procentsats ligger uden for det sandsynlige interval (fx 93 skrevet for 93 %).",
  check(ctx) {
    for (const f of PROCENTFELTER) {
      const x = ctx.vaerdier[f.navn as keyof typeof ctx.vaerdier];
      const pl = "plausibel" in f ? f.plausibel : undefined;
      if (typeof x !== "number" || !pl || (x >= pl.min && x <= pl.max)) continue;
      const hint = procentHint(x, pl) || ` Skriv procenten med %-tegn, fx ${pct(pl.eksempel)}.`;
      ctx.fund(f.navn as FeltNavn, `"${f.etiket}" er ${pct(x)}, men skal ligge mellem ${pct(pl.min)} og ${pct(pl.max)} (intervallet er ${KONVENTION}).${hint}`);
    }
  },
};
