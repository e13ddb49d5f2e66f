import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, aabnPglite, aabnPostgres } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { opretToken } from "../../src/server/tokens";
import { medPostgres, suiteHvis } from "../helpers/miljoe";
import { type Server, startServer } from "./barn";
import { type Belastning, efterFejlen, sigterm, startBelastning } from "./fejlBelastning";
import { type PgCluster, ledigPort, startPgCluster } from "./pgCluster";
import { PROGRAM_VENTETID_MS } from "../helpers/ventetid";

/**
 * Issue 26, "faults end in an answer": the real service under load while its database stops,
 * freezes, restarts or runs out of disk. Every request gets an answer (a receipt or a 503 within
 * 5 s, never a 500), /health answers within 2 s, nothing receipted is lost or stored twice, the
 * service recovers by itself, the log says the fault once, and SIGTERM ends it.
 */

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function tokens(db: Db): Promise<{ kommune: string; sekretariat: string }> {
  await migrer(db);
  const kommune = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
  const sekretariat = (await opretToken(db, { rolle: "sekretariat" })).token;
  return { kommune, sekretariat };
}

async function venTilLog(server: Server, tekst: string, ms: number): Promise<void> {
  const frist = Date.now() + ms;
  while (!server.log().includes(tekst) && Date.now() < frist) await vent(200);
}

/**
 * Load, the fault for `varighed` ms, its end, recovery (new receipts and a 200 from /health),
 * and the checks; then the fault again and SIGTERM, which must end the service.
 */
async function fejlProeve(o: {
  server: Server;
  t: { kommune: string; sekretariat: string };
  fejl: () => void | Promise<void>;
  slut: () => void | Promise<void>;
  varighed?: number;
}) {
  const { server, t } = o;
  let b: Belastning | undefined = startBelastning(server, t.kommune);
  try {
    await b.venTilKvitteringer(10, PROGRAM_VENTETID_MS);
    b.fejlFra = Date.now();
    await o.fejl();
    await vent(o.varighed ?? 8000);
    await o.slut();
    await b.venTilKvitteringer(10, PROGRAM_VENTETID_MS);
    await venTilLog(server, "databasen svarer igen", PROGRAM_VENTETID_MS);
    await b.stop();
    const udfald = await efterFejlen(server, b, t.sekretariat);
    b = undefined;
    return udfald;
  } finally {
    await b?.stop();
  }
}

/** The fault once more, a few requests left waiting on it, then SIGTERM. */
async function sigtermUnderFejl(server: Server, kommune: string, fejl: () => void | Promise<void>): Promise<string> {
  await fejl();
  const b = startBelastning(server, kommune, 2);
  await vent(1500);
  const svar = await sigterm(server, 20_000);
  await b.stop();
  return svar;
}

const forventet = {
  uventede: [],
  langsomme: [],
  helbredUdeAfTid: [],
  tabte: [],
  dobbelte: [],
  faultStart: 1,
  faultSlut: 1,
  interneFejl: 0,
};

function tjek(u: Awaited<ReturnType<typeof efterFejlen>>, helbredSkalFejle: boolean) {
  const { antal503, beskeder503, helbred503, raekker, kvitteringer, ...resten } = u;
  expect(resten).toEqual(forventet);
  expect(antal503).toBeGreaterThan(0);
  expect(beskeder503).toEqual(["Databasen svarer ikke lige nu; prøv igen om lidt. Send indberetningen igen: er den allerede gemt, får du den samme kvittering."]);
  expect(raekker).toBe(kvitteringer);
  if (helbredSkalFejle) {
    expect(helbred503.length).toBeGreaterThan(0);
    expect(helbred503[0]).toEqual({ status: "fejl", database: "postgres", dele: { database: { status: "fejl", besked: "Databasen svarer ikke lige nu; prøv igen om lidt." } } });
  }
}

