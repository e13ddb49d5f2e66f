import type { Benchmark, BenchmarkNiveau } from "../../src/kontrakt";

/**
 * A constructed answer of GET /api/v1/benchmark (the contract's shape), for the page and the pane
 * before and beside the API. Group 1: five tilbud with takster 1.000, 1.200, 1.500, 1.800 and 2.500
 * kr.; by hand (KVARTIL.MEDTAG, position (n − 1)·p in the sorted list): median = the 3rd = 1.500,
 * Q1 = the 2nd = 1.200, Q3 = the 4th = 1.800; indeks = takst / 1.500 × 100 (66,7 / 80 / 100 /
 * 120 / 166,7). Group 2: two tilbud, too few. One niveau left out for særlig opmærksomhed.
 */

const NOEGLETAL: BenchmarkNiveau["noegletal"] = {
  omkostninger: 5_475_000,
  prPlads: 912_500,
  prBelaegningsdag: 2604.17,
  loenandel: 0.6123,
  administrationsandel: 0.0548,
  overheadandel: 0.04,
  kapitalandel: 0.1012,
  basisandel: null,
  belaegning: 0.96,
  aarligTakstPrHelaarsborger: 547_500,
  normeringPrPlads: 1.25,
};

export const EGEN = "Aarhus Kommune";

function niveau(driftsherre: string, tilbud: string, takst: number, indeks: number | null, position: BenchmarkNiveau["position"]): BenchmarkNiveau {
  return { driftsherre, tilbud, ydelse: "Døgnophold", indberetningId: `id-${tilbud}`, takst, indeks, position, noegletal: { ...NOEGLETAL, aarligTakstPrHelaarsborger: takst * 365 } };
}

export const BENCHMARK: Benchmark = {
  takstaar: 2027,
  grupper: [
    {
      lovgrundlag: "SEL § 108",
      maalgruppekategori: "Socialpsykiatri",
      takstenhed: "døgn",
      antal: 5,
      antalTilbud: 5,
      statistik: { median: 1500, kvartil1: 1200, kvartil3: 1800, min: 1000, max: 2500 },
      besked: null,
      niveauer: [
        niveau("Randers Kommune", "Bostedet Engen", 1000, 66.7, "under_kvartil1"),
        niveau(EGEN, "Bostedet Skoven", 1200, 80, "mellem_kvartilerne"),
        niveau("Region Midtjylland", "Bostedet Søen", 1500, 100, "mellem_kvartilerne"),
        niveau("Viborg Kommune", "Bostedet Åen <b>", 1800, 120, "mellem_kvartilerne"),
        niveau("Silkeborg Kommune", "Bostedet Bakken", 2500, 166.7, "over_kvartil3"),
      ],
    },
    {
      lovgrundlag: "SEL § 107",
      maalgruppekategori: "Autisme",
      takstenhed: "døgn",
      antal: 2,
      antalTilbud: 2,
      statistik: null,
      besked: "for få sammenlignelige",
      niveauer: [niveau(EGEN, "Autismecenter Nord", 3100, null, null), niveau("Randers Kommune", "Autismecenter Syd", 2900, null, null)],
    },
  ],
  udeladt: [{ driftsherre: "Viborg Kommune", tilbud: "Sikret afdeling", ydelse: "Døgnophold", grund: "saerligOpmaerksomhed" }],
};

/** The same answer as a municipality's token gets it: the statistics, its own niveauer only. */
export const BENCHMARK_KOMMUNE: Benchmark = {
  ...BENCHMARK,
  grupper: BENCHMARK.grupper.map((g) => ({ ...g, niveauer: g.niveauer.filter((n) => n.driftsherre === EGEN) })),
  udeladt: [],
};
