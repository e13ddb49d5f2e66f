import "../../oversigt/side/oversigt.css";
import "./puljer.css";
import type { Pulje } from "../../../kontrakt";
import { NOEGLE, startLogin, tokenHoved, visTokenFormular } from "../../oversigt/side/noegle";
import { puljeHtml } from "./visning";

/**
 * The pool page (/puljer?ledelsesomraade=…[&driftsherre=…], product.md §5.2): with the token of the
 * tab (the overview's login, sessionStorage) it fetches GET /api/v1/puljer and draws it with
 * visning.ts. A municipality sees its own pools; the secretariat names the driftsherre.
 */

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

let token: string | null = sessionStorage.getItem(NOEGLE);

const status = (tekst: string) => {
  $("status").textContent = tekst;
};

function visLogin(fejl?: string): void {
  $("valg").hidden = true;
  $("pulje").innerHTML = "";
  status(fejl ? "Ikke logget ind." : "Log ind for at se puljen.");
  visTokenFormular(fejl);
}

async function indlaes(): Promise<void> {
  const q = new URLSearchParams(location.search);
  const omraade = q.get("ledelsesomraade")?.trim() ?? "";
  const driftsherre = q.get("driftsherre")?.trim() ?? "";
  $("login").hidden = true;
  $("valg").hidden = false;
  $("top-handlinger").hidden = false;
  $<HTMLInputElement>("ledelsesomraade").value = omraade;
  $<HTMLInputElement>("driftsherre").value = driftsherre;
  $("pulje").innerHTML = "";
  if (!omraade) {
    status("Angiv et ledelsesområde.");
    return;
  }
  status(`Henter puljen for ${omraade} …`);
  $("indhold").setAttribute("aria-busy", "true");
  try {
    const sti = `/api/v1/puljer?ledelsesomraade=${encodeURIComponent(omraade)}${driftsherre ? `&driftsherre=${encodeURIComponent(driftsherre)}` : ""}`;
    const r = await fetch(sti, { headers: tokenHoved(token), cache: "no-store" });
    if (r.status === 401) {
      token = null;
      sessionStorage.removeItem(NOEGLE);
      visLogin("Tokenet blev ikke godkendt: det mangler, er forkert eller er tilbagekaldt.");
      return;
    }
    if (!r.ok) {
      // 403 (another driftsherre's pool, or the secretariat without one) and 409 say why in Danish.
      const fejl = await r.json().then((j: { fejl?: string }) => j.fejl ?? "", () => "");
      status(`Puljen kunne ikke hentes: ${fejl || `serveren svarede ${r.status}`}`);
      return;
    }
    const p = (await r.json()) as Pulje;
    $("pulje").innerHTML = puljeHtml(p, new Date());
    document.title = `Puljen for ${p.ledelsesomraade}`;
    status(`Puljen for ${p.ledelsesomraade} (${p.driftsherre}): ${p.aargange.length} ${p.aargange.length === 1 ? "årgang" : "årgange"}.`);
  } catch (e) {
    status(`Puljen kunne ikke hentes: ${e instanceof Error ? e.message : String(e)}.`);
  } finally {
    $("indhold").removeAttribute("aria-busy");
  }
}

function start(): void {
  startLogin({
    tilbage: `/puljer${location.search}`,
    token: () => token,
    saetToken: (t) => (token = t),
    visLogin,
    indlaes: () => void indlaes(),
  });
}

start();
