import "./jestCookie";
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { Kvitteringskontrol, Kvitteringslog } from "../../src/server/kvitteringer";
import { ADVARSEL } from "../../src/server/kvitteringer/advarsel";
import { migrer } from "../../src/server/migrationer";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

/** The receipts kept apart from the tables (issue 26, no silent loss), in one process. */

const post = (id: string, sha: string) => ({ art: "kvittering" as const, id, nummer: `SYD-2018-${id.slice(-4)}`, sha256: sha.repeat(64) });
const ID1 = "00000000-0000-4000-8000-000000000001";
const ID2 = "00000000-0000-4000-8000-000000000002";

describe("the receipt log", () => {
  let mappe: string;
  beforeEach(() => (mappe = mkdtempSync(join(tmpdir(), "takst-kvlog-"))));
  afterEach(() => rmSync(mappe, { recursive: true, force: true }));

  it("keeps every receipt written, and cuts off a last line a stop left half written", async () => {
    const fil = join(mappe, "kvitteringer.log");
    const log = await Kvitteringslog.aabn(fil);
    await Promise.all([log.skriv([post(ID1, "a")]), log.skriv([post(ID2, "b")])]);
    await log.luk();
    appendFileSync(fil, '{"art":"kvittering","id":"00000000-0000-4000-8000-0000000');
    const igen = await Kvitteringslog.aabn(fil);
    expect(igen.antal).toBe(2);
    expect(igen.har(ID1) && igen.har(ID2)).toBe(true);
    expect(readFileSync(fil, "utf8").split("\n")).toHaveLength(3);
    await igen.luk();
  });

  it("a line changed inside the log breaks its chain: submissions stop, and the log is left as it was", async () => {
    const fil = join(mappe, "kvitteringer.log");
    const log = await Kvitteringslog.aabn(fil);
    await log.skriv([post(ID1, "a"), post(ID2, "b")]);
    await log.luk();
    const aendret = readFileSync(fil, "utf8").replace(`"sha256":"${"a".repeat(64)}"`, `"sha256":"${"c".repeat(64)}"`);
    writeFileSync(fil, aendret);
    const db = await aabnPglite();
    try {
      await migrer(db);
      const k = await Kvitteringskontrol.start(db, fil);
      expect(k.spaerret()).toMatch(/^Kvitteringsloggen er beskadiget \(linje 1 i .* følger ikke af linjen før \(kæden er brudt\)\).*takst-server restore fil/);
      expect((await k.helbred()).status).toBe("fejl");
      await k.luk();
      expect(readFileSync(fil, "utf8")).toBe(aendret);
    } finally {
      await db.close();
    }
  });
});

describe("the service with its receipt log", () => {
  let mappe: string;
  let db: Db;
  let kontrol: Kvitteringskontrol;
  let app: FastifyInstance;
  let t: Tokens;
  beforeAll(async () => {
    mappe = mkdtempSync(join(tmpdir(), "takst-kvapp-"));
    db = await aabnPglite();
    await migrer(db);
    t = await lavTokens(db);
    kontrol = await Kvitteringskontrol.start(db, join(mappe, "kvitteringer.log"));
    app = await buildApp({ db, kvitteringer: kontrol, statiskMappe: null });
  });
  afterAll(async () => {
    await app.close();
    await kontrol.luk();
    await db.close();
    rmSync(mappe, { recursive: true, force: true });
  });

  it("a receipt is on disk when it is answered; a row then lost turns /health, submitting and the pages to the loss", async () => {
    const send = (over = {}) =>
      app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify(gyldigtSkema(over)) });
    const r = await send();
    expect(r.statusCode).toBe(201);
    const { id, nummer } = r.json() as { id: string; nummer: string };
    expect(readFileSync(join(mappe, "kvitteringer.log"), "utf8")).toContain(`"id":"${id}"`);
    expect((await app.inject({ method: "GET", url: "/takstoversigt" })).body).not.toContain(ADVARSEL);

    await db.query("DELETE FROM indberetninger WHERE id = $1", [id]);
    await kontrol.taelOp();
    const h = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(h.statusCode).toBe(503);
    expect(h.json().kvitteringer).toMatchObject({ status: "fejl", antal: 1, iDatabasen: 0 });
    expect(h.json().kvitteringer.besked).toContain(`Databasen mangler 1 af de 1 indberetninger, serveren har kvitteret for (${nummer})`);
    const afvist = await send({ TS_Tilbud: "Et andet tilbud" });
    expect(afvist.statusCode).toBe(503);
    expect((await db.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM indberetninger"))[0]!.n).toBe(0);
    // Reads go on, but no page pretends to be whole.
    const side = await app.inject({ method: "GET", url: "/takstoversigt" });
    expect(side.statusCode).toBe(200);
    expect(side.body).toMatch(new RegExp(`<main[^>]*>${ADVARSEL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    expect((await app.inject({ method: "GET", url: "/hjaelp" })).body).toContain(ADVARSEL);
  });
});
