import type { ParameterNavn, Parametre, Regelsaet, RegelsaetRegister } from "../regelsaet";
import { parameter } from "../regelsaet";
import { beregn, type Beregning } from "./beregning";
import { erSaerligOpmaerksomhed, felt, FELTER, type FeltNavn, type KolonneNavn, type SkemaNavn, YDELSE_KOLONNER, YDELSE_RAEKKER } from "./felter";
import { celleFor } from "./layout";
import { KAPACITETSFELTER, OMKOSTNINGSFELTER, type Regel, type RegelKontekst, TAKSTFELTER } from "./regel";
import type { Beregnet, Fund, Genberegnet, Sprunget } from "./resultat";
import { REGLER } from "./rules";
import { parseFelt, type Skema } from "./vaerdier";
import { erTekstTal, type TekstTal, tekstTalBesked, tekstTalFund } from "./tekstTal";
import { kolonneCeller, somTabel } from "./ydelser";

export interface Valideringskontekst {
  register: RegelsaetRegister;
  /** When the skema is submitted (TS090); default now, and then it is only being validated. */
  indsendt?: Date;
  /** TS090's wording; default "indsendt" when `indsendt` is given, else "valideret". */
  handling?: "indsendt" | "valideret";
  /**
   * The values are a workbook's cells (pane, CLI): a number stored as text in a cell the sheet's
   * formulas use is TS002 (the sheet gives #VALUE!). A JSON body (the service) may carry "650.000".
   */
  projektmappe?: boolean;
}

export interface Valideringsresultat {
  /** No error findings. */
  ok: boolean;
  findings: Fund[];
  skipped: Sprunget[];
  /** Parsed values; empty computed cells are filled with the recomputed values. */
  vaerdier: Partial<Skema>;
  beregnet: Beregnet | null;
  /** With `projektmappe`: the cells holding a number as text (TS002), for the pane's one-click fix. */
  tekstTal?: TekstTal[];
}

const UDVIKLINGSFELTER = ["TS_Ydelser_SidsteAarsTakst", "TS_PLPct"] as const;
const EFTERREGFELTER = ["TS_A1", "TS_A2", "TS_A3", "TS_A6"] as const;

const PARAMETER_TEKST: Record<ParameterNavn, string> = {
  overheadLoft: "et overheadloft",
  udviklingspulje: "en udviklingspulje",
  tjenestemandspensionSats: "en procentsats for tjenestemandspension",
  renteLoft: "et renteloft",
  bygningLevetid: "bygningers levetid",
  bygningStartAar: "et startår for afskrivning af ældre bygninger",
  kategorier: "en liste over kategorier",
  differentieringGraense: "en grænse for takstdifferentiering",
  aktiveringsgraense: "en aktiveringsgrænse",
  efterregGraense: "en grænse for efterregulering",
  efterregForsinkelseAar: "forsinkelsen for efterregulering",
  udloebAar: "puljens udløbsfrist",
  maksBelaegning: "en maksimal belægning",
  basisServiceOpdeling: "om basis- og servicetakst skal opdeles",
  fristTakster: "en frist for takster",
  hoejtSpecialiseretMinTakst: "en mindstetakst for højt specialiserede tilbud",
  tilsynVaegte: "tilsynsvægte",
  skaerpetAndel: "en andel for skærpet tilsyn",
  skaerpetPeriode: "en periode for skærpet tilsyn",
  ofNoegleDato: "en opgørelsesdato for nøglen til objektiv finansiering",
  ofAfrunding: "en afrunding af den objektive finansiering",
  plSats: "en PL-sats (KL's pris- og lønfremskrivning)",
};

const harEgen = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export interface LaesteVaerdier {
  vaerdier: Partial<Skema>;
  typefejl: Map<FeltNavn, string>;
  /** Ydelser cells that could not be read: column → row → reason. */
  tabelTypefejl: Map<KolonneNavn, Map<number, string>>;
  /** The input had the former single-takst shape (read as a one-row table). */
  enkeltTakst: boolean;
  /** Numbers stored as text where a formula computes (only when read as a workbook). */
  tekstTal: TekstTal[];
}

