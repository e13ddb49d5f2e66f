import "./jestCookie";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/server/app";
import { type Db, aabnPglite } from "../../src/server/db";

// Issue 26, acceptance 5: the add-in's files are served as a web server should: validators and
// 304 on a repeat, gzip/br for text, security headers that still let Excel frame the pane.
const FUNKTIONER = `/* fns */\n${Array.from({ length: 200 }, (_, i) => `CustomFunctions.associate("SOC.F${i}", function f${i}(x) { return x * ${i}; });`).join("\n")}\n`;

describe("the add-in's files and pages as a web server serves them", () => {
  let db: Db;
  let app: FastifyInstance;
  let dist: string;

  beforeAll(async () => {
    db = await aabnPglite();
    dist = mkdtempSync(join(tmpdir(), "takst-web-"));
    writeFileSync(join(dist, "functions.js"), FUNKTIONER);
    writeFileSync(join(dist, "taskpane.html"), "<!doctype html><title>Takster</title>");
    writeFileSync(join(dist, "manifest.xml"), '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>');
    writeFileSync(join(dist, ".env"), "HEMMELIG=1");
    app = await buildApp({ db, statiskMappe: dist, addinUrl: "https://takster.example.dk/", lukDb: true });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

  it("answers a repeat request for an add-in file with 304 by its ETag and by its Last-Modified", async () => {
    const foerste = await get("/functions.js");
    expect(foerste.statusCode).toBe(200);
    expect(foerste.body).toBe(FUNKTIONER);
    const etag = foerste.headers.etag as string;
    const sidst = foerste.headers["last-modified"] as string;
    expect(etag).toBeTruthy();
    expect(sidst).toBeTruthy();
    // Revalidated on every load, so a new build reaches Excel at once.
    expect(foerste.headers["cache-control"]).toBe("no-cache");
    const medEtag = await get("/functions.js", { "if-none-match": etag });
    expect([medEtag.statusCode, medEtag.body]).toEqual([304, ""]);
    const medDato = await get("/functions.js", { "if-modified-since": sidst });
    expect([medDato.statusCode, medDato.body]).toEqual([304, ""]);
    // A changed file is a new ETag: the old one gets the whole file.
    writeFileSync(join(dist, "functions.js"), `${FUNKTIONER}// ny\n`);
    const aendret = await get("/functions.js", { "if-none-match": etag });
    expect(aendret.statusCode).toBe(200);
    writeFileSync(join(dist, "functions.js"), FUNKTIONER);
  });

  it("compresses a text file with gzip and br, the same bytes after decompression", async () => {
    const gz = await get("/functions.js", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString("utf8")).toBe(FUNKTIONER);
    expect(gz.rawPayload.length).toBeLessThan(FUNKTIONER.length / 3);
    const br = await get("/functions.js", { "accept-encoding": "br, gzip" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(FUNKTIONER);
    // Without Accept-Encoding the file goes out as it is.
    const raa = await get("/functions.js");
    expect(raa.headers["content-encoding"]).toBeUndefined();
  });

  it("keeps the served manifest pointing at the server's own address, and the files readable cross-origin", async () => {
    const m = await get("/manifest.xml");
    expect(m.statusCode).toBe(200);
    expect(m.body).toContain('DefaultValue="https://takster.example.dk/taskpane.html"');
    const f = await get("/functions.js", { origin: "https://excel.officeapps.live.com" });
    expect(f.headers["access-control-allow-origin"]).toBe("*");
  });

  it("serves nothing outside dist/, no dotfile and no NUL path: each is a Danish 404", async () => {
    for (const url of ["/%2e%2e/%2e%2e/etc/passwd", "/..%2fpackage.json", "/.env", "/functions.js%00", "/findes-ikke.js"]) {
      const r = await get(url);
      expect([url, r.statusCode, r.json().fejl]).toEqual([url, 404, "Ikke fundet."]);
    }
  });

  it("lets Excel frame the task pane, while the public pages and the overview still refuse framing", async () => {
    const pane = await get("/taskpane.html");
    expect(pane.statusCode).toBe(200);
    expect(pane.headers["x-frame-options"]).toBeUndefined();
    expect(String(pane.headers["content-security-policy"] ?? "")).not.toContain("frame-ancestors");
    // helmet's headers on every answer.
    expect(pane.headers["x-content-type-options"]).toBe("nosniff");
    expect(pane.headers["referrer-policy"]).toBe("no-referrer");
    const api = await get("/api/v1/health");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    for (const url of ["/takstoversigt", "/tilgaengelighed"]) {
      const side = await get(url);
      expect([url, side.headers["x-frame-options"]]).toEqual([url, "DENY"]);
      expect(side.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
  });

  it("links the tilgængelighedserklæring from the public pages, and serves it in Danish", async () => {
    for (const url of ["/takstoversigt", "/takstudvikling", "/hjaelp"]) {
      expect([url, (await get(url)).body]).toEqual([url, expect.stringContaining('<a href="/tilgaengelighed">Tilgængelighedserklæring</a>')]);
    }
    const e = await get("/tilgaengelighed");
    expect(e.statusCode).toBe(200);
    expect(e.body).toContain("webtilgængelighedsloven");
    expect(e.body).toContain("udfyldes af myndigheden");
  });
});

describe("an operator's own tilgængelighedserklæring", () => {
  it("is where /tilgaengelighed leads when TILGAENGELIGHED_URL is set", async () => {
    const db = await aabnPglite();
    const app = await buildApp({ db, statiskMappe: null, tilgaengelighedUrl: "https://www.eksempel.dk/tilgaengelighed", lukDb: true });
    const r = await app.inject({ method: "GET", url: "/tilgaengelighed" });
    expect([r.statusCode, r.headers.location]).toEqual([302, "https://www.eksempel.dk/tilgaengelighed"]);
    await app.close();
  });
});
