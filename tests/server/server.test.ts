import "./jestCookie";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { hentCertifikater } from "../../src/server/certifikater";
import { type Db, aabnPglite } from "../../src/server/db";
import { bearer, gyldigtSkema, lavTokens } from "./fixtures";

function hent(url: string, ca: Buffer): Promise<{ status: number; type: string; body: string }> {
  return new Promise((res, rej) => {
    const r = request(url, { ca }, (svar) => {
      let body = "";
      svar.on("data", (d: Buffer) => (body += d.toString()));
      svar.on("end", () => res({ status: svar.statusCode ?? 0, type: String(svar.headers["content-type"] ?? ""), body }));
    });
    r.on("error", rej);
    r.end();
  });
}

describe("the whole stack on a real port over HTTPS", () => {
  let db: Db;
  let app: FastifyInstance;
  let mappe: string;
  let base: string;
  let ca: Buffer;
  beforeAll(async () => {
    mappe = mkdtempSync(join(tmpdir(), "takst-https-"));
    const certs = join(mappe, "certs");
    const dist = join(mappe, "dist");
    mkdirSync(dist);
    writeFileSync(join(dist, "manifest.xml"), "<OfficeApp/>");
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>Takster</title>");
    // Certificates the way `start` makes them, but in a temp folder (no CA install attempted).
    const c = await hentCertifikater(() => undefined, certs);
    ca = readFileSync(join(certs, "ca.crt"));
    db = await aabnPglite();
    app = await buildApp({ db, https: { key: c.key, cert: c.cert }, statiskMappe: dist });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const a = app.server.address();
    base = `https://localhost:${typeof a === "object" && a ? a.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(mappe, { recursive: true, force: true });
  });

  it("serves the API with the dev certificate", async () => {
    const r = await hent(`${base}/api/v1/health`, ca);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ status: "ok", database: "pglite", dele: { database: { status: "ok" } } });
  });

  it("serves the built add-in and nothing outside it", async () => {
    const m = await hent(`${base}/manifest.xml`, ca);
    expect([m.status, m.type, m.body]).toEqual([200, "application/xml; charset=utf-8", "<OfficeApp/>"]);
    expect((await hent(`${base}/taskpane.html`, ca)).type).toMatch(/text\/html/);
    expect((await hent(`${base}/%2e%2e/%2e%2e/etc/passwd`, ca)).status).toBe(404);
    expect((await hent(`${base}/../package.json`, ca)).status).toBe(404);
    expect((await hent(`${base}/findes-ikke.js`, ca)).status).toBe(404);
  });
});

describe("structured logs", () => {
  it("log requests and receipts as JSON lines, never the token", async () => {
    const linjer: string[] = [];
    const db = await aabnPglite();
    const app = await buildApp({ db, statiskMappe: null, logger: { level: "info", stream: { write: (l: string) => void linjer.push(l) } } });
    try {
      const t = await lavTokens(db);
      const r = await app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { ...bearer(t.odense), "content-type": "application/json" }, payload: JSON.stringify(gyldigtSkema()) });
      expect(r.statusCode).toBe(201);
      await app.inject({ method: "GET", url: "/api/v1/indberetninger", headers: bearer(t.tilbagekaldt) });
      const alt = linjer.join("");
      expect(linjer.length).toBeGreaterThan(2);
      for (const l of linjer) expect(() => JSON.parse(l)).not.toThrow();
      expect(alt).toContain("indberetning modtaget");
      expect(alt).toContain(r.json().id);
      for (const token of [t.odense, t.tilbagekaldt]) {
        expect(alt).not.toContain(token);
        // The secret is everything after "tks_<id>_"; base64url may itself contain "_".
        expect(alt).not.toContain(/^tks_[^_]+_(.+)$/.exec(token)![1]!);
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
