import { chmodSync, existsSync, unlinkSync } from "node:fs";
import { type Server, type Socket, connect, createServer } from "node:net";
import { join } from "node:path";
import type { Db } from "../db";
import { type AdminKommando, type AdminSvar, adminKommando, udfoerAdmin } from "./handlinger";

/**
 * Token administration and backups while the service runs on the embedded database (PGlite is one
 * process's database, so the CLI cannot open it next to a running server). The server listens
 * on a Unix domain socket in the data folder, readable and writable by its owner only (0600):
 * whoever may read the data folder may administer tokens, nobody else. One JSON line in, one out.
 */

export const SOKKEL = "takst-server.sock";
const MAKS_LINJE = 16 * 1024;

export const sokkelSti = (dataDir: string): string => join(dataDir, SOKKEL);

type Linje = { ok: true; svar: AdminSvar } | { ok: false; fejl: string };

export async function startAdminSokkel(db: Db, dataDir: string, log?: (besked: string) => void): Promise<() => Promise<void>> {
  const sti = sokkelSti(dataDir);
  // A socket left by a killed server: this process holds the data folder's lock, so it is stale.
  if (existsSync(sti)) unlinkSync(sti);
  const server: Server = createServer((s: Socket) => {
    let buf = "";
    s.setEncoding("utf8");
    s.on("error", () => undefined);
    s.on("data", (d: string) => {
      buf += d;
      if (buf.length > MAKS_LINJE) return s.end(JSON.stringify({ ok: false, fejl: "Kommandoen er for lang." }) + "\n");
      const nl = buf.indexOf("\n");
      if (nl < 0) return;
      const linje = buf.slice(0, nl);
      buf = "";
      void svar(linje).then((l) => s.end(JSON.stringify(l) + "\n"));
    });
  });
  const svar = async (linje: string): Promise<Linje> => {
    let k: AdminKommando;
    try {
      k = adminKommando.parse(JSON.parse(linje));
    } catch {
      return { ok: false, fejl: "Ukendt kommando." };
    }
    try {
      const r = await udfoerAdmin(db, k);
      log?.(k.op === "backup" ? `sikkerhedskopi ${k.fil}` : `token ${k.op}${r.op === "opret" ? ` ${r.id}` : k.op === "tilbagekald" ? ` ${k.id}` : ""}`);
      return { ok: true, svar: r };
    } catch (e) {
      return { ok: false, fejl: (e as Error).message };
    }
  };
  // The socket is created with mode 0600 from the start (umask), not chmod'ed after a window.
  const gammel = process.umask(0o177);
  try {
    await new Promise<void>((ok, nej) => {
      server.once("error", nej);
      server.listen(sti, () => ok());
    });
  } finally {
    process.umask(gammel);
  }
  chmodSync(sti, 0o600);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
    try {
      unlinkSync(sti);
    } catch {
      /* already gone */
    }
  };
}

/**
 * Sends one command to a running server's socket. undefined = no server answers there (no
 * socket, or a stale one), so the caller opens the database itself.
 */
export function viaSokkel(dataDir: string, k: AdminKommando, timeoutMs = 10_000): Promise<AdminSvar | undefined> {
  const sti = sokkelSti(dataDir);
  if (!existsSync(sti)) return Promise.resolve(undefined);
  return new Promise((ok, nej) => {
    const s = connect(sti);
    let buf = "";
    let forbundet = false;
    const timer = setTimeout(() => {
      s.destroy();
      nej(new Error(`Den kørende takst-server svarede ikke på ${k.op === "backup" ? "backup" : "token"}-kommandoen.`));
    }, timeoutMs);
    s.setEncoding("utf8");
    s.on("connect", () => {
      forbundet = true;
      s.write(JSON.stringify(k) + "\n");
    });
    s.on("data", (d: string) => (buf += d));
    s.on("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (!forbundet && (e.code === "ECONNREFUSED" || e.code === "ENOENT")) ok(undefined);
      else nej(e);
    });
    s.on("end", () => {
      clearTimeout(timer);
      try {
        const l = JSON.parse(buf) as Linje;
        if (l.ok) ok(l.svar);
        else nej(new Error(l.fejl));
      } catch {
        nej(new Error("Ugyldigt svar fra den kørende takst-server."));
      }
    });
  });
}
