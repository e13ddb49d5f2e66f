import type { Benchmark } from "../../kontrakt";
import { type Gruppefilter, type SammenligningsNiveau, sammenlign } from "../../takstskema/sammenligning";

/** Who asks: the secretariat sees every niveau; a municipality its own (driftsherre). */
export type Seer = { rolle: "sekretariat" } | { rolle: "kommune"; driftsherre: string };

/**
 * The comparison as the API gives it. A municipality gets every group's statistics (they are the
 * point of comparing), but only its own niveauer with their key figures and its own left-out
 * niveauer: never another tilbud's cost lines or key figures.
 */
export function lavBenchmark(takstaar: number, niveauer: readonly SammenligningsNiveau[], filter: Gruppefilter, seer: Seer): Benchmark {
  const s = sammenlign(niveauer, filter);
  const egen = (n: { driftsherre: string }) => seer.rolle === "sekretariat" || n.driftsherre === seer.driftsherre;
  return {
    takstaar,
    grupper: s.grupper.map((g) => ({ ...g, niveauer: g.niveauer.filter(egen) })),
    udeladt: s.udeladt.filter(egen),
  };
}

/** The answer with the niveauer of groups [fra, til) only (benchmarkQuerySchema's fraGruppe and antalGrupper). */
export function grupperMedNiveauer(b: Benchmark, fra: number, til: number): Benchmark {
  return { ...b, grupper: b.grupper.map((g, i) => (i >= fra && i < til ? g : { ...g, niveauer: [] })) };
}
