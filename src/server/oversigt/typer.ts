/**
 * The JSON contract between GET /api/v1/oversigt(/indberetninger/:id) and the page. Types only:
 * the page (bundled for the browser) imports this file and nothing else from the server.
 */

import type { z } from "zod";
import type { OversigtRaekke, advarselSchema, valideretModSchema } from "../../kontrakt";
import type { Fund, Sprunget } from "../../takstskema";
import type { DialogPost, Sagsstatus } from "../dialog/typer";
import type { Indberetning } from "../indberetninger/sql";

export type { DialogPost, Sagsstatus };

/**
 * What the validation found at receipt: "godkendt" here means no warnings (the label on the
 * page is "Ingen advarsler"); the secretariat's approval is `sagsstatus` "godkendt".
 */
export type Status = OversigtRaekke["status"];

export type Advarsel = z.infer<typeof advarselSchema>;
export type ValideretMod = z.infer<typeof valideretModSchema>;
/** One ydelse of a current submission (src/kontrakt: the overview row). */
export type OversigtIndberetning = OversigtRaekke;

/** A takst whose current version the municipality withdrew: not a current takst. */
export interface Tilbagetrukken {
  id: string;
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  version: number;
  nummer: string | null;
}

/** Takstudvikling of one tilbud: the plain mean of its ydelser's like-for-like changes. */
export interface TilbudsUdvikling {
  driftsherre: string;
  tilbud: string;
  takstudvikling: number;
  udsving: boolean;
  antalYdelser: number;
}

export interface ManglendeTakst {
  tilbud: string;
  ydelse: string;
  takst: number | null;
}

/** A driftsherre with takster last year that have no submission this year. */
export interface Mangler {
  driftsherre: string;
  /** True when the driftsherre has submitted nothing at all this takstår. */
  helDriftsherre: boolean;
  takster: ManglendeTakst[];
}

export type Oversigt = {
  /** Who is looking: the secretariat sees everything, a municipality its own submissions. */
  bruger: { rolle: "kommune" | "sekretariat"; driftsherre: string | null };
  takstaar: number | null;
  forrigeTakstaar: number | null;
  /** Every takstår with submissions, ascending (for the year picker). */
  takstaarListe: number[];
  /** Per skema (a tilbud's submission), not per ydelse; manglendeTakster per takst. */
  antal: {
    indberetninger: number;
    godkendt: number;
    medAdvarsler: number;
    udsving: number;
    driftsherrer: number;
    manglendeDriftsherrer: number;
    manglendeTakster: number;
    /** Current submissions per dialogue status, and the withdrawn ones. */
    sagsstatus: Record<Sagsstatus, number>;
  };
  indberetninger: OversigtIndberetning[];
  tilbud: TilbudsUdvikling[];
  mangler: Mangler[];
  tilbagetrukne: Tilbagetrukken[];
  /** Ids of the year's submissions whose in-year change (or new tilbud) waits for the secretariat's approval before it is public. */
  afventerGodkendelse?: string[];
};

export type { Fund };

export interface Version {
  id: string;
  version: number;
  nummer: string | null;
  sagsstatus: Sagsstatus;
  modtaget: string;
  sha256: string;
  takst: number | null;
  antalAdvarsler: number;
}

export interface DetaljeYdelse {
  navn: string;
  pladser: number | null;
  belaegning: number | null;
  basistakst: number | null;
  servicetakst: number | null;
  takst: number | null;
  sidsteAarsTakst: number | null;
}

export interface Detalje extends Omit<Indberetning, "ydelser"> {
  regelsaet: string | null;
  /** The ruleset id and version the server validated against. */
  valideretMod: ValideretMod | null;
  takst: number | null;
  takstenhed: string | null;
  pladser: number | null;
  belaegning: number | null;
  takstgrundlag: number | null;
  sidsteAarsTakstOplyst: number | null;
  /** Every ydelse of the submission (the detail shows the one asked for: `ydelse`). */
  ydelser: DetaljeYdelse[];
  /** The PL the takstudvikling uses: the ruleset's plSats, else the skema's TS_PLPct (udviklingsPl). */
  plPct: number | null;
  begrundelse: string | null;
  findings: Fund[];
  sprunget: Sprunget[];
  /** Every version of the same driftsherre/tilbud/takstår, newest first (`takst`: this ydelse's). */
  versioner: Version[];
  /** The dialogue over all versions of this takst, oldest first. */
  dialog: (DialogPost & { version: number })[];
  /** This is the current version (only it can change status). */
  erAktuel: boolean;
}
