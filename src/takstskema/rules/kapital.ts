import { tjenestemandspensionTal } from "../../engine";
import { kr, pct, TOLERANCE_KR, type Regel } from "../regel";
import { loftRegel } from "./loft";

export const TS070: Regel = loftRegel({ code: "TS070", felt: "TS_Rentesats", parameter: "renteLoft", sats: "Rentesatsen", loft: "renteloft" });

/**
 * TS080 checks only the uninsured provision: ruleset % × the pensionable wage of uninsured
 * tjenestemænd (TS_PensionsgivendeLoen), less what the delingsaftaler already hold
 * (TS_TjmDelingsaftaleKorrektion: "Der skal korrigeres for de beløb, som allerede er indregnet i
 * forbindelse med delingsaftalerne ved kommunalreformen", 004:5108-5109). Insured tjenestemænd's
 * premiums are allowed in the same line ("For forsikrede tjenestemænd anføres forsikringspræmien",
 * 004:5106) and are not checked, so only a line below the provision is a finding.
 */
export const TS080: Regel = {
  code: "TS080",
  severity: "warning",
  felter: ["TS_Tjenestemandspension", "TS_PensionsgivendeLoen", "TS_TjmDelingsaftaleKorrektion"],
  afhaenger: ["TS_Tjenestemandspension", "TS_PensionsgivendeLoen", "TS_TjmDelingsaftaleKorrektion"],
  parametre: ["tjenestemandspensionSats"],
  beskrivelse: "Hensættelsen til uforsikrede tjenestemandspensioner er under regelsættets procent af den pensionsgivende løn minus korrektionen for delingsaftalerne.",
  check(ctx) {
    const loen = ctx.vaerdier.TS_PensionsgivendeLoen;
    if (loen === undefined || loen < 0) return;
    const korrektion = ctx.vaerdier.TS_TjmDelingsaftaleKorrektion ?? 0;
    if (korrektion < 0) return; // TS013
    const sats = ctx.param("tjenestemandspensionSats");
    const hensaettelse = tjenestemandspensionTal(loen, sats);
    const forventet = hensaettelse - korrektion;
    const faktisk = ctx.vaerdier.TS_Tjenestemandspension ?? 0;
    if (faktisk < forventet - TOLERANCE_KR) {
      const minus = korrektion > 0 ? ` minus ${kr(korrektion)} indregnet i delingsaftalerne = ${kr(forventet)}` : ` = ${kr(forventet)}`;
      ctx.fund(
        "TS_Tjenestemandspension",
        `Linje 5 er ${kr(faktisk)}, men hensættelsen til uforsikrede tjenestemænd alene er ${pct(sats)} af den pensionsgivende løn ${kr(loen)}${korrektion > 0 ? ` (${kr(hensaettelse)})` : ""}${minus}. ` +
          `Forsikringspræmier kan komme oven i. Er en del allerede indregnet i delingsaftalerne ved kommunalreformen, er det en lovlig korrektion (004:5108-5109): skriv den i "Heraf indregnet i delingsaftaler".`,
      );
    }
  },
};
