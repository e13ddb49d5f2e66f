import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Issue 16, "the first five minutes": what a newcomer reads and runs. The README and docs quote
 * the figures of bench/results.json, and the project files carry what the README promises.
 */

const ROD = join(__dirname, "..", "..");
const laes = (f: string) => readFileSync(join(ROD, f), "utf8");
const README = laes("README.md");
const RESULTATER = JSON.parse(laes("bench/results.json")) as Record<string, unknown>;

/** 766 → "766", 0.098 → "0,098", 5.88 → "5,88" (how the Danish text writes them). */
const dansk = (n: number) => String(n).replace(".", ",");

describe("README and docs", () => {
  it("quote the figures in bench/results.json", () => {
    const oversigt = RESULTATER.overview as { api_median_ms: number };
    expect(README).toContain(`**${dansk(RESULTATER.overview_1000_ms as number)} ms** at hente`);
    expect(README).toContain(`${dansk(oversigt.api_median_ms)} ms til API-svaret`);
    // Issue 15: both overview sizes with the API alone beside them, in the performance table.
    const tusind = (n: unknown) => (n as number).toLocaleString("da-DK");
    for (const n of [1000, 10000]) {
      expect(README).toContain(`| ${tusind(RESULTATER[`overview_${n}_ms`])} ms / ${tusind(RESULTATER[`overview_api_${n}_ms`])} ms / ${dansk(RESULTATER[`overview_${n}_ratio_to_api`] as number)} |`);
    }
    // Issue 24: the benchmark page with 4,000 takstniveauer, its API and the overview in the same run.
    expect(README).toContain(`| ${tusind(RESULTATER.benchmark_4000_ms)} ms / ${tusind(RESULTATER.benchmark_api_4000_ms)} ms / ${tusind(RESULTATER.overview_1000_same_run_ms)} ms (${dansk(RESULTATER.benchmark_4000_ratio_to_overview_1000 as number)}× oversigten;`);
    expect(README).toContain(`| \`validate_one_ms\` (median, ét skema) | ${dansk(RESULTATER.validate_one_ms as number)} ms |`);
    // The cell may go on with the ExcelJS-only comparison ("2,95 s / 12,74 s …").
    expect(README).toMatch(new RegExp(`\\| ${dansk(RESULTATER.validate_1000_files_s as number)} s[ |]`));
    expect(README).toContain(`| \`hostile_body_ms\` (median servertid for det fjendtlige skema på 121 KB) | ${dansk(RESULTATER.hostile_body_ms as number)} ms |`);
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
