import { parameter } from "../regelsaet";
import { felt, YDELSE_RAEKKER } from "./felter";
import { celleFor } from "./layout";
import { kr, pct, TOLERANCE_KR } from "./regel";
import { beregnRegnskab, type RegnskabBeregning, type RegnskabVaerdier, somBudgettal } from "./regnskabBeregning";
import { REGNSKAB_FELTER, REGNSKAB_KOLONNER, REGNSKABSSKEMA_FELTER, REGNSKABSSKEMA_KOLONNER } from "./regnskabFelter";
import type { Beregnet, Fund, Sprunget, YdelseBeregnet } from "./resultat";
import { a1FraRegnskab } from "./regnskabRegister";
import { femProcentBrud } from "./rules/efterregulering";
import { laesVaerdier, udenUndtagelser, validerSkema, type Valideringskontekst, type Valideringsresultat } from "./valider";
import { parseFelt, type Skema } from "./vaerdier";
import { kolonneCeller } from "./ydelser";

/** What only the service knows about the takst year N (the submitted takstskema of year N). */
export interface TakstaaretsTal {
  /** Category 9 (TS_Regulering) of the submitted takst of year N (TS202). */
  regulering?: number | null;
  /** TS_Rentesats of the submitted takst of year N (TS203). */
  rentesats?: number | null;
  /** Why the figures above are missing, ending the skip's message (default: only the service knows them). */
  grund?: string;
}

export interface Regnskabskontekst extends Valideringskontekst {
  takstaaret?: TakstaaretsTal;
}

/** The regnskab's own rules (product.md §3 TS200-TS211; TS204 is the regnskab's own cell check). */
export const REGNSKAB_REGLER = [
  { code: "TS200", severity: "error", beskrivelse: "Regnskab: A2 (det faktiske afregningsgrundlag) er ikke summen af kategori 1-10 med regnskabstal (1 kr.)." },
  { code: "TS202", severity: "warning", beskrivelse: "Regnskab: reguleringslinjen (kategori 9) er ikke den i den indsendte takst for år N." },
  { code: "TS203", severity: "error", beskrivelse: "Regnskab: rentesatsen er ikke takstårets (den i den indsendte takst for år N)." },
  { code: "TS204", severity: "error", beskrivelse: "Regnskab: en beregnet celle i efterreguleringen (A1, A4-A7, regulering år +2) svarer ikke til genberegningen (1 kr.)." },
  { code: "TS205", severity: "warning", beskrivelse: "Regnskab: en takstperiodes gyldig-fra-dato ligger uden for regnskabsåret." },
  { code: "TS211", severity: "error", beskrivelse: "Regnskab: A6 hensætter mere i puljen end grænsen gange årets budget." },
] as const;

/** The budget checks that hold for the regnskab's figures as they stand (the rest are the budget's own). */
const FAELLES = new Set(["TS001", "TS002", "TS003", "TS004", "TS006", "TS013", "TS015", "TS020", "TS021", "TS022", "TS031", "TS070", "TS080"]);
const I_REGNSKAB = new Set<string>([...REGNSKABSSKEMA_FELTER, ...REGNSKABSSKEMA_KOLONNER].filter((f) => !f.beregnet).map((f) => f.navn));

