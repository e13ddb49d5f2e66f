/**
 * The JSON contract between GET /api/v1/oversigt(/indberetninger/:id) and the page. Types only:
 * the page (bundled for the browser) imports this file and nothing else from the server.
 */

import type { DialogPost, Sagsstatus } from "../dialog/typer";
import type { Indberetning } from "../lager";

export type { DialogPost, Sagsstatus };

/**
 * What the validation found at receipt: "godkendt" here means no warnings (the label on the
 * page is "Ingen advarsler"); the secretariat's approval is `sagsstatus` "godkendt".
 */
export type Status = "godkendt" | "advarsler";

export interface Advarsel {
  code: string;
  field: string;
  cell: string;
  message: string;
}

/**
 * One ydelse of a current submission (the highest version of its driftsherre/tilbud/takstår);
 * a submission with three ydelser is three of these with the same id.
 */
export interface OversigtIndberetning {
  id: string;
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  version: number;
  /** How many versions the takst has this takstår (1 = never resubmitted). */
  antalVersioner: number;
  modtaget: string;
  takst: number | null;
  takstenhed: string | null;
  /**
   * The previous takstår's current takst for the same driftsherre/tilbud/ydelse; without one,
   * the sidste års takst the skema states (then `sidsteAarsTakstOplyst` is true).
   */
  sidsteAarsTakst: number | null;
  sidsteAarsTakstOplyst: boolean;
  /** PL from the submission's TS_PLPct, a fraction (0.02 = 2 %). */
  plPct: number | null;
  /** Real takstudvikling (fraction) rounded to one decimal of a percent; null = no comparison. */
  takstudvikling: number | null;
  /** |takstudvikling| above 5 % (unrounded, as rule TS050). */
  udsving: boolean;
  status: Status;
  advarsler: Advarsel[];
  /** The ruleset the server validated against, e.g. {id: "SYD-2027", version: 2}; null if not recorded. */
  valideretMod: ValideretMod | null;
  /** The dialogue status (product.md §5); never tilbagetrukket here (withdrawn are listed apart). */
  sagsstatus: Sagsstatus;
  /** Short receipt number, e.g. MIDT-2021-0007 (null before receipt numbers existed). */
  nummer: string | null;
}

export interface ValideretMod {
  id: string;
  version: number;
}

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

export interface Oversigt {
  /** Who is looking: the secretariat sees everything, a municipality its own submissions. */
  bruger: { rolle: "kommune" | "sekretariat"; driftsherre: string | null };
  takstaar: number | null;
  forrigeTakstaar: number | null;
  /** Every takstår with submissions, ascending (for the year picker). */
  takstaarListe: number[];
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
}

export interface Fund {
  code: string;
  severity: string;
  field: string;
  cell: string;
  message: string;
  /** The ydelse row of a finding on one ydelse (fundSchema); absent in findings stored before. */
  row?: number;
}

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
  plPct: number | null;
  begrundelse: string | null;
  findings: Fund[];
  sprunget: { code: string; field?: string; message: string }[];
  /** Every version of the same driftsherre/tilbud/takstår, newest first (`takst`: this ydelse's). */
  versioner: Version[];
  /** The dialogue over all versions of this takst, oldest first. */
  dialog: (DialogPost & { version: number })[];
  /** This is the current version (only it can change status). */
  erAktuel: boolean;
}
