import { tjenestemandspensionTal } from "../../engine";
import { kr, pct, TOLERANCE_KR, type Regel } from "../regel";

export const TS070: Regel = {
  code: "TS070",
  severity: "error",
  felter: ["TS_Rentesats"],
  afhaenger: ["TS_Rentesats"],
  parametre: ["renteLoft"],
  beskrivelse: "Rentesatsen er over regelsættets renteloft.",
  check(ctx) {
    const sats = ctx.v.TS_Rentesats;
    const loft = ctx.param("renteLoft");
    if (sats !== undefined && sats > loft) {
      ctx.fund("TS_Rentesats", `Rentesatsen ${pct(sats, 2)} er over renteloftet på ${pct(loft, 2)} i ${ctx.r?.id}.`);
    }
  },
};

/**
 * TS080 checks only the uninsured provision: ruleset % × the pensionable wage of uninsured
 * tjenestemænd (TS_PensionsgivendeLoen). Insured tjenestemænd's premiums are allowed in the
 * same line ("For forsikrede tjenestemænd anføres forsikringspræmien", 004:5106) and are not
 * checked, so only a line below the provision is a finding.
 */
export const TS080: Regel = {
  code: "TS080",
  severity: "warning",
  felter: ["TS_Tjenestemandspension", "TS_PensionsgivendeLoen"],
  afhaenger: ["TS_Tjenestemandspension", "TS_PensionsgivendeLoen"],
  parametre: ["tjenestemandspensionSats"],
  beskrivelse: "Hensættelsen til uforsikrede tjenestemandspensioner er under regelsættets procent af den pensionsgivende løn.",
  check(ctx) {
    const loen = ctx.v.TS_PensionsgivendeLoen;
    if (loen === undefined || loen < 0) return;
    const sats = ctx.param("tjenestemandspensionSats");
    const forventet = tjenestemandspensionTal(loen, sats);
    const faktisk = ctx.v.TS_Tjenestemandspension ?? 0;
    if (faktisk < forventet - TOLERANCE_KR) {
      ctx.fund("TS_Tjenestemandspension", `Linje 5 er ${kr(faktisk)}, men hensættelsen til uforsikrede tjenestemænd alene er ${pct(sats)} af den pensionsgivende løn ${kr(loen)} = ${kr(forventet)}. Forsikringspræmier kan komme oven i, men hensættelsen skal være med.`);
    }
  },
};
