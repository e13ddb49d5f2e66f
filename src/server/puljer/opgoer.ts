import { type PrimoAargang, type PuljeParametre, STANDARD_PULJE } from "../../engine";
import type { Pulje } from "../../kontrakt";
import { type Regelsaet, type RegelsaetRegister, lavRegister, parameter } from "../../regelsaet";
import { laesRegelsaetFiler } from "../../regelsaet/fraMappe";
import type { Sql } from "../db";
import { regelsaetOpslag } from "../regelsaet";
import { lavPulje } from "./beregning";
import { hentPrimo, hentPuljeRegnskaber } from "./sql";

let indbyggede: (RegelsaetRegister & { indbyggede: readonly Regelsaet[] }) | undefined;

/**
 * The pool's parameters from the ruleset of its latest regnskab (a built-in or a published one,
 * looked up by id and version as it was validated): efterregGraense, udloebAar and
 * efterregForsinkelseAar; what the ruleset does not give from STANDARD_PULJE.
 */
async function parametre(db: Sql, ref: { id: string | null; version: number | null } | undefined): Promise<PuljeParametre> {
  if (!ref?.id || ref.version === null) return STANDARD_PULJE;
  if (!indbyggede) {
    const liste = laesRegelsaetFiler();
    indbyggede = Object.assign(lavRegister(liste), { indbyggede: liste });
  }
  const r = (await regelsaetOpslag(db, indbyggede, [ref]))(ref.id, ref.version);
  if (!r) return STANDARD_PULJE;
  return {
    graense: parameter(r, "efterregGraense") ?? STANDARD_PULJE.graense,
    udloebAar: parameter(r, "udloebAar") ?? STANDARD_PULJE.udloebAar,
    forsinkelseAar: parameter(r, "efterregForsinkelseAar") ?? STANDARD_PULJE.forsinkelseAar,
  };
}

/**
 * One pool as it stands now: its opening vintages and the ledelsesområde's current regnskaber
 * through the year-end algorithm (`nyPrimo`: as it would be with these opening vintages). The only place the pool is computed: GET /api/v1/puljer, the
 * page, puljeAndel (the budget skema's TS_ReguleringPulje, TS212) and TS210 all read it from here.
 */
export async function opgoerPulje(db: Sql, driftsherre: string, ledelsesomraade: string, nyPrimo?: readonly PrimoAargang[]): Promise<Pulje> {
  return (await puljeMedParametre(db, driftsherre, ledelsesomraade, nyPrimo)).pulje;
}

/** The pool and the parameters it was computed with (TS210 names the takstår an expiry reaches). */
export async function puljeMedParametre(db: Sql, driftsherre: string, ledelsesomraade: string, nyPrimo?: readonly PrimoAargang[]): Promise<{ pulje: Pulje; parametre: PuljeParametre }> {
  const navn = ledelsesomraade.trim();
  const [primo, regnskaber] = await Promise.all([nyPrimo ?? hentPrimo(db, driftsherre, navn), hentPuljeRegnskaber(db, driftsherre, navn)]);
  const p = await parametre(db, regnskaber[regnskaber.length - 1]?.regelsaet);
  return { pulje: lavPulje(driftsherre, navn, primo, regnskaber, p), parametre: p };
}
