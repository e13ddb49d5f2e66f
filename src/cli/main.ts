import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { RegelsaetRegister } from "../regelsaet";
import {
  efterreguleringCeller, efterreguleringForslag, excelDag, FELTER, forkertAarTekst, forslagLinje, fremfoerSkema, ingenRegnskabTekst, regnskabsaarFor, skabelonLayout,
  skematypeAf, somTabel, validerRegnskab, validerSkema, YDELSE_RAEKKER,
} from "../takstskema";
import { hentEfterregulering, hentSidsteAarsSkema, ServiceFejl } from "./fraServer";
import { RegelsaetFilFejl, cliRegister, laesRegelsaetFil, regelsaetKommando } from "./regelsaet";
import { lavArbejdsbog, skrivSkabelon, type Udfyldning, xlsxBytes } from "./skabelon";
import { indsendtDato, laesInddata, skrivFil, somUdfyldning } from "./filer";
import { filfejl } from "./laes";
import { synlig, synligJson } from "./synlig";
import { skrivTilsynsskabelon, tilsynsRegisterCli, udfyldtTilsynsskema } from "./tilsyn";
import { exitKode, flertal, somJson, somTekst, validerSti } from "./valider";

const BRUG = `Brug:
  takstskema skabelon --regelsaet SYD-2018 --ud skema.xlsx
      Skriver standardskabelonen for regelsættet.
  takstskema skabelon --type tilsyn --regelsaet TILSYN-SYD-2018 --ud tilsyn.xlsx
      Skriver socialtilsynets tilsynsskema (navnene ST_…) for regelsættet.
  takstskema skabelon --type regnskab --regelsaet SYD-2018 --ud regnskab.xlsx
      Skriver regnskabsskemaet (efterregulering af regnskabsåret, Bilag 18) med takstårets regelsæt.
  takstskema valider <fil.xlsx|mappe> [--json] [--indsendt ÅÅÅÅ-MM-DD]
      Validerer et udfyldt skema (takstskema eller tilsynsskema) eller alle .xlsx-filer i en mappe.
      Exitkode 0: ingen fejl, 1: fejl fundet, 2: en fil kan ikke læses.
  takstskema regelsaet tjek <fil.json>
      Tjekker en regelsætfil (format, kilde på hver parameter) og viser, hvilke kontroller den
      slår til, og hvilke der springes over. Exitkode 0: gyldig, 2: fejl.
  Til skabelon og valider: --regelsaet-fil fil.json bruger regelsættet i filen, og
  --server https://… bruger også de regelsæt, indberetningsservicen har udgivet.
  takstskema udfyld <inddata.json> --ud skema.xlsx
      Skriver et udfyldt skema fra en JSON-fil med TS_-navn → værdi (regelsæt fra TS_Regelsaet).
  takstskema udfyld --fra-server https://… --driftsherre D --tilbud T --takstaar ÅÅÅÅ --ud skema.xlsx
      Skriver årets skema udfyldt fra sidste års indberetning af tilbuddet: stamdata, ydelser og
      omkostninger, det nye takstår, regionens regelsæt for året og sidste års takst fra
      indberetningsservicen, og efterreguleringen fra regnskabet for år -2 (A1-A6, reguleringen
      og puljens andel), når servicen har det; ellers står felterne tomme, og en note siger det.
      Adgangsnøglen: --token TOKEN eller miljøvariablen TAKST_TOKEN.
      Exitkode 0: skrevet, 2: fejl (ingen adgangsnøgle, servicen svarer ikke, intet sidste år).
`;

interface Argumenter {
  positionelle: string[];
  flag: Map<string, string | true>;
}

/** The options of every command (BRUG above): text unless a switch. */
const TILVALG = {
  regelsaet: { type: "string" },
  ud: { type: "string" },
  indsendt: { type: "string" },
  "regelsaet-fil": { type: "string" },
  server: { type: "string" },
  "fra-server": { type: "string" },
  driftsherre: { type: "string" },
  tilbud: { type: "string" },
  takstaar: { type: "string" },
  token: { type: "string" },
  type: { type: "string" },
  json: { type: "boolean" },
  hjaelp: { type: "boolean" },
  help: { type: "boolean" },
} as const;

