import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Db } from "../db";
import { KaedebrudFejl, type Kvitteringspost, Kvitteringslog } from "./log";

export interface Afstemning {
  /** Receipted submissions the table does not hold (or holds changed). */
  mangler: Kvitteringspost[];
  /** Where they are listed (null: none missing). */
  listefil: string | null;
  /** Where the former log was put (null: there was none). */
  gammelLog: string | null;
  /** Submissions the new log holds (every row of the table). */
  antal: number;
  /** The former log's chain was broken (its receipts could not all be trusted). */
  beskadiget: boolean;
}

/** The lines of a log whose chain is broken: what can still be read of it. */
function laesLempeligt(fil: string): Kvitteringspost[] {
  const ud: Kvitteringspost[] = [];
  for (const linje of readFileSync(fil, "utf8").split("\n")) {
    try {
      const l = JSON.parse(linje) as Kvitteringspost & { h?: string };
      if (typeof l.id === "string" && typeof l.sha256 === "string") ud.push({ art: l.art === "fundet" ? "fundet" : "kvittering", id: l.id, nummer: l.nummer ?? null, sha256: l.sha256 });
    } catch {
      /* a damaged line: nothing to read */
    }
  }
  return ud;
}

/**
 * `takst-server kvitteringer afstem`, with the server stopped, after a restore that could not
 * bring everything back: the receipts the table lacks are listed in a file next to the log (for
 * the secretariat to ask the municipalities to submit again), the former log is kept beside it,
 * and a new log starts from what the table holds, so the service takes submissions again.
 */
export async function afstemKvitteringer(db: Db, fil: string, nu = new Date()): Promise<Afstemning> {
  const stempel = nu.toISOString().replace(/[:.]/g, "-");
  let kvitteret: Kvitteringspost[] = [];
  let beskadiget = false;
  if (existsSync(fil)) {
    try {
      const log = await Kvitteringslog.aabn(fil);
      kvitteret = log.oejebliksbillede();
      await log.luk();
    } catch (e) {
      if (!(e instanceof KaedebrudFejl)) throw e;
      beskadiget = true;
      kvitteret = laesLempeligt(fil);
    }
  }
  const rows = await db.query<{ id: string; sha256: string; nummer: string | null }>("SELECT id::text AS id, sha256, nummer FROM indberetninger ORDER BY modtaget, id");
  const iTabellen = new Map(rows.map((r) => [r.id, r.sha256]));
  const mangler = kvitteret.filter((p) => iTabellen.get(p.id) !== p.sha256);
  const listefil = mangler.length > 0 ? `${fil}.mangler-${stempel}.json` : null;
  if (listefil) writeFileSync(listefil, JSON.stringify(mangler, null, 2) + "\n", { mode: 0o600 });
  const gammelLog = existsSync(fil) ? `${fil}.${stempel}` : null;
  if (gammelLog) renameSync(fil, gammelLog);
  const kendte = new Map(kvitteret.map((p) => [p.id, p]));
  Kvitteringslog.skrivNy(
    fil,
    rows.map((r) => {
      const k = kendte.get(r.id);
      return k && k.sha256 === r.sha256 ? k : { art: "fundet" as const, id: r.id, nummer: r.nummer, sha256: r.sha256 };
    }),
  );
  return { mangler, listefil, gammelLog, antal: rows.length, beskadiget };
}
