import { parameter, type Regelsaet } from "../regelsaet";
import { FARVER, type LayoutCelle, type LayoutValidering, type SkabelonLayout, type SkemaNavn } from "../takstskema";
import {
  KATEGORI_KOLONNER, KATEGORIER, NOEGLE_KOLONNER, NOEGLE_RAEKKER, ST_FELTER, ST_SEKTIONER, type StFelt, type StKolonne,
  UDVIKLING_ANGIVET, UDVIKLING_PCT, UDVIKLING_RAEKKER, UDVIKLING_SIDSTE, type UdviklingNoegle,
} from "./felter";

/**
 * The tilsynsskema as pure data in the takstskema's layout format, so the same writers
 * (the CLI's ExcelJS writer, the print plan) render it. Columns: B label, C "skal"/"kan",
 * D value, E unit, F-K help; the tables use B-K.
 */
export const ST_ARKNAVN = "Tilsynsskema";
const KOLONNER = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K"] as const;
const FOERSTE_RAEKKE = 9;

const NUMFMT: Partial<Record<StFelt["type"], string>> = { tekst: "@", valg: "@", heltal: "0", beloeb: "#,##0", procent: "0.0%" };

/** Where every single field and table lives; the same for every ruleset. */
export interface StPlacering {
  felter: Map<string, string>;
  sektioner: Map<string, number>;
  /** First data row of each table. */
  kategori: number;
  noegle: number;
  udvikling: number;
}

function placering(): StPlacering {
  const felter = new Map<string, string>();
  const sektioner = new Map<string, number>();
  let r = FOERSTE_RAEKKE;
  let kategori = 0;
  let noegle = 0;
  let udvikling = 0;
  for (const s of ST_SEKTIONER) {
    sektioner.set(s, r++);
    for (const f of ST_FELTER.filter((x) => x.sektion === s)) felter.set(f.navn, `D${r++}`);
    if (s === "Tilbudsområdet") {
      kategori = r + 1; // a heading row
      r = kategori + KATEGORIER.length;
    } else if (s === "Plejefamilieområdet") {
      noegle = r + 1;
      r = noegle + NOEGLE_RAEKKER;
    } else if (s === "Udvikling") {
      udvikling = r + 1;
      r = udvikling + UDVIKLING_RAEKKER.length;
    }
    r++;
  }
  return { felter, sektioner, kategori, noegle, udvikling };
}

export const ST_PLACERING = placering();

/** "Tilsynsskema!D12" for a field, or a table column's cell in row i (0-based). */
export function stCelle(navn: string, i?: number): string {
  const f = ST_PLACERING.felter.get(navn);
  if (f) return `${ST_ARKNAVN}!${f}`;
  const k = KATEGORI_KOLONNER.find((x) => x.navn === navn);
  if (k) return `${ST_ARKNAVN}!${k.kolonne}${ST_PLACERING.kategori + (i ?? 0)}`;
  const n = NOEGLE_KOLONNER.find((x) => x.navn === navn);
  if (n) return `${ST_ARKNAVN}!${n.kolonne}${ST_PLACERING.noegle + (i ?? 0)}`;
  if (navn === "ST_UdviklingAngivet") return `${ST_ARKNAVN}!${UDVIKLING_ANGIVET}${ST_PLACERING.udvikling + (i ?? 0)}`;
  const j = UDVIKLING_RAEKKER.findIndex((x) => udviklingNavne(x.noegle).sidste === navn);
  if (j >= 0) return `${ST_ARKNAVN}!${UDVIKLING_SIDSTE[i ?? 0]}${ST_PLACERING.udvikling + j}`;
  return `${ST_ARKNAVN}!?`;
}

/** The defined names of the development table: ST_SidsteAar<noegle>, ST_Udvikling<noegle>, ST_UdviklingAngivet. */
export function udviklingNavne(noegle: UdviklingNoegle): { sidste: `ST_${string}`; pct: `ST_${string}` } {
  return { sidste: `ST_SidsteAar${noegle}`, pct: `ST_Udvikling${noegle}` };
}

/** This year's figure of a development row (category k, 0-based) as a formula reference. */
function aaretsCelle(noegle: UdviklingNoegle, k: number): string {
  const kol = { Takster: "E", Skaerpet: "F", Nygodkendelse: "G", VaesentligAendring: "H" } as const;
  if (noegle === "OFIAlt") return "SUM(ST_OF)";
  if (noegle === "OFPrPlejefamilie") return "ST_OFPrPlejefamilie";
  return `${kol[noegle]}${ST_PLACERING.kategori + k}`;
}

