import {
  dec,
  efterregModel,
  hurtigBelaegning,
  hurtigOverhead,
  hurtigSum,
  hurtigTakststruktur,
  hurtigTakstudvikling,
  overhead,
  overheadGrundlag,
  reguleringFraModel,
  takstgrundlag,
  takststruktur,
  takstudvikling,
  tilTal,
  type YdelseTal,
} from "../engine";
import { YDELSE_RAEKKER } from "./felter";
import type { Genberegnet, YdelseBeregnet } from "./resultat";
import type { Skema } from "./vaerdier";

/** Run an engine computation; an engine precondition failure gives null (other rules report it). */
function forsoeg<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The takst structure of the table as the rules compare it: per row, null where the row is no ydelse. */
export interface StrukturRaekke {
  belaegningsdage: number;
  basistakst: number;
  servicetakst: number;
  takst: number;
}

export interface Beregning {
  beregnet: Genberegnet;
  /** Values carried downstream: the cell's own value where present, else the recomputed one. */
  brugt: {
    overheadGrundlag: number;
    overhead: number;
    takstgrundlag: number;
    basisgrundlag: number;
    servicegrundlag: number;
    /** SOC.TAKSTSTRUKTUR of the table from the carried takstgrundlag; null when it cannot be computed. */
    struktur: (StrukturRaekke | null)[] | null;
    /** Each row's takst: the cell's value where present, else the recomputed one. */
    takster: (number | null)[];
  };
}

type Raekke<T> = (T | null)[] | undefined;
const celle = <T>(kolonne: Raekke<T>, i: number): T | null => kolonne?.[i] ?? null;
const n = (x: number | undefined) => x ?? 0;

/** True when the row holds anything a user typed (a name or a figure). */
export function erUdfyldtRaekke(v: Partial<Skema>, i: number): boolean {
  return (
    celle<unknown>(v.TS_Ydelser_Navn, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Pladser, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Belaegning, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Ressource, i) !== null ||
    celle<unknown>(v.TS_Ydelser_SidsteAarsTakst, i) !== null
  );
}

/**
 * The engine's exact double fast paths (hurtig.ts, hurtigSkema.ts), or none: each gives
 * decimal.js's very number or undefined, and undefined takes the decimal.js path.
 */
interface Genveje {
  sum: typeof hurtigSum;
  overhead: typeof hurtigOverhead;
  struktur: typeof hurtigTakststruktur;
  belaegning: typeof hurtigBelaegning;
  udvikling: typeof hurtigTakstudvikling;
}
const HURTIGE: Genveje = { sum: hurtigSum, overhead: hurtigOverhead, struktur: hurtigTakststruktur, belaegning: hurtigBelaegning, udvikling: hurtigTakstudvikling };
const INGEN: Genveje = { sum: () => undefined, overhead: () => undefined, struktur: () => undefined, belaegning: () => undefined, udvikling: () => undefined };

/**
 * Recompute every computed field from the inputs with the engine. Each computed cell is
 * checked against its own inputs, with the cell values of earlier computed cells carried
 * downstream, so one wrong cell gives exactly one finding (TS022, TS021, TS031, TS030).
 * `enkeltTakst`: the skema came in the former single-takst shape, whose basis/service cells
 * were typed, not computed; with no TS_Borgerrettet they are not recomputed.
 */
export function beregn(v: Partial<Skema>, enkeltTakst = false): Beregning {
  return beregnMed(HURTIGE, v, enkeltTakst);
}

/** The same with decimal.js alone: the reference the fast paths are tested against. */
export function beregnMedDecimal(v: Partial<Skema>, enkeltTakst = false): Beregning {
  return beregnMed(INGEN, v, enkeltTakst);
}

