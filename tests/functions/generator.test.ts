import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIST, kraevBygget, ROD } from "./dist";

/**
 * Issue 16: Microsoft's own generator (custom-functions-metadata, as in Microsoft's template) run
 * on functions.ts must read what our table-generated metadata says: the same ids, parameter
 * names (the Danish ones, which are the TypeScript names), dimensionality and optional flags.
 * A JSDoc or signature that drifts from beskrivelser.ts fails here.
 */

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  result: { type?: string; dimensionality?: string };
  parameters: Param[];
}

/** The generator leaves out defaults (scalar, not optional); ours writes them. */
const form = (f: Fn) => ({
  id: f.id,
  resultat: f.result.dimensionality ?? "scalar",
  parametre: f.parameters.map((p) => `${p.name}: ${p.dimensionality ?? "scalar"}${p.optional ? " (valgfri)" : ""}`),
});

describe("Microsoft's custom-functions-metadata on src/functions/functions.ts", () => {
  let genereret: Fn[];
  beforeAll(() => {
    const mappe = mkdtempSync(join(tmpdir(), "cf-metadata-"));
    try {
      const ud = join(mappe, "functions.json");
      const bin = join(ROD, "node_modules", ".bin", "custom-functions-metadata");
      // It prints "Errors found:" and exits non-zero when a type does not map (as it did for EFTERREG.MODEL).
      execFileSync(bin, ["generate", join(ROD, "src", "functions", "functions.ts"), ud], { cwd: ROD, encoding: "utf8", stdio: "pipe" });
      genereret = (JSON.parse(readFileSync(ud, "utf8")) as { functions: Fn[] }).functions;
    } finally {
      rmSync(mappe, { recursive: true, force: true });
    }
  });

  it("reads the same ids, parameter names, dimensionality and optional flags as our functions.json", () => {
    kraevBygget("functions.json", "functions-da.json");
    const en = (JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as { functions: Fn[] }).functions;
    const da = (JSON.parse(readFileSync(join(DIST, "functions-da.json"), "utf8")) as { functions: Fn[] }).functions;
    // functions.json carries English parameter names; the Danish file the names used in functions.ts.
    expect(en.map((f) => f.parameters.map((p) => `${p.dimensionality}${p.optional ? "?" : ""}`))).toEqual(da.map((f) => f.parameters.map((p) => `${p.dimensionality}${p.optional ? "?" : ""}`)));
    expect(genereret.map(form)).toEqual(da.map(form));
    expect(genereret.map((f) => f.id)).toEqual(en.map((f) => f.id));
  });

  it("sees the matrix parameters and results that a scalar reading would break", () => {
    const hent = (id: string) => form(genereret.find((f) => f.id === id)!);
    expect(hent("OBJFIN").parametre).toEqual(["beloeb: scalar", "noegle: matrix", "afrunding: scalar (valgfri)"]);
    expect(hent("TILSYNSTAKST").parametre).toEqual(["finansieringsbehov: scalar", "antal: matrix", "vaegte: matrix (valgfri)", "andel: scalar (valgfri)"]);
    expect(["EFTERREG.MODEL", "OBJFIN", "TILSYNSTAKST"].map((id) => hent(id).resultat)).toEqual(["matrix", "matrix", "matrix"]);
  });
});
