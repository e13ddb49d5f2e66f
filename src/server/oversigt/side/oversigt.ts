// First: the overview's request leaves before the other modules are evaluated.
import { NOEGLE, tagTidligtSvar } from "./tidligHent";
import { lytTilLogin, personligtLogin, tokenHoved } from "./noegle";
import "./oversigt.css";
import type { Detalje, Oversigt, OversigtIndberetning, TilbudsUdvikling } from "../typer";
import { historikHtml, handlingerHtml, sagsMaerkat } from "./dialog";
import { aendring, antal, dato, esc, flertal, kr, pct } from "./format";
import { gemBlob } from "./gemFil";
import { grafMaal, soejler, tegnGraf } from "./graf";
import { visOffentliggoerelse } from "./offentliggoer";
import { visForventede } from "./forventede";
import { visObjektivFinansiering } from "./objektivFinansiering";
import { Vindue } from "./vindue";

/**
 * The secretariat's overview page. It asks for the secretariat's token (kept in
 * sessionStorage only), fetches /api/v1/oversigt with it as Bearer and renders it as HTML
 * strings. Table and chart are windowed (vindue.ts): filter and sort run over all
 * rows, but only the rows in view plus a margin are in the DOM.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let token: string | null = sessionStorage.getItem(NOEGLE);
let data: Oversigt | null = null;
let sortering: { felt: keyof OversigtIndberetning; op: boolean } = { felt: "driftsherre", op: true };
const sammenlign = new Intl.Collator("da", { sensitivity: "base", numeric: true }).compare;

class HttpFejl extends Error {
  constructor(readonly status: number, besked: string) {
    super(besked);
  }
}

function status(tekst: string): void {
  $("status").textContent = tekst;
}

async function hent(sti: string, krop?: unknown, tidligt: Promise<Response> | null = null, metode: "POST" | "PUT" = "POST"): Promise<Response> {
  const r = await (tidligt ??
    fetch(sti, {
      headers: { ...tokenHoved(token), ...(krop === undefined ? {} : { "content-type": "application/json" }) },
      cache: "no-store",
      ...(krop === undefined ? {} : { method: metode, body: JSON.stringify(krop) }),
    }));
  if (!r.ok) {
    let besked = "";
    try {
      besked = ((await r.json()) as { fejl?: string }).fejl ?? "";
    } catch {
      /* not JSON */
    }
    throw new HttpFejl(r.status, besked);
  }
  return r;
}

/** 401 and 403 send the user back to the login form with a Danish explanation. */
function afvist(e: unknown): boolean {
  if (!(e instanceof HttpFejl) || (e.status !== 401 && e.status !== 403)) return false;
  data = null;
  const besked =
    e.status === 403
      ? "Adgang nægtet: tokenet giver ikke adgang til oversigten."
      : token
        ? "Tokenet blev ikke godkendt: det mangler, er forkert eller er tilbagekaldt."
        : "Du er ikke logget ind, eller dit login er udløbet. Log ind igen.";
  token = null;
  sessionStorage.removeItem(NOEGLE);
  visLogin(besked);
  return true;
}

function visLogin(fejl?: string): void {
  $("oversigt").hidden = true;
  $("top-handlinger").hidden = true;
  $("login").hidden = false;
  const f = $("login-fejl");
  f.hidden = !fejl;
  f.textContent = fejl ?? "";
  status(fejl ? "Ikke logget ind." : "");
  $<HTMLInputElement>("token").value = "";
  $("token").setAttribute("aria-invalid", fejl ? "true" : "false");
  $("token").focus();
}

async function indlaes(takstaar?: number): Promise<void> {
  status("Henter indberetninger …");
  $("indhold").setAttribute("aria-busy", "true");
  try {
    // The first load uses the request tidligHent.ts sent (same address, same token).
    const r = await hent(`/api/v1/oversigt${takstaar ? `?takstaar=${takstaar}` : ""}`, undefined, takstaar ? null : tagTidligtSvar(token));
    data = (await r.json()) as Oversigt;
    $("login").hidden = true;
    $("login-fejl").hidden = true;
    $("oversigt").hidden = false;
    $("top-handlinger").hidden = false;
    visRolle(data.bruger);
    visOversigt(data);
    const a = data.antal;
    status(
      data.takstaar === null
        ? "Der er endnu ingen indberetninger."
        : `Takstår ${data.takstaar}: ${flertal(a.indberetninger, "aktuel indberetning", "aktuelle indberetninger")}, ${antal(a.medAdvarsler)} med advarsler, ${antal(a.udsving)} med udsving over ±5 %, ${flertal(a.manglendeDriftsherrer, "manglende driftsherre", "manglende driftsherrer")}; ${antal(a.sagsstatus.godkendt)} godkendt af sekretariatet, ${antal(a.sagsstatus.i_dialog)} i dialog.`,
    );
  } catch (e) {
    if (!afvist(e)) status(`Oversigten kunne ikke hentes: ${e instanceof Error ? e.message || "serveren svarede ikke" : String(e)}.`);
  } finally {
    $("indhold").removeAttribute("aria-busy");
  }
}