/**
 * Parse the record field by field: typed values plus the TS002 reasons. Each Ydelser column
 * becomes an array of its 10 rows; a record in the former single-takst shape is read as a
 * one-row table (ydelser.ts).
 */
export function laesVaerdier(raa: Record<string, unknown>, projektmappe = false): LaesteVaerdier {
  const { input, enkeltTakst } = somTabel(raa);
  const vaerdier: Record<string, string | number | (string | number | null)[]> = {};
  const typefejl = new Map<FeltNavn, string>();
  const tekstTal: TekstTal[] = [];
  for (const f of FELTER) {
    const celle = harEgen(input, f.navn) ? input[f.navn] : undefined;
    // An empty cell is no value and no error (parseFelt's { ok: true, vaerdi: undefined }).
    if (celle === undefined || celle === null) continue;
    const p = parseFelt(f, celle);
    if (!p.ok) {
      // A computed cell holding an error value (e.g. #NAME? where the SOC functions are not
      // loaded) has no usable cached value: it is recomputed silently, like an empty one.
      if (!f.beregnet) typefejl.set(f.navn, p.besked);
    } else if (projektmappe && erTekstTal(f.navn, celle, p.vaerdi)) {
      const t = tekstTalFund(f.navn, celle, p.vaerdi);
      tekstTal.push(t);
      typefejl.set(f.navn, tekstTalBesked(t));
    } else if (p.vaerdi !== undefined) vaerdier[f.navn] = p.vaerdi;
  }
  const tabelTypefejl = new Map<KolonneNavn, Map<number, string>>();
  for (const k of YDELSE_KOLONNER) {
    const celler = kolonneCeller(harEgen(input, k.navn) ? input[k.navn] : undefined);
    const kolonne: (string | number | null)[] = [];
    for (let i = 0; i < celler.length; i++) {
      const celle = celler[i];
      if (celle === null || celle === undefined) {
        kolonne.push(null);
        continue;
      }
      const p = parseFelt(k, celle);
      const tekst = p.ok && projektmappe && erTekstTal(k.navn, celle, p.vaerdi) ? tekstTalFund(k.navn, celle, p.vaerdi as number, i) : undefined;
      if (tekst) tekstTal.push(tekst);
      if (p.ok && !tekst) kolonne.push(p.vaerdi ?? null);
      else {
        if (!k.beregnet) {
          const fejl = tabelTypefejl.get(k.navn) ?? new Map<number, string>();
          fejl.set(i, tekst ? tekstTalBesked(tekst) : (p as { besked: string }).besked);
          tabelTypefejl.set(k.navn, fejl);
        }
        kolonne.push(null);
      }
    }
    vaerdier[k.navn] = kolonne;
  }
  return { vaerdier: vaerdier as Partial<Skema>, typefejl, tabelTypefejl, enkeltTakst, tekstTal };
}

/**
 * Validate one skema: a record of defined name → cell value (Excel, ExcelJS or JSON values).
 * Pure and synchronous; never throws: junk in gives findings out.
 */
export function validerSkema(input: Record<string, unknown>, kontekst: Valideringskontekst): Valideringsresultat {
  return udenUndtagelser(input, "TS_Regelsaet", "valideringen", (i) => valider(i, kontekst));
}

/**
 * Runs a validator so that it never throws: input that is not a record counts as empty, and an
 * internal error is one TS999 finding on `felt` ("Intern fejl i <hvad>: ..."), not an exception.
 */
export function udenUndtagelser(
  input: unknown,
  felt: string,
  hvad: string,
  koer: (input: Record<string, unknown>) => Valideringsresultat,
): Valideringsresultat {
  try {
    return koer(input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {});
  } catch (e) {
    const besked = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      findings: [{ code: "TS999", severity: "error", field: felt, cell: celleFor(felt), message: `Intern fejl i ${hvad}: ${besked}` }],
      skipped: [],
      vaerdier: {},
      beregnet: null,
    };
  }
}

