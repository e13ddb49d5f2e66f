import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RAEKKER, readmeTabel, tabelIReadme } from "../../bench/readme";

/**
 * Issue 16, "the first five minutes": what a newcomer reads and runs. The README's bench table is
 * what bench/readme.ts writes from bench/results.json (issue 27), the prose quotes the same
 * figures, and the project files carry what the README promises.
 */

const ROD = join(__dirname, "..", "..");
const laes = (f: string) => readFileSync(join(ROD, f), "utf8");
const README = laes("README.md");
const RESULTATER = JSON.parse(laes("bench/results.json")) as Record<string, unknown>;

/** 766 → "766", 0.098 → "0,098", 5.88 → "5,88" (how the Danish text writes them). */
const dansk = (n: number) => String(n).replace(".", ",");

describe("README and docs", () => {
  it("carry the bench table bench/readme.ts writes from the committed bench/results.json", () => {
    // A figure re-measured without regenerating the README (or edited by hand) fails here.
    expect(tabelIReadme(README)).toBe(readmeTabel(RESULTATER));
  });

  it("the bench table has a row for each figure the README has always shown", () => {
    const noegler = RAEKKER.flatMap((r) => [...(typeof r.noegle === "string" ? [r.noegle] : r.noegle), r.graense, r.forhold]);
    for (const n of ["overview", "overview_api"]) for (const k of ["1000", "10000", "full_year"]) expect(noegler).toContain(`${n}_${k}_ms`);
    for (const k of ["validate_one_ms", "validate_1000_files_s", "hostile_body_ms", "benchmark_4000_ms", "taskpane_bundle_gzip_bytes", "server.postgres.spread.accepted_per_s"]) expect(noegler).toContain(k);
  });

  it("quote the figures in bench/results.json in the prose", () => {
    const oversigt = RESULTATER.overview as { api_median_ms: number };
    expect(README).toContain(`**${dansk(RESULTATER.overview_1000_ms as number)} ms** at hente`);
    expect(README).toContain(`${dansk(oversigt.api_median_ms)} ms til API-svaret`);
    const takstskema = laes("docs/takstskema.md");
    expect(takstskema).toContain(`\`validate_one_ms\` = ${dansk(RESULTATER.validate_one_ms as number)} ms`);
    expect(takstskema).toContain(`\`validate_1000_files_s\` = ${dansk(RESULTATER.validate_1000_files_s as number)} s`);
  });

  it("say how to reset data/ and the certificates, and explain the npm ci warnings", () => {
    expect(README).toContain("rm -rf data");
    expect(README).toContain("~/.office-addin-dev-certs");
    expect(README).toContain("TLS_CERT=/sti/cert.pem TLS_KEY=/sti/key.pem npm start");
    for (const advarsel of ["EBADENGINE … cookie@2.0.2", "install-scripts", "optionalDependencies"]) expect(README).toContain(advarsel);
  });

  it("the documented udfyld example writes outside examples/", () => {
    // Lines that run udfyld with an output file (prose that only names the command has none).
    const linjer = [README, laes("docs/takstskema.md")].join("\n").split("\n").filter((l) => /takstskema udfyld\b.*--ud\s/.test(l));
    expect(linjer.length).toBeGreaterThan(0);
    for (const l of linjer) expect(/--ud\s+(\S+)/.exec(l)?.[1]).not.toMatch(/^examples\//);
  });
});

describe("project files", () => {
  const pakke = JSON.parse(laes("package.json")) as { scripts: Record<string, string>; optionalDependencies?: Record<string, string>; overrides?: Record<string, string> };

  it(".gitignore keeps the database and the example workbooks out of git", () => {
    const ignoreret = laes(".gitignore").split("\n");
    expect(ignoreret).toEqual(expect.arrayContaining(["data/", "skema.xlsx"]));
  });

  it("has Microsoft's conventional scripts, with office-addin-debugging optional", () => {
    expect(pakke.scripts).toMatchObject({
      sideload: expect.stringMatching(/^office-addin-debugging start dist\/manifest\.xml/),
      stop: expect.stringMatching(/^office-addin-debugging stop dist\/manifest\.xml/),
      validate: expect.stringMatching(/^office-addin-manifest validate /),
      watch: expect.stringMatching(/--watch/),
    });
    expect(Object.keys(pakke.optionalDependencies ?? {})).toEqual(["office-addin-debugging"]);
    expect(pakke.overrides?.["unrs-resolver"]).toBe("1.12.2");
    const laas = JSON.parse(laes("package-lock.json")) as { packages: Record<string, { optional?: boolean }> };
    expect(laas.packages["node_modules/office-addin-debugging"]?.optional).toBe(true);
  });
});