/** A municipality sees the same page for its own submissions, without the secretariat's export. */
function visRolle(b: Oversigt["bruger"]): void {
  const kommune = b.rolle === "kommune";
  $("eksport").hidden = kommune;
  $("h1").textContent = kommune ? `Mine indberetninger – ${b.driftsherre ?? ""}` : "Takstoversigt";
  $("undertitel").textContent = kommune
    ? "Jeres indberettede takster, deres status og dialogen med sekretariatet"
    : "Indberettede takster på det specialiserede socialområde – sekretariatets kontrol";
  document.title = kommune ? `Mine indberetninger – ${b.driftsherre ?? ""}` : "Takstoversigt – sekretariatet";
}

function visOversigt(d: Oversigt): void {
  const aar = $<HTMLSelectElement>("aar");
  aar.innerHTML = d.takstaarListe.map((t) => `<option value="${t}"${t === d.takstaar ? " selected" : ""}>${t}</option>`).join("");
  $("vist-aar").textContent = d.takstaar === null ? "–" : String(d.takstaar);
  const a = d.antal;
  const tal = (noegle: string, v: number, etiket: string, cls = "") =>
    `<li class="noegle${cls}" data-noegle="${noegle}"><span class="tal">${antal(v)}</span> <span class="etiket">${esc(etiket)}</span></li>`;
  $("noegletal").innerHTML = [
    tal("indberetninger", a.indberetninger, "aktuelle indberetninger"),
    tal("godkendt", a.godkendt, "uden advarsler"),
    tal("advarsler", a.medAdvarsler, "med advarsler", a.medAdvarsler > 0 ? " obs" : ""),
    tal("udsving", a.udsving, "med udsving over ±5 %", a.udsving > 0 ? " obs" : ""),
    tal("driftsherrer", a.driftsherrer, "driftsherrer har indberettet"),
    tal("mangler", a.manglendeDriftsherrer, "driftsherrer mangler", a.manglendeDriftsherrer > 0 ? " fare" : ""),
    tal("sag-modtaget", a.sagsstatus.modtaget, "modtaget, ikke behandlet"),
    tal("sag-i_dialog", a.sagsstatus.i_dialog, "i dialog", a.sagsstatus.i_dialog > 0 ? " obs" : ""),
    tal("sag-godkendt", a.sagsstatus.godkendt, "godkendt af sekretariatet"),
    tal("sag-tilbagetrukket", a.sagsstatus.tilbagetrukket, "trukket tilbage"),
  ].join("");
  $("tilbagetrukne").innerHTML = d.tilbagetrukne.length
    ? `<ul>${d.tilbagetrukne.map((x) => `<li>${esc(x.driftsherre)}: ${esc(x.tilbud)} – ${esc(x.ydelse)}, version ${antal(x.version)}${x.nummer ? ` (${esc(x.nummer)})` : ""} <button type="button" class="knap lille aabn" data-id="${esc(x.id)}" data-ydelse="${esc(x.ydelse)}">Vis</button></li>`).join("")}</ul>`
    : `<p class="svag">Ingen takster er trukket tilbage for ${d.takstaar ?? "–"}.</p>`;
  $("mangler").innerHTML = visMangler(d);
  valgmuligheder("filter-driftsherre", d.indberetninger.map((i) => i.driftsherre));
  valgmuligheder("filter-ledelsesomraade", d.indberetninger.map((i) => i.ledelsesomraade));
  valgmuligheder("filter-maalgruppe", d.indberetninger.map((i) => i.maalgruppekategori));
  $("tabel-titel").textContent = `Aktuelle indberetninger for takstår ${d.takstaar ?? "–"}. Takstudvikling er reel: ny takst mod sidste års takst fremskrevet med PL.`;
  for (const id of ["hent-xlsx", "hent-csv", "hent-udvikling"]) $<HTMLButtonElement>(id).disabled = d.takstaar === null;
  if (d.bruger.rolle === "sekretariat") {
    // After the table's first paint: both sections read the whole year again, and the deadline's
    // table has a row per skema (1,000 rows drawn first made the page usable 0,3 s later).
    efterFoersteTegning(() => {
      void visOffentliggoerelse(d.takstaar, hent).catch(() => undefined);
      void visForventede(d.takstaar, (sti, krop, metode) => hent(sti, krop, null, metode)).catch(() => undefined);
    });
  }
  // An older service without the socialtilsyn's year, or an answer not understood: no section.
  else void visObjektivFinansiering((sti) => hent(sti)).catch(() => undefined);
  tegn();
}

