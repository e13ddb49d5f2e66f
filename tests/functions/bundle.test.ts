import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { StubFejl } from "./customFunctionsStub";
import { FUNKTIONER } from "../../src/functions/beskrivelser";
import { DIST, kraevBygget, sideScripts } from "./dist";

// The built dist/functions.js in a bare JavaScript context (no Node, no require), as Excel's
// runtime loads it: it registers every id, and the rulesets are embedded at build time.

describe("dist/functions.js", () => {
  it("registers every SOC id and computes with the embedded rulesets", () => {
    kraevBygget("functions.js");
    const associeret = new Map<string, (...a: unknown[]) => unknown>();
    const CustomFunctions = {
      Error: StubFejl,
      ErrorCode: { invalidValue: "#VALUE!" },
      associate: (id: string, fn: (...a: unknown[]) => unknown) => associeret.set(id, fn),
    };
    runInNewContext(readFileSync(join(DIST, "functions.js"), "utf8"), { CustomFunctions });
    expect([...associeret.keys()].sort()).toEqual(FUNKTIONER.map((f) => f.id).sort());
    expect(associeret.get("TAKST")!(10_400_000, 30, 0.95, 365, 0)).toBe(1000);
    expect(associeret.get("TJMPENSION")!(1_000_000, null, "SYD-2018")).toBe(203_000);
    let fejl: unknown;
    try {
      associeret.get("OVERHEAD")!(1_000_000, 0.045, "SYD-2018");
    } catch (e) {
      fejl = e;
    }
    expect(fejl).toBeInstanceOf(StubFejl);
    expect((fejl as StubFejl).message).toContain("sats 4,5 % er over loftet 4,4 % i SYD-2018");
  });
});

// The shared-runtime page (taskpane.html) loads functions.js and then taskpane.js, which takes
// the modules functions.js already has from it (webpack dependOn): each library is downloaded,
// parsed and run once. A text each library always carries identifies it in a minified bundle.
const BIBLIOTEKER = { "decimal.js": "[DecimalError]", zod: "invalid_union" } as const;

describe("dist/taskpane.html (the shared runtime)", () => {
  it("loads the office.js guard, then functions.js before taskpane.js, and each library in exactly one of its scripts", () => {
    kraevBygget("taskpane.html", "functions.js", "taskpane.js");
    const scripts = sideScripts(readFileSync(join(DIST, "taskpane.html"), "utf8"));
    // officevagt.js (the office.js-blocked message) runs first and carries no library.
    expect(scripts).toEqual(["officevagt.js", "functions.js", "taskpane.js"]);
    const indhold = scripts.map((s) => readFileSync(join(DIST, s), "utf8"));
    for (const [navn, kendetegn] of Object.entries(BIBLIOTEKER)) {
      const med = scripts.filter((_, i) => indhold[i]!.includes(kendetegn));
      expect({ navn, med }).toEqual({ navn, med: ["functions.js"] });
    }
  });
});
