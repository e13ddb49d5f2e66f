import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { laesKonfig } from "../../src/server/konfig";
import { migrer } from "../../src/server/migrationer";
import { STANDARD_HASTIGHED } from "../../src/server/graenser";

/** Issue 27: the public pages have their own limit per client address, apart from the API's. */

// The clients behind the proxy (documentation addresses, RFC 5737).
const EN = "203.0.113.1";
const TO = "203.0.113.2";
const OFFENTLIGE = ["/takstoversigt", "/api/v1/takstoversigt.csv?takstaar=2027", "/api/v1/takstoversigt.xlsx?takstaar=2027", "/api/v1/offentliggoerelse", "/tilsynstakster", "/takstudvikling", "/hjaelp", "/tilgaengelighed"];

describe("rate limit of the public pages per client address", () => {
  let db: Db;
  let app: FastifyInstance;
  let ur = 0;
  beforeAll(async () => {
    db = await aabnPglite();
    await migrer(db);
    // As `takst-server start` reads it: 3 API requests and 4 public ones a minute per address.
    const k = laesKonfig({}, { RATE_LIMIT: "3", PUBLIC_RATE_LIMIT: "4", TRUST_PROXY: "127.0.0.1" });
    if (!k.hastighed) throw new Error("grænsen skulle være slået til");
    app = await buildApp({ db, statiskMappe: null, hastighed: { ...k.hastighed, nu: () => ur }, trustProxy: k.trustProxy });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  const hent = (klient: string, url: string) => app.inject({ method: "GET", url, headers: { "x-forwarded-for": klient } });

  it("every public page and download counts in the address's public bucket; over it a Danish page (or message) with Retry-After; the API and other addresses go on", async () => {
    for (const url of OFFENTLIGE) {
      ur += 3_600_000; // a fresh window for each page
      for (let i = 0; i < 4; i++) expect([url, (await hent(EN, url)).statusCode]).not.toEqual([url, 429]);
      ur += 15_000;
      const r = await hent(EN, url);
      expect([url, r.statusCode, r.headers["retry-after"]]).toEqual([url, 429, "45"]);
      if (url.startsWith("/api/")) expect(r.json().fejl).toBe("For mange forespørgsler – prøv igen om 45 sekunder.");
      else {
        expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(r.body).toContain('<html lang="da">');
        expect(r.body).toContain("For mange forespørgsler – prøv igen om 45 sekunder.");
      }
      // The same address's API requests are counted apart (3 a minute), another address's pages too.
      for (let i = 0; i < 3; i++) expect((await hent(EN, "/api/v1/health")).statusCode).toBe(200);
      expect((await hent(EN, "/api/v1/health")).statusCode).toBe(429);
      expect((await hent(TO, url)).statusCode).not.toBe(429);
    }
  });

  it("the stylesheet of the public pages is not counted (an add-in file)", async () => {
    ur += 3_600_000;
    for (let i = 0; i < 10; i++) expect((await hent(EN, "/takstoversigt.css")).statusCode).toBe(200);
  });
});

describe("PUBLIC_RATE_LIMIT", () => {
  it("is 600 a minute by default, its own setting, off with 0 or when RATE_LIMIT=0 turns the limits off", () => {
    expect(laesKonfig({}, {}).hastighed).toMatchObject({ antal: 300, offentlig: 600 });
    expect(STANDARD_HASTIGHED.offentlig).toBe(600);
    expect(laesKonfig({}, { PUBLIC_RATE_LIMIT: "50" }).hastighed).toMatchObject({ antal: 300, offentlig: 50 });
    expect(laesKonfig({}, { PUBLIC_RATE_LIMIT: "0" }).hastighed).toMatchObject({ antal: 300, offentlig: 0 });
    expect(laesKonfig({}, { RATE_LIMIT: "0" }).hastighed).toBe(false);
    expect(laesKonfig({}, { RATE_LIMIT: "0", PUBLIC_RATE_LIMIT: "100" }).hastighed).toMatchObject({ antal: 0, offentlig: 100 });
    expect(() => laesKonfig({}, { PUBLIC_RATE_LIMIT: "mange" })).toThrow(/Ugyldig PUBLIC_RATE_LIMIT: mange/);
  });
});