/** A filter's choices: "Alle" and the values the rows hold, sorted; the choice made stays chosen. */
function valgmuligheder(id: string, vaerdier: (string | null)[]): void {
  const liste = $<HTMLSelectElement>(id);
  const valgt = liste.value;
  const navne = [...new Set(vaerdier.filter((v): v is string => v !== null))].sort(sammenlign);
  liste.innerHTML = `<option value="">Alle</option>${navne.map((n) => `<option${n === valgt ? " selected" : ""}>${esc(n)}</option>`).join("")}`;
}

function visMangler(d: Oversigt): string {
  const forrige = d.forrigeTakstaar ?? "sidste år";
  if (d.takstaar === null) return "<p>Ingen indberetninger endnu.</p>";
  if (d.forrigeTakstaar === null || !d.takstaarListe.includes(d.forrigeTakstaar)) {
    return `<p>Der er ingen indberetninger for ${forrige} at sammenligne med, så ingen kan mangle.</p>`;
  }
  if (d.mangler.length === 0) return `<p class="ok">Alle driftsherrer og takster fra ${forrige} er indberettet for ${d.takstaar}.</p>`;
  const punkter = d.mangler.map((m) => {
    const overskrift = m.helDriftsherre
      ? `<strong>${esc(m.driftsherre)}</strong> har ikke indberettet for ${d.takstaar}. I ${forrige} indberettede de ${flertal(m.takster.length, "takst", "takster")}:`
      : `<strong>${esc(m.driftsherre)}</strong>: ${flertal(m.takster.length, "takst", "takster")} fra ${forrige} er ikke indberettet for ${d.takstaar} (ophørt eller glemt?):`;
    const takster = m.takster.map((t) => `<li>${esc(t.tilbud)} – ${esc(t.ydelse)} (${esc(kr(t.takst))} i ${forrige})</li>`).join("");
    return `<li class="mangel${m.helDriftsherre ? " hel" : ""}" data-driftsherre="${esc(m.driftsherre)}"><span class="maerke" aria-hidden="true">${m.helDriftsherre ? "✖" : "⚠"}</span> ${overskrift}<ul>${takster}</ul></li>`;
  });
  return `<ul class="mangler-liste">${punkter.join("")}</ul>`;
}

interface Filter {
  soeg: string;
  status: string;
  driftsherre: string;
  ledelsesomraade: string;
  maalgruppe: string;
  /** "ja", "nej" or "" (all). */
  saerlig: string;
}

function filter(): Filter {
  return {
    soeg: $<HTMLInputElement>("soeg").value.trim().toLocaleLowerCase("da"),
    status: $<HTMLSelectElement>("filter-status").value,
    driftsherre: $<HTMLSelectElement>("filter-driftsherre").value,
    ledelsesomraade: $<HTMLSelectElement>("filter-ledelsesomraade").value,
    maalgruppe: $<HTMLSelectElement>("filter-maalgruppe").value,
    saerlig: $<HTMLSelectElement>("filter-saerlig").value,
  };
}

/** The grouping filters (product.md §2): ledelsesområde, målgruppekategori, særlig opmærksomhed. */
function passerGruppe(i: OversigtIndberetning, f: Filter): boolean {
  if (f.ledelsesomraade && i.ledelsesomraade !== f.ledelsesomraade) return false;
  if (f.maalgruppe && i.maalgruppekategori !== f.maalgruppe) return false;
  return !f.saerlig || i.saerligOpmaerksomhed === (f.saerlig === "ja");
}

function passer(i: OversigtIndberetning, f: Filter): boolean {
  if (f.driftsherre && i.driftsherre !== f.driftsherre) return false;
  if (!passerGruppe(i, f)) return false;
  if (f.status === "godkendt" && i.status !== "godkendt") return false;
  if (f.status === "advarsler" && i.status !== "advarsler") return false;
  if (f.status === "udsving" && !i.udsving) return false;
  if (f.status === "versioner" && i.antalVersioner < 2) return false;
  if (f.status.startsWith("sag:") && i.sagsstatus !== f.status.slice(4)) return false;
  if (f.soeg) {
    const hoes = `${i.driftsherre}\n${i.tilbud}\n${i.ydelse}\n${i.advarsler.map((a) => a.code).join(" ")}`.toLocaleLowerCase("da");
    if (!hoes.includes(f.soeg)) return false;
  }
  return true;
}

