import "../server/jestCookie";
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { generateCertificates } from "office-addin-dev-certs";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { type Regelsaet, lavRegister, parseRegelsaet } from "../../src/regelsaet";
import { laesRegelsaetFiler } from "../../src/regelsaet/fraMappe";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { opretToken } from "../../src/server/tokens";
import { syd2027 } from "../helpers/regelsaet";
import { eksempel } from "../takstskema/hjaelp";

const ROD = join(__dirname, "..", "..");
const BIN = join(ROD, "bin", "takstskema.js");
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliMedMiljoe({}, ...args);
}

async function cliMedMiljoe(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROD, encoding: "utf8", env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
const skriv = (navn: string, indhold: unknown) => {
  const sti = join(dir, navn);
  writeFileSync(sti, JSON.stringify(indhold, null, 2));
  return sti;
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "takstskema-regelsaet-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("takstskema regelsaet tjek", () => {
  it("a good file: exit 0, every parameter with its kilde, TS020 enabled by overheadLoft", async () => {
    const r = await cli("regelsaet", "tjek", skriv("syd-2027.json", syd2027()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("gyldigt – SYD-2027 version 1");
    expect(r.stdout).toContain("overheadLoft = 0.05  (kilde: Rammeaftale Syddanmark 2027, bilag 17 afsnit 3 (testdata))");
    const aktive = r.stdout.split("Kontroller, der springes over")[0]!;
    expect(aktive).toMatch(/TS020 .*\[overheadLoft\]/);
  });

  it("a file without overheadLoft lists TS020 as skipped (MIDT-2020 as built in)", async () => {
    const r = await cli("regelsaet", "tjek", join(ROD, "rulesets", "MIDT-2020.json"));
    expect(r.code).toBe(0);
    const sprunget = r.stdout.split("Kontroller, der springes over")[1]!;
    expect(sprunget).toMatch(/TS020 .*\(mangler: overheadLoft\)/);
  });

  it("a bad file: exit 2 with Danish findings that name the parameter", async () => {
    const daarlig = syd2027();
    const p = daarlig.parametre as Record<string, Record<string, unknown>>;
    delete p.renteLoft!.kilde;
    p.basisServiceOpdeling = { vaerdi: "ja", kilde: "bilag 17" };
    const r = await cli("regelsaet", "tjek", skriv("daarlig.json", daarlig));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("UGYLDIGT");
    expect(r.stdout).toContain("parametre.renteLoft.kilde: mangler");
    expect(r.stdout).toContain('parametre.basisServiceOpdeling.vaerdi: skal være en af "kraeves", "forventes", "nej", ikke "ja"');
    const ikkeJson = await cli("regelsaet", "tjek", join(ROD, "README.md"));
    expect(ikkeJson.code).toBe(2);
  });
});

describe("takstskema regelsaet tjek: what a secretariat writes by mistake", () => {
  it("refuses a takstaar other than the id's year and a date that does not exist, naming both", async () => {
    const fil = syd2027({ takstaar: 2026 });
    (fil.parametre as Record<string, unknown>).fristTakster = { vaerdi: "2026-02-30", kilde: "tidsplan 2027 (testdata)" };
    const r = await cli("regelsaet", "tjek", skriv("forkert-aar.json", fil));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("takstaar: takstaar er 2026, men id'et SYD-2027 siger 2027; de skal være ens");
    expect(r.stdout).toContain("parametre.fristTakster.vaerdi: datoen 2026-02-30 findes ikke i kalenderen");
  });

  it("suggests the known key for an unknown one (renteloft → renteLoft)", async () => {
    const fil = syd2027();
    const p = fil.parametre as Record<string, unknown>;
    p.renteloft = p.renteLoft;
    delete p.renteLoft;
    const r = await cli("regelsaet", "tjek", skriv("renteloft.json", fil));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("parametre: ukendt felt: renteloft; mente du renteLoft?");
  });

  it("accepts kategorier as plain names", async () => {
    const fil = syd2027();
    (fil.parametre as Record<string, unknown>).kategorier = { vaerdi: ["Klyngetilbud", "Lokalt tilbud"], kilde: "rammeaftale 2027 (testdata)" };
    const r = await cli("regelsaet", "tjek", skriv("navne.json", fil));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain('kategorier = [{"navn":"Klyngetilbud","synonymer":[]},{"navn":"Lokalt tilbud","synonymer":[]}]');
  });

  it("a missing file is said in Danish, not as Node's ENOENT", async () => {
    const r = await cli("regelsaet", "tjek", join(dir, "findes-ikke.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Filen ${join(dir, "findes-ikke.json")} findes ikke.`);
    expect(r.stderr).not.toMatch(/ENOENT|no such file/);
  });
});

describe("takstskema valider --regelsaet-fil / --server", () => {
  let skema: string;
  beforeAll(async () => {
    // 4,9 % overhead: within SYD-2027's 5 % cap, over a 4,8 % cap.
    const r: Regelsaet = parseRegelsaet(syd2027());
    const wb = await udfyldtArbejdsbog({ ...eksempel(), TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, TS_OverheadSats: 0.049 }, lavRegister([...laesRegelsaetFiler(), r]));
    skema = join(dir, "syd-2027.xlsx");
    await wb.xlsx.writeFile(skema);
  });

  it("validates against the ruleset in the file", async () => {
    const uden = await cli("valider", skema, "--json", "--indsendt", "2026-11-01");
    expect(uden.code).toBe(1); // SYD-2027 is not built in
    const med = await cli("valider", skema, "--json", "--indsendt", "2026-11-01", "--regelsaet-fil", skriv("syd-2027.json", syd2027()));
    const json = JSON.parse(med.stdout) as { ok: boolean; findings: { code: string; severity: string }[] };
    expect(json.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(med.code).toBe(0);
    const lavere = await cli("valider", skema, "--json", "--indsendt", "2026-11-01", "--regelsaet-fil", skriv("lavere.json", syd2027({ overheadLoft: 0.048 })));
    expect(lavere.code).toBe(1);
    expect((JSON.parse(lavere.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code)).toContain("TS020");
  });

  it("a bad --regelsaet-fil is exit 2 naming the parameter", async () => {
    const daarlig = syd2027();
    delete (daarlig.parametre as Record<string, unknown>).overheadLoft;
    (daarlig as Record<string, unknown>).version = 0;
    const r = await cli("valider", skema, "--regelsaet-fil", skriv("v0.json", daarlig));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("version: skal være mindst 1");
  });

  it("--server against a certificate the machine does not trust says so and how to trust it, not \"fetch failed\"", async () => {
    // The development CA exactly as takst-server start makes it, in a folder of its own.
    const certs = join(dir, "certs");
    mkdirSync(certs);
    await generateCertificates(join(certs, "ca.crt"), join(certs, "localhost.crt"), join(certs, "localhost.key"));
    const db = await aabnPglite();
    const app = await buildApp({ db, statiskMappe: null, lukDb: true, https: { key: readFileSync(join(certs, "localhost.key")), cert: readFileSync(join(certs, "localhost.crt")) } });
    try {
      const sek = await opretToken(db, { rolle: "sekretariat", driftsherre: null });
      const ud = await app.inject({ method: "POST", url: "/api/v1/regelsaet", headers: { authorization: `Bearer ${sek.token}`, "content-type": "application/json" }, payload: syd2027() });
      expect(ud.statusCode).toBe(201);
      await app.listen({ port: 0, host: "127.0.0.1" });
      const server = `https://localhost:${(app.server.address() as { port: number }).port}`;
      const ubetroet = await cliMedMiljoe({ NODE_EXTRA_CA_CERTS: "" }, "valider", skema, "--json", "--indsendt", "2026-11-01", "--server", server);
      expect(ubetroet.code).toBe(2);
      expect(ubetroet.stderr).not.toContain("fetch failed");
      expect(ubetroet.stderr).toContain(`${server} bruger et certifikat, som denne maskine ikke stoler på`);
      expect(ubetroet.stderr).toContain("NODE_EXTRA_CA_CERTS=~/.office-addin-dev-certs/ca.crt");
      // The advice works: with the CA trusted, the published ruleset is used.
      const betroet = await cliMedMiljoe({ NODE_EXTRA_CA_CERTS: join(certs, "ca.crt") }, "valider", skema, "--json", "--indsendt", "2026-11-01", "--server", server);
      expect({ code: betroet.code, stderr: betroet.stderr }).toEqual({ code: 0, stderr: "" });
    } finally {
      await app.close();
    }
  });

  it("--server uses the rulesets the service has published", async () => {
    const db = await aabnPglite();
    const app = await buildApp({ db, statiskMappe: null, lukDb: true });
    try {
      const sek = await opretToken(db, { rolle: "sekretariat", driftsherre: null });
      const ud = await app.inject({ method: "POST", url: "/api/v1/regelsaet", headers: { authorization: `Bearer ${sek.token}`, "content-type": "application/json" }, payload: syd2027() });
      expect(ud.statusCode).toBe(201);
      await app.listen({ port: 0, host: "127.0.0.1" });
      const adr = app.server.address() as { port: number };
      const r = await cli("valider", skema, "--json", "--indsendt", "2026-11-01", "--server", `http://127.0.0.1:${adr.port}`);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
      const nede = await cli("valider", skema, "--server", "http://127.0.0.1:1");
      expect(nede.code).toBe(2);
      expect(nede.stderr).toContain("indberetningsservicen kunne ikke nås");
    } finally {
      await app.close();
    }
  });
});
