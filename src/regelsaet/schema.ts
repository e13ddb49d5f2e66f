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

/**
 * A category name with the spellings the sources also use (plural headings, "Højtspecialiseret"),
 * or just the name: "Klyngetilbud" is read as { navn: "Klyngetilbud", synonymer: [] }, so every
 * consumer sees one form.
 */
const KATEGORI_FORM = 'et navn ("Klyngetilbud") eller { "navn": "Lokalt tilbud", "synonymer": ["Lokale tilbud"] }';
export const kategoriSchema = z.union(
  [kort.transform((navn) => ({ navn, synonymer: [] as string[] })), z.object({ navn: kort, synonymer: z.array(kort).max(20).default([]) }).strict()],
  { errorMap: () => ({ message: `en kategori skal være ${KATEGORI_FORM}` }) },
);

/** Excel's limit for the text of a drop-down's list written in the data validation itself. */
export const RULLELISTE_MAKS = 255;

/**
 * The kategorier become the template's drop-down (layout.ts valgRegel), a list Excel writes as
 * "a,b,c": a comma would split a name in two, a quotation mark ends the formula's text, and a
 * list longer than 255 characters makes Excel repair the file. Refused here, in Danish.
 */
function kategorierTilRulleliste(liste: readonly { navn: string }[], ctx: z.RefinementCtx): void {
  liste.forEach((k, i) => {
    if (/[,"]/.test(k.navn)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, "navn"], message: `kategorien "${k.navn}" må ikke indeholde komma eller anførselstegn ("): de adskiller valgene i skabelonens rulleliste` });
  });
  const laengde = liste.map((k) => k.navn).join(",").length;
  if (laengde > RULLELISTE_MAKS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `kategoriernes navne fylder ${laengde} tegn med kommaer; Excels rulleliste rummer højst ${RULLELISTE_MAKS}` });
}

/** ÅÅÅÅ-MM-DD, and a day the calendar has (2026-02-30 is refused, not read as 2. marts). */
const dato = z.string().superRefine((s, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return void ctx.addIssue({ code: z.ZodIssueCode.custom, message: "dato som ÅÅÅÅ-MM-DD" });
  const [aar, maaned, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(aar, maaned - 1, dag));
  if (d.getUTCFullYear() !== aar || d.getUTCMonth() !== maaned - 1 || d.getUTCDate() !== dag) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `datoen ${s} findes ikke i kalenderen` });
  }
});

/** "kraeves": a missing split is an error; "forventes": a warning (TS061); "nej": no split expected. */
export const BASIS_SERVICE_OPDELING = ["kraeves", "forventes", "nej"] as const;

/** KL's two PL series: "samlet" (total, incl. overførsler) and "service" (002:1418-1422). */
export const PL_SERIER = ["samlet", "service"] as const;
const PL_BROK = "en brøk over -1 og højst 1 (3,9 % skrives 0,039)";

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
    /** The pool: a hensat overskud must be used within this many years after its year (004:4699-4702). */
    udloebAar: parameter(z.number().int().positive().max(20)),
    maksBelaegning: parameter(z.number().positive().max(1)),
    basisServiceOpdeling: parameter(z.enum(BASIS_SERVICE_OPDELING)),
    fristTakster: parameter(dato),
    hoejtSpecialiseretMinTakst: parameter(z.number().positive()),
    kategorier: parameter(z.array(kategoriSchema).min(1).max(50).superRefine(kategorierTilRulleliste)),
    /** Per takstenhed (døgn, dag, …): the Bilag 14 difference in annual staff cost per citizen. */
    differentieringGraense: parameter(z.record(z.string().trim().min(1).max(40), z.number().positive())),
    tilsynVaegte: parameter(z.array(z.number().positive()).length(4)),
    /** The socialtilsyn's rulesets (TILSYN-REGION-ÅR): skærpet tilsyn as a share of the annual takst per period. */
    skaerpetAndel: parameter(z.number().positive().max(1)),
    skaerpetPeriode: parameter(z.enum(["maaned", "kvartal"])),
    /** When the 0-17-year-olds of the OF key are counted, as the source words it. */
    ofNoegleDato: parameter(z.string().trim().min(3).max(200)),
    /** How the published OF table rounds: "HVER" row by row, "REST" largest remainder. */
    ofAfrunding: parameter(z.enum(["HVER", "REST"])),
    /**
     * KL's pris- og lønfremskrivning into the takst year, and which of KL's series it is: the
     * economy agreement gives both (total 3,9 %, service 4,2 % for 2024, 002:1418-1422), so the
     * ruleset must say which it uses. Takstudvikling deflates with it (002:2529).
     */
    plSats: z.object({ vaerdi: z.number().gt(-1, PL_BROK).max(1, PL_BROK), kilde, serie: z.enum(PL_SERIER) }).strict(),
  })
  .partial()
  .strict();

/**
 * The highest ruleset version: corrections count 1, 2, 3 …, so 999 leaves room for every
 * correction a year could need, while a typed 2147483647 (or more, a 500 from the integer
 * column) would leave no room for the next correction, which must be higher.
 */
export const VERSION_MAKS = 999;

/** REGION-ÅR; the socialtilsyn's rulesets are TILSYN-REGION-ÅR (product.md §6). */
export const REGELSAET_ID = /^(TILSYN-)?[A-ZÆØÅ]+-\d{4}$/;

export const regelsaetSchema = z
  .object({
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION, `schemaVersion ${SCHEMA_VERSION} er den nyeste, tilføjelsesprogrammet kender`),
    id: z.string().regex(REGELSAET_ID, "id som REGION-ÅÅÅÅ, fx SYD-2018 (socialtilsyn: TILSYN-REGION-ÅÅÅÅ)"),
    version: z.number().int().min(1).max(VERSION_MAKS, `version er et helt tal fra 1 til ${VERSION_MAKS}; en rettelse er den næste version (1, 2, 3 …)`),
    navn: z.string().trim().min(1).max(200),
    region: z.string().trim().min(1).max(100),
    takstaar: z.number().int().min(2000).max(2100),
    kilde,
    parametre: parametreSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    // The id names the year users pick the ruleset by; a takstaar that says otherwise is a typo.
    const aar = Number(/-(\d{4})$/.exec(r.id)?.[1] ?? r.takstaar);
    if (aar !== r.takstaar) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["takstaar"], message: `takstaar er ${r.takstaar}, men id'et ${r.id} siger ${aar}; de skal være ens` });
  });

/** The fields an object may have at each place in a ruleset (for "did you mean" on an unknown one). */
export const KENDTE_FELTER = {
  rod: Object.keys(regelsaetSchema.innerType().shape),
  parametre: Object.keys(parametreSchema.shape),
  parameter: ["vaerdi", "kilde", "serie"],
  kategori: ["navn", "synonymer"],
} as const;

export type Regelsaet = z.infer<typeof regelsaetSchema>;

/** A ruleset as GET /api/v1/regelsaet lists it (the service's API contract re-exports it). */
export const regelsaetResumeSchema = z.object({
  id: z.string().regex(REGELSAET_ID),
  navn: z.string(),
  region: z.string(),
  takstaar: z.number().int(),
  version: z.number().int(),
});
export type RegelsaetResume = z.infer<typeof regelsaetResumeSchema>;
export type Parametre = z.infer<typeof parametreSchema>;
export type ParameterNavn = keyof Parametre;
export type Kategori = z.infer<typeof kategoriSchema>;
