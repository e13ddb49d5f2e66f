import "./jestCookie";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { FELTER } from "../../src/takstskema";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";
import { somXlsx } from "../../src/server/indberetninger/eksport";
import { apiMiljoe } from "./apiMiljoe";
import { type Tokens, bearer, fjendtligKrop, gyldigtSkema, lavTokens } from "./fixtures";

/** Issue 16: the service against a hostile or careless client. */

const URL = "/api/v1/indberetninger";

describe("service hardening", () => {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "takst-haerd-"));
    writeFileSync(join(dist, "functions.json"), '{"functions":[]}');
    writeFileSync(join(dist, "functions.js"), "/* fns */");
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>t</title>");
    writeFileSync(join(dist, "oversigt.html"), "<!doctype html><title>Oversigt</title>");
    db = await aabnPglite();
    app = await buildApp({ db, statiskMappe: dist, addinOrigin: "https://localhost:3000" });
    t = await lavTokens(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dist, { recursive: true, force: true });
  });
  const post = (body: unknown, token = t.odense) =>
    app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });

  it("lets Excel on the web read the add-in's files cross-origin, but not the API", async () => {
    const origin = "https://excel.officeapps.live.com";
    for (const fil of ["/functions.json", "/functions.js", "/taskpane.html"]) {
      const r = await app.inject({ method: "GET", url: fil, headers: { origin } });
      expect([fil, r.statusCode, r.headers["access-control-allow-origin"]]).toEqual([fil, 200, "*"]);
    }
    const api = await app.inject({ method: "GET", url: "/api/v1/health", headers: { origin } });
    expect(api.statusCode).toBe(200);
    expect(api.headers["access-control-allow-origin"]).toBeUndefined();
    const liste = await app.inject({ method: "GET", url: URL, headers: { origin, ...bearer(t.sekretariat) } });
    expect(liste.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("serves the overview under both addresses with one CSP that forbids framing", async () => {
    const a = await app.inject({ method: "GET", url: "/oversigt" });
    const b = await app.inject({ method: "GET", url: "/oversigt.html" });
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(b.body).toBe(a.body);
    expect(a.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(b.headers["content-security-policy"]).toBe(a.headers["content-security-policy"]);
    expect(b.headers["x-frame-options"]).toBe("DENY");
  });

  it("refuses characters an .xlsx cannot hold, like NUL, and stores nothing", async () => {
    for (const tegn of ["\uFFFE", "\uFFFF", "\u0001", "\u001B", "\u000B", "\uD800"]) {
      const r = await post(gyldigtSkema({ TS_Tilbud: `Søhuset${tegn}` }));
      expect([JSON.stringify(tegn), r.statusCode]).toEqual([JSON.stringify(tegn), 422]);
      expect(r.json().findings[0]).toMatchObject({ code: "TS002", field: "TS_Tilbud" });
    }
    // Tab and line breaks are ordinary text.
    expect((await post(gyldigtSkema({ TS_Maalgruppe: "Voksne\tmed\r\nudviklingshæmning" }))).statusCode).toBe(201);
    const liste = (await app.inject({ method: "GET", url: URL, headers: bearer(t.sekretariat) })).json().indberetninger as unknown[];
    expect(liste).toHaveLength(1);
  });

  it("answers a 121 KB body of long runs (quadratic before) with findings naming the caps", async () => {
    const krop = fjendtligKrop(FELTER);
    const tekst = JSON.stringify(krop);
    expect(tekst.length).toBeGreaterThan(120_000);
    const r = await post(krop);
    expect(r.statusCode).toBe(422);
    const fund = r.json().findings as { field: string; message: string }[];
    expect(fund.find((f) => f.field === "TS_Loen")?.message).toMatch(/mere end 64 tegn/);
    expect(fund.find((f) => f.field === "TS_Email")?.message).toMatch(/ikke en gyldig e-mailadresse/);
    // The quoted value is cut short, not echoed back whole.
    expect(fund.every((f) => f.message.length < 300)).toBe(true);
  });

  it("never writes forbidden characters into the .xlsx export", async () => {
    const raekke = { driftsherre: "Odense\uFFFF Kommune", tilbud: "Sø\u0001huset\uFFFE", ydelse: "Bo\uD800tilbud", takstaar: 2018, version: 1, takst: 1, sidsteAarsTakst: null, plPct: null, takstudvikling: null };
    const buf = await somXlsx([raekke, { ...raekke, tilbud: "Næste" }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Takster")!;
    expect([ws.getCell("A2").value, ws.getCell("B2").value, ws.getCell("C2").value]).toEqual(["Odense Kommune", "Søhuset", "Botilbud"]);
    expect(ws.getCell("B3").value).toBe("Næste");
  });
});

describe("rate limit per token", () => {
  let app: FastifyInstance;
  let t: Tokens;
  let ur = 0;
  apiMiljoe(aabnPglite, lavTokens, (m) => ({ app, t } = m), { statiskMappe: null, hastighed: { antal: 3, vinduMs: 60_000, nu: () => ur } }, false);
  const liste = (token: string) => app.inject({ method: "GET", url: URL, headers: bearer(token) });

  it("answers 429 with Retry-After after the limit, for that token only, until the window has passed", async () => {
    for (let i = 0; i < 3; i++) expect((await liste(t.odense)).statusCode).toBe(200);
    ur += 10_000;
    const r = await liste(t.odense);
    expect(r.statusCode).toBe(429);
    expect(r.headers["retry-after"]).toBe("50");
    expect(r.json().fejl).toMatch(/For mange forespørgsler/);
    expect((await liste(t.aarhus)).statusCode).toBe(200);
    ur += 50_000;
    expect((await liste(t.odense)).statusCode).toBe(200);
  });
});

describe("time limits on a real socket", () => {
  let app: FastifyInstance;
  apiMiljoe(aabnPglite, async () => null, (m) => ({ app } = m), { statiskMappe: null, tidsgraenser: { forbindelseMs: 300, forespoergselMs: 300, keepAliveMs: 300 } }, false);
  beforeAll(() => app.listen({ port: 0, host: "127.0.0.1" }));

  it("closes a connection that sends half a request and then nothing", async () => {
    const a = app.server.address();
    const port = typeof a === "object" && a ? a.port : 0;
    const lukket = await new Promise<string>((ok) => {
      const s = connect(port, "127.0.0.1", () => s.write("POST /api/v1/indberetninger HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"));
      let svar = "";
      s.on("data", (d: Buffer) => (svar += d.toString()));
      s.on("close", () => ok(svar));
      s.on("error", () => undefined);
    });
    // Closed by the server (Jest's 5 s timeout would fail the test otherwise); no request was handled.
    expect(lukket).not.toMatch(/^HTTP\/1\.1 2/);
  });
});

describe("PGlite data on disk", () => {
  it("is kept in a folder only the owner can enter, files 0600", async () => {
    const mappe = mkdtempSync(join(tmpdir(), "takst-modus-"));
    try {
      const sti = join(mappe, "pglite");
      const db = await aabnPglite(sti);
      expect(statSync(sti).mode & 0o777).toBe(0o700);
      await db.query("CREATE TABLE x (a int)");
      await db.close();
      const filer: string[] = [];
      const gaa = (d: string) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          if (e.isDirectory()) {
            expect([join(d, e.name), statSync(join(d, e.name)).mode & 0o777]).toEqual([join(d, e.name), 0o700]);
            gaa(join(d, e.name));
          } else filer.push(join(d, e.name));
        }
      };
      gaa(sti);
      expect(filer.length).toBeGreaterThan(100);
      expect(filer.filter((f) => (statSync(f).mode & 0o077) !== 0)).toEqual([]);
    } finally {
      rmSync(mappe, { recursive: true, force: true });
    }
  });
});
