import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { medPostgres, postgresBin } from "../helpers/miljoe";
import { type Server, koer, startServer } from "./barn";
import { type PgCluster, ledigPort, startPgCluster } from "./pgCluster";
import { type RundturTokens, fyld, lavRundturTokens, oejebliksbillede, sammenlignelig } from "./sikkerhedskopiRundtur";

/**
 * Issue 26, acceptance 2 on PostgreSQL: the documented pg_dump --format=custom while the real
 * server runs, pg_restore into a new, empty database, a new server on it, and every answer and
 * export identical (the .xlsx files part by part with the time of the request normalised).
 */
medPostgres()("pg_dump and pg_restore round trip on PostgreSQL (issue 26)", () => {
  let klynge: PgCluster;
  let rod: string;
  let server: Server | undefined;
  let t: RundturTokens;
  beforeAll(async () => {
    klynge = await startPgCluster();
    rod = mkdtempSync(join(tmpdir(), "takst-pgkopi-"));
  });
  afterAll(async () => {
    await server?.stop();
    await klynge?.stop();
    rmSync(rod, { recursive: true, force: true });
  });

  it("a dump taken while the server runs restores into a new database with every submission, dialogue post, ruleset, publication and export identical", async () => {
    const env = { DATABASE_URL: klynge.databaseUrl };
    const daglig = join(rod, "daglig");
    server = await startServer({ port: await ledigPort(), databaseUrl: klynge.databaseUrl, env: { BACKUP_DIR: daglig, PG_DUMP: join(postgresBin()!, "pg_dump") } });
    t = await lavRundturTokens([], env);
    await fyld(server.base, t);
    const foer = await oejebliksbillede(server.base, t);
    const tokensFoer = (await koer(["token", "liste", "--json"], env)).ud;
    expect(JSON.parse(foer["/api/v1/indberetninger"]!.toString()).indberetninger).toHaveLength(4);

    // BACKUP_DIR on PostgreSQL: the server ran pg_dump at start (no copy in the folder yet), an archive pg_restore reads.
    let dump: string | undefined;
    for (let i = 0; i < 600 && !dump; i++) {
      dump = existsSync(daglig) ? readdirSync(daglig).find((f) => /^takst-server-\d{8}-\d{6}\.dump$/.test(f)) : undefined;
      if (!dump) await new Promise((r) => setTimeout(r, 100));
    }
    expect(execFileSync(join(postgresBin()!, "pg_restore"), ["--list", join(daglig, dump!)], { encoding: "utf8" })).toContain("TABLE public indberetninger");

    // The commands of docs/drift.md, »Sikkerhedskopi og gendannelse«.
    const bin = postgresBin()!;
    const fil = join(rod, "takster.dump");
    execFileSync(join(bin, "pg_dump"), ["--format=custom", `--file=${fil}`, klynge.databaseUrl], { stdio: "pipe" });
    await server.stop();
    const ny = await klynge.nyDatabase("takster_gendannet");
    execFileSync(join(bin, "pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${ny}`, fil], { stdio: "pipe" });

    server = await startServer({ port: await ledigPort(), databaseUrl: ny });
    const efter = await oejebliksbillede(server.base, t);
    expect(Object.keys(efter)).toEqual(Object.keys(foer));
    for (const url of Object.keys(foer)) expect({ url, svar: await sammenlignelig(url, efter[url]!) }).toEqual({ url, svar: await sammenlignelig(url, foer[url]!) });
    expect((await koer(["token", "liste", "--json"], { DATABASE_URL: ny })).ud).toBe(tokensFoer);
  });

  it("takst-server backup and restore on PostgreSQL point to pg_dump and pg_restore instead of doing something else", async () => {
    for (const args of [["backup", "--ud", join(rod, "x")], ["restore", join(rod, "x")]]) {
      const r = await koer(args, { DATABASE_URL: klynge.databaseUrl });
      expect(r.kode).toBe(1);
      expect(r.fejl).toContain("pg_dump --format=custom og gendannes med pg_restore");
    }
  });
});
