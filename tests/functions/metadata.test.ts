import { readFileSync } from "node:fs";
import { join } from "node:path";
import "./customFunctionsStub";
import * as funktioner from "../../src/functions/functions";
import { FUNKTIONER } from "../../src/functions/beskrivelser";
import { lavMetadata, type Metadata, METADATA_FILER } from "../../src/functions/metadata";
import { DIST, kraevBygget, ROD } from "./dist";

// Acceptance 3: functions.json and functions-da.json describe the same functions, and the
// exports, the JSDoc ids and the metadata agree with each other.

const KILDE = readFileSync(join(ROD, "src", "functions", "functions.ts"), "utf8");

/** JSDoc blocks of functions.ts: the @customfunction id, the @param names and the export name. */
function jsdoc(): { id: string; params: string[]; eksport: string }[] {
  return [...KILDE.matchAll(/\/\*\*([\s\S]*?)\*\/\s*export function (\w+)/g)]
    .filter((m) => m[1]!.includes("@customfunction"))
    .map((m) => ({
      id: /@customfunction\s+([A-Z][A-Z0-9.]*)/.exec(m[1]!)![1]!,
      params: [...m[1]!.matchAll(/@param\s+(\[?\w+\]?)/g)].map((p) => p[1]!),
      eksport: m[2]!,
    }));
}

function struktur(m: Metadata) {
  return m.functions.map((f) => ({
    id: f.id,
    name: f.name,
    result: f.result,
    parameters: f.parameters.map((p) => ({ type: p.type, dimensionality: p.dimensionality, optional: p.optional ?? false })),
  }));
}

describe("metadata from the one table", () => {
  const en = lavMetadata("en");
  const da = lavMetadata("da");

  it("English and Danish have the same ids, parameters and types", () => {
    expect(struktur(da)).toEqual(struktur(en));
  });

  it("the Danish file is Danish and the English English", () => {
    const takstDa = da.functions.find((f) => f.id === "TAKST")!;
    const takstEn = en.functions.find((f) => f.id === "TAKST")!;
    expect(takstDa.parameters.map((p) => p.name)).toEqual(["takstgrundlag", "pladser", "belaegning", "dage", "decimaler"]);
    expect(takstEn.parameters.map((p) => p.name)).toEqual(["rateBasis", "places", "occupancy", "days", "decimals"]);
    for (const f of da.functions) for (const p of f.parameters) expect(p.description).not.toBe(en.functions.find((x) => x.id === f.id)!.parameters[f.parameters.indexOf(p)]!.description);
  });

  it("has the fixed ids of product.md §1, upper case, unique", () => {
    const ids = en.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["TAKST", "OVERHEAD", "EFTERREG", "EFTERREG.MODEL", "OBJFIN", "TILSYNSKATEGORI", "TILSYNSTAKST", "AFSKRIVNING", "FORRENTNING", "BELAEGNING", "PLREG", "TAKSTUDVIKLING", "TJMPENSION", "TAKSTSTRUKTUR"]));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9_.]{2,}$/);
  });

  it("parameter names are valid and optional parameters come last", () => {
    for (const m of [en, da]) {
      for (const f of m.functions) {
        const optional = f.parameters.map((p) => p.optional === true);
        expect({ id: f.id, order: optional }).toEqual({ id: f.id, order: [...optional].sort((a, b) => Number(a) - Number(b)) });
        for (const p of f.parameters) expect(p.name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      }
    }
  });

  it("every exported function has metadata and vice versa", () => {
    const eksporter = Object.entries(funktioner).filter(([, v]) => typeof v === "function").map(([k]) => k).sort();
    expect(eksporter).toEqual(FUNKTIONER.map((f) => f.eksport).sort());
  });

  it("the JSDoc @customfunction ids and @param names match the table", () => {
    const docs = jsdoc();
    expect(docs.map((d) => d.id).sort()).toEqual(FUNKTIONER.map((f) => f.id).sort());
    for (const f of FUNKTIONER) {
      const d = docs.find((x) => x.id === f.id)!;
      expect({ id: f.id, eksport: d.eksport }).toEqual({ id: f.id, eksport: f.eksport });
      expect({ id: f.id, params: d.params }).toEqual({ id: f.id, params: f.parametre.map((p) => (p.optional ? `[${p.da.navn}]` : p.da.navn)) });
    }
  });

  it("each adapter takes the table's required parameters (optional ones default to null)", () => {
    for (const f of FUNKTIONER) {
      const fn = (funktioner as unknown as Record<string, (...a: unknown[]) => unknown>)[f.eksport]!;
      expect({ id: f.id, kraevede: fn.length }).toEqual({ id: f.id, kraevede: f.parametre.filter((p) => !p.optional).length });
    }
  });
});

describe("generated files in dist/", () => {
  it("functions.json and functions-da.json are what the table generates", () => {
    kraevBygget(METADATA_FILER.en, METADATA_FILER.da);
    const en = JSON.parse(readFileSync(join(DIST, METADATA_FILER.en), "utf8")) as Metadata;
    const da = JSON.parse(readFileSync(join(DIST, METADATA_FILER.da), "utf8")) as Metadata;
    expect(en).toEqual(lavMetadata("en"));
    expect(da).toEqual(lavMetadata("da"));
    expect(struktur(da)).toEqual(struktur(en));
  });
});
