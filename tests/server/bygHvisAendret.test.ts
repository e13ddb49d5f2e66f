import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { midlertidigMappe } from "../helpers/mappe";

type Beslutning = { byg: boolean; aftryk: string; grund: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { beslutning, skrivStempler } = require(join(__dirname, "..", "..", "scripts", "bygHvisAendret.js")) as {
  beslutning: (rod: string, env?: NodeJS.ProcessEnv) => Beslutning;
  skrivStempler: (rod: string, aftryk: string) => void;
};

/**
 * Issue 27, start-up: `npm start` (scripts/bygHvisAendret.js) builds on a fresh clone and after a
 * change to what the build reads, and otherwise reuses build/ and dist/.
 */
describe("npm start builds only when the build's inputs changed", () => {
  const rod = midlertidigMappe("byg-hvis-aendret-");
  const skriv = (sti: string, indhold: string) => {
    mkdirSync(join(rod, sti, ".."), { recursive: true });
    writeFileSync(join(rod, sti), indhold);
  };
  const env = { PORT: "", ADDIN_URL: "" };
  /** As `npm start` does after a build that succeeded. */
  const byg = () => skrivStempler(rod, beslutning(rod, env).aftryk);

  beforeAll(() => {
    skriv("src/server/app.ts", "export const a = 1;\n");
    skriv("package.json", '{ "name": "x" }\n');
    skriv("package-lock.json", "{}\n");
    skriv("webpack.config.js", "module.exports = {};\n");
  });

  it("builds on a fresh clone (no build/ or dist/), then reuses them", () => {
    expect(beslutning(rod, env)).toMatchObject({ byg: true, grund: "der er ikke bygget før (build/ eller dist/ mangler)" });
    byg();
    expect(beslutning(rod, env)).toMatchObject({ byg: false, grund: "kildefilerne er uændrede siden sidste byg" });
  });

  it("builds after a source file changes, and not after it is changed back (content, not mtime)", () => {
    skriv("src/server/app.ts", "export const a = 2;\n");
    expect(beslutning(rod, env)).toMatchObject({ byg: true, grund: "kildefilerne, pakkerne eller PORT/ADDIN_URL er ændret siden sidste byg" });
    skriv("src/server/app.ts", "export const a = 1;\n");
    expect(beslutning(rod, env).byg).toBe(false);
  });

  it("builds after a new source file, a changed package-lock.json or webpack.config.js", () => {
    for (const [sti, indhold] of [["src/cli/ny.ts", "export {};\n"], ["package-lock.json", '{ "v": 2 }\n'], ["webpack.config.js", "module.exports = { mode: 1 };\n"]] as const) {
      skriv(sti, indhold);
      expect({ sti, byg: beslutning(rod, env).byg }).toEqual({ sti, byg: true });
      byg();
      expect({ sti, byg: beslutning(rod, env).byg }).toEqual({ sti, byg: false });
    }
  });

  it("builds when PORT or ADDIN_URL differ from the last build (the manifest follows them)", () => {
    expect(beslutning(rod, { ...env, PORT: "4300" }).byg).toBe(true);
    expect(beslutning(rod, { ...env, ADDIN_URL: "https://takster.example.dk/" }).byg).toBe(true);
    expect(beslutning(rod, env).byg).toBe(false);
  });

  it("builds when dist/ is gone (e.g. removed by hand)", () => {
    rmSync(join(rod, "dist"), { recursive: true, force: true });
    expect(beslutning(rod, env)).toMatchObject({ byg: true, grund: "der er ikke bygget før (build/ eller dist/ mangler)" });
  });
});
