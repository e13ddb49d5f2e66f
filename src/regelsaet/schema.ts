import { z } from "zod";

/**
 * The ruleset format of product.md §6. `schemaVersion` is the format's version: an add-in
 * that meets a newer one says it must be updated and keeps the rulesets it understands.
 */
export const SCHEMA_VERSION = 1;

/** Every parameter carries its source; a parameter the sources don't give is absent. */
const kilde = z.string().trim().min(3, "kilde skal angive dokument og afsnit (eller seed-fil og linje)");
const parameter = <T extends z.ZodTypeAny>(vaerdi: T) => z.object({ vaerdi, kilde }).strict();

const brok = z.number().min(0, "en brøk fra 0 til 1 (4,4 % skrives 0,044)").max(1, "en brøk fra 0 til 1 (4,4 % skrives 0,044)");
const kort = z.string().trim().min(1).max(200);

/** A category name with the spellings the sources also use (plural headings, "Højtspecialiseret"). */
export const kategoriSchema = z.object({ navn: kort, synonymer: z.array(kort).max(20).default([]) }).strict();

/** "kraeves": a missing split is an error; "forventes": a warning (TS061); "nej": no split expected. */
export const BASIS_SERVICE_OPDELING = ["kraeves", "forventes", "nej"] as const;

export const parametreSchema = z
  .object({
    overheadLoft: parameter(brok),
    udviklingspulje: parameter(brok),
    tjenestemandspensionSats: parameter(brok),
    renteLoft: parameter(brok),
    bygningLevetid: parameter(z.number().int().positive().max(200)),
    bygningStartAar: parameter(z.number().int().min(1900).max(2100)),
    aktiveringsgraense: parameter(z.number().nonnegative()),
    efterregGraense: parameter(brok),
    efterregForsinkelseAar: parameter(z.number().int().positive().max(10)),
    maksBelaegning: parameter(z.number().positive().max(1)),
    basisServiceOpdeling: parameter(z.enum(BASIS_SERVICE_OPDELING)),
    fristTakster: parameter(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dato som ÅÅÅÅ-MM-DD")),
    hoejtSpecialiseretMinTakst: parameter(z.number().positive()),
    kategorier: parameter(z.array(kategoriSchema).min(1).max(50)),
    /** Per takstenhed (døgn, dag, …): the Bilag 14 difference in annual staff cost per citizen. */
    differentieringGraense: parameter(z.record(z.string().trim().min(1).max(40), z.number().positive())),
    tilsynVaegte: parameter(z.array(z.number().positive()).length(4)),
  })
  .partial()
  .strict();

export const regelsaetSchema = z
  .object({
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION, `schemaVersion ${SCHEMA_VERSION} er den nyeste, tilføjelsesprogrammet kender`),
    id: z.string().regex(/^[A-ZÆØÅ]+-\d{4}$/, "id som REGION-ÅÅÅÅ, fx SYD-2018"),
    version: z.number().int().min(1),
    navn: z.string().trim().min(1).max(200),
    region: z.string().trim().min(1).max(100),
    takstaar: z.number().int().min(2000).max(2100),
    kilde,
    parametre: parametreSchema,
  })
  .strict();

export type Regelsaet = z.infer<typeof regelsaetSchema>;

/** A ruleset as GET /api/v1/regelsaet lists it (the service's API contract re-exports it). */
export const regelsaetResumeSchema = z.object({
  id: regelsaetSchema.shape.id,
  navn: z.string(),
  region: z.string(),
  takstaar: z.number().int(),
  version: z.number().int(),
});
export type RegelsaetResume = z.infer<typeof regelsaetResumeSchema>;
export type Parametre = z.infer<typeof parametreSchema>;
export type ParameterNavn = keyof Parametre;
export type Kategori = z.infer<typeof kategoriSchema>;
