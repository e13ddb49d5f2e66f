import type { Forventede, FristSkema } from "../../../kontrakt";
import { antal, dato, esc, flertal } from "./format";
import { dageTilFristTekst, fristLinje } from "./frist";

export type Send = (sti: string, krop?: unknown, metode?: "POST" | "PUT") => Promise<Response>;

function statusTekst(s: FristSkema): string {
  if (s.mangler) return s.forSent ? `<span class="maerkat mangler">Mangler – fristen er overskredet</span>` : `<span class="maerkat advarsel">Mangler</span>`;
  if (s.forSent) return `<span class="maerkat advarsel">Indsendt for sent</span>`;
  return `<span class="maerkat godkendt">Indsendt rettidigt</span>`;
}

function raekke(s: FristSkema): string {
  return `<tr data-driftsherre="${esc(s.driftsherre)}" data-tilbud="${esc(s.tilbud)}"><td>${esc(s.driftsherre)}</td><th scope="row">${esc(s.tilbud)}${s.forventet ? "" : ' <span class="svag">(ikke på listen)</span>'}</th>` +
    `<td>${s.indsendt ? esc(dato(s.indsendt)) : "–"}</td><td>${statusTekst(s)}</td><td>${s.indsendt || s.dageTilFrist === null ? "–" : esc(dageTilFristTekst(s.dageTilFrist))}</td></tr>`;
}

/**
 * The secretariat's expected skemaer and the deadline (GET/PUT /api/v1/forventede): per tilbud
 * missing, late and days left, and the list to edit (one "driftsherre; tilbud" per line).
 */
export async function visForventede(takstaar: number | null, send: Send): Promise<void> {
  const sektion = document.getElementById("forventede-sektion");
  const boks = document.getElementById("forventede");
  if (!sektion || !boks) return;
  if (takstaar === null) {
    sektion.hidden = true;
    return;
  }
  const f = (await (await send(`/api/v1/forventede?takstaar=${takstaar}`)).json()) as Forventede;
  sektion.hidden = false;
  const a = f.antal;
  const kilde = f.kilde === "gemt" ? "Listen er sekretariatets." : `Ingen liste er gemt for ${takstaar}: de tilbud, der blev offentliggjort for ${takstaar - 1}, forventes.`;
  const tabel = () =>
    f.skemaer.length
      ? `<div class="tabel-ramme"><table id="forventede-tabel"><caption>Skemaer for ${takstaar} mod fristen, pr. tilbud</caption><thead><tr><th scope="col">Driftsherre</th><th scope="col">Tilbud</th><th scope="col">Indsendt</th><th scope="col">Status</th><th scope="col">Frist</th></tr></thead><tbody>${f.skemaer.map(raekke).join("")}</tbody></table></div>`
      : `<p class="svag">Ingen forventede eller indsendte skemaer for ${takstaar}.</p>`;
  const liste = () =>
    `<form id="forventede-form" novalidate><label for="forventede-liste">Forventede skemaer for ${takstaar} (én linje pr. tilbud: driftsherre; tilbud)</label>` +
    `<textarea id="forventede-liste" rows="4" aria-describedby="forventede-fejl">${esc(f.forventede.map((x) => `${x.driftsherre}; ${x.tilbud}`).join("\n"))}</textarea>` +
    `<div class="knaprække"><button type="submit" class="knap" id="forventede-gem">Gem listen</button></div><div class="besked fejl" id="forventede-fejl" role="alert" hidden></div></form>`;
  const linje = `<p id="frist-linje">${esc(fristLinje(f.frist, f.dageTilFrist))}</p>` +
    `<p id="forventede-antal">${flertal(a.forventede, "forventet skema", "forventede skemaer")}, ${flertal(a.indsendt, "indsendt", "indsendt")}, ${flertal(a.mangler, "mangler", "mangler")}, ${flertal(a.forSent, "for sent", "for sent")}. ${esc(kilde)}</p>`;
  if (Math.max(f.skemaer.length, f.forventede.length) <= DIREKTE) {
    boks.innerHTML = linje + tabel() + liste();
    lytTilListe(takstaar, send);
    return;
  }
  // A region's year (1,000-10,000 skemaer): the table and the list are drawn when opened. Drawn
  // at once they were a table and a textarea of a row per skema laid out while the overview's
  // own table had just become usable (input waited behind them).
  boks.innerHTML = linje + `<details id="forventede-detaljer"><summary>Vis skemaerne pr. tilbud og listen over forventede (${antal(f.skemaer.length)})</summary><div id="forventede-indhold"></div></details>`;
  const detaljer = document.getElementById("forventede-detaljer")!;
  detaljer.addEventListener(
    "toggle",
    () => {
      document.getElementById("forventede-indhold")!.innerHTML = tabel() + liste();
      lytTilListe(takstaar, send);
    },
    { once: true },
  );
}

/** Up to this many skemaer the table and the list are drawn with the section. */
export const DIREKTE = 50;

function lytTilListe(takstaar: number, send: Send): void {
  document.getElementById("forventede-form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    const linjer = (document.getElementById("forventede-liste") as HTMLTextAreaElement).value.split("\n").map((l) => l.trim()).filter(Boolean);
    const forkerte = linjer.filter((l) => l.split(";").length !== 2 || l.split(";").some((d) => !d.trim()));
    const fejl = document.getElementById("forventede-fejl")!;
    if (forkerte.length) {
      fejl.textContent = `Skriv hver linje som "driftsherre; tilbud". Ret: ${forkerte.join(" | ")}`;
      fejl.hidden = false;
      return;
    }
    const forventede = linjer.map((l) => {
      const [driftsherre, tilbud] = l.split(";").map((d) => d.trim());
      return { driftsherre, tilbud };
    });
    void send(`/api/v1/forventede?takstaar=${takstaar}`, { forventede }, "PUT")
      .then(() => visForventede(takstaar, send))
      .catch((x: unknown) => {
        fejl.textContent = `Listen blev ikke gemt: ${x instanceof Error ? x.message : String(x)}`;
        fejl.hidden = false;
      });
  });
}
