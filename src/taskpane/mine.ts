import { type DialogPost, type MinDetalje, type MinTakst, STATUS_TEKST, hentDetalje, hentMine, hentObjektivFinansiering, sendSvar, traekTilbage, ydelseTekst } from "./mine-klient";
import type { MinObjektivFinansiering } from "../kontrakt";
import { ofAar } from "../tilsynsskema";
import { kroner, tidspunkt } from "./visning";
import { el } from "./rude";

/**
 * The pane's "Mine indberetninger" section (issue 14): own submissions with status, receipt
 * numbers and versions; the dialogue with the secretariat; answer and withdraw. Built with DOM
 * nodes (text from the service never meets innerHTML).
 */

type Barn = Node | string | null | false | undefined;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attr: Record<string, string> = {}, ...boern: Barn[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attr)) e.setAttribute(k, v);
  for (const b of boern) if (b) e.append(b);
  return e;
}

const maerkat = (s: keyof typeof STATUS_TEKST) => h("span", { class: `maerkat sag-${s}` }, STATUS_TEKST[s]);

function hvem(p: DialogPost): string {
  const navn = p.hvem.rolle === "sekretariat" ? "Sekretariatet" : (p.hvem.driftsherre ?? "Kommunen");
  return p.hvem.beskrivelse ? `${navn} (${p.hvem.beskrivelse})` : navn;
}

function hvad(p: DialogPost): string {
  if (p.art === "bemaerkning") return "skrev";
  return p.status === "godkendt" ? "godkendte" : p.status === "i_dialog" ? "spurgte" : p.status === "tilbagetrukket" ? "trak tilbage" : "satte status";
}

export interface MineOptioner {
  indstillinger: () => { serviceUrl: string; token: string };
  saetStatus: (tekst: string) => void;
  /** Today, for which budget years to ask about; the clock when absent. */
  nu?: () => Date;
}

/** The municipality's objektiv finansiering, one line per budget year and socialtilsyn (issue 23). */
export function ofNoder(aar: readonly MinObjektivFinansiering[]): Node[] {
  return aar.flatMap((a) =>
    a.objektivFinansiering.map((o) =>
      h("li", {}, h("span", { class: "navn" }, `${a.budgetaar}: ${o.socialtilsyn}`), h("span", { class: "meta" }, `${o.kommune} betaler ${kroner(o.beloeb)}`)),
    ),
  );
}

