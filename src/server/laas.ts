import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/**
 * PGlite is one process's database: two processes on the same folder would corrupt it. A lock
 * file with the owner's pid guards the folder; a lock left by a killed process is taken over.
 */
export function laasDataMappe(mappe: string): () => void {
  mkdirSync(mappe, { recursive: true });
  const fil = join(mappe, "takst-server.lock");
  for (let forsoeg = 0; forsoeg < 2; forsoeg++) {
    try {
      const fd = openSync(fil, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(fil, "utf8").trim() === String(process.pid)) unlinkSync(fil);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(fil, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && lever(pid)) {
        throw new Error(
          `Datamappen ${mappe} bruges af en anden proces (pid ${pid}), fx en kørende takst-server. ` +
            "Stop den først (den indlejrede database kan kun åbnes af én proces ad gangen), eller brug PostgreSQL via DATABASE_URL.",
        );
      }
      unlinkSync(fil);
    }
  }
  throw new Error(`Kunne ikke låse ${mappe}.`);
}

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
