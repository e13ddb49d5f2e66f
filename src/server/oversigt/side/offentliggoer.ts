import { esc } from "./format";

/** The published years and the in-year changes, as the public API gives them (offentliggoerelse/). */
interface Offentliggjort {
  takstaar: number;
  offentliggjort: string;
}
interface Takst {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  aendretIAaret: string | null;
  aendringBegrundelse: string | null;
}
type Hent = (sti: string, krop?: unknown) => Promise<Response>;

const dag = new Intl.DateTimeFormat("da-DK", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Copenhagen" });

/**
 * The secretariat's "Offentliggør takster for <år>" (with a confirmation) and, once
 * published, "Offentliggjort <dato>" with the number of in-year changes and a link to the public
 * takstoversigt. Renders into #offentliggoerelse.
 */
export async function visOffentliggoerelse(takstaar: number | null, hent: Hent): Promise<void> {
  const boks = document.getElementById("offentliggoerelse");
  if (!boks) return;
  if (takstaar === null) {
    boks.innerHTML = "";
    return;
  }
  const liste = ((await (await hent("/api/v1/offentliggoerelse")).json()) as { offentliggjorte: Offentliggjort[] }).offentliggjorte;
  const o = liste.find((x) => x.takstaar === takstaar);
  if (o) {
    const takster = ((await (await hent(`/api/v1/takstoversigt?takstaar=${takstaar}`)).json()) as { takster: Takst[] }).takster;
    const aendret = takster.filter((t) => t.aendretIAaret !== null);
    const liste = aendret.length === 0 ? "" : `<ul id="aendringer">${aendret
      .map((t) => `<li>${esc(dag.format(new Date(t.aendretIAaret!)))}: ${esc(t.driftsherre)}, ${esc(t.tilbud)}, ${esc(t.ydelse)}${t.aendringBegrundelse ? ` – ${esc(t.aendringBegrundelse)}` : ""}</li>`)
      .join("")}</ul>`;
    boks.innerHTML = `<p class="ok" id="offentliggjort">Offentliggjort ${esc(dag.format(new Date(o.offentliggjort)))}${aendret.length ? `; ${aendret.length} ${aendret.length === 1 ? "takst" : "takster"} ændret i året` : ""}. <a href="/takstoversigt?takstaar=${takstaar}">Se den offentlige takstoversigt</a>.</p>
      <p class="knaprække"><a class="knap" id="hent-takstoversigt" href="/api/v1/takstoversigt.xlsx?takstaar=${takstaar}" download="takstoversigt-${takstaar}.xlsx">Hent takstoversigt (.xlsx)</a></p>${liste}`;
    return;
  }
  boks.innerHTML = `<button type="button" class="knap" id="offentliggoer">Offentliggør takster for ${takstaar}</button>`;
  document.getElementById("offentliggoer")!.addEventListener("click", () => {
    const ok = window.confirm(`Offentliggør de aktuelle takster for ${takstaar}? Takstoversigten bliver offentlig, og en ny version af en indberetning for ${takstaar} kræver derefter en begrundelse.`);
    if (!ok) return;
    void hent("/api/v1/offentliggoerelse", { takstaar }).then(() => visOffentliggoerelse(takstaar, hent));
  });
}
