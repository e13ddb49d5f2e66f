import "./taskpane.css";
import { deltRegister } from "../regelsaet/delt";
import { indlaesRegelsaet } from "../regelsaet/indlaeser";
import { KUN_I_EXCEL, fjernKunBesked, visKunBesked } from "./kunBesked";
import { skabelonLayout, validerSkema, type TekstTal, type Valideringsresultat } from "../takstskema";
import { indsaetSkabelon, harUdfyldtSkema, laesSkema, skrivKvittering, skrivTal, vaelgCelle } from "./excel-workbook";
import { gemIndstillinger, hentIndstillinger, standardIndstillinger, type Indstillinger } from "./indstillinger";
import { indberetning, indberetningKrop, indsend, type Kvittering } from "./indsendelse";
import { kildeTekst, nyesteRegelsaet, regelsaetMuligheder, valgtRegelsaet } from "./regelsaetvalg";
import { startMine } from "./mine";
import { startSidsteAar } from "./sidsteAar";
import { alvorTekst, fundHvor, grupper, kortCelle, etiket, resume, takstLinje, tidspunkt, type VistFund } from "./visning";

/**
 * The task pane: wires the buttons to the Excel adapter, the shared validator and the
 * submission client. Validation only reads; only a successful submission writes (the receipt).
 */

function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`Elementet #${id} mangler i taskpane.html`);
  return e as T;
}