/**
 * The context the rules see, one per validation: the rule being run is a field, and param,
 * fund and spring are methods, so no closure is created per rule (under tsx every function
 * expression created at run time costs a __name call, per rule and validation).
 */
class Kontekst implements RegelKontekst {
  regel!: Regel;
  private kendte: readonly string[] | undefined;
  constructor(
    readonly vaerdier: Partial<Skema>,
    readonly typefejl: ReadonlyMap<FeltNavn, string>,
    readonly tabelTypefejl: ReadonlyMap<KolonneNavn, ReadonlyMap<number, string>>,
    readonly enkeltTakst: boolean,
    readonly regelsaet: Regelsaet | undefined,
    readonly regelsaetId: string | undefined,
    private readonly register: RegelsaetRegister,
    readonly handling: "indsendt" | "valideret",
    readonly genberegnet: Genberegnet,
    readonly brugt: Beregning["brugt"],
    readonly indsendt: Date,
    private readonly findings: Fund[],
    private readonly skipped: Sprunget[],
  ) {}

  /** Only TS003 lists the known rulesets: they are read (and sorted) when asked for. */
  get kendteRegelsaet(): readonly string[] {
    if (this.kendte === undefined) {
      try {
        this.kendte = this.register.ids();
      } catch {
        this.kendte = [];
      }
    }
    return this.kendte;
  }

  param<K extends ParameterNavn>(navn: K): NonNullable<Parametre[K]>["vaerdi"] {
    return parameter(this.regelsaet!, navn)!;
  }

  fund(felt: SkemaNavn, message: string, raekke?: number): void {
    const f: Fund = { code: this.regel.code, severity: this.regel.severity, field: felt, cell: celleFor(felt, raekke), message: message.replace(/kr\.\.$/, "kr.") };
    if (raekke !== undefined && raekke >= 0 && raekke < YDELSE_RAEKKER && felt.startsWith("TS_Ydelser_")) f.row = raekke;
    this.findings.push(f);
  }

  spring(message: string, felt?: FeltNavn): void {
    this.skipped.push({ code: this.regel.code, ...(felt ? { field: felt } : {}), message });
  }
}

/** Where a skipped check points: the first broken cell of a column, else the field. */
function celleForFund(findings: readonly Fund[], ubrugelige: ReadonlySet<string>, f: string): string {
  const i = findings.findIndex((x) => x.field === f && ubrugelige.has(f));
  return i >= 0 ? findings[i]!.cell : celleFor(f);
}

const INGEN: readonly never[] = [];

/** The rule's parameters the ruleset does not give (all of them without a ruleset). */
function manglendeParametre(regel: Regel, r: Regelsaet | undefined): readonly ParameterNavn[] {
  let mangler: ParameterNavn[] | undefined;
  for (const p of regel.parametre ?? INGEN) if (!r || parameter(r, p) === undefined) (mangler ??= []).push(p);
  return mangler ?? INGEN;
}

/** The inputs the rule builds on that an input rule found unusable. */
function brudteFelter(regel: Regel, ubrugelige: ReadonlySet<string>): readonly SkemaNavn[] {
  let brudte: SkemaNavn[] | undefined;
  if (ubrugelige.size > 0) for (const f of regel.afhaenger ?? INGEN) if (ubrugelige.has(f)) (brudte ??= []).push(f);
  return brudte ?? INGEN;
}

function erBrudt(felter: readonly string[], ubrugelige: ReadonlySet<string>): boolean {
  for (const f of felter) if (ubrugelige.has(f)) return true;
  return false;
}

type Beregnetfelt = "TS_OverheadGrundlag" | "TS_Overhead" | "TS_Takstgrundlag" | "TS_Basisgrundlag" | "TS_Belaegningsdage" | "TS_A4" | "TS_A5" | "TS_A7";

/** The cell's own value, else the recomputed one; a field with neither stays absent. */
function fyld(v: Partial<Skema>, navn: Beregnetfelt, beregnet: number | null): void {
  const vaerdi = v[navn] ?? beregnet ?? undefined;
  if (vaerdi !== undefined) v[navn] = vaerdi;
}

