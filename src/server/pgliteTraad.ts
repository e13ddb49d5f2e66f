import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { DatabaseUtilgaengelig, medFrist } from "./dbTilgaengelighed";

/** PostgreSQL's error fields that callers look at, carried across the worker boundary. */
export class DbFejl extends Error {
  constructor(
    message: string,
    readonly code?: string,
    readonly constraint?: string,
  ) {
    super(message);
  }
}

export interface PgliteFrister {
  /**
   * A request waiting this long with no answer from the thread to anything meanwhile is a 503
   * (the work may still finish). A busy thread that answers others is not hurried.
   */
  svarMs: number;
  /** No answer at all for this long while requests wait: the thread hangs (a PANIC on a full disk) and is replaced. */
  haengerMs: number;
  /** A replacement thread that has not opened the database by then is replaced again. */
  genstartMs: number;
}

/** A dead thread is replaced no more often than this (starting one loads the WASM). */
const GENSTART_PAUSE_MS = 2000;

export const STANDARD_PGLITE_FRISTER: PgliteFrister = { svarMs: 3500, haengerMs: 8000, genstartMs: 30_000 };

type Svar = { id: number; ok: boolean; resultat?: unknown; fejl?: { message: string; code?: string; constraint?: string } };

interface Traad {
  worker: Worker;
  /** Counts threads: a transaction lives in the thread that began it. */
  nr: number;
  /** `sendt`: when the request was posted; undefined for one without a time limit (opening, migrations). */
  ventende: Map<number, { ok: (v: unknown) => void; nej: (e: Error) => void; sendt?: number }>;
  aaben: boolean;
  startet: number;
  sidstLiv: number;
  doed?: Error;
}

/**
 * PGlite (WASM) in a worker thread (pglite-worker.js), supervised: a request gets its answer or,
 * when the thread has been silent for svarMs, DatabaseUtilgaengelig; a thread that stops
 * answering (PostgreSQL PANICs and PGlite hangs when the disk is full) or dies is terminated and
 * replaced by a new one on the same folder, which recovers from the WAL. An in-memory database
 * cannot be replaced (its contents would be gone): there only the answers are bounded.
 */
export class PgliteTraad {
  private traad: Traad;
  private naesteId = 1;
  private antal = 0;
  private lukket = false;
  private sidsteStart = 0;
  private ubegraensede = 0;
  private readonly vagt: NodeJS.Timeout;

  constructor(
    private readonly sti: string,
    private readonly frister: PgliteFrister,
    /** A backup to unpack on the first opening (restore); a replacement opens the folder as it is. */
    private readonly fraKopi?: Uint8Array,
  ) {
    this.traad = this.start();
    this.vagt = setInterval(() => this.tjek(), 500);
    this.vagt.unref();
  }

  /** The current thread's number (a transaction remembers it). */
  get nr(): number {
    return this.traad.nr;
  }

  /** The first opening: waits as long as it takes (a new database runs initdb). */
  async aabn(): Promise<void> {
    await this.post(this.traad, { op: "klar" });
  }

  /**
   * Until the returned function is called, requests wait as long as they take and a silent
   * thread is not taken for hanging (a migration on a large database).
   */
  utenFrist(): () => void {
    this.ubegraensede++;
    let slut = false;
    return () => {
      if (!slut) this.ubegraensede--;
      slut = true;
    };
  }

  /** One request: its answer, or DatabaseUtilgaengelig (watchdog, tjek); `nr`: it belongs to that thread's transaction. */
  send<T>(m: Record<string, unknown>, nr?: number): Promise<T> {
    if (this.lukket) return Promise.reject(new DatabaseUtilgaengelig("databasen er lukket"));
    let t = this.traad;
    if (t.doed && this.sti !== "memory://" && Date.now() - this.sidsteStart > GENSTART_PAUSE_MS) t = this.erstat();
    if (nr !== undefined && nr !== t.nr) return Promise.reject(new DatabaseUtilgaengelig("transaktionen gik tabt, da databasen blev genstartet"));
    if (t.doed) return Promise.reject(new DatabaseUtilgaengelig(t.doed.message));
    return this.post<T>(t, m, this.ubegraensede === 0);
  }

