import { D } from "../engine";
import { type Regelsaet, type RegelsaetRegister, fundTekst, parameter, tjekRegelsaet } from "../regelsaet";
import { lavSkifteligtRegister } from "../regelsaet/delt";
import { fetchMedCertifikatFejl } from "../regelsaet/certifikat";
import { laesJsonFil, laesRegelsaetFiler } from "../regelsaet/fraMappe";
import { indlaesRegelsaet } from "../regelsaet/indlaeser";
import { REGLER } from "../takstskema";

type Ud = { out: (s: string) => void; err: (s: string) => void };

export class RegelsaetFilFejl extends Error {}

function laesJson(fil: string): unknown {
  try {
    return laesJsonFil(fil);
  } catch (e) {
    throw new RegelsaetFilFejl((e as Error).message);
  }
}

/** A ruleset file for --regelsaet-fil; a bad file is an error naming the parameter. */
export function laesRegelsaetFil(fil: string): Regelsaet {
  const t = tjekRegelsaet(laesJson(fil));
  if (!t.ok) throw new RegelsaetFilFejl(`${fil} er ikke et gyldigt regelsæt:\n${t.fund.map((f) => `  ${fundTekst(f)}`).join("\n")}`);
  return t.regelsaet;
}

/**
 * The CLI's register: rulesets/ (built in), plus with `--server URL` what that service has
 * published, plus with `--regelsaet-fil` the given file (which wins over the same id and version).
 */
export async function cliRegister(o: { regelsaetFil?: string; server?: string }): Promise<RegelsaetRegister> {
  const register = lavSkifteligtRegister();
  const indbyggede = laesRegelsaetFiler();
  register.saet(indbyggede);
  if (o.server) {
    const r = await indlaesRegelsaet({ serviceUrl: o.server, register, indbyggede, fetchFn: fetchMedCertifikatFejl("npx takstskema …") });
    if (r.kilde !== "service") throw new RegelsaetFilFejl(r.beskeder.join(" "));
  }
  if (o.regelsaetFil) register.saet(register.alle(), [laesRegelsaetFil(o.regelsaetFil)]);
  return register;
}

/** `takstskema regelsaet tjek fil.json`: schema, kilde on every parameter, which checks run. Exit 0 good, 2 bad. */
export function regelsaetKommando(args: string[], ud: Ud): number {
  const [handling, fil] = args;
  if (handling !== "tjek" || !fil || args.length > 2) {
    ud.err("Brug: takstskema regelsaet tjek fil.json\n");
    return 2;
  }
  let raw: unknown;
  try {
    raw = laesJson(fil);
  } catch (e) {
    ud.err(`${(e as Error).message}\n`);
    return 2;
  }
  const t = tjekRegelsaet(raw);
  if (!t.ok) {
    ud.out(`${fil}: UGYLDIGT – ${t.fund.length} ${t.fund.length === 1 ? "fejl" : "fejl"}\n`);
    for (const f of t.fund) ud.out(`  ${fundTekst(f)}\n`);
    return 2;
  }
  const r = t.regelsaet;
  const navne = Object.keys(r.parametre);
  ud.out(`${fil}: gyldigt – ${r.id} version ${r.version} (${r.navn}), ${navne.length} parametre, alle med kilde.\n`);
  for (const n of navne) ud.out(`  ${n} = ${JSON.stringify(parameter(r, n as keyof Regelsaet["parametre"]))}  (kilde: ${(r.parametre as Record<string, { kilde: string }>)[n]!.kilde})\n`);
  const { aktive, sprunget } = kontroller(r);
  ud.out(`\nKontroller, som regelsættet slår til (${aktive.length}):\n`);
  for (const k of aktive) ud.out(`  ${k.code}  ${k.beskrivelse}  [${k.parametre.join(", ")}]\n`);
  ud.out(`\nKontroller, der springes over, fordi en parameter mangler (${sprunget.length}):\n`);
  for (const k of sprunget) ud.out(`  ${k.code}  ${k.beskrivelse}  (mangler: ${k.mangler.join(", ")})\n`);
  ud.out(`\nBeregninger, som regelsættet slår til:\n  ${plBrug(r)}\n`);
  return 0;
}

/**
 * plSats is no rule's parameter (TS050 falls back to the skema's TS_PLPct), so `kontroller` does
 * not list it; what it enables is said here (product.md §3 and §5.1).
 */
export function plBrug(r: Regelsaet): string {
  const pl = r.parametre.plSats;
  if (!pl) return "Takstudvikling (TS050, TS051, takstudviklingsrapporten): intet plSats – skemaets PL (TS_PLPct) bruges; uden den vises ingen takstudvikling (mangler: plSats)";
  return `Takstudvikling (TS050, TS051, takstudviklingsrapporten) med regelsættets PL for ${r.takstaar}: ${new D(pl.vaerdi).times(100).toString().replace(".", ",")} % (KL's ${pl.serie === "service" ? "serviceudgifter" : "samlede udgifter"})  [plSats]`;
}

/** From the rules' `parametre` declarations: a rule runs when the ruleset has all it needs. */
export function kontroller(r: Regelsaet): {
  aktive: { code: string; beskrivelse: string; parametre: string[] }[];
  sprunget: { code: string; beskrivelse: string; mangler: string[] }[];
} {
  const aktive: { code: string; beskrivelse: string; parametre: string[] }[] = [];
  const sprunget: { code: string; beskrivelse: string; mangler: string[] }[] = [];
  for (const regel of REGLER) {
    const behov = regel.parametre ?? [];
    if (behov.length === 0) continue;
    const mangler = behov.filter((p) => parameter(r, p) === undefined);
    if (mangler.length) sprunget.push({ code: regel.code, beskrivelse: regel.beskrivelse, mangler: [...mangler] });
    else aktive.push({ code: regel.code, beskrivelse: regel.beskrivelse, parametre: [...behov] });
  }
  return { aktive, sprunget };
}