type Tabelcelle = "TS_Ydelser_Basistakst" | "TS_Ydelser_Servicetakst" | "TS_Ydelser_Takst" | "TS_Ydelser_Takstudvikling";

/** A computed column with its empty cells filled from the recomputed ydelser. */
function udfyldtKolonne(v: Partial<Skema>, beregnet: Beregnet, navn: Tabelcelle, noegle: "basistakst" | "servicetakst" | "takst" | "takstudvikling"): (number | null)[] {
  const kolonne = [...(v[navn] ?? [])];
  for (const y of beregnet.ydelser) if (kolonne[y.raekke] === null || kolonne[y.raekke] === undefined) kolonne[y.raekke] = y[noegle];
  return kolonne;
}

/**
 * No computed figure is shown as if valid when an input it is built on has an error. The rules
 * are done with the recomputed figures: they are blanked where they stand.
 */
function udenBrudte(genberegnet: Genberegnet, ubrugelige: ReadonlySet<string>, findings: readonly Fund[]): Beregnet {
  const ikkePositiv = findings.some((f) => f.code === "TS032");
  const beregnet: Beregnet = genberegnet;
  if (erBrudt(OMKOSTNINGSFELTER, ubrugelige)) Object.assign(beregnet, { overheadGrundlag: null, overhead: null, takstgrundlag: null });
  if (erBrudt(KAPACITETSFELTER, ubrugelige)) {
    Object.assign(beregnet, { belaegningsdage: null, pladser: null, belaegning: null });
    for (const y of beregnet.ydelser) y.belaegningsdage = null;
  }
  if (erBrudt(TAKSTFELTER, ubrugelige) || ikkePositiv) {
    Object.assign(beregnet, { basisgrundlag: null, servicegrundlag: null, takst: null, takstudvikling: null });
    for (const y of beregnet.ydelser) Object.assign(y, { basistakst: null, servicetakst: null, takst: null, takstudvikling: null });
  }
  if (erBrudt(UDVIKLINGSFELTER, ubrugelige)) {
    beregnet.takstudvikling = null;
    for (const y of beregnet.ydelser) y.takstudvikling = null;
  }
  if (erBrudt(EFTERREGFELTER, ubrugelige)) Object.assign(beregnet, { A4: null, A5: null, A7: null, forventetRegulering: null });
  return beregnet;
}

