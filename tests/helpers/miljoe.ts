import { existsSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * Suites that need a real program (Chromium, PostgreSQL, LibreOffice, Gnumeric) run when it is
 * there. Outside CI a missing program skips only that suite, with a loud message; with
 * REQUIRE_BROWSER=1 / REQUIRE_POSTGRES=1 / REQUIRE_LIBREOFFICE=1 / REQUIRE_GNUMERIC=1 (set by
 * .ci/run) a missing
 * program fails the suite instead, so CI can never skip silently.
 */

function which(cmd: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function chromiumSti(): string | undefined {
  const env = process.env.CHROMIUM_PATH;
  if (env && existsSync(env)) return env;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? which("chromium");
}

/** Folder with initdb and postgres (Debian: /usr/lib/postgresql/<v>/bin). */
export function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort().reverse()) {
      const bin = join(root, v, "bin");
      if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres"))) return bin;
    }
  }
  return undefined;
}

export function sofficeSti(): string | undefined {
  return which("soffice") ?? which("libreoffice");
}

/** Gnumeric's command-line converter (Debian package gnumeric). */
export function ssconvertSti(): string | undefined {
  return which("ssconvert");
}

type Describe = typeof describe;

export function suiteHvis(program: string, tilgaengelig: boolean, kravVariabel: string): Describe {
  if (tilgaengelig) return describe;
  const besked = `${program} findes ikke på denne maskine.`;
  if (process.env[kravVariabel] === "1") {
    throw new Error(`${besked} ${kravVariabel}=1 kræver den: installér den (se .ci/run).`);
  }
  console.warn(`\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!!! ${besked} Suiten springes over.\n!!! Installér den (se .ci/run) for at køre den.\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`);
  return describe.skip;
}

export const medBrowser = (): Describe => suiteHvis("Chromium", chromiumSti() !== undefined, "REQUIRE_BROWSER");
export const medPostgres = (): Describe => suiteHvis("PostgreSQL (initdb/postgres)", postgresBin() !== undefined, "REQUIRE_POSTGRES");
export const medLibreOffice = (): Describe => suiteHvis("LibreOffice (soffice)", sofficeSti() !== undefined, "REQUIRE_LIBREOFFICE");
export const medGnumeric = (): Describe => suiteHvis("Gnumeric (ssconvert)", ssconvertSti() !== undefined, "REQUIRE_GNUMERIC");
