import { z } from "zod";
import { type Afrunding, EngineError, taksterFraBasis, tilsynsaar, tilTal, udviklingPct } from "../engine";
import { type Regelsaet, type RegelsaetRegister } from "../regelsaet";
import { fundSchema, kr, parseFelt, sprungetSchema, type Sprunget } from "../takstskema";
import { ST_FELTER, STANDARD_VAEGTE, type StFelt, UDVIKLING_RAEKKER } from "./felter";
import { stCelle, udviklingNavne } from "./layout";

/** A finding of the tilsynsskema: ST001-ST005, and TS001/TS002 for a missing or unreadable input. */
export const tilsynFundSchema = fundSchema.extend({ code: z.string().regex(/^(ST|TS)\d{3}$/) });
export type TilsynFund = z.infer<typeof tilsynFundSchema>;

const talListe = z.array(z.number().nullable());
/** The recomputed figures, plain numbers: what the service stores and publishes. */
export const tilsynBeregnetSchema = z.object({
  behov: z.number(),
  grundtakstbehov: z.number(),
  takster: z.array(z.number()).length(4),
  skaerpet: z.array(z.number()).length(4),
  nygodkendelse: talListe.nullable(),
  vaesentligAendring: talListe.nullable(),
  of: z.array(z.object({ kommune: z.string(), antal: z.number(), beloeb: z.number() })),
  ofIAlt: z.number(),
  ofPrPlejefamilie: z.number(),
  bpaTakst: z.number().nullable(),
});
export type TilsynBeregnet = z.infer<typeof tilsynBeregnetSchema>;

export const tilsynValideringSchema = z.object({
  ok: z.boolean(),
  findings: z.array(tilsynFundSchema),
  skipped: z.array(sprungetSchema),
  beregnet: tilsynBeregnetSchema.nullable(),
});
export type TilsynValidering = z.infer<typeof tilsynValideringSchema>;

/** Whether a set of defined names (or JSON keys) is a tilsynsskema: it has the ST_ fields. */
export function erTilsynsskema(navne: Iterable<string>): boolean {
  const s = new Set(navne);
  return ["ST_Socialtilsyn", "ST_BehovTilbud", "ST_Antal"].every((n) => s.has(n));
}

type Raa = Record<string, unknown>;
const liste = (v: unknown): unknown[] => (Array.isArray(v) ? v.map((x) => (Array.isArray(x) ? x[0] : x)) : v === undefined ? [] : [v]);

function laes(def: Pick<StFelt, "type" | "valg" | "interval">, v: unknown): { vaerdi?: string | number; fejl?: string } {
  const p = parseFelt(def, v);
  return p.ok ? { vaerdi: p.vaerdi } : { fejl: p.besked };
}

type FundFn = (code: string, severity: "error" | "warning", field: string, message: string, i?: number) => void;
/** The skema's single fields as parsed, by ST_ name (empty and unreadable ones absent). */
type Vaerdier = ReadonlyMap<string, string | number>;
/** The key's rows that hold a number: the kommune, its 0-17-year-olds and the row (0-based). */
type Noegle = { kommune: string; antal: number; i: number }[];

/** A number field's value, 0 when empty or not a number. */
function tal(vaerdier: Vaerdier, navn: string): number {
  const x = vaerdier.get(navn);
  return typeof x === "number" ? x : 0;
}

/**
 * Validate a tilsynsskema (values by ST_ name; a table column as an array, top to bottom).
 * Pure and synchronous; bad input gives findings with cells, never an exception.
 */
