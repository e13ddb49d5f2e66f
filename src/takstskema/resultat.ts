import { z } from "zod";

/** One finding (product.md §3). The server uses these schemas for its response. */
export const fundSchema = z.object({
  code: z.string().regex(/^TS\d{3}$/),
  severity: z.enum(["error", "warning"]),
  field: z.string(),
  cell: z.string(),
  message: z.string(),
  /**
   * A finding on one ydelse: its 0-based row of the Ydelser table, which stays true when the
   * table moves in a later layout (the cell does not). Absent elsewhere, and in findings stored
   * before it existed.
   */
  row: z.number().int().min(0).optional(),
});
export type Fund = z.infer<typeof fundSchema>;

/** A check not run: the ruleset does not give its parameter (never guessed), or an input it needs has an error. */
export const sprungetSchema = z.object({
  code: z.string(),
  field: z.string().optional(),
  message: z.string(),
});
export type Sprunget = z.infer<typeof sprungetSchema>;

const talEllerNull = z.number().finite().nullable().catch(null);

/** One ydelse of `beregnet.ydelser`, as the service and the CLI read it (0-based `raekke`: the table row). */
export const ydelseResultatSchema = z.object({
  raekke: z.number().int().min(0),
  navn: z.string().catch(""),
  pladser: talEllerNull,
  belaegning: talEllerNull,
  ressource: talEllerNull,
  sidsteAarsTakst: talEllerNull,
  belaegningsdage: talEllerNull,
  basistakst: talEllerNull,
  servicetakst: talEllerNull,
  takst: talEllerNull,
  takstudvikling: talEllerNull,
});

export type YdelseBeregnet = z.infer<typeof ydelseResultatSchema>;

/**
 * A regnskabsskema's efterregulering (product.md §4 `beregnet.efterregulering`): kroner, Bilag 18
 * signs; null where the inputs do not allow the figure.
 */
export const efterreguleringSchema = z.object({
  A1: z.number().nullable(),
  A2: z.number().nullable(),
  A3: z.number().nullable(),
  A4: z.number().nullable(),
  A5: z.number().nullable(),
  A6: z.number().nullable(),
  A7: z.number().nullable(),
  overheadGrundlag: z.number().nullable(),
  overhead: z.number().nullable(),
  reguleringAarPlus2: z.number().nullable(),
});
export type Efterregulering = z.infer<typeof efterreguleringSchema>;

/** The recomputed fields, plain numbers; null where the inputs do not allow the computation. */
export const beregnetSchema = z.object({
  overheadGrundlag: z.number().nullable(),
  overhead: z.number().nullable(),
  takstgrundlag: z.number().nullable(),
  /** Takstgrundlag minus TS_Borgerrettet (shared alike per belægningsdag). */
  basisgrundlag: z.number().nullable(),
  /** TS_Borgerrettet (0 when empty). */
  servicegrundlag: z.number().nullable(),
  belaegningsdage: z.number().nullable(),
  /** Σ pladser and Σ bd / (Σ pladser × dage) over the ydelser (TS_Pladser, TS_Belaegning). */
  pladser: z.number().nullable(),
  belaegning: z.number().nullable(),
  /** The first ydelse's takst and takstudvikling (the single takst of a one-row skema). */
  takst: z.number().nullable(),
  takstudvikling: z.number().nullable(),
  /** Every ydelse (a row with a name or figures), in table order. */
  ydelser: z.array(ydelseResultatSchema),
  A4: z.number().nullable(),
  A5: z.number().nullable(),
  A7: z.number().nullable(),
  forventetRegulering: z.number().nullable(),
  /** Only for a regnskabsskema (TS_Skematype "regnskab"). */
  efterregulering: efterreguleringSchema.optional(),
});
export type Beregnet = z.infer<typeof beregnetSchema>;
/** The engine's figures before broken inputs are blanked out: the sums always exist. */
export type Genberegnet = Beregnet & { overheadGrundlag: number; takstgrundlag: number };

/** The `--json` output of `takstskema valider` for one file (product.md §4). */
export const valideringJsonSchema = z.object({
  ok: z.boolean(),
  findings: z.array(fundSchema),
  skipped: z.array(sprungetSchema),
});
export type ValideringJson = z.infer<typeof valideringJsonSchema>;

