import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { RegelsaetRegister } from "../regelsaet";
import { type Beregnet, type Fund, type Sprunget, type Valideringsresultat, kr, skematypeAf, validerRegnskab, validerSkema } from "../takstskema";
import { LaesFejl, laesSkema } from "./laes";
import { synlig } from "./synlig";
import { tilsynsRegisterCli, validerTilsynsfil } from "./tilsyn";
import type { TilsynBeregnet } from "../tilsynsskema";

export interface FilResultat {
  fil: string;
  /** Set when the file could not be read (exit code 2). */
  fejl?: string;
  resultat?: Valideringsresultat;
  /** A tilsynsskema's recomputed figures (its findings are in `resultat`). */
  tilsyn?: TilsynBeregnet | null;
}

export async function validerFil(sti: string, register: RegelsaetRegister, indsendt?: Date): Promise<FilResultat> {
  try {
    const laest = await laesSkema(sti);
    // Read from a workbook: a number stored as text where the formulas compute is TS002.
    // A regnskabsskema has its own checks; without the service TS202/TS203 are listed as skipped.
    const valider = skematypeAf(laest.vaerdier) === "regnskab" ? validerRegnskab : validerSkema;
    const res = valider(laest.vaerdier, { register, indsendt, projektmappe: true });
    // A text the reader refused as too long (TS002) is not reported a second time as missing.
    const afvist = new Set(laest.fund.filter((f) => f.code === "TS002").map((f) => f.field));
    const findings = [...laest.fund, ...res.findings.filter((f) => !(f.code === "TS001" && afvist.has(f.field)))];
    return { fil: sti, resultat: { ...res, findings, ok: !findings.some((f) => f.severity === "error") } };
  } catch (e) {
    if (e instanceof LaesFejl) {
      // Not a takstskema: perhaps the socialtilsyn's tilsynsskema (its ST_ names).
      const t = await validerTilsynsfil(sti, tilsynsRegisterCli());
      if (t) return { fil: sti, resultat: { ...t, vaerdier: {}, beregnet: null }, tilsyn: t.beregnet };
      return { fil: sti, fejl: e.message };
    }
    return { fil: sti, fejl: `${sti} kan ikke læses: ${(e as Error).message}` };
  }
}

/** The .xlsx files of a folder (not recursive; Excel's "~$" lock files are left out), sorted. */
export function xlsxIMappe(mappe: string): string[] {
  return readdirSync(mappe)
    .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$"))
    .sort()
    .map((n) => join(mappe, n))
    .filter((p) => statSync(p).isFile());
}

/** Exit code: 2 if any file could not be read, else 1 if any has errors, else 0. */
export function exitKode(resultater: FilResultat[]): 0 | 1 | 2 {
  if (resultater.some((r) => r.fejl !== undefined)) return 2;
  return resultater.some((r) => r.resultat && !r.resultat.ok) ? 1 : 0;
}

/**
 * The `--json` shape of product.md §4 for one file: ok, findings, skipped and `beregnet` (the
 * recomputed figures, per ydelse navn, basistakst, servicetakst, takst and more).
 */
export function somJson(r: FilResultat): { ok: boolean; findings: Fund[]; skipped: Sprunget[]; beregnet?: Beregnet | TilsynBeregnet | null; fejl?: string } {
  if (r.fejl !== undefined) return { ok: false, findings: [], skipped: [], fejl: r.fejl };
  const res = r.resultat!;
  return { ok: res.ok, findings: res.findings, skipped: res.skipped, beregnet: r.tilsyn ?? res.beregnet };
}

export function flertal(n: number, en: string, flere: string): string {
  return `${n} ${n === 1 ? en : flere}`;
}

/**
 * Human-readable Danish report for one file. Text from the workbook and the file name are
 * printed escaped (synlig). An unreadable file gets one line here; its reason is printed once,
 * on stderr, by the caller.
 */
