import { z } from "zod";
import { type SkifteligtRegister, deltRegister } from "./delt";
import { indlejredeRegelsaet } from "./indlejret";
import { NyereSchemaFejl, parseRegelsaet } from "./register";
import { type Regelsaet, regelsaetResumeSchema } from "./schema";

/**
 * The one loader of the add-in's rulesets: built in + published by the service, or, when the
 * service cannot be reached, the last list it gave (cached) + built in. It fills the shared
 * register (delt.ts); the pane and the functions only read that.
 */

/** Where the published rulesets came from this time. */
export type RegelsaetKilde = "service" | "cache" | "indbygget";

export interface IndlaesResultat {
  kilde: RegelsaetKilde;
  /** When the list in use was fetched from the service (ISO), for "service" and "cache". */
  hentet?: string;
  /** How many published rulesets are in use (besides the built-in ones). */
  antalUdgivne: number;
  /** Danish notes: a ruleset in a newer format (update the add-in), a bad one skipped, no service. */
  beskeder: string[];
  /** True when at least one ruleset needs a newer add-in. */
  opdaterTilfoejelsesprogram: boolean;
}

export interface Lager {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface IndlaesOptioner {
  /** Base address of the service; empty = built-in only. */
  serviceUrl?: string;
  fetchFn?: typeof fetch;
  lager?: Lager;
  register?: SkifteligtRegister;
  /** The built-in rulesets; default those embedded in the bundle (the CLI passes rulesets/). */
  indbyggede?: readonly Regelsaet[];
  timeoutMs?: number;
  nu?: () => Date;
}

export const CACHE_NOEGLE = "soc-takster.regelsaet.cache";
export const REGELSAET_STI = "/api/v1/regelsaet";

const listeSchema = z.object({ regelsaet: z.array(regelsaetResumeSchema).max(500) });
const cacheSchema = z.object({ hentet: z.string(), regelsaet: z.array(z.unknown()) });

async function hentJson(fetchFn: typeof fetch, url: string, timeoutMs: number): Promise<unknown> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetchFn(url, { signal: ctrl.signal, cache: "no-store" });
    if (!res.ok) throw new Error(`svarede ${res.status}`);
    return (await res.json()) as unknown;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The service's rulesets as raw JSON (parsed later, so a newer format is reported, not fatal).
 * One the add-in has built in (same id and version, which never changes) is not fetched again.
 */
async function hentUdgivne(serviceUrl: string, fetchFn: typeof fetch, timeoutMs: number, indbyggede: readonly Regelsaet[]): Promise<unknown[]> {
  const base = serviceUrl.trim().replace(/\/+$/, "") + REGELSAET_STI;
  const liste = listeSchema.parse(await hentJson(fetchFn, base, timeoutMs));
  const nye = liste.regelsaet.filter((r) => !indbyggede.some((i) => i.id === r.id && i.version === r.version));
  return Promise.all(nye.map((r) => hentJson(fetchFn, `${base}/${encodeURIComponent(r.id)}?version=${r.version}`, timeoutMs)));
}

function fortolk(raa: readonly unknown[], hvorfra: string): { regelsaet: Regelsaet[]; beskeder: string[]; nyere: boolean } {
  const regelsaet: Regelsaet[] = [];
  const beskeder: string[] = [];
  let nyere = false;
  raa.forEach((r, i) => {
    try {
      regelsaet.push(parseRegelsaet(r, `regelsæt nr. ${i + 1} ${hvorfra}`));
    } catch (e) {
      nyere ||= e instanceof NyereSchemaFejl;
      beskeder.push(e instanceof NyereSchemaFejl ? e.message : `${(e as Error).message} Det bruges ikke.`);
    }
  });
  return { regelsaet, beskeder, nyere };
}

function laesCache(lager: Lager | undefined): { hentet: string; regelsaet: unknown[] } | undefined {
  try {
    const raw = lager?.getItem(CACHE_NOEGLE);
    if (!raw) return undefined;
    const p = cacheSchema.safeParse(JSON.parse(raw));
    return p.success ? p.data : undefined;
  } catch {
    return undefined;
  }
}

export async function indlaesRegelsaet(o: IndlaesOptioner = {}): Promise<IndlaesResultat> {
  const register = o.register ?? deltRegister();
  const indlejrede = o.indbyggede ?? indlejredeRegelsaet();
  const nu = o.nu ?? (() => new Date());
  const url = o.serviceUrl?.trim() ?? "";
  let fejl = "der er ikke angivet en adresse på indberetningsservicen";
  if (url) {
    try {
      const raa = await hentUdgivne(url, o.fetchFn ?? fetch, o.timeoutMs ?? 10000, indlejrede);
      const f = fortolk(raa, "fra indberetningsservicen");
      const hentet = nu().toISOString();
      try {
        o.lager?.setItem(CACHE_NOEGLE, JSON.stringify({ hentet, regelsaet: raa }));
      } catch {
        // A full or blocked storage only costs the offline fallback.
      }
      register.saet(indlejrede, f.regelsaet);
      return { kilde: "service", hentet, antalUdgivne: f.regelsaet.length, beskeder: f.beskeder, opdaterTilfoejelsesprogram: f.nyere };
    } catch (e) {
      fejl = `indberetningsservicen kunne ikke nås (${(e as Error).name === "AbortError" ? "intet svar" : (e as Error).message})`;
    }
  }
  const cache = laesCache(o.lager);
  if (cache) {
    const f = fortolk(cache.regelsaet, "i den gemte liste");
    register.saet(indlejrede, f.regelsaet);
    return { kilde: "cache", hentet: cache.hentet, antalUdgivne: f.regelsaet.length, beskeder: [`Bruger den gemte liste: ${fejl}.`, ...f.beskeder], opdaterTilfoejelsesprogram: f.nyere };
  }
  register.saet(indlejrede);
  return { kilde: "indbygget", antalUdgivne: 0, beskeder: [`Bruger kun de indbyggede regelsæt: ${fejl}.`], opdaterTilfoejelsesprogram: false };
}
