import type { z } from "zod";
import { type Efterregulering, efterreguleringSchema, fejlSchema, indberetningDetaljeSchema, sidsteAarSchema } from "../kontrakt";
import { fetchMedCertifikatFejl } from "../regelsaet/certifikat";

/**
 * `takstskema udfyld --fra-server` (product.md §5.1): last year's current submission of a
 * tilbud and last year's takst per ydelse, read from the submission service with a token.
 * Every failure is a ServiceFejl with a Danish sentence (the CLI's exit code 2).
 */

export class ServiceFejl extends Error {
  override name = "ServiceFejl";
}

/** 404: what was asked for does not exist (a caller may take that as an answer). */
class IkkeFundet extends ServiceFejl {}

export interface SidsteAarsSkema {
  sidste: z.infer<typeof sidsteAarSchema>;
  payload: Record<string, unknown>;
}

const payloadSchema = indberetningDetaljeSchema.pick({ payload: true });

/** The service's address without a trailing slash; anything but http(s) is refused. */
export function serviceAdresse(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ServiceFejl(`--fra-server skal være indberetningsservicens adresse, fx https://takster.eksempel.dk (fik "${url}").`);
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") throw new ServiceFejl(`--fra-server skal være en http- eller https-adresse (fik "${url}").`);
  return u.href.replace(/\/+$/, "");
}

async function hent<S extends z.ZodTypeAny>(adresse: string, sti: string, token: string, schema: S, fetchFn: typeof fetch, hvad = "et svar"): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetchFn(adresse + sti, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  } catch (e) {
    const grund = e instanceof Error && e.message !== "fetch failed" ? `: ${e.message}` : "";
    throw new ServiceFejl(`Kunne ikke få forbindelse til indberetningsservicen på ${adresse}${grund}. Tjek adressen, og om servicen kører.`);
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.status === 401) throw new ServiceFejl("Indberetningsservicen afviste adgangsnøglen (401). Tjek --token eller TAKST_TOKEN.");
  if (!res.ok) {
    const f = fejlSchema.safeParse(data);
    const besked = `Indberetningsservicen svarede ${res.status}: ${f.success ? f.data.fejl : "ukendt fejl"}`;
    throw res.status === 404 ? new IkkeFundet(besked) : new ServiceFejl(besked);
  }
  const p = schema.safeParse(data);
  if (!p.success) throw new ServiceFejl(`Indberetningsservicen på ${adresse} sendte ${hvad}, takstskema ikke forstår.`);
  return p.data as z.infer<S>;
}

/** Last year's (takstaar − 1) current submission of `tilbud` and its takst per ydelse. */
export async function hentSidsteAarsSkema(
  url: string,
  token: string,
  o: { driftsherre: string; tilbud: string; takstaar: number },
  fetchFn: typeof fetch = fetchMedCertifikatFejl("npx takstskema udfyld --fra-server …"),
): Promise<SidsteAarsSkema> {
  const adresse = serviceAdresse(url);
  const q = new URLSearchParams({ tilbud: o.tilbud, takstaar: String(o.takstaar), driftsherre: o.driftsherre });
  const sidste = await hent(adresse, `/api/v1/indberetninger/sidste-aar?${q.toString()}`, token, sidsteAarSchema, fetchFn);
  const { payload } = await hent(adresse, `/api/v1/indberetninger/${encodeURIComponent(sidste.id)}`, token, payloadSchema, fetchFn);
  return { sidste, payload };
}

/**
 * What the budget skema of `takstaar` receives from the regnskab of takstaar − 2 (product.md
 * §5.2); null when the service has no regnskab for it (404).
 */
export async function hentEfterregulering(
  url: string,
  token: string,
  o: { driftsherre: string; tilbud: string; takstaar: number },
  fetchFn: typeof fetch = fetchMedCertifikatFejl("npx takstskema udfyld --fra-server …"),
): Promise<Efterregulering | null> {
  const q = new URLSearchParams({ tilbud: o.tilbud, takstaar: String(o.takstaar), driftsherre: o.driftsherre });
  try {
    return await hent(serviceAdresse(url), `/api/v1/efterregulering?${q.toString()}`, token, efterreguleringSchema, fetchFn, "en efterregulering");
  } catch (e) {
    if (e instanceof IkkeFundet) return null;
    throw e;
  }
}
