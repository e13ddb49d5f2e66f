/**
 * The budget years a municipality looks for its objektiv finansiering in: the coming one (the
 * socialtilsyn publish it in the autumn) and the current one, newest first. The task pane and the
 * municipality's overview page ask for the same years.
 */
export function ofAar(nu: Date): number[] {
  const aar = nu.getFullYear();
  return [aar + 1, aar];
}
