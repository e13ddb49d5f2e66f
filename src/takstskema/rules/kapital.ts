import { tilTal, tjenestemandspension } from "../../engine";
import { kr, pct, TOLERANCE_KR, type Regel } from "../regel";

export const TS070: Regel = {
  code: "TS070",
  severity: "error",
  felter: ["TS_Rentesats"],
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

/** TS080: needs the pensionable wage (TS_PensionsgivendeLoen); without it the line is not checked. */
export const TS080: Regel = {
  code: "TS080",
  severity: "warning",
  felter: ["TS_Tjenestemandspension", "TS_PensionsgivendeLoen"],
  parametre: ["tjenestemandspensionSats"],
  beskrivelse: "Tjenestemandspensionen afviger fra regelsættets procent af den pensionsgivende løn.",
  check(ctx) {
    const loen = ctx.v.TS_PensionsgivendeLoen;
    if (loen === undefined || loen < 0) return;
    const sats = ctx.param("tjenestemandspensionSats");
    const forventet = tilTal(tjenestemandspension(loen, sats));
    const faktisk = ctx.v.TS_Tjenestemandspension ?? 0;
    if (Math.abs(faktisk - forventet) > TOLERANCE_KR) {
      ctx.fund("TS_Tjenestemandspension", `Tjenestemandspensionen er ${kr(faktisk)}, men ${pct(sats)} af den pensionsgivende løn ${kr(loen)} er ${kr(forventet)}.`);
    }
  },
};