export function validerTilsynsskema(raa: Raa, register: RegelsaetRegister): TilsynValidering {
  const findings: TilsynFund[] = [];
  const skipped: Sprunget[] = [];
  const fund: FundFn = (code, severity, field, message, i) => findings.push({ code, severity, field, cell: stCelle(field, i), message });
  const vaerdier = laesFelter(raa, fund);
  const antal = laesKolonne(raa, fund, "ST_Antal", "heltal", "Antal tilbud");
  const vaegteSkema = laesKolonne(raa, fund, "ST_Vaegte", "tal", "Vægt");
  const r = findRegelsaet(vaerdier, register, fund);
  const vaegteRegel = r?.parametre.tilsynVaegte?.vaerdi;
  const vaegte = vaegteSkema.every((x) => x !== null && x > 0) ? (vaegteSkema as number[]) : vaegteRegel ?? STANDARD_VAEGTE;
  if (antal.every((a) => a === null || a === 0)) fund("TS001", "error", "ST_Antal", "Antal tilbud i de fire kategorier skal udfyldes (ikke alle 0).");
  const noegle = laesNoegle(raa, fund);

  const harFejl = findings.some((f) => f.severity === "error");
  const beregnet = harFejl ? null : beregn(vaerdier, antal, vaegte, noegle, fund);
  if (beregnet) regler(raa, vaerdier, beregnet, noegle, fund);
  else skipped.push({ code: "ST001-ST005", message: "Kontrollerne springes over, fordi skemaet har fejl i de indtastede værdier." });
  return { ok: !findings.some((f) => f.severity === "error"), findings, skipped, beregnet };
}

/** The single fields: TS002 for an unreadable value, TS001 for a missing mandatory one. */
function laesFelter(raa: Raa, fund: FundFn): Vaerdier {
  const vaerdier = new Map<string, string | number>();
  for (const f of ST_FELTER) {
    if (f.beregnet) continue;
    const { vaerdi, fejl } = laes(f, raa[f.navn]);
    if (fejl) fund("TS002", "error", f.navn, `${f.etiket}: ${fejl}.`);
    else if (vaerdi === undefined && f.obligatorisk) fund("TS001", "error", f.navn, `${f.etiket} skal udfyldes.`);
    else if (vaerdi !== undefined) vaerdier.set(f.navn, vaerdi);
  }
  return vaerdier;
}

/** A four-category column as numbers (null where empty or unreadable; TS002 for the latter). */
function laesKolonne(raa: Raa, fund: FundFn, navn: string, type: StFelt["type"], etiket: string): (number | null)[] {
  return Array.from({ length: 4 }, (_x, i) => {
    const { vaerdi, fejl } = laes({ type }, liste(raa[navn])[i]);
    if (fejl) fund("TS002", "error", navn, `${etiket}, række ${i + 1}: ${fejl}.`, i);
    return typeof vaerdi === "number" ? vaerdi : null;
  });
}

/** The ruleset ST_Regelsaet names; TS002 when the register does not know it. */
function findRegelsaet(vaerdier: Vaerdier, register: RegelsaetRegister, fund: FundFn): Regelsaet | undefined {
  const navn = vaerdier.get("ST_Regelsaet");
  const id = typeof navn === "string" ? navn.toUpperCase() : undefined;
  const r: Regelsaet | undefined = id ? register.find(id) : undefined;
  if (id && !r) fund("TS002", "error", "ST_Regelsaet", `Regelsættet "${id}" er ukendt. Kendte: ${register.ids().join(", ")}.`);
  return r;
}

/** The OF key: one row per kommune with its 0-17-year-olds; TS002/TS001 for a bad or missing count. */
function laesNoegle(raa: Raa, fund: FundFn): Noegle {
  const kommuner = liste(raa.ST_Noegle_Kommune);
  const noegleRaa = liste(raa.ST_Noegle);
  const noegle: Noegle = [];
  for (let i = 0; i < Math.max(kommuner.length, noegleRaa.length); i++) {
    const k = laes({ type: "tekst" }, kommuner[i]);
    const n = laes({ type: "heltal" }, noegleRaa[i]);
    if (n.fejl) fund("TS002", "error", "ST_Noegle", `0-17-årige, række ${i + 1}: ${n.fejl}.`, i);
    else if (typeof n.vaerdi === "number" && n.vaerdi < 0) fund("TS002", "error", "ST_Noegle", `0-17-årige, række ${i + 1}: et antal kan ikke være negativt.`, i);
    else if (typeof n.vaerdi === "number") noegle.push({ kommune: typeof k.vaerdi === "string" ? k.vaerdi : "", antal: n.vaerdi, i });
    else if (k.vaerdi !== undefined) fund("TS001", "error", "ST_Noegle", `0-17-årige for ${String(k.vaerdi)} skal udfyldes.`, i);
  }
  if (noegle.length === 0 || noegle.every((n) => n.antal === 0)) fund("TS001", "error", "ST_Noegle", "Nøglen skal have mindst én kommune med 0-17-årige.");
  return noegle;
}

