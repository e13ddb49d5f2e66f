// The file itself, not the layer's index: the page's bundle needs only this function.
import { ofAar } from "../../../tilsynsskema/objektivFinansiering";
import { esc, kr } from "./format";

type Hent = (sti: string) => Promise<Response>;

/**
 * Issue 23: on a municipality's own page, its objektiv finansiering of the socialtilsyn for the
 * coming and the current budget year, as published (GET /api/v1/tilsyn/mine, parsed with the
 * contract's schema as the pane parses it). Renders into #objektiv-finansiering; shown only to a
 * municipality.
 */
export async function visObjektivFinansiering(hent: Hent, nu = new Date()): Promise<void> {
  const sektion = document.getElementById("objektiv-finansiering");
  const indhold = document.getElementById("of-indhold");
  if (!sektion || !indhold) return;
  const aar = ofAar(nu);
  // Loaded here, not with the page: the contract's zod schemas would double the bundle the
  // secretariat's overview waits for, and only a municipality's page reads this answer.
  const { minObjektivFinansieringSchema } = await import(/* webpackChunkName: "kontrakt" */ "../../../kontrakt");
  const svar = await Promise.all(aar.map(async (a) => minObjektivFinansieringSchema.parse(await (await hent(`/api/v1/tilsyn/mine?budgetaar=${a}`)).json())));
  const raekker = svar.flatMap((s) => s.objektivFinansiering.map((o) => ({ aar: s.budgetaar, ...o })));
  indhold.innerHTML = raekker.length
    ? `<table id="of-tabel"><caption>Objektiv finansiering pr. budgetår og socialtilsyn</caption>
        <thead><tr><th scope="col">Budgetår</th><th scope="col">Socialtilsyn</th><th scope="col">Kommune</th><th scope="col" class="tal">Beløb</th></tr></thead>
        <tbody>${raekker.map((r) => `<tr><td>${r.aar}</td><td>${esc(r.socialtilsyn)}</td><td>${esc(r.kommune)}</td><td class="tal">${esc(kr(r.beloeb))}</td></tr>`).join("")}</tbody>
      </table>
      <p class="hjaelp">Alle kommuners beløb og socialtilsynenes takster: ${[...new Set(raekker.map((r) => r.aar))].map((a) => `<a href="/tilsynstakster?budgetaar=${a}">tilsynstakster ${a}</a>`).join(", ")}.</p>`
    : // Nothing published for these years, or published without this kommune in the key table.
      `<p class="svag">Kommunens objektive finansiering for ${aar.join(" og ")} er ikke offentliggjort endnu.</p>`;
  sektion.hidden = false;
}
