import { laesRegelsaetMappe } from "../../src/regelsaet/fraMappe";
import type { RegelsaetRegister } from "../../src/regelsaet/register";
import type { Db } from "../../src/server/db";
import { behandlKrop } from "../../src/server/indberetninger/behandl";
import { gemIndberetning } from "../../src/server/indberetninger/sql";
import { AAR, FORRIGE, type Plan, type Skema, skema } from "./saed";

/**
 * A large overview (issue 15: 1,000 or 10,000 current submissions, as many the year before so
 * every row has a takstudvikling) for the bench and the windowing browser test. Seeded through
 * the storage layer: the same validator and gemIndberetning as the API, without HTTP, in
 * batches (PGlite's worker queues the statements itself, so a batch keeps it busy).
 */

const YDELSER = [
  { ydelse: "Længerevarende botilbud", lov: "SEL § 108", enhed: "døgn" },
  { ydelse: "Midlertidigt botilbud", lov: "SEL § 107", enhed: "døgn" },
  { ydelse: "Beskyttet beskæftigelse", lov: "SEL § 103", enhed: "dag" },
  { ydelse: "Aktivitets- og samværstilbud", lov: "SEL § 104", enhed: "dag" },
] as const;

/** 20 tilbud per driftsherre; about one in eight changes beyond ±5 %, one in 25 with TS012. */
export function storPlan(antal: number): Plan[] {
  return Array.from({ length: antal }, (_, i) => {
    const y = YDELSER[i % YDELSER.length]!;
    const t2020 = 800 + ((i * 37) % 2400);
    const skridt = [0, 1, 2, 3, -1, -2, 1, 12][i % 8]!; // per cent, real change ≈ skridt
    return {
      driftsherre: `Kommune ${String(Math.floor(i / 20) + 1).padStart(3, "0")}`,
      tilbud: `Tilbud ${String(i + 1).padStart(5, "0")}`,
      ...y,
      pladser: 5 + (i % 20),
      t2020,
      t2021: Math.round(t2020 * 1.02 * (1 + skridt / 100)),
      belaegningsafvigelse: i % 25 === 0,
    };
  });
}

/** Seeds storPlan(antal) for FORRIGE and AAR; returns the seconds it took. */
export function saaStor(db: Db, antal: number, tokenId: string, parti = 50): Promise<number> {
  return saaPlan(db, storPlan(antal), [FORRIGE, AAR], tokenId, parti);
}

/** Seeds `plan` for each of `aarene` (FORRIGE and/or AAR) in batches of `parti`; returns the seconds it took. */
export function saaPlan(db: Db, plan: readonly Plan[], aarene: readonly number[], tokenId: string, parti = 50): Promise<number> {
  const runder = aarene.map((aar) => plan.map((p) => skema(p, aar, aar === AAR ? p.t2021! : p.t2020!)));
  return saaRunder(db, laesRegelsaetMappe(), runder, tokenId, parti);
}

/**
 * Stores every skema of `runder` as the API would (validated against `register`), one round
 * after the other and each in batches of `parti`: a tilbud's versions go in separate rounds, so
 * no batch stores two versions of one at once. Returns the seconds it took.
 */
export async function saaRunder(db: Db, register: RegelsaetRegister, runder: readonly (readonly Skema[])[], tokenId: string, parti = 50): Promise<number> {
  const start = Date.now();
  for (const runde of runder) {
    for (let i = 0; i < runde.length; i += parti) {
      await Promise.all(
        runde.slice(i, i + parti).map((s) => {
          const b = behandlKrop(s, register, new Date());
          if (!b.ok) throw new Error(`Ugyldigt skema i bench-data: ${JSON.stringify(b.findings)}`);
          return gemIndberetning(db, { ...b.noegle, sha256: b.sha256, payload: b.indhold, vaerdier: b.vaerdier, findings: b.findings, sprunget: b.skipped, beregnet: b.beregnet, tokenId });
        }),
      );
    }
  }
  return Math.round((Date.now() - start) / 100) / 10;
}