/** The recomputed year as plain numbers, or null with TS002 when the engine refuses an input. */
function beregn(vaerdier: Vaerdier, antal: (number | null)[], vaegte: readonly number[], noegle: Noegle, fund: FundFn): TilsynBeregnet | null {
  const felt = (navn: string) => tal(vaerdier, navn);
  try {
    const aar = tilsynsaar({
      behovFoerEffektivisering: felt("ST_BehovFoerEffektivisering"),
      effektiviseringPct: felt("ST_EffektiviseringPct"),
      resultatAarMinus2: felt("ST_ResultatAarMinus2"),
      resultatAndelIndregnet: felt("ST_ResultatAndelIndregnet"),
      behovPlejefamilier: felt("ST_BehovPlejefamilier"),
      behovTilbud: felt("ST_BehovTilbud"),
      skoennedeSaerligeIndtaegter: felt("ST_SkoennedeSaerligeIndtaegter"),
      antal: antal.map((a) => a ?? 0),
      vaegte,
      skaerpetAndel: felt("ST_SkaerpetAndel"),
      noegle: noegle.map((n) => n.antal),
      ofAfrunding: (vaerdier.get("ST_OFAfrunding") ?? "REST") as Afrunding,
      plejefamilier: felt("ST_Plejefamilier"),
      nygodkendelser: felt("ST_Nygodkendelser"),
      ...(vaerdier.has("ST_Timepris") && vaerdier.has("ST_BPATimer") ? { timepris: felt("ST_Timepris"), bpaTimer: felt("ST_BPATimer") } : {}),
    });
    const basis = (navn: string) => (felt(navn) > 0 ? taksterFraBasis(felt(navn), vaegte).map(tilTal) : null);
    return {
      behov: tilTal(aar.behov),
      grundtakstbehov: tilTal(aar.grundtakstbehov),
      takster: aar.takster.map(tilTal),
      skaerpet: aar.skaerpet.map(tilTal),
      nygodkendelse: basis("ST_NygodkendelseBasis"),
      vaesentligAendring: basis("ST_VaesentligAendringBasis"),
      of: noegle.map((n, j) => ({ kommune: n.kommune, antal: n.antal, beloeb: tilTal(aar.of[j]!) })),
      ofIAlt: tilTal(aar.ofIAlt),
      ofPrPlejefamilie: tilTal(aar.ofPrPlejefamilie),
      bpaTakst: aar.bpaTakst ? tilTal(aar.bpaTakst) : null,
    };
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    const { felt: feltNavn, besked } = motorFejl(e);
    fund("TS002", "error", feltNavn, besked);
    return null;
  }
}

/** The engine's refusal as the field it concerns and a Danish reason. */
function motorFejl(e: EngineError): { felt: string; besked: string } {
  const a = e.detail.argument;
  // The grundtakster's need is tilbudsområdet − særlige indtægter: negative when the særlige are larger.
  if (a === "finansieringsbehov") return { felt: "ST_SkoennedeSaerligeIndtaegter", besked: "De skønnede særlige indtægter er større end tilbudsområdets behov, så grundtaksterne kan ikke beregnes." };
  const FELT: Record<string, string> = { antal: "ST_Antal", vaegte: "ST_Vaegte", plejefamilier: "ST_Plejefamilier", nygodkendelser: "ST_Nygodkendelser", noegle: "ST_Noegle", andel: "ST_SkaerpetAndel", beloeb: "ST_BehovPlejefamilier" };
  const felt = FELT[a] ?? `ST_${a[0]!.toUpperCase()}${a.slice(1)}`;
  const hvorfor: Record<string, string> = {
    NOT_POSITIVE: "skal være større end 0", NEGATIVE: "må ikke være negativ", SUM_ZERO: "giver tilsammen 0", NOT_WHOLE: "skal være et helt tal",
    OUT_OF_RANGE: "ligger uden for det tilladte", NOT_FINITE: "skal være et endeligt tal",
  };
  const navn = felt === "ST_Plejefamilier" ? "Plejefamilier og nygodkendelser" : ST_FELTER.find((f) => f.navn === felt)?.etiket ?? felt;
  return { felt, besked: `${navn} ${hvorfor[e.detail.code] ?? "kan ikke bruges i beregningen"}.` };
}