function valider(input: Record<string, unknown>, kontekst: Valideringskontekst): Valideringsresultat {
  const { vaerdier: laest, typefejl, tabelTypefejl, enkeltTakst, tekstTal } = laesVaerdier(input, kontekst.projektmappe);
  const regelsaetId = laest.TS_Regelsaet;
  let r: Regelsaet | undefined;
  try {
    r = regelsaetId === undefined ? undefined : kontekst.register.find(regelsaetId);
  } catch {
    r = undefined;
  }
  const { beregnet: genberegnet, brugt } = beregn(laest, enkeltTakst, r);
  // The tilbud-level totals are computed from the table, whatever their cells say.
  // laest is this validation's own object: it becomes the values the rules see (and, after
  // them, the filled-in result) without copies (one validation per submission: bench/server.bench.ts).
  const v: Partial<Skema> = laest;
  if (genberegnet.pladser !== null) v.TS_Pladser = genberegnet.pladser;
  else if ("TS_Pladser" in v) delete v.TS_Pladser;
  if (genberegnet.belaegning !== null) v.TS_Belaegning = genberegnet.belaegning;
  else if ("TS_Belaegning" in v) delete v.TS_Belaegning;
  const givet = kontekst.indsendt && !Number.isNaN(kontekst.indsendt.getTime()) ? kontekst.indsendt : undefined;
  const indsendt = givet ?? new Date();
  const handling = kontekst.handling ?? (givet ? "indsendt" : "valideret");
  const findings: Fund[] = [];
  /** Fields an input rule found unusable; the checks built on them are skipped. */
  const ubrugelige = new Set<string>();
  const skipped: Sprunget[] = [];
  const ctx = new Kontekst(v, typefejl, tabelTypefejl, enkeltTakst, r, regelsaetId, kontekst.register, handling, genberegnet, brugt, indsendt, findings, skipped);

  for (const regel of REGLER) {
    const mangler = manglendeParametre(regel, r);
    if (mangler.length > 0) {
      const grund = r
        ? `regelsættet ${r.id} ikke angiver ${mangler.map((p) => PARAMETER_TEKST[p]).join(" eller ")}`
        : `regelsættet ${regelsaetId === undefined ? "ikke er angivet" : `"${regelsaetId}" ikke kendes`}`;
      skipped.push({ code: regel.code, field: regel.felter[0], message: `Sprunget over, fordi ${grund}. Kontrollen: ${regel.beskrivelse}` });
      continue;
    }
    if (regel.takstanalyse && erSaerligOpmaerksomhed(v.TS_SaerligOpmaerksomhed)) {
      skipped.push({ code: regel.code, field: "TS_SaerligOpmaerksomhed", message: `Sprunget over, fordi tilbuddet er markeret med særlig opmærksomhed (Bilag 19) og ikke indgår i takstanalyserne. Kontrollen: ${regel.beskrivelse}` });
      continue;
    }
    const brudte = brudteFelter(regel, ubrugelige);
    if (brudte.length > 0) {
      const hvor = brudte.map((f) => `"${felt(f)?.etiket ?? f}" (${celleForFund(findings, ubrugelige, f)})`).join(", ");
      skipped.push({ code: regel.code, field: brudte[0], message: `Beregnes når fejlen i ${hvor} er rettet. Kontrollen: ${regel.beskrivelse}` });
      continue;
    }
    ctx.regel = regel;
    const foer = findings.length;
    regel.check(ctx);
    if (regel.inddata) for (let i = foer; i < findings.length; i++) ubrugelige.add(findings[i]!.field);
  }

  const beregnet = udenBrudte(genberegnet, ubrugelige, findings);

  // Empty computed cells take the recomputed figures; a field with neither stays absent. Keys
  // are only added, never deleted (a delete makes V8 slow every later use of the object).
  const udfyldt: Partial<Skema> = v;
  fyld(udfyldt, "TS_OverheadGrundlag", beregnet.overheadGrundlag);
  fyld(udfyldt, "TS_Overhead", beregnet.overhead);
  fyld(udfyldt, "TS_Takstgrundlag", beregnet.takstgrundlag);
  fyld(udfyldt, "TS_Basisgrundlag", beregnet.basisgrundlag);
  fyld(udfyldt, "TS_Belaegningsdage", beregnet.belaegningsdage);
  fyld(udfyldt, "TS_A4", beregnet.A4);
  fyld(udfyldt, "TS_A5", beregnet.A5);
  fyld(udfyldt, "TS_A7", beregnet.A7);
  // Empty computed cells of the table take the recomputed figures.
  udfyldt.TS_Ydelser_Basistakst = udfyldtKolonne(v, beregnet, "TS_Ydelser_Basistakst", "basistakst");
  udfyldt.TS_Ydelser_Servicetakst = udfyldtKolonne(v, beregnet, "TS_Ydelser_Servicetakst", "servicetakst");
  udfyldt.TS_Ydelser_Takst = udfyldtKolonne(v, beregnet, "TS_Ydelser_Takst", "takst");
  udfyldt.TS_Ydelser_Takstudvikling = udfyldtKolonne(v, beregnet, "TS_Ydelser_Takstudvikling", "takstudvikling");
  for (const k of Object.keys(udfyldt) as (keyof Skema)[]) if (udfyldt[k] === undefined) delete udfyldt[k];

  return { ok: !findings.some((f) => f.severity === "error"), findings, skipped, vaerdier: udfyldt, beregnet, ...(kontekst.projektmappe ? { tekstTal } : {}) };
}
