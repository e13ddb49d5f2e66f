import {
  efterregModelTal,
  kunDecimal,
  overheadTal,
  sumTal,
  takststrukturTal,
  type StrukturTal,
  tilbudsBelaegningTal,
  type YdelseTal,
} from "../engine";
import type { Regelsaet } from "../regelsaet";
import { YDELSE_RAEKKER } from "./felter";
import type { Genberegnet, YdelseBeregnet } from "./resultat";
import { type UdviklingsPl, udviklingsPl, vistUdvikling } from "./takstudvikling";
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
export type StrukturRaekke = StrukturTal;

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
    /** Per row: its takstudvikling is beyond ±5 % (vistUdvikling's flag, for TS050). */
    udsving: boolean[];
    /** The PL the takstudvikling used and its source (udviklingsPl); pl null: none was computed (TS050/TS051 skip). */
    udviklingsPl: UdviklingsPl;
  };
}

type Raekke<T> = (T | null)[] | undefined;
const celle = <T>(kolonne: Raekke<T>, i: number): T | null => kolonne?.[i] ?? null;
const n = (x: number | undefined) => x ?? 0;

/** True when the row holds anything a user typed (a name or a figure). */
function erUdfyldtRaekke(v: Partial<Skema>, i: number): boolean {
  return (
    celle<unknown>(v.TS_Ydelser_Navn, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Pladser, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Belaegning, i) !== null ||
    celle<unknown>(v.TS_Ydelser_Ressource, i) !== null ||
    celle<unknown>(v.TS_Ydelser_SidsteAarsTakst, i) !== null
  );
}

/**
 * Recompute every computed field from the inputs with the engine. Each computed cell is
 * checked against its own inputs, with the cell values of earlier computed cells carried
 * downstream, so one wrong cell gives exactly one finding (TS022, TS021, TS031, TS030).
 * `enkeltTakst`: the skema came in the former single-takst shape, whose basis/service cells
 * were typed, not computed; with no TS_Borgerrettet they are not recomputed. `regelsaet`: the
 * skema's ruleset, whose plSats (if any) the takstudvikling uses (udviklingsPl).
 */
export function beregn(v: Partial<Skema>, enkeltTakst = false, regelsaet?: Regelsaet): Beregning {
  const { og, oh, tg } = omkostninger(v);
  const ogBrugt = v.TS_OverheadGrundlag ?? og;
  const ohBrugt = v.TS_Overhead ?? oh ?? 0;
  const tgBrugt = v.TS_Takstgrundlag ?? tg;
  const service = n(v.TS_Borgerrettet);
  const basis = sumTal([tg], service);
  const basisBrugt = v.TS_Basisgrundlag ?? sumTal([tgBrugt], service);
  const dage = v.TS_Dage ?? 365;
  const t = tabel(v, basisBrugt, service, dage);
  const plValg = udviklingsPl(regelsaet, v.TS_PLPct, v.TS_Takstaar);
  const { takster, ydelser, udsving } = ydelserMed(v, t, enkeltTakst, plValg.pl);
  const efterreg = v.TS_A1 === undefined || v.TS_A2 === undefined ? null : forsoeg(() => efterregModelTal(v.TS_A1!, v.TS_A2!, n(v.TS_A3), n(v.TS_A6)));
  const foerste = ydelser.find((y) => y.raekke === 0);
  return {
    beregnet: {
      overheadGrundlag: og,
      overhead: oh,
      takstgrundlag: tg,
      basisgrundlag: basis,
      servicegrundlag: service,
      belaegningsdage: t.sumBd,
      pladser: t.pladserIAlt,
      belaegning: t.belaegning,
      takst: foerste?.takst ?? null,
      takstudvikling: foerste?.takstudvikling ?? null,
      ydelser,
      A4: efterreg?.A4 ?? null,
      A5: efterreg?.A5 ?? null,
      A7: efterreg?.A7 ?? null,
      forventetRegulering: efterreg?.forventetRegulering ?? null,
    },
    brugt: { overheadGrundlag: ogBrugt, overhead: ohBrugt, takstgrundlag: tgBrugt, basisgrundlag: basisBrugt, servicegrundlag: service, struktur: t.raekkeTal, takster, udsving, udviklingsPl: plValg },
  };
}

