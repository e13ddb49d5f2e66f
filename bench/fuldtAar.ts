import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REGELSAET_MAPPE, laesRegelsaetFiler } from "../src/regelsaet/fraMappe";
import type { Db } from "../src/server/db";
import { migrer } from "../src/server/migrationer";
import { lavServerRegister, udgiv } from "../src/server/regelsaet";
import { opretToken } from "../src/server/tokens";
import { AAR, FORRIGE, type Plan, type Skema, skema, tabelSkema } from "../tests/oversigt/saed";
import { saaRunder } from "../tests/oversigt/storSaed";

/**
 * A region's full year (issue 27), as measured side by side with the work's floor: 103
 * driftsherrer, 2,500 tilbud, 4,123 ydelser, takstår 2020-2023 with resubmissions, 13,123 stored
 * submissions in all. Deterministic (a seeded PRNG), seeded through the storage layer as
 * tests/oversigt/storSaed.ts does: the API's validator and gemIndberetning, without HTTP.
 * 2020 and 2021 use the built-in MIDT rulesets; 2022 and 2023 are published as the secretariat
 * would (MIDT-2021's rules under the new year), so the overview has every year's takstudvikling.
 */

export const FULDT_AAR = { driftsherrer: 103, tilbud: 2500, ydelser: 4123, raekker: 13123, takstaar: [2020, 2021, 2022, 2023] } as const;

const YDELSER = [
  { ydelse: "Længerevarende botilbud", lov: "SEL § 108", enhed: "døgn" },
  { ydelse: "Midlertidigt botilbud", lov: "SEL § 107", enhed: "døgn" },
  { ydelse: "Aflastning", lov: "SEL § 107", enhed: "døgn" },
  { ydelse: "Beskyttet beskæftigelse", lov: "SEL § 103", enhed: "dag" },
  { ydelse: "Aktivitets- og samværstilbud", lov: "SEL § 104", enhed: "dag" },
  { ydelse: "Krisecenter", lov: "SEL § 109", enhed: "døgn" },
] as const;
const MAKS_YDELSER = 4;
/** Real change from one year to the next beyond PL, per cent: mostly small, one in eight +12 %. */
const SKRIDT = [0, 1, 2, 3, -1, -2, 1, 12] as const;

/** mulberry32: small, fast and the same sequence on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuldtAarTilbud {
  driftsherre: string;
  tilbud: string;
  ydelser: { ydelse: string; lov: string; enhed: "døgn" | "dag"; pladser: number; belaegningsafvigelse: boolean }[];
  /** The current takst per takstår, one per ydelse. */
  takster: Map<number, number[]>;
  /** Earlier versions per takstår (oldest first), each one takst per ydelse. */
  tidligere: Map<number, number[][]>;
}

const heltal = (r: () => number, fra: number, til: number) => fra + Math.floor(r() * (til - fra + 1));

/** The full year's tilbud, their ydelser and every takst (pure: the same every call). */
export function fuldtAarPlan(): FuldtAarTilbud[] {
  const r = prng(27);
  const { driftsherrer, tilbud, ydelser, raekker, takstaar } = FULDT_AAR;
  const antal = Array.from({ length: tilbud }, () => 1);
  for (let ekstra = ydelser - tilbud; ekstra > 0; ) {
    const i = heltal(r, 0, tilbud - 1);
    if (antal[i]! < MAKS_YDELSER) {
      antal[i]!++;
      ekstra--;
    }
  }
  const plan = antal.map((n, i): FuldtAarTilbud => {
    const foerste = heltal(r, 0, YDELSER.length - 1);
    const ys = Array.from({ length: n }, (_, k) => ({ ...YDELSER[(foerste + k) % YDELSER.length]!, pladser: heltal(r, 4, 30), belaegningsafvigelse: r() < 0.04 }));
    const takster = new Map<number, number[]>();
    let forrige = ys.map((y) => (y.enhed === "døgn" ? heltal(r, 1200, 3400) : heltal(r, 450, 950)));
    for (const aar of takstaar) {
      if (aar !== takstaar[0]) forrige = forrige.map((t) => Math.round(t * 1.02 * (1 + SKRIDT[heltal(r, 0, SKRIDT.length - 1)]! / 100)));
      takster.set(aar, forrige);
    }
    return {
      driftsherre: `Kommune ${String(Math.floor((i * driftsherrer) / tilbud) + 1).padStart(3, "0")}`,
      tilbud: `Tilbud ${String(i + 1).padStart(5, "0")}`,
      ydelser: ys,
      takster,
      tidligere: new Map(),
    };
  });
  // The resubmissions: an earlier version 3-8 % above the one that stands.
  for (let v = raekker - tilbud * takstaar.length; v > 0; v--) {
    const t = plan[heltal(r, 0, tilbud - 1)]!;
    const aar = takstaar[heltal(r, 0, takstaar.length - 1)]!;
    const pct = heltal(r, 3, 8);
    t.tidligere.set(aar, [...(t.tidligere.get(aar) ?? []), t.takster.get(aar)!.map((x) => Math.round((x * (100 + pct)) / 100))]);
  }
  return plan;
}

