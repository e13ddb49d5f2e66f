import type { OffentliggoerKontrol } from "../../../kontrakt";
import { esc, flertal } from "./format";
import { fristLinje } from "./frist";
import { SAGSSTATUS_TEKST } from "../../dialog/typer";

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

/** The confirmation's body: the missing driftsherrer, the submissions not approved and the days to the deadline. */
function kontrolHtml(k: OffentliggoerKontrol): string {
  const manglende = k.manglende.length
    ? `<p id="kontrol-mangler-tekst"><strong>${flertal(k.manglende.length, "driftsherre mangler", "driftsherrer mangler")}:</strong></p><ul id="kontrol-manglende">${k.manglende.map((m) => `<li>${esc(m.driftsherre)}: ${esc(m.tilbud.join(", "))}</li>`).join("")}</ul>`
    : `<p id="kontrol-mangler-tekst" class="ok">Alle forventede driftsherrer har indberettet.</p>`;
  const ikkeGodkendte = k.ikkeGodkendte.length
    ? `<p id="kontrol-ikke-godkendte-tekst"><strong>${flertal(k.ikkeGodkendte.length, "indberetning er", "indberetninger er")} ikke godkendt:</strong></p><ul id="kontrol-ikke-godkendte">${k.ikkeGodkendte.map((i) => `<li>${esc(i.driftsherre)}: ${esc(i.tilbud)} (${esc(SAGSSTATUS_TEKST[i.status])})</li>`).join("")}</ul>`
    : `<p id="kontrol-ikke-godkendte-tekst" class="ok">Alle indberetninger er godkendt.</p>`;
  return `<p id="kontrol-frist">${esc(fristLinje(k.frist, k.dageTilFrist))}</p>${manglende}${ikkeGodkendte}`;
}

/**
 * The checked publication: the dialogue shows what publishing would leave out or publish
 * unapproved and the days to the deadline; with anything listed, publishing needs the box
 * ticked, and the request then confirms (`bekraeft`), which the service requires.
 */
async function bekraeftOgOffentliggoer(takstaar: number, hent: Hent, efter: () => Promise<void>): Promise<void> {
  const dialog = document.getElementById("offentliggoer-dialog") as HTMLDialogElement | null;
  if (!dialog) return;
  const k = (await (await hent(`/api/v1/offentliggoerelse/kontrol?takstaar=${takstaar}`)).json()) as OffentliggoerKontrol;
  const mangel = k.manglende.length > 0 || k.ikkeGodkendte.length > 0;
  document.getElementById("offentliggoer-titel")!.textContent = `Offentliggør takster for ${takstaar}?`;
  document.getElementById("offentliggoer-indhold")!.innerHTML =
    kontrolHtml(k) +
    `<p>Takstoversigten bliver offentlig, og en ny version af en indberetning for ${takstaar} kræver derefter en begrundelse og sekretariatets godkendelse.</p>` +
    (mangel ? `<p><input type="checkbox" id="offentliggoer-bekraeft"> <label for="offentliggoer-bekraeft">Jeg har set listerne og vil offentliggøre alligevel</label></p>` : "") +
    `<div class="besked fejl" id="offentliggoer-fejl" role="alert" hidden></div>`;
  const ja = document.getElementById("offentliggoer-ja") as HTMLButtonElement;
  const afkryds = document.getElementById("offentliggoer-bekraeft") as HTMLInputElement | null;
  ja.disabled = mangel;
  afkryds?.addEventListener("change", () => (ja.disabled = !afkryds.checked));
  ja.onclick = () => {
    ja.disabled = true;
    void hent("/api/v1/offentliggoerelse", { takstaar, bekraeft: true })
      .then(() => {
        dialog.close();
        return efter();
      })
      .catch((e: unknown) => {
        const fejl = document.getElementById("offentliggoer-fejl")!;
        fejl.textContent = `Taksterne blev ikke offentliggjort: ${e instanceof Error ? e.message : String(e)}`;
        fejl.hidden = false;
        ja.disabled = false;
      });
  };
  document.getElementById("offentliggoer-nej")!.onclick = () => dialog.close();
  dialog.showModal();
}

/**
 * The secretariat's "Offentliggør takster for <år>" (with a checked confirmation) and, once
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
    void bekraeftOgOffentliggoer(takstaar, hent, () => visOffentliggoerelse(takstaar, hent));
  });
}
