import { indeks, placering } from "../engine";
import { type Benchmark, benchmarkSchema } from "../kontrakt";
import { FOR_FAA, INFORMATION, POSITION, gruppeNavn } from "../kontrakt/benchmarkTekster";
import { type Svar, kald } from "./mine-klient";
import { tal } from "./visning";

/**
 * Where the skema's takster would stand (issue 24, product.md §5.3): after a validation without
 * errors the pane asks GET /api/v1/benchmark for this takstår's group of the skema's lovgrundlag,
 * målgruppekategori and takstenhed, and says per ydelse the group's median and quartiles and the
 * takst's index and position. Information, never a finding: nothing here blocks or warns, and a
 * service that cannot be reached shows nothing. No Excel calls: the figures are the validation's.
 */

export interface SkemaGruppe {
  takstaar: number;
  lovgrundlag: string;
  maalgruppekategori: string;
  takstenhed: string;
}

const tekst = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

/** The skema's group keys, or null when one is missing (then there is no group to compare with). */
export function skemaGruppe(vaerdier: Record<string, unknown>): SkemaGruppe | null {
  const g = { takstaar: Number(vaerdier.TS_Takstaar), lovgrundlag: tekst(vaerdier.TS_Lovgrundlag), maalgruppekategori: tekst(vaerdier.TS_Maalgruppekategori), takstenhed: tekst(vaerdier.TS_Takstenhed) };
  return Number.isInteger(g.takstaar) && g.lovgrundlag && g.maalgruppekategori && g.takstenhed ? g : null;
}

export function hentBenchmark(serviceUrl: string, token: string, g: SkemaGruppe, fetchFn?: typeof fetch): Promise<Svar<Benchmark>> {
  const q = new URLSearchParams({ takstaar: String(g.takstaar), lovgrundlag: g.lovgrundlag, maalgruppekategori: g.maalgruppekategori, takstenhed: g.takstenhed });
  return kald(serviceUrl, token, `/api/v1/benchmark?${q.toString()}`, benchmarkSchema, undefined, fetchFn);
}

const kroner = (x: number): string => `${tal(x)} kr.`;
const enDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * One line per ydelse with a takst: "Gruppe A: 1.200 kr. – indeks 80,0, mellem kvartilerne
 * (median 1.500 kr., kvartiler 1.200 kr.-1.800 kr.)", or that the group has too few. The index
 * and position by the engine's one function each, as the service computes them for stored ones.
 */
export function placeringer(b: Benchmark, g: SkemaGruppe, ydelser: readonly { navn: string; takst: number | null }[]): { overskrift: string; linjer: string[] } {
  const gruppe = b.grupper.find((x) => x.lovgrundlag === g.lovgrundlag && x.maalgruppekategori === g.maalgruppekategori && x.takstenhed === g.takstenhed);
  const s = gruppe?.statistik ?? null;
  const overskrift = s
    ? `${gruppeNavn(g)}, takstår ${g.takstaar} indtil nu: median ${kroner(s.median)}, 1. kvartil ${kroner(s.kvartil1)}, 3. kvartil ${kroner(s.kvartil3)} (${gruppe!.antal} takstniveauer fra ${gruppe!.antalTilbud} tilbud).`
    : `${gruppeNavn(g)}, takstår ${g.takstaar} indtil nu: ${gruppe?.besked ?? FOR_FAA}`;
  const linjer = !s
    ? []
    : ydelser
        .filter((y): y is { navn: string; takst: number } => y.takst !== null)
        .map((y) => `${y.navn}: ${kroner(y.takst)} – indeks ${enDecimal.format(indeks(y.takst, s.median).toNumber())} (median = 100), ${POSITION[placering(y.takst, s.kvartil1, s.kvartil3)].toLocaleLowerCase("da")}.`);
  return { overskrift, linjer };
}

let seneste = 0;

/**
 * Fills `boks` with the lines once the service answers; hides it when there is nothing to say
 * (no group keys, no takst, no token, the service unreachable or refusing): never an alarm.
 * Only the latest validation's answer is shown.
 */
export async function visBenchmark(boks: HTMLElement, ind: { serviceUrl: string; token: string }, vaerdier: Record<string, unknown>, ydelser: readonly { navn: string; takst: number | null }[], fetchFn?: typeof fetch): Promise<void> {
  const nr = ++seneste;
  boks.hidden = true;
  const g = skemaGruppe(vaerdier);
  if (!g || !ydelser.some((y) => y.takst !== null)) return;
  const svar = await hentBenchmark(ind.serviceUrl, ind.token, g, fetchFn);
  if (nr !== seneste || !svar.ok) return;
  const { overskrift, linjer } = placeringer(svar.data, g, ydelser);
  const h = document.createElement("h3");
  h.textContent = "Sammenlignelige tilbud";
  const p = document.createElement("p");
  p.textContent = overskrift;
  const liste = document.createElement("ul");
  for (const l of linjer) {
    const li = document.createElement("li");
    li.textContent = l;
    liste.append(li);
  }
  const note = document.createElement("p");
  note.className = "hjaelp";
  note.textContent = INFORMATION;
  boks.replaceChildren(h, p, ...(linjer.length ? [liste] : []), note);
  boks.hidden = false;
}