/** ST001-ST005 (domain-season.md §B6) on the recomputed year and the figures the skema states. */
function regler(raa: Raa, vaerdier: Vaerdier, beregnet: TilsynBeregnet, noegle: { i: number }[], fund: FundFn): void {
  const felt = (navn: string) => tal(vaerdier, navn);
  const angivet = (navn: string, i?: number): number | undefined => {
    const x = i === undefined ? raa[navn] : liste(raa[navn])[i];
    const p = laes({ type: "tal" }, x);
    return typeof p.vaerdi === "number" ? p.vaerdi : undefined;
  };
  // ST001: the split sums to the need.
  const split = felt("ST_BehovPlejefamilier") + felt("ST_BehovTilbud");
  if (Math.abs(split - beregnet.behov) > 1) {
    fund("ST001", "error", "ST_BehovTilbud", `Plejefamilieområdet og tilbudsområdet giver ${kr(split)}, men finansieringsbehovet er ${kr(beregnet.behov)} (forskel ${kr(split - beregnet.behov)}). Fordelingen skal give behovet.`);
  }
  // ST002: the takster the skema states equal base × weight (a cached value from the sheet, or typed over).
  for (const [navn, egne, etiket] of [["ST_Takster", beregnet.takster, "Tilsynstaksten"], ["ST_Skaerpet", beregnet.skaerpet, "Skærpet tilsyn"]] as const) {
    egne.forEach((forventet, i) => {
      const a = angivet(navn, i);
      if (a !== undefined && Math.abs(a - forventet) > 1) {
        fund("ST002", "error", navn, `${etiket} for kategori ${i + 1} er ${kr(a)}, men basis × vægt giver ${kr(forventet)}.`, i);
      }
    });
  }
  // ST003: the OF rows the skema states sum to the need within 1 kr. per row.
  const ofRaekker = noegle.map((n) => angivet("ST_OF", n.i));
  if (ofRaekker.every((x) => x !== undefined) && ofRaekker.length > 0) {
    const sumOF = ofRaekker.reduce<number>((s, x) => s + x!, 0);
    if (Math.abs(sumOF - felt("ST_BehovPlejefamilier")) > ofRaekker.length) {
      fund("ST003", "warning", "ST_OF", `Kommunernes beløb summerer til ${kr(sumOF)}, men plejefamilieområdets behov er ${kr(felt("ST_BehovPlejefamilier"))}: mere end 1 kr. pr. kommune fra hinanden.`);
    }
  }
  // ST004: the result of year −2 not dealt with.
  if (!vaerdier.has("ST_ResultatAndelIndregnet")) {
    fund("ST004", "warning", "ST_ResultatAndelIndregnet", "Det er ikke angivet, hvor stor en del af resultatet for år −2, der indregnes (0 hvis intet, fx Syd 2018, 004:76-81; Nord indregner halvdelen, 002:146-149).");
  }
  // ST005: a stated % change against the recomputed one, per category.
  const aaret: Record<string, (number | null)[] | null> = {
    Takster: beregnet.takster, Skaerpet: beregnet.skaerpet, Nygodkendelse: beregnet.nygodkendelse, VaesentligAendring: beregnet.vaesentligAendring, OFIAlt: [beregnet.ofIAlt], OFPrPlejefamilie: [beregnet.ofPrPlejefamilie],
  };
  UDVIKLING_RAEKKER.forEach((row, j) => {
    const a = angivet("ST_UdviklingAngivet", j);
    const nu = aaret[row.noegle];
    if (a === undefined || !nu) return;
    const { sidste } = udviklingNavne(row.noegle);
    const beregnede = nu.slice(0, row.kolonner).map((x, k) => {
      const s = angivet(sidste, k);
      return x !== null && s !== undefined && s > 0 ? tilTal(udviklingPct(x, s)) : undefined;
    });
    const afvigende = beregnede.filter((x): x is number => x !== undefined && Math.abs(x - a) > 0.05);
    if (afvigende.length > 0) {
      const vist = beregnede.map((x) => (x === undefined ? "–" : x.toLocaleString("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }))).join(" / ");
      fund("ST005", "warning", "ST_UdviklingAngivet", `${row.etiket}: angivet ${a.toLocaleString("da-DK", { minimumFractionDigits: 1 })} %, men tallene giver ${vist} % (kategori for kategori).`, j);
    }
  });
}
