import JSZip from "jszip";
import { laesSkemaBuffer } from "../../src/cli/laes";
import { udfyldtArbejdsbog } from "../../src/cli/main";
import { xlsxBytes } from "../../src/cli/skabelon";
import { CELLER, normaliserSocFormel, socKald, validerSkema } from "../../src/takstskema";
import { eksempel, FORVENTET, I_TIDE, REGISTER } from "../takstskema/hjaelp";

// Issue 13: a workbook saved by Excel may store SOC calls with a prefix; the CLI reads them all.
// Each form below is written by hand as Excel stores it (see src/takstskema/socFormel.ts).
const FORMER: [string, string][] = [
  ["_xldudf_", "_xldudf_SOC_TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["[1]!", "[1]!SOC.TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["[1]!_xldudf_", "[1]!_xldudf_SOC_TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["SOC.xla!", "SOC.xla!SOC.TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["'sti\\SOC takster.xlam'!", "'C:\\Tilføjelser\\SOC takster.xlam'!SOC.TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["_xll.", "_xll.SOC.TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
  ["små bogstaver", "soc.takst(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)"],
];
const KANONISK = "SOC.TAKST(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage)";

describe("normaliserSocFormel", () => {
  it.each(FORMER)("%s", (_navn, formel) => {
    expect(normaliserSocFormel(formel)).toBe(KANONISK);
    expect(socKald(formel)).toEqual(["SOC.TAKST"]);
  });

  it("keeps the rest of a formula and handles dotted names, nesting and implicit intersection", () => {
    expect(normaliserSocFormel('IF(TS_SidsteAarsTakst="","",_xldudf_SOC_TAKSTUDVIKLING(TS_Takst,TS_SidsteAarsTakst,TS_PLPct))')).toBe(
      'IF(TS_SidsteAarsTakst="","",SOC.TAKSTUDVIKLING(TS_Takst,TS_SidsteAarsTakst,TS_PLPct))',
    );
    expect(normaliserSocFormel("[2]!_xldudf_SOC_EFTERREG_MODEL(A1,A2,A3,A6)")).toBe("SOC.EFTERREG.MODEL(A1,A2,A3,A6)");
    expect(normaliserSocFormel("=@SOC.OVERHEAD(B1,B2)+1")).toBe("=SOC.OVERHEAD(B1,B2)+1");
    expect(socKald("SUM(A1:A3)+_xldudf_SOC_OVERHEAD(1,0.05)*SOC.xlam!SOC.TAKST(1,2,3)")).toEqual(["SOC.OVERHEAD", "SOC.TAKST"]);
  });

  it("leaves formulas without SOC calls alone, also names that only contain SOC", () => {
    for (const f of ["SUM(TS_Loen,TS_Udvikling)-TS_Indtaegter", "MYSOC.TAKST(1)", "'Ark 2'!A1*2", "XSOC_TAKST(1)"]) {
      expect(normaliserSocFormel(f)).toBe(f);
      expect(socKald(f)).toEqual([]);
    }
  });
});

describe("the CLI reads a workbook with each prefix", () => {
  let original: Buffer;
  beforeAll(async () => {
    original = await xlsxBytes(await udfyldtArbejdsbog(eksempel(), REGISTER));
  });

  /**
   * The filled example with TS_Overhead's stored formula replaced by a SOC call, as Excel would
   * have saved it (the same prefix forms, with OVERHEAD's arguments): the template computes with
   * native formulas since issue 13, but a skema made from an older template, or where the user
   * typed SOC.OVERHEAD, holds the call.
   */
  async function medFormel(takstFormel: string): Promise<Buffer> {
    const formel = takstFormel.replace(/takst\(TS_Takstgrundlag,TS_Pladser,TS_Belaegning,TS_Dage\)/i, "OVERHEAD(TS_OverheadGrundlag,TS_OverheadSats,TS_Regelsaet)");
    const zip = await JSZip.loadAsync(original);
    const ark = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const xml = formel.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
    const ny = ark.replace(new RegExp(`(<c r="${CELLER.TS_Overhead.split("!")[1]}"[^>]*><f>)[^<]*(</f>)`), (_h, a: string, b: string) => `${a}${xml}${b}`);
    expect(ny.includes(`>${xml}</f>`)).toBe(true);
    zip.file("xl/worksheets/sheet1.xml", ny);
    return zip.generateAsync({ type: "nodebuffer" });
  }

  it.each(FORMER)("%s", async (_navn, formel) => {
    const laest = await laesSkemaBuffer(await medFormel(formel), "skema.xlsx");
    expect(laest.formler.TS_Overhead).toBe("SOC.OVERHEAD(TS_OverheadGrundlag,TS_OverheadSats,TS_Regelsaet)");
    const res = validerSkema(laest.vaerdier, { register: REGISTER, indsendt: I_TIDE });
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(res.beregnet!.takst).toBe(FORVENTET.takst);
  });
});
