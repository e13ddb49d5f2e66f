import "./jestCookie";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server as NetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../../src/server/app";
import { hentCertifikater } from "../../src/server/certifikater";
import { aabnPglite } from "../../src/server/db";
import { markdownTilHtml } from "../../src/server/hjaelp";
import { laesKonfig } from "../../src/server/konfig";
import { logStroem } from "../../src/server/logformat";
import { midlertidigMappe } from "../helpers/mappe";
import { koer, startServer } from "./barn";
import { ledigPort } from "./pgCluster";

/** Issue 16, "the first five minutes": what a newcomer meets when starting the server. */

describe("takst-server start", () => {
  const data = midlertidigMappe("takst-start-");

  it("exits non-zero at once on a busy port, with the Danish advice, and leaves no lock behind", async () => {
    const port = await ledigPort();
    const optaget: NetServer = createServer();
    await new Promise<void>((ok) => optaget.listen(port, "127.0.0.1", ok));
    try {
      const r = await koer(["start", "--http", "--host", "127.0.0.1", "--port", String(port), "--data", data], { LOG_LEVEL: "warn" });
      expect({ kode: r.kode, fejl: r.fejl.trim() }).toEqual({ kode: 1, fejl: `Fejl: Port ${port} er optaget – start med PORT=${port + 1} npm start (eller --port), eller stop programmet, der bruger porten.` });
      expect(r.fejl).not.toMatch(/EADDRINUSE/);
      expect(existsSync(join(data, "takst-server.lock"))).toBe(false);
    } finally {
      await new Promise((ok) => optaget.close(ok));
    }
  });

  it("prints the addresses on the port it runs on, naming the overview page and the help page", async () => {
    const port = await ledigPort();
    const s = await startServer({ port, data, env: { SMTP_URL: "" } });
    try {
      const log = s.log();
      expect(log).toContain(`http://localhost:${port}/oversigt`);
      expect(log).toContain(`http://localhost:${port}/hjaelp`);
      expect(log).toContain(`manifestet hentet fra http://localhost:${port}/manifest.xml`);
      expect(log).not.toContain("localhost:3000");
      // No SMTP_URL in the test's environment: the banner says no mail is sent (issue 25).
      expect(log).toContain("E-mail:     slået fra (SMTP_URL er ikke sat): der sendes ingen kvitteringer, spørgsmål eller påmindelser");
      // Issue 25: without OIDC_ISSUER the banner says personal login is off.
      expect(log).toContain("Personligt login:         slået fra (OIDC_ISSUER er ikke sat): kun tokens");
    } finally {
      await s.stop();
    }
  });
});

