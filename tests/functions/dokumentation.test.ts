import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNKTIONER } from "../../src/functions/beskrivelser";
import { ROD } from "./dist";

// The Danish reference in README.md documents every function with the signature and example
// of the table that generates functions-da.json.
const readme = join(ROD, "README.md");
const tekst = existsSync(readme) ? readFileSync(readme, "utf8") : "";

describe("Danish function reference", () => {
  it("exists", () => {
    expect(tekst).not.toBe("");
  });
  it.each(FUNKTIONER.map((f) => [f.id, f] as const))("documents SOC.%s with its signature and example", (_id, f) => {
    const args = f.parametre.map((p) => (p.optional ? `[${p.da.navn}]` : p.da.navn)).join("; ");
    expect(tekst).toContain(`### SOC.${f.id}(${args})`);
    expect(tekst).toContain(f.eksempel.formel);
  });
  it("explains sideloading in Excel desktop and on the web", () => {
    expect(tekst).toContain("npm run sideload` (`office-addin-debugging start\n   dist/manifest.xml desktop`)");
    expect(tekst).toContain("Upload My Add-in");
  });
});
