/**
 * When the add-in cannot start – office.js could not be fetched, or the page is opened outside
 * Excel – the pane shows one message and nothing else: no disabled form that invites clicks.
 */

export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** How long office.js may take before the pane says it is blocked (a proxy may hold it forever). */
export const OFFICE_JS_FRIST_MS = 20_000;

export const OFFICE_JS_BLOKERET =
  "Microsofts Office-bibliotek (office.js) kunne ikke hentes, så tilføjelsesprogrammet og SOC-funktionerne kan ikke starte. " +
  "Netværket (fx en proxy eller firewall) blokerer sandsynligvis Microsofts adresser. " +
  "Bed IT om at åbne for https://appsforoffice.microsoft.com og Office-tjenesterne (*.officeapps.live.com, *.office.com), og genstart derefter Excel.";

export const KUN_I_EXCEL = "Tilføjelsesprogrammet virker kun i Excel. Åbn det fra fanen Hjem i Excel (knappen Takstskema).";

/**
 * Shows `tekst` as the page's only content. Works while the page is still loading: before
 * <body> exists the message is put straight under <html>, and the form is hidden once parsed.
 */
export function visKunBesked(doc: Document, tekst: string): void {
  let boks = doc.getElementById("kun-besked");
  if (!boks) {
    boks = doc.createElement("div");
    boks.id = "kun-besked";
    boks.setAttribute("role", "alert");
    // Inline style: the stylesheet comes with taskpane.js, which may never run.
    boks.style.cssText = "margin:16px;padding:12px;border:1px solid #b10e1c;border-radius:4px;background:#fdf3f4;color:#242424;font-family:'Segoe UI',sans-serif;font-size:14px;line-height:1.4";
    (doc.body ?? doc.documentElement).prepend(boks);
  }
  boks.textContent = tekst;
  const skjulResten = () => {
    // Taken back meanwhile (fjernKunBesked: office.js came late and the pane started).
    if (!boks || !boks.isConnected) return;
    const main = doc.getElementById("indhold");
    if (main) for (const e of Array.from(main.children)) (e as HTMLElement).hidden = true;
    if (doc.body && boks && boks.parentElement !== doc.body) doc.body.prepend(boks);
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", skjulResten, { once: true });
  else skjulResten();
}

/** office.js arrived after all (a slow line, not a block) and the pane starts: the form comes back. */
export function fjernKunBesked(doc: Document): void {
  const boks = doc.getElementById("kun-besked");
  if (!boks) return;
  boks.remove();
  const main = doc.getElementById("indhold");
  if (main) for (const e of Array.from(main.children)) (e as HTMLElement).hidden = false;
}

/**
 * Watches the office.js script: a load error (the capture-phase error event on window) or no
 * Office object after `fristMs` shows the blocked-network message. Returns a stop function.
 */
export function vagtOfficeJs(win: Window & { Office?: unknown }, fristMs = OFFICE_JS_FRIST_MS): () => void {
  let vist = false;
  const vis = () => {
    if (vist) return;
    vist = true;
    visKunBesked(win.document, OFFICE_JS_BLOKERET);
  };
  const fejl = (ev: Event) => {
    const t = ev.target as HTMLScriptElement | null;
    if (t && t.tagName === "SCRIPT" && t.src === OFFICE_JS_URL) vis();
  };
  win.addEventListener("error", fejl, true);
  // Visible to support (and the browser test): the guard is listening.
  win.document.documentElement.dataset.officeVagt = "aktiv";
  const timer = win.setTimeout(() => {
    if (typeof win.Office === "undefined") vis();
  }, fristMs);
  return () => {
    win.removeEventListener("error", fejl, true);
    win.clearTimeout(timer);
  };
}