/** node:util's parseArgs, with the flags named as typed (--ud) and its errors in Danish. */
function laesArgumenter(argv: string[]): Argumenter {
  try {
    const { positionals, values } = parseArgs({ args: argv, options: TILVALG, strict: true, allowPositionals: true });
    const flag = new Map<string, string | true>();
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== false) flag.set(`--${k}`, v);
    return { positionelle: positionals, flag };
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    const navn = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (kode === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new BrugFejl(`${navn} kræver en værdi.`);
    if (kode === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new BrugFejl(`Ukendt tilvalg ${navn}.`);
    throw e;
  }
}

class BrugFejl extends Error {}

async function tilsynSkabelon(flag: Map<string, string | true>, ud: Ud): Promise<number> {
  const id = flag.get("--regelsaet");
  const fil = flag.get("--ud");
  if (typeof id !== "string" || typeof fil !== "string") throw new BrugFejl("skabelon --type tilsyn kræver --regelsaet (fx TILSYN-SYD-2018) og --ud.");
  const register = tilsynsRegisterCli();
  const r = register.find(id.toUpperCase());
  if (!r) throw new BrugFejl(`Ukendt tilsynsregelsæt "${id}". Kendte: ${register.ids().join(", ")}.`);
  await skrivFil(fil, () => skrivTilsynsskabelon(r, fil));
  ud.out(`Skrev tilsynsskemaet for ${r.id} til ${fil}.\n`);
  return 0;
}

async function tilsynUdfyld(inddata: Udfyldning, fil: string, ud: Ud): Promise<number> {
  const register = tilsynsRegisterCli();
  const r = register.find(String(inddata.ST_Regelsaet).toUpperCase());
  if (!r) throw new BrugFejl(`ST_Regelsaet er ikke et kendt tilsynsregelsæt (${register.ids().join(", ")}).`);
  const bytes = await xlsxBytes(await udfyldtTilsynsskema(inddata, r, register));
  await skrivFil(fil, () => writeFileSync(fil, bytes));
  ud.out(`Skrev ${fil} (${r.id}).\n`);
  return 0;
}

type Ud = { out: (s: string) => void; err: (s: string) => void };

interface Kald {
  rest: string[];
  flag: Map<string, string | true>;
  register: RegelsaetRegister;
  ud: Ud;
}
const tekstflag = (flag: Map<string, string | true>, k: string) => (typeof flag.get(k) === "string" ? (flag.get(k) as string) : undefined);

async function skabelon({ flag, register, ud }: Kald): Promise<number> {
  const type = flag.get("--type");
  if (type === "tilsyn") return tilsynSkabelon(flag, ud);
  if (type !== undefined && type !== "regnskab" && type !== "budget") throw new BrugFejl(`--type skal være budget, regnskab eller tilsyn (fik "${synlig(String(type))}").`);
  const regelsaetFil = tekstflag(flag, "--regelsaet-fil");
  const id = flag.get("--regelsaet") ?? (regelsaetFil ? laesRegelsaetFil(regelsaetFil).id : undefined);
  const fil = flag.get("--ud");
  if (typeof id !== "string" || typeof fil !== "string") throw new BrugFejl("skabelon kræver --regelsaet (eller --regelsaet-fil) og --ud.");
  const r = register.find(id);
  if (!r) throw new BrugFejl(`Ukendt regelsæt "${id}". Kendte: ${register.ids().join(", ")}.`);
  const regnskab = type === "regnskab";
  await skrivFil(fil, () => skrivSkabelon(r, fil, regnskab ? "regnskab" : "budget"));
  ud.out(`Skrev ${regnskab ? "regnskabsskemaet" : "standardskabelonen"} for ${r.id} til ${fil}.\n`);
  return 0;
}

function indsendtFlag(flag: Map<string, string | true>): Date | undefined {
  const tekst = tekstflag(flag, "--indsendt");
  if (tekst === undefined) return undefined;
  const indsendt = indsendtDato(tekst);
  if (!indsendt) throw new BrugFejl(`--indsendt skal være en dato, der findes, som ÅÅÅÅ-MM-DD (fik "${synlig(tekst)}").`);
  return indsendt;
}

async function valider({ rest, flag, register, ud }: Kald): Promise<number> {
  const sti = rest[0];
  if (!sti || rest.length > 1) throw new BrugFejl("valider kræver én fil eller mappe.");
  const { mappe, resultater, mappeFejl } = await validerSti(sti, register, indsendtFlag(flag));
  if (mappeFejl) {
    if (flag.has("--json")) ud.out(JSON.stringify([]) + "\n");
    ud.err(synlig(mappeFejl) + "\n");
    return 2;
  }
  if (flag.has("--json")) {
    // One file: the object of product.md §4. A folder: an array of { fil, ...that object }.
    ud.out(synligJson(mappe ? resultater.map((r) => ({ fil: r.fil, ...somJson(r) })) : somJson(resultater[0]!)) + "\n");
  } else {
    for (const r of resultater) ud.out(somTekst(r));
    if (mappe) {
      const afvist = resultater.filter((r) => r.resultat && !r.resultat.ok).length;
      const ulaeselige = resultater.filter((r) => r.fejl !== undefined).length;
      ud.out(`\n${flertal(resultater.length, "fil", "filer")}: ${resultater.length - afvist - ulaeselige} godkendt, ${afvist} afvist, ${ulaeselige} kan ikke læses.\n`);
    }
  }
  for (const r of resultater) if (r.fejl !== undefined) ud.err(synlig(r.fejl) + "\n");
  return exitKode(resultater);
}

/** `udfyld --fra-server`: this year's skema from last year's submission on the service. */
async function udfyldFraServer({ rest, flag, ud }: Kald, url: string): Promise<number> {
  const [driftsherre, tilbud, aar, fil] = ["--driftsherre", "--tilbud", "--takstaar", "--ud"].map((k) => tekstflag(flag, k)?.trim());
  if (rest.length > 0 || !driftsherre || !tilbud || !aar || !fil) throw new BrugFejl("udfyld --fra-server kræver --driftsherre, --tilbud, --takstaar og --ud (og ingen JSON-fil).");
  const takstaar = Number(aar);
  if (!/^\d{4}$/.test(aar)) throw new BrugFejl(`--takstaar skal være et år med fire cifre (fik "${synlig(aar)}").`);
  const token = (tekstflag(flag, "--token") ?? process.env.TAKST_TOKEN ?? "").trim();
  if (!token) throw new BrugFejl("udfyld --fra-server kræver kommunens adgangsnøgle: --token TOKEN eller miljøvariablen TAKST_TOKEN.");
  const { sidste, payload } = await hentSidsteAarsSkema(url, token, { driftsherre, tilbud, takstaar });
  // The new year's ruleset may be one the service has published since the add-in was built.
  const register = await cliRegister({ regelsaetFil: tekstflag(flag, "--regelsaet-fil"), server: url });
  const f = fremfoerSkema(payload, sidste.ydelser, sidste.takstaar, register);
  if (!f.ok) throw new ServiceFejl(f.besked);
  const efterreg = await hentEfterregulering(url, token, { driftsherre, tilbud, takstaar });
  const forkert = efterreg && forkertAarTekst(efterreg, takstaar);
  if (forkert) throw new ServiceFejl(forkert);
  // The year's own cells start empty (fremfoer.ts), so the efterregulering overwrites nothing typed.
  const inddata = somUdfyldning(efterreg ? { ...f.vaerdier, ...efterreguleringCeller(efterreg) } : f.vaerdier);
  if (!inddata) throw new ServiceFejl(`Indberetningen for ${sidste.takstaar} har værdier, som ikke kan skrives i skemaet.`);
  const bytes = await xlsxBytes(await udfyldtArbejdsbog(inddata, register));
  await skrivFil(fil, () => writeFileSync(fil, bytes));
  ud.out(`Skrev ${fil}: ${tilbud} ${f.takstaar} (${f.regelsaet}), udfyldt fra indberetningen for ${sidste.takstaar}${sidste.nummer ? ` (${sidste.nummer})` : ""}.\n`);
  if (efterreg) {
    const linjer = efterreguleringForslag(inddata, efterreg).map((x) => `  ${forslagLinje(x)}\n`).join("");
    ud.out(`Efterreguleringen fra regnskabet for ${efterreg.regnskabsaar}${efterreg.regnskab.nummer ? ` (${efterreg.regnskab.nummer})` : ""} er udfyldt:\n${linjer}`);
  } else {
    ud.out(`Bemærk: ${ingenRegnskabTekst(tilbud, f.takstaar, regnskabsaarFor(f.takstaar, register.find(f.regelsaet)))} Felterne A1-A6, reguleringen og puljens andel er tomme.\n`);
  }
  return 0;
}

async function udfyld(k: Kald): Promise<number> {
  const { rest, flag, register, ud } = k;
  const fraServer = tekstflag(flag, "--fra-server");
  if (fraServer !== undefined) return udfyldFraServer(k, fraServer);
  const kilde = rest[0];
  const fil = flag.get("--ud");
  if (!kilde || typeof fil !== "string") throw new BrugFejl("udfyld kræver en JSON-fil og --ud.");
  const inddata = laesInddata(kilde);
  if (inddata.ST_Regelsaet !== undefined) return tilsynUdfyld(inddata, fil, ud);
  const r = register.find(String(inddata.TS_Regelsaet ?? ""));
  if (!r) throw new BrugFejl(`TS_Regelsaet i ${kilde} er ikke et kendt regelsæt (${register.ids().join(", ")}).`);
  const wb = await udfyldtArbejdsbog(inddata, register);
  const bytes = await xlsxBytes(wb);
  await skrivFil(fil, () => writeFileSync(fil, bytes));
  ud.out(`Skrev ${fil} (${r.id}).\n`);
  return 0;
}

const KOMMANDOER: Record<string, ((k: Kald) => Promise<number>) | undefined> = { skabelon, valider, udfyld };

export async function main(argv: string[], ud: Ud = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  try {
    const { positionelle, flag } = laesArgumenter(argv);
    const [kommando, ...rest] = positionelle;
    if (!kommando || flag.has("--hjaelp") || flag.has("--help") || kommando === "hjaelp" || kommando === "hjælp") {
      ud.out(BRUG);
      // Asking for help is a success; no command at all is a usage error.
      return kommando || flag.has("--hjaelp") || flag.has("--help") ? 0 : 2;
    }
    if (kommando === "regelsaet") return regelsaetKommando(rest, ud);
    const register = await cliRegister({ regelsaetFil: tekstflag(flag, "--regelsaet-fil"), server: tekstflag(flag, "--server") });
    // Own keys only: "constructor" is not a command.
    const koer = Object.hasOwn(KOMMANDOER, kommando) ? KOMMANDOER[kommando] : undefined;
    if (koer) return await koer({ rest, flag, register, ud });
    throw new BrugFejl(`Ukendt kommando "${kommando}".`);
  } catch (e) {
    if (e instanceof RegelsaetFilFejl) {
      ud.err(`${e.message}\n`);
      return 2;
    }
    if (e instanceof BrugFejl) {
      ud.err(`${synlig(e.message)}\n\n${BRUG}`);
      return 2;
    }
    const errno = (e as NodeJS.ErrnoException).code;
    ud.err(synlig(`Fejl: ${typeof errno === "string" && /^E[A-Z]+$/.test(errno) ? filfejl(e as NodeJS.ErrnoException) : (e as Error).message}`) + "\n");
    return 2;
  }
}

/**
 * The template filled with inputs, with the recomputed values cached in the computed cells
 * (as Excel would have saved them). `cache` overrides cached results; null = no cached value.
 */
export async function udfyldtArbejdsbog(raa: Udfyldning, register: RegelsaetRegister, cache: Udfyldning = {}) {
  // A JSON file in the former single-takst shape fills row 1 of the Ydelser table.
  const inddata = somTabel(raa).input as Udfyldning;
  const cacheTabel = somTabel(cache).input as Udfyldning;
  const r = register.find(String(inddata.TS_Regelsaet ?? "")) ?? register.hent("SYD-2018");
  const type = skematypeAf(inddata);
  if (type === "regnskab") return udfyldtRegnskab(inddata, register, cacheTabel, r);
  const res = validerSkema(inddata, { register });
  // A date field holds an Excel date (its format shows it, its data validation takes it), not the JSON's text.
  for (const f of FELTER) {
    const dato = res.vaerdier[f.navn];
    if (f.type === "dato" && typeof dato === "string") inddata[f.navn] = excelDag(dato);
  }
  const b = res.beregnet;
  const kolonne = (noegle: "basistakst" | "servicetakst" | "takst" | "takstudvikling") => {
    const k: (number | string | null)[] = Array.from({ length: YDELSE_RAEKKER }, () => null);
    for (const y of b?.ydelser ?? []) k[y.raekke] = y[noegle] ?? (noegle === "takstudvikling" ? "" : null);
    return k;
  };
  const resultater: Udfyldning = b
    ? {
      TS_OverheadGrundlag: b.overheadGrundlag, TS_Overhead: b.overhead, TS_Takstgrundlag: b.takstgrundlag, TS_Basisgrundlag: b.basisgrundlag,
      TS_Belaegningsdage: b.belaegningsdage, TS_Pladser: b.pladser, TS_Belaegning: b.belaegning,
      TS_Ydelser_Basistakst: kolonne("basistakst"), TS_Ydelser_Servicetakst: kolonne("servicetakst"),
      TS_Ydelser_Takst: kolonne("takst"), TS_Ydelser_Takstudvikling: kolonne("takstudvikling"),
      TS_A4: b.A4, TS_A5: b.A5, TS_A7: b.A7,
    }
    : {};
  // A cached value given per column overrides only the rows it names (null = no cached value).
  const cacheFlettet: Udfyldning = { ...resultater };
  for (const [navn, v] of Object.entries(cacheTabel)) {
    const foer = resultater[navn];
    cacheFlettet[navn] = Array.isArray(v) && Array.isArray(foer) ? foer.map((x, i) => (i < v.length ? v[i]! : x)) : v;
  }
  return lavArbejdsbog(skabelonLayout(r), inddata, cacheFlettet);
}

/**
 * A filled regnskabsskema: the inputs, and the engine's figures (validerRegnskab) as the cached
 * results of its computed cells; `cache` overrides them (null = no cached value).
 */
async function udfyldtRegnskab(inddata: Udfyldning, register: RegelsaetRegister, cache: Udfyldning, r: ReturnType<RegelsaetRegister["hent"]>) {
  const res = validerRegnskab(inddata, { register });
  const gyldigFra = inddata.TS_Ydelser_GyldigFra;
  if (Array.isArray(gyldigFra)) inddata.TS_Ydelser_GyldigFra = gyldigFra.map((d) => (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) ? excelDag(d) : d));
  const b = res.beregnet;
  const e = b?.efterregulering;
  const resultater: Udfyldning = b && e
    ? {
      TS_OverheadGrundlag: b.overheadGrundlag, TS_Overhead: b.overhead, TS_Takstgrundlag: b.takstgrundlag, TS_Belaegningsdage: b.belaegningsdage,
      TS_Takstaar: res.vaerdier.TS_Takstaar ?? null, TS_A1: e.A1, TS_A2: e.A2, TS_A4: e.A4, TS_A5: e.A5, TS_A6: e.A6, TS_A7: e.A7, TS_ReguleringAarPlus2: e.reguleringAarPlus2,
    }
    : {};
  return lavArbejdsbog(skabelonLayout(r, "regnskab"), inddata, { ...resultater, ...cache });
}

/** bin/takstskema.js: run and set the exit code. */
export function koerFraKommandolinje(argv: string[]): void {
  void main(argv).then((kode) => {
    process.exitCode = kode;
  });
}
