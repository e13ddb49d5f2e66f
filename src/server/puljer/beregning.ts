import { D, type Dec, EngineError, type PrimoAargang, type PuljeAar, type PuljeParametre, puljeFordeling, puljeForloeb, sum, tilTal } from "../../engine";
import type { Pulje } from "../../kontrakt";

/** One current regnskabsskema of the ledelsesområde: what the pool reads from it. */
export interface PuljeRegnskab {
  id: string;
  tilbud: string;
  /** The regnskabsår N. */
  aar: number;
  /** TS_A6Pulje: + set aside, − used (0 when empty). */
  a6Pulje: number;
  /** TS_RegBudget: the tilbud's omkostningsbudget of year N (0 when empty). */
  budget: number;
}

/** The pool cannot be computed from what is stored (a year sets aside more than its cap): Danish. */
export class PuljeFejl extends Error {
  override name = "PuljeFejl";
  /** A route that does not catch it answers 409 with this message as the detail (fejl.ts), never 500. */
  readonly statusCode = 409;
}

/** The year's figures for the engine: ramme = Σ budget, hensat = Σ positive A6Pulje, anvendt = −Σ negative. */
function aaret(aar: number, r: readonly PuljeRegnskab[]): PuljeAar {
  return {
    aar,
    ramme: sum(r.map((x) => Math.max(x.budget, 0))),
    hensat: sum(r.map((x) => Math.max(x.a6Pulje, 0))),
    anvendt: sum(r.map((x) => Math.max(-x.a6Pulje, 0))),
  };
}

/**
 * A takstår's amount spread over the tilbud of year N by their budget (largest remainder, so the
 * shares sum exactly). Flag (domain-season.md §B2): the key is the closure rules' budget share,
 * the budget of the regnskabsår whose year-end gave the amount; with no budget at all, equal shares.
 */
function fordeling(beloeb: Dec, regnskaber: readonly PuljeRegnskab[]): { tilbud: string; beloeb: number }[] {
  if (regnskaber.length === 0) return [];
  const r = [...regnskaber].sort((a, b) => a.tilbud.localeCompare(b.tilbud, "da-DK"));
  const budgetter = r.map((x) => Math.max(x.budget, 0));
  const noegle = budgetter.some((b) => b > 0) ? budgetter : r.map(() => 1);
  return puljeFordeling(beloeb, noegle).map((b, i) => ({ tilbud: r[i]!.tilbud, beloeb: tilTal(b) }));
}

/**
 * The pool of one (driftsherre, ledelsesområde) as GET /api/v1/puljer answers it: the year-end
 * algorithm (src/engine/pulje.ts) over the opening vintages and each regnskabsår's current
 * regnskabsskemaer. A hensat or anvendt movement names its tilbud and regnskab when one regnskab
 * of the year alone caused it; otherwise (several, or an opening vintage) both are null.
 */
export function lavPulje(driftsherre: string, ledelsesomraade: string, primo: readonly PrimoAargang[], regnskaber: readonly PuljeRegnskab[], p: PuljeParametre): Pulje {
  const perAar = new Map<number, PuljeRegnskab[]>();
  for (const r of regnskaber) perAar.set(r.aar, [...(perAar.get(r.aar) ?? []), r]);
  // The engine names a year by its place among the years in order.
  const aarene = [...perAar.keys()].sort((a, b) => a - b);
  let f;
  try {
    f = puljeForloeb(primo, aarene.map((aar) => aaret(aar, perAar.get(aar)!)), p);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    // (Opening vintages of the same year twice, argument "vedroererAar", are refused before this.)
    const aar = e.detail.argument === "vedroererAar" || e.detail.index === undefined ? "samme år" : aarene[e.detail.index];
    throw new PuljeFejl(
      e.detail.code === "ABOVE_CAP"
        ? `Puljen for ${ledelsesomraade} kan ikke opgøres: regnskaberne for ${aar} hensætter mere end ${new D(p.graense).times(100).toString().replace(".", ",")} % af ledelsesområdets budget (TS211).`
        : `Puljen for ${ledelsesomraade} kan ikke opgøres: en primoårgang og regnskabernes hensættelse vedrører begge ${aar}.`,
    );
  }
  const aarsag = (aar: number, art: string): { tilbud: string | null; indberetning: string | null } => {
    const aarsager = (perAar.get(aar) ?? []).filter((r) => (art === "hensat" ? r.a6Pulje > 0 : art === "anvendt" ? r.a6Pulje < 0 : false));
    return aarsager.length === 1 ? { tilbud: aarsager[0]!.tilbud, indberetning: aarsager[0]!.id } : { tilbud: null, indberetning: null };
  };
  return {
    driftsherre,
    ledelsesomraade,
    aargange: f.aargange.map((a) => ({
      vedroererAar: a.vedroererAar, hensat: tilTal(a.hensat), anvendt: tilTal(a.anvendt), udloebet: tilTal(a.udloebet),
      overLoft: tilTal(a.overLoft), rest: tilTal(a.rest), udloeberUltimo: a.udloeberUltimo,
    })),
    bevaegelser: f.bevaegelser.map((b) => ({ aar: b.aar, art: b.art, vedroererAar: b.vedroererAar, beloeb: tilTal(b.beloeb), ...aarsag(b.aar, b.art) })),
    saldoUltimo: Object.fromEntries(f.saldoUltimo.map((s) => [String(s.aar), tilTal(s.beloeb)])),
    tilTakst: f.tilTakst.map((t) => ({
      takstaar: t.takstaar, beloeb: tilTal(t.beloeb), grund: t.grund,
      fordeling: fordeling(t.beloeb, perAar.get(t.takstaar - p.forsinkelseAar) ?? []),
    })),
  };
}
