import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { laesKopifil } from "../../src/server/sikkerhedskopi/fil";
import { type Server, koer, startServer } from "./barn";
import { ledigPort } from "./pgCluster";
import { type RundturTokens, fyld, lavRundturTokens, oejebliksbillede, sammenlignelig } from "./sikkerhedskopiRundtur";

/**
 * Issue 26, acceptance 2 on the embedded database: `takst-server backup` while the real server
 * runs (through its admin socket), `takst-server restore` into a fresh data folder, a new server
 * on it, and every answer and export byte-identical, the .xlsx files part by part with the time
 * of the request normalised (sammenlignelig). No other field needed it: every figure, date and id
 * in the answers is stored.
 */
describe("takst-server backup and restore on PGlite (issue 26)", () => {
  let rod: string;
  let server: Server | undefined;
  let t: RundturTokens;
  let foer: Record<string, Buffer>;
  beforeAll(async () => {
    rod = mkdtempSync(join(tmpdir(), "takst-kopi-"));
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(rod, { recursive: true, force: true });
  });

  it("a backup taken while the server runs restores into a fresh folder with every submission, dialogue post, ruleset, publication and export byte-identical", async () => {
    const a = join(rod, "a");
    const daglig = join(rod, "daglig");
    server = await startServer({ port: await ledigPort(), data: a, env: { BACKUP_DIR: daglig, BACKUP_KEEP: "2" } });
    t = await lavRundturTokens(["--data", a]);
    await fyld(server.base, t);
    foer = await oejebliksbillede(server.base, t);
    const tokensFoer = (await koer(["token", "liste", "--json", "--data", a])).ud;

    const fil = join(rod, "kopi.sikkerhedskopi");
    const b = await koer(["backup", "--ud", fil, "--data", a]);
    expect({ kode: b.kode, fejl: b.fejl }).toEqual({ kode: 0, fejl: "" });
    expect(b.ud).toMatch(/^Sikkerhedskopi skrevet: .*kopi\.sikkerhedskopi \(\d+ rækker i \d+ tabeller/);
    // BACKUP_DIR: with no copy in the folder the server takes one at start (written whole under its final name).
    let dagens: string | undefined;
    for (let i = 0; i < 600 && !dagens; i++) {
      dagens = existsSync(daglig) ? readdirSync(daglig).find((f) => f.endsWith(".sikkerhedskopi")) : undefined;
      if (!dagens) await new Promise((r) => setTimeout(r, 100));
    }
    expect(laesKopifil(join(daglig, dagens!)).hoved.antal.indberetninger).toBeGreaterThanOrEqual(0);
    // Through the socket: the server holds the folder's lock, so the CLI could not have opened the database itself.
    // As confidential as the database itself.
    expect(statSync(fil).mode & 0o777).toBe(0o600);

    // Restoring over the running server's folder is refused, and the server goes on serving.
    const optaget = await koer(["restore", fil, "--data", a]);
    expect(optaget.kode).toBe(1);
    expect(optaget.fejl).toMatch(/Stop takst-server før gendannelsen .*Intet er ændret/);
    expect((await fetch(`${server.base}/api/v1/health`)).status).toBe(200);
    await server.stop();

    const ny = join(rod, "ny");
    const g = await koer(["restore", fil, "--data", ny]);
    expect({ kode: g.kode, fejl: g.fejl }).toEqual({ kode: 0, fejl: "" });
    expect(g.ud).toMatch(/Gendannet fra .*kopi\.sikkerhedskopi/);
    expect(statSync(ny).mode & 0o777).toBe(0o700);
    server = await startServer({ port: await ledigPort(), data: ny });
    const efter = await oejebliksbillede(server.base, t);
    expect(Object.keys(efter)).toEqual(Object.keys(foer));
    for (const url of Object.keys(foer)) expect({ url, svar: await sammenlignelig(url, efter[url]!) }).toEqual({ url, svar: await sammenlignelig(url, foer[url]!) });
    expect((await koer(["token", "liste", "--json", "--data", ny])).ud).toBe(tokensFoer);
  });

  it("the content is what was put in: four submissions of which one a second version and one withdrawn, the dialogue, the published ruleset and year", () => {
    const liste = JSON.parse(foer["/api/v1/indberetninger"]!.toString()).indberetninger as { version: number; status: string; tilbud: string }[];
    expect(liste.map((i) => [i.tilbud, i.version, i.status]).sort()).toEqual([
      ["Bofællesskabet Søhuset", 1, expect.any(String)],
      ["Bofællesskabet Søhuset", 2, "godkendt"],
      ["Botilbuddet Åkanden", 1, "modtaget"],
      ["Forkert tilbud", 1, "tilbagetrukket"],
    ].sort());
    const dialog = Object.entries(foer).filter(([u]) => /indberetninger\/[^/]+$/.test(u)).flatMap(([, b]) => JSON.parse(b.toString()).dialog as { tekst: string | null }[]);
    expect(dialog.map((d) => d.tekst)).toEqual(expect.arrayContaining(["Hvorfor er lønnen steget 1,5 %?", "Ny overenskomst – se bilag.", "Tak, godkendt.", "Indsendt for det forkerte tilbud"]));
    expect(JSON.parse(foer["/api/v1/regelsaet"]!.toString()).regelsaet.map((r: { id: string }) => r.id)).toContain("SYD-2027");
    expect(JSON.parse(foer["/api/v1/offentliggoerelse"]!.toString()).offentliggjorte).toHaveLength(1);
    expect(foer["/api/v1/takstoversigt.xlsx?takstaar=2018"]!.subarray(0, 2).toString()).toBe("PK");
  });

  it("restoring over a stopped server's database keeps the old one beside it, renamed", async () => {
    await server?.stop();
    const ny = join(rod, "ny");
    const r = await koer(["restore", join(rod, "kopi.sikkerhedskopi"), "--data", ny]);
    expect({ kode: r.kode, fejl: r.fejl }).toEqual({ kode: 0, fejl: "" });
    const gemt = readdirSync(ny).filter((f) => f.startsWith("pglite.foer-gendannelse-"));
    expect(gemt).toHaveLength(1);
    expect(r.ud).toContain(`gemt i ${join(ny, gemt[0]!)}`);
    expect(existsSync(join(ny, gemt[0]!, "PG_VERSION"))).toBe(true);
    expect(existsSync(join(ny, "pglite", "PG_VERSION"))).toBe(true);
  });
});
