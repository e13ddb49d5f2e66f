import { SAGSSTATUS_TEKST } from "../../dialog/typer";
import type { Detalje, Oversigt, Sagsstatus } from "../typer";
import { antal, dato, esc } from "./format";

/**
 * The dialogue in the overview: the status badge, the history of a takst and the
 * actions each side may take. The secretariat approves or asks; the municipality answers or
 * withdraws its own. The server decides who may do what; the page only offers it.
 */

type Rolle = Oversigt["bruger"]["rolle"];

export function sagsMaerkat(s: Sagsstatus): string {
  const ikon = s === "godkendt" ? "✔" : s === "i_dialog" ? "?" : s === "tilbagetrukket" ? "↩" : "•";
  return `<span class="maerkat sag sag-${s}"><span aria-hidden="true">${ikon}</span> ${esc(SAGSSTATUS_TEKST[s])}</span>`;
}

function hvem(p: Detalje["dialog"][number]): string {
  if (p.hvem.rolle === "sekretariat") return `Sekretariatet${p.hvem.beskrivelse ? ` (${esc(p.hvem.beskrivelse)})` : ""}`;
  return `${esc(p.hvem.driftsherre ?? "Kommunen")}${p.hvem.beskrivelse ? ` (${esc(p.hvem.beskrivelse)})` : ""}`;
}

function handling(p: Detalje["dialog"][number]): string {
  if (p.art === "bemaerkning") return "skrev";
  switch (p.status) {
    case "godkendt":
      return "godkendte";
    case "i_dialog":
      return "spurgte";
    case "tilbagetrukket":
      return "trak tilbage";
    default:
      return "satte status";
  }
}

export function historikHtml(d: Detalje): string {
  if (d.dialog.length === 0) return `<p class="svag" id="dialog-tom">Ingen bemærkninger endnu.</p>`;
  const poster = d.dialog
    .map(
      (p) =>
        `<li class="post ${p.hvem.rolle}" data-art="${esc(p.art)}">` +
        `<p class="post-hoved"><strong>${hvem(p)}</strong> ${handling(p)} <span class="svag">· ${esc(dato(p.tidspunkt))} · version ${antal(p.version)}</span></p>` +
        (p.tekst ? `<p class="post-tekst">${esc(p.tekst)}</p>` : "") +
        `</li>`,
    )
    .join("");
  return `<ol class="dialog-liste" id="dialog-liste">${poster}</ol>`;
}

/** The form under the history: what this role may do with this submission. */
export function handlingerHtml(d: Detalje, rolle: Rolle): string {
  const aaben = d.erAktuel && d.status !== "tilbagetrukket";
  const knapper =
    rolle === "sekretariat"
      ? [
          aaben && d.status !== "godkendt" ? `<button type="button" class="knap primaer" data-handling="godkendt">Godkend</button>` : "",
          // In dialogue already: a follow-up question is a remark.
          aaben && d.status !== "i_dialog" ? `<button type="button" class="knap" data-handling="i_dialog">Stil spørgsmål</button>` : "",
          `<button type="button" class="knap" data-handling="bemaerkning">Skriv bemærkning</button>`,
        ]
      : [
          `<button type="button" class="knap primaer" data-handling="bemaerkning">Send svar</button>`,
          aaben ? `<button type="button" class="knap fare" data-handling="tilbagetrukket">Træk tilbage</button>` : "",
        ];
  const hjaelp =
    rolle === "sekretariat"
      ? "Et spørgsmål sætter status til I dialog, og kommunen ser det i opgaveruden og her. Godkend, når taksten er i orden."
      : "Dit svar ses af sekretariatet. Træk kun tilbage, hvis taksten ikke skal gælde (fx en tastefejl); skriv hvorfor.";
  const ikkeAktuel = d.erAktuel ? "" : `<p class="svag">Dette er ikke den aktuelle version; status kan kun ændres på den nyeste.</p>`;
  return (
    `<form class="dialog-form" id="dialog-form" data-id="${esc(d.id)}" novalidate>` +
    `<label for="dialog-tekst">${rolle === "sekretariat" ? "Bemærkning eller spørgsmål" : "Svar eller begrundelse"}</label>` +
    `<textarea id="dialog-tekst" rows="3" maxlength="4000" aria-describedby="dialog-hjaelp dialog-fejl"></textarea>` +
    `<p class="hjaelp" id="dialog-hjaelp">${hjaelp}</p>${ikkeAktuel}` +
    `<div class="knaprække">${knapper.join("")}</div>` +
    `<div class="besked fejl" id="dialog-fejl" role="alert" hidden></div>` +
    `</form>`
  );
}
