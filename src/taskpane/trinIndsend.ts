import { skrivKvittering } from "./excel-workbook";
import type { FundVisning } from "./fundVisning";
import { indberetning, indberetningKrop, indsend, type IndsendOptioner, type IndsendResultat, type Kvittering } from "./indsendelse";
import { el, fejltekst, type Rude } from "./rude";
import type { ValiderTrin } from "./trinValider";
import { tidspunkt } from "./visning";

/** Step 3: validate again, send, and write the receipt into TS_Kvittering (the only write after validation). */

export type SendUdfald = Extract<IndsendResultat, { ok: false }> | { ok: true; kvittering: Kvittering; gentaget: boolean; skrivFejl?: string };

/** Send the skema as read; on a receipt, write its number into the workbook (one sync). */
export async function send(skema: Record<string, unknown>, ind: { serviceUrl: string; token: string }, opt: IndsendOptioner = {}): Promise<SendUdfald> {
  const svar = await indsend(ind.serviceUrl, ind.token, indberetningKrop(indberetning(skema)), opt);
  if (!svar.ok) return svar;
  try {
    await skrivKvittering(svar.kvittering.nummer ?? svar.kvittering.id, skema);
    return svar;
  } catch (e) {
    return { ...svar, skrivFejl: fejltekst(e) };
  }
}

export function indsendtTekst(k: Kvittering): string {
  const n = k.findings.length;
  return `Skemaet er indsendt. Kvittering ${k.nummer ?? k.id}.${n ? ` Indberetningsservicen gav ${n} ${n === 1 ? "advarsel" : "advarsler"}.` : ""}`;
}

export function startIndsend(rude: Rude, visning: FundVisning, validering: ValiderTrin, efterKvittering: () => void): void {
  const knap = rude.knapIndsend;
  const fremdrift = el("fremdrift");
  const indsendFejl = el("indsend-fejl");
  const kvitteringBoks = el("kvittering");
  const resultat = el("resultat");

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
    const service = visning.fundGruppe("Advarsler fra indberetningsservicen", k.findings, "gruppe-service", "h4");
    kvitteringBoks.replaceChildren(h, id, tid, ...service, sha, note);
    kvitteringBoks.hidden = false;
    kvitteringBoks.focus();
  }

  knap.addEventListener("click", () => {
    void rude.travl(knap, async () => {
      indsendFejl.hidden = true;
      kvitteringBoks.hidden = true;
      try {
        // Read and validate again: the workbook may have changed since the last validation.
        const r = await validering.validerNu();
        if (!r) return;
        if (!r.v.ok) {
          rude.saetStatus("Skemaet har fejl og er ikke indsendt. Ret fejlene og valider igen.");
          resultat.focus();
          return;
        }
        fremdrift.hidden = false;
        rude.saetStatus("Indsender skemaet …");
        const svar = await send(r.skema, rude.ind);
        fremdrift.hidden = true;
        if (!svar.ok) {
          indsendFejl.textContent = svar.besked;
          indsendFejl.hidden = false;
          if (svar.fund && svar.fund.length) {
            rude.senesteOk = false;
            visning.visFund(svar.fund, { overskrift: "Indberetningsservicen afviste skemaet:" });
          }
          rude.saetStatus(svar.besked);
          return;
        }
        visKvittering(svar.kvittering, svar.gentaget, svar.skrivFejl);
        rude.saetStatus(indsendtTekst(svar.kvittering));
        efterKvittering();
      } catch (e) {
        fremdrift.hidden = true;
        indsendFejl.textContent = `Skemaet kunne ikke indsendes: ${fejltekst(e)}`;
        indsendFejl.hidden = false;
      }
    });
  });
}