/** The same with decimal.js alone: the reference the fast paths are tested against. */
export function beregnMedDecimal(v: Partial<Skema>, enkeltTakst = false, regelsaet?: Regelsaet): Beregning {
  return kunDecimal(() => beregn(v, enkeltTakst, regelsaet));
}

/** The omkostninger's lines and sums: overheadgrundlag, overhead (null: the engine refuses) and takstgrundlag. */
function omkostninger(v: Partial<Skema>) {
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
    reguleringPulje: n(v.TS_ReguleringPulje),
    oevrige: n(v.TS_Oevrige),
  };
  const l = linjer;
  const og = sumTal([l.loen, l.administration, l.udvikling, l.oevrige, l.ejendom, l.afskrivninger, l.forrentning, l.tjenestemandspension], l.indtaegter);
  const ogBrugt = v.TS_OverheadGrundlag ?? og;
  const sats = n(v.TS_OverheadSats);
  const oh = forsoeg(() => overheadTal(ogBrugt, sats));
  const ohBrugt = v.TS_Overhead ?? oh ?? 0;
  const tg = sumTal([l.loen, l.udvikling, l.administration, l.tjenestemandspension, ohBrugt, l.tilsyn, l.ejendom, l.afskrivninger, l.forrentning, l.regulering, l.reguleringPulje, l.oevrige], l.indtaegter);
  return { og, oh, tg };
}

interface Tabel {
  raekker: YdelseTal[];
  /** SOC.TAKSTSTRUKTUR per row; null when the engine refuses the table. */
  raekkeTal: (StrukturRaekke | null)[] | null;
  sumBd: number | null;
  pladserIAlt: number | null;
  belaegning: number | null;
}

/** The Ydelser table's structure and the tilbud's pladser and belægning. */
function tabel(v: Partial<Skema>, basisBrugt: number, service: number, dage: number): Tabel {
  const raekker: YdelseTal[] = [];
  const pladserne: number[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const pladser = celle(v.TS_Ydelser_Pladser, i);
    raekker.push({ pladser, belaegning: celle(v.TS_Ydelser_Belaegning, i), ressource: celle(v.TS_Ydelser_Ressource, i) });
    if (pladser !== null) pladserne.push(pladser);
  }
  const struktur = forsoeg(() => takststrukturTal(basisBrugt, service, raekker, dage));
  const sumBd = struktur ? struktur.belaegningsdage : null;
  const { pladser: pladserIAlt, belaegning } = tilbudsBelaegningTal(sumBd, pladserne, dage);
  return { raekker, raekkeTal: struktur ? struktur.raekker : null, sumBd, pladserIAlt, belaegning };
}

/** Each filled row's ydelse with its takstudvikling, and per row the takst carried downstream. */
function ydelserMed(v: Partial<Skema>, t: Tabel, enkeltTakst: boolean, pl: number | null): { takster: (number | null)[]; ydelser: YdelseBeregnet[]; udsving: boolean[] } {
  const splitKendt = !enkeltTakst || v.TS_Borgerrettet !== undefined;
  const takster: (number | null)[] = [];
  const udsving: boolean[] = [];
  const ydelser: YdelseBeregnet[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const s = t.raekkeTal?.[i] ?? null;
    const takstBrugt = celle(v.TS_Ydelser_Takst, i) ?? s?.takst ?? null;
    takster.push(takstBrugt);
    udsving.push(false);
    if (!erUdfyldtRaekke(v, i)) continue;
    const sidste = celle(v.TS_Ydelser_SidsteAarsTakst, i);
    const udv = vistUdvikling(takstBrugt, sidste, pl);
    udsving[i] = udv?.udsving ?? false;
    ydelser.push({
      raekke: i,
      navn: celle(v.TS_Ydelser_Navn, i) ?? "",
      pladser: t.raekker[i]!.pladser,
      belaegning: t.raekker[i]!.belaegning,
      ressource: t.raekker[i]!.ressource,
      sidsteAarsTakst: sidste,
      belaegningsdage: s?.belaegningsdage ?? null,
      basistakst: s && splitKendt ? s.basistakst : null,
      servicetakst: s && splitKendt ? s.servicetakst : null,
      takst: s?.takst ?? null,
      takstudvikling: udv?.vaerdi ?? null,
    });
  }
  return { takster, ydelser, udsving };
}
