import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { aabnDb } from "../../src/server/db";
import { migrer } from "../../src/server/migrationer";
import { dagligeKopier, kopiNavn, roter, startDagligKopi } from "../../src/server/sikkerhedskopi/daglig";
import { MAGI } from "../../src/server/sikkerhedskopi/fil";
import { pgMiljoe } from "../../src/server/sikkerhedskopi/pgdump";
import { gendanKopi, tagKopi } from "../../src/server/sikkerhedskopi/pglite";
import { opretToken } from "../../src/server/tokens";

/** Issue 26: what a restore refuses (nothing changed), and the daily backup's rotation on an injected clock. */
describe("backup files are checked before anything is restored", () => {
  let rod: string;
  let kopi: string;
  /** A data folder whose database has one token, the "old" database a bad restore must leave alone. */
  let maal: string;
  let foer: string[];
  beforeAll(async () => {
    rod = mkdtempSync(join(tmpdir(), "takst-kopifil-"));
    const db = await aabnDb({ dataDir: join(rod, "kilde") });
    await migrer(db);
    await opretToken(db, { rolle: "sekretariat", driftsherre: null });
    kopi = join(rod, "kopi.sikkerhedskopi");
    await tagKopi(db, kopi, new Date("2026-12-07T02:00:00Z"));
    await db.close();
    maal = join(rod, "maal");
    const m = await aabnDb({ dataDir: maal });
    await m.close();
    foer = readdirSync(maal).sort();
  });
  afterAll(() => rmSync(rod, { recursive: true, force: true }));

  const variant = (navn: string, b: Buffer | string) => {
    const f = join(rod, navn);
    writeFileSync(f, b);
    return f;
  };
  const uaendret = () => {
    expect(readdirSync(maal).sort()).toEqual(foer);
    expect(existsSync(join(maal, "pglite.gendannes"))).toBe(false);
  };

  it("the header describes the copy: format 1, time, database kind, migrations and row counts", () => {
    const b = readFileSync(kopi);
    const [magi, hoved] = b.subarray(0, b.indexOf(0x0a, b.indexOf(0x0a) + 1)).toString().split("\n");
    expect(magi).toBe("takst-server-sikkerhedskopi");
    const h = JSON.parse(hoved!);
    expect(h).toMatchObject({ format: 1, tidspunkt: "2026-12-07T02:00:00.000Z", database: "pglite", indhold: { art: "pglite-datamappe-tar-gzip" } });
    expect(h.antal).toMatchObject({ tokens: 1, indberetninger: 0 });
    expect(h.migrationer).toContain("001_init.sql");
    expect(statSync(kopi).mode & 0o777).toBe(0o600);
  });

  it("a truncated file is refused with a Danish message, and the data folder is untouched", async () => {
    const b = readFileSync(kopi);
    const afkortet = variant("afkortet", b.subarray(0, b.length - 1000));
    await expect(gendanKopi(afkortet, maal)).rejects.toThrow(/kan ikke gendannes: filen er afkortet \(\d+ af \d+ bytes\)\. Intet er ændret\./);
    await expect(gendanKopi(variant("kun-hoved", b.subarray(0, 40)), maal)).rejects.toThrow("filen er afkortet (hovedet mangler)");
    uaendret();
  });

  it("a file with one byte changed is refused (checksum), and the data folder is untouched", async () => {
    const b = Buffer.from(readFileSync(kopi));
    b[b.length - 5000] = b[b.length - 5000]! ^ 0xff;
    await expect(gendanKopi(variant("aendret", b), maal)).rejects.toThrow("indholdet er beskadiget (kontrolsummen passer ikke). Intet er ændret.");
    uaendret();
  });

  it("a file that is not a backup, a damaged header, a newer format or an unknown migration is refused", async () => {
    await expect(gendanKopi(variant("tekst", "hej\n"), maal)).rejects.toThrow("filen er ikke en sikkerhedskopi fra takst-server");
    await expect(gendanKopi(variant("hoved", `${MAGI}\n{"format":1,\n`), maal)).rejects.toThrow("kopiens hoved er beskadiget");
    const b = readFileSync(kopi);
    const nl1 = b.indexOf(0x0a);
    const nl2 = b.indexOf(0x0a, nl1 + 1);
    const hoved = JSON.parse(b.subarray(nl1 + 1, nl2).toString());
    const med = (h: object) => Buffer.concat([Buffer.from(`${MAGI}\n${JSON.stringify(h)}\n`), b.subarray(nl2 + 1)]);
    await expect(gendanKopi(variant("format2", med({ ...hoved, format: 2 })), maal)).rejects.toThrow("kopien har format 2, og denne takst-server kender kun format 1");
    await expect(gendanKopi(variant("ny", med({ ...hoved, migrationer: [...hoved.migrationer, "999_fremtid.sql"] })), maal)).rejects.toThrow("migrationen 999_fremtid.sql kendes ikke");
    await expect(gendanKopi(join(rod, "findes-ikke"), maal)).rejects.toThrow("filen findes ikke");
    uaendret();
  });

  it("a copy whose rows do not match its header's counts is refused after unpacking, and the unpacked folder removed", async () => {
    const b = readFileSync(kopi);
    const nl1 = b.indexOf(0x0a);
    const nl2 = b.indexOf(0x0a, nl1 + 1);
    const hoved = JSON.parse(b.subarray(nl1 + 1, nl2).toString());
    const falsk = Buffer.concat([Buffer.from(`${MAGI}\n${JSON.stringify({ ...hoved, antal: { ...hoved.antal, tokens: 2 } })}\n`), b.subarray(nl2 + 1)]);
    await expect(gendanKopi(variant("falsk", falsk), maal)).rejects.toThrow("tabellen tokens har 1 rækker, kopien siger 2");
    uaendret();
  });
});

