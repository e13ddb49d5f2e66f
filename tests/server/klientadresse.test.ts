import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { laesTrustProxy } from "../../src/server/klientadresse";
import { laesKonfig } from "../../src/server/konfig";
import { migrer } from "../../src/server/migrationer";
import { type Tokens, bearer, lavTokens } from "./fixtures";

/** Issue 26, "load behind a proxy": who shares a rate-limit bucket, with and without TRUST_PROXY. */

const GRAENSE = 5;
// The seven clients behind one proxy (documentation addresses, RFC 5737).
const KLIENTER = Array.from({ length: 7 }, (_, i) => `203.0.113.${i + 1}`);

describe("rate limit per client address and per token", () => {
  let db: Db;
  let t: Tokens;
  let ur = 0;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    db = await aabnPglite();
    await migrer(db);
    t = await lavTokens(db);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await db?.close();
  });
  /** The service as `takst-server start` builds it from these environment settings (clock frozen). */
  async function service(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
    const k = laesKonfig({}, { RATE_LIMIT: String(GRAENSE), ...env });
    if (!k.hastighed) throw new Error("RATE_LIMIT skulle være slået til");
    ur += 3_600_000; // a fresh window: nothing carried over from the test before
    const app = await buildApp({ db, statiskMappe: null, hastighed: { ...k.hastighed, nu: () => ur }, trustProxy: k.trustProxy });
    apps.push(app);
    return app;
  }
  // The proxy connects from 127.0.0.1 (inject's address) and names the client in X-Forwarded-For.
  const hent = (app: FastifyInstance, klient: string, url = "/api/v1/health", ekstra: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers: { "x-forwarded-for": klient, ...ekstra } });
  /** One flooding client (20 requests), then six well-behaved ones (the limit each): their statuses. */
  async function flodOgSeks(app: FastifyInstance): Promise<{ flod: number[]; andre: number[][] }> {
    const flod: number[] = [];
    for (let i = 0; i < 20; i++) flod.push((await hent(app, KLIENTER[0]!)).statusCode);
    const andre: number[][] = [];
    for (const k of KLIENTER.slice(1)) {
      const koder: number[] = [];
      for (let i = 0; i < GRAENSE; i++) koder.push((await hent(app, k)).statusCode);
      andre.push(koder);
    }
    return { flod, andre };
  }

  it("behind TRUST_PROXY, seven clients with their own X-Forwarded-For get their own buckets: only the flooder gets 429", async () => {
    const app = await service({ TRUST_PROXY: "127.0.0.1" });
    const { flod, andre } = await flodOgSeks(app);
    expect(flod).toEqual([...Array<number>(GRAENSE).fill(200), ...Array<number>(20 - GRAENSE).fill(429)]);
    expect(andre).toEqual(Array.from({ length: 6 }, () => Array<number>(GRAENSE).fill(200)));
    const r = await hent(app, KLIENTER[0]!);
    expect(r.statusCode).toBe(429);
    expect(r.headers["retry-after"]).toBe("60");
    expect(r.json()).toEqual({ fejl: "For mange forespørgsler – prøv igen om 60 sekunder." });
  });

  it("without TRUST_PROXY the header is ignored: everyone behind the proxy is one address and shares the flooder's bucket", async () => {
    const app = await service({});
    const { flod, andre } = await flodOgSeks(app);
    expect(flod.filter((s) => s === 429)).toHaveLength(20 - GRAENSE);
    expect(andre.flat().every((s) => s === 429)).toBe(true);
  });

  it("a token's requests share one bucket wherever they come from", async () => {
    const app = await service({ TRUST_PROXY: "127.0.0.1" });
    const liste = (klient: string) => hent(app, klient, "/api/v1/indberetninger", bearer(t.odense));
    const koder: number[] = [];
    for (const k of KLIENTER.slice(0, GRAENSE + 1)) koder.push((await liste(k)).statusCode);
    expect(koder).toEqual([...Array<number>(GRAENSE).fill(200), 429]);
    // Another token from the same address is not held back.
    expect((await hent(app, KLIENTER[0]!, "/api/v1/indberetninger", bearer(t.aarhus))).statusCode).toBe(200);
  });

  it("failed authentication is limited per address: guessing tokens ends in 429, other addresses still get their 401", async () => {
    const app = await service({ TRUST_PROXY: "127.0.0.1" });
    const gaet = (klient: string, i: number) => hent(app, klient, "/api/v1/indberetninger", bearer(`tk_gaet.${i}`));
    const koder: number[] = [];
    for (let i = 0; i <= GRAENSE; i++) koder.push((await gaet(KLIENTER[0]!, i)).statusCode);
    expect(koder).toEqual([...Array<number>(GRAENSE).fill(401), 429]);
    const r = await gaet(KLIENTER[0]!, 99);
    expect(r.headers["retry-after"]).toBe("60");
    expect(r.headers["www-authenticate"]).toBeUndefined();
    expect(r.json().fejl).toMatch(/^For mange forespørgsler/);
    expect((await gaet(KLIENTER[1]!, 100)).statusCode).toBe(401);
  });

  it("the public pages are limited too (their own limit, PUBLIC_RATE_LIMIT)", async () => {
    const app = await service({ TRUST_PROXY: "127.0.0.1", PUBLIC_RATE_LIMIT: String(GRAENSE) });
    for (const side of ["/takstoversigt", "/tilsynstakster"]) {
      const klient = side === "/takstoversigt" ? KLIENTER[2]! : KLIENTER[3]!;
      const koder: number[] = [];
      for (let i = 0; i <= GRAENSE; i++) koder.push((await hent(app, klient, side)).statusCode);
      expect([side, koder.slice(0, GRAENSE).every((s) => s !== 429), koder[GRAENSE]]).toEqual([side, true, 429]);
    }
  });

  it("the add-in's own files are not counted: staff behind one NAT address load them with every pane start", async () => {
    const app = await service({});
    const koder: number[] = [];
    for (let i = 0; i < 3 * GRAENSE; i++) koder.push((await hent(app, "", "/taskpane.js?v=1")).statusCode);
    expect(koder.includes(429)).toBe(false);
    // The same address's API requests and public pages are still limited (the files took none of the budget).
    const api: number[] = [];
    for (let i = 0; i <= GRAENSE; i++) api.push((await hent(app, "", "/api/v1/health")).statusCode);
    expect(api).toEqual([...Array<number>(GRAENSE).fill(200), 429]);
    expect((await hent(app, "", "/takstoversigt.csv")).statusCode).toBe(429);
  });
});

describe("TRUST_PROXY", () => {
  it("is off by default and takes true, a hop count or a list of addresses and CIDR ranges", () => {
    expect(laesKonfig({}, {}).trustProxy).toBe(false);
    expect(laesTrustProxy("false")).toBe(false);
    expect(laesTrustProxy("true")).toBe(true);
    expect(laesTrustProxy("2")).toBe(2);
    expect(laesTrustProxy(" 127.0.0.1, 10.0.0.0/8 ,::1,loopback")).toEqual(["127.0.0.1", "10.0.0.0/8", "::1", "loopback"]);
  });

  it("refuses what is not an address, in Danish and naming the setting", () => {
    expect(() => laesKonfig({}, { TRUST_PROXY: "proxy.lan" })).toThrow(/Ugyldig TRUST_PROXY: proxy\.lan/);
    expect(() => laesTrustProxy("10.0.0.0/33")).toThrow(/TRUST_PROXY/);
    expect(() => laesTrustProxy("10.0.0.1/8/1")).toThrow(/TRUST_PROXY/);
  });
});
