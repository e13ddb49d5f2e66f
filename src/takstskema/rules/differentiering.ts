import { dec, tilTal } from "../../engine";
import { kr, TAKSTFELTER, type Regel, ydelseTekst } from "../regel";

/**
 * TS110 (Bilag 14, 004:4264-4272; the figures 004:4270-4271): "Taksterne bør differentieres, når personudgifterne mellem
 * grupper af borgere bliver stor. Det vil typisk være forskelle på 150.000 til 175.000 kr. på
 * botilbud og på 30.000 til 50.000 kr. på dagtilbud." Two ydelser whose yearly service cost
 * per citizen (servicetakst × dage) differs by less than the ruleset's threshold for the
 * takstenhed could be one takst: a warning, since the provider decides (004:4271-4272).
 */
export const TS110: Regel = {
  code: "TS110",
  severity: "warning",
  felter: ["TS_Ydelser_Ressource", "TS_Borgerrettet", "TS_Takstenhed"],
  afhaenger: [...TAKSTFELTER, "TS_Takstenhed"],
  parametre: ["differentieringGraense"],
  beskrivelse: "To ydelsers årlige servicetakst pr. borger afviger mindre end regelsættets grænse for differentiering.",
  check(ctx) {
    const struktur = ctx.brugt.struktur;
    if (!struktur) return;
    // One ydelse has nothing to be compared with: counted before anything is computed.
    if (struktur.filter((s) => s !== null).length < 2) return;
    const ydelser = struktur.flatMap((s, raekke) => (s ? [{ raekke, aarlig: tilTal(dec(s.servicetakst).times(ctx.v.TS_Dage ?? 365)) }] : []));
    const enhed = ctx.v.TS_Takstenhed;
    const graenser = ctx.param("differentieringGraense");
    const graense = enhed === undefined ? undefined : graenser[enhed];
    if (graense === undefined) {
      ctx.spring(`Differentieringen er ikke kontrolleret: ${ctx.r?.id ?? ""} angiver ingen grænse for takstenheden ${enhed ?? "(ikke udfyldt)"} (kun ${Object.keys(graenser).join(", ")}).`, "TS_Takstenhed");
      return;
    }
    const sorteret = [...ydelser].sort((a, b) => a.aarlig - b.aarlig || a.raekke - b.raekke);
    const navn = (i: number) => ydelseTekst(ctx.v.TS_Ydelser_Navn?.[i], i);
    for (let j = 1; j < sorteret.length; j++) {
      const a = sorteret[j - 1]!;
      const b = sorteret[j]!;
      const forskel = b.aarlig - a.aarlig;
      if (forskel >= graense) continue;
      const senere = Math.max(a.raekke, b.raekke);
      const tidligere = Math.min(a.raekke, b.raekke);
      const uden = ctx.v.TS_Borgerrettet === undefined ? ` Uden en borgerrettet del ("Heraf borgerrettet") får alle ydelser samme takst.` : "";
      ctx.fund(
        "TS_Ydelser_Ressource",
        `Den årlige servicetakst pr. borger for ${navn(senere)} og ${navn(tidligere)} afviger kun ${kr(Math.round(forskel))}, mindre end ${kr(graense)} (${ctx.r?.id}, takstenhed ${enhed}). Bilag 14: differentiér når personaleudgifterne pr. borger afviger meget; én takst kan være nok.${uden}`,
        senere,
      );
    }
  },
};
