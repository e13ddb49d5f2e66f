import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";
import { buildApp } from "../../src/server/app";
import { aabnPglite } from "../../src/server/db";
import { regelsaetKommando } from "../../src/server/regelsaet/cli";
import { midlertidigMappe } from "../helpers/mappe";
import { syd2027 } from "../helpers/regelsaet";
import { koer, startServer } from "./barn";
import { ledigPort } from "./pgCluster";

describe("npx takst-server regelsaet udgiv", () => {
  const data = midlertidigMappe("takst-regelsaet-");
  const fil = (navn: string, indhold: unknown) => {
    const sti = join(data, navn);
    writeFileSync(sti, JSON.stringify(indhold));
    return sti;
  };

  it("publishes into the embedded database with the server stopped; a bad file exits 2 with the parameter named", async () => {
    const daarlig = syd2027();
    delete (daarlig.parametre as Record<string, { kilde?: string }>).renteLoft!.kilde;
    const r1 = await koer(["regelsaet", "udgiv", fil("daarlig.json", daarlig), "--data", data]);
    expect({ kode: r1.kode, ud: r1.ud }).toEqual({ kode: 2, ud: expect.stringContaining("parametre.renteLoft.kilde: mangler") });

    const r2 = await koer(["regelsaet", "udgiv", fil("syd-2027.json", syd2027()), "--data", data]);
    expect({ kode: r2.kode, ud: r2.ud, fejl: r2.fejl }).toMatchObject({ kode: 0, ud: expect.stringContaining("Udgivet: SYD-2027 version 1") });
    const igen = await koer(["regelsaet", "udgiv", join(data, "syd-2027.json"), "--data", data]);
    expect({ kode: igen.kode, ud: igen.ud }).toEqual({ kode: 0, ud: expect.stringContaining("allerede udgivet") });
  });

  it("a missing file is said in Danish, not as Node's ENOENT; a takstaar other than the id's is not published", async () => {
    const mangler = await koer(["regelsaet", "udgiv", join(data, "findes-ikke.json"), "--data", data]);
    expect({ kode: mangler.kode, ud: mangler.ud }).toEqual({ kode: 2, ud: expect.stringContaining(`Filen ${join(data, "findes-ikke.json")} findes ikke.`) });
    expect(mangler.ud).not.toMatch(/ENOENT|no such file/);
    const aar = await koer(["regelsaet", "udgiv", fil("forkert-aar.json", syd2027({ id: "SYD-2028", version: 1 })), "--data", data]);
    expect({ kode: aar.kode, ud: aar.ud }).toEqual({ kode: 2, ud: expect.stringContaining("takstaar: takstaar er 2027, men id'et SYD-2028 siger 2028") });
  });

  it("--server against a certificate the machine does not trust says so and how to trust it, not \"fetch failed\"", async () => {
    const certs = join(data, "certs");
    mkdirSync(certs);
    await generateCertificates(join(certs, "ca.crt"), join(certs, "localhost.crt"), join(certs, "localhost.key"));
    const app = await buildApp({ db: await aabnPglite(), statiskMappe: null, lukDb: true, https: { key: readFileSync(join(certs, "localhost.key")), cert: readFileSync(join(certs, "localhost.crt")) } });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const server = `https://localhost:${(app.server.address() as { port: number }).port}`;
      const ingenDb = () => Promise.reject(new Error("--server bruger ikke databasen"));
      await expect(regelsaetKommando(["udgiv", fil("tls.json", syd2027())], { server, token: "tks_test" }, ingenDb, () => undefined)).rejects.toThrow(
        `${server} bruger et certifikat, som denne maskine ikke stoler på`,
      );
      await expect(regelsaetKommando(["udgiv", join(data, "tls.json")], { server, token: "tks_test" }, ingenDb, () => undefined)).rejects.toThrow(
        "NODE_EXTRA_CA_CERTS=~/.office-addin-dev-certs/ca.crt npx takst-server regelsaet udgiv",
      );
    } finally {
      await app.close();
    }
  });

  it("publishes a correction through a running service with the secretariat's token (--server --token)", async () => {
    const sek = await koer(["token", "opret", "--rolle", "sekretariat", "--data", data]);
    const token = /^(tks_\S+)$/m.exec(sek.ud)?.[1];
    expect(token).toBeDefined();
    const server = await startServer({ port: await ledigPort(), data });
    try {
      // The running server holds the embedded database: the direct route is refused, the service route works.
      const direkte = await koer(["regelsaet", "udgiv", fil("v2.json", syd2027({ version: 2, overheadLoft: 0.048 })), "--data", data]);
      expect(direkte.kode).toBe(1);
      expect(direkte.fejl).toMatch(/bruges af en anden proces/);
      const r = await koer(["regelsaet", "udgiv", join(data, "v2.json"), "--server", server.base, "--token", token!]);
      expect({ kode: r.kode, ud: r.ud, fejl: r.fejl }).toMatchObject({ kode: 0, ud: expect.stringContaining("Udgivet: SYD-2027 version 2") });
      const hentet = (await (await fetch(`${server.base}/api/v1/regelsaet/SYD-2027`)).json()) as { version: number; parametre: { overheadLoft: { vaerdi: number } } };
      expect([hentet.version, hentet.parametre.overheadLoft.vaerdi]).toEqual([2, 0.048]);
    } finally {
      await server.stop();
    }
  });

  it("issue 26: a version that drops every parameter exits 2 with the list, and is published with --fjern", async () => {
    const v1 = syd2027({ id: "SYD-2029", takstaar: 2029 });
    expect((await koer(["regelsaet", "udgiv", fil("syd-2029.json", v1), "--data", data])).kode).toBe(0);
    const tom = fil("syd-2029-v2.json", { ...syd2027({ id: "SYD-2029", takstaar: 2029, version: 2 }), parametre: {} });
    const r = await koer(["regelsaet", "udgiv", tom, "--data", data]);
    expect({ kode: r.kode, ud: r.ud }).toEqual({ kode: 2, ud: expect.stringContaining("udgiv igen med --fjern") });
    expect(r.ud).toContain("parametre.overheadLoft: fjernes (var 0,05)");
    const bekraeftet = await koer(["regelsaet", "udgiv", tom, "--fjern", "--data", data]);
    expect({ kode: bekraeftet.kode, ud: bekraeftet.ud }).toEqual({ kode: 0, ud: expect.stringContaining("Udgivet: SYD-2029 version 2") });
  });
});