function validering(f: { etiket: string; hjaelp: string; type: StFelt["type"]; valg?: readonly string[]; interval?: StFelt["interval"] }, adresse: string, obligatorisk: boolean): LayoutValidering {
  const kort = (t: string, n: number) => (t.length <= n ? t : `${t.slice(0, n - 1)}…`);
  const base = { adresse, tilladTom: true, promptTitel: kort(f.etiket, 32), fejlStil: "stop" as const, fejlTitel: kort(`Ugyldig værdi: ${f.etiket}`, 32), prompt: kort(`${f.hjaelp}${obligatorisk ? " Skal udfyldes." : " Kan udelades."}`, 255) };
  const i = f.interval;
  switch (f.type) {
    case "beloeb":
      return { ...base, type: "decimal", operator: "between", formler: [-1e12, 1e12], fejl: "Skriv et beløb i kroner, fx 1234567." };
    case "procent":
      return { ...base, type: "decimal", operator: "between", formler: [i?.min ?? 0, i?.max ?? 1], fejl: "Skriv en procentsats med %-tegn, fx 1 %." };
    case "heltal":
      return { ...base, type: "whole", operator: "between", formler: [i?.min ?? 0, i?.max ?? 1e9], fejl: "Skriv et helt tal." };
    case "tal":
      return { ...base, type: "decimal", operator: "between", formler: [i?.min ?? 0, i?.max ?? 1e9], fejl: "Skriv et tal." };
    case "valg":
      return { ...base, type: "list", operator: "between", formler: [`"${(f.valg ?? []).join(",")}"`], fejl: "Vælg en værdi fra listen." };
    default:
      return { ...base, type: "textLength", operator: "lessThanOrEqual", formler: [200], fejl: "Teksten må højst være 200 tegn." };
  }
}

/** A table column's formula for sheet row r; {foer} is the table's heading row. */
function raekkeFormel(formel: string, r: number, overskrift: number): string {
  return formel.replace(/\{r\}/g, String(r)).replace(/\{forrige\}/g, String(r - 1)).replace(/\{foer\}/g, String(overskrift));
}

/** Height of a row whose help text wraps in F:K (about 95 characters a line at 9 pt). */
function hjaelpHoejde(tekst: string): number | undefined {
  const linjer = Math.ceil(tekst.length / 95);
  return linjer > 1 ? linjer * 12 + 3 : undefined;
}

/** The value a field starts with under a ruleset: the ruleset's id or takstår, its parameter, or the field's standard. */
function startVaerdi(f: StFelt, r: Regelsaet): string | number | undefined {
  if (f.startvaerdi === "regelsaet") return r.id;
  if (f.startvaerdi === "takstaar") return r.takstaar;
  const v: unknown = f.parameter ? parameter(r, f.parameter) : undefined;
  return typeof v === "string" || typeof v === "number" ? v : f.standard;
}

/** A column's values in a fresh template: the ruleset's (the weights), or none. */
function kolonneStart(k: StKolonne, r: Regelsaet): readonly number[] | undefined {
  if (!k.fraRegelsaet) return undefined;
  const v: unknown = parameter(r, k.fraRegelsaet.parameter);
  return Array.isArray(v) ? (v as number[]) : k.fraRegelsaet.standard;
}

