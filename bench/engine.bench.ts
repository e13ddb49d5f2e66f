import { efterregulering, fordel, takst } from "../src/engine";
import { kaldPrSekund } from "./maal";

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
      TAKST: par(kaldPrSekund(() => takst(10_400_000, 30, 0.95)), kaldPrSekund(() => keep(takstTal(10_400_000, 30, 0.95)))),
      OBJFIN_100_rows: par(kaldPrSekund(() => fordel(19_156_058, noegle, "REST")), kaldPrSekund(() => keep(fordelTal(19_156_058, noegle)[0]!))),
      EFTERREG: par(kaldPrSekund(() => efterregulering(-450_000, 5_000_000)), kaldPrSekund(() => keep(efterregTal(-450_000, 5_000_000)))),
    },
  };
  if (Number.isNaN(sink)) console.log(sink);
  return figures;
}
