/**
 * Danish lower case, remembered: toLocaleLowerCase("da-DK") resolves the locale on every call
 * (microseconds each), and the texts it is asked about (a takstenhed, a kategori) repeat from
 * skema to skema. The cache is bounded and simply emptied when full.
 */
const CACHE = new Map<string, string>();
const MAKS = 256;
/** Longer texts are lower-cased without being remembered. */
const MAKS_LAENGDE = 200;

export function smaaDansk(tekst: string): string {
  let smaa = CACHE.get(tekst);
  if (smaa === undefined) {
    smaa = tekst.toLocaleLowerCase("da-DK");
    if (tekst.length <= MAKS_LAENGDE) {
      if (CACHE.size >= MAKS) CACHE.clear();
      CACHE.set(tekst, smaa);
    }
  }
  return smaa;
}
