/**
 * The service's API contract (product.md §5), written once: the routes' JSON Schemas and the
 * OpenAPI description are generated from these (src/server/kontrakt.ts), and the task pane's and
 * the CLIs' clients parse the answers with the same schemas. The finding, the skipped check and
 * the ruleset summary are domain objects: they live with the domain and are re-exported here.
 */
import { z } from "zod";
import { regelsaetResumeSchema } from "../regelsaet/schema";
import { noegletalSchema } from "../takstskema/noegletal";
import { fundSchema, sprungetSchema } from "../takstskema/resultat";

export { fundSchema, sprungetSchema, regelsaetResumeSchema };

const takstaar = z.number().int().min(1900).max(2200);
const id = z.string().max(64);

/** The dialogue's statuses (product.md §5); "godkendt" is the secretariat's approval. */
export const sagsstatusSchema = z.enum(["modtaget", "i_dialog", "godkendt", "tilbagetrukket"]);
export type Sagsstatus = z.infer<typeof sagsstatusSchema>;

/**
 * The receipt exactly as the service issues it (a UUID, a short number such as SYD-2018-0042, an
 * ISO time, a SHA-256 in hex). The pane writes its number (or id) into the workbook, so anything
 * else – a formula, a long text, a control character from a wrong or hostile address – is
 * refused, never written. nummer is null (or absent, from an older service) only for submissions
 * stored before numbers existed.
 */
