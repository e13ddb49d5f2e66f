import { type Dec, type DecInput, D } from "./decimal";
import { heltal, iInterval } from "./krav";

/**
 * The PL factor of a takstudvikling from year `fra` (B) to year `til` (T): F = Π(1 + plSats_y)
 * for y = B+1..T (002:2529, "PL reguleret til niveauet for 2021"; domain-season.md §B3).
 * `satser` gives each year's plSats as a fraction. A year without one makes F unknown
 * (`faktor` null, the years in `mangler`): a missing PL is never taken as 0 %.
 */
export function plFaktor(fra: DecInput, til: DecInput, satser: ReadonlyMap<number, DecInput>): { faktor: Dec | null; mangler: number[] } {
  const b = heltal("fra", fra, 1900, 2200);
  const t = heltal("til", til, b + 1, 2201);
  let faktor = new D(1);
  const mangler: number[] = [];
  for (let aar = b + 1; aar <= t; aar++) {
    const sats = satser.get(aar);
    if (sats === undefined) mangler.push(aar);
    else faktor = faktor.times(iInterval(`plSats ${aar}`, sats, -1, 1, false, true).plus(1));
  }
  return { faktor: mangler.length ? null : faktor, mangler };
}
