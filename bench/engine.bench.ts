import fc from "fast-check";
import { efterregulering, fordel, hurtigEfterregulering, hurtigTakst, takst } from "../src/engine";
import { efterregInput, ens, overheadInput, sammenlign, takstInput } from "../tests/helpers/hurtigeInput";
import { funktionsInput, sammenlignFunktion } from "../tests/helpers/hurtigeFunktionsInput";
import { afvigelseInput, belaegningInput, ensSkema, pensionInput, sammenlignSkema, strukturInput, sumInput, udviklingInput } from "../tests/helpers/hurtigeSkemaInput";
import { kaldPrSekund } from "./maal";

const MILLION = 1_000_000;

/**
 * The fast path against decimal.js on a million generated inputs (the property test's
 * generators: realistic values, ties and their neighbours, 4 decimals, negative, huge, junk).
 */
function sammenlignMillion<A, S extends { hurtig: unknown }>(input: fc.Arbitrary<A>, sml: (a: A) => S, ensartet: (s: S) => boolean) {
  let hurtige = 0;
  let forskelle = 0;
  const eksempler: unknown[] = [];
  const blok = 50_000;
  for (let start = 0; start < MILLION; start += blok) {
    for (const a of fc.sample(input, { numRuns: blok, seed: 15_000 + start / blok })) {
      const s = sml(a);
      if (s.hurtig !== undefined) hurtige++;
      if (!ensartet(s)) {
        forskelle++;
        if (eksempler.length < 5) eksempler.push({ a, s });
      }
    }
  }
  return { inputs: MILLION, fast_path: hurtige, handed_over: MILLION - hurtige, differences: forskelle, ...(eksempler.length ? { examples: eksempler } : {}) };
}

// Plain-number versions of the same formulas, measured in the same run, to show what the
// exactness of decimal.js costs.
function takstTal(grundlag: number, pladser: number, belaegning: number, dage = 365): number {
  const t = grundlag / (pladser * dage * belaegning);
  return Math.sign(t) * Math.round(Math.abs(t));
}
function efterregTal(resultat: number, budget: number, graense = 0.05): number {
  const band = budget * graense;
  if (resultat > band) return -(resultat - band);
  if (resultat < -band) return -(resultat + band);
  return 0;
}
function fordelTal(beloeb: number, noegle: number[]): number[] {
  const total = noegle.reduce((a, b) => a + b, 0);
  const exact = noegle.map((k) => (beloeb * k) / total);
  const floors = exact.map(Math.floor);
  let missing = beloeb - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (missing-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}

// Results are folded into a sink so the JIT cannot drop the plain-number calls as dead code.
let sink = 0;
const keep = (n: number) => {
  sink += n;
};

export async function run(): Promise<Record<string, unknown>> {
  const noegle = Array.from({ length: 100 }, (_, i) => 1000 + ((i * 7919) % 40000));
  const par = (engine: number, plain: number) => ({ engine_calls_per_s: engine, number_calls_per_s: plain, ratio_number_over_engine: Math.round((plain / engine) * 10) / 10 });
  const figures = {
    engine: {
      TAKST: {
        ...par(kaldPrSekund(() => takst(10_400_000, 30, 0.95)), kaldPrSekund(() => keep(takstTal(10_400_000, 30, 0.95)))),
        fast_calls_per_s: kaldPrSekund(() => keep(hurtigTakst(10_400_000, 30, 0.95)!)),
      },
      OBJFIN_100_rows: par(kaldPrSekund(() => fordel(19_156_058, noegle, "REST")), kaldPrSekund(() => keep(fordelTal(19_156_058, noegle)[0]!))),
      EFTERREG: {
        ...par(kaldPrSekund(() => efterregulering(-450_000, 5_000_000)), kaldPrSekund(() => keep(efterregTal(-450_000, 5_000_000)))),
        fast_calls_per_s: kaldPrSekund(() => keep(hurtigEfterregulering(-450_000, 5_000_000)!)),
      },
      fast_path_vs_decimal: {
        TAKST: sammenlignMillion(takstInput, (a) => sammenlign.TAKST(a), ens),
        OVERHEAD: sammenlignMillion(overheadInput, (a) => sammenlign.OVERHEAD(a), ens),
        EFTERREG: sammenlignMillion(efterregInput, (a) => sammenlign.EFTERREG(a), ens),
        note: "1,000,000 generated inputs per function (tests/helpers/hurtigeInput.ts); differences = fast-path answers not identical to decimal.js ROUND_HALF_UP (must be 0)",
      },
      skema_fast_path_vs_decimal: {
        SUM: sammenlignMillion(sumInput, sammenlignSkema.SUM, ensSkema),
        TAKSTSTRUKTUR: sammenlignMillion(strukturInput, sammenlignSkema.TAKSTSTRUKTUR, ensSkema),
        BELAEGNING: sammenlignMillion(belaegningInput, sammenlignSkema.BELAEGNING, ensSkema),
        TAKSTUDVIKLING: sammenlignMillion(udviklingInput, sammenlignSkema.TAKSTUDVIKLING, ensSkema),
        TJENESTEMANDSPENSION: sammenlignMillion(pensionInput, sammenlignSkema.TJENESTEMANDSPENSION, ensSkema),
        BELAEGNINGSAFVIGELSE: sammenlignMillion(afvigelseInput, sammenlignSkema.BELAEGNINGSAFVIGELSE, ensSkema),
        note: "the takstskema's fast paths (src/engine/hurtigSkema.ts; TAKSTUDVIKLING: the rounded value and ±5 % flag, src/engine/hurtigUdvikling.ts): 1,000,000 generated inputs each (tests/helpers/hurtigeSkemaInput.ts); differences must be 0",
      },
      functions_fast_path_vs_decimal: {
        ...Object.fromEntries(
          (Object.keys(sammenlignFunktion) as (keyof typeof sammenlignFunktion)[]).map((navn) => [
            navn,
            sammenlignMillion(funktionsInput[navn] as fc.Arbitrary<unknown>, sammenlignFunktion[navn] as (a: unknown) => ReturnType<typeof sammenlignSkema.SUM>, ensSkema),
          ]),
        ),
        note: "the other SOC functions' fast paths (src/engine/hurtigFunktioner.ts) against the engine's decimal.js path (kunDecimal): 1,000,000 generated inputs each (tests/helpers/hurtigeFunktionsInput.ts); differences must be 0. TAKSTSTRUKTUR, TJMPENSION and EFTERREG.MODEL use the takstskema's fast paths above",
      },
    },
  };
  if (Number.isNaN(sink)) console.log(sink);
  return figures;
}
