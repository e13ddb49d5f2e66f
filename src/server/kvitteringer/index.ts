import { join } from "node:path";
import type { KvitteringStatus } from "../../kontrakt";
import type { Db } from "../db";
import { KaedebrudFejl, type Kvitteringspost, Kvitteringslog } from "./log";

export { Kvitteringslog, type Kvitteringspost } from "./log";

/** The command that brings the data back (docs/drift.md), named in every message of a loss. */
export const GENDAN = "takst-server restore fil";
/** Lists what a restore could not bring back and lets the service take submissions again (afstem.ts). */
export const AFSTEM = "takst-server kvitteringer afstem";


/** How often the table is counted and compared in full without a caller asking (ms). */
const TAELLING_MS = 30_000;
const FULD_MS = 30 * 60_000;
/** /health counts at most this often; calls in between share the last count. */
const HELBRED_MS = 2_000;

const KORRUPT = new Set(["XX001", "XX002", "58030"]);

/** The file the log lives in: next to PGlite's folder, or one per PostgreSQL database in DATA_DIR. */
export function kvitteringsfil(dataDir: string, databaseUrl?: string): string {
  if (!databaseUrl) return join(dataDir, "kvitteringer.log");
  const u = new URL(databaseUrl);
  const navn = `${u.hostname || "lokal"}-${u.port || "5432"}-${decodeURIComponent(u.pathname.slice(1)) || "postgres"}`.replace(/[^A-Za-z0-9._-]/g, "_");
  return join(dataDir, `kvitteringer-postgres-${navn}.log`);
}

function opremsning(mangler: readonly Kvitteringspost[]): string {
  const vist = mangler.slice(0, 5).map((p) => p.nummer ?? p.id).join(", ");
  return mangler.length > 5 ? `${vist} og ${mangler.length - 5} til` : vist;
}

export function tabsbesked(mangler: readonly Kvitteringspost[], antal: number): string {
  return (
    `Databasen mangler ${mangler.length} af de ${antal} indberetninger, serveren har kvitteret for (${opremsning(mangler)}). ` +
    `Der modtages ingen nye indberetninger, før det er rettet; intet er ændret. Stop serveren og gendan den seneste sikkerhedskopi med ${GENDAN}. ` +
    `Mangler der bagefter indberetninger, der er kvitteret efter kopien, så list dem og modtag igen med ${AFSTEM}.`
  );
}

/**
 * Compares the table of submissions with the receipts in the log: at start and periodically in
 * full (every receipted id with its sha256 in the table), and cheaply by a count on /health
 * and between (the table must hold at least as many submissions as were receipted). A missing
 * row, a changed one or a table that cannot be read stops new submissions (spaerret) until a
 * check finds everything again (e.g. after a restore).
 */
export class Kvitteringskontrol {
  private fejl: string | undefined;
  private iDatabasen: number | null = null;
  private senesteTaelling = 0;
  /** The log's count when the table was last counted. */
  private antalVedTaelling = -1;
  private taelling: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private sidsteFulde = 0;

  /** Says a fault once, when it is found (the server logs it). */
  varsl: (besked: string) => void = () => undefined;

  private constructor(
    private readonly db: Db,
    /** null: the log is damaged. */
    private readonly log: Kvitteringslog | null,
  ) {}

  /**
   * Opens the log and compares it with the table once in full. A new log starts from the rows
   * the table holds. A damaged log is itself a fault (the service cannot vouch for its receipts).
   */
  static async start(db: Db, fil: string): Promise<Kvitteringskontrol> {
    let log: Kvitteringslog;
    try {
      log = await Kvitteringslog.aabn(fil);
    } catch (e) {
      if (!(e instanceof KaedebrudFejl)) throw e;
      // Left as it is (nothing is changed) and never compared: the fault lasts until it is dealt with.
      const k = new Kvitteringskontrol(db, null);
      k.fejl = `Kvitteringsloggen er beskadiget (${e.message}), så serveren kan ikke stå inde for, at alle kvitterede indberetninger er gemt. Der modtages ingen nye indberetninger; intet er ændret. Stop serveren og gendan datamappen med ${GENDAN}.`;
      return k;
    }
    const k = new Kvitteringskontrol(db, log);
    await k.fuldtTjek();
    return k;
  }

  /** Starts the periodic checks (the server; a test calls the checks itself). */
  overvaag(): void {
    this.timer = setInterval(() => void this.periodisk(), TAELLING_MS);
    this.timer.unref();
  }

