import { ARKNAVN, CELLER, celleFor, FARVER, FELTER, fraFilformel, KOLONNE_OMRAADER, skabelonLayout, takstskemaSchema, tilFilformel, YDELSE_HJAELP, YDELSE_KOLONNER } from "../../src/takstskema";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { felt, type FeltDefinition } from "../../src/takstskema/felter";
import { REGISTER } from "./hjaelp";

// product.md §2, copied by hand: every required defined name (issue 12: the single takst names
// TS_Ydelse, TS_Takst, TS_Basistakst, TS_Servicetakst, TS_SidsteAarsTakst and TS_Takstudvikling
// became the Ydelser columns; TS_Borgerrettet and TS_Basisgrundlag are new).
const PAKRAEVET = `TS_Regelsaet TS_Takstaar TS_Driftsherre TS_Tilbud TS_TilbudsportalID TS_Lovgrundlag TS_Maalgruppe
TS_Kategori TS_Kontaktperson TS_Email TS_UdarbejdetAf TS_GodkendtAf TS_Dato TS_Pladser TS_Belaegning TS_BelaegningAarMinus2 TS_BelaegningAarMinus1
TS_BelaegningBegrundelse TS_Dage TS_Takstenhed TS_Loen TS_Udvikling TS_Administration TS_Indtaegter
TS_Tjenestemandspension TS_TjmDelingsaftaleKorrektion TS_Borgerrettet TS_OverheadSats TS_OverheadGrundlag TS_Overhead TS_Tilsyn TS_Ejendom TS_Afskrivninger
TS_Forrentning TS_Rentesats TS_Regulering TS_ReguleringPulje TS_Oevrige TS_Takstgrundlag TS_Basisgrundlag TS_Belaegningsdage
TS_PLPct TS_UdviklingBegrundelse TS_A1 TS_A2 TS_A3 TS_A6 TS_RegBudget TS_Kvittering TS_AendringBegrundelse
TS_AendringArt TS_AendringVedtaget TS_AendringIkrafttraedelse
TS_Ledelsesomraade TS_Maalgruppekategori TS_SaerligOpmaerksomhed TS_Aarsvaerk`.split(/\s+/);
const KOLONNER = `TS_Ydelser_Navn TS_Ydelser_Pladser TS_Ydelser_Belaegning TS_Ydelser_Ressource TS_Ydelser_SidsteAarsTakst
TS_Ydelser_Basistakst TS_Ydelser_Servicetakst TS_Ydelser_Takst TS_Ydelser_Takstudvikling`.split(/\s+/);

describe("the field table carries number formats, caps and data validation (issue 28): layout.ts names no field", () => {
  it("layout.ts has no field-name special case (no TS_ name in its source)", () => {
    const kilde = readFileSync(join(__dirname, "..", "..", "src", "takstskema", "layout.ts"), "utf8");
    expect(kilde.match(/"TS_\w+"/g) ?? []).toEqual([]);
  });
  it("every value cell's number format, and every percentage validation's cap, is the field table's", () => {
    for (const id of REGISTER.ids()) {
      const r = REGISTER.hent(id);
      const layout = skabelonLayout(r);
      for (const c of layout.celler.filter((x) => x.felt)) {
        const f = felt(c.felt!)!;
        if (f.talformat) expect([id, c.felt, c.numFmt]).toEqual([id, c.felt, f.talformat]);
      }
      for (const f of [...FELTER, ...YDELSE_KOLONNER] as FeltDefinition[]) {
        if (!f.loft || !f.plausibel) continue;
        const v = layout.valideringer.find((x) => layout.celler.some((c) => c.felt === f.navn && c.adresse === x.adresse))!;
        const cap = r.parametre[f.loft.parameter]?.vaerdi as number | undefined;
        expect([id, f.navn, v.formler[1]]).toEqual([id, f.navn, cap === undefined ? f.plausibel.max : Math.min(cap, f.plausibel.max)]);
      }
    }
    // The figures the table gives (hand-copied): SYD-2018's overhead cap 4,4 % and interest cap 1,47 %.
    const syd = skabelonLayout(REGISTER.hent("SYD-2018"));
    const v = (navn: "TS_OverheadSats" | "TS_Rentesats") => syd.valideringer.find((x) => x.adresse === CELLER[navn].split("!")[1])!;
    expect([v("TS_OverheadSats").formler, v("TS_Rentesats").formler]).toEqual([[0, 0.044], [0, 0.0147]]);
    expect(syd.celler.find((c) => c.felt === "TS_OverheadSats")!.numFmt).toBe("0.00%");
  });
});

