import { sessionSchema } from "../kontrakt";
import { indlaesRegelsaet } from "../regelsaet/indlaeser";
import { gemIndstillinger, type Indstillinger, type Lager } from "./indstillinger";
import { kildeTekst, nyesteRegelsaet, regelsaetMuligheder, valgtRegelsaet } from "./regelsaetvalg";
import { logIndMedDialog } from "./loginDialog";
import { el, fejltekst, type Rude } from "./rude";

/**
 * The pane's settings (ruleset, service address, token): the drop-down shows what is saved, and
 * saving takes what the form shows. No Excel call.
 */

/** The settings as the form gives them; an empty address is the add-in's own. */
export function formularIndstillinger(formular: { regelsaet: string; url: string; token: string }, standard: Indstillinger): Indstillinger {
  return { regelsaet: formular.regelsaet, serviceUrl: formular.url.trim() || standard.serviceUrl, token: formular.token.trim() };
}

/** Save (where there is storage) and say so in Danish. */
export function gem(ind: Indstillinger, lager: Lager | undefined): string {
  if (!lager) return "Indstillingerne gælder kun, indtil ruden lukkes (lokalt lager er ikke tilgængeligt).";
  gemIndstillinger(lager, ind);
  return "Indstillingerne er gemt på denne computer.";
}

/** First use: the pane opens on its settings until a token and a ruleset are saved. */
export function foersteGang(ind: Indstillinger): boolean {
  return !ind.token || !ind.regelsaet;
}

export function startIndstillinger(rude: Rude): { hentRegelsaet(): Promise<void> } {
  const { register } = rude;
  const vaelgRegelsaet = el<HTMLSelectElement>("ind-regelsaet");
  const inputUrl = el<HTMLInputElement>("ind-url");
  const inputToken = el<HTMLInputElement>("ind-token");
  const regelsaetKilde = el("regelsaet-kilde");
  const knapHent = el<HTMLButtonElement>("hent-regelsaet");

  // Only a choice the user made survives a reload of the list: the value the list set itself
  // before the saved ruleset was loaded must not replace the saved one (issue 20).
  let brugerensValg = false;
  vaelgRegelsaet.addEventListener("change", () => (brugerensValg = true));

  function visRegelsaetValg(): void {
    const bruger = brugerensValg ? vaelgRegelsaet.value : "";
    const muligheder = regelsaetMuligheder(register, rude.ind.regelsaet);
    vaelgRegelsaet.replaceChildren(
      ...muligheder.map((m) => {
        const o = document.createElement("option");
        o.value = m.id;
        o.textContent = m.tekst;
        return o;
      }),
    );
    vaelgRegelsaet.value = valgtRegelsaet(muligheder, { bruger, gemt: rude.ind.regelsaet, nyeste: nyesteRegelsaet(register)?.id ?? "" });
    el("regelsaet-vist").textContent = rude.regelsaetValgt()
      ? rude.ind.regelsaet
      : rude.ind.regelsaet
        ? `${rude.ind.regelsaet} (ikke indlæst endnu)`
        : "intet valgt endnu – vælg et under Indstillinger";
  }

  function visIndstillinger(): void {
    visRegelsaetValg();
    inputUrl.value = rude.ind.serviceUrl;
    inputToken.value = rude.ind.token;
  }

  async function hentRegelsaet(): Promise<void> {
    knapHent.disabled = true;
    knapHent.setAttribute("aria-busy", "true");
    regelsaetKilde.textContent = "Henter regelsæt fra indberetningsservicen …";
    try {
      const r = await indlaesRegelsaet({ serviceUrl: rude.ind.serviceUrl, lager: rude.hukommelse, register });
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
    rude.opdaterKnapper();
  });
  knapHent.addEventListener("click", () => void hentRegelsaet());

  /** Log ind is offered only where the service has personal login (a service without it, or an older one: tokens only). */
  async function visPersonligtLogin(): Promise<void> {
    let til = false;
    try {
      const r = await fetch(`${rude.ind.serviceUrl}/api/v1/session`, { cache: "no-store" });
      til = r.ok && sessionSchema.parse(await r.json()).personligtLogin;
    } catch {
      til = false;
    }
    el("ind-personligt").hidden = !til;
  }

  el<HTMLFormElement>("indstillinger-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    rude.ind = formularIndstillinger({ regelsaet: vaelgRegelsaet.value, url: inputUrl.value, token: inputToken.value }, rude.standard);
    const besked = gem(rude.ind, rude.hukommelse);
    brugerensValg = false;
    visIndstillinger();
    rude.opdaterKnapper();
    rude.saetStatus(besked);
    void hentRegelsaet(); // the address may have changed
    void visPersonligtLogin();
  });

  // Personal login in Office's dialog: its short-lived token takes the token field's place.
  el<HTMLButtonElement>("ind-log-ind").addEventListener("click", () => {
    const besked = el("ind-login-besked");
    besked.hidden = true;
    logIndMedDialog(Office, `${rude.ind.serviceUrl}/login?rude=1`).then(
      (token) => {
        rude.ind = { ...rude.ind, token };
        gem(rude.ind, rude.hukommelse);
        visIndstillinger();
        rude.opdaterKnapper();
        rude.saetStatus("Du er logget ind med din personlige bruger.");
      },
      (e: unknown) => {
        besked.textContent = fejltekst(e);
        besked.hidden = false;
      },
    );
  });

  visIndstillinger();
  void visPersonligtLogin();
  if (foersteGang(rude.ind)) el<HTMLDetailsElement>("indstillinger").open = true;
  return { hentRegelsaet };
}