export function startMine(o: MineOptioner): { opdater(): Promise<void> } {
  const knap = el<HTMLButtonElement>("mine-hent");
  const fejl = el("mine-fejl");
  const liste = el<HTMLUListElement>("mine-liste");
  const detalje = el("mine-detalje");
  const of = el("mine-of");
  const ofListe = el<HTMLUListElement>("mine-of-liste");
  let takster: MinTakst[] = [];

  function visFejl(besked: string): void {
    fejl.textContent = besked;
    fejl.hidden = false;
    o.saetStatus(besked);
  }

  async function opdater(): Promise<void> {
    const { serviceUrl, token } = o.indstillinger();
    fejl.hidden = true;
    knap.setAttribute("aria-busy", "true");
    knap.disabled = true;
    try {
      const r = await hentMine(serviceUrl, token);
      if (!r.ok) return visFejl(r.besked);
      takster = r.data;
      liste.replaceChildren(
        ...(takster.length === 0
          ? [h("li", { class: "tom" }, "Ingen indberetninger endnu.")]
          : takster.map((t) => {
              const a = t.versioner[0]!;
              return h(
                "li",
                {},
                h(
                  "button",
                  { type: "button", class: "mine-takst", "data-id": a.id },
                  h("span", { class: "navn" }, `${a.tilbud} – ${ydelseTekst(a)} (${a.takstaar})`),
                  h("span", { class: "meta" }, maerkat(a.status), ` ${a.nummer ?? ""} · version ${a.version}`),
                ),
              );
            })),
      );
      liste.hidden = false;
      await visOf(serviceUrl, token);
      const iDialog = takster.filter((t) => t.versioner[0]!.status === "i_dialog").length;
      o.saetStatus(`${takster.length} ${takster.length === 1 ? "takst" : "takster"} hentet${iDialog ? `, ${iDialog} i dialog med sekretariatet` : ""}.`);
    } finally {
      knap.removeAttribute("aria-busy");
      knap.disabled = false;
    }
  }

  // Asked only once the list came back, so a refused token gives one message, not two. A service
  // without the endpoint or a token that is no municipality's simply shows no amounts.
  async function visOf(serviceUrl: string, token: string): Promise<void> {
    const r = await hentObjektivFinansiering(serviceUrl, token, ofAar(o.nu?.() ?? new Date()));
    const noder = r.ok ? ofNoder(r.data) : [];
    ofListe.replaceChildren(...noder);
    of.hidden = noder.length === 0;
  }

  async function visDetalje(id: string): Promise<void> {
    const { serviceUrl, token } = o.indstillinger();
    const r = await hentDetalje(serviceUrl, token, id);
    if (!r.ok) return visFejl(r.besked);
    const takst = takster.find((t) => t.versioner.some((v) => v.id === id));
    detalje.replaceChildren(...detaljeNoder(r.data, takst));
    detalje.hidden = false;
    detalje.focus();
    o.saetStatus(`Viser ${r.data.tilbud} – ${ydelseTekst(r.data)}, version ${r.data.version}: ${STATUS_TEKST[r.data.status]}.`);
  }

  function detaljeNoder(d: MinDetalje, takst: MinTakst | undefined): Node[] {
    const erAktuel = !takst || takst.versioner[0]!.id === d.id;
    const historik = d.dialog.length
      ? h(
          "ol",
          { class: "mine-dialog", id: "mine-dialog" },
          ...d.dialog.map((p) =>
            h("li", { class: `post ${p.hvem.rolle}` }, h("p", { class: "post-hoved" }, h("strong", {}, hvem(p)), ` ${hvad(p)} · ${tidspunkt(p.tidspunkt)}`), p.tekst && h("p", { class: "post-tekst" }, p.tekst)),
          ),
        )
      : h("p", { class: "hjaelp" }, "Ingen bemærkninger endnu.");
    const versioner = takst
      ? h(
          "details",
          { class: "mine-versioner" },
          h("summary", {}, `Versioner (${takst.versioner.length})`),
          h("ul", {}, ...takst.versioner.map((v) => h("li", {}, `Version ${v.version} · ${v.nummer ?? "uden nummer"} · ${tidspunkt(v.modtaget)} · `, maerkat(v.status)))),
        )
      : null;
    const tekst = h("textarea", { id: "mine-tekst", rows: "3", maxlength: "4000", "aria-describedby": "mine-tekst-hjaelp" });
    const formFejl = h("div", { class: "besked fejl", role: "alert", id: "mine-form-fejl", hidden: "" });
    const svarKnap = h("button", { type: "button", class: "knap primaer", id: "mine-svar" }, "Send svar");
    const traekKnap = erAktuel && d.status !== "tilbagetrukket" ? h("button", { type: "button", class: "knap fare", id: "mine-traek" }, "Træk tilbage") : null;
    // Withdrawing cannot be undone from the pane: it asks first, like replacing a filled skema.
    const bekraeftJa = h("button", { type: "button", class: "knap fare", id: "mine-traek-ja" }, "Ja, træk tilbage");
    const bekraeftNej = h("button", { type: "button", class: "knap", id: "mine-traek-nej" }, "Annullér");
    const bekraeft = h(
      "div",
      { class: "dialog", id: "mine-traek-bekraeft", role: "alertdialog", "aria-modal": "false", "aria-labelledby": "mine-traek-titel", "aria-describedby": "mine-traek-tekst", tabindex: "-1", hidden: "" },
      h("h4", { id: "mine-traek-titel" }, "Træk indberetningen tilbage?"),
      h("p", { id: "mine-traek-tekst" }, `${d.tilbud} – ${ydelseTekst(d)} (${d.takstaar}) gælder så ikke længere. Sekretariatet ser begrundelsen. En ny takst kræver en ny indsendelse.`),
      h("div", { class: "knaprække" }, bekraeftJa, bekraeftNej),
    );
    const lukBekraeft = () => {
      bekraeft.hidden = true;
      traekKnap?.focus();
    };
    bekraeftNej.addEventListener("click", () => {
      lukBekraeft();
      o.saetStatus("Indberetningen er ikke trukket tilbage.");
    });
    bekraeft.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") bekraeftNej.click();
    });
    const handl = async (art: "svar" | "traek", bekraeftet = false) => {
      const t = tekst.value.trim();
      if (!t) {
        formFejl.textContent = art === "traek" ? "Skriv hvorfor indberetningen trækkes tilbage." : "Skriv dit svar først.";
        formFejl.hidden = false;
        tekst.setAttribute("aria-invalid", "true");
        tekst.focus();
        return;
      }
      formFejl.hidden = true;
      tekst.removeAttribute("aria-invalid");
      if (art === "traek" && !bekraeftet) {
        bekraeft.hidden = false;
        bekraeft.focus();
        return;
      }
      bekraeft.hidden = true;
      const { serviceUrl, token } = o.indstillinger();
      svarKnap.disabled = true;
      const r = art === "svar" ? await sendSvar(serviceUrl, token, d.id, t) : await traekTilbage(serviceUrl, token, d.id, t);
      svarKnap.disabled = false;
      if (!r.ok) {
        formFejl.textContent = r.besked;
        formFejl.hidden = false;
        return;
      }
      await opdater();
      await visDetalje(d.id);
      o.saetStatus(art === "svar" ? "Dit svar er sendt til sekretariatet." : "Indberetningen er trukket tilbage.");
    };
    svarKnap.addEventListener("click", () => void handl("svar"));
    traekKnap?.addEventListener("click", () => void handl("traek"));
    bekraeftJa.addEventListener("click", () => void handl("traek", true));
    return [
      h("h3", { id: "mine-detalje-titel" }, `${d.tilbud} – ${ydelseTekst(d)} (${d.takstaar})`),
      h("p", {}, "Status: ", maerkat(d.status)),
      h("p", {}, `Kvittering ${d.nummer ?? "–"} · version ${d.version} · modtaget ${tidspunkt(d.modtaget)}`),
      h("h4", {}, "Dialog med sekretariatet"),
      historik,
      h("label", { for: "mine-tekst" }, "Svar eller begrundelse"),
      tekst,
      h("p", { class: "hjaelp", id: "mine-tekst-hjaelp" }, "Svaret ses af sekretariatet. Træk kun tilbage, hvis taksten ikke skal gælde, fx ved en tastefejl – skriv hvorfor."),
      h("div", { class: "knaprække" }, svarKnap, traekKnap),
      traekKnap && bekraeft,
      formFejl,
      versioner,
    ].filter((x): x is NonNullable<typeof x> => x !== null);
  }

  knap.addEventListener("click", () => void opdater());
  liste.addEventListener("click", (ev) => {
    const b = (ev.target as HTMLElement).closest<HTMLButtonElement>("button[data-id]");
    if (b?.dataset.id) void visDetalje(b.dataset.id);
  });
  return { opdater };
}
