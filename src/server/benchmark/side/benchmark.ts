import "../../oversigt/side/oversigt.css";
import "./benchmark.css";
import type { Benchmark } from "../../../kontrakt";
import { titel } from "../../../kontrakt/benchmarkTekster";
import { esc } from "../../oversigt/side/format";
import { gemBlob } from "../../oversigt/side/gemFil";
import { NOEGLE, startLogin, tokenHoved, visTokenFormular } from "../../oversigt/side/noegle";
import { driftsherrer, gruppeHtml, indledningHtml, niveauRaekker, udeladtHtml, visteTekst } from "./visning";

/**
 * The benchmark page (/benchmark?takstaar=Y, product.md §5.3): with the token of the tab (the
 * overview's login, sessionStorage) it fetches /api/v1/benchmark and draws it with visning.ts.
 * A municipality's token gets its own tilbud only, so its one driftsherre is highlighted at once;
 * the secretariat may choose one. The .xlsx goes through fetch + Blob so the token is sent.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let token: string | null = sessionStorage.getItem(NOEGLE);
let data: Benchmark | null = null;
/**
 * While only the first groups' niveauer are in (the first answer, ?antalGrupper=FOERSTE_GRUPPER):
 * the drawing stops before the next group and waits here for the whole answer.
 */
let delvis = false;
let venter: (() => void) | null = null;
const FOERSTE_GRUPPER = 1;
/** The rest is read in parts of this many groups (about 800 niveauer, 0,4 MB): no one long task. */
const GRUPPER_PR_DEL = 8;

const status = (tekst: string) => {
  $("status").textContent = tekst;
};

/** Counts loads: a load begun later, or the login form shown, makes an unfinished one stop. */
let indlaesning = 0;

