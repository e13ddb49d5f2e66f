/**
 * How bench/run.ts merges a run's figures into bench/results.json, so every figure in it comes
 * from the run that last measured its part: a run of every part starts empty; a run of some
 * parts keeps the other parts' keys and drops all keys the re-run parts wrote last time
 * (recorded under `parts`), so a key a part no longer writes cannot survive as a stale figure.
 */

export interface Del {
  /** The top-level keys of results.json the part wrote. */
  keys: string[];
  measured: string;
}

export type Resultater = Record<string, unknown> & { parts?: Record<string, Del> };

/** What run.ts keeps beside the parts' figures. */
export const EGNE_NOEGLER = ["machine", "parts"] as const;

export function flet(foer: Resultater, koersel: { del: string; figurer: Record<string, unknown> }[], alle: boolean, measured: string): Resultater {
  const ud: Record<string, unknown> = alle ? {} : { ...foer };
  const dele: Record<string, Del> = alle ? {} : { ...(foer.parts ?? {}) };
  for (const { del } of koersel) {
    for (const k of dele[del]?.keys ?? []) delete ud[k];
    delete dele[del];
  }
  for (const { del, figurer } of koersel) {
    for (const k of Object.keys(figurer)) {
      if ((EGNE_NOEGLER as readonly string[]).includes(k)) throw new Error(`${del}: nøglen ${k} er run.ts' egen.`);
      const ejer = Object.entries(dele).find(([, d]) => d.keys.includes(k))?.[0];
      if (ejer) throw new Error(`${del} og ${ejer} skriver begge ${k}: hver nøgle i results.json hører til én del.`);
    }
    Object.assign(ud, figurer);
    dele[del] = { keys: Object.keys(figurer), measured };
  }
  delete ud.machine;
  delete ud.parts;
  return { ...ud, parts: Object.fromEntries(Object.entries(dele).sort(([a], [b]) => a.localeCompare(b))) };
}
