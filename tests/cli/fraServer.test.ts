import "../server/jestCookie";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { FastifyInstance } from "fastify";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { type Efterregulering, efterreguleringSchema } from "../../src/kontrakt";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { syd2027 } from "../helpers/regelsaet";
import { eksempel, FORVENTET } from "../takstskema/hjaelp";

/**
 * `takstskema udfyld --fra-server` (issue 21, product.md §5.1) as a user runs it (bin/takstskema.js
 * in a child process) against the real submission service on loopback with an embedded database:
 * last year's (2026) submission of the example becomes the 2027 skema under SYD-2027, the ruleset
 * the secretariat has published on the service.
 */

const ROD = join(__dirname, "..", "..");
const BIN = join(ROD, "bin", "takstskema.js");
const run = promisify(execFile);
const TILBUD = "Bofællesskabet Skovbrynet";

async function cli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROD, encoding: "utf8", env: { ...process.env, TAKST_TOKEN: "", ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let app: FastifyInstance;
let url: string;
let dir: string;
const t = { odense: "", aarhus: "", sekretariat: "" };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "takstskema-fraserver-"));
  const db = await aabnPglite();
  app = await buildApp({ db, statiskMappe: null, lukDb: true, logger: false });
  t.odense = (await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" })).token;
  t.aarhus = (await opretToken(db, { rolle: "kommune", driftsherre: "Aarhus Kommune" })).token;
  t.sekretariat = (await opretToken(db, { rolle: "sekretariat", driftsherre: null })).token;
  const post = (sti: string, token: string, payload: unknown) =>
    app.inject({ method: "POST", url: sti, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, payload: payload as Record<string, unknown> });
  expect((await post("/api/v1/regelsaet", t.sekretariat, syd2027())).statusCode).toBe(201);
  // Last year: the example (takst 2.047 kr., worked out by hand in tests/takstskema/hjaelp.ts) submitted for 2026.
  const sidsteAar = await post("/api/v1/indberetninger", t.odense, { ...eksempel(), TS_Takstaar: 2026 });
  expect(sidsteAar.statusCode).toBe(201);
  await app.listen({ port: 0, host: "127.0.0.1" });
  url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** No regnskab 2025 on the service (this branch's service has no such route either): a note, exit 0. */
const INGEN_REGNSKAB = `Bemærk: Der er ikke indberettet et regnskab for 2025 for ${TILBUD}, så der er ingen efterregulering til takstår 2027 endnu. Felterne A1-A6, reguleringen og puljens andel er tomme.\n`;

const fra = (aar: string, ud: string, ...ekstra: string[]) => ["udfyld", "--fra-server", url, "--driftsherre", "Odense Kommune", "--tilbud", TILBUD, "--takstaar", aar, "--ud", ud, ...ekstra];

describe("takstskema udfyld --fra-server", () => {
  it("writes the 2027 skema from the 2026 submission: stamdata, ydelse and costs carried, SYD-2027, last year's takst from the service", async () => {
    const ud = join(dir, "skovbrynet-2027.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fra("2027", ud));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toBe(`Skrev ${ud}: ${TILBUD} 2027 (SYD-2027), udfyldt fra indberetningen for 2026 (SYD-2018-2026-0001).\n${INGEN_REGNSKAB}`);

    const { vaerdier: v } = await laesSkemaBuffer(readFileSync(ud), ud);
    expect([v.TS_Takstaar, v.TS_Regelsaet, v.TS_Driftsherre, v.TS_Tilbud, v.TS_Email]).toEqual([2027, "SYD-2027", "Odense Kommune", TILBUD, "mette.jensen@example.dk"]);
    expect([v.TS_Loen, v.TS_Ejendom, v.TS_OverheadSats, v.TS_Dage]).toEqual([14250000, 950000, 0.044, 365]);
    expect((v.TS_Ydelser_Navn as unknown[])[0]).toBe("Længerevarende botilbud");
    expect((v.TS_Ydelser_Pladser as unknown[])[0]).toBe(24);
    // 2.047 kr. from the service; the 2026 skema's own stated figure (1.995) is not carried.
    expect((v.TS_Ydelser_SidsteAarsTakst as unknown[])[0]).toBe(FORVENTET.takst);
    // The year's own: the regulering of year −2, PL and efterregulering start empty.
    expect([v.TS_Regulering, v.TS_PLPct, v.TS_A1, v.TS_Kvittering]).toEqual([null, null, null, null]);

    // What it wrote is a skema the validator accepts under SYD-2027 (before its deadline, 15.11.2026).
    const valider = await cli({}, "valider", ud, "--json", "--indsendt", "2026-11-01", "--server", url);
    const json = JSON.parse(valider.stdout) as { ok: boolean; findings: { code: string; severity: string }[] };
    expect({ code: valider.code, fejl: json.findings.filter((f) => f.severity === "error") }).toEqual({ code: 0, fejl: [] });
  });

  it("--token works as TAKST_TOKEN does, and the secretariat names the driftsherre", async () => {
    const ud = join(dir, "sekretariat.xlsx");
    const r = await cli({}, ...fra("2027", ud, "--token", t.sekretariat));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(existsSync(ud)).toBe(true);
  });

  it("no token: exit 2 and how to give one, before anything is asked", async () => {
    const ud = join(dir, "uden-token.xlsx");
    const r = await cli({}, ...fra("2027", ud));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^udfyld --fra-server kræver kommunens adgangsnøgle: --token TOKEN eller miljøvariablen TAKST_TOKEN\./);
    expect(existsSync(ud)).toBe(false);
  });

  it("service down: exit 2 naming the address, no file", async () => {
    const ud = join(dir, "nede.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, "udfyld", "--fra-server", "http://127.0.0.1:1", "--driftsherre", "Odense Kommune", "--tilbud", TILBUD, "--takstaar", "2027", "--ud", ud);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Fejl: Kunne ikke få forbindelse til indberetningsservicen på http://127.0.0.1:1. Tjek adressen, og om servicen kører.\n");
    expect(existsSync(ud)).toBe(false);
  });

  it("nothing last year: exit 2 with the service's sentence, no file", async () => {
    const ud = join(dir, "intet.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fra("2026", ud));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Fejl: Indberetningsservicen svarede 404: Ingen aktuel indberetning af ${TILBUD} for 2025.\n`);
    expect(existsSync(ud)).toBe(false);
  });

  it("another municipality's driftsherre is refused (403), a wrong token is 401", async () => {
    const aarhus = await cli({ TAKST_TOKEN: t.aarhus }, ...fra("2027", join(dir, "aarhus.xlsx")));
    expect(aarhus.code).toBe(2);
    expect(aarhus.stderr).toBe("Fejl: Indberetningsservicen svarede 403: Adgangsnøglen tilhører Aarhus Kommune og kan kun hente Aarhus Kommunes egne indberetninger.\n");
    const forkert = await cli({ TAKST_TOKEN: "forkert" }, ...fra("2027", join(dir, "forkert.xlsx")));
    expect(forkert.code).toBe(2);
    expect(forkert.stderr).toBe("Fejl: Indberetningsservicen afviste adgangsnøglen (401). Tjek --token eller TAKST_TOKEN.\n");
  });

  it("a missing option is a usage error (exit 2) naming what is needed", async () => {
    const r = await cli({ TAKST_TOKEN: t.odense }, "udfyld", "--fra-server", url, "--tilbud", TILBUD, "--takstaar", "2027", "--ud", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^udfyld --fra-server kræver --driftsherre, --tilbud, --takstaar og --ud/);
  });
});

/**
 * The efterregulering (product.md §5.2), whose route another branch builds: a small server on
 * loopback answers GET /api/v1/efterregulering as the contract says and hands every other
 * request to the real service above. Figures by hand from the example (tests/takstskema/hjaelp.ts):
 * A2 16.800.000 + A3 200.000 = A4 17.000.000; A5 = 18.100.000 − 17.000.000 = 1.100.000;
 * A7 = 1.100.000 − 860.000 = 240.000, regulering −240.000; the pool's −84.096 = −10 × 8.409,6
 * belægningsdage lowers the takst 2.047 by exactly 10 kr. to 2.037.
 */
describe("takstskema udfyld --fra-server with the efterregulering", () => {
  const SVAR: Efterregulering = {
    driftsherre: "Odense Kommune", tilbud: TILBUD, takstaar: 2027, regnskabsaar: 2025,
    regnskab: { id: "7d1e0c2a-3b4f-4c5d-8e9f-0a1b2c3d4e5f", nummer: "SYD-2025-R-0004", version: 1, status: "godkendt" },
    A1: 18_100_000, A2: 16_800_000, A3: 200_000, A4: 17_000_000, A5: 1_100_000, A6: 860_000, A6Pulje: 860_000, A6Overfoert: 0, A7: 240_000,
    regulering: -240_000, reguleringPulje: -84_096,
  };
  let foran: Server;
  let forUrl: string;
  /** What the efterregulering route answers next: status and body (a string is sent as it is). */
  let svar: { status: number; krop: unknown } = { status: 200, krop: SVAR };
  const spurgt: string[] = [];

  beforeAll(async () => {
    expect(efterreguleringSchema.safeParse(SVAR).success).toBe(true);
    foran = createServer((req, res) => {
      const sti = req.url ?? "/";
      if (sti.startsWith("/api/v1/efterregulering")) {
        spurgt.push(sti);
        res.writeHead(svar.status, { "content-type": "application/json" });
        res.end(typeof svar.krop === "string" ? svar.krop : JSON.stringify(svar.krop));
        return;
      }
      void app.inject({ method: "GET", url: sti, headers: { authorization: req.headers.authorization ?? "" } }).then((r) => {
        res.writeHead(r.statusCode, { "content-type": String(r.headers["content-type"] ?? "application/json") });
        res.end(r.body);
      });
    });
    await new Promise<void>((ok) => foran.listen(0, "127.0.0.1", ok));
    forUrl = `http://127.0.0.1:${(foran.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((ok) => foran.close(() => ok())));

  const fraForan = (ud: string) => ["udfyld", "--fra-server", forUrl, "--driftsherre", "Odense Kommune", "--tilbud", TILBUD, "--takstaar", "2027", "--ud", ud];

  it("fills A1, A2, A3, A6, the regulering (−A7) and the pool's share, asks with the driftsherre, and the skema validates with the lower takst", async () => {
    svar = { status: 200, krop: SVAR };
    spurgt.length = 0;
    const ud = join(dir, "med-efterregulering.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fraForan(ud));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(spurgt).toEqual([`/api/v1/efterregulering?tilbud=Bof%C3%A6llesskabet+Skovbrynet&takstaar=2027&driftsherre=Odense+Kommune`]);
    expect(r.stdout).toBe([
      `Skrev ${ud}: ${TILBUD} 2027 (SYD-2027), udfyldt fra indberetningen for 2026 (SYD-2018-2026-0001).`,
      "Efterreguleringen fra regnskabet for 2025 (SYD-2025-R-0004) er udfyldt:",
      "  A1 Samlet faktisk provenu: 18.100.000 kr.",
      "  A2 Faktisk afregningsgrundlag: 16.800.000 kr.",
      "  A3 Overført mer-/mindreforbrug: 200.000 kr.",
      "  A6 Genbevilget: 860.000 kr.",
      "  9. Regulering vedr. tidligere år: -240.000 kr.",
      "  9b. Regulering fra puljen: -84.096 kr.",
      "",
    ].join("\n"));
    const { vaerdier: v } = await laesSkemaBuffer(readFileSync(ud), ud);
    expect([v.TS_A1, v.TS_A2, v.TS_A3, v.TS_A6, v.TS_Regulering, v.TS_ReguleringPulje]).toEqual([18_100_000, 16_800_000, 200_000, 860_000, -240_000, -84_096]);
    const valider = await cli({}, "valider", ud, "--json", "--indsendt", "2026-11-01", "--server", url);
    const json = JSON.parse(valider.stdout) as { findings: { code: string; severity: string }[]; beregnet: { takstgrundlag: number; A7: number; ydelser: { takst: number }[] } };
    expect({ code: valider.code, fejl: json.findings.filter((f) => f.severity === "error"), ts040: json.findings.filter((f) => f.code === "TS040") }).toEqual({ code: 0, fejl: [], ts040: [] });
    expect([json.beregnet.takstgrundlag, json.beregnet.A7, json.beregnet.ydelser[0]!.takst]).toEqual([17_126_825, 240_000, 2037]);
  });

  it("no regnskab (404): the fields stay empty, a Danish note, exit 0", async () => {
    svar = { status: 404, krop: { fejl: "Der er ikke indberettet et regnskab for 2025." } };
    const ud = join(dir, "uden-regnskab.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fraForan(ud));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout.endsWith(INGEN_REGNSKAB)).toBe(true);
    const { vaerdier: v } = await laesSkemaBuffer(readFileSync(ud), ud);
    expect([v.TS_A1, v.TS_A2, v.TS_A3, v.TS_A6, v.TS_Regulering, v.TS_ReguleringPulje]).toEqual([null, null, null, null, null, null]);
  });

  it.each([
    ["a figure that is no whole krone", { ...SVAR, A1: "18.100.000" }],
    ["a missing pool share", { ...SVAR, reguleringPulje: undefined }],
    ["no JSON at all", "<html>Fejl</html>"],
  ])("junk from the service (%s): exit 2 with a Danish sentence, no file", async (_navn, krop) => {
    svar = { status: 200, krop };
    const ud = join(dir, "skrald.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fraForan(ud));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Fejl: Indberetningsservicen på ${forUrl} sendte en efterregulering, takstskema ikke forstår.\n`);
    expect(existsSync(ud)).toBe(false);
  });

  it("an efterregulering for another takstår: exit 2, no file", async () => {
    svar = { status: 200, krop: { ...SVAR, takstaar: 2026, regnskabsaar: 2024 } };
    const ud = join(dir, "forkert-aar.xlsx");
    const r = await cli({ TAKST_TOKEN: t.odense }, ...fraForan(ud));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Fejl: Indberetningsservicen sendte efterreguleringen til takstår 2026, men skemaet er for 2027. Intet er skrevet.\n");
    expect(existsSync(ud)).toBe(false);
  });
});
