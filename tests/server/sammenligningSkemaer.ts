import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Skemapost } from "./fixtures";

/** The shipped example (examples/botilbud-syd-2018.json) the benchmark's skemaer are built from. */
const EKSEMPEL = JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "botilbud-syd-2018.json"), "utf8")) as Skemapost;

/** Lines of the example that would make the takst harder to work out by hand (or warn): dropped. */
const UDEN = ["TS_SidsteAarsTakst", "TS_A1", "TS_A2", "TS_A3", "TS_A6", "TS_RegBudget", "TS_PensionsgivendeLoen", "TS_Kategori", "TS_BelaegningAarMinus2", "TS_BelaegningAarMinus1"];
const NUL = ["TS_Udvikling", "TS_Administration", "TS_Indtaegter", "TS_Tjenestemandspension", "TS_Tilsyn", "TS_Ejendom", "TS_Afskrivninger", "TS_Forrentning", "TS_Oevrige"];

export interface Sammenligningsvalg {
  driftsherre: string;
  tilbud: string;
  takst: number;
  lovgrundlag?: string;
  /** null: left blank. */
  maalgruppekategori?: string | null;
  takstenhed?: string;
  pladser?: number;
  saerligOpmaerksomhed?: boolean;
  /** TS_Regulering (kr.); the løn is lowered by as much, so the takst stays. */
  regulering?: number;
  aarsvaerk?: number;
  /** Two ydelser of half the pladser each (the same takst, no basis/service split). */
  toYdelser?: boolean;
}

/**
 * A skema of the example with one cost line: løn = takst × pladser × 365 − regulering, at
 * belægning 100 % and no overhead, so the takst is exactly `takst` kr. (takstgrundlag /
 * (pladser × 365 × 1)) and each figure can be worked out by hand.
 */
export function sammenligningsSkema(o: Sammenligningsvalg): Skemapost {
  const s: Skemapost = { ...EKSEMPEL };
  for (const k of UDEN) delete s[k];
  for (const k of NUL) s[k] = 0;
  const pladser = o.pladser ?? 10;
  const regulering = o.regulering ?? 0;
  Object.assign(s, {
    TS_Driftsherre: o.driftsherre,
    TS_Tilbud: o.tilbud,
    TS_Lovgrundlag: o.lovgrundlag ?? "SEL § 108",
    TS_Takstenhed: o.takstenhed ?? "døgn",
    TS_Belaegning: 1,
    TS_Pladser: pladser,
    TS_OverheadSats: 0,
    TS_Loen: o.takst * pladser * 365 - regulering,
    TS_Regulering: regulering,
  });
  if (o.maalgruppekategori !== null) s.TS_Maalgruppekategori = o.maalgruppekategori ?? "Udviklingshæmmede";
  if (o.saerligOpmaerksomhed) s.TS_SaerligOpmaerksomhed = "ja";
  if (o.aarsvaerk !== undefined) s.TS_Aarsvaerk = o.aarsvaerk;
  if (o.toYdelser) {
    for (const k of ["TS_Ydelse", "TS_Pladser", "TS_Belaegning"]) delete s[k];
    const tom = (a: (string | number)[]) => [...a, ...Array<null>(10 - a.length).fill(null)];
    Object.assign(s, { TS_Ydelser_Navn: tom(["Gruppe 1", "Gruppe 2"]), TS_Ydelser_Pladser: tom([pladser / 2, pladser / 2]), TS_Ydelser_Belaegning: tom([1, 1]) });
  }
  return s;
}
