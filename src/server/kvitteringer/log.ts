import { closeSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { kanoniskJson, sha256Hex } from "../kanonisk";

/**
 * What a line says: "kvittering" a receipt the service answered with; "fundet" a row found in
 * the table that the log did not hold (the log was new, or the service stopped between the
 * commit and the line).
 */
const postSchema = z.object({
  art: z.enum(["kvittering", "fundet"]),
  id: z.string().uuid(),
  nummer: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Kvitteringspost = z.infer<typeof postSchema>;
const linjeSchema = postSchema.extend({ h: z.string().regex(/^[0-9a-f]{64}$/) });

const kaedeled = (forrige: string, p: Kvitteringspost) => sha256Hex(forrige + kanoniskJson(p));

export class KaedebrudFejl extends Error {}

/**
 * The receipts the service has given, kept apart from the database: an append-only file of one
 * JSON line per receipt, each line carrying a hash of the previous line's hash and its own
 * content (a line changed or removed inside the file breaks the chain). Lines are written in
 * groups (every receipt arriving while one group is written goes in the next) with one
 * fdatasync per group, and a receipt is answered only after its group is on disk.
 */
export class Kvitteringslog {
  private readonly poster = new Map<string, Kvitteringspost>();
  private sidste = "";
  private ventende: { p: Kvitteringspost; ok: () => void; nej: (e: unknown) => void }[] = [];
  private skriver = false;
  /** The file's length up to its last complete line: a failed write is cut back to it. */
  private laengde = 0;

  private constructor(
    readonly fil: string,
    private readonly fh: FileHandle,
  ) {}

  /**
   * Opens (or creates) the log and checks its chain. A last line without its newline is a write
   * cut short by a stop before the receipt was answered: it is cut off. Throws KaedebrudFejl
   * when a line inside the file is damaged or its hash does not follow from the line before.
   */
  static async aabn(fil: string): Promise<Kvitteringslog> {
    mkdirSync(dirname(fil), { recursive: true, mode: 0o700 });
    const fd = openSync(fil, "a+", 0o600);
    let tekst: string;
    try {
      tekst = readFileSync(fd, "utf8");
      const hel = tekst.lastIndexOf("\n") + 1;
      if (hel < Buffer.byteLength(tekst)) {
        ftruncateSync(fd, Buffer.byteLength(tekst.slice(0, hel)));
        fdatasyncSync(fd);
        tekst = tekst.slice(0, hel);
      }
    } finally {
      closeSync(fd);
    }
    const poster = new Map<string, Kvitteringspost>();
    let sidste = "";
    tekst.split("\n").slice(0, -1).forEach((linje, i) => {
      let l: z.infer<typeof linjeSchema>;
      try {
        l = linjeSchema.parse(JSON.parse(linje));
      } catch {
        throw new KaedebrudFejl(`linje ${i + 1} i ${fil} er beskadiget`);
      }
      const { h, ...p } = l;
      if (kaedeled(sidste, p) !== h) throw new KaedebrudFejl(`linje ${i + 1} i ${fil} følger ikke af linjen før (kæden er brudt)`);
      sidste = h;
      poster.set(p.id, p);
    });
    const log = new Kvitteringslog(fil, await open(fil, "a", 0o600));
    log.laengde = Buffer.byteLength(tekst);
    log.sidste = sidste;
    for (const [id, p] of poster) log.poster.set(id, p);
    return log;
  }

  /** Number of receipts held (each submission's id once). */
  get antal(): number {
    return this.poster.size;
  }

  /** The last line's hash: it changes with every receipt written. */
  get sidsteHash(): string {
    return this.sidste;
  }

  har(id: string): boolean {
    return this.poster.has(id);
  }

  /** A copy of what is held now (a check compares the table with this, read before the table). */
  oejebliksbillede(): Kvitteringspost[] {
    return [...this.poster.values()];
  }

  /** Writes the receipts not held yet; resolves when they are on disk. */
  skriv(poster: readonly Kvitteringspost[]): Promise<void> {
    const nye = poster.filter((p) => !this.poster.has(p.id));
    if (nye.length === 0) return Promise.resolve();
    const alle = nye.map((p) => new Promise<void>((ok, nej) => this.ventende.push({ p, ok, nej })));
    // The receipts of one stored group arrive in the same turn: setImmediate lets them all in.
    if (!this.skriver) {
      this.skriver = true;
      setImmediate(() => void this.toem());
    }
    return Promise.all(alle).then(() => undefined);
  }

  private async toem(): Promise<void> {
    try {
      while (this.ventende.length > 0) {
        const gruppe = this.ventende.splice(0);
        let forrige = this.sidste;
        let tekst = "";
        const skrevne: Kvitteringspost[] = [];
        for (const { p } of gruppe) {
          if (this.poster.has(p.id) || skrevne.some((s) => s.id === p.id)) continue;
          const h = kaedeled(forrige, p);
          tekst += JSON.stringify({ ...p, h }) + "\n";
          forrige = h;
          skrevne.push(p);
        }
        try {
          if (tekst) {
            await this.fh.appendFile(tekst, "utf8");
            await this.fh.datasync();
          }
        } catch (e) {
          // Nothing half written stays behind: the next group follows the last whole line.
          await this.fh.truncate(this.laengde).catch(() => undefined);
          for (const g of gruppe) g.nej(e);
          continue;
        }
        this.laengde += Buffer.byteLength(tekst);
        this.sidste = forrige;
        for (const p of skrevne) this.poster.set(p.id, p);
        for (const g of gruppe) g.ok();
      }
    } finally {
      this.skriver = false;
    }
  }

  async luk(): Promise<void> {
    await this.fh.close();
  }

  /** Writes `poster` as a new log in `fil` at once (the reconciliation command's new start). */
  static skrivNy(fil: string, poster: readonly Kvitteringspost[]): void {
    let forrige = "";
    let tekst = "";
    for (const p of poster) {
      forrige = kaedeled(forrige, p);
      tekst += JSON.stringify({ ...p, h: forrige }) + "\n";
    }
    const fd = openSync(fil, "w", 0o600);
    try {
      writeSync(fd, tekst);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