describe("the field table", () => {
  it("covers every defined name of product.md §2, each once", () => {
    const navne = FELTER.map((f) => f.navn);
    for (const n of PAKRAEVET) expect(navne).toContain(n);
    expect(new Set(navne).size).toBe(navne.length);
    expect(FELTER.filter((f) => !PAKRAEVET.includes(f.navn)).every((f) => "ekstra" in f && f.ekstra)).toBe(true);
    expect(YDELSE_KOLONNER.map((k) => k.navn)).toEqual(KOLONNER);
    for (const gammel of ["TS_Ydelse", "TS_Takst", "TS_Basistakst", "TS_Servicetakst", "TS_SidsteAarsTakst", "TS_Takstudvikling"]) expect(navne).not.toContain(gammel);
  });
  it("the regulering help says it is -A7 and can be positive with an overskud when more is genbevilget (Bilag 18 example 2, 004:5387-5389)", () => {
    const hjaelp = FELTER.find((f) => f.navn === "TS_Regulering")!.hjaelp;
    expect(hjaelp).toContain("regulering = -A7");
    expect(hjaelp).toContain("Også et overskud kan give en positiv regulering, når der genbevilges mere end overskuddet");
    expect(hjaelp).not.toContain("Negativ ved overskud");
  });
  it("has a Danish label and help text for every field; computed fields have formulas", () => {
    for (const f of FELTER) {
      expect(f.etiket.length).toBeGreaterThan(0);
      expect(f.hjaelp.length).toBeGreaterThan(5);
      expect(f.beregnet).toBe("formel" in f && typeof f.formel === "string");
    }
  });
  it("the zod schema parses a raw record and reports bad fields by name", () => {
    const ok = takstskemaSchema.safeParse({ TS_Loen: "1.234.567,50", TS_Pladser: 24, TS_Tilbud: { richText: [{ text: "A" }] } });
    expect(ok.success && ok.data).toMatchObject({ TS_Loen: 1_234_567.5, TS_Pladser: 24, TS_Tilbud: "A" });
    const fejl = takstskemaSchema.safeParse({ TS_Loen: "#VALUE!", TS_Pladser: "1.5" });
    expect(fejl.success).toBe(false);
    expect(fejl.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["TS_Loen", "TS_Pladser"]);
  });
});