function visLogin(fejl?: string): void {
  indlaesning++;
  $("valg").hidden = true;
  $("benchmark").innerHTML = "";
  status(fejl ? "Ikke logget ind." : "Log ind for at se sammenligningen.");
  visTokenFormular(fejl);
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
 * The first task draws fewer: what fills a screen of the first group.
 */
const RAEKKER_PR_PARTI = 100;
const FOERSTE_PARTI = 30;
let tegning = 0;

/**
 * `f` in a task after the next frame, so the first rows are painted before more are drawn. A
 * hidden tab paints no frames: there the timer alone goes on (the page is drawn all the same).
 */
function naesteEfterBillede(f: () => void): void {
  let kaldt = false;
  const en = () => {
    if (kaldt) return;
    kaldt = true;
    f();
  };
  requestAnimationFrame(() => window.setTimeout(en, 0));
  window.setTimeout(en, 100);
}

/**
 * Draws the head and the first group's first rows at once, the rest in following tasks, after
 * the first frame (a new drawing stops an unfinished one); the region is aria-busy until the
 * last row and the list of left-out niveauer are in.
 */
function tegn(): void {
  const b = data;
  if (!b) return;
  const nr = ++tegning;
  venter = null;
  const valgt = $<HTMLSelectElement>("fremhaev").value;
  const fremhaev = valgt === "" ? null : valgt;
  const rod = $("benchmark");
  rod.setAttribute("aria-busy", "true");
  rod.innerHTML = indledningHtml(b, !delvis);
  // Group i has its first j rows drawn.
  let i = 0;
  let j = 0;
  const parti = (plads: number, foerste: boolean) => {
    if (nr !== tegning) return;
    const dele: string[] = [];
    // The whole answer replaces the first one in `data` when it comes.
    const svar = data!;
    while (i < svar.grupper.length && plads > 0) {
      if (delvis && i >= FOERSTE_GRUPPER) {
        rod.insertAdjacentHTML("beforeend", dele.join("\n"));
        venter = () => parti(RAEKKER_PR_PARTI, false);
        return;
      }
      const g = svar.grupper[i]!;
      const til = Math.min(g.niveauer.length, j + plads);
      if (j === 0) dele.push(gruppeHtml(g, i + 1, fremhaev, til));
      // The rest of a group begun in an earlier task: its section is in the DOM.
      else document.querySelector(`#gruppe-${i + 1}-tabel tbody`)!.insertAdjacentHTML("beforeend", niveauRaekker(g, j, til, fremhaev));
      plads -= Math.max(1, til - j);
      j = til;
      if (til === g.niveauer.length) {
        i++;
        j = 0;
      }
    }
    if (i === svar.grupper.length) dele.push(udeladtHtml(svar));
    rod.insertAdjacentHTML("beforeend", dele.join("\n"));
    if (i === svar.grupper.length) rod.removeAttribute("aria-busy");
    else if (foerste) naesteEfterBillede(() => parti(RAEKKER_PR_PARTI, false));
    else window.setTimeout(() => parti(RAEKKER_PR_PARTI, false), 0);
  };
  parti(FOERSTE_PARTI, true);
}

/**
 * The "Fremhæv" list from an answer: a municipality's one driftsherre is chosen at once. From the
 * first answer (`foreloebig`) only the choice is offered, the list is whole with the whole answer.
 */
function vaelgFremhaevet(b: Benchmark, foreloebig: boolean): string {
  const navne = driftsherrer(b);
  // A municipality sees only its own: the one driftsherre is the one to highlight.
  const forvalg = navne.length === 1 ? navne[0]! : "";
  const valg = foreloebig ? navne.filter((n) => n === forvalg) : navne;
  const liste = $<HTMLSelectElement>("fremhaev");
  liste.innerHTML = `<option value="">Ingen</option>${valg.map((n) => `<option${n === forvalg ? " selected" : ""}>${esc(n)}</option>`).join("")}`;
  liste.disabled = foreloebig;
  return forvalg;
}

async function indlaes(): Promise<void> {
  const mit = ++indlaesning;
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
    // First the first group's niveauer with every group's statistics (small, quick to read and
    // draw), then the rest in parts, each read in its own task after a frame.
    const sti = `/api/v1/benchmark?takstaar=${aar}`;
    const r = await hent(`${sti}&antalGrupper=${FOERSTE_GRUPPER}`);
    if (!r || mit !== indlaesning) return;
    const foersteSvar = (await r.json()) as Benchmark;
    if (mit !== indlaesning) return;
    data = foersteSvar;
    delvis = true;
    const foerst = vaelgFremhaevet(data, true);
    tegn();
    document.title = titel(data);
    status(`Takstår ${aar}: ${data.grupper.length} ${data.grupper.length === 1 ? "sammenligningsgruppe" : "sammenligningsgrupper"}.`);
    // The first group is on the screen: the page is ready while the rest comes.
    $("indhold").removeAttribute("aria-busy");
    // The rest is asked for only once the first group is painted: asked at once, the parts made
    // the service (and, on one machine, the browser) compete with the first drawing.
    await new Promise<void>((v) => naesteEfterBillede(v));
    if (mit !== indlaesning) return;
    const dele: Promise<Response | null>[] = [];
    for (let fra = FOERSTE_GRUPPER; fra < foersteSvar.grupper.length; fra += GRUPPER_PR_DEL) {
      const del = hent(`${sti}&fraGruppe=${fra}&antalGrupper=${GRUPPER_PR_DEL}`);
      // A failure is reported below, where it is awaited.
      del.catch(() => undefined);
      dele.push(del);
    }
    const grupper = [...foersteSvar.grupper];
    for (const [k, del] of dele.entries()) {
      // Each part read after the first group (or the part before) is painted.
      await new Promise<void>((v) => naesteEfterBillede(v));
      const rd = await del;
      if (!rd || mit !== indlaesning) return;
      const svar = (await rd.json()) as Benchmark;
      if (mit !== indlaesning) return;
      const fra = FOERSTE_GRUPPER + k * GRUPPER_PR_DEL;
      for (let i = fra; i < Math.min(fra + GRUPPER_PR_DEL, grupper.length); i++) grupper[i] = svar.grupper[i]!;
    }
    const b: Benchmark = { ...foersteSvar, grupper };
    data = b;
    delvis = false;
    const nu = vaelgFremhaevet(b, false);
    // The first group was drawn with the first answer's choice: drawn again only if it shows
    // niveauer of a driftsherre whose highlight changed (else the drawing goes on).
    const vist = b.grupper.slice(0, FOERSTE_GRUPPER);
    if (nu !== foerst && vist.some((g) => g.niveauer.some((n) => n.driftsherre === nu || n.driftsherre === foerst))) tegn();
    else {
      $("viste").textContent = visteTekst(b);
      const v = venter;
      venter = null;
      v?.();
    }
  } catch (e) {
    if (mit !== indlaesning) return;
    status(`Sammenligningen kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
    // A drawing waiting for the whole answer stops where it is.
    venter = null;
    $("benchmark").removeAttribute("aria-busy");
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
  $("fremhaev").addEventListener("change", tegn);
  $("benchmark").addEventListener("click", (ev) => {
    const a = (ev.target as HTMLElement).closest<HTMLAnchorElement>("a#hent-xlsx");
    if (!a || !data) return;
    ev.preventDefault();
    void hentXlsx(data.takstaar);
  });
  startLogin({
    tilbage: `/benchmark${location.search}`,
    token: () => token,
    saetToken: (t) => {
      token = t;
      if (!t) data = null;
    },
    visLogin,
    indlaes: () => void indlaes(),
  });
}

start();
