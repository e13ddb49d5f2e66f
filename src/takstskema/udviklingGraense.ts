/**
 * The limits of the takstudvikling as shown, without the engine, so the overview's page bundle
 * can use them without decimal.js.
 */

/** A real change beyond ±5 % needs a reason (TS050) and is an outlier in the overview (product.md §3). */
export const UDSVING_GRAENSE = 0.05;
/** Shown with one decimal of a percent: three decimals of the fraction (0.0125 → 0.013). */
export const UDVIKLING_DECIMALER = 3;