describe("a backup taken while writes go on", () => {
  it("holds exactly the transactions committed before it: the restored rows equal the header's counts, between the counts before and after", async () => {
    const rod = mkdtempSync(join(tmpdir(), "takst-kopilast-"));
    try {
      const db = await aabnDb({ dataDir: join(rod, "kilde") });
      await migrer(db);
      let stop = false;
      let skrevet = 0;
      // Two statements per transaction: a copy in between would show an odd number of rows.
      const skriv = (async () => {
        while (!stop) {
          await db.transaction(async (tx) => {
            await opretToken(tx as typeof db, { rolle: "kommune", driftsherre: "Odense Kommune" });
            await opretToken(tx as typeof db, { rolle: "kommune", driftsherre: "Aarhus Kommune" });
          });
          skrevet += 2;
        }
      })();
      while (skrevet < 10) await new Promise((r) => setTimeout(r, 20));
      const foer = skrevet;
      const hoved = await tagKopi(db, join(rod, "kopi"));
      const efter = skrevet;
      stop = true;
      await skriv;
      await db.close();
      expect(hoved.antal.tokens! % 2).toBe(0);
      expect(hoved.antal.tokens).toBeGreaterThanOrEqual(foer);
      expect(hoved.antal.tokens).toBeLessThanOrEqual(efter + 2);
      await gendanKopi(join(rod, "kopi"), join(rod, "ny"));
      const ny = await aabnDb({ dataDir: join(rod, "ny") });
      try {
        expect((await ny.query<{ n: number }>("SELECT count(*)::int AS n FROM tokens"))[0]!.n).toBe(hoved.antal.tokens);
      } finally {
        await ny.close();
      }
    } finally {
      rmSync(rod, { recursive: true, force: true });
    }
  });
});

