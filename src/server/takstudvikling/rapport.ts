import type { TakstudviklingRapport } from "../../kontrakt";
import { tilTal } from "../../engine";
import type { SkifteligtRegister } from "../../regelsaet/delt";
import { type Rapporttal, udviklingsrapport } from "../../takstskema/udviklingsrapport";
import type { RapportNiveauer } from "./sql";

type PlAar = TakstudviklingRapport["pl"][number];

/**
 * One PL per year (002:2529: the secretariat applies one): the plSats of the rulesets for that
 * year in the region(s) of T's submissions' rulesets. Two different satser for one year are no
 * PL (which one would be a guess); none is no PL. Either way the year is named with the reason.
 */
export function plForAar(register: Pick<SkifteligtRegister, "find" | "alle">, regelsaetTil: readonly string[], fra: number, til: number): PlAar[] {
  const regioner = new Set(regelsaetTil.map((id) => register.find(id)?.region).filter((r): r is string => r !== undefined));
  const alle = register.alle();
  const ud: PlAar[] = [];
  for (let aar = fra + 1; aar <= til; aar++) {
    const med = alle.filter((r) => r.takstaar === aar && regioner.has(r.region) && r.parametre.plSats !== undefined);
    const satser = [...new Set(med.map((r) => r.parametre.plSats!.vaerdi))];
    if (satser.length === 1) {
      ud.push({ aar, sats: satser[0]!, regelsaet: med.map((r) => r.id).join(", "), kilde: med[0]!.parametre.plSats!.kilde, grund: null });
      continue;
    }
    const grund = regioner.size === 0
      ? `ingen af ${til}s indberetninger har et kendt regelsæt`
      : satser.length === 0
        ? `intet regelsæt for ${aar} i ${[...regioner].join(", ")} angiver en PL-sats (plSats)`
        : `regelsættene for ${aar} (${med.map((r) => r.id).join(", ")}) angiver forskellige PL-satser`;
    ud.push({ aar, sats: null, regelsaet: null, kilde: null, grund });
  }
  return ud;
}

const pct = (t: Rapporttal | null): number | null => (t === null ? null : t.procent);

/** The report as the API gives it: udviklingsrapport's figures, each its rounded percent. */
export function lavRapport(fra: number, til: number, niveauer: RapportNiveauer, pl: readonly PlAar[]): TakstudviklingRapport {
  const plSatser = Object.fromEntries(pl.filter((p) => p.sats !== null).map((p) => [String(p.aar), p.sats!]));
  const r = udviklingsrapport({ fra, til, niveauerFra: niveauer.niveauerFra, niveauerTil: niveauer.niveauerTil, plSatser });
  return {
    fra,
    til,
    pl: [...pl],
    plFaktor: r.plFaktor === null ? null : tilTal(r.plFaktor),
    plMangler: r.plMangler,
    region: r.region && { n: r.region.n, udviklingPct: r.region.udvikling.procent, udenHver: r.region.udenHver.map((u) => ({ driftsherre: u.driftsherre, udviklingPct: u.udvikling.procent })) },
    driftsherrer: r.driftsherrer.map((d) => ({ driftsherre: d.driftsherre, n: d.n, udviklingPct: pct(d.udvikling) })),
    tilbud: r.tilbud.map((t) => ({ driftsherre: t.driftsherre, tilbud: t.tilbud, n: t.n, nyTakstmodel: t.nyTakstmodel, udviklingPct: pct(t.udvikling) })),
    niveauer: r.niveauer.map((n) => ({ driftsherre: n.driftsherre, tilbud: n.tilbud, ydelse: n.ydelse, takstFra: n.takstFra, takstTil: n.takstTil, udviklingPct: pct(n.udvikling) })),
    udeladt: r.udeladt.map((u) => ({ ...u })),
    nyTakstmodel: r.nyTakstmodel.map((n) => ({ ...n })),
  };
}
