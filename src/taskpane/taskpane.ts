import "./taskpane.css";
import { deltRegister } from "../regelsaet/delt";
import { KUN_I_EXCEL, fjernKunBesked, visKunBesked } from "./kunBesked";
import { lavFundVisning } from "./fundVisning";
import { hentIndstillinger, standardIndstillinger } from "./indstillinger";
import { startMine } from "./mine";
import { el, lavRude } from "./rude";
import { startSidsteAar } from "./sidsteAar";
import { startEfterregulering } from "./trinEfterregulering";
import { startFremfoer } from "./trinFremfoer";
import { startIndsaet } from "./trinIndsaet";
import { startIndsend } from "./trinIndsend";
import { foersteGang, startIndstillinger } from "./trinIndstillinger";
import { startValider } from "./trinValider";

/**
 * The task pane: one module per step (trinIndstillinger, trinIndsaet, trinFremfoer, trinValider,
 * trinIndsend, mine), each reaching Excel only through excel-workbook.ts. Validation only reads; only a
 * successful submission writes (the receipt), and the one-click fix of numbers stored as text.
 */

function lager(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function start(): void {
  // The one register the SOC functions read too; only the loader fills it.
  const register = deltRegister();
  const hukommelse = lager();
  const standard = standardIndstillinger(window.location.origin);
  const rude = lavRude(register, hukommelse, standard, hukommelse ? hentIndstillinger(hukommelse, standard) : standard);
  const resultat = el("resultat");
  const visning = lavFundVisning(resultat, rude.saetStatus);

  const indstillinger = startIndstillinger(rude);
  const nytSkema = () => {
    rude.senesteOk = false;
    resultat.hidden = true;
    el("benchmark").hidden = true;
    el("kvittering").hidden = true;
    el("indsend-fejl").hidden = true;
  };
  startIndsaet(rude, nytSkema);
  startFremfoer(rude, nytSkema);
  startEfterregulering(rude);
  const validering = startValider(rude, visning, resultat);
  const mine = startMine({ indstillinger: () => rude.ind, saetStatus: rude.saetStatus });
  startIndsend(rude, visning, validering, () => {
    if (!el("mine-liste").hidden) void mine.opdater();
  });
  startSidsteAar({ indstillinger: () => rude.ind, saetStatus: rude.saetStatus });

  fjernKunBesked(document);
  el("ikke-klar").hidden = true;
  rude.opdaterKnapper();
  const foerste = foersteGang(rude.ind);
  void indstillinger.hentRegelsaet().then(() =>
    rude.saetStatus(foerste ? "Klar. Angiv adressen på indberetningsservicen og adgangsnøglen, vælg regelsæt under Indstillinger, og tryk Gem." : "Klar."),
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
