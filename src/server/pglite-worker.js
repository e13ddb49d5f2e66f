// Hosts PGlite in a worker thread: its WASM runs off the HTTP event loop, and it loads in
// plain Node (PGlite's dynamic imports do not work inside Jest's module sandbox).
const { parentPort, workerData } = require("node:worker_threads");
const { Blob } = require("node:buffer");
const { PGlite } = require("@electric-sql/pglite");

// Test hook (the fault suite, where a small disk cannot be mounted): while the file named by
// TAKST_TEST_FULD_DISK exists, writes to the WAL fail as on a full disk (ENOSPC), the case where
// PostgreSQL PANICs and PGlite stops answering.
if (process.env.TAKST_TEST_FULD_DISK) {
  const fs = require("node:fs");
  const wal = new Set();
  const aabn = fs.openSync;
  fs.openSync = function (sti, ...rest) {
    const fd = aabn.call(this, sti, ...rest);
    if (String(sti).includes("pg_wal")) wal.add(fd);
    return fd;
  };
  const skriv = fs.writeSync;
  fs.writeSync = function (fd, ...rest) {
    if (wal.has(fd) && fs.existsSync(process.env.TAKST_TEST_FULD_DISK)) {
      throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
    }
    return skriv.call(this, fd, ...rest);
  };
}

// fraKopi: a backup's gzipped tar of a data folder, unpacked into the (empty) folder on opening.
const klar = PGlite.create(workerData.dataDir, workerData.fraKopi ? { loadDataDir: new Blob([workerData.fraKopi]) } : {});
/** Open transactions: id → { tx, slut(commit: boolean), faerdig: Promise }. */
const transaktioner = new Map();
/** Transactions rolled back before they began (the caller gave up waiting): they end at once. */
const afbrudte = new Set();

function begin(id, pg) {
  return new Promise((startet, fejl) => {
    let slut;
    const ende = new Promise((ok, nej) => (slut = (commit) => (commit ? ok() : nej(new Error("ROLLBACK")))));
    const faerdig = pg.transaction(async (tx) => {
      if (afbrudte.delete(id)) throw new Error("ROLLBACK");
      transaktioner.set(id, { tx, slut, faerdig });
      startet();
      await ende;
    });
    faerdig.catch((e) => {
      if (!transaktioner.has(id)) fejl(e);
    });
  });
}

/**
 * A consistent copy of the data folder while the service runs: inside a transaction of its own no
 * other transaction is open (PGlite runs one at a time), so the files hold committed rows only;
 * CHECKPOINT writes them out of the buffers. The row counts are taken at the same moment.
 */
function kopi(pg, tabellerSql) {
  return pg.transaction(async (tx) => {
    await tx.exec("CHECKPOINT");
    const antal = {};
    for (const { navn } of (await tx.query(tabellerSql)).rows) {
      antal[navn] = (await tx.query(`SELECT count(*)::int AS n FROM "${navn.replace(/"/g, '""')}"`)).rows[0].n;
    }
    const tar = await pg.dumpDataDir("gzip");
    return { antal, data: new Uint8Array(await tar.arrayBuffer()) };
  });
}

async function udfoer(m) {
  const pg = await klar;
  const maal = m.tx ? transaktioner.get(m.tx) : undefined;
  if (m.tx && !maal && m.op === "rollback") {
    afbrudte.add(m.tx);
    return null;
  }
  if (m.tx && !maal && m.op !== "begin") throw new Error(`ukendt transaktion ${m.tx}`);
  switch (m.op) {
    case "klar":
      return null;
    case "query":
      return (await (maal ? maal.tx : pg).query(m.sql, m.params)).rows;
    case "exec":
      await (maal ? maal.tx : pg).exec(m.sql);
      return null;
    case "begin":
      await begin(m.tx, pg);
      return null;
    case "commit":
    case "rollback": {
      transaktioner.delete(m.tx);
      maal.slut(m.op === "commit");
      if (m.op === "commit") await maal.faerdig;
      else await maal.faerdig.catch(() => undefined);
      return null;
    }
    case "kopi":
      return kopi(pg, m.tabeller);
    case "close":
      await pg.close();
      return null;
    default:
      throw new Error(`ukendt operation ${m.op}`);
  }
}

parentPort.on("message", (m) => {
  udfoer(m).then(
    (resultat) => parentPort.postMessage({ id: m.id, ok: true, resultat }),
    (e) => parentPort.postMessage({ id: m.id, ok: false, fejl: { message: String(e && e.message), code: e && e.code, constraint: e && e.constraint } }),
  );
});