const har = (o: Record<string, unknown>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The takstår is the regnskabsår here (its cell a formula): a finding on it points at TS_Regnskabsaar. */
function somRegnskabsaar(f: Fund): Fund {
  return f.field === "TS_Takstaar" ? { ...f, field: "TS_Regnskabsaar", cell: celleFor("TS_Regnskabsaar"), message: f.message.replace(/^Takståret/, "Regnskabsåret") } : f;
}

/** The regnskab's own fields and columns, parsed; the cells that cannot be read give TS002. */
function laesEgne(input: Record<string, unknown>, fund: Fund[]): RegnskabVaerdier {
  const egne: Record<string, unknown> = {};
  for (const f of REGNSKAB_FELTER) {
    if (!har(input, f.navn) || input[f.navn] === null || input[f.navn] === undefined) continue;
    const p = parseFelt(f, input[f.navn]);
    if (p.ok) {
      if (p.vaerdi !== undefined) egne[f.navn] = p.vaerdi;
    } else if (!f.beregnet) fund.push({ code: "TS002", severity: "error", field: f.navn, cell: celleFor(f.navn), message: `${f.etiket}: ${p.besked}.` });
  }
  for (const k of [...REGNSKAB_KOLONNER, REGNSKABSSKEMA_KOLONNER.find((x) => x.navn === "TS_Ydelser_Takst")!]) {
    egne[k.navn] = kolonneCeller(har(input, k.navn) ? input[k.navn] : undefined).map((c, i) => {
      if (c === null || c === undefined) return null;
      const p = parseFelt(k, c);
      if (p.ok) return p.vaerdi ?? null;
      fund.push({ code: "TS002", severity: "error", field: k.navn, cell: celleFor(k.navn, i), row: i, message: `${k.etiket}, række ${i + 1}: ${p.besked}.` });
      return null;
    });
  }
  return egne as unknown as RegnskabVaerdier;
}

interface Ctx {
  v: Partial<Skema>;
  egne: RegnskabVaerdier;
  b: RegnskabBeregning;
  kontekst: Regnskabskontekst;
  fund: (code: string, severity: Fund["severity"], felt: string, besked: string, raekke?: number) => void;
  spring: (code: string, felt: string, besked: string) => void;
}

/** TS001/TS111/TS032/TS013 on the regnskab's own inputs: the Ydelser rows and TS_AktiveretDrift. */
function tjekInddata({ v, egne, fund }: Ctx): void {
  if (egne.TS_Regnskabsaar === undefined) fund("TS001", "error", "TS_Regnskabsaar", "Regnskabsåret mangler (skal udfyldes).");
  if (a1FraRegnskab(egne.TS_A1Kilde) && egne.TS_A1Regnskab === undefined) {
    fund("TS001", "error", "TS_A1Regnskab", "A1 fra regnskabet mangler: A1 opgøres efter regnskab (intern afregning), så takstindtægten som bogført skal udfyldes.");
  }
  if ((egne.TS_AktiveretDrift ?? 0) < 0) fund("TS013", "error", "TS_AktiveretDrift", `Aktiverede driftsudgifter er ${kr(egne.TS_AktiveretDrift!)}; skriv beløbet positivt, det trækkes fra.`);
  for (let i = 0; i < YDELSE_RAEKKER; i++) tjekYdelsesraekke({ v, egne, fund }, i);
}

/** TS001/TS111 (the row's name, days and takst together), TS205 (its period in the year) and TS032 on Ydelser row `i`. */
function tjekYdelsesraekke({ v, egne, fund }: Pick<Ctx, "v" | "egne" | "fund">, i: number): void {
  const navn = v.TS_Ydelser_Navn?.[i] ?? null;
  const dage = egne.TS_Ydelser_FaktiskeDage[i] ?? null;
  const takst = egne.TS_Ydelser_Takst[i] ?? null;
  if (i === 0 && navn !== null) {
    if (dage === null) fund("TS001", "error", "TS_Ydelser_FaktiskeDage", "Faktiske belægningsdage for den første ydelse mangler (skal udfyldes).", 0);
    if (takst === null) fund("TS001", "error", "TS_Ydelser_Takst", "Taksten for den første ydelse mangler (skal udfyldes).", 0);
  } else if (navn !== null && (dage === null || takst === null)) {
    fund("TS111", "error", dage === null ? "TS_Ydelser_FaktiskeDage" : "TS_Ydelser_Takst", `Række ${i + 1} (${navn}) mangler ${dage === null ? "faktiske belægningsdage" : "taksten"}.`, i);
  } else if (navn === null && (dage !== null || takst !== null)) {
    fund("TS111", "error", "TS_Ydelser_Navn", `Række ${i + 1} har tal, men intet ydelsesnavn.`, i);
  }
  const fra = egne.TS_Ydelser_GyldigFra[i] ?? null;
  if (fra !== null && egne.TS_Regnskabsaar !== undefined && !fra.startsWith(`${egne.TS_Regnskabsaar}-`)) {
    fund("TS205", "warning", "TS_Ydelser_GyldigFra", `Række ${i + 1} gælder fra ${fra.split("-").reverse().join("-")}, som ikke ligger i regnskabsåret ${egne.TS_Regnskabsaar}.`, i);
  }
  if (takst !== null && takst <= 0) fund("TS032", "error", "TS_Ydelser_Takst", `Taksten i række ${i + 1} er ${kr(takst)}; en takst er et positivt beløb.`, i);
}

/** TS200 (A2) and TS204 (A1, A4-A7, regulering år +2): each computed cell against its own inputs. */
function tjekBeregnet({ v, egne, b, fund }: Ctx): void {
  const A2 = v.TS_A2;
  if (A2 !== undefined && Math.abs(A2 - b.efterregulering.A2!) > TOLERANCE_KR) {
    fund("TS200", "error", "TS_A2", `A2 er ${kr(A2)}, men summen af kategori 1-10 med regnskabstal (indtægter og aktiverede driftsudgifter fratrukket) er ${kr(b.efterregulering.A2!)}.`);
  }
  const m = b.brugt.model;
  const celler: [string, number | undefined, number | null, string][] = [
    ["TS_A1", v.TS_A1, b.efterregulering.A1, a1FraRegnskab(egne.TS_A1Kilde) ? "A1 fra regnskabet (intern afregning)" : "faktiske belægningsdage gange takst"],
    ["TS_A6", v.TS_A6, b.efterregulering.A6, "hensat i puljen plus overført"],
    ["TS_A4", v.TS_A4, m?.A4 ?? null, "A2 + A3"],
    ["TS_A5", v.TS_A5, m?.A5 ?? null, "A1 - A4"],
    ["TS_A7", v.TS_A7, m?.A7 ?? null, "A5 - A6"],
    ["TS_ReguleringAarPlus2", egne.TS_ReguleringAarPlus2, m?.forventetRegulering ?? null, "-A7"],
  ];
  for (const [navn, celle, forventet, formel] of celler) {
    if (celle !== undefined && forventet !== null && Math.abs(celle - forventet) > TOLERANCE_KR) {
      fund("TS204", "error", navn, `${felt(navn)?.etiket ?? navn} er ${kr(celle)}, men ${formel} giver ${kr(forventet)}.`);
    }
  }
}

/** TS040 (the 5 % rule on A6) and TS211 (the pool's share of A6) on the year's budget. */
function tjekFemProcent({ v, egne, b, kontekst, fund, spring }: Ctx): void {
  const r = v.TS_Regelsaet === undefined ? undefined : kontekst.register.find(v.TS_Regelsaet);
  const graense = r ? parameter(r, "efterregGraense") : undefined;
  const budget = v.TS_RegBudget;
  const A5 = b.brugt.model?.A5 ?? null;
  if (graense === undefined || budget === undefined) {
    const grund = graense === undefined ? `regelsættet ${r?.id ?? v.TS_Regelsaet ?? "(ukendt)"} ikke angiver en grænse for efterregulering` : "omkostningsbudgettet for regnskabsåret ikke er udfyldt";
    spring("TS040", "TS_A6", `5 %-reglen for A6 er ikke kontrolleret, fordi ${grund}.`);
    spring("TS211", "TS_A6Pulje", `Puljens grænse er ikke kontrolleret, fordi ${grund}.`);
    return;
  }
  if (A5 !== null) {
    const brud = femProcentBrud(A5, b.brugt.A6, graense, budget);
    if (brud) fund("TS040", "warning", "TS_A6", brud);
  }
  const pulje = egne.TS_A6Pulje ?? 0;
  if (budget >= 0 && pulje > graense * budget + TOLERANCE_KR) {
    fund("TS211", "error", "TS_A6Pulje", `Der hensættes ${kr(pulje)} i puljen, men højst ${pct(graense)} af årets budget (${kr(graense * budget)}) kan hensættes.`);
  }
}

/** TS202 and TS203: against the submitted takst of year N, which only the service knows. */
function tjekTakstaaret({ v, kontekst, fund, spring }: Ctx): void {
  const t = kontekst.takstaaret;
  const kunService = t?.grund ?? "kræver den indsendte takst for regnskabsåret, som kun indberetningsservicen kender";
  if (t?.regulering === undefined || t.regulering === null) spring("TS202", "TS_Regulering", `Sprunget over: kontrollen af reguleringslinjen ${kunService}.`);
  else if (Math.abs((v.TS_Regulering ?? 0) - t.regulering) > TOLERANCE_KR) {
    fund("TS202", "warning", "TS_Regulering", `Reguleringslinjen er ${kr(v.TS_Regulering ?? 0)}, men den indsendte takst for år N havde ${kr(t.regulering)}; det opkrævede beløb hører med i A2.`);
  }
  if (t?.rentesats === undefined || t.rentesats === null) spring("TS203", "TS_Rentesats", `Sprunget over: kontrollen af rentesatsen ${kunService}.`);
  else if (v.TS_Rentesats !== undefined && Math.abs(v.TS_Rentesats - t.rentesats) > 1e-9) {
    fund("TS203", "error", "TS_Rentesats", `Rentesatsen er ${pct(v.TS_Rentesats)}, men takstårets er ${pct(t.rentesats)}: renten er den samme som ved beregningen af taksterne (004:5331).`);
  }
}

/** The ydelser as the regnskab has them: name, takst and actual days per row. */
function regnskabsYdelser(v: Partial<Skema>, egne: RegnskabVaerdier): YdelseBeregnet[] {
  const ud: YdelseBeregnet[] = [];
  for (let i = 0; i < YDELSE_RAEKKER; i++) {
    const navn = v.TS_Ydelser_Navn?.[i] ?? null;
    const takst = egne.TS_Ydelser_Takst[i] ?? null;
    const dage = egne.TS_Ydelser_FaktiskeDage[i] ?? null;
    if (navn === null && takst === null && dage === null) continue;
    ud.push({ raekke: i, navn: navn ?? "", pladser: null, belaegning: null, ressource: null, sidsteAarsTakst: null, belaegningsdage: dage, basistakst: null, servicetakst: null, takst, takstudvikling: null });
  }
  return ud;
}

/**
 * Validate a regnskabsskema (TS_Skematype "regnskab"): the budget checks that hold for its
 * figures (on the record with TS_AktiveretDrift taken out, as its formulas do), then its own.
 * Pure; never throws.
 */
export function validerRegnskab(input: Record<string, unknown>, kontekst: Regnskabskontekst): Valideringsresultat {
  return udenUndtagelser(input, "TS_Skematype", "valideringen af regnskabsskemaet", (i) => valider(i, kontekst));
}

function valider(raa: Record<string, unknown>, kontekst: Regnskabskontekst): Valideringsresultat {
  const findings: Fund[] = [];
  const skipped: Sprunget[] = [];
  // The pool's share is a budget line (regnskabFelter.ts): a regnskab that carries it anyway has it ignored, never in A2.
  const input = Object.fromEntries(Object.entries(raa).filter(([k]) => k !== "TS_ReguleringPulje"));
  const egne = laesEgne(input, findings);
  const { vaerdier: v } = laesVaerdier(input, kontekst.projektmappe);
  const budgetVisning: Record<string, unknown> = { ...input, ...somBudgettal(v, egne) };
  for (const k of Object.keys(budgetVisning)) if (k.startsWith("TS_Ydelser_") && k !== "TS_Ydelser_Navn") delete budgetVisning[k];
  const res = validerSkema(budgetVisning, kontekst);
  findings.unshift(...res.findings.filter((f) => FAELLES.has(f.code) && (!["TS001", "TS002", "TS015"].includes(f.code) || I_REGNSKAB.has(f.field))).map(somRegnskabsaar));
  skipped.push(...res.skipped.filter((s) => FAELLES.has(s.code)));
  const b = beregnRegnskab(v, egne);
  const ctx: Ctx = {
    v, egne, b, kontekst,
    fund: (code, severity, navn, message, raekke) => findings.push({ code, severity, field: navn, cell: celleFor(navn, raekke), message, ...(raekke === undefined ? {} : { row: raekke }) }),
    spring: (code, navn, message) => skipped.push({ code, field: navn, message }),
  };
  tjekInddata(ctx);
  tjekBeregnet(ctx);
  tjekFemProcent(ctx);
  tjekTakstaaret(ctx);
  const fejl = findings.some((f) => f.severity === "error");
  const e = b.efterregulering;
  const ydelser = regnskabsYdelser(v, egne);
  const beregnet: Beregnet | null = res.beregnet && {
    ...res.beregnet, ydelser, takst: null, takstudvikling: null, basisgrundlag: null, servicegrundlag: null, pladser: null, belaegning: null,
    belaegningsdage: ydelser.reduce((s, y) => s + (y.belaegningsdage ?? 0), 0),
    A4: e.A4, A5: e.A5, A7: e.A7, forventetRegulering: e.reguleringAarPlus2, efterregulering: e,
  };
  // The regnskab's own inputs parsed beside the shared ones (the service reads the periods, days and A6's split from them).
  return { ok: !fejl, findings, skipped, vaerdier: { ...res.vaerdier, ...v, ...egne }, beregnet };
}