  async luk(ms: number): Promise<void> {
    this.lukket = true;
    clearInterval(this.vagt);
    const t = this.traad;
    if (!t.doed) await medFrist(this.post(t, { op: "close" }), ms, "PGlite lukkede ikke i tide").catch(() => undefined);
    await medFrist(t.worker.terminate(), ms, "PGlite-tråden stoppede ikke").catch(() => undefined);
  }

  private start(): Traad {
    this.sidsteStart = Date.now();
    const fraKopi = this.antal === 0 ? this.fraKopi : undefined;
    const worker = new Worker(join(__dirname, "pglite-worker.js"), { workerData: { dataDir: this.sti, fraKopi } });
    const t: Traad = { worker, nr: ++this.antal, ventende: new Map(), aaben: false, startet: Date.now(), sidstLiv: Date.now() };
    worker.on("message", (m: Svar) => {
      t.sidstLiv = Date.now();
      const v = t.ventende.get(m.id);
      t.ventende.delete(m.id);
      if (!v) return;
      if (m.ok) v.ok(m.resultat);
      else v.nej(new DbFejl(m.fejl?.message ?? "PGlite-fejl", m.fejl?.code ?? undefined, m.fejl?.constraint ?? undefined));
    });
    worker.on("error", (e) => this.doed(t, e));
    worker.on("exit", (kode) => this.doed(t, new Error(`PGlite-arbejdertråden stoppede (${kode})`)));
    // A replacement opens in the background; requests meanwhile wait their svarMs.
    if (t.nr > 1) this.post(t, { op: "klar" }, false).catch((e: Error) => this.doed(t, e));
    return t;
  }

  private post<T>(t: Traad, m: Record<string, unknown>, medSvarfrist = false): Promise<T> {
    return new Promise<T>((ok, nej) => {
      if (t.doed) return nej(new DatabaseUtilgaengelig(t.doed.message));
      const id = this.naesteId++;
      if (t.ventende.size === 0) t.sidstLiv = Date.now();
      t.ventende.set(id, {
        ok: (v) => {
          if (m.op === "klar") t.aaben = true;
          ok(v as T);
        },
        nej,
        sendt: medSvarfrist ? Date.now() : undefined,
      });
      t.worker.postMessage({ ...m, id });
    });
  }

  private doed(t: Traad, e: Error): void {
    if (t.doed) return;
    t.doed = new DatabaseUtilgaengelig(e.message, (e as { code?: string }).code);
    for (const v of t.ventende.values()) v.nej(t.doed);
    t.ventende.clear();
    void t.worker.terminate().catch(() => undefined);
  }

  private erstat(): Traad {
    this.doed(this.traad, new Error("PGlite-tråden erstattes"));
    this.traad = this.start();
    return this.traad;
  }

  /** The watchdog: requests waiting on a silent thread get their 503; a dead, hanging or never-opening thread is replaced. */
  private tjek(): void {
    const t = this.traad;
    const nu = Date.now();
    if (this.lukket || this.ubegraensede > 0) return;
    for (const [id, v] of t.ventende) {
      if (v.sendt !== undefined && nu - Math.max(v.sendt, t.sidstLiv) > this.frister.svarMs) {
        t.ventende.delete(id);
        v.nej(new DatabaseUtilgaengelig("PGlite svarede ikke i tide", "TIMEOUT"));
      }
    }
    if (this.sti === "memory://") return;
    // A dead thread is replaced without waiting for a request, so the service recovers by itself.
    if (t.doed) {
      if (nu - this.sidsteStart > GENSTART_PAUSE_MS) this.erstat();
    } else if (t.aaben && t.ventende.size > 0 && nu - t.sidstLiv > this.frister.haengerMs) this.erstat();
    else if (!t.aaben && t.nr > 1 && nu - t.startet > this.frister.genstartMs) this.erstat();
  }
}
