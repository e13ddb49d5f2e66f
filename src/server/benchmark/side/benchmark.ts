import "../../oversigt/side/oversigt.css";
import "./benchmark.css";
import type { Benchmark } from "../../../kontrakt";
import { titel } from "../../../kontrakt/benchmarkTekster";
import { esc } from "../../oversigt/side/format";
import { gemBlob } from "../../oversigt/side/gemFil";
import { NOEGLE, lytTilLogin, personligtLogin, tokenHoved } from "../../oversigt/side/noegle";
import { driftsherrer, gruppeHtml, indledningHtml, udeladtHtml } from "./visning";

/**
 * The benchmark page (/benchmark?takstaar=Y, product.md §5.3): with the token of the tab (the
 * overview's login, sessionStorage) it fetches /api/v1/benchmark and draws it with visning.ts.
 * A municipality's token gets its own tilbud only, so its one driftsherre is highlighted at once;
 * the secretariat may choose one. The .xlsx goes through fetch + Blob so the token is sent.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let token: string | null = sessionStorage.getItem(NOEGLE);
let data: Benchmark | null = null;

const status = (tekst: string) => {
  $("status").textContent = tekst;
};

function visLogin(fejl?: string): void {
  $("valg").hidden = true;
  $("top-handlinger").hidden = true;
  $("benchmark").innerHTML = "";
  $("login").hidden = false;
  const f = $("login-fejl");
  f.hidden = !fejl;
  f.textContent = fejl ?? "";
  $("token").setAttribute("aria-invalid", fejl ? "true" : "false");
  status(fejl ? "Ikke logget ind." : "Log ind for at se sammenligningen.");
  $("token").focus();
}

function takstaarFraAdresse(): number | null {
  const v = new URLSearchParams(location.search).get("takstaar");
  return v !== null && /^\d{4}$/.test(v) ? Number(v) : null;
}

/** The request benchmark.html's inline script sent (if the CSP let it run), taken once. */
let tidlig = (window as unknown as { takstTidlig?: { token: string; sti: string; svar: Promise<Response> } }).takstTidlig ?? null;

async function hent(sti: string): Promise<Response | null> {
  const t = tidlig;
  tidlig = null;
  const r = await (t && t.token === token && t.sti === sti ? t.svar : fetch(sti, { headers: tokenHoved(token), cache: "no-store" }));
  if (r.status === 401 || r.status === 403) {
    token = null;
    sessionStorage.removeItem(NOEGLE);
    visLogin(r.status === 403 ? "Adgang nægtet: tokenet giver ikke adgang til sammenligningen." : "Tokenet blev ikke godkendt: det mangler, er forkert eller er tilbagekaldt.");
    return null;
  }
  if (!r.ok) {
    const fejl = await r.json().then((j: { fejl?: string }) => j.fejl ?? "", () => "");
    throw new Error(fejl || `serveren svarede ${r.status}`);
  }
  return r;
}

/**
 * About this many table rows are drawn per task, so the page answers input while 4,000 are
 * drawn (a task of 300 rows kept a key press waiting as long as the first group took to show).
 */
const RAEKKER_PR_PARTI = 100;
let tegning = 0;

/**
 * Draws the head and the first groups at once, the rest in following tasks (a new drawing stops
 * an unfinished one); the region is aria-busy until the last group and the list of left-out
 * niveauer are in.
 */
function tegn(): void {
  const b = data;
  if (!b) return;
  const nr = ++tegning;
  const valgt = $<HTMLSelectElement>("fremhaev").value;
  const fremhaev = valgt === "" ? null : valgt;
  const rod = $("benchmark");
  rod.setAttribute("aria-busy", "true");
  rod.innerHTML = indledningHtml(b);
  let i = 0;
  const parti = () => {
    if (nr !== tegning) return;
    const dele: string[] = [];
    for (let raekker = 0; i < b.grupper.length && raekker < RAEKKER_PR_PARTI; i++) {
      dele.push(gruppeHtml(b.grupper[i]!, i + 1, fremhaev));
      raekker += b.grupper[i]!.niveauer.length;
    }
    if (i === b.grupper.length) dele.push(udeladtHtml(b));
    rod.insertAdjacentHTML("beforeend", dele.join("\n"));
    if (i < b.grupper.length) window.setTimeout(parti, 0);
    else rod.removeAttribute("aria-busy");
  };
  parti();
}

async function indlaes(): Promise<void> {
  const aar = takstaarFraAdresse();
  $("login").hidden = true;
  $("valg").hidden = false;
  $("top-handlinger").hidden = false;
  $<HTMLInputElement>("takstaar").value = aar === null ? "" : String(aar);
  if (aar === null) {
    status("Vælg et takstår.");
    return;
  }
  status(`Henter sammenligningen for ${aar} …`);
  $("indhold").setAttribute("aria-busy", "true");
  try {
    const r = await hent(`/api/v1/benchmark?takstaar=${aar}`);
    if (!r) return;
    data = (await r.json()) as Benchmark;
    const navne = driftsherrer(data);
    // A municipality sees only its own: the one driftsherre is the one to highlight.
    const forvalg = navne.length === 1 ? navne[0]! : "";
    $("fremhaev").innerHTML = `<option value="">Ingen</option>${navne.map((n) => `<option${n === forvalg ? " selected" : ""}>${esc(n)}</option>`).join("")}`;
    tegn();
    document.title = titel(data);
    status(`Takstår ${aar}: ${data.grupper.length} ${data.grupper.length === 1 ? "sammenligningsgruppe" : "sammenligningsgrupper"}.`);
  } catch (e) {
    status(`Sammenligningen kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
  } finally {
    $("indhold").removeAttribute("aria-busy");
  }
}

async function hentXlsx(aar: number): Promise<void> {
  // The server's name for the file (content-disposition).
  const navn = `sammenligning-${aar}.xlsx`;
  status(`Henter ${navn} …`);
  try {
    const r = await hent(`/api/v1/benchmark.xlsx?takstaar=${aar}`);
    if (!r) return;
    gemBlob(await r.blob(), navn);
    status(`Sammenligningen er hentet som ${navn}.`);
  } catch (e) {
    status(`Filen kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function start(): void {
  lytTilLogin({
    tomt: () => visLogin("Skriv dit token."),
    ind: (v) => {
      token = v;
      $<HTMLInputElement>("token").value = "";
      void indlaes();
    },
    ud: () => {
      token = null;
      data = null;
      visLogin();
    },
  });
  $("fremhaev").addEventListener("change", tegn);
  $("benchmark").addEventListener("click", (ev) => {
    const a = (ev.target as HTMLElement).closest<HTMLAnchorElement>("a#hent-xlsx");
    if (!a || !data) return;
    ev.preventDefault();
    void hentXlsx(data.takstaar);
  });
  if (token) void indlaes();
  else visLogin();
  void personligtLogin(`/benchmark${location.search}`).then((ind) => {
    if (ind && !token) void indlaes();
  });
}

start();
