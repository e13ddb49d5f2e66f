import { MIN_ANDRE_TILBUD, MIN_PLADSER } from "../takstskema/sammenligningsgraenser";
import type { Benchmark, BenchmarkNiveau } from "./index";

/**
 * The comparison's Danish words (product.md §5.3), one place for the .xlsx, the page and the task
 * pane (adapters that may not import each other). Information, never a finding: the words say
 * where a takst stands, not whether it is right.
 */

export const GRUND: Record<Benchmark["udeladt"][number]["grund"], string> = {
  saerligOpmaerksomhed: "Særlig opmærksomhed (Bilag 19)",
  faaPladser: `Færre end ${MIN_PLADSER} pladser i tilbuddet`,
  utilstraekkeligGruppering: "Mangler lovgrundlag, målgruppekategori eller takstenhed",
};

export const POSITION: Record<NonNullable<BenchmarkNiveau["position"]>, string> = {
  under_kvartil1: "Under 1. kvartil",
  mellem_kvartilerne: "Mellem kvartilerne",
  over_kvartil3: "Over 3. kvartil",
};

/** Said of a group without statistics when the service gives no `besked`. */
export const FOR_FAA = `For få sammenlignelige: der skal være mindst ${MIN_ANDRE_TILBUD} andre tilbud at sammenligne med.`;

/** 001:465-469: unit costs cannot stand alone as a measure of cost efficiency. */
export const INFORMATION =
  "Tallene er information: enhedsomkostninger kan ikke stå alene som mål for effektivitet, da målgruppens tyngde og indsatsens intensitet varierer.";

export const titel = (b: Pick<Benchmark, "takstaar">): string => `Sammenligning af takster ${b.takstaar}`;

/** What the figures are, and what they are not. */
export const forklaring = (b: Pick<Benchmark, "takstaar">): string =>
  `Takstniveauer for ${b.takstaar} i grupper med samme lovgrundlag, målgruppekategori og takstenhed. ` +
  `Median og kvartiler er beregnet som Excels KVARTIL.MEDTAG; indeks er egen takst i procent af gruppens median. ` +
  `En gruppe får statistik, når hvert tilbud har mindst ${MIN_ANDRE_TILBUD} andre tilbud at sammenligne med. ` +
  `Tilbud med særlig opmærksomhed og tilbud med færre end ${MIN_PLADSER} pladser indgår ikke. ` +
  "Nøgletallene er regnet uden regulering vedrørende tidligere år. " +
  INFORMATION;

/** "SEL § 108 · Socialpsykiatri · døgn": a group's name. */
export const gruppeNavn = (g: { lovgrundlag: string; maalgruppekategori: string; takstenhed: string }): string => `${g.lovgrundlag} · ${g.maalgruppekategori} · ${g.takstenhed}`;