/** `grupperede`: the driftsherre/tilbud keys whose rows pass the grouping filters (null: no such filter). */
function passerTilbud(t: TilbudsUdvikling, f: Filter, grupperede: ReadonlySet<string> | null): boolean {
  if (f.driftsherre && t.driftsherre !== f.driftsherre) return false;
  if (grupperede && !grupperede.has(`${t.driftsherre}\u0000${t.tilbud}`)) return false;
  if (f.status === "udsving" && !t.udsving) return false;
  if (f.soeg && !`${t.driftsherre}\n${t.tilbud}`.toLocaleLowerCase("da").includes(f.soeg)) return false;
  return true;
}

function sorter(liste: OversigtIndberetning[]): OversigtIndberetning[] {
  const { felt, op } = sortering;
  const retning = op ? 1 : -1;
  return liste.sort((a, b) => {
    const x = a[felt];
    const y = b[felt];
    let c: number;
    if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1; // blanks last either way
    else if (typeof x === "number" && typeof y === "number") c = (x - y) * retning;
    else c = sammenlign(String(x), String(y)) * retning;
    return c || sammenlign(a.driftsherre, b.driftsherre) || sammenlign(a.tilbud, b.tilbud) || sammenlign(a.ydelse, b.ydelse);
  });
}

function udviklingCelle(i: OversigtIndberetning): string {
  if (i.takstudvikling === null) {
    const grund = i.sidsteAarsTakst === null ? "ny takst" : i.plPct === null ? "PL mangler" : "kan ikke beregnes";
    return `<td class="tal"><span class="svag">– ${grund}</span></td>`;
  }
  if (!i.udsving) return `<td class="tal">${esc(aendring(i.takstudvikling))}</td>`;
  const retning = i.takstudvikling > 0 ? "over +5 %" : "under −5 %";
  return `<td class="tal udsving"><span class="udsving-tekst">⚠ ${esc(aendring(i.takstudvikling))}</span> <span class="udsving-maerke">${retning}</span></td>`;
}