medPostgres()("faults on PostgreSQL: the service answers, recovers and stops", () => {
  let cluster: PgCluster;
  let t: { kommune: string; sekretariat: string };
  let server: Server | undefined;
  beforeAll(async () => {
    cluster = await startPgCluster();
    const db = await aabnPostgres(cluster.databaseUrl);
    t = await tokens(db);
    await db.close();
  });
  afterEach(async () => {
    cluster.toe();
    await server?.stop("SIGKILL");
    server = undefined;
  });
  afterAll(async () => {
    await cluster?.stop();
  });
  const start = async () => (server = await startServer({ port: await ledigPort(), databaseUrl: cluster.databaseUrl }));
  const rydOp = async () => {
    const db = await aabnPostgres(cluster.databaseUrl);
    await db.query("DELETE FROM indberetninger");
    await db.close();
  };

  it("stopped (pg_ctl stop -m fast) and started again: 503 within 5 s, no 500, nothing lost or doubled, recovery, SIGTERM while stopped ends it", async () => {
    await rydOp();
    const s = await start();
    tjek(await fejlProeve({ server: s, t, fejl: () => cluster.stopHurtigt(), slut: () => cluster.startIgen() }), true);
    expect(await sigtermUnderFejl(s, t.kommune, () => cluster.stopHurtigt())).toBe("stoppet (0)");
    await cluster.startIgen();
  });

  it("frozen (SIGSTOP on the postmaster and its backends): 503 within 5 s, /health within 2 s, recovery after SIGCONT, SIGTERM while frozen ends it", async () => {
    await rydOp();
    const s = await start();
    tjek(await fejlProeve({ server: s, t, fejl: () => cluster.frys(), slut: () => cluster.toe() }), true);
    expect(await sigtermUnderFejl(s, t.kommune, () => cluster.frys())).toBe("stoppet (0)");
    cluster.toe();
  });

  it("restarted (stop -m fast and start at once): no 500, nothing lost or doubled, recovery, SIGTERM afterwards ends it", async () => {
    await rydOp();
    const s = await start();
    const u = await fejlProeve({
      server: s,
      t,
      fejl: async () => {
        await cluster.stopHurtigt();
        await vent(1000);
        await cluster.startIgen();
      },
      slut: () => undefined,
      varighed: 1000,
    });
    // A restart may be too short for /health to see it: the rest must hold.
    tjek(u, false);
    expect(await sigterm(s, 20_000)).toBe("stoppet (0)");
  });
});

/** PGlite on a full disk: by the test hook (every write fails while the file exists), or on a real small tmpfs. */
async function fuldDiskProeve(o: { data: string; env?: NodeJS.ProcessEnv; fyld: () => void; frigiv: () => void }) {
  const db = await aabnPglite(join(o.data, "pglite"));
  const t = await tokens(db);
  await db.close();
  const server = await startServer({ port: await ledigPort(), data: o.data, env: o.env });
  try {
    const u = await fejlProeve({ server, t, fejl: o.fyld, slut: o.frigiv, varighed: 15_000 });
    tjek(u, false);
    expect(await sigtermUnderFejl(server, t.kommune, o.fyld)).toBe("stoppet (0)");
  } finally {
    o.frigiv();
    await server.stop("SIGKILL");
  }
}

describe("faults on PGlite: a full disk", () => {
  it("writes failing with ENOSPC (simulated), then freed: 503 within 5 s, no 500, nothing lost or doubled, recovery without restart, SIGTERM on a full disk ends it", async () => {
    const data = mkdtempSync(join(tmpdir(), "takst-fuld-"));
    const flag = join(data, "disken-er-fuld");
    try {
      await fuldDiskProeve({ data, env: { TAKST_TEST_FULD_DISK: flag }, fyld: () => writeFileSync(flag, ""), frigiv: () => rmSync(flag, { force: true }) });
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });
});

/** Mounting a tmpfs needs root (and a kernel that allows it): then the disk is really full. */
function kanMontere(): boolean {
  if (process.getuid?.() !== 0) return false;
  const proeve = mkdtempSync(join(tmpdir(), "takst-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", proeve], { stdio: "pipe" });
    execFileSync("umount", [proeve], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(proeve, { recursive: true, force: true });
  }
}

suiteHvis("tmpfs-montering (root)", kanMontere(), "REQUIRE_TMPFS")("faults on PGlite: a real full disk (small tmpfs)", () => {
  it("a tmpfs filled to the last byte, then freed: 503 within 5 s, no 500, nothing lost or doubled, recovery without restart, SIGTERM on a full disk ends it", async () => {
    const mnt = mkdtempSync(join(tmpdir(), "takst-tmpfs-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=200m", "tmpfs", mnt], { stdio: "pipe" });
    const fyldFil = join(mnt, "fyld");
    const fyld = () => {
      const fd = openSync(fyldFil, "a");
      const blok = Buffer.alloc(1024 * 1024);
      try {
        for (;;) writeSync(fd, blok.subarray(0, Math.max(1, Math.min(blok.length, statfsSync(mnt).bavail * statfsSync(mnt).bsize))));
      } catch {
        /* ENOSPC: full */
      } finally {
        closeSync(fd);
      }
    };
    try {
      const data = join(mnt, "data");
      mkdirSync(data);
      await fuldDiskProeve({ data, fyld, frigiv: () => rmSync(fyldFil, { force: true }) });
    } finally {
      execFileSync("umount", ["-l", mnt], { stdio: "pipe" });
      rmSync(mnt, { recursive: true, force: true });
    }
  });
});
