/** Edit distance (insert, delete, replace), for suggesting what was meant. */
export function afstand(a: string, b: string): number {
  let foer = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const nu = [i];
    for (let j = 1; j <= b.length; j++) nu[j] = Math.min(foer[j]! + 1, nu[j - 1]! + 1, foer[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    foer = nu;
  }
  return foer[b.length]!;
}