export function tilsynsskemaLayout(r: Regelsaet): SkabelonLayout {
  const celler: LayoutCelle[] = [];
  const flettede: string[] = [];
  const valideringer: LayoutValidering[] = [];
  const navne: { navn: string; ref: string }[] = [];
  const raekkeHoejder: Record<number, number> = {};
  const tekst = (adresse: string, vaerdi: string, ekstra: Partial<LayoutCelle> = {}) => celler.push({ adresse, vaerdi, laast: true, ...ekstra });
  const hjaelp = { farve: FARVER.hjaelpTekst, stoerrelse: 9 };
  const fed = { fed: true };

  tekst("B1", "Tilsynsskema – socialtilsynets budget, takster og objektiv finansiering", { skrift: { fed: true, stoerrelse: 16 } });
  tekst("B2", `Regelsæt ${r.id}: ${r.navn}. Ét skema pr. socialtilsyn og budgetår. Beløb i hele kroner.`, { skrift: { kursiv: true } });
  flettede.push("B2:K2");
  const legende: [number, string, string][] = [
    [4, FARVER.obligatorisk, "Gul: obligatorisk indtastning (skal)"],
    [5, FARVER.valgfri, "Orange: valgfri indtastning (kan)"],
    [6, FARVER.beregnet, "Grå: beregnes af arket, låst"],
  ];
  for (const [raekke, fyld, label] of legende) {
    tekst(`B${raekke}`, label);
    celler.push({ adresse: `D${raekke}`, vaerdi: "", fyld, laast: true, ramme: true });
  }
  const titel = FOERSTE_RAEKKE - 1;
  for (const [k, t] of [["B", "Felt"], ["C", "Skal/kan"], ["D", "Værdi"], ["E", "Enhed"], ["F", "Hjælp"]] as const) tekst(`${k}${titel}`, t, { skrift: fed });

  for (const s of ST_SEKTIONER) {
    const raekke = ST_PLACERING.sektioner.get(s)!;
    for (const k of KOLONNER) celler.push({ adresse: `${k}${raekke}`, vaerdi: k === "B" ? s : "", fyld: FARVER.sektion, skrift: { fed: true, farve: FARVER.sektionTekst }, laast: true });
  }

  for (const f of ST_FELTER) {
    const adresse = ST_PLACERING.felter.get(f.navn)!;
    const raekke = Number(adresse.slice(1));
    tekst(`B${raekke}`, f.etiket);
    tekst(`C${raekke}`, f.beregnet ? "beregnet" : f.obligatorisk ? "skal" : "kan", { skrift: { kursiv: true, farve: FARVER.hjaelpTekst } });
    if (f.enhed) tekst(`E${raekke}`, f.enhed);
    tekst(`F${raekke}`, f.hjaelp, { skrift: hjaelp, ombryd: true });
    flettede.push(`F${raekke}:K${raekke}`);
    const h = hjaelpHoejde(f.hjaelp);
    if (h) raekkeHoejder[raekke] = h;
    const numFmt = NUMFMT[f.type];
    const start = startVaerdi(f, r);
    if (f.beregnet) {
      celler.push({ adresse, formel: f.formel!, numFmt, fyld: FARVER.beregnet, laast: true, ramme: true, felt: f.navn as SkemaNavn });
    } else {
      celler.push({ adresse, ...(start !== undefined ? { vaerdi: start } : {}), numFmt, fyld: f.obligatorisk ? FARVER.obligatorisk : FARVER.valgfri, laast: false, ramme: true, felt: f.navn as SkemaNavn });
      valideringer.push(validering(f, adresse, f.obligatorisk));
    }
    navne.push({ navn: f.navn, ref: `${ST_ARKNAVN}!$D$${raekke}` });
  }

  const tabel = (kolonner: readonly StKolonne[], foerste: number, antal: number, etiketter?: readonly string[]) => {
    const overskrift = foerste - 1;
    if (etiketter) tekst(`B${overskrift}`, "Kategori", { skrift: fed });
    for (const k of kolonner) {
      tekst(`${k.kolonne}${overskrift}`, k.overskrift, { skrift: k.hjaelper ? { ...hjaelp, kursiv: true } : fed, ombryd: true });
      for (let i = 0; i < antal; i++) {
        const rr = foerste + i;
        const felt = k.navn as SkemaNavn;
        const fmt = NUMFMT[k.type] ?? "General";
        if (k.beregnet) celler.push({ adresse: `${k.kolonne}${rr}`, formel: raekkeFormel(k.formel!, rr, overskrift), numFmt: fmt, fyld: FARVER.beregnet, laast: true, ramme: !k.hjaelper, felt, raekke: i, ...(k.hjaelper ? { skrift: hjaelp } : {}) });
        else {
          const v = kolonneStart(k, r)?.[i];
          const laast = k.fraRegelsaet !== undefined;
          celler.push({ adresse: `${k.kolonne}${rr}`, ...(v !== undefined ? { vaerdi: v } : {}), numFmt: fmt, fyld: laast ? FARVER.beregnet : FARVER.obligatorisk, laast, ramme: true, felt, raekke: i });
          if (!laast) valideringer.push(validering({ etiket: k.overskrift, hjaelp: k.overskrift, type: k.type }, `${k.kolonne}${rr}`, true));
        }
      }
      navne.push({ navn: k.navn, ref: `${ST_ARKNAVN}!$${k.kolonne}$${foerste}:$${k.kolonne}$${foerste + antal - 1}` });
    }
    if (etiketter) etiketter.forEach((e, i) => tekst(`B${foerste + i}`, e));
    raekkeHoejder[overskrift] = 30;
  };

  tabel(KATEGORI_KOLONNER, ST_PLACERING.kategori, KATEGORIER.length, KATEGORIER);
  tabel(NOEGLE_KOLONNER, ST_PLACERING.noegle, NOEGLE_RAEKKER);

  // The development table (one decimal, as the seeds print it, 003:1057, 002:437-443).
  const u = ST_PLACERING.udvikling;
  tekst(`B${u - 1}`, "Udvikling", { skrift: fed });
  UDVIKLING_SIDSTE.forEach((k, i) => tekst(`${k}${u - 1}`, `Sidste år, kat. ${i + 1}`, { skrift: fed, ombryd: true }));
  UDVIKLING_PCT.forEach((k, i) => tekst(`${k}${u - 1}`, `Ændring i %, kat. ${i + 1}`, { skrift: fed, ombryd: true }));
  tekst(`${UDVIKLING_ANGIVET}${u - 1}`, "Angivet ændring i %", { skrift: fed, ombryd: true });
  raekkeHoejder[u - 1] = 30;
  UDVIKLING_RAEKKER.forEach((row, j) => {
    const rr = u + j;
    tekst(`B${rr}`, row.etiket);
    const { sidste, pct } = udviklingNavne(row.noegle);
    for (let k = 0; k < row.kolonner; k++) {
      const s = `${UDVIKLING_SIDSTE[k]}${rr}`;
      celler.push({ adresse: s, numFmt: "#,##0", fyld: FARVER.valgfri, laast: false, ramme: true, felt: sidste as SkemaNavn, raekke: k });
      valideringer.push(validering({ etiket: `${row.etiket}, sidste år`, hjaelp: "Sidste års tal i år-priser, til udviklingen i %.", type: "beloeb" }, s, false));
      const aaret = aaretsCelle(row.noegle, k);
      celler.push({ adresse: `${UDVIKLING_PCT[k]}${rr}`, formel: `IF(OR(${s}="",${s}=0),"",ROUND((${aaret}/${s}-1)*100,1))`, numFmt: "0.0", fyld: FARVER.beregnet, laast: true, ramme: true, felt: pct as SkemaNavn, raekke: k });
    }
    navne.push({ navn: sidste, ref: `${ST_ARKNAVN}!$C$${rr}:$${UDVIKLING_SIDSTE[row.kolonner - 1]}$${rr}` });
    navne.push({ navn: pct, ref: `${ST_ARKNAVN}!$G$${rr}:$${UDVIKLING_PCT[row.kolonner - 1]}$${rr}` });
    const a = `${UDVIKLING_ANGIVET}${rr}`;
    celler.push({ adresse: a, numFmt: "0.0", fyld: FARVER.valgfri, laast: false, ramme: true, felt: "ST_UdviklingAngivet" as SkemaNavn, raekke: j });
    valideringer.push(validering({ etiket: "Angivet ændring i %", hjaelp: "Den ændring i %, skemaet eller budgetnotatet oplyser (én decimal). Afviger den fra den beregnede, advares (ST005).", type: "tal", interval: { min: -100, max: 1000 } }, a, false));
  });
  navne.push({ navn: "ST_UdviklingAngivet", ref: `${ST_ARKNAVN}!$K$${u}:$K$${u + UDVIKLING_RAEKKER.length - 1}` });

  return {
    arknavn: ST_ARKNAVN,
    regelsaet: r.id,
    kolonner: [{ kolonne: "A", bredde: 2 }, { kolonne: "B", bredde: 36 }, ...KOLONNER.slice(1).map((k) => ({ kolonne: k, bredde: 13 }))],
    celler,
    flettede,
    // ST_ names in the takstskema's layout type: the writers treat names as opaque text.
    navne: navne as SkabelonLayout["navne"],
    valideringer,
    beskyttelse: { aktiv: true, adgangskode: "" },
    legende: { fra: "B4", til: "D6" },
    raekkeHoejder,
  };
}