/**
 * The skema of `t` for `aar` with `takster`: 2020 in MIDT-2020's shape, later years in
 * MIDT-2021's (basis/service split, last year's takst) under their own ruleset id and year.
 */
function fuldtSkema(t: FuldtAarTilbud, aar: number, takster: readonly number[]): Skema {
  const forrige = t.takster.get(aar - 1);
  const planer: Plan[] = t.ydelser.map((y, i) => ({ driftsherre: t.driftsherre, tilbud: t.tilbud, ...y, t2020: forrige?.[i] ?? null, t2021: takster[i]! }));
  const form = aar === FORRIGE ? FORRIGE : AAR;
  const s = planer.length === 1 ? skema(planer[0]!, form, takster[0]!) : tabelSkema(planer, form, takster);
  return { ...s, TS_Regelsaet: `MIDT-${aar}`, TS_Takstaar: aar };
}

/** The skemaer in the order they are sent: per takstår, each tilbud's earlier versions round by round, then the current ones. */
export function fuldtAarRunder(plan: readonly FuldtAarTilbud[] = fuldtAarPlan()): Skema[][] {
  const runder: Skema[][] = [];
  for (const aar of FULDT_AAR.takstaar) {
    const flest = Math.max(...plan.map((t) => t.tidligere.get(aar)?.length ?? 0));
    for (let v = 0; v < flest; v++) runder.push(plan.filter((t) => (t.tidligere.get(aar)?.length ?? 0) > v).map((t) => fuldtSkema(t, aar, t.tidligere.get(aar)![v]!)));
    runder.push(plan.map((t) => fuldtSkema(t, aar, t.takster.get(aar)!)));
  }
  return runder;
}

/** MIDT-2021's rules published for a later year, as the secretariat would (`regelsaet udgiv`). */
async function udgivAar(db: Db, aar: number): Promise<void> {
  const grund = JSON.parse(readFileSync(join(REGELSAET_MAPPE, `MIDT-${AAR}.json`), "utf8")) as Record<string, unknown>;
  const raw = { ...grund, id: `MIDT-${aar}`, navn: `Rammeaftale Midtjylland, takster ${aar}`, takstaar: aar, kilde: `bench-data: MIDT-${AAR} som ${aar}` };
  const svar = await udgiv(db, laesRegelsaetFiler(), raw, null);
  if ("fejl" in svar) throw new Error(`MIDT-${aar} kunne ikke udgives: ${svar.fejl}`);
}

export interface FuldtAarInfo {
  /** Every driftsherre, sorted ("Kommune 001" … "Kommune 103"). */
  driftsherrer: string[];
  takstaar: readonly number[];
  /** The newest takstår (what the overview and the public list show first). */
  nyesteAar: number;
  antal: { driftsherrer: number; tilbud: number; ydelser: number; raekker: number };
  /** The last tilbud in name order and its ydelser (its rows in the overview): a search target never among the first rows. */
  sidsteTilbud: { navn: string; ydelser: number };
  /** The kommune token (of driftsherrer[0]) the submissions are stored under. */
  tokenId: string;
  seed_seconds: number;
}

/** Seeds the full year into an empty `db` (migrated here if buildApp has not done it); returns what the benches need. */
export async function saaFuldtAar(db: Db, parti = 50): Promise<FuldtAarInfo> {
  await migrer(db);
  const plan = fuldtAarPlan();
  const driftsherrer = [...new Set(plan.map((t) => t.driftsherre))].sort();
  const { id: tokenId } = await opretToken(db, { rolle: "kommune", driftsherre: driftsherrer[0]!, beskrivelse: "bench: fuldt år" });
  const start = Date.now();
  for (const aar of FULDT_AAR.takstaar.filter((a) => a > AAR)) await udgivAar(db, aar);
  const register = await lavServerRegister(db, laesRegelsaetFiler());
  const runder = fuldtAarRunder(plan);
  await saaRunder(db, register, runder, tokenId, parti);
  const sidste = plan[plan.length - 1]!;
  return {
    driftsherrer,
    takstaar: FULDT_AAR.takstaar,
    nyesteAar: Math.max(...FULDT_AAR.takstaar),
    antal: { driftsherrer: driftsherrer.length, tilbud: plan.length, ydelser: plan.reduce((n, t) => n + t.ydelser.length, 0), raekker: runder.reduce((n, r) => n + r.length, 0) },
    sidsteTilbud: { navn: sidste.tilbud, ydelser: sidste.ydelser.length },
    tokenId,
    seed_seconds: Math.round((Date.now() - start) / 100) / 10,
  };
}
