import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

// The layering of docs/architecture.md: engine ← regelsaet ← takstskema ← kontrakt ← adapters,
// and adapters never import each other. kontrakt is the service's API contract (zod schemas),
// shared by the server that answers and the clients (pane, CLI) that parse the answers.
const SRC = join(__dirname, "..", "src");
const LAG: Record<string, string[]> = {
  engine: [],
  regelsaet: ["engine"],
  takstskema: ["engine", "regelsaet"],
  kontrakt: ["engine", "regelsaet", "takstskema"],
  // The socialtilsyn's skema, a sibling of the takstskema that reuses its helpers.
  tilsynsskema: ["engine", "regelsaet", "takstskema"],
  functions: ["engine", "regelsaet", "takstskema"],
  taskpane: ["engine", "regelsaet", "takstskema", "tilsynsskema", "kontrakt"],
  cli: ["engine", "regelsaet", "takstskema", "tilsynsskema", "kontrakt"],
  server: ["engine", "regelsaet", "takstskema", "tilsynsskema", "kontrakt"],
};
const EKSTERNE_I_MOTOR = new Set(["decimal.js"]);

function filer(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filer(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from\s+|import\s*\(|require\()\s*["']([^"']+)["']/g)].map((m) => m[1]!);
}

describe("import direction", () => {
  const alle = filer(SRC);
  it("every source file lives in a known layer", () => {
    for (const f of alle) {
      const lag = relative(SRC, f).split(/[\\/]/)[0]!;
      expect({ f: relative(SRC, f), known: lag in LAG }).toEqual({ f: relative(SRC, f), known: true });
    }
  });
  it("each layer imports only the layers below it", () => {
    const brud: string[] = [];
    for (const f of alle) {
      const lag = relative(SRC, f).split(/[\\/]/)[0]!;
      for (const spec of imports(f)) {
        if (spec.startsWith(".")) {
          const target = relative(SRC, join(f, "..", spec)).split(/[\\/]/)[0]!;
          if (target !== lag && target in LAG && !LAG[lag]!.includes(target)) brud.push(`${relative(SRC, f)} → ${spec}`);
          if (!(target in LAG) && target !== lag && !target.startsWith("..")) brud.push(`${relative(SRC, f)} → ${spec} (ukendt lag)`);
          if (target.startsWith("..") && lag !== "regelsaet") brud.push(`${relative(SRC, f)} → ${spec} (uden for src)`);
        } else if (lag === "engine" && !spec.startsWith("node:") && !EKSTERNE_I_MOTOR.has(spec)) {
          brud.push(`${relative(SRC, f)} → ${spec} (motoren er ren)`);
        } else if (lag === "engine" && spec.startsWith("node:")) {
          brud.push(`${relative(SRC, f)} → ${spec} (ingen I/O i motoren)`);
        }
      }
    }
    expect(brud).toEqual([]);
  });
  it("the check itself catches a forbidden import", () => {
    // Guard against a regex that silently matches nothing.
    expect(imports(join(SRC, "engine", "takst.ts"))).toContain("./decimal");
  });
});