function lager(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function fejltekst(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

function start(): void {
  // The one register the SOC functions read too; only the loader fills it.
  const register = deltRegister();
  const hukommelse = lager();
  const standard = standardIndstillinger(window.location.origin);
  let ind: Indstillinger = hukommelse ? hentIndstillinger(hukommelse, standard) : standard;

  const knapIndsaet = el<HTMLButtonElement>("indsaet");
  const knapValider = el<HTMLButtonElement>("valider");
  const knapIndsend = el<HTMLButtonElement>("indsend");
  const bekraeft = el("bekraeft");
  const resultat = el("resultat");
  const fremdrift = el("fremdrift");
  const indsendFejl = el("indsend-fejl");
  const kvitteringBoks = el("kvittering");
  const status = el("status");
  const vaelgRegelsaet = el<HTMLSelectElement>("ind-regelsaet");
  const inputUrl = el<HTMLInputElement>("ind-url");
  const inputToken = el<HTMLInputElement>("ind-token");
  const regelsaetKilde = el("regelsaet-kilde");
  const knapHent = el<HTMLButtonElement>("hent-regelsaet");

  let optaget = false;
  let senesteOk = false;

  function saetStatus(tekst: string): void {
    status.textContent = tekst;
  }

  /** Steps 1-3 wait until a ruleset the register knows has been chosen and saved. */
  const regelsaetValgt = (): boolean => ind.regelsaet !== "" && register.find(ind.regelsaet) !== undefined;

  function opdaterKnapper(): void {
    knapIndsaet.disabled = optaget || !regelsaetValgt();
    knapValider.disabled = optaget || !regelsaetValgt();
    knapIndsend.disabled = optaget || !senesteOk || !regelsaetValgt();
  }

  async function travl<T>(knap: HTMLButtonElement, fn: () => Promise<T>): Promise<T | undefined> {
    if (optaget) return undefined;
    optaget = true;
    knap.setAttribute("aria-busy", "true");
    opdaterKnapper();
    try {
      return await fn();
    } finally {
      optaget = false;
      knap.removeAttribute("aria-busy");
      opdaterKnapper();
    }
  }

  // Only a choice the user made survives a reload of the list: the value the list set itself
  // before the saved ruleset was loaded must not replace the saved one (issue 20).
  let brugerensValg = false;
  vaelgRegelsaet.addEventListener("change", () => (brugerensValg = true));

  function visRegelsaetValg(): void {
    const bruger = brugerensValg ? vaelgRegelsaet.value : "";
    const muligheder = regelsaetMuligheder(register, ind.regelsaet);
    vaelgRegelsaet.replaceChildren(
      ...muligheder.map((m) => {
        const o = document.createElement("option");
        o.value = m.id;
        o.textContent = m.tekst;
        return o;
      }),
    );
    vaelgRegelsaet.value = valgtRegelsaet(muligheder, { bruger, gemt: ind.regelsaet, nyeste: nyesteRegelsaet(register)?.id ?? "" });
    el("regelsaet-vist").textContent = regelsaetValgt()
      ? ind.regelsaet
      : ind.regelsaet
        ? `${ind.regelsaet} (ikke indlæst endnu)`
        : "intet valgt endnu – vælg et under Indstillinger";
  }

  function visIndstillinger(): void {
    visRegelsaetValg();
    inputUrl.value = ind.serviceUrl;
    inputToken.value = ind.token;
  }

  async function hentRegelsaet(): Promise<void> {
    knapHent.disabled = true;
    knapHent.setAttribute("aria-busy", "true");
    regelsaetKilde.textContent = "Henter regelsæt fra indberetningsservicen …";
    try {
      const r = await indlaesRegelsaet({ serviceUrl: ind.serviceUrl, lager: hukommelse, register });
      regelsaetKilde.textContent = kildeTekst(r, register.ids().length);
      regelsaetKilde.dataset.kilde = r.kilde;
      regelsaetKilde.classList.toggle("advarsel", r.kilde !== "service" || r.opdaterTilfoejelsesprogram);
    } catch (e) {
      regelsaetKilde.textContent = `Regelsættene kunne ikke indlæses: ${fejltekst(e)}`;
    } finally {
      knapHent.disabled = false;
      knapHent.removeAttribute("aria-busy");
    }
  }
  register.lyt(() => {
    visRegelsaetValg();
    opdaterKnapper();
  });
  knapHent.addEventListener("click", () => void hentRegelsaet());

  el<HTMLFormElement>("indstillinger-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    ind = {
      regelsaet: vaelgRegelsaet.value,
      serviceUrl: inputUrl.value.trim() || standard.serviceUrl,
      token: inputToken.value.trim(),
    };
    if (hukommelse) gemIndstillinger(hukommelse, ind);
    brugerensValg = false;
    visIndstillinger();
    opdaterKnapper();
    saetStatus(hukommelse ? "Indstillingerne er gemt på denne computer." : "Indstillingerne gælder kun, indtil ruden lukkes (lokalt lager er ikke tilgængeligt).");
    void hentRegelsaet(); // the address may have changed
  });

  // ── 1. Insert the template ──────────────────────────────────────────────
  async function indsaetNu(): Promise<void> {
    const regelsaet = register.hent(ind.regelsaet);
    const layout = skabelonLayout(regelsaet);
    saetStatus("Indsætter standardskabelonen …");
    const r = await indsaetSkabelon(layout);
    senesteOk = false;
    resultat.hidden = true;
    kvitteringBoks.hidden = true;
    indsendFejl.hidden = true;
    saetStatus(
      `Standardskabelonen (${regelsaet.id}) er ${r.erstattet ? "indsat i stedet for det tidligere skema" : "indsat"} i arket ${layout.arknavn}. Udfyld de gule (skal) og orange (kan) felter, og tryk Valider.`,
    );
  }

  knapIndsaet.addEventListener("click", () => {
    void travl(knapIndsaet, async () => {
      try {
        const layout = skabelonLayout(register.hent(ind.regelsaet));
        saetStatus("Kontrollerer projektmappen …");
        if (await harUdfyldtSkema(layout)) {
          bekraeft.hidden = false;
          bekraeft.focus();
          saetStatus("Arket indeholder et udfyldt takstskema. Bekræft eller annullér.");
          return;
        }
        await indsaetNu();
      } catch (e) {
        saetStatus(`Skabelonen kunne ikke indsættes: ${fejltekst(e)}`);
      }
    });
  });

  el("bekraeft-ja").addEventListener("click", () => {
    bekraeft.hidden = true;
    void travl(knapIndsaet, async () => {
      try {
        await indsaetNu();
      } catch (e) {
        saetStatus(`Skabelonen kunne ikke indsættes: ${fejltekst(e)}`);
      }
      knapIndsaet.focus();
    });
  });
  el("bekraeft-nej").addEventListener("click", () => {
    bekraeft.hidden = true;
    saetStatus("Indsættelsen er annulleret. Skemaet er uændret.");
    knapIndsaet.focus();
  });
  bekraeft.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") el("bekraeft-nej").click();
  });

  // ── 2. Validate ─────────────────────────────────────────────────────────
  function fundKnap(f: VistFund): HTMLLIElement {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.className = `fund ${f.severity === "error" ? "fejl" : "advarsel"}`;
    // The name is the button's own text (what a speech-input user reads and says), the severity
    // in front for a screen reader; the hint is a description (axe: label-content-name-mismatch).
    if (f.cell) b.setAttribute("aria-describedby", "fund-hjaelp");
    if (f.cell) b.dataset.celle = f.cell;
    b.dataset.kode = f.code;
    const alvor = document.createElement("span");
    alvor.className = "usynlig";
    alvor.textContent = `${alvorTekst(f)} `;
    const kode = document.createElement("span");
    kode.className = "kode";
    kode.textContent = f.code;
    const hvor = document.createElement("span");
    hvor.className = "hvor";
    hvor.textContent = fundHvor(f);
    const tekst = document.createElement("span");
    tekst.className = "tekst";
    tekst.textContent = f.message;
    b.append(alvor, kode, " ", hvor, " ", tekst);
    b.addEventListener("click", () => {
      if (!f.cell) return;
      resultat.querySelectorAll(".fund.valgt").forEach((x) => x.classList.remove("valgt"));
      b.classList.add("valgt");
      vaelgCelle(f.cell).then(
        () => saetStatus(`Cellen ${kortCelle(f.cell)} (${etiket(f.field)}) er markeret i Excel.`),
        (e: unknown) => saetStatus(`Cellen ${f.cell} kunne ikke markeres: ${fejltekst(e)}`),
      );
    });
    li.append(b);
    return li;
  }

  function fundGruppe(titel: string, fund: VistFund[], id = `gruppe-${titel.toLowerCase()}`, niveau: "h3" | "h4" = "h3"): HTMLElement[] {
    if (fund.length === 0) return [];
    const h = document.createElement(niveau);
    h.id = id;
    h.textContent = `${titel} (${fund.length})`;
    const ul = document.createElement("ul");
    ul.className = "fundliste";
    ul.setAttribute("aria-labelledby", id);
    ul.append(...fund.map(fundKnap));
    return [h, ul];
  }

  /** The one-click fix of numbers stored as text (TS002): one write, then validate again. */
  function tekstTalRet(tekstTal: readonly TekstTal[]): HTMLElement {
    const boks = document.createElement("div");
    boks.className = "besked info";
    boks.id = "tekst-til-tal";
    const p = document.createElement("p");
    const celler = tekstTal.map((t) => `${kortCelle(t.celle)} ("${t.tekst}")`).join(", ");
    p.textContent = `${tekstTal.length === 1 ? "Én celle" : `${tekstTal.length} celler`} har et tal skrevet som tekst: ${celler}. Arkets formler kan ikke regne med dem.`;
    const knap = document.createElement("button");
    knap.type = "button";
    knap.className = "knap primaer";
    knap.id = "tekst-til-tal-knap";
    knap.textContent = tekstTal.length === 1 ? "Lav cellen om til et tal" : `Lav de ${tekstTal.length} celler om til tal`;
    knap.addEventListener("click", () => {
      void travl(knap, async () => {
        try {
          await skrivTal(tekstTal);
          senesteOk = false;
          resultat.hidden = true;
          saetStatus(`${tekstTal.length === 1 ? "Cellen" : `De ${tekstTal.length} celler`} ${tekstTal.map((t) => kortCelle(t.celle)).join(", ")} er lavet om til tal. Tryk Valider for at kontrollere skemaet igen.`);
          knapValider.focus();
        } catch (e) {
          saetStatus(`Cellerne kunne ikke laves om til tal: ${fejltekst(e)}`);
        }
      });
    });
    boks.append(p, knap);
    return boks;
  }

  function visFund(fund: VistFund[], ekstra: { takst?: string; sprunget?: string[]; overskrift?: string; tekstTal?: readonly TekstTal[] }): void {
    const { fejl, advarsler } = grupper(fund);
    const p = document.createElement("p");
    p.className = `resume ${fejl.length ? "fejl" : "ok"}`;
    p.id = "resume";
    p.textContent = (ekstra.overskrift ? `${ekstra.overskrift} ` : "") + resume(fund);
    const dele: HTMLElement[] = [p];
    if (ekstra.takst) {
      const t = document.createElement("p");
      t.className = "takst";
      t.textContent = ekstra.takst;
      dele.push(t);
    }
    dele.push(...fundGruppe("Fejl", fejl), ...fundGruppe("Advarsler", advarsler));
    if (ekstra.tekstTal && ekstra.tekstTal.length > 0) dele.push(tekstTalRet(ekstra.tekstTal));
    if (ekstra.sprunget && ekstra.sprunget.length) {
      const d = document.createElement("details");
      d.className = "sprunget";
      const s = document.createElement("summary");
      s.textContent = `${ekstra.sprunget.length} kontroller sprunget over`;
      const ul = document.createElement("ul");
      ul.append(
        ...ekstra.sprunget.map((x) => {
          const li = document.createElement("li");
          li.textContent = x;
          return li;
        }),
      );
      d.append(s, ul);
      dele.push(d);
    }
    resultat.replaceChildren(...dele);
    resultat.setAttribute("aria-labelledby", "resume");
    resultat.hidden = false;
  }

  async function validerNu(): Promise<{ skema: Record<string, unknown>; v: Valideringsresultat } | undefined> {
    const skema = await laesSkema();
    if (Object.keys(skema).length === 0) {
      senesteOk = false;
      resultat.hidden = true;
      saetStatus("Projektmappen har intet takstskema. Tryk først Indsæt standardskabelon.");
      return undefined;
    }
    // Read from the workbook: a number stored as text where the formulas compute is TS002.
    const v = validerSkema(skema, { register, projektmappe: true });
    senesteOk = v.ok;
    visFund(v.findings, { takst: takstLinje(v.vaerdier as Record<string, unknown>, v.beregnet), sprunget: v.skipped.map((s) => s.message), tekstTal: v.tekstTal });
    return { skema, v };
  }

  knapValider.addEventListener("click", () => {
    void travl(knapValider, async () => {
      try {
        saetStatus("Validerer …");
        const r = await validerNu();
        if (r) {
          saetStatus(`Validering færdig: ${resume(r.v.findings)}`);
          resultat.focus();
        }
      } catch (e) {
        senesteOk = false;
        saetStatus(`Skemaet kunne ikke læses: ${fejltekst(e)}`);
      }
    });
  });

  // ── 3. Submit ───────────────────────────────────────────────────────────
  function visKvittering(k: Kvittering, gentaget: boolean, skrivFejl?: string): void {
    const h = document.createElement("h3");
    h.textContent = gentaget ? "Skemaet var allerede indsendt" : "Skemaet er indsendt";
    const id = document.createElement("p");
    id.append("Kvitteringsnummer: ");
    const s = document.createElement("strong");
    s.className = "nummer";
    s.id = "kvittering-nummer";
    s.textContent = k.nummer ?? k.id;
    id.append(s);
    const tid = document.createElement("p");
    tid.textContent = `Modtaget: ${tidspunkt(k.modtaget)}`;
    // The long id and the hash are for support, not for reading out on the phone.
    const sha = document.createElement("details");
    sha.className = "tekniske";
    const resume = document.createElement("summary");
    resume.textContent = "Tekniske detaljer";
    const idLinje = document.createElement("p");
    idLinje.className = "id";
    idLinje.append("Id: ");
    const idTekst = document.createElement("span");
    idTekst.id = "kvittering-id";
    idTekst.textContent = k.id;
    idLinje.append(idTekst);
    const shaLinje = document.createElement("p");
    shaLinje.className = "id";
    shaLinje.textContent = `SHA-256: ${k.sha256}`;
    sha.append(resume, idLinje, shaLinje);
    const note = document.createElement("p");
    note.textContent = skrivFejl
      ? `Kvitteringen kunne ikke skrives i feltet Kvittering (${skrivFejl}). Notér nummeret.`
      : gentaget
        ? "Indberetningsservicen havde allerede modtaget præcis dette skema og gav samme kvittering. Der er ikke oprettet en ny indberetning."
        : "Kvitteringsnummeret er skrevet i feltet Kvittering i skemaet.";
    // The service's own warnings (TS120: last year's takst against its register) come with the receipt.
    const service = fundGruppe("Advarsler fra indberetningsservicen", k.findings, "gruppe-service", "h4");
    kvitteringBoks.replaceChildren(h, id, tid, ...service, sha, note);
    kvitteringBoks.hidden = false;
    kvitteringBoks.focus();
  }

  knapIndsend.addEventListener("click", () => {
    void travl(knapIndsend, async () => {
      indsendFejl.hidden = true;
      kvitteringBoks.hidden = true;
      try {
        // Read and validate again: the workbook may have changed since the last validation.
        const r = await validerNu();
        if (!r) return;
        if (!r.v.ok) {
          saetStatus("Skemaet har fejl og er ikke indsendt. Ret fejlene og valider igen.");
          resultat.focus();
          return;
        }
        fremdrift.hidden = false;
        saetStatus("Indsender skemaet …");
        const svar = await indsend(ind.serviceUrl, ind.token, indberetningKrop(indberetning(r.skema)));
        fremdrift.hidden = true;
        if (!svar.ok) {
          indsendFejl.textContent = svar.besked;
          indsendFejl.hidden = false;
          if (svar.fund && svar.fund.length) {
            senesteOk = false;
            visFund(svar.fund, { overskrift: "Indberetningsservicen afviste skemaet:" });
          }
          saetStatus(svar.besked);
          return;
        }
        let skrivFejl: string | undefined;
        try {
          await skrivKvittering(svar.kvittering.nummer ?? svar.kvittering.id, r.skema);
        } catch (e) {
          skrivFejl = fejltekst(e);
        }
        visKvittering(svar.kvittering, svar.gentaget, skrivFejl);
        const advarsler = svar.kvittering.findings.length;
        saetStatus(
          `Skemaet er indsendt. Kvittering ${svar.kvittering.nummer ?? svar.kvittering.id}.${advarsler ? ` Indberetningsservicen gav ${advarsler} ${advarsler === 1 ? "advarsel" : "advarsler"}.` : ""}`,
        );
        if (!el("mine-liste").hidden) void mine.opdater();
      } catch (e) {
        fremdrift.hidden = true;
        indsendFejl.textContent = `Skemaet kunne ikke indsendes: ${fejltekst(e)}`;
        indsendFejl.hidden = false;
      }
    });
  });

  const mine = startMine({ indstillinger: () => ind, saetStatus });
  startSidsteAar({ indstillinger: () => ind, saetStatus });

  visIndstillinger();
  fjernKunBesked(document);
  el("ikke-klar").hidden = true;
  opdaterKnapper();
  // First use: the pane opens on its settings until an address and a token are saved.
  const foersteGang = !ind.token || !ind.regelsaet;
  if (foersteGang) el<HTMLDetailsElement>("indstillinger").open = true;
  void hentRegelsaet().then(() =>
    saetStatus(foersteGang ? "Klar. Angiv adressen på indberetningsservicen og adgangsnøglen, vælg regelsæt under Indstillinger, og tryk Gem." : "Klar."),
  );
}

if (typeof Office !== "undefined") {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) {
      start();
    } else {
      visKunBesked(document, KUN_I_EXCEL);
    }
  });
}
