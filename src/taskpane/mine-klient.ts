/**
 * "Mine indberetninger" (issue 14): the municipality's own submissions, their status and the
 * dialogue with the secretariat, read and answered through the submission service's API. Every
 * answer is checked with zod (outside input); every outcome is a value with a Danish message.
 */
import { z } from "zod";
import { type MinObjektivFinansiering, type Sagsstatus, dialogPostSchema, indberetningSchema as kontraktIndberetning, minObjektivFinansieringSchema } from "../kontrakt";
import { forMangeTekst, retryAfterSekunder } from "../kontrakt/forMange";
import { normaliserUrl } from "./indstillinger";

export type { Sagsstatus };

/** The fields the pane reads of a listed submission (the contract's); an older service sends no `ydelser`. */
const indberetningSchema = kontraktIndberetning
  .pick({ id: true, tilbud: true, ydelse: true, takstaar: true, version: true, nummer: true, status: true, modtaget: true })
  .extend({ ydelser: kontraktIndberetning.shape.ydelser.optional(), nummer: kontraktIndberetning.shape.nummer.optional().transform((x) => x ?? null) });
export type MinIndberetning = z.infer<typeof indberetningSchema>;

const postSchema = dialogPostSchema;
export type DialogPost = z.infer<typeof postSchema>;

const detaljeSchema = indberetningSchema.extend({ dialog: z.array(postSchema) });
export type MinDetalje = z.infer<typeof detaljeSchema>;

export const STATUS_TEKST: Record<Sagsstatus, string> = {
  modtaget: "Modtaget",
  i_dialog: "I dialog – sekretariatet har et spørgsmål",
  godkendt: "Godkendt af sekretariatet",
  tilbagetrukket: "Trukket tilbage",
};

/** The submission's ydelser as one text: "Gruppe A, Gruppe B" (one name for an older service). */
export function ydelseTekst(i: Pick<MinIndberetning, "ydelse" | "ydelser">): string {
  return i.ydelser && i.ydelser.length > 0 ? i.ydelser.join(", ") : i.ydelse;
}

/** One tilbud's submission (all its ydelser) for one takstår with all its versions, newest first; the first is the current one. */
export interface MinTakst {
  noegle: string;
  versioner: MinIndberetning[];
}

/** `ikkeFundet`: the service answered 404 (the thing asked for does not exist), which some steps report as a note. */
export type Svar<T> = { ok: true; data: T } | { ok: false; besked: string; ikkeFundet?: true };

type FetchFn = typeof fetch;

export async function kald<S extends z.ZodTypeAny>(serviceUrl: string, token: string, sti: string, schema: S, krop?: unknown, fetchFn: FetchFn = fetch): Promise<Svar<z.infer<S>>> {
  if (!token.trim()) return { ok: false, besked: "Der er ikke angivet en adgangsnøgle (token). Indtast den under Indstillinger." };
  let res: Response;
  try {
    res = await fetchFn(normaliserUrl(serviceUrl) + sti, {
      method: krop === undefined ? "GET" : "POST",
      headers: { Authorization: `Bearer ${token.trim()}`, ...(krop === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(krop === undefined ? {} : { body: JSON.stringify(krop) }),
      cache: "no-store",
    });
  } catch {
    return { ok: false, besked: "Kunne ikke få forbindelse til indberetningsservicen. Tjek netværket og adressen under Indstillinger." };
  }
  let data: unknown;
  try {
    data = await res.json();
  } catch {
    data = undefined;
  }
  if (res.status === 401) return { ok: false, besked: "Adgangsnøglen (token) blev afvist (401). Kontrollér den under Indstillinger." };
  if (res.status === 429) return { ok: false, besked: forMangeTekst(retryAfterSekunder(res.headers.get("retry-after"))) };
  if (!res.ok) {
    const fejl = data && typeof data === "object" && typeof (data as { fejl?: unknown }).fejl === "string" ? (data as { fejl: string }).fejl : `fejl ${res.status}`;
    return { ok: false, besked: `Indberetningsservicen afviste handlingen: ${fejl}`, ...(res.status === 404 ? { ikkeFundet: true as const } : {}) };
  }
  const p = schema.safeParse(data);
  return p.success ? { ok: true, data: p.data as z.infer<S> } : { ok: false, besked: "Indberetningsservicen sendte et svar, opgaveruden ikke forstår." };
}

const listeSchema = z.object({ indberetninger: z.array(indberetningSchema) });

/** Own submissions grouped per tilbud and takstår (issue 12: one submission carries every ydelse), newest takstår first. */
export async function hentMine(serviceUrl: string, token: string, fetchFn?: FetchFn): Promise<Svar<MinTakst[]>> {
  const r = await kald(serviceUrl, token, "/api/v1/indberetninger", listeSchema, undefined, fetchFn);
  if (!r.ok) return r;
  const grupper = new Map<string, MinIndberetning[]>();
  for (const i of r.data.indberetninger) {
    const noegle = `${i.takstaar}\u0000${i.tilbud}`;
    grupper.set(noegle, [...(grupper.get(noegle) ?? []), i]);
  }
  const takster = [...grupper.entries()].map(([noegle, v]) => ({ noegle, versioner: v.sort((a, b) => b.version - a.version) }));
  takster.sort((a, b) => b.versioner[0]!.takstaar - a.versioner[0]!.takstaar || a.noegle.localeCompare(b.noegle, "da"));
  return { ok: true, data: takster };
}

export function hentDetalje(serviceUrl: string, token: string, id: string, fetchFn?: FetchFn): Promise<Svar<MinDetalje>> {
  return kald(serviceUrl, token, `/api/v1/indberetninger/${encodeURIComponent(id)}`, detaljeSchema, undefined, fetchFn);
}

export function sendSvar(serviceUrl: string, token: string, id: string, tekst: string, fetchFn?: FetchFn): Promise<Svar<DialogPost>> {
  return kald(serviceUrl, token, `/api/v1/indberetninger/${encodeURIComponent(id)}/bemaerkninger`, postSchema, { tekst }, fetchFn);
}

export function traekTilbage(serviceUrl: string, token: string, id: string, begrundelse: string, fetchFn?: FetchFn): Promise<Svar<unknown>> {
  return kald(serviceUrl, token, `/api/v1/indberetninger/${encodeURIComponent(id)}/status`, z.unknown(), { status: "tilbagetrukket", bemaerkning: begrundelse }, fetchFn);
}

/** Each year's own objektiv finansiering (GET /api/v1/tilsyn/mine, issue 23); a year with none published is left out. */
export async function hentObjektivFinansiering(serviceUrl: string, token: string, aar: readonly number[], fetchFn?: FetchFn): Promise<Svar<MinObjektivFinansiering[]>> {
  const svar = await Promise.all(aar.map((a) => kald(serviceUrl, token, `/api/v1/tilsyn/mine?budgetaar=${a}`, minObjektivFinansieringSchema, undefined, fetchFn)));
  const fejl = svar.find((s): s is Extract<typeof s, { ok: false }> => !s.ok);
  if (fejl) return fejl;
  return { ok: true, data: svar.flatMap((s) => (s.ok && s.data.objektivFinansiering.length > 0 ? [s.data] : [])) };
}