describe("PORT follows into the add-in's addresses", () => {
  it("ADDIN_ORIGIN defaults to the server's own origin on that port", () => {
    expect(laesKonfig({}, { PORT: "4300" }).addinOrigin).toBe("https://localhost:4300");
    expect(laesKonfig({ port: "4400", http: true }, {}).addinOrigin).toBe("http://localhost:4400");
    expect(laesKonfig({}, {}).addinOrigin).toBe("https://localhost:3000");
    expect(laesKonfig({}, { PORT: "4300", ADDIN_ORIGIN: "https://takster.example.dk" }).addinOrigin).toBe("https://takster.example.dk");
  });

  it("the rate limit is on by default and RATE_LIMIT=0 turns it off", () => {
    expect(laesKonfig({}, {}).hastighed).toEqual({ antal: 300, offentlig: 600, vinduMs: 60_000 });
    expect(laesKonfig({}, { RATE_LIMIT: "0" }).hastighed).toBe(false);
    expect(() => laesKonfig({}, { RATE_LIMIT: "mange" })).toThrow(/RATE_LIMIT/);
  });

  it("the served manifest points at the port the server runs on", async () => {
    const dist = mkdtempSync(join(tmpdir(), "takst-manifest-"));
    const db = await aabnPglite();
    try {
      writeFileSync(join(dist, "manifest.xml"), '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/><SupportUrl DefaultValue="https://localhost:3000/hjaelp"/></OfficeApp>');
      const app = await buildApp({ db, statiskMappe: dist, addinUrl: "https://localhost:4300/" });
      const r = await app.inject({ method: "GET", url: "/manifest.xml" });
      expect(r.body).toBe('<OfficeApp><SourceLocation DefaultValue="https://localhost:4300/taskpane.html"/><SupportUrl DefaultValue="https://localhost:4300/hjaelp"/></OfficeApp>');
      await app.close();
    } finally {
      await db.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe("TLS certificates", () => {
  const mappe = midlertidigMappe("takst-cert-");

  it("keeps the development certificates between starts", async () => {
    const foerste = await hentCertifikater(() => undefined, mappe, {});
    const anden = await hentCertifikater(() => undefined, mappe, {});
    expect([foerste.kilde, anden.kilde]).toEqual(["ny", "gemt"]);
    expect(anden.cert.equals(foerste.cert)).toBe(true);
    expect(anden.key.equals(foerste.key)).toBe(true);
  });

  it("uses TLS_CERT and TLS_KEY for a real certificate, and wants both", async () => {
    const env = { TLS_CERT: join(mappe, "localhost.crt"), TLS_KEY: join(mappe, "localhost.key") };
    const c = await hentCertifikater(() => undefined, join(mappe, "findes-ikke"), env);
    expect(c.kilde).toBe("tls");
    expect(c.cert.equals(readFileSync(env.TLS_CERT))).toBe(true);
    await expect(hentCertifikater(() => undefined, mappe, { TLS_CERT: env.TLS_CERT })).rejects.toThrow(/både TLS_CERT og TLS_KEY/);
    await expect(hentCertifikater(() => undefined, mappe, { TLS_CERT: "/findes/ikke.crt", TLS_KEY: env.TLS_KEY })).rejects.toThrow(/findes ikke/);
  });
});

describe("logs", () => {
  const linjer = [
    JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 12, 0, 0), reqId: "req-1", req: { method: "POST", url: "/api/v1/indberetninger" }, msg: "incoming request" }),
    JSON.stringify({ level: 30, time: Date.UTC(2026, 0, 1, 12, 0, 0), reqId: "req-1", res: { statusCode: 201 }, responseTime: 12.4, msg: "request completed" }),
    JSON.stringify({ level: 50, time: Date.UTC(2026, 0, 1, 12, 0, 1), err: { message: "databasen svarer ikke" }, msg: "intern fejl" }),
  ];
  const skriv = (isTTY: boolean) => {
    const ud: string[] = [];
    const s = logStroem({ isTTY, write: (x: string) => ud.push(x) });
    for (const l of linjer) s.write(`${l}\n`);
    return ud;
  };

  it("are one short line per request in a terminal", () => {
    const ud = skriv(true).map((l) => l.replace(/^\d\d:\d\d:\d\d /, ""));
    expect(ud).toEqual(["INFO  POST /api/v1/indberetninger 201 12 ms\n", "FEJL  intern fejl – databasen svarer ikke\n"]);
  });

  it("are JSON, untouched, when not a terminal", () => {
    expect(skriv(false)).toEqual(linjer.map((l) => `${l}\n`));
  });
});

describe("the help page /hjaelp", () => {
  it("serves the README's user sections, with a CSP", async () => {
    const db = await aabnPglite();
    try {
      const app = await buildApp({ db, statiskMappe: null });
      const r = await app.inject({ method: "GET", url: "/hjaelp" });
      expect(r.statusCode).toBe(200);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      for (const h of ["SOC-funktionerne i Excel", "Funktionsreference", "Opgaveruden i Excel – kort vejledning"]) expect(r.body).toContain(`<h2>${h}</h2>`);
      expect(r.body).toContain("<h3>SOC.TAKST(takstgrundlag; pladser; belaegning; [dage]; [decimaler])</h3>");
      expect(r.body).toContain("<td>takstgrundlag</td>");
      // Developer sections are not part of the user's help.
      expect(r.body).not.toContain("<h2>Arkitektur</h2>");
      await app.close();
    } finally {
      await db.close();
    }
  });

  it("escapes HTML in the markdown", () => {
    expect(markdownTilHtml("Tekst <script>x</script> og `<b>`")).toBe("<p>Tekst &lt;script&gt;x&lt;/script&gt; og <code>&lt;b&gt;</code></p>");
    expect(markdownTilHtml("- a\n- b\n\n1. c")).toBe("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol>\n<li>c</li>\n</ol>");
  });
});