describe("the layout (pure data)", () => {
  const layout = skabelonLayout(REGISTER.hent("SYD-2018"));
  it("names every field on its own cell of the sheet", () => {
    expect(layout.navne.map((n) => n.navn)).toEqual([...FELTER.map((f) => f.navn), ...KOLONNER]);
    const refs = layout.navne.map((n) => n.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const n of layout.navne) expect(n.ref.replace(/\$/g, "")).toBe(celleFor(n.navn));
    expect(CELLER.TS_Regelsaet.startsWith(`${ARKNAVN}!`)).toBe(true);
  });
  it("marks mandatory inputs yellow, optional orange, computed grey; only inputs unlocked", () => {
    for (const f of FELTER) {
      const c = layout.celler.find((x) => x.felt === f.navn)!;
      if (f.rolle === "input") {
        expect(c.laast).toBe(false);
        expect(c.fyld).toBe(f.obligatorisk ? FARVER.obligatorisk : FARVER.valgfri);
      } else {
        expect(c.laast).toBe(true);
      }
      if (f.beregnet) expect(c.fyld).toBe(FARVER.beregnet);
    }
    expect(FARVER.obligatorisk).toBe("FFFFFF99");
    expect(FARVER.valgfri).toBe("FFFFCC99");
    // 5 input columns × 10 rows in the Ydelser table.
    expect(layout.celler.filter((c) => !c.laast).length).toBe(FELTER.filter((f) => f.rolle === "input").length + 5 * 10);
  });
  it("the borgerrettede costs are mandatory (yellow) only where the ruleset requires the split (MIDT-2021 only expects it)", () => {
    const midt = skabelonLayout(REGISTER.hent("MIDT-2021"));
    expect(midt.celler.find((c) => c.felt === "TS_Borgerrettet")!.fyld).toBe(FARVER.valgfri);
    expect(layout.celler.find((c) => c.felt === "TS_Borgerrettet")!.fyld).toBe(FARVER.valgfri);
  });
  it("the Ydelser table: 10 rows under Kapacitet, the first ydelse mandatory, one vertical range per column", () => {
    // Rows 41-50: below the three Stamdata rows TS_UdarbejdetAf, TS_GodkendtAf, TS_Dato (issue 13a).
    expect(KOLONNE_OMRAADER.TS_Ydelser_Navn).toBe("Takstskema!B41:B50");
    expect(KOLONNE_OMRAADER.TS_Ydelser_Pladser).toBe("Takstskema!D41:D50");
    expect(KOLONNE_OMRAADER.TS_Ydelser_Takstudvikling).toBe("Takstskema!K41:K50");
    expect(celleFor("TS_Ydelser_Pladser", 2)).toBe("Takstskema!D43"); // the pladser of the third ydelse
    expect(layout.navne.find((n) => n.navn === "TS_Ydelser_Pladser")!.ref).toBe("Takstskema!$D$41:$D$50");
    const fyld = (felt: string, raekke: number) => layout.celler.find((c) => c.felt === felt && c.raekke === raekke)!.fyld;
    expect(fyld("TS_Ydelser_Navn", 0)).toBe(FARVER.obligatorisk);
    expect(fyld("TS_Ydelser_Navn", 1)).toBe(FARVER.valgfri);
    expect(fyld("TS_Ydelser_Ressource", 0)).toBe(FARVER.valgfri);
    expect(fyld("TS_Ydelser_Takst", 4)).toBe(FARVER.beregnet);
    // Kapacitet comes before the table, Omkostninger after it.
    expect(Number(CELLER.TS_Takstenhed.replace(/\D/g, ""))).toBeLessThan(41);
    expect(Number(CELLER.TS_Loen.replace(/\D/g, ""))).toBeGreaterThan(50);
  });
  it("explains when to differentiate (Bilag 14, 004:4269-4271) and what is borgerrettet (000:1217-1226)", () => {
    // 004:4270-4271 "Det vil typisk være forskelle på 150.000 til 175.000 kr. på botilbud og på 30.000 til 50.000 kr. på dagtilbud."
    expect(YDELSE_HJAELP[0]).toContain("150.000-175.000 kr. (botilbud)");
    expect(YDELSE_HJAELP[0]).toContain("30.000-50.000 kr. (dagtilbud)");
    // 000:1223-1226 "servicetaksten skal omfatte de omkostningselementer, som er direkte borgerettede (løn til plejepersonale mv.)"
    expect(YDELSE_HJAELP[1]).toContain("løn til plejepersonale");
    expect(FELTER.find((f) => f.navn === "TS_Borgerrettet")!.hjaelp).toMatch(/plejepersonale/);
    const tekster = layout.celler.map((c) => c.vaerdi);
    for (const linje of YDELSE_HJAELP) expect(tekster).toContain(linje);
  });
  it("gives every input a Danish input message within Excel's limits", () => {
    const inputs = FELTER.filter((f) => f.rolle === "input");
    expect(layout.valideringer.length).toBe(inputs.length + 5 * 10);
    for (const v of layout.valideringer) {
      expect(v.promptTitel.length).toBeLessThanOrEqual(32);
      expect(v.fejlTitel.length).toBeLessThanOrEqual(32);
      expect(v.prompt.length).toBeLessThanOrEqual(255);
      expect(v.prompt).toMatch(/(Skal udfyldes|Kan udelades)\.$/);
    }
    const sats = layout.valideringer.find((v) => v.adresse === CELLER.TS_OverheadSats.split("!")[1])!;
    expect(sats.formler).toEqual([0, 0.044]);
    expect(sats.prompt).toContain("4,4 %");
  });
  it("computes every cell with a native formula, so a skema shows its values without the add-in (product.md §2)", () => {
    const formel = (n: string) => layout.celler.find((c) => c.felt === n)!.formel;
    const raekke = (n: string, i: number) => layout.celler.find((c) => c.felt === n && c.raekke === i)!;
    // Row 3 of the table is sheet row 43: its own pladser (D43), ressource (F43), parts (H43, I43), takst (J43), last year's (G43).
    expect(raekke("TS_Ydelser_Basistakst", 2).formel).toBe('IF(D43="","",ROUND(TS_Basisgrundlag/TS_Belaegningsdage,0))');
    expect(raekke("TS_Ydelser_Servicetakst", 2).formel).toBe(
      'IF(D43="","",ROUND(SUM(TS_Borgerrettet)*IF(F43="",1,F43)/(SUMPRODUCT(TS_Ydelser_Pladser,TS_Ydelser_Belaegning,TS_Ydelser_Ressource+(TS_Ydelser_Ressource=""))*TS_Dage),0))',
    );
    expect(raekke("TS_Ydelser_Takst", 2).formel).toBe('IF(D43="","",H43+I43)');
    expect(raekke("TS_Ydelser_Takstudvikling", 2).formel).toBe('IF(OR(J43="",G43="",TS_PLPct=""),"",J43/(G43*(1+TS_PLPct))-1)');
    expect(formel("TS_Pladser")).toBe("SUM(TS_Ydelser_Pladser)");
    expect(formel("TS_Overhead")).toBe("ROUND(TS_OverheadGrundlag*TS_OverheadSats,0)");
    expect(formel("TS_Takstgrundlag")).toMatch(/^SUM\(/);
    // No SOC call and no spilling formula is left in the template.
    expect(layout.celler.filter((c) => /SOC\./.test(c.formel ?? "") || c.spild !== undefined)).toEqual([]);
  });
  it("has a legend explaining colours and signs", () => {
    const tekster = layout.celler.map((c) => String(c.vaerdi ?? "")).join("\n");
    expect(tekster).toMatch(/Gul: obligatorisk/);
    expect(tekster).toMatch(/Orange: valgfri/);
    expect(tekster).toMatch(/Fortegn/);
  });
  it("stores custom functions as Excel does in files (_xldudf_ prefix, dots as underscores)", () => {
    expect(tilFilformel("IF(A1=\"\",\"\",SOC.TAKSTUDVIKLING(TS_Takst,1,0))")).toBe("IF(A1=\"\",\"\",_xldudf_SOC_TAKSTUDVIKLING(TS_Takst,1,0))");
    expect(tilFilformel("SOC.EFTERREG.MODEL(1,2,3,4)")).toBe("_xldudf_SOC_EFTERREG_MODEL(1,2,3,4)");
    expect(tilFilformel("SUM(TS_Loen)")).toBe("SUM(TS_Loen)");
    expect(fraFilformel("_xldudf_SOC_TAKST(1,2,3)")).toBe("SOC.TAKST(1,2,3)");
  });
  it("does not import ExcelJS or Node I/O (the task pane bundles it)", () => {
    const { readdirSync, readFileSync, statSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
    const { join } = jest.requireActual<typeof import("node:path")>("node:path");
    const dir = join(__dirname, "..", "..", "src", "takstskema");
    const filer = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filer(join(d, n)) : [join(d, n)]));
    for (const f of filer(dir)) expect(readFileSync(f, "utf8")).not.toMatch(/from "(exceljs|node:|fs|path)/);
  });
});
