/**
 * Client for the submission service (product.md §5). Every outcome becomes a value with a Danish
 * message; nothing here throws. The caller keeps the exact body it sent, so a retry after a lost
 * answer sends the same bytes and the service returns the same receipt instead of a duplicate.
 */
import { z } from "zod";
import { kvitteringSchema as kontraktKvittering } from "../kontrakt";
import { forMangeTekst, retryAfterSekunder } from "../kontrakt/forMange";
import { FELTER, YDELSE_KOLONNER } from "../takstskema/felter";
import { REGNSKAB_FELTER, REGNSKAB_KOLONNER } from "../takstskema/regnskabFelter";
import { ENKELTTAKST_NAVNE } from "../takstskema/ydelser";

/**
 * The receipt field is written after submission, so it is never part of what is sent. The
 * single-takst names of an older workbook are sent as they are; the service reads them. A
 * regnskabsskema's own fields go too: the service tells the two by TS_Skematype.
 */
const SENDES = new Set<string>([
  ...[...FELTER, ...REGNSKAB_FELTER].map((f) => f.navn).filter((n) => n !== "TS_Kvittering"),
  ...[...YDELSE_KOLONNER, ...REGNSKAB_KOLONNER].map((k) => k.navn), ...ENKELTTAKST_NAVNE,
]);

const somJson = (v: unknown) => (v === "" || v === undefined ? null : v);

/** The skema as sent: known fields except the receipt, empty cells as null (a Ydelser column: an array of its rows). */
export function indberetning(skema: Record<string, unknown>): Record<string, unknown> {
  const ud: Record<string, unknown> = {};
  for (const [navn, v] of Object.entries(skema)) {
    if (!SENDES.has(navn)) continue;
    ud[navn] = Array.isArray(v) ? v.map(somJson) : somJson(v);
  }
  return ud;
}

/** A finding as the pane shows it: lenient, since a damaged entry costs that warning, not the receipt. */
export const serverFundSchema = z.object({
  code: z.string(),
  severity: z.string(),
  field: z.string().optional(),
  cell: z.string().optional(),
  message: z.string(),
});
export type ServerFund = z.infer<typeof serverFundSchema>;

/**
 * The receipt as the service issues it, from the API contract (anything else is never written),
 * with the warnings the service stored with the submission (TS120 is computed only there). They
 * are shown, never written into the workbook.
 */
export const kvitteringSchema = kontraktKvittering.extend({
  findings: z.unknown().optional().transform((v) => fundFra({ findings: v })),
});
export type Kvittering = z.infer<typeof kvitteringSchema>;

export type IndsendFejlArt = "offline" | "timeout" | "adgang" | "afvist" | "klient" | "server" | "svar";

export type IndsendResultat =
  | { ok: true; kvittering: Kvittering; gentaget: boolean }
  | { ok: false; art: IndsendFejlArt; status?: number; besked: string; fund?: ServerFund[] };

export interface IndsendOptioner {
  timeoutMs?: number;
  fetchFn?: typeof fetch;
}

export const INDBERETNING_STI = "/api/v1/indberetninger";

export function indberetningUrl(serviceUrl: string): string {
  return serviceUrl.trim().replace(/\/+$/, "") + INDBERETNING_STI;
}

/** One canonical body per skema: the same values give the same bytes (keys sorted). */
export function indberetningKrop(skema: Record<string, unknown>): string {
  const sorteret: Record<string, unknown> = {};
  for (const k of Object.keys(skema).sort()) sorteret[k] = skema[k];
  return JSON.stringify(sorteret);
}


/** The findings of an answer; an entry that is not a finding is left out (text from outside, shown only). */
function fundFra(v: unknown): ServerFund[] {
  if (!v || typeof v !== "object") return [];
  const liste = (v as { findings?: unknown }).findings;
  if (!Array.isArray(liste)) return [];
  return liste.flatMap((f) => {
    const r = serverFundSchema.safeParse(f && typeof f === "object" ? { severity: "error", ...stripNull(f as Record<string, unknown>) } : f);
    return r.success ? [r.data] : [];
  });
}

/** A finding stored before fields became optional may carry null for "none". */
function stripNull(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, x]) => x !== null));
}

async function jsonEllerUndefined(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

export async function indsend(
  serviceUrl: string,
  token: string,
  krop: string,
  opt: IndsendOptioner = {},
): Promise<IndsendResultat> {
  const fetchFn = opt.fetchFn ?? fetch;
  const timeoutMs = opt.timeoutMs ?? 20000;
  if (!token.trim()) {
    return { ok: false, art: "adgang", besked: "Der er ikke angivet en adgangsnøgle (token). Indtast den under Indstillinger." };
  }
  let url: string;
  try {
    url = new URL(indberetningUrl(serviceUrl)).toString();
  } catch {
    return { ok: false, art: "klient", besked: `Adressen på indberetningsservicen er ugyldig: "${serviceUrl}". Ret den under Indstillinger.` };
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token.trim()}` },
      body: krop,
      signal: ctrl.signal,
      cache: "no-store",
    });
  } catch {
    const timeout = ctrl.signal.aborted;
    return {
      ok: false,
      art: timeout ? "timeout" : "offline",
      besked: timeout
        ? `Indberetningsservicen svarede ikke inden for ${Math.round(timeoutMs / 1000)} sekunder. Skemaet er ikke ændret. Prøv igen – en gentagelse kan ikke give en dobbelt indberetning.`
        : "Kunne ikke få forbindelse til indberetningsservicen. Tjek netværksforbindelsen og adressen under Indstillinger, og prøv igen. Skemaet er ikke ændret.",
    };
  } finally {
    clearTimeout(timer);
  }
  const data = await jsonEllerUndefined(res);
  if (res.status === 200 || res.status === 201) {
    const k = kvitteringSchema.safeParse(data);
    if (k.success) return { ok: true, kvittering: k.data, gentaget: res.status === 200 };
    return { ok: false, art: "svar", status: res.status, besked: "Indberetningsservicen sendte et svar uden gyldig kvittering. Prøv igen, eller kontakt sekretariatet." };
  }
  if (res.status === 401) {
    return { ok: false, art: "adgang", status: 401, besked: "Adgangsnøglen (token) blev afvist (401). Kontrollér den under Indstillinger." };
  }
  if (res.status === 403) {
    return {
      ok: false,
      art: "adgang",
      status: 403,
      besked: "Adgangsnøglen må ikke indberette for denne driftsherre (403). Kontrollér feltet Driftsherre og din adgangsnøgle.",
    };
  }
  if (res.status === 422) {
    const fund = fundFra(data);
    return {
      ok: false,
      art: "afvist",
      status: 422,
      besked: `Indberetningsservicen afviste skemaet (422) med ${fund.length} ${fund.length === 1 ? "fund" : "fund"}. Ret fejlene og indsend igen.`,
      fund,
    };
  }
  if (res.status === 429) {
    // The service or a proxy holds this client back; the address is fine.
    return { ok: false, art: "server", status: 429, besked: `${forMangeTekst(retryAfterSekunder(res.headers.get("retry-after")))} Skemaet er ikke ændret.` };
  }
  if (res.status >= 500) {
    return {
      ok: false,
      art: "server",
      status: res.status,
      besked: `Serverfejl hos indberetningsservicen (${res.status}). Skemaet er ikke ændret – prøv igen om lidt.`,
    };
  }
  return {
    ok: false,
    art: "klient",
    status: res.status,
    besked: `Indberetningsservicen afviste anmodningen (${res.status}). Kontrollér adressen under Indstillinger.`,
  };
}
