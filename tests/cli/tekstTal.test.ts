import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { validerFil } from "../../src/cli/valider";
import { CELLER, celleFor, validerSkema } from "../../src/takstskema";
import { eksempel, I_TIDE, REGISTER } from "../takstskema/hjaelp";

/**
 * Issue 20: amounts typed or pasted as text ("14.250.000", "1.995 kr."). The sheet's formulas
 * give #VALUE! with them, so in a workbook the CLI's reader reports TS002 on the cell; a JSON
 * body (the service) may still carry them.
 */

let mappe: string;
beforeAll(() => (mappe = mkdtempSync(join(tmpdir(), "teksttal-"))));
afterAll(() => rmSync(mappe, { recursive: true, force: true }));

async function fil(navn: string, aendr: Record<string, string | number>): Promise<string> {
  const wb = await udfyldtArbejdsbog({ ...eksempel(), ...aendr }, REGISTER);
  const sti = join(mappe, navn);
  writeFileSync(sti, Buffer.from(await wb.xlsx.writeBuffer()));
  return sti;
}

describe("numbers stored as text in a workbook (CLI .xlsx reader)", () => {
  it("a number stored as text in a cell the formulas use is TS002 that names the cell and says the sheet cannot compute with it", async () => {
    // The example's sidste års takst is the first row of the Ydelser table (G41).
    const r = await validerFil(await fil("tekst.xlsx", { TS_Loen: "14.250.000", TS_SidsteAarsTakst: "1.995 kr." }), REGISTER, I_TIDE);
    const ts002 = r.resultat!.findings.filter((f) => f.code === "TS002");
    expect(ts002.map((f) => [f.field, f.cell])).toEqual([
      ["TS_Loen", CELLER.TS_Loen],
      ["TS_Ydelser_SidsteAarsTakst", celleFor("TS_Ydelser_SidsteAarsTakst", 0)],
    ]);
    const loen = CELLER.TS_Loen.split("!")[1]!;
    expect(ts002[0]!.message).toBe(
      `Feltet "1. Løn" har forkert type: cellen ${loen} indeholder "14.250.000" som tekst, ikke som tal, og arkets formler kan ikke regne med tekst (de giver #VÆRDI!). Skriv tallet uden punktummer og "kr.", eller tryk "Lav om til tal" i opgaveruden.`,
    );
    expect(ts002[1]!.message).toMatch(/^"Sidste års takst" i række 1 af Ydelser har forkert type: cellen G41 indeholder "1\.995 kr\." som tekst/);
    expect(r.resultat!.ok).toBe(false);
    // What the pane's one-click fix writes: the numbers the texts mean.
    expect(r.resultat!.tekstTal).toEqual([
      { felt: "TS_Loen", celle: CELLER.TS_Loen, tekst: "14.250.000", tal: 14_250_000 },
      { felt: "TS_Ydelser_SidsteAarsTakst", raekke: 0, celle: celleFor("TS_Ydelser_SidsteAarsTakst", 0), tekst: "1.995 kr.", tal: 1995 },
    ]);
  });

  it("text in a cell no formula uses is read as before (pensionsgivende løn, takstår)", async () => {
    const r = await validerFil(await fil("ubrugt.xlsx", { TS_PensionsgivendeLoen: "800.000", TS_Takstaar: "2018" }), REGISTER, I_TIDE);
    expect(r.resultat!.findings.filter((f) => f.code === "TS002")).toEqual([]);
    expect(r.resultat!.vaerdier.TS_PensionsgivendeLoen).toBe(800_000);
    expect(r.resultat!.tekstTal).toEqual([]);
  });

  it("the same skema as numbers has no TS002", async () => {
    const r = await validerFil(await fil("tal.xlsx", {}), REGISTER, I_TIDE);
    expect(r.resultat!.findings.filter((f) => f.code === "TS002")).toEqual([]);
  });
});

describe("a JSON body may still carry amounts as text (the service)", () => {
  it('"650.000" in a JSON body is read as 650.000 kr., without TS002', () => {
    const r = validerSkema({ ...eksempel(), TS_Administration: "650.000", TS_SidsteAarsTakst: "1.995 kr." }, { register: REGISTER, indsendt: I_TIDE });
    expect(r.findings.filter((f) => f.code === "TS002")).toEqual([]);
    expect(r.vaerdier.TS_Administration).toBe(650_000);
    expect(r.tekstTal).toBeUndefined();
  });
});
