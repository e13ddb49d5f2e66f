// The comparison's product thresholds, apart from sammenligning.ts so the page's words can name
// them without bundling the engine (src/kontrakt/benchmarkTekster.ts).

/** A tilbud with fewer pladser is left out: its unit costs are noisy (a product threshold). */
export const MIN_PLADSER = 5;
/** A niveau is compared when its group holds at least this many other tilbud (a product threshold). */
export const MIN_ANDRE_TILBUD = 3;
