import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sokkelSti } from "../../src/server/admin/sokkel";
import { type Server, koer, startServer } from "./barn";
import { gyldigtSkema } from "./fixtures";
import { ledigPort } from "./pgCluster";

/**
 * Issue 14: `takst-server token opret|liste|tilbagekald` against a running server on the
 * embedded database (PGlite can be opened by one process only), through the server's admin
 * socket in the data folder. The real server runs as a child process on loopback.
 */
describe("token commands while the server runs on PGlite", () => {
  let data: string;
  let server: Server | undefined;
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), "takst-adm-"));
    server = await startServer({ port: await ledigPort(), data });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  });

  const indsend = (token: string) =>
    fetch(`${server!.base}/api/v1/indberetninger`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(gyldigtSkema()),
    });

  it("listens on a socket only its owner may use (0600)", () => {
    const s = statSync(sokkelSti(data));
    expect(s.isSocket()).toBe(true);
    expect(s.mode & 0o777).toBe(0o600);
  });

  it("creates a token the server accepts at once, lists it, and a revoked token is refused at once", async () => {
    const opret = await koer(["token", "opret", "--driftsherre", "Odense Kommune", "--beskrivelse", "Fristugen", "--data", data]);
    expect({ kode: opret.kode, fejl: opret.fejl }).toEqual({ kode: 0, fejl: "" });
    const token = /^(tks_[0-9a-f]{12}_[A-Za-z0-9_-]{43})$/m.exec(opret.ud)?.[1];
    expect(token).toBeDefined();
    const id = token!.slice(4, 16);

    expect((await indsend(token!)).status).toBe(201);

    const liste = await koer(["token", "liste", "--json", "--data", data]);
    expect(liste.kode).toBe(0);
    const raekker = JSON.parse(liste.ud) as { id: string; driftsherre: string; beskrivelse: string; tilbagekaldt: string | null }[];
    expect(raekker).toEqual([expect.objectContaining({ id, driftsherre: "Odense Kommune", beskrivelse: "Fristugen", tilbagekaldt: null })]);
    expect(liste.ud).not.toContain(token!.slice(17));

    const tilbage = await koer(["token", "tilbagekald", id, "--data", data]);
    expect({ kode: tilbage.kode, ud: tilbage.ud.trim() }).toEqual({ kode: 0, ud: `Token ${id} er tilbagekaldt.` });
    expect((await indsend(token!)).status).toBe(401);
    expect((await koer(["token", "tilbagekald", id, "--data", data])).kode).toBe(1);

    const tekst = await koer(["token", "liste", "--data", data]);
    expect(tekst.ud).toMatch(new RegExp(`^${id} .*tilbagekaldt \\d{4}-`, "m"));
    // The server is still the one holding the data folder, and still answers.
    expect((await fetch(`${server!.base}/api/v1/health`)).status).toBe(200);
  });

  it("passes the server's refusal back as the command's error", async () => {
    const r = await koer(["token", "opret", "--data", data]);
    expect(r.kode).toBe(1);
    expect(r.fejl).toMatch(/kræver --driftsherre/);
  });

  it("after the server stops, the commands open the database directly again", async () => {
    await server!.stop();
    server = undefined;
    const r = await koer(["token", "liste", "--json", "--data", data]);
    expect(r.kode).toBe(0);
    expect((JSON.parse(r.ud) as unknown[]).length).toBe(1);
  });
});
