import type { SkifteligtRegister } from "../regelsaet/delt";
import type { Indstillinger } from "./indstillinger";

/**
 * What the pane's steps (trinIndstillinger, trinIndsaet, trinValider, trinIndsend, mine) share:
 * the register, the saved settings, the status line and the one-thing-at-a-time rule.
 */

export function el<T extends HTMLElement = HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`Elementet #${id} mangler i taskpane.html`);
  return e as T;
}

export function fejltekst(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * A yes/no box (role alertdialog) of the pane: either answer hides it, then runs its handler;
 * Escape is no.
 */
export function besvarBekraeftelse(boks: HTMLElement, ja: HTMLElement, nej: HTMLElement, vedJa: () => void, vedNej: () => void): void {
  ja.addEventListener("click", () => {
    boks.hidden = true;
    vedJa();
  });
  nej.addEventListener("click", () => {
    boks.hidden = true;
    vedNej();
  });
  boks.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") nej.click();
  });
}

export interface Rude {
  readonly register: SkifteligtRegister;
  /** The add-in's localStorage; undefined where the host gives none. */
  readonly hukommelse: Storage | undefined;
  readonly standard: Indstillinger;
  /** The saved settings (changed only by saving them). */
  ind: Indstillinger;
  /** The last validation had no errors: Indsend may be pressed. */
  senesteOk: boolean;
  saetStatus(tekst: string): void;
  /** Run `fn` while the pane is busy (buttons off, `knap` aria-busy); a second press meanwhile does nothing. */
  travl<T>(knap: HTMLButtonElement, fn: () => Promise<T>): Promise<T | undefined>;
  opdaterKnapper(): void;
  /** Steps 1-3 wait until a ruleset the register knows has been chosen and saved. */
  regelsaetValgt(): boolean;
  readonly knapIndsaet: HTMLButtonElement;
  /** The socialtilsyn's tilsynsskema: its rulesets are built in, so it waits for nothing but a busy pane. */
  readonly knapIndsaetTilsyn: HTMLButtonElement;
  readonly knapValider: HTMLButtonElement;
  readonly knapIndsend: HTMLButtonElement;
}

export function lavRude(register: SkifteligtRegister, hukommelse: Storage | undefined, standard: Indstillinger, ind: Indstillinger): Rude {
  const status = el("status");
  let optaget = false;
  const rude: Rude = {
    register,
    hukommelse,
    standard,
    ind,
    senesteOk: false,
    knapIndsaet: el<HTMLButtonElement>("indsaet"),
    knapIndsaetTilsyn: el<HTMLButtonElement>("indsaet-tilsyn"),
    knapValider: el<HTMLButtonElement>("valider"),
    knapIndsend: el<HTMLButtonElement>("indsend"),
    saetStatus(tekst) {
      status.textContent = tekst;
    },
    regelsaetValgt: () => rude.ind.regelsaet !== "" && register.find(rude.ind.regelsaet) !== undefined,
    opdaterKnapper() {
      rude.knapIndsaet.disabled = optaget || !rude.regelsaetValgt();
      rude.knapIndsaetTilsyn.disabled = optaget;
      rude.knapValider.disabled = optaget || !rude.regelsaetValgt();
      rude.knapIndsend.disabled = optaget || !rude.senesteOk || !rude.regelsaetValgt();
    },
    async travl(knap, fn) {
      if (optaget) return undefined;
      optaget = true;
      knap.setAttribute("aria-busy", "true");
      rude.opdaterKnapper();
      try {
        return await fn();
      } finally {
        optaget = false;
        knap.removeAttribute("aria-busy");
        rude.opdaterKnapper();
      }
    },
  };
  return rude;
}
