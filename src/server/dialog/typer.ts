/**
 * The dialogue's JSON contract (product.md §5), shared by the API and the pages. Types only: the
 * overview page and the task pane's "Mine indberetninger" import nothing else from the server.
 */

export type Sagsstatus = "modtaget" | "i_dialog" | "godkendt" | "tilbagetrukket";

/** One entry of a submission's dialogue: a status change (with its remark) or a remark. */
export interface DialogPost {
  id: number;
  art: "status" | "bemaerkning";
  /** The new status of a status change; null for a remark. */
  status: Sagsstatus | null;
  tekst: string | null;
  /** Who, as the token said at the time. */
  hvem: { rolle: "kommune" | "sekretariat"; driftsherre: string | null; beskrivelse: string | null };
  tidspunkt: string;
}

/** Danish labels. "Godkendt" is the secretariat's approval, never "no findings". */
export const SAGSSTATUS_TEKST: Record<Sagsstatus, string> = {
  modtaget: "Modtaget",
  i_dialog: "I dialog",
  godkendt: "Godkendt af sekretariatet",
  tilbagetrukket: "Trukket tilbage",
};
