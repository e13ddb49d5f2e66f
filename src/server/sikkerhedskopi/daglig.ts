import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { stempel } from "./pglite";

/**
 * The daily copies' names: takst-server-20261207-020000.sikkerhedskopi (UTC), sorting by time;
 * on PostgreSQL pg_dump's archives end in .dump.
 */
export type Endelse = "sikkerhedskopi" | "dump";
const navn = (endelse: Endelse) => new RegExp(`^takst-server-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})\\.${endelse}$`);
export const kopiNavn = (d: Date, endelse: Endelse = "sikkerhedskopi"): string => `takst-server-${stempel(d)}.${endelse}`;
export const DOEGN_MS = 24 * 60 * 60 * 1000;

function tidspunkt(fil: string, endelse: Endelse): number | undefined {
  const m = navn(endelse).exec(fil);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

/** The daily copies in `mappe`, oldest first; other files are not ours and are left alone. */
export const dagligeKopier = (mappe: string, endelse: Endelse = "sikkerhedskopi"): string[] =>
  readdirSync(mappe)
    .filter((f) => navn(endelse).test(f))
    .sort();

/** Deletes all but the newest `behold` daily copies; returns the deleted names. */
export function roter(mappe: string, behold: number, endelse: Endelse = "sikkerhedskopi"): string[] {
  const alle = dagligeKopier(mappe, endelse);
  const slet = alle.slice(0, Math.max(0, alle.length - behold));
  for (const f of slet) rmSync(join(mappe, f), { force: true });
  return slet;
}

export interface DagligValg {
  mappe: string;
  /** How many copies are kept (BACKUP_KEEP). */
  behold: number;
  /** The copies' kind: ours, or pg_dump's archives on PostgreSQL. */
  endelse?: Endelse;
  /** Writes one copy to the given file. */
  tag: (fil: string) => Promise<unknown>;
  log: { info: (o: object, besked: string) => void; error: (o: object, besked: string) => void };
  /** Injected in tests: the interval and the clock that names the copies. */
  intervalMs?: number;
  nu?: () => Date;
}

/**
 * The optional daily backup (BACKUP_DIR): one copy an interval after the newest one in the
 * folder (at once if there is none or it is older), then one per interval, keeping the newest
 * `behold`. A restart does not reset the day. A failed copy is logged and tried again next time.
 * Returns stop, which waits for a copy in progress.
 */
export function startDagligKopi(v: DagligValg): () => Promise<void> {
  const interval = v.intervalMs ?? DOEGN_MS;
  const nu = v.nu ?? (() => new Date());
  const endelse = v.endelse ?? "sikkerhedskopi";
  mkdirSync(v.mappe, { recursive: true, mode: 0o700 });
  let timer: NodeJS.Timeout | undefined;
  let igang: Promise<void> = Promise.resolve();
  let stoppet = false;
  const planlaeg = (ms: number) => {
    if (!stoppet) timer = setTimeout(koer, Math.max(0, ms));
  };
  const koer = () => {
    igang = (async () => {
      const fil = join(v.mappe, kopiNavn(nu(), endelse));
      try {
        await v.tag(fil);
        const slettet = roter(v.mappe, v.behold, endelse);
        v.log.info({ fil, slettet }, "daglig sikkerhedskopi taget");
      } catch (e) {
        v.log.error({ err: e, fil }, "den daglige sikkerhedskopi mislykkedes; prøver igen ved næste interval");
      }
      planlaeg(interval);
    })();
  };
  const sidste = dagligeKopier(v.mappe, endelse)
    .map((f) => tidspunkt(f, endelse))
    .pop();
  planlaeg(sidste === undefined ? 0 : sidste + interval - nu().getTime());
  return async () => {
    stoppet = true;
    clearTimeout(timer);
    await igang;
  };
}
