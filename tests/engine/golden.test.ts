import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  EngineError,
  efterregModel,
  efterregulering,
  fordel,
  MODEL_LINJER,
  takst,
  tilsynskategori,
  tilsynstakster,
  tilTal,
  type Afrunding,
} from "../../src/engine";
import { GOLDEN_DIR, type GoldenValue, goldenFiles, loadGolden, subGolden } from "../helpers/golden";

const num = (v: GoldenValue): number => v as number;
const opt = (v: GoldenValue | undefined): number | undefined => (v === null || v === undefined ? undefined : (v as number));
const column = (v: GoldenValue): (number | null)[] => (v as GoldenValue[][]).map((row) => row[0] as number | null);

describe("golden fixtures are copies of ../shared/fixtures", () => {
  const shared = join(__dirname, "..", "..", "..", "shared", "fixtures");
  const present = existsSync(shared);
  it(present ? "every shared fixture is identical to the project copy" : "(../shared absent: the project copies are used alone)", () => {
    expect(goldenFiles().length).toBeGreaterThanOrEqual(5);
    if (!present) return;
    for (const f of readdirSync(shared).filter((n) => n.endsWith(".json"))) {
      expect({ f, same: readFileSync(join(GOLDEN_DIR, f), "utf8") === readFileSync(join(shared, f), "utf8") }).toEqual({ f, same: true });
    }
  });
});

describe("TAKST golden cases through the engine", () => {
  const g = loadGolden("takst.json");
  it.each(g.cases.map((c) => [c.source ?? "", c] as const))("%s", (_s, c) => {
    const [grundlag, pladser, belaegning, dage, decimaler] = c.args;
    expect(tilTal(takst(num(grundlag!), num(pladser!), num(belaegning!), opt(dage), opt(decimaler)))).toBe(c.expect);
  });
  it.each(g.error_cases!.map((c) => [c.why ?? "", c] as const))("refuses: %s", (_w, c) => {
    const [grundlag, pladser, belaegning, dage, decimaler] = c.args;
    expect(() => takst(num(grundlag!), num(pladser!), num(belaegning!), opt(dage), opt(decimaler))).toThrow(EngineError);
  });
});

describe("EFTERREG golden cases through the engine", () => {
  const g = loadGolden("efterreg.json");
  it.each(g.cases.map((c) => [c.source ?? "", c] as const))("%s", (_s, c) => {
    const [resultat, budget, graense] = c.args;
    expect(tilTal(efterregulering(num(resultat!), num(budget!), opt(graense)))).toBe(c.expect);
  });
});

describe("EFTERREG.MODEL golden cases through the engine", () => {
  const g = loadGolden("efterreg-model.json");
  it.each(g.cases.map((c) => [c.source ?? "", c] as const))("%s", (_s, c) => {
    const [a1, a2, a3, a6] = c.args.map(num);
    const m = efterregModel(a1!, a2!, a3!, a6!);
    expect(MODEL_LINJER.map((k) => [k, tilTal(m[k])])).toEqual(c.expect);
  });
});

describe("OBJFIN golden cases through the engine", () => {
  const g = loadGolden("objfin.json");
  it.each(g.cases.map((c, i) => [`${i + 1}: ${c.source ?? ""}`, c] as const))("%s", (_s, c) => {
    const [beloeb, noegle, afrunding] = c.args;
    const keys = column(noegle!).map((k) => k ?? 0);
    const shares = fordel(num(beloeb!), keys, (afrunding as Afrunding | null) ?? "REST").map(tilTal);
    expect(shares.map((s) => [s])).toEqual(c.expect);
  });
  it.each(g.error_cases!.map((c) => [c.why ?? "", c] as const))("refuses: %s", (_w, c) => {
    const [beloeb, noegle] = c.args;
    expect(() => fordel(num(beloeb!), column(noegle!).map((k) => k ?? 0))).toThrow(EngineError);
  });
});

describe("TILSYNSTAKST and TILSYNSKATEGORI golden cases through the engine", () => {
  const g = loadGolden("tilsyn.json");
  it.each(g.cases.map((c) => [c.source ?? "", c] as const))("%s", (_s, c) => {
    const [behov, antal] = c.args;
    const counts = (antal as number[][]).flat();
    expect([tilsynstakster(num(behov!), counts).map(tilTal)]).toEqual(c.expect);
  });
  const k = subGolden(g, "TILSYNSKATEGORI");
  it.each(k.cases.map((c) => [c.args[0], c.expect] as const))("kategori for %p pladser is %p", (pladser, forventet) => {
    expect(tilsynskategori(num(pladser!))).toBe(forventet);
  });
  it.each(k.error_cases!.map((c) => [c.args[0]] as const))("kategori refuses %p pladser", (pladser) => {
    expect(() => tilsynskategori(num(pladser!))).toThrow(EngineError);
  });
});