describe("the daily backup keeps BACKUP_KEEP copies (clock and interval injected)", () => {
  let mappe: string;
  beforeEach(() => {
    mappe = mkdtempSync(join(tmpdir(), "takst-daglig-"));
  });
  afterEach(() => rmSync(mappe, { recursive: true, force: true }));

  it("rotation deletes the oldest daily copies only, never other files", () => {
    const dage = [1, 2, 3, 4, 5].map((d) => kopiNavn(new Date(Date.UTC(2026, 11, d, 2))));
    for (const f of [...dage, "noter.txt", "takst-server-manuel.sikkerhedskopi"]) writeFileSync(join(mappe, f), "x");
    expect(roter(mappe, 3)).toEqual(dage.slice(0, 2));
    expect(readdirSync(mappe).sort()).toEqual([...dage.slice(2), "noter.txt", "takst-server-manuel.sikkerhedskopi"].sort());
  });

  it("takes a copy per interval, names it by the clock and keeps the newest three of five", async () => {
    let dag = 0;
    const nu = () => new Date(Date.UTC(2026, 11, 1 + dag++, 2));
    const taget: string[] = [];
    let faerdig!: () => void;
    const fem = new Promise<void>((r) => (faerdig = r));
    const stop = startDagligKopi({
      mappe,
      behold: 3,
      intervalMs: 10,
      nu,
      log: { info: () => undefined, error: () => undefined },
      tag: async (fil) => {
        writeFileSync(fil, "kopi");
        taget.push(fil);
        if (taget.length === 5) faerdig();
      },
    });
    await fem;
    await stop();
    expect(taget.slice(0, 5).map((f) => f.slice(mappe.length + 1))).toEqual([1, 2, 3, 4, 5].map((d) => `takst-server-202612${String(d).padStart(2, "0")}-020000.sikkerhedskopi`));
    expect(dagligeKopier(mappe)).toEqual(taget.slice(taget.length - 3).map((f) => f.slice(mappe.length + 1)));
  });

  it("a restart waits for the rest of the interval after the newest copy instead of taking one at once", async () => {
    writeFileSync(join(mappe, kopiNavn(new Date("2026-12-07T02:00:00Z"))), "x");
    const taget: string[] = [];
    const stop = startDagligKopi({
      mappe, behold: 7, nu: () => new Date("2026-12-07T03:00:00Z"), log: { info: () => undefined, error: () => undefined },
      tag: async (fil) => void taget.push(fil),
    });
    // Long enough for a copy due at once to have been taken (there is none to wait for).
    await new Promise((r) => setTimeout(r, 200));
    await stop();
    expect(taget).toEqual([]);
  });

  it("a failed copy is logged and the service goes on", async () => {
    const fejl: string[] = [];
    let faerdig!: () => void;
    const logget = new Promise<void>((r) => (faerdig = r));
    const stop = startDagligKopi({
      mappe: join(mappe, "ny"), behold: 7, intervalMs: 60_000, log: { info: () => undefined, error: (_o, b) => (fejl.push(b), faerdig()) },
      tag: async () => {
        throw new Error("disken er fuld");
      },
    });
    await logget;
    await stop();
    expect(fejl).toEqual(["den daglige sikkerhedskopi mislykkedes; prøver igen ved næste interval"]);
    expect(existsSync(join(mappe, "ny"))).toBe(true);
  });
});

describe("the daily pg_dump on PostgreSQL", () => {
  it("hands pg_dump the connection through libpq's environment, so the password is not on its command line", () => {
    expect(pgMiljoe("postgres://takst:hem%40lig@db.example.dk:5433/takster?sslmode=require")).toEqual({
      PGHOST: "db.example.dk", PGPORT: "5433", PGUSER: "takst", PGPASSWORD: "hem@lig", PGDATABASE: "takster", PGSSLMODE: "require",
    });
    expect(pgMiljoe("postgres://takst@localhost/takster")).toEqual({ PGHOST: "localhost", PGUSER: "takst", PGDATABASE: "takster" });
  });
});