/** Runs `fn` in a task after the next frame, so what is drawn now is painted first. */
function efterFoersteTegning(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function statusCelle(i: OversigtIndberetning): string {
  // The secretariat's status first; "Ingen advarsler" is the validation, never "Godkendt".
  const sag = sagsMaerkat(i.sagsstatus) + (data?.afventerGodkendelse?.includes(i.id) ? ` <span class="maerkat advarsel afventer">Afventer godkendelse</span>` : "");
  if (i.status === "godkendt") return `<td>${sag} <span class="maerkat godkendt"><span aria-hidden="true">✓</span> Ingen advarsler</span></td>`;
  const punkter = i.advarsler.map((a) => `<li><span class="kode">${esc(a.code)}</span> ${esc(a.message)}</li>`).join("");
  return `<td>${sag} <span class="maerkat advarsel"><span aria-hidden="true">⚠</span> ${flertal(i.advarsler.length, "advarsel", "advarsler")}</span><ul class="advarsel-liste">${punkter}</ul></td>`;
}

function raekke(i: OversigtIndberetning): string {
  const cls = `${i.status === "advarsler" ? "med-advarsler" : "godkendt"}${i.udsving ? " udsving" : ""}`;
  const enhed = i.takstenhed ? ` <span class="svag enhed">pr. ${esc(i.takstenhed)}</span>` : "";
  const version = i.antalVersioner > 1 ? `${antal(i.version)} <span class="svag">af ${antal(i.antalVersioner)}</span>` : antal(i.version);
  return (
    `<tr class="${cls}" data-id="${esc(i.id)}" data-ydelse="${esc(i.ydelse)}">` +
    `<td>${esc(i.driftsherre)}</td>` +
    `<th scope="row"><button type="button" class="aabn" data-id="${esc(i.id)}" aria-haspopup="dialog">${esc(i.tilbud)}</button></th>` +
    `<td>${esc(i.ydelse)}</td>` +
    `<td class="tal">${esc(kr(i.takst))}${enhed}</td>` +
    // A figure the skema states (none on the service last year) is marked "oplyst".
    `<td class="tal">${esc(kr(i.sidsteAarsTakst))}${i.sidsteAarsTakstOplyst ? ' <span class="svag oplyst">oplyst</span>' : ""}</td>` +
    `<td class="tal">${esc(pct(i.plPct))}</td>` +
    udviklingCelle(i) +
    statusCelle(i) +
    `<td class="tal">${version}</td>` +
    `<td>${esc(dato(i.modtaget))}</td>` +
    `</tr>`
  );
}

let ventende = 0;
function tegnSnart(): void {
  window.clearTimeout(ventende);
  ventende = window.setTimeout(() => tegn(true), 120);
}

/** The filtered, sorted rows and tilbud the table and the chart window over. */
let tabelListe: OversigtIndberetning[] = [];
let grafListe: TilbudsUdvikling[] = [];
let tabelVindue: Vindue | null = null;
let grafVindue: Vindue | null = null;
/** Estimated row height in px, refined from the rows drawn (rows with warnings are taller). */
let raekkeHoejde = 48;
const MARGEN = 20;

/**
 * Table and chart for the current filter: the full lists are filtered and sorted, then each
 * window draws what is in view. `tilToppen` after a new filter or sort, not after a reload.
 */
function tegn(tilToppen = false): void {
  if (!data) return;
  const f = filter();
  tabelListe = sorter(data.indberetninger.filter((i) => passer(i, f)));
  $("tabel").setAttribute("aria-rowcount", String(tabelListe.length + 1)); // + the header row
  tabelVindue ??= new Vindue({ ramme: $("tabel-ramme"), krop: $("raekker"), hoejde: () => raekkeHoejde, margen: MARGEN, tegn: tegnRaekker });
  tabelVindue.nyListe(tabelListe.length, tilToppen);
  const grupperede = f.ledelsesomraade || f.maalgruppe || f.saerlig
    ? new Set(data.indberetninger.filter((i) => passerGruppe(i, f)).map((i) => `${i.driftsherre}\u0000${i.tilbud}`))
    : null;
  tegnGrafVindue(data.tilbud.filter((t) => passerTilbud(t, f, grupperede)), data.takstaar);
  // A row is a takst (one ydelse); the key figures count skemaer.
  $("viser").textContent = `Viser ${antal(tabelListe.length)} af ${flertal(data.indberetninger.length, "takst", "takster")}.`;
  for (const th of document.querySelectorAll<HTMLTableCellElement>("th[data-sort]")) {
    if (th.dataset.sort === sortering.felt) th.setAttribute("aria-sort", sortering.op ? "ascending" : "descending");
    else th.removeAttribute("aria-sort");
  }
}

/** Rows [fra, til) between two spacer rows that stand in for the rows not drawn. */
function tegnRaekker(fra: number, til: number): void {
  const krop = $("raekker");
  if (tabelListe.length === 0) {
    krop.innerHTML = `<tr><td colspan="10" class="tom">Ingen indberetninger passer til filtrene.</td></tr>`;
    return;
  }
  // Keep keyboard focus on its row when the window moves; a row scrolled out hands focus to the frame.
  const aktiv = document.activeElement;
  const fokusId = aktiv instanceof HTMLElement && krop.contains(aktiv) ? aktiv.closest("tr")?.dataset.id : undefined;
  const fyld = `<tr class="fyld" aria-hidden="true"><td colspan="10"></td></tr>`;
  const dele: string[] = [fra > 0 ? fyld : ""];
  for (let n = fra; n < til; n++) dele.push(raekke(tabelListe[n]!).replace(/^<tr /, `<tr aria-rowindex="${n + 2}" `));
  dele.push(til < tabelListe.length ? fyld : "");
  krop.innerHTML = dele.join("");
  const tegnede = krop.querySelectorAll<HTMLTableRowElement>("tr[data-id]");
  let sum = 0;
  for (const tr of tegnede) sum += tr.offsetHeight;
  if (tegnede.length > 0 && sum > 0) raekkeHoejde = sum / tegnede.length;
  // Inline style attributes are refused by the page's CSP; the CSSOM is not.
  const [foer, efter] = [fra > 0 ? krop.firstElementChild : null, til < tabelListe.length ? krop.lastElementChild : null];
  if (foer instanceof HTMLElement) foer.style.height = `${Math.round(fra * raekkeHoejde)}px`;
  if (efter instanceof HTMLElement) efter.style.height = `${Math.round((tabelListe.length - til) * raekkeHoejde)}px`;
  if (fokusId !== undefined) {
    const knap = krop.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(fokusId)}"] button`);
    (knap ?? $("tabel-ramme")).focus({ preventScroll: true });
  }
}

