import type { z } from "zod";
import type { afvistSchema, fejlSchema, modtagetSchema } from "../../kontrakt";
import type { Regelsaet, RegelsaetRegister } from "../../regelsaet";
import type { Fund } from "../../takstskema";
import { aendringIAaretFund, gaelderFoerVedtagelsen, kapacitetSkalBegrundes, manglerBegrundelse, ts120, ts130Register, ts131, ts133, ydelserAf } from "../../takstskema";
import type { Db } from "../db";
import { type Bruger, sammeDriftsherre } from "../tokens";
import type { Udbakke } from "../udbakke";
import { behandlKrop } from "./behandl";
import { taksterIKraft } from "../offentliggoerelse/sql";
import { puljeFund } from "../puljer/fund";
import { registerFejl, takstaaretsTal } from "./regnskab";
import { hentSidsteAars } from "./sidsteAar";
import { GemAfvist, gemIndberetning } from "./sql";

/** The register as the service holds it: opdater() reads rulesets published since. */
export type ServiceRegister = RegelsaetRegister & { opdater?(): Promise<void>; readonly udgivelse?: number };

export interface Modtagelse {
  db: Db;
  register: ServiceRegister;
  /** The caller, a municipality's token. */
  bruger: Bruger;
  /** Whether a token taken from memory is still unrevoked (asked before any refusal). */
  tokenGyldigt: () => Promise<boolean>;
  nu: Date;
  /** Where the receipt is mailed (udbakke/); none when absent. */
  udbakke?: Udbakke;
}

export type ModtagSvar =
  | { kode: 200 | 201; krop: z.infer<typeof modtagetSchema> }
  | { kode: 401 }
  | { kode: 403; krop: z.infer<typeof fejlSchema> }
  | { kode: 422; krop: z.infer<typeof afvistSchema> };

/** A body that names another driftsherre than the token's. */
function naevnerAndenDriftsherre(krop: unknown, egen: string): boolean {
  if (!krop || typeof krop !== "object" || Array.isArray(krop)) return false;
  const dh = (krop as Record<string, unknown>).TS_Driftsherre;
  return typeof dh === "string" && dh.trim() !== "" && !sammeDriftsherre(dh, egen);
}

type Behandlet = Extract<ReturnType<typeof behandlKrop>, { ok: true }>;

/**
 * What the service adds from what it holds: TS120 (the stated sidste års takst against last
 * year's submission) and TS133 (a klynge/HS tilbud's pladser against last year's) read last year
 * only when the body needs it; TS130 against the register reads the takster in force only for a
 * change dated before its decision. Storing stays one round trip otherwise.
 */
async function registerFund(db: Db, egen: string, b: Behandlet, regelsaet: Regelsaet | undefined): Promise<{ ts130: Fund | null; fund: Fund[] }> {
  const ydelser = ydelserAf(b.vaerdier, b.beregnet);
  const sidsteAar = ydelser.some((y) => y.sidsteAarsTakst !== null) || kapacitetSkalBegrundes(regelsaet, b.vaerdier)
    ? await hentSidsteAars(db, egen, b.noegle.tilbud, b.noegle.takstaar - 1)
    : undefined;
  const ts133Fund = ts133(regelsaet, b.vaerdier, ydelser, sidsteAar?.ydelser);
  let ts130: Fund | null = null;
  if (gaelderFoerVedtagelsen(b.vaerdier)) {
    const iKraft = await taksterIKraft(db, egen, b.noegle.tilbud, b.noegle.takstaar, b.vaerdier.TS_AendringIkrafttraedelse as string);
    ts130 = ts130Register(b.vaerdier, ydelser, iKraft) ?? null;
  }
  return { ts130, fund: [...ts120(ydelser, sidsteAar?.ydelser ?? []), ...(ts133Fund ? [ts133Fund] : [])] };
}

/** The store's refusal as the answer, or "igen" where validating again may succeed. */
function afvisning(e: GemAfvist, b: Behandlet, regelsaet: Regelsaet | undefined): ModtagSvar | "kategori" | "igen" {
  if (e.grund === "token") return { kode: 401 };
  if (e.grund === "kategori") {
    // The store compares the text; the same kategori by another of the ruleset's names is no change.
    const fund = ts131(regelsaet, b.vaerdier.TS_Kategori, e.kategori);
    return fund ? { kode: 422, krop: { fejl: "Et tilbud kan ikke ændre kategori i løbet af året.", findings: [...b.findings, fund], skipped: b.skipped } } : "kategori";
  }
  if (e.grund === "offentliggjort") {
    const aendring = aendringIAaretFund(b.vaerdier, b.noegle.takstaar, e.offentliggjort);
    return { kode: 422, krop: { fejl: "Taksterne er offentliggjort: en ændring kræver en begrundelse.", findings: aendring ? [...b.findings, aendring] : b.findings, skipped: b.skipped } };
  }
  return "igen";
}

