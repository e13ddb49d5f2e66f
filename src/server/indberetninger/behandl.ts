import { z } from "zod";
import type { RegelsaetRegister } from "../../regelsaet";
import {
  type Fund, type Skematype, type Sprunget, type TakstaaretsTal, celleFor, harUgyldigeTegn, skematypeAf, takstskemaJsonSchema, validerRegnskab, validerSkema, YDELSE_RAEKKER, ydelserAf,
} from "../../takstskema";
import { kanoniskJson, sha256Hex } from "../kanonisk";

/** Fields the server does not treat as content: the receipt the task pane writes back. */
const IKKE_INDHOLD = new Set(["TS_Kvittering"]);

export const MAKS_FELTER = 200;
export const MAKS_TEKST = 4000;

/**
 * The HTTP boundary: the takstskema's JSON body schema (name → scalar, or a Ydelser column's
 * array of at most 10 scalars), narrowed to TS_ names, a bounded number of fields and bounded
 * text. Everything about the content is the validator's.
 */
export const kropSchema = takstskemaJsonSchema.superRefine((o, ctx) => {
  const navne = Object.keys(o);
  if (navne.length > MAKS_FELTER) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Højst ${MAKS_FELTER} felter`, path: [] });
  for (const n of navne) {
    if (!/^TS_[A-Za-z0-9_]{1,60}$/.test(n)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Feltnavnet er ikke et TS_-navn fra takstskemaet", path: [n] });
    const vaerdi = o[n];
    if (Array.isArray(vaerdi) && !n.startsWith("TS_Ydelser_")) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Kun kolonnerne i Ydelser (TS_Ydelser_…) kan være lister", path: [n] });
    for (const v of Array.isArray(vaerdi) ? vaerdi : [vaerdi]) {
      if (typeof v === "string" && v.length > MAKS_TEKST) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `Teksten er længere end ${MAKS_TEKST} tegn`, path: [n] });
      // PostgreSQL cannot hold NUL or half a surrogate pair; an .xlsx cannot hold control characters or U+FFFE/U+FFFF.
      else if (typeof v === "string" && harUgyldigeTegn(v)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Teksten indeholder et ugyldigt tegn", path: [n] });
    }
  }
});

const TS_NAVN = /^TS_[A-Za-z0-9_]{1,60}$/;

function erGodSkalar(v: unknown): boolean {
  if (typeof v === "string") return v.length <= MAKS_TEKST && !harUgyldigeTegn(v);
  return v === null || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/**
 * True only for a body kropSchema accepts as it is (a plain object; every key a TS_ name, at
 * most MAKS_FELTER of them; scalars; lists only in TS_Ydelser_ columns, at most 10 long; text
 * bounded and storable), checked without zod's machinery: the common case, on the path the service's throughput is
 * measured on (npm run bench server). Every
 * other body goes through kropSchema, which gives the messages; for these kropSchema's data
 * is the body's own keys in its order with the same values, as the loop below takes them.
 */
export function erGyldigKrop(krop: object): krop is Record<string, Indholdsvaerdi> {
  if (Object.getPrototypeOf(krop) !== Object.prototype) return false;
  let antal = 0;
  // for…in, as zod's record reads the body.
  for (const navn in krop) {
    if (++antal > MAKS_FELTER || !TS_NAVN.test(navn)) return false;
    const vaerdi = (krop as Record<string, unknown>)[navn];
    if (Array.isArray(vaerdi)) {
      if (vaerdi.length > YDELSE_RAEKKER || !navn.startsWith("TS_Ydelser_")) return false;
      for (const v of vaerdi) if (!erGodSkalar(v)) return false;
    } else if (!erGodSkalar(vaerdi)) return false;
  }
  return true;
}

type Skalar = string | number | boolean | null;
/** A field's value in the body: a scalar, or a Ydelser column's rows. */
export type Indholdsvaerdi = Skalar | Skalar[];

export type Behandling =
  | { ok: false; findings: Fund[]; skipped: Sprunget[] }
  | {
      ok: true;
      indhold: Record<string, Indholdsvaerdi>;
      sha256: string;
      findings: Fund[];
      skipped: Sprunget[];
      vaerdier: Record<string, unknown>;
      beregnet: unknown;
      /** The ruleset (id and version) the skema was validated against. */
      regelsaet: { id: string; version: number } | null;
      /** A regnskabsskema (TS_Skematype "regnskab"): its noegle.takstaar is the regnskabsår N. */
      skematype: Skematype;
      noegle: { driftsherre: string; tilbud: string; ydelse: string; takstaar: number };
    };

function graenseFund(field: string, message: string): Fund {
  return { code: "TS002", severity: "error", field, cell: field ? celleFor(field) : "", message };
}

/**
 * Parse the body, run the shared validator (the regnskab's for TS_Skematype "regnskab", with
 * `takstaaret`: the submitted takst of year N, TS202/TS203), and derive the storage key and sha256. Never throws.
 */
export function behandlKrop(krop: unknown, register: RegelsaetRegister, indsendt: Date, takstaaret?: TakstaaretsTal): Behandling {
  if (krop === null || typeof krop !== "object" || Array.isArray(krop)) {
    return { ok: false, findings: [graenseFund("", "Indberetningen skal være et JSON-objekt med takstskemaets felter (TS_…).")], skipped: [] };
  }
  let data: Record<string, Indholdsvaerdi>;
  if (erGyldigKrop(krop)) data = krop;
  else {
    const p = kropSchema.safeParse(krop);
    if (!p.success) {
      const findings = p.error.issues.slice(0, 50).map((i) => {
        const felt = typeof i.path[0] === "string" ? i.path[0] : "";
        return graenseFund(felt.slice(0, 80), i.message);
      });
      return { ok: false, findings, skipped: [] };
    }
    data = p.data;
  }
  const indhold: Record<string, Indholdsvaerdi> = {};
  for (const k in data) if (!IKKE_INDHOLD.has(k)) indhold[k] = data[k]!;

  const skematype = skematypeAf(indhold);
  let res: ReturnType<typeof validerSkema>;
  try {
    res = skematype === "regnskab" ? validerRegnskab(indhold, { register, indsendt, ...(takstaaret ? { takstaaret } : {}) }) : validerSkema(indhold, { register, indsendt });
  } catch (e) {
    // The validator promises never to throw; if it does, the body is refused, not stored.
    return { ok: false, findings: [graenseFund("", `Skemaet kunne ikke valideres: ${(e as Error).message}`)], skipped: [] };
  }
  if (!res.ok || res.findings.some((f) => f.severity === "error")) return { ok: false, findings: res.findings, skipped: res.skipped };

  const v = res.vaerdier as Record<string, unknown>;
  const tekst = (x: unknown) => (typeof x === "string" ? x.trim() : "");
  // The storage key names the first ydelse (one-row skemaer: the former TS_Ydelse).
  const noegle = {
    driftsherre: tekst(v.TS_Driftsherre), tilbud: tekst(v.TS_Tilbud), ydelse: tekst(ydelserAf(v, res.beregnet)[0]?.navn),
    takstaar: Number(skematype === "regnskab" ? v.TS_Regnskabsaar : v.TS_Takstaar),
  };
  if (!Number.isInteger(noegle.takstaar) || noegle.takstaar < 1900 || noegle.takstaar > 2200) {
    const felt = skematype === "regnskab" ? "TS_Regnskabsaar" : "TS_Takstaar";
    return { ok: false, findings: [graenseFund(felt, `${skematype === "regnskab" ? "Regnskabsåret" : "Takståret"} skal være et årstal mellem 1900 og 2200.`)], skipped: res.skipped };
  }
  if (!noegle.driftsherre || !noegle.tilbud || !noegle.ydelse) {
    return { ok: false, findings: [graenseFund("TS_Tilbud", "Driftsherre, tilbud og ydelse skal være udfyldt.")], skipped: res.skipped };
  }
  if (noegle.tilbud.length > 500 || noegle.ydelse.length > 500) {
    return { ok: false, findings: [graenseFund("TS_Tilbud", "Tilbud og ydelse må højst være 500 tegn.")], skipped: res.skipped };
  }
  return {
    ok: true,
    indhold,
    sha256: sha256Hex(kanoniskJson(indhold)),
    findings: res.findings,
    skipped: res.skipped,
    // The validator's own object, fresh per call; the store writes it as JSON.
    vaerdier: v,
    beregnet: res.beregnet,
    regelsaet: brugtRegelsaet(register, v.TS_Regelsaet),
    skematype,
    noegle,
  };
}

function brugtRegelsaet(register: RegelsaetRegister, id: unknown): { id: string; version: number } | null {
  const r = typeof id === "string" ? register.find(id) : undefined;
  return r ? { id: r.id, version: r.version } : null;
}
