import { CELLER, skabelonLayout, takstskemaSchema } from "../../src/takstskema";
import { REGISTER, kort, rundtur, valider } from "./hjaelp";

/**
 * The grouping fields of product.md §2 (issue 21): TS_Ledelsesomraade, TS_Maalgruppekategori,
 * TS_SaerligOpmaerksomhed, TS_Aarsvaerk. Expected values are the contract's, copied by hand.
 */
const MAALGRUPPER = "Autisme,Forsorgshjem,Krisecentre,Misbrug,Erhvervet hjerneskade,Socialpsykiatri,Udsatte børn og unge,Udviklingshæmmede,Aflastning,Sikrede institutioner";
const GRUPPERING = ["TS_Ledelsesomraade", "TS_Maalgruppekategori", "TS_SaerligOpmaerksomhed", "TS_Aarsvaerk"] as const;

describe("the grouping fields in the template (one layout for the pane and the CLI)", () => {
  const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
  const validering = (navn: string) => {
    const ref = layout.navne.find((n) => n.navn === navn)!.ref;
    return layout.valideringer.find((v) => ref.endsWith(`$${v.adresse.replace(/(\d+)/, "$$$1")}`));
  };

  it("each is a workbook-level name on one input cell, after every older field (no cell of an older template moves)", () => {
    for (const navn of GRUPPERING) expect(layout.navne.find((n) => n.navn === navn)?.ref).toMatch(/^Takstskema!\$D\$\d+$/);
    const raekke = (c: string) => Number(/\d+$/.exec(c)![0]);
    expect(raekke(CELLER.TS_Ledelsesomraade)).toBeGreaterThan(raekke(CELLER.TS_AendringBegrundelse));
    expect(layout.celler.find((c) => c.felt === "TS_Aarsvaerk")?.laast).toBe(false);
  });

  it("målgruppekategori offers the socialtilsyn's 10 groups, særlig opmærksomhed ja/nej, årsværk a positive number", () => {
    expect(validering("TS_Maalgruppekategori")).toMatchObject({ type: "list", formler: [`"${MAALGRUPPER}"`] });
    expect(validering("TS_SaerligOpmaerksomhed")).toMatchObject({ type: "list", formler: ['"ja,nej"'] });
    expect(validering("TS_Aarsvaerk")).toMatchObject({ type: "decimal", operator: "greaterThan", formler: [0] });
    expect(validering("TS_Ledelsesomraade")?.prompt).toMatch(/ledelsesområde/i);
  });

  it("a filled CLI file reads back with the four values and no finding", async () => {
    const r = await rundtur({ TS_Ledelsesomraade: "Center for Handicap", TS_Maalgruppekategori: "Udviklingshæmmede", TS_SaerligOpmaerksomhed: "nej", TS_Aarsvaerk: 23.5 });
    expect(r.findings).toEqual([]);
    expect([r.vaerdier.TS_Ledelsesomraade, r.vaerdier.TS_Maalgruppekategori, r.vaerdier.TS_SaerligOpmaerksomhed, r.vaerdier.TS_Aarsvaerk]).toEqual(["Center for Handicap", "Udviklingshæmmede", "nej", 23.5]);
  });

  it("a workbook made before the fields (no such names) is read without a TS005 and with the fields empty", async () => {
    const r = await rundtur({}, {}, undefined, (wb) => {
      for (const navn of GRUPPERING) {
        wb.definedNames.remove(CELLER[navn].replace(/!([A-Z]+)(\d+)$/, "!$$$1$$$2"), navn);
        // What an older sheet held there is another field's, never read as this one's.
        wb.getWorksheet("Takstskema")!.getCell(CELLER[navn].split("!")[1]!).value = "ja";
      }
    });
    expect(r.findings).toEqual([]);
    for (const navn of GRUPPERING) expect(r.vaerdier[navn]).toBeUndefined();
  });
});

describe("the grouping fields in the JSON body and the validator", () => {
  it("a choice is matched without regard to case and kept in the list's spelling", () => {
    const p = takstskemaSchema.parse({ TS_Maalgruppekategori: "udviklingshæmmede", TS_SaerligOpmaerksomhed: "JA" });
    expect(p).toMatchObject({ TS_Maalgruppekategori: "Udviklingshæmmede", TS_SaerligOpmaerksomhed: "ja" });
  });

  it("a målgruppe outside the 10, særlig opmærksomhed other than ja/nej and a negative or text årsværk are TS002 on their cells", () => {
    const r = valider({ TS_Maalgruppekategori: "Ældre", TS_SaerligOpmaerksomhed: "måske", TS_Aarsvaerk: -3 });
    expect(kort(r.findings)).toEqual([
      `TS002 error TS_Maalgruppekategori ${CELLER.TS_Maalgruppekategori}`,
      `TS002 error TS_SaerligOpmaerksomhed ${CELLER.TS_SaerligOpmaerksomhed}`,
      `TS002 error TS_Aarsvaerk ${CELLER.TS_Aarsvaerk}`,
    ]);
    expect(r.findings[0]!.message).toContain("Sikrede institutioner");
    expect(valider({ TS_Aarsvaerk: "mange" }).findings.map((f) => f.code)).toEqual(["TS002"]);
  });

  it("all four are optional: the example without them has no finding", () => {
    expect(valider().findings).toEqual([]);
  });
});

describe("særlig opmærksomhed leaves the tilbud out of TS012 and TS050 (Bilag 19, 004:5565-5567)", () => {
  // The example's belægning is 96 %: against 85 % and 89 % (average 87 %) TS012 warns; a sidste
  // års takst of 1.900 gives +5,7 % real (regler.test.ts): TS050 warns.
  const afvigende = { TS_BelaegningAarMinus2: 0.85, TS_BelaegningAarMinus1: 0.89, TS_SidsteAarsTakst: 1900 };

  it("without the flag (blank or nej) both warn", () => {
    expect(valider(afvigende).findings.map((f) => f.code)).toEqual(["TS012", "TS050"]);
    expect(valider({ ...afvigende, TS_SaerligOpmaerksomhed: "nej" }).findings.map((f) => f.code)).toEqual(["TS012", "TS050"]);
  });

  it("with ja neither warns, and both are listed as skipped with the reason", () => {
    const r = valider({ ...afvigende, TS_SaerligOpmaerksomhed: "ja" });
    expect(r.findings).toEqual([]);
    expect(r.skipped.map((s) => [s.code, s.field])).toEqual([["TS012", "TS_SaerligOpmaerksomhed"], ["TS050", "TS_SaerligOpmaerksomhed"]]);
    expect(r.skipped[0]!.message).toMatch(/særlig opmærksomhed/);
  });

  it("the other checks still run for a flagged tilbud (TS020: overhead above the cap)", () => {
    expect(valider({ TS_SaerligOpmaerksomhed: "ja", TS_OverheadSats: 0.045 }).findings.map((f) => f.code)).toContain("TS020");
  });
});
