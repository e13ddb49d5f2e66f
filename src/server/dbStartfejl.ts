import { GENDAN } from "./kvitteringer";

/**
 * The embedded database failing to open or to be read at start (a damaged data folder: a zeroed
 * or cut-off file after a full disk, a crash or a bad copy), said as an operator needs it: what
 * happened, that the server took nothing in, and how to get the data back. PGlite's own text is
 * kept as the detail; no stack trace. (Not "nothing changed": PGlite's recovery may already have
 * rewritten its control file and WAL before it gave up.)
 */
export function pgliteStartfejl(mappe: string, e: unknown): Error {
  const detalje = String((e as Error | null)?.message ?? e).split("\n")[0]!.slice(0, 300);
  return new Error(
    `Den indlejrede database i ${mappe} kunne ikke åbnes eller læses (${detalje}). ` +
      "Datamappen er sandsynligvis beskadiget, fx efter en fuld disk, et nedbrud eller en ufuldstændig kopi. " +
      "Serveren er ikke startet og har hverken modtaget eller slettet noget. " +
      `Flyt datamappen til side, og gendan den seneste sikkerhedskopi med ${GENDAN} (se docs/drift.md).`,
  );
}
