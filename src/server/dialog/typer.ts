/**
 * The dialogue's labels for the pages. Types only from the contract (src/kontrakt): the overview
 * page is bundled for the browser and takes no schema code with it.
 */
import type { Sagsstatus } from "../../kontrakt";

export type { DialogPost, Sagsstatus } from "../../kontrakt";

/** Danish labels. "Godkendt" is the secretariat's approval, never "no findings". */
export const SAGSSTATUS_TEKST: Record<Sagsstatus, string> = {
  modtaget: "Modtaget",
  i_dialog: "I dialog",
  godkendt: "Godkendt af sekretariatet",
  tilbagetrukket: "Trukket tilbage",
};