function beregnMed(g: Genveje, v: Partial<Skema>, enkeltTakst: boolean): Beregning {
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
  const l = linjer;
  const og = g.sum([l.loen, l.administration, l.udvikling, l.oevrige, l.ejendom, l.afskrivninger, l.forrentning, l.tjenestemandspension], l.indtaegter) ?? tilTal(overheadGrundlag(linjer));
  const ogBrugt = v.TS_OverheadGrundlag ?? og;
  const sats = n(v.TS_OverheadSats);
  const oh = g.overhead(ogBrugt, sats) ?? forsoeg(() => tilTal(overhead(ogBrugt, sats)));
  const ohBrugt = v.TS_Overhead ?? oh ?? 0;
  const tg =
    g.sum([l.loen, l.udvikling, l.administration, l.tjenestemandspension, ohBrugt, l.tilsyn, l.ejendom, l.afskrivninger, l.forrentning, l.regulering, l.oevrige], l.indtaegter) ??
    tilTal(takstgrundlag({ ...linjer, overhead: ohBrugt }));
  const tgBrugt = v.TS_Takstgrundlag ?? tg;
  const service = n(v.TS_Borgerrettet);
  const basis = g.sum([tg], service) ?? tilTal(dec(tg).minus(service));
  const basisBrugt = v.TS_Basisgrundlag ?? g.sum([tgBrugt], service) ?? tilTal(dec(tgBrugt).minus(service));
  const dage = v.TS_Dage ?? 365;

  const raekker: YdelseTal[] = [];
  const pladserne: number[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const pladser = celle(v.TS_Ydelser_Pladser, i);
    raekker.push({ pladser, belaegning: celle(v.TS_Ydelser_Belaegning, i), ressource: celle(v.TS_Ydelser_Ressource, i) });
    if (pladser !== null) pladserne.push(pladser);
  }
  let raekkeTal: (StrukturRaekke | null)[] | null;
  let sumBd: number | null;
  const hurtigStruktur = g.struktur(basisBrugt, service, raekker, dage);
  if (hurtigStruktur) {
    raekkeTal = hurtigStruktur.raekker;
    sumBd = hurtigStruktur.belaegningsdage;
  } else {
    const struktur = forsoeg(() => takststruktur(basisBrugt, service, raekker, dage));
    raekkeTal = struktur
      ? struktur.raekker.map((y) => (y ? { belaegningsdage: tilTal(y.belaegningsdage), basistakst: tilTal(y.basistakst), servicetakst: tilTal(y.servicetakst), takst: tilTal(y.takst) } : null))
      : null;
    sumBd = struktur ? tilTal(struktur.belaegningsdage) : null;
  }
  let pladserIAlt: number | null;
  let belaegning: number | null;
  const hurtigPladser = g.sum(pladserne, 0);
  if (hurtigPladser !== undefined) {
    // An exact sum of at most 1e15 scaled reads back as the same decimal: dec(hurtigPladser) is the sum.
    pladserIAlt = hurtigPladser > 0 ? hurtigPladser : null;
    belaegning = sumBd !== null && hurtigPladser > 0 ? (g.belaegning(sumBd, hurtigPladser, dage) ?? tilTal(dec(sumBd).div(dec(hurtigPladser).times(dage)))) : null;
  } else {
    const sumPladser = raekker.reduce((s, r) => (r.pladser === null ? s : s.plus(r.pladser)), dec(0));
    pladserIAlt = sumPladser.gt(0) ? tilTal(sumPladser) : null;
    belaegning = sumBd !== null && sumPladser.gt(0) ? tilTal(dec(sumBd).div(sumPladser.times(dage))) : null;
  }
  const splitKendt = !enkeltTakst || v.TS_Borgerrettet !== undefined;
  const pl = n(v.TS_PLPct);

  const takster: (number | null)[] = [];
  const ydelser: YdelseBeregnet[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const s = raekkeTal?.[i] ?? null;
    const takstBrugt = celle(v.TS_Ydelser_Takst, i) ?? s?.takst ?? null;
    takster.push(takstBrugt);
    if (!erUdfyldtRaekke(v, i)) continue;
    const sidste = celle(v.TS_Ydelser_SidsteAarsTakst, i);
    const udv = sidste === null || takstBrugt === null ? null : (g.udvikling(takstBrugt, sidste, pl) ?? forsoeg(() => tilTal(takstudvikling(takstBrugt, sidste, pl))));
    ydelser.push({
      raekke: i,
      navn: celle(v.TS_Ydelser_Navn, i) ?? "",
      pladser: raekker[i]!.pladser,
      belaegning: raekker[i]!.belaegning,
      ressource: raekker[i]!.ressource,
      sidsteAarsTakst: sidste,
      belaegningsdage: s?.belaegningsdage ?? null,
      basistakst: s && splitKendt ? s.basistakst : null,
      servicetakst: s && splitKendt ? s.servicetakst : null,
      takst: s?.takst ?? null,
      takstudvikling: udv,
    });
  }

  const A1 = v.TS_A1;
  const A2 = v.TS_A2;
  const A3 = n(v.TS_A3);
  const A6 = n(v.TS_A6);
  // Bilag 18's lines are sums: A4 = A2 + A3, A5 = A1 - A4, A7 = A5 - A6, regulering = -A7.
  const hurtigA4 = A1 === undefined || A2 === undefined ? undefined : g.sum([A2, A3], 0);
  const hurtigA5 = A1 === undefined || A2 === undefined ? undefined : g.sum([A1, -A2, -A3], 0);
  const hurtigA7 = A1 === undefined || A2 === undefined ? undefined : g.sum([A1, -A2, -A3, -A6], 0);
  let efterreg: { A4: number; A5: number; A7: number; forventetRegulering: number } | null;
  if (hurtigA4 !== undefined && hurtigA5 !== undefined && hurtigA7 !== undefined) efterreg = { A4: hurtigA4, A5: hurtigA5, A7: hurtigA7, forventetRegulering: hurtigA7 === 0 ? 0 : -hurtigA7 };
  else {
    const model = A1 === undefined || A2 === undefined ? null : forsoeg(() => efterregModel(A1, A2, A3, A6));
    efterreg = model ? { A4: tilTal(model.A4), A5: tilTal(model.A5), A7: tilTal(model.A7), forventetRegulering: tilTal(reguleringFraModel(model)) } : null;
  }
  const foerste = ydelser.find((y) => y.raekke === 0);
  return {
    beregnet: {
      overheadGrundlag: og,
      overhead: oh,
      takstgrundlag: tg,
      basisgrundlag: basis,
      servicegrundlag: service,
      belaegningsdage: sumBd,
      pladser: pladserIAlt,
      belaegning,
      takst: foerste?.takst ?? null,
      takstudvikling: foerste?.takstudvikling ?? null,
      ydelser,
      A4: efterreg?.A4 ?? null,
      A5: efterreg?.A5 ?? null,
      A7: efterreg?.A7 ?? null,
      forventetRegulering: efterreg?.forventetRegulering ?? null,
    },
    brugt: { overheadGrundlag: ogBrugt, overhead: ohBrugt, takstgrundlag: tgBrugt, basisgrundlag: basisBrugt, servicegrundlag: service, struktur: raekkeTal, takster },
  };
}