export const kvitteringSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
  // The server's numbers: a ruleset id in A-Z, 0-9 and "-", the takstår, a serial of at least 4 digits.
  nummer: z
    .string()
    .regex(/^[A-Z0-9-]{1,40}-\d{4}-\d{4,9}$/)
    .nullish()
    .transform((n) => n ?? null),
  modtaget: z.string().datetime({ offset: true }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Kvittering = z.infer<typeof kvitteringSchema>;

/** 201/200 on a submission: the receipt and the warnings stored with it (TS120 among them). */
export const modtagetSchema = kvitteringSchema.extend({ findings: z.array(fundSchema) });

/** 422: the skema has errors and nothing is stored. */
export const afvistSchema = z.object({ fejl: z.string(), findings: z.array(fundSchema), skipped: z.array(sprungetSchema) });

/** Every other refusal: a Danish sentence (and, for a malformed request, the parser's detail). */
export const fejlSchema = z.object({ fejl: z.string(), detalje: z.string().optional() });

/**
 * /health's part "kvitteringer": the receipts the service keeps apart from the database compared
 * with the table (src/server/kvitteringer). "fejl": submissions are missing or unreadable, and
 * `besked` says which and how to restore; no new submission is accepted meanwhile.
 */
export const kvitteringStatusSchema = z.object({
  status: z.enum(["ok", "fejl"]),
  /** Receipts held apart from the database. */
  antal: z.number().int(),
  /** Submissions in the table at the last check (null: not counted yet). */
  iDatabasen: z.number().int().nullable(),
  /** The hash of the last receipt's line (its chain). */
  sidsteHash: z.string(),
  besked: z.string().optional(),
});
export type KvitteringStatus = z.infer<typeof kvitteringStatusSchema>;


/** One part of the service as /health sees it; `besked` says in Danish what is wrong. */
export const helbredDelSchema = z.object({ status: z.enum(["ok", "fejl"]), besked: z.string().optional() });

/** GET /api/v1/health: 200 when every part is ok, else 503 naming the part that is down (the receipts: `kvitteringer`). */
export const helbredSchema = z.object({ status: z.enum(["ok", "fejl"]), database: z.string(), dele: z.object({ database: helbredDelSchema }), kvitteringer: kvitteringStatusSchema.optional() });

/** One entry of a submission's dialogue: a status change (with its remark) or a remark. */
export const dialogPostSchema = z.object({
  id: z.number().int(),
  art: z.enum(["status", "bemaerkning"]),
  /** The new status of a status change; null for a remark. */
  status: sagsstatusSchema.nullable(),
  tekst: z.string().nullable(),
  /** Who, as the token said at the time. */
  hvem: z.object({ rolle: z.enum(["kommune", "sekretariat"]), driftsherre: z.string().nullable(), beskrivelse: z.string().nullable() }),
  tidspunkt: z.string(),
});
export type DialogPost = z.infer<typeof dialogPostSchema>;

/** A submission as listed (GET /api/v1/indberetninger) and as the head of GET …/:id. */
export const indberetningSchema = z.object({
  id: z.string(),
  driftsherre: z.string(),
  tilbud: z.string(),
  /** The first ydelse's name (the storage key of one-row skemaer). */
  ydelse: z.string(),
  /** Every ydelse of the submission, in the table's order. */
  ydelser: z.array(z.string()),
  /** For a regnskabsskema: the regnskabsår N. */
  takstaar: z.number().int(),
  version: z.number().int(),
  nummer: z.string().nullable(),
  status: sagsstatusSchema,
  sha256: z.string(),
  modtaget: z.string(),
  /** A budget skema or a regnskabsskema (product.md §5.2); versions are numbered per kind. An older service sends none (budget). */
  skematype: z.enum(["budget", "regnskab"]).optional(),
});
export type Indberetning = z.infer<typeof indberetningSchema>;

export const indberetningListeSchema = z.object({ indberetninger: z.array(indberetningSchema) });
/** GET /api/v1/indberetninger/:id: the submission as stored, with its dialogue. */
export const indberetningDetaljeSchema = indberetningSchema.extend({
  payload: z.record(z.unknown()),
  findings: z.array(fundSchema),
  sprunget: z.array(sprungetSchema),
  beregnet: z.unknown(),
  dialog: z.array(dialogPostSchema),
});
export type IndberetningDetalje = z.infer<typeof indberetningDetaljeSchema>;

/** Last year's current submission of a tilbud, for the pane to offer its takster. */
export const sidsteAarSchema = z.object({
  takstaar: z.number().int(),
  id: z.string(),
  nummer: z.string().nullable(),
  version: z.number().int(),
  ydelser: z.array(z.object({ navn: z.string(), takst: z.number().nullable() })),
});

export const dialogStatusSvarSchema = z.object({ id: z.string(), status: sagsstatusSchema, post: dialogPostSchema });

export const regelsaetListeSchema = z.object({ regelsaet: z.array(regelsaetResumeSchema) });
export const regelsaetUdgivelseSchema = regelsaetResumeSchema.extend({ sha256: z.string(), udgivet: z.string() });
export const regelsaetAfvistSchema = z.object({ fejl: z.string(), fund: z.array(z.object({ sti: z.string(), besked: z.string() })) });

/** The ruleset the server validated a submission against. */
export const valideretModSchema = z.object({ id: z.string(), version: z.number().int() });

/** A stored warning as the overview shows it. */
export const advarselSchema = fundSchema.pick({ code: true, field: true, cell: true, message: true });

/**
 * One ydelse of a current submission in the overview (the highest version of its
 * driftsherre/tilbud/takstår); a submission with three ydelser is three of these with the same id.
 */
export const oversigtRaekkeSchema = z.object({
  id: z.string(),
  driftsherre: z.string(),
  tilbud: z.string(),
  ydelse: z.string(),
  version: z.number().int(),
  /** How many versions the takst has this takstår (1 = never resubmitted). */
  antalVersioner: z.number().int(),
  modtaget: z.string(),
  takst: z.number().nullable(),
  takstenhed: z.string().nullable(),
  /**
   * The previous takstår's current takst for the same driftsherre/tilbud/ydelse; without one,
   * the sidste års takst the skema states (then `sidsteAarsTakstOplyst` is true).
   */
  sidsteAarsTakst: z.number().nullable(),
  sidsteAarsTakstOplyst: z.boolean(),
  /**
   * The PL the takstudvikling used, a fraction (0.02 = 2 %): the plSats of the ruleset the
   * submission was validated against, else its TS_PLPct (udviklingsPl); null = none, so no takstudvikling.
   */
  plPct: z.number().nullable(),
  /** Real takstudvikling (fraction) rounded to one decimal of a percent; null = no comparison. */
  takstudvikling: z.number().nullable(),
  /** |takstudvikling| above the limit of rule TS050. */
  udsving: z.boolean(),
  /** What validation found at receipt: "godkendt" = no warnings (not the secretariat's approval). */
  status: z.enum(["godkendt", "advarsler"]),
  advarsler: z.array(advarselSchema),
  valideretMod: valideretModSchema.nullable(),
  /** Never tilbagetrukket here (withdrawn takster are listed apart). */
  sagsstatus: sagsstatusSchema,
  nummer: z.string().nullable(),
  /** The grouping fields of product.md §2 (TS_Ledelsesomraade, TS_Maalgruppekategori, TS_SaerligOpmaerksomhed = ja). */
  ledelsesomraade: z.string().nullable(),
  maalgruppekategori: z.string().nullable(),
  saerligOpmaerksomhed: z.boolean(),
});
export type OversigtRaekke = z.infer<typeof oversigtRaekkeSchema>;

/** GET /api/v1/oversigt: the rows (the rest of the page's figures beside them, src/server/oversigt/typer.ts). */
export const oversigtSchema = z.object({ takstaar: z.number().int().nullable(), indberetninger: z.array(oversigtRaekkeSchema) }).passthrough();

/** YYYY-MM-DD. */
const datoSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What opened a period of the takst register (product.md §5.1): publication, an approved in-year
 * change of an art of TS_AendringArt (or "aendring" where the skema names none), or a tilbud new
 * after publication.
 */
export const periodeArtSchema = z.enum(["offentliggjort", "takstforhoejelse", "takstreduktion", "teknisk_fejl", "pladser", "lukning", "aendring", "nyt_tilbud"]);
export type PeriodeArt = z.infer<typeof periodeArtSchema>;

/**
 * One row of the public takstoversigt: one period of a takstniveau (driftsherre, tilbud, ydelse)
 * in the takst register (product.md §5, §5.1).
 */
export const takstoversigtRaekkeSchema = z.object({
  driftsherre: z.string(),
  tilbud: z.string(),
  tilbudsportalId: z.string(),
  lovgrundlag: z.string(),
  ydelse: z.string(),
  takstenhed: z.string(),
  pladser: z.number().nullable(),
  /** A fraction (0.96 = 96 %). */
  belaegning: z.number().nullable(),
  takst: z.number().nullable(),
  basistakst: z.number().nullable(),
  servicetakst: z.number().nullable(),
  /** Last year's takst: submitted last year where the service has it, else the skema's stated figure. */
  sidsteAarsTakst: z.number().nullable(),
  /** Real takstudvikling as a fraction, rounded as shown (vistUdvikling); null without last year's takst or without a PL (udviklingsPl). */
  takstudvikling: z.number().nullable(),
  /** ISO time of an in-year change (a version received after publication), else null. */
  aendretIAaret: z.string().nullable(),
  aendringBegrundelse: z.string().nullable(),
  /** The first day the takst applies. */
  gyldigFra: datoSchema,
  /** The last day; null while open. The day before gyldigFra: replaced from its first day (never in force). */
  gyldigTil: datoSchema.nullable(),
  art: periodeArtSchema,
  /** The submission the takst came from, and its receipt number. */
  indberetningId: z.string(),
  nummer: z.string().nullable(),
});
export type TakstoversigtRaekke = z.infer<typeof takstoversigtRaekkeSchema>;

/** `dato`: the takster in force that day (null: every period of the year). */
export const takstoversigtSchema = z.object({ takstaar: z.number().int(), offentliggjort: z.string(), dato: datoSchema.nullable(), takster: z.array(takstoversigtRaekkeSchema) });

/**
 * GET /api/v1/tilsyn/mine?budgetaar=…: a municipality's own objektiv finansiering of the
 * socialtilsyn for one budget year, from published years only (issue 23); an empty list = none
 * published (or the kommune is in no published key table). The task pane's "Mine" and the
 * municipality's overview page read it.
 */
export const minObjektivFinansieringSchema = z.object({
  budgetaar: z.number().int(),
  objektivFinansiering: z.array(z.object({ socialtilsyn: z.string(), kommune: z.string(), beloeb: z.number().finite() })),
});
export type MinObjektivFinansiering = z.infer<typeof minObjektivFinansieringSchema>;

/**
 * GET /api/v1/takstudvikling?fra=B&til=T (product.md §5.1; domain-season.md §B3): year B's
 * takster against year T's PL-regulated to B's level (002:2519-2533). Every figure `…Pct` is the
 * report's one rounding: percent with 2 decimals, half away from zero (-1.18 = −1,18 %); null
 * where nothing could be compared or the PL of a year between is missing.
 */
const pct = z.number().nullable();
const niveau = { driftsherre: z.string(), tilbud: z.string(), ydelse: z.string() };
export const takstudviklingRapportSchema = z.object({
  fra: takstaar,
  til: takstaar,
  /** The PL of each year B+1..T: the plSats of the rulesets of T's submissions' region for that year. */
  pl: z.array(z.object({ aar: takstaar, sats: z.number().nullable(), regelsaet: z.string().nullable(), kilde: z.string().nullable(), grund: z.string().nullable() })),
  /** F = Π(1 + plSats); null when a year's PL is missing (then no figure is given). */
  plFaktor: z.number().nullable(),
  plMangler: z.array(takstaar),
  /** The plain mean over driftsherrer (002:2563-2587), with the mean without each one. */
  region: z.object({ n: z.number().int(), udviklingPct: z.number(), udenHver: z.array(z.object({ driftsherre: z.string(), udviklingPct: z.number() })) }).nullable(),
  /** Plain mean over the driftsherre's takstniveauer; n = niveauer compared. */
  driftsherrer: z.array(z.object({ driftsherre: z.string(), n: z.number().int(), udviklingPct: pct })),
  tilbud: z.array(z.object({ driftsherre: z.string(), tilbud: z.string(), n: z.number().int(), nyTakstmodel: z.boolean(), udviklingPct: pct })),
  niveauer: z.array(z.object({ ...niveau, takstFra: z.number(), takstTil: z.number(), udviklingPct: pct })),
  /** What was left out and why: udgaaet (only in B), ny (only in T), saerligOpmaerksomhed (Bilag 19). */
  udeladt: z.array(z.object({ ...niveau, grund: z.enum(["udgaaet", "ny", "saerligOpmaerksomhed"]) })),
  /** Tilbud whose number of niveauer changed (002:2579-2583): their niveauer pair by name only. */
  nyTakstmodel: z.array(z.object({ driftsherre: z.string(), tilbud: z.string(), niveauerFra: z.number().int(), niveauerTil: z.number().int() })),
});
export type TakstudviklingRapport = z.infer<typeof takstudviklingRapportSchema>;

/**
 * GET /api/v1/benchmark?takstaar=Y[&lovgrundlag=&maalgruppekategori=&takstenhed=] (product.md §5.3;
 * domain-season.md §B5): peer groups of comparable takstniveauer. Information, never a finding:
 * unit costs alone do not measure efficiency (001:465-469). Amounts in kroner; `…andel` are
 * fractions rounded to 4 decimals, `prBelaegningsdag` to 2, `prPlads` to whole kroner, the
 * statistics to 2, `indeks` to 1 (own / median × 100).
 */
/** The key figures, computed and rounded by one function each in src/takstskema/noegletal.ts. */
export const benchmarkNoegletalSchema = noegletalSchema;
export type BenchmarkNoegletal = z.infer<typeof benchmarkNoegletalSchema>;
export const benchmarkPositionSchema = z.enum(["under_kvartil1", "mellem_kvartilerne", "over_kvartil3"]);
export const benchmarkNiveauSchema = z.object({
  ...niveau,
  indberetningId: z.string(),
  takst: z.number(),
  /** null when the group is too small for statistics. */
  indeks: z.number().nullable(),
  position: benchmarkPositionSchema.nullable(),
  noegletal: benchmarkNoegletalSchema,
});
export type BenchmarkNiveau = z.infer<typeof benchmarkNiveauSchema>;
export const benchmarkGruppeSchema = z.object({
  lovgrundlag: z.string(),
  maalgruppekategori: z.string(),
  takstenhed: z.string(),
  /** Takstniveauer in the group (all of them, also for a municipality that sees only its own). */
  antal: z.number().int(),
  /** Distinct tilbud in the group. */
  antalTilbud: z.number().int(),
  /** null with "for få sammenlignelige" in `besked` (fewer than 3 other tilbud). */
  statistik: z.object({ median: z.number(), kvartil1: z.number(), kvartil3: z.number(), min: z.number(), max: z.number() }).nullable(),
  besked: z.string().nullable(),
  /** The secretariat: every niveau; a municipality: its own only. */
  niveauer: z.array(benchmarkNiveauSchema),
});
export type BenchmarkGruppe = z.infer<typeof benchmarkGruppeSchema>;
export const benchmarkUdeladtGrundSchema = z.enum(["saerligOpmaerksomhed", "faaPladser", "utilstraekkeligGruppering"]);
export const benchmarkSchema = z.object({
  takstaar,
  grupper: z.array(benchmarkGruppeSchema),
  /** Niveauer left out and why (a municipality: its own only). */
  udeladt: z.array(z.object({ ...niveau, grund: benchmarkUdeladtGrundSchema })),
});
export type Benchmark = z.infer<typeof benchmarkSchema>;

// Requests: query strings, path parameters (the bodies are parsed in the handlers, for their Danish messages).
export const takstaarQuerySchema = z.object({ takstaar: takstaar.optional() }).strict();
/** GET /api/v1/oversigt: the year and the grouping filters (product.md §2); an absent filter lets every row through. */
export const oversigtQuerySchema = takstaarQuerySchema
  .extend({
    ledelsesomraade: z.string().min(1).max(300).optional(),
    maalgruppekategori: z.string().min(1).max(300).optional(),
    saerligOpmaerksomhed: z.enum(["ja", "nej"]).optional(),
  })
  .strict();
export type OversigtQuery = z.infer<typeof oversigtQuerySchema>;
/**
 * GET /api/v1/benchmark: the year and, optionally, one group's keys. `antalGrupper=N` (and
 * `fraGruppe=F`, from 0): only groups F to F+N-1 carry their niveauer, the others come with their
 * statistics and an empty list: the page shows the first group before it has read 4.000
 * niveauer (1,8 MB), then reads the rest in parts. The .xlsx is always whole.
 */
export const benchmarkQuerySchema = z.object({
  takstaar: z.coerce.number().pipe(takstaar),
  lovgrundlag: z.string().min(1).max(500).optional(),
  maalgruppekategori: z.string().min(1).max(500).optional(),
  takstenhed: z.string().min(1).max(500).optional(),
  fraGruppe: z.coerce.number().int().min(0).max(10000).optional(),
  antalGrupper: z.coerce.number().int().min(0).max(10000).optional(),
}).strict();
/** ?fra=B&til=T: two takstår, B before T. */
export const takstudviklingQuerySchema = z.object({ fra: z.coerce.number().pipe(takstaar), til: z.coerce.number().pipe(takstaar) }).strict().refine((q) => q.til > q.fra, { path: ["til"], message: "til skal være et senere takstår end fra" });
export const indberetningQuerySchema = z.object({ takstaar: takstaar.optional(), aktuelle: z.boolean().optional() }).strict();
/** `driftsherre`: the secretariat's choice (required for it); a municipality may name only its own. */
export const sidsteAarQuerySchema = z.object({ tilbud: z.string().min(1).max(500), takstaar, driftsherre: z.string().min(1).max(500).optional() }).strict();
export const idParamsSchema = z.object({ id });
export const regelsaetParamsSchema = z.object({ id: z.string().max(40) });
export const regelsaetQuerySchema = z.object({ version: z.number().int().min(1).max(100000).optional() }).strict();
export const oversigtDetaljeQuerySchema = z.object({ ydelse: z.string().max(500).optional() }).strict();

// Regnskab, efterregulering and the pool (product.md §5.2). Amounts in whole kroner.
const kroner = z.number().int();
const tekst = z.string().min(1).max(500);

/** GET /api/v1/efterregulering: `driftsherre` is the secretariat's choice; a municipality may name only its own. */
export const efterreguleringQuerySchema = z.object({ tilbud: tekst, takstaar: z.coerce.number().pipe(takstaar), driftsherre: tekst.optional() }).strict();
/**
 * What the budget skema of `takstaar` receives from the regnskab of `regnskabsaar` (= takstaar −
 * efterregForsinkelseAar): the regnskab's A1..A7 as the service recomputed them, `regulering` =
 * −A7 (TS_Regulering) and `reguleringPulje`, this tilbud's share of what the pool gives the takster
 * of `takstaar` (TS_ReguleringPulje; 0 when nothing).
 */
export const efterreguleringSchema = z.object({
  driftsherre: z.string(),
  tilbud: z.string(),
  takstaar,
  regnskabsaar: takstaar,
  /** The regnskabsskema the figures come from (its current version). */
  regnskab: z.object({ id: z.string(), nummer: z.string().nullable(), version: z.number().int(), status: sagsstatusSchema }),
  A1: kroner, A2: kroner, A3: kroner, A4: kroner, A5: kroner, A6: kroner, A6Pulje: kroner, A6Overfoert: kroner, A7: kroner,
  regulering: kroner,
  reguleringPulje: kroner,
});
export type Efterregulering = z.infer<typeof efterreguleringSchema>;

/** GET/POST /api/v1/puljer: one pool is a driftsherre's ledelsesområde. */
export const puljeQuerySchema = z.object({ ledelsesomraade: tekst, driftsherre: tekst.optional() }).strict();
export const puljeBevaegelseArtSchema = z.enum(["primo", "hensat", "anvendt", "udloebet", "overLoft"]);
export const puljeSchema = z.object({
  driftsherre: z.string(),
  ledelsesomraade: z.string(),
  aargange: z.array(z.object({ vedroererAar: takstaar, hensat: kroner, anvendt: kroner, udloebet: kroner, overLoft: kroner, rest: kroner, udloeberUltimo: takstaar })),
  /** Each movement; `tilbud` and `indberetning` name the regnskabsskema it comes from (null: opening vintage or the year's total). */
  bevaegelser: z.array(z.object({ aar: takstaar, art: puljeBevaegelseArtSchema, vedroererAar: takstaar, beloeb: kroner, tilbud: z.string().nullable(), indberetning: z.string().nullable() })),
  /** The pool after each year-end, by year ("2025": 1234). */
  saldoUltimo: z.record(z.string(), kroner),
  tilTakst: z.array(z.object({ takstaar, beloeb: kroner, grund: z.enum(["udloebet", "overLoft"]), fordeling: z.array(z.object({ tilbud: z.string(), beloeb: kroner })) })),
});
export type Pulje = z.infer<typeof puljeSchema>;
/** POST body: the opening vintages of a pool that predates the service (replaces earlier ones). */
export const puljePrimoSchema = z.object({ primoAargange: z.array(z.object({ vedroererAar: takstaar, beloeb: kroner.min(0) })).max(50) }).strict();

// The season's operations (product.md §5.4): expected skemaer and deadlines, the audit trail, a checked publication.
const navn = z.string().trim().min(1).max(500);

/** One expected skema: a tilbud of a driftsherre. */
export const forventetSchema = z.object({ driftsherre: navn, tilbud: navn }).strict();
export type Forventet = z.infer<typeof forventetSchema>;
/** GET /api/v1/forventede?takstaar= (secretariat). */
export const forventedeQuerySchema = z.object({ takstaar: z.coerce.number().pipe(takstaar) }).strict();
/** PUT /api/v1/forventede?takstaar= (secretariat): the whole list, replacing the kept one. */
export const forventedeKropSchema = z.object({ forventede: z.array(forventetSchema).max(20000) }).strict();
/**
 * A skema of the year as the deadline sees it, per tilbud (not per ydelse): expected and/or
 * submitted. `forSent`: submitted after the ruleset's fristTakster (its first version), or not
 * submitted and the deadline passed. `dageTilFrist`: whole days from today (Danish time) to the
 * deadline day, 0 on the day, negative after it; null without a deadline.
 */
export const fristSkemaSchema = z.object({
  driftsherre: z.string(),
  tilbud: z.string(),
  forventet: z.boolean(),
  /** The first version's receipt time; null: not submitted (or withdrawn). */
  indsendt: z.string().nullable(),
  mangler: z.boolean(),
  forSent: z.boolean(),
  frist: datoSchema.nullable(),
  dageTilFrist: z.number().int().nullable(),
});
export type FristSkema = z.infer<typeof fristSkemaSchema>;
/** GET /api/v1/forventede: the list, where it comes from, and every skema against the deadline. */
export const forventedeSchema = z.object({
  takstaar,
  /** "gemt": the secretariat's list; "sidste_aar": last year's published tilbud (nothing kept). */
  kilde: z.enum(["gemt", "sidste_aar"]),
  forventede: z.array(forventetSchema),
  /** The year's deadline (the earliest fristTakster of its rulesets) and the days to it. */
  frist: datoSchema.nullable(),
  dageTilFrist: z.number().int().nullable(),
  skemaer: z.array(fristSkemaSchema),
  antal: z.object({ forventede: z.number().int(), indsendt: z.number().int(), mangler: z.number().int(), forSent: z.number().int() }),
});
export type Forventede = z.infer<typeof forventedeSchema>;

/** Who did something: a token (its id, and its description or driftsherre) or a logged-in person. */
export const hvemSchema = z.object({ art: z.enum(["token", "person", "kommandolinje"]), id: z.string().nullable(), navn: z.string().nullable() });
export type Hvem = z.infer<typeof hvemSchema>;
export const revisionsHandlingSchema = z.enum(["indberetning", "status", "bemaerkning", "regelsaet", "offentliggoerelse"]);
/** One entry of the append-only audit trail. */
export const revisionsPostSchema = z.object({
  id: z.number().int(),
  tidspunkt: z.string(),
  handling: revisionsHandlingSchema,
  hvem: hvemSchema.extend({ rolle: z.string().nullable() }),
  takstaar: z.number().int().nullable(),
  driftsherre: z.string().nullable(),
  tilbud: z.string().nullable(),
  indberetningId: z.string().nullable(),
  detaljer: z.record(z.unknown()),
});
export type RevisionsPost = z.infer<typeof revisionsPostSchema>;
/** GET /api/v1/revisionsspor (secretariat), oldest first. */
export const revisionssporQuerySchema = z.object({ takstaar: z.coerce.number().pipe(takstaar).optional(), driftsherre: navn.optional() }).strict();
export const revisionssporSchema = z.object({ poster: z.array(revisionsPostSchema) });

/** POST /api/v1/offentliggoerelse: `bekraeft` confirms publishing with missing or unapproved skemaer. */
export const offentliggoerKropSchema = z.object({ takstaar: z.coerce.number().pipe(takstaar), bekraeft: z.boolean().optional() }).strict();
/** What publishing a year would leave out or publish unapproved (GET /api/v1/offentliggoerelse/kontrol, and the 409). */
export const offentliggoerKontrolSchema = z.object({
  takstaar,
  manglende: z.array(z.object({ driftsherre: z.string(), tilbud: z.array(z.string()) })),
  ikkeGodkendte: z.array(z.object({ id: z.string(), driftsherre: z.string(), tilbud: z.string(), status: sagsstatusSchema })),
  frist: datoSchema.nullable(),
  dageTilFrist: z.number().int().nullable(),
});
export type OffentliggoerKontrol = z.infer<typeof offentliggoerKontrolSchema>;
export const offentliggoerAfvistSchema = offentliggoerKontrolSchema.extend({ fejl: z.string() });

// The e-mail outbox (product.md §5.4): what was sent, what waits and what failed.
export const mailArtSchema = z.enum(["kvittering", "spoergsmaal", "svar", "godkendt", "offentliggjort", "paamindelse"]);
export type MailArt = z.infer<typeof mailArtSchema>;
export const mailStatusSchema = z.enum(["afventer", "sendt", "fejlet"]);
/** GET /api/v1/udbakke: one status, or all; the newest first, at most `antal`. */
export const udbakkeQuerySchema = z.object({ status: mailStatusSchema.optional(), antal: z.coerce.number().int().min(1).max(1000).optional() }).strict();
export const udbakkeSchema = z.object({
  /** Whether the service sends mail (SMTP_URL set); without it nothing new is written here. */
  smtp: z.boolean(),
  mails: z.array(z.object({
    id: z.number().int(),
    art: mailArtSchema,
    modtagere: z.array(z.string()),
    emne: z.string(),
    status: mailStatusSchema,
    oprettet: z.string(),
    /** When it was sent (null until then). */
    sendt: z.string().nullable(),
    forsoeg: z.number().int(),
    /** When it is tried next (null once sent or failed). */
    naesteForsoeg: z.string().nullable(),
    /** The SMTP server's last answer: its acceptance, or the error of the last attempt. */
    svar: z.string().nullable(),
  })),
});
export type Udbakke = z.infer<typeof udbakkeSchema>;

/**
 * GET /api/v1/session (issue 25): whether personal login (OpenID Connect) is on, and who the
 * session cookie or bearer belongs to (null: nobody). The pages ask before showing their login.
 */
export const sessionSchema = z.object({
  personligtLogin: z.boolean(),
  bruger: z.object({ rolle: z.enum(["kommune", "sekretariat", "socialtilsyn"]), driftsherre: z.string().nullable(), navn: z.string().nullable(), art: z.enum(["token", "person"]) }).nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
