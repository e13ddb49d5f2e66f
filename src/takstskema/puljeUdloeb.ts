/**
 * TS210's test (product.md §3, domain-season.md §B2), apart from the finding so the pool page can
 * mark a vintage by the same rule without the skema's layout: a vintage with money left whose
 * last year-end (31 December of `udloeberUltimo`) falls within 12 months of `idag`. One whose
 * year-end has passed while its regnskab is not yet in counts too: it expires as soon as it is.
 */
export function udloeberInden12Maaneder(a: { udloeberUltimo: number; rest: number }, idag: Date): boolean {
  if (a.rest <= 0) return false;
  const om12 = new Date(Date.UTC(idag.getUTCFullYear() + 1, idag.getUTCMonth(), idag.getUTCDate()));
  return Date.UTC(a.udloeberUltimo, 11, 31) <= om12.getTime();
}
