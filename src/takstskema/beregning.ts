import {
  belaegningsdage,
  efterregModel,
  overhead,
  overheadGrundlag,
  reguleringFraModel,
  takst,
  takstgrundlag,
  takstudvikling,
  tilTal,
} from "../engine";
import type { Genberegnet } from "./resultat";
import type { Skema } from "./vaerdier";

/** Run an engine computation; an engine precondition failure gives null (other rules report it). */
function forsoeg<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

export interface Beregning {
  beregnet: Genberegnet;
  /** Values carried downstream: the cell's own value where present, else the recomputed one. */
  brugt: { overheadGrundlag: number; overhead: number; takstgrundlag: number; takst: number | null };
}

/**
 * Recompute every computed field from the inputs with the engine. Each computed cell is
 * checked against its own inputs, with the cell values of earlier computed cells carried
 * downstream, so one wrong cell gives exactly one finding (TS022, TS021, TS031, TS030).
 */
export function beregn(v: Partial<Skema>): Beregning {
  const n = (x: number | undefined) => x ?? 0;
  const linjer = {
    loen: n(v.TS_Loen),
    udvikling: n(v.TS_Udvikling),
    administration: n(v.TS_Administration),
    indtaegter: n(v.TS_Indtaegter),
    tjenestemandspension: n(v.TS_Tjenestemandspension),
    tilsyn: n(v.TS_Tilsyn),
    ejendom: n(v.TS_Ejendom),
    afskrivninger: n(v.TS_Afskrivninger),
    forrentning: n(v.TS_Forrentning),
    regulering: n(v.TS_Regulering),
    oevrige: n(v.TS_Oevrige),
  };
  const og = tilTal(overheadGrundlag(linjer));
  const ogBrugt = v.TS_OverheadGrundlag ?? og;
  const oh = forsoeg(() => tilTal(overhead(ogBrugt, n(v.TS_OverheadSats))));
  const ohBrugt = v.TS_Overhead ?? oh ?? 0;
  const tg = tilTal(takstgrundlag({ ...linjer, overhead: ohBrugt }));
  const tgBrugt = v.TS_Takstgrundlag ?? tg;
  const p = v.TS_Pladser;
  const bel = v.TS_Belaegning;
  const dage = v.TS_Dage ?? 365;
  const bd = p === undefined || bel === undefined ? null : forsoeg(() => tilTal(belaegningsdage(p, bel, dage)));
  const t = p === undefined || bel === undefined ? null : forsoeg(() => tilTal(takst(tgBrugt, p, bel, dage)));
  const tBrugt = v.TS_Takst ?? t;
  const sidste = v.TS_SidsteAarsTakst;
  const udv = sidste === undefined || tBrugt === null ? null : forsoeg(() => tilTal(takstudvikling(tBrugt, sidste, n(v.TS_PLPct))));
  const A1 = v.TS_A1;
  const A2 = v.TS_A2;
  const model = A1 === undefined || A2 === undefined ? null : forsoeg(() => efterregModel(A1, A2, n(v.TS_A3), n(v.TS_A6)));
  return {
    beregnet: {
      overheadGrundlag: og,
      overhead: oh,
      takstgrundlag: tg,
      belaegningsdage: bd,
      takst: t,
      takstudvikling: udv,
      A4: model ? tilTal(model.A4) : null,
      A5: model ? tilTal(model.A5) : null,
      A7: model ? tilTal(model.A7) : null,
      forventetRegulering: model ? tilTal(reguleringFraModel(model)) : null,
    },
    brugt: { overheadGrundlag: ogBrugt, overhead: ohBrugt, takstgrundlag: tgBrugt, takst: tBrugt },
  };
}
