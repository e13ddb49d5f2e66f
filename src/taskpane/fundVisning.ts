import { vaelgCelle } from "./excel-workbook";
import { fejltekst } from "./rude";
import { alvorTekst, etiket, fundHvor, grupper, kortCelle, resume, type VistFund } from "./visning";

/**
 * Findings as buttons (validation, a 422, the receipt's warnings): pressing one selects its cell
 * in Excel. Built with DOM nodes (text from the service never meets innerHTML).
 */

export interface FundVisning {
  /** A heading and the list of finding buttons; nothing for no findings. */
  fundGruppe(titel: string, fund: readonly VistFund[], id?: string, niveau?: "h3" | "h4"): HTMLElement[];
  /** The summary, the takst line, errors and warnings, skipped checks and `tillaeg`, in the result area. */
  visFund(fund: readonly VistFund[], ekstra: { takst?: string; sprunget?: string[]; overskrift?: string; tillaeg?: HTMLElement }): void;
}

export function lavFundVisning(resultat: HTMLElement, saetStatus: (tekst: string) => void): FundVisning {
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
      document.querySelectorAll(".fund.valgt").forEach((x) => x.classList.remove("valgt"));
      b.classList.add("valgt");
      vaelgCelle(f.cell).then(
        () => saetStatus(`Cellen ${kortCelle(f.cell)} (${etiket(f.field)}) er markeret i Excel.`),
        (e: unknown) => saetStatus(`Cellen ${f.cell} kunne ikke markeres: ${fejltekst(e)}`),
      );
    });
    li.append(b);
    return li;
  }

  function fundGruppe(titel: string, fund: readonly VistFund[], id = `gruppe-${titel.toLowerCase()}`, niveau: "h3" | "h4" = "h3"): HTMLElement[] {
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

  function visFund(fund: readonly VistFund[], ekstra: { takst?: string; sprunget?: string[]; overskrift?: string; tillaeg?: HTMLElement }): void {
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
    if (ekstra.tillaeg) dele.push(ekstra.tillaeg);
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

  return { fundGruppe, visFund };
}
