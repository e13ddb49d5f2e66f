import type { Benchmark, BenchmarkNiveau } from "./index";

/**
 * The benchmark's Danish words (product.md §5.3), one place for the page and the task pane (which
 * may not import each other). Information, never a finding: the wording says where a takst stands,
 * not whether it is right.
 */

export const POSITION: Record<NonNullable<BenchmarkNiveau["position"]>, string> = {
  under_kvartil1: "under 1. kvartil",
  mellem_kvartilerne: "mellem kvartilerne",
  over_kvartil3: "over 3. kvartil",
};

export const UDELADT_GRUND: Record<Benchmark["udeladt"][number]["grund"], string> = {
  saerligOpmaerksomhed: "Særlig opmærksomhed (indgår ikke i takstanalyser)",
  faaPladser: "Færre end 5 pladser (enhedsomkostningerne svinger for meget)",
  utilstraekkeligGruppering: "Lovgrundlag, målgruppekategori eller takstenhed mangler",
};

/** Said when a group has no statistics (the API's `besked`, or this when it gives none). */
export const FOR_FAA = "For få sammenlignelige: gruppen skal have mindst 3 andre tilbud.";

/** 001:465-469: unit costs cannot stand alone as a measure of cost efficiency. */
export const IKKE_EN_VURDERING =
  "Sammenligningen er information, ikke en vurdering: enhedsomkostninger kan ikke stå alene som mål for effektivitet, da målgruppens tyngde, indsatsens intensitet og effekten kan variere.";

/** "SEL § 108 · Socialpsykiatri · døgn": a group's name. */
export const gruppeNavn = (g: { lovgrundlag: string; maalgruppekategori: string; takstenhed: string }): string => `${g.lovgrundlag} · ${g.maalgruppekategori} · ${g.takstenhed}`;
