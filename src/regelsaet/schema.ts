import { z } from "zod";

/** Every parameter carries its source; a parameter the sources don't give is absent. */
const kilde = z.string().min(3, "kilde skal angive seed-fil og linje eller aftalens navn");
const parameter = <T extends z.ZodTypeAny>(vaerdi: T) => z.object({ vaerdi, kilde }).strict();

const brok = z.number().min(0).max(1);

export const parametreSchema = z
  .object({
    overheadLoft: parameter(brok),
    udviklingspulje: parameter(brok),
    tjenestemandspensionSats: parameter(brok),
    renteLoft: parameter(brok),
    bygningLevetid: parameter(z.number().int().positive()),
    aktiveringsgraense: parameter(z.number().nonnegative()),
    efterregGraense: parameter(brok),
    efterregForsinkelseAar: parameter(z.number().int().positive()),
    maksBelaegning: parameter(z.number().positive().max(1)),
    basisServiceOpdeling: parameter(z.boolean()),
    fristTakster: parameter(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dato som ÅÅÅÅ-MM-DD")),
    hoejtSpecialiseretMinTakst: parameter(z.number().positive()),
    tilsynVaegte: parameter(z.array(z.number().positive()).length(4)),
  })
  .partial()
  .strict();

export const regelsaetSchema = z
  .object({
    id: z.string().regex(/^[A-ZÆØÅ]+-\d{4}$/, "id som REGION-ÅÅÅÅ, fx SYD-2018"),
    navn: z.string().min(1),
    region: z.string().min(1),
    takstaar: z.number().int().min(2000).max(2100),
    kilde,
    parametre: parametreSchema,
  })
  .strict();

export type Regelsaet = z.infer<typeof regelsaetSchema>;
export type Parametre = z.infer<typeof parametreSchema>;
export type ParameterNavn = keyof Parametre;