/**
 * Receives one submission (POST /api/v1/indberetninger): refuses a body for another
 * driftsherre, validates with the shared validator, adds TS120, stores, and answers with the
 * receipt. No HTTP here: the route only turns the answer into a reply.
 */
export async function modtag(krop: unknown, m: Modtagelse): Promise<ModtagSvar> {
  const { db, register, bruger } = m;
  const egen = bruger.driftsherre ?? "";
  const andenDriftsherre = async (): Promise<ModtagSvar> =>
    (await m.tokenGyldigt()) ? { kode: 403, krop: { fejl: `Dette token må kun indberette for ${egen}.` } } : { kode: 401 };
  // A body that names another driftsherre is refused before anything else is looked at.
  if (naevnerAndenDriftsherre(krop, egen)) return andenDriftsherre();
  // The server's register knows its publication number: the statement that stores checks it
  // (no query of its own); another register is brought up to date first.
  if (register.udgivelse === undefined) await register.opdater?.();
  let kategoriGodkendt = false;
  for (let forsoeg = 0; ; forsoeg++) {
    let b = behandlKrop(krop, register, m.nu);
    // A regnskab is validated again with the submitted takst of its year N (TS202, TS203).
    if (b.ok && b.skematype === "regnskab") b = behandlKrop(krop, register, m.nu, await takstaaretsTal(db, egen, b.noegle.tilbud, b.noegle.takstaar));
    if (!b.ok) {
      if (!(await m.tokenGyldigt())) return { kode: 401 };
      return { kode: 422, krop: { fejl: "Skemaet har fejl og er ikke modtaget.", findings: b.findings, skipped: b.skipped } };
    }
    if (!sammeDriftsherre(b.noegle.driftsherre, egen)) return andenDriftsherre();
    const regelsaet = typeof b.vaerdier.TS_Regelsaet === "string" ? register.find(b.vaerdier.TS_Regelsaet) : undefined;
    // A regnskab's takster are the register's (TS201); the budget's checks against last year and the register are the budget's.
    const { ts130, fund } = b.skematype === "regnskab" ? { ts130: null, fund: [] } : await registerFund(db, egen, b, regelsaet);
    const registerfejl = ts130 ? [ts130] : b.skematype === "regnskab" ? await registerFejl(db, egen, b) : [];
    if (registerfejl.length > 0) {
      if (!(await m.tokenGyldigt())) return { kode: 401 };
      return { kode: 422, krop: { fejl: "Skemaet har fejl og er ikke modtaget.", findings: [...b.findings, ...registerfejl], skipped: b.skipped } };
    }
    // The pool's TS210 (regnskab) or TS212 (budget), beside TS120 and TS133.
    const findings = [...b.findings, ...fund, ...(await puljeFund(db, egen, b.noegle.tilbud, b.noegle.takstaar, b.vaerdier, m.nu))];
    try {
      const { kvittering, ny } = await gemIndberetning(db, {
        ...b.noegle,
        driftsherre: egen,
        sha256: b.sha256,
        payload: b.indhold,
        vaerdier: b.vaerdier,
        findings,
        sprunget: b.skipped,
        beregnet: b.beregnet,
        regelsaet: b.regelsaet,
        skematype: b.skematype,
        regelsaetUdgivelse: register.udgivelse,
        // After publication a new version is an in-year change and must say why (product.md §5):
        // the storing call looks the publication up and refuses (GemAfvist "offentliggjort").
        kraeverBegrundelse: manglerBegrundelse(b.vaerdier),
        kategoriGodkendt,
        tokenId: bruger.tokenId,
        kvitteringTil: m.udbakke?.kvitteringTil(b.vaerdier) ?? null,
      });
      return { kode: ny ? 201 : 200, krop: { ...kvittering, findings } };
    } catch (e) {
      if (!(e instanceof GemAfvist)) throw e;
      const svar = afvisning(e, b, regelsaet);
      if (svar === "kategori") kategoriGodkendt = true;
      else if (svar !== "igen") return svar;
      // A ruleset was published since: read it and validate again (a few times at most).
      else if (forsoeg >= 5) throw e;
      else await register.opdater?.();
    }
  }
}