  private async periodisk(): Promise<void> {
    if (Date.now() - this.sidsteFulde >= FULD_MS) await this.fuldtTjek().catch(() => undefined);
    else await this.taelOp().catch(() => undefined);
  }

  /** Why new submissions are refused, or undefined. */
  spaerret(): string | undefined {
    return this.fejl;
  }

  /** Records receipts given (after their commit); resolves when they are on disk. */
  kvitter(poster: readonly Kvitteringspost[]): Promise<void> {
    if (!this.log) return Promise.reject(new Error(this.fejl));
    return this.log.skriv(poster);
  }

  /** /health's part: counts the table when receipts were written since the last count, else at most every HELBRED_MS. */
  async helbred(): Promise<KvitteringStatus> {
    // Counted again when receipts were written since (so the figures agree) or the last count is old.
    if (this.log && (this.log.antal !== this.antalVedTaelling || Date.now() - this.senesteTaelling >= HELBRED_MS)) await this.taelOp().catch(() => undefined);
    return this.status();
  }

  status(): KvitteringStatus {
    const s: KvitteringStatus = { status: this.fejl ? "fejl" : "ok", antal: this.log?.antal ?? 0, iDatabasen: this.iDatabasen, sidsteHash: this.log?.sidsteHash ?? "" };
    if (this.fejl) s.besked = this.fejl;
    return s;
  }

  /** Counts the table; fewer rows than receipts (or a changed count while in fault) → the full comparison. */
  taelOp(): Promise<void> {
    const log = this.log;
    if (!log) return Promise.resolve();
    this.taelling ??= (async () => {
      try {
        const antal = log.antal;
        this.antalVedTaelling = antal;
        const [r] = await this.db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger");
        this.senesteTaelling = Date.now();
        const n = r?.n ?? 0;
        const aendret = n !== this.iDatabasen;
        this.iDatabasen = n;
        if (n < antal || (this.fejl && aendret)) await this.fuldtTjek();
      } catch (e) {
        this.ulaeselig(e);
      } finally {
        this.taelling = undefined;
      }
    })();
    return this.taelling;
  }

  /**
   * Every receipted id must be in the table with the sha256 it was receipted with; rows the log
   * does not hold are added as "fundet" (so a later loss of them is seen too). The log is read
   * before the table: a receipt is written only after its commit, so the table then has it.
   */
  async fuldtTjek(): Promise<void> {
    const log = this.log;
    if (!log) return;
    const kvitteret = log.oejebliksbillede();
    this.antalVedTaelling = kvitteret.length;
    let rows: { id: string; sha256: string; nummer: string | null }[];
    try {
      // A sequential scan (no index): a row the index still points at in a zeroed or cut-off page is gone.
      rows = await this.db.query<{ id: string; sha256: string; nummer: string | null }>("SELECT id::text AS id, sha256, nummer FROM indberetninger");
    } catch (e) {
      this.ulaeselig(e);
      return;
    }
    this.sidsteFulde = Date.now();
    this.senesteTaelling = this.sidsteFulde;
    this.iDatabasen = rows.length;
    const iTabellen = new Map(rows.map((r) => [r.id, r.sha256]));
    const mangler = kvitteret.filter((p) => iTabellen.get(p.id) !== p.sha256);
    const fundne: Kvitteringspost[] = rows.filter((r) => !log.har(r.id)).map((r) => ({ art: "fundet", id: r.id, nummer: r.nummer, sha256: r.sha256 }));
    if (fundne.length > 0) await log.skriv(fundne);
    const foer = this.fejl;
    this.fejl = mangler.length > 0 ? tabsbesked(mangler, kvitteret.length) : undefined;
    if (this.fejl && this.fejl !== foer) this.varsl(this.fejl);
  }

  /** A table PostgreSQL cannot read (a damaged page) is a loss too; any other error is the database's being down. */
  private ulaeselig(e: unknown): void {
    const kode = (e as { code?: unknown } | null)?.code;
    const tekst = String((e as Error | null)?.message ?? e);
    if (!(typeof kode === "string" && KORRUPT.has(kode)) && !/could not read block|invalid page/i.test(tekst)) throw e;
    const foer = this.fejl;
    this.fejl = `Tabellen med indberetninger kan ikke læses (${tekst}). Der modtages ingen nye indberetninger; intet er ændret. Stop serveren og gendan den seneste sikkerhedskopi med ${GENDAN}.`;
    if (this.fejl !== foer) this.varsl(this.fejl);
  }

  async luk(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.taelling?.catch(() => undefined);
    await this.log?.luk();
  }
}
