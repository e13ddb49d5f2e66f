import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { laesTilsynsskema } from "../../src/cli/tilsyn";
import { OEST_2020, SYD_2018 } from "../tilsynsskema/saed";

// The tilsynsskema through the CLI: the template for a socialtilsyn's ruleset, a filled skema
// from a JSON body, and `valider` recognising the workbook by its ST_ names.
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tilsynsskema-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("takstskema skabelon --type tilsyn", () => {
  it("writes the tilsynsskema of TILSYN-SYD-2018 with its ST_ names and the ruleset's weights", async () => {
    const fil = join(dir, "skabelon.xlsx");
    const r = await cli("skabelon", "--type", "tilsyn", "--regelsaet", "TILSYN-SYD-2018", "--ud", fil);
    expect(r).toEqual({ code: 0, out: `Skrev tilsynsskemaet for TILSYN-SYD-2018 til ${fil}.\n`, err: "" });
    const v = (await laesTilsynsskema(readFileSync(fil)))!;
    expect(v.ST_Regelsaet).toBe("TILSYN-SYD-2018");
    expect(v.ST_Vaegte).toEqual([1, 1.2, 2, 3]);
    expect((v.ST_Noegle as unknown[]).length).toBeGreaterThanOrEqual(22);
  });
  it("refuses a takst ruleset and lists the socialtilsyn's", async () => {
    const r = await cli("skabelon", "--type", "tilsyn", "--regelsaet", "SYD-2018", "--ud", join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("Ukendt tilsynsregelsæt \"SYD-2018\". Kendte: TILSYN-NORD-2024, TILSYN-SYD-2016, TILSYN-SYD-2018, TILSYN-ØST-2020.");
  });
});

describe("takstskema udfyld and valider with a tilsynsskema", () => {
  it("Syd 2018 filled from JSON validates as godkendt", async () => {
    const json = join(dir, "syd.json");
    writeFileSync(json, JSON.stringify(SYD_2018));
    const fil = join(dir, "syd.xlsx");
    expect((await cli("udfyld", json, "--ud", fil)).code).toBe(0);
    const r = await cli("valider", fil);
    expect(r.out).toBe(
      "syd.xlsx: godkendt – 0 fejl, 0 advarsler\n" +
        "  Genberegnet: behov 52.371.000 kr., tilsynstakster 31.879 kr. / 38.254 kr. / 63.757 kr. / 95.636 kr., skærpet 3.188 kr. / 3.825 kr. / 6.376 kr. / 9.564 kr.\n" +
        "    objektiv finansiering 27.600.000 kr. på 22 kommuner, pr. plejefamilie 17.933 kr.\n",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse((await cli("valider", fil, "--json")).out) as { beregnet: { takster: number[]; ofIAlt: number } };
    expect(j.beregnet).toMatchObject({ takster: [31879, 38254, 63757, 95636], ofIAlt: 27_600_000 });
  });
  it("Øst 2020's printed −4,3 % gives ST005 with the cell, in text and in --json", async () => {
    const json = join(dir, "oest.json");
    writeFileSync(json, JSON.stringify(OEST_2020));
    const fil = join(dir, "oest.xlsx");
    expect((await cli("udfyld", json, "--ud", fil)).code).toBe(0);
    const tekst = await cli("valider", fil);
    expect(tekst.out).toMatch(/ST005 {2}Tilsynsskema!K\d+ {2}\(ST_UdviklingAngivet\) {2}Væsentlig ændring: angivet -4,3 %/);
    const j = JSON.parse((await cli("valider", fil, "--json")).out) as { ok: boolean; findings: { code: string }[] };
    expect(j.ok).toBe(true);
    expect(j.findings.map((f) => f.code)).toEqual(["ST005"]);
  });
  it("the empty template is refused with the mandatory ST_ fields named", async () => {
    const fil = join(dir, "tom.xlsx");
    await cli("skabelon", "--type", "tilsyn", "--regelsaet", "TILSYN-NORD-2024", "--ud", fil);
    const r = await cli("valider", fil);
    expect(r.code).toBe(1);
    expect(r.out).toContain("TS001  Tilsynsskema!D10  (ST_Socialtilsyn)  Socialtilsyn skal udfyldes.");
  });
});