/** The chart's frame and axes in one string; its bars windowed like the table's rows. */
function tegnGrafVindue(liste: TilbudsUdvikling[], aar: number | null): void {
  grafListe = liste;
  const graf = $("graf");
  graf.innerHTML = tegnGraf(liste, aar);
  const svg = graf.querySelector("svg");
  const gruppe = graf.querySelector<SVGGElement>("g.soejler");
  const ramme = graf.querySelector<HTMLElement>(".graf-ramme");
  grafVindue = null;
  if (!svg || !gruppe || !ramme) return;
  const maks = Number(gruppe.dataset.maks);
  grafVindue = new Vindue({
    ramme,
    krop: svg,
    hoejde: () => grafMaal(svg).raekke,
    forskydning: () => grafMaal(svg).top,
    margen: MARGEN,
    tegn: (fra, til) => (gruppe.innerHTML = soejler(grafListe, fra, til, maks)),
  });
  grafVindue.nyListe(liste.length);
}

/** The ydelse the open detail shows (a submission has one detail per ydelse). */
let visteYdelse: string | undefined;

async function visDetalje(id: string, ydelse?: string): Promise<void> {
  const dialog = $<HTMLDialogElement>("detalje");
  const raekkeData = data?.indberetninger.find((i) => i.id === id && (ydelse === undefined || i.ydelse === ydelse));
  status("Henter indberetningen …");
  try {
    const spoerg = ydelse === undefined ? "" : `?ydelse=${encodeURIComponent(ydelse)}`;
    const d = (await (await hent(`/api/v1/oversigt/indberetninger/${encodeURIComponent(id)}${spoerg}`)).json()) as Detalje;
    visteYdelse = d.ydelse;
    $("detalje-titel").textContent = `${d.tilbud} – ${d.ydelse}`;
    $("detalje-indhold").innerHTML = detaljeHtml(d, raekkeData);
    if (!dialog.open) dialog.showModal();
    status(`Viser ${d.tilbud}, version ${d.version}.`);
  } catch (e) {
    if (!afvist(e)) status(`Indberetningen kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function detaljeHtml(d: Detalje, r: OversigtIndberetning | undefined): string {
  const felt = (navn: string, vaerdi: string) => `<div><dt>${esc(navn)}</dt><dd>${vaerdi}</dd></div>`;
  const udv = r?.takstudvikling ?? null;
  const stam = [
    felt("Kvitteringsnummer", esc(d.nummer ?? "–")),
    felt("Status", sagsMaerkat(d.status)),
    felt("Driftsherre", esc(d.driftsherre)),
    felt("Takstår", esc(d.takstaar)),
    felt("Regelsæt", esc(d.regelsaet ?? "–")),
    felt("Valideret mod", d.valideretMod ? `${esc(d.valideretMod.id)}, version ${antal(d.valideretMod.version)}` : "–"),
    felt("Version", `${antal(d.version)} af ${antal(d.versioner.length)}`),
    felt("Modtaget", esc(dato(d.modtaget))),
    felt("Takst", `${esc(kr(d.takst))}${d.takstenhed ? ` pr. ${esc(d.takstenhed)}` : ""}`),
    felt("Takstgrundlag", esc(kr(d.takstgrundlag))),
    felt("Pladser", esc(d.pladser === null ? "–" : antal(d.pladser))),
    felt("Belægning", esc(pct(d.belaegning))),
    felt("Sidste års takst (indberettet)", esc(kr(r && !r.sidsteAarsTakstOplyst ? r.sidsteAarsTakst : null))),
    felt("Sidste års takst (oplyst i skemaet)", esc(kr(d.sidsteAarsTakstOplyst))),
    felt("PL-fremskrivning", esc(pct(d.plPct))),
    felt("Takstudvikling (reel)", udv === null ? "–" : `${r?.udsving ? "⚠ " : ""}${esc(aendring(udv))}${r?.udsving ? " – udsving over 5 %" : ""}`),
    felt("Begrundelse for udvikling", esc(d.begrundelse ?? "–")),
  ].join("");

  const fund = d.findings.length
    ? `<table class="lille"><caption>Fund fra valideringen ved modtagelsen</caption><thead><tr><th scope="col">Kode</th><th scope="col">Alvor</th><th scope="col">Felt</th><th scope="col">Celle</th><th scope="col">Besked</th></tr></thead><tbody>${d.findings
        .map((f) => `<tr><td class="kode">${esc(f.code)}</td><td>${f.severity === "error" ? "Fejl" : "Advarsel"}</td><td>${esc(f.field)}</td><td>${esc(f.cell)}</td><td>${esc(f.message)}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p class="ok"><span aria-hidden="true">✓</span> Ingen fund: valideringen gav ingen fejl eller advarsler.</p>`;
  const sprunget = d.sprunget.length
    ? `<details><summary>Kontroller der er sprunget over (${antal(d.sprunget.length)})</summary><ul>${d.sprunget.map((s) => `<li><span class="kode">${esc(s.code)}</span> ${esc(s.message)}</li>`).join("")}</ul></details>`
    : "";
  const versioner = `<table class="lille" id="versioner"><caption>Versionshistorik (nyeste først)</caption><thead><tr><th scope="col">Version</th><th scope="col">Kvittering</th><th scope="col">Status</th><th scope="col">Modtaget</th><th scope="col" class="tal">Takst</th><th scope="col" class="tal">Advarsler</th><th scope="col">SHA-256</th></tr></thead><tbody>${d.versioner
    .map(
      (v) =>
        `<tr${v.id === d.id ? ' aria-current="true" class="denne"' : ""}><th scope="row">${antal(v.version)}${v.id === d.id ? " (vist)" : ""}</th><td>${esc(v.nummer ?? "–")}</td><td>${sagsMaerkat(v.sagsstatus)}</td><td>${esc(dato(v.modtaget))}</td><td class="tal">${esc(kr(v.takst))}</td><td class="tal">${antal(v.antalAdvarsler)}</td><td><code title="${esc(v.sha256)}">${esc(v.sha256.slice(0, 12))}…</code></td></tr>`,
    )
    .join("")}</tbody></table>`;
  const ydelser = `<table class="lille" id="ydelser"><caption>Indberetningens ydelser</caption><thead><tr><th scope="col">Ydelse</th><th scope="col" class="tal">Pladser</th><th scope="col" class="tal">Belægning</th><th scope="col" class="tal">Basistakst</th><th scope="col" class="tal">Servicetakst</th><th scope="col" class="tal">Takst</th><th scope="col" class="tal">Sidste års takst (oplyst)</th></tr></thead><tbody>${d.ydelser
    .map(
      (y) =>
        `<tr${y.navn === d.ydelse ? ' aria-current="true" class="denne"' : ""}><th scope="row">${esc(y.navn)}</th><td class="tal">${esc(y.pladser === null ? "–" : antal(y.pladser))}</td><td class="tal">${esc(pct(y.belaegning))}</td><td class="tal">${esc(kr(y.basistakst))}</td><td class="tal">${esc(kr(y.servicetakst))}</td><td class="tal">${esc(kr(y.takst))}</td><td class="tal">${esc(kr(y.sidsteAarsTakst))}</td></tr>`,
    )
    .join("")}</tbody></table>`;
  const rolle = data?.bruger.rolle ?? "sekretariat";
  const dialog = `<section class="dialog-sektion" aria-labelledby="h-dialog"><h3 id="h-dialog">Dialog</h3>${historikHtml(d)}${handlingerHtml(d, rolle)}</section>`;
  return `<dl class="stamdata">${stam}</dl>${dialog}<h3>Fund</h3>${fund}${sprunget}<h3>Ydelser</h3>${ydelser}<h3>Versioner</h3>${versioner}`;
}

/** Approve, ask, answer or withdraw from the detail view; then the detail and the list are fetched again. */
async function handl(knap: HTMLButtonElement): Promise<void> {
  const form = knap.closest<HTMLFormElement>("#dialog-form");
  const id = form?.dataset.id;
  if (!form || !id) return;
  const handling = knap.dataset.handling!;
  const tekst = $<HTMLTextAreaElement>("dialog-tekst").value.trim();
  const fejl = $("dialog-fejl");
  const kraeverTekst = handling !== "godkendt";
  if (kraeverTekst && !tekst) {
    fejl.hidden = false;
    fejl.textContent = handling === "tilbagetrukket" ? "Skriv en begrundelse for tilbagetrækningen." : "Skriv teksten først.";
    $("dialog-tekst").setAttribute("aria-invalid", "true");
    $("dialog-tekst").focus();
    return;
  }
  knap.disabled = true;
  try {
    if (handling === "bemaerkning") await hent(`/api/v1/indberetninger/${encodeURIComponent(id)}/bemaerkninger`, { tekst });
    else await hent(`/api/v1/indberetninger/${encodeURIComponent(id)}/status`, { status: handling, ...(tekst ? { bemaerkning: tekst } : {}) });
    const udfoert = { godkendt: "Indberetningen er godkendt.", i_dialog: "Spørgsmålet er sendt.", tilbagetrukket: "Indberetningen er trukket tilbage.", bemaerkning: "Bemærkningen er sendt." }[handling] ?? "Gemt.";
    await indlaes(data?.takstaar ?? undefined);
    await visDetalje(id, visteYdelse);
    status(udfoert);
  } catch (e) {
    if (afvist(e)) return;
    fejl.hidden = false;
    fejl.textContent = e instanceof Error && e.message ? e.message : "Handlingen kunne ikke gennemføres.";
    knap.disabled = false;
  }
}

/** Downloads go through fetch + Blob so the Bearer header is sent (a plain link cannot). */
async function hentFil(format: "xlsx" | "csv"): Promise<void> {
  if (!data?.takstaar) return;
  const aar = data.takstaar;
  // The secretariat's export, under the server's name for it: the public takstoversigt (its own
  // file, takstoversigt-ÅR.xlsx) is offered beside the publication.
  await gemFil(`/api/v1/eksport/takster.${format}?takstaar=${aar}`, `takster-${aar}.${format}`, `Eksporten for ${aar}`);
}

/** The takstudvikling report from last year to the year shown (with the token: also before publication). */
async function hentUdvikling(): Promise<void> {
  if (!data?.takstaar) return;
  const aar = data.takstaar;
  await gemFil(`/api/v1/takstudvikling.xlsx?fra=${aar - 1}&til=${aar}`, `takstudvikling-${aar - 1}-${aar}.xlsx`, `Takstudviklingsrapporten ${aar - 1}-${aar}`);
}

/** Fetches a file with the token and saves it under `navn`; `hvad` names it in the status line. */
async function gemFil(sti: string, navn: string, hvad: string): Promise<void> {
  status(`Henter ${navn} …`);
  try {
    gemBlob(await (await hent(sti)).blob(), navn);
    status(`${hvad} er hentet som ${navn}.`);
  } catch (e) {
    if (!afvist(e)) status(`${hvad} kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function start(): void {
  lytTilLogin({
    tomt: () => {
      $("login-fejl").hidden = false;
      $("login-fejl").textContent = "Skriv dit token.";
      $("token").setAttribute("aria-invalid", "true");
      $("token").focus();
    },
    ind: (v) => {
      token = v;
      void indlaes();
    },
    ud: () => {
      token = null;
      data = null;
      visLogin();
      status("Du er logget ud.");
    },
  });
  $("aar").addEventListener("change", () => void indlaes(Number($<HTMLSelectElement>("aar").value)));
  $("soeg").addEventListener("input", tegnSnart);
  $("filter-status").addEventListener("change", () => tegn(true));
  for (const id of ["filter-driftsherre", "filter-ledelsesomraade", "filter-maalgruppe", "filter-saerlig"]) $(id).addEventListener("change", () => tegn(true));
  $("filtre").addEventListener("submit", (ev) => ev.preventDefault());
  $("filtre").addEventListener("reset", () => window.setTimeout(() => tegn(true), 0));
  window.addEventListener("resize", () => {
    tabelVindue?.planlaeg();
    grafVindue?.planlaeg();
  });
  $("hent-xlsx").addEventListener("click", () => void hentFil("xlsx"));
  $("hent-csv").addEventListener("click", () => void hentFil("csv"));
  $("hent-udvikling").addEventListener("click", () => void hentUdvikling());
  document.querySelector("#tabel thead")!.addEventListener("click", (ev) => {
    const th = (ev.target as HTMLElement).closest<HTMLTableCellElement>("th[data-sort]");
    if (!th) return;
    const felt = th.dataset.sort as keyof OversigtIndberetning;
    sortering = { felt, op: sortering.felt === felt ? !sortering.op : felt !== "takstudvikling" };
    tegn(true);
  });
  // One listener for all rows: the button is the keyboard path, a click anywhere on the row the mouse path.
  $("raekker").addEventListener("click", (ev) => {
    const tr = (ev.target as HTMLElement).closest<HTMLTableRowElement>("tr[data-id]");
    if (tr?.dataset.id) void visDetalje(tr.dataset.id, tr.dataset.ydelse);
  });
  $("detalje-luk").addEventListener("click", () => $<HTMLDialogElement>("detalje").close());
  $("detalje-indhold").addEventListener("click", (ev) => {
    const knap = (ev.target as HTMLElement).closest<HTMLButtonElement>("button[data-handling]");
    if (knap) void handl(knap);
  });
  $("tilbagetrukne").addEventListener("click", (ev) => {
    const knap = (ev.target as HTMLElement).closest<HTMLButtonElement>("button[data-id]");
    if (knap?.dataset.id) void visDetalje(knap.dataset.id, knap.dataset.ydelse);
  });
  if (token) void indlaes();
  else visLogin();
  // Personal login: the link shown where the service has it, and a logged-in browser's overview at once.
  void personligtLogin("/oversigt").then((ind) => {
    if (ind && !token) void indlaes();
  });
}

start();