export function somTekst(r: FilResultat): string {
  const navn = synlig(basename(r.fil));
  if (r.fejl !== undefined) return `${navn}: KAN IKKE LÆSES\n`;
  const res = r.resultat!;
  const fejl = res.findings.filter((f) => f.severity === "error");
  const adv = res.findings.filter((f) => f.severity === "warning");
  const linjer = [`${navn}: ${res.ok ? "godkendt" : "AFVIST"} – ${flertal(fejl.length, "fejl", "fejl")}, ${flertal(adv.length, "advarsel", "advarsler")}`];
  const gruppe = (titel: string, fund: Fund[]) => {
    if (fund.length === 0) return;
    linjer.push(`  ${titel}:`);
    for (const f of fund) linjer.push(`    ${f.code}  ${synlig(f.cell)}  (${synlig(f.field)})  ${synlig(f.message)}`);
  };
  gruppe("Fejl (skal rettes før indsendelse)", fejl);
  gruppe("Advarsler", adv);
  if (res.skipped.length > 0) {
    linjer.push("  Kontroller sprunget over:");
    for (const s of res.skipped) linjer.push(`    ${s.code}  ${synlig(s.message)}`);
  }
  const t = r.tilsyn;
  if (t) {
    linjer.push(`  Genberegnet: behov ${kr(t.behov)}, tilsynstakster ${t.takster.map(kr).join(" / ")}, skærpet ${t.skaerpet.map(kr).join(" / ")}`);
    linjer.push(`    objektiv finansiering ${kr(t.ofIAlt)} på ${flertal(t.of.length, "kommune", "kommuner")}, pr. plejefamilie ${kr(t.ofPrPlejefamilie)}`);
  }
  const b = res.beregnet;
  if (b) {
    const enhed = typeof res.vaerdier.TS_Takstenhed === "string" ? ` pr. ${synlig(res.vaerdier.TS_Takstenhed)}` : "";
    const belob = (x: number | null) => (x === null ? "–" : kr(x));
    const e = b.efterregulering;
    linjer.push(`  Genberegnet: ${e ? "afregningsgrundlag" : "takstgrundlag"} ${belob(b.takstgrundlag)}, overhead ${belob(b.overhead)}${e ? "" : `, heraf borgerrettet ${belob(b.servicegrundlag)}`}`);
    if (e) {
      linjer.push(`  Efterregulering: A1 ${belob(e.A1)}, A2 ${belob(e.A2)}, A3 ${belob(e.A3)}, A4 ${belob(e.A4)}, A5 ${belob(e.A5)}, A6 ${belob(e.A6)}, A7 ${belob(e.A7)}`);
      linjer.push(`    regulering i taksten år +2 (-A7): ${belob(e.reguleringAarPlus2)}`);
    }
    for (const y of e ? [] : b.ydelser) {
      const split = y.basistakst === null || y.servicetakst === null ? "" : ` (basistakst ${kr(y.basistakst)} + servicetakst ${kr(y.servicetakst)})`;
      linjer.push(`    ${y.navn ? synlig(y.navn) : `række ${y.raekke + 1}`}: takst ${y.takst === null ? "–" : kr(y.takst) + enhed}${split}`);
    }
  }
  return linjer.join("\n") + "\n";
}

export async function validerSti(sti: string, register: RegelsaetRegister, indsendt?: Date): Promise<{ mappe: boolean; resultater: FilResultat[]; mappeFejl?: string }> {
  let erMappe = false;
  try {
    erMappe = statSync(sti).isDirectory();
  } catch {
    erMappe = false;
  }
  if (!erMappe) return { mappe: false, resultater: [await validerFil(sti, register, indsendt)] };
  const filer = xlsxIMappe(sti);
  if (filer.length === 0) return { mappe: true, resultater: [], mappeFejl: `Mappen ${sti} indeholder ingen .xlsx-filer.` };
  const resultater: FilResultat[] = [];
  for (const f of filer) resultater.push(await validerFil(f, register, indsendt));
  return { mappe: true, resultater };
}
