/**
 * Seed data for the secretariat overview (issue 7): Midtjylland, takstår 2020 (MIDT-2020) and
 * 2021 (MIDT-2021), the two consecutive years the rulesets/ folder has. Every takst is chosen so
 * that takstgrundlag = takst × pladser × 365 exactly (belægning 100 %, no overhead), hence the
 * expected takst, takstudvikling and outliers below follow from plain integer arithmetic on this
 * table, never from the code under test.
 */

export const FORRIGE = 2020;
export const AAR = 2021;
/** PL 2,0 % from 2020 to 2021 (TS_PLPct of every 2021 skema), in whole percent for exact sums. */
export const PL_PCT = 2;

export interface Plan {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  lov: string;
  enhed: "døgn" | "dag";
  pladser: number;
  /** 2020 takst; null = new in 2021. */
  t2020: number | null;
  /** 2021 takst (current version); null = not submitted in 2021. */
  t2021: number | null;
  /** Takster of earlier 2021 versions, oldest first (resubmissions). */
  tidligere?: number[];
  /** A begrundelse for the development is given (no TS050 even when beyond 5 %). */
  begrundet?: boolean;
  /** Belægning 100 % against 90 %/92 % the two years before, no begrundelse: TS012. */
  belaegningsafvigelse?: boolean;
  /** The 2021 skema's grouping fields (issue 21; product.md §2). */
  gruppe?: { TS_Ledelsesomraade?: string; TS_Maalgruppekategori?: string; TS_SaerligOpmaerksomhed?: string };
}

/** Viborg's centre (issue 21): the overview's grouping filters. */
export const CENTER = "Center for Handicap og Psykiatri";

const BOLIG = { ydelse: "Længerevarende botilbud", lov: "SEL § 108", enhed: "døgn" } as const;
const MIDL = { ydelse: "Midlertidigt botilbud", lov: "SEL § 107", enhed: "døgn" } as const;
const AFL = { ydelse: "Aflastning", lov: "SEL § 107", enhed: "døgn" } as const;
const BESK = { ydelse: "Beskyttet beskæftigelse", lov: "SEL § 103", enhed: "dag" } as const;
const AKT = { ydelse: "Aktivitets- og samværstilbud", lov: "SEL § 104", enhed: "dag" } as const;
const KRISE = { ydelse: "Krisecenter", lov: "SEL § 109", enhed: "døgn" } as const;

export const PLAN: Plan[] = [
  { driftsherre: "Aarhus Kommune", tilbud: "Bostedet Åen", ...BOLIG, pladser: 24, t2020: 2000, t2021: 2142 }, // exactly +5,0 %: not an outlier
  { driftsherre: "Aarhus Kommune", tilbud: "Bostedet Åen", ...AFL, pladser: 4, t2020: 1500, t2021: 1800 }, // +17,6 %, no begrundelse: TS050
  // Issue 12: Bostedet Åen is one submission with three ydelser in 2021 (two in 2020).
  { driftsherre: "Aarhus Kommune", tilbud: "Bostedet Åen", ...MIDL, pladser: 6, t2020: null, t2021: 1950 }, // new ydelse in 2021
  { driftsherre: "Aarhus Kommune", tilbud: "Skovvang", ...MIDL, pladser: 12, t2020: 1800, t2021: 1836 },
  { driftsherre: "Aarhus Kommune", tilbud: "Kildehuset", ...BESK, pladser: 30, t2020: 600, t2021: 630 },
  { driftsherre: "Aarhus Kommune", tilbud: "Solsikken", ...AKT, pladser: 20, t2020: 700, t2021: 650, begrundet: true }, // -9,0 %
  { driftsherre: "Randers Kommune", tilbud: "Randershus", ...BOLIG, pladser: 18, t2020: 2500, t2021: 2601 },
  { driftsherre: "Randers Kommune", tilbud: "Gudenåhjemmet", ...MIDL, pladser: 10, t2020: 2200, t2021: 2244, tidligere: [2600] },
  { driftsherre: "Randers Kommune", tilbud: "Bakkegården", ...AFL, pladser: 6, t2020: 1700, t2021: 1734, belaegningsafvigelse: true }, // TS012
  { driftsherre: "Randers Kommune", tilbud: "Værkstedet", ...BESK, pladser: 25, t2020: 550, t2021: 500 }, // -10,9 %: TS050
  { driftsherre: "Viborg Kommune", tilbud: "Hald Ege", ...BOLIG, pladser: 16, t2020: 3000, t2021: 3090, gruppe: { TS_Ledelsesomraade: CENTER, TS_Maalgruppekategori: "Udviklingshæmmede" } },
  { driftsherre: "Viborg Kommune", tilbud: "Egeskoven", ...MIDL, pladser: 8, t2020: 2400, t2021: 2520, gruppe: { TS_Ledelsesomraade: CENTER } },
  { driftsherre: "Viborg Kommune", tilbud: "Møllehuset", ...AKT, pladser: 22, t2020: 800, t2021: 820 },
  { driftsherre: "Viborg Kommune", tilbud: "Birkebo", ...AFL, pladser: 5, t2020: 1600, t2021: 1600, gruppe: { TS_Ledelsesomraade: CENTER, TS_SaerligOpmaerksomhed: "ja" } }, // no warning either way
  { driftsherre: "Viborg Kommune", tilbud: "Nørreåen", ...KRISE, pladser: 9, t2020: null, t2021: 1900 }, // new in 2021
  { driftsherre: "Silkeborg Kommune", tilbud: "Søhøjlandet", ...BOLIG, pladser: 20, t2020: 2300, t2021: 2415 },
  { driftsherre: "Silkeborg Kommune", tilbud: "Lysbro", ...MIDL, pladser: 11, t2020: 2100, t2021: 2000, belaegningsafvigelse: true }, // -6,6 %: TS050 + TS012
  { driftsherre: "Silkeborg Kommune", tilbud: "Gødvad", ...BESK, pladser: 28, t2020: 650, t2021: 663 },
  { driftsherre: "Silkeborg Kommune", tilbud: "Resenbro", ...AFL, pladser: 4, t2020: 1400, t2021: 1400 },
  { driftsherre: "Herning Kommune", tilbud: "Hammerum", ...BOLIG, pladser: 14, t2020: 2600, t2021: 2860, begrundet: true }, // +7,8 %
  { driftsherre: "Herning Kommune", tilbud: "Fuglsang", ...MIDL, pladser: 9, t2020: 2000, t2021: 2040, tidligere: [2100] },
  { driftsherre: "Herning Kommune", tilbud: "Vestervang", ...AKT, pladser: 24, t2020: 750, t2021: 765 },
  { driftsherre: "Herning Kommune", tilbud: "Lind", ...AFL, pladser: 4, t2020: 1650, t2021: null }, // not submitted in 2021
  { driftsherre: "Horsens Kommune", tilbud: "Bygholm", ...BOLIG, pladser: 15, t2020: 2700, t2021: 2754 },
  { driftsherre: "Horsens Kommune", tilbud: "Stensballe", ...MIDL, pladser: 10, t2020: 1900, t2021: 1938 },
  { driftsherre: "Horsens Kommune", tilbud: "Nørrestrand", ...BESK, pladser: 26, t2020: 600, t2021: 612 },
  { driftsherre: "Horsens Kommune", tilbud: "Højvangen", ...AFL, pladser: 5, t2020: 1550, t2021: 1500, tidligere: [1700] }, // -5,1 %: TS050
  // Skive submitted four takster in 2020 and nothing in 2021: the missing driftsherre.
  { driftsherre: "Skive Kommune", tilbud: "Skivehus", ...BOLIG, pladser: 20, t2020: 2400, t2021: null },
  { driftsherre: "Skive Kommune", tilbud: "Fjordglimt", ...MIDL, pladser: 10, t2020: 2000, t2021: null },
  { driftsherre: "Skive Kommune", tilbud: "Sallinghus", ...AKT, pladser: 18, t2020: 700, t2021: null },
  { driftsherre: "Skive Kommune", tilbud: "Spøttrup", ...AFL, pladser: 4, t2020: 1500, t2021: null },
];

export type Skema = Record<string, string | number | boolean | null>;

/** A complete, valid MIDT skema for one takst; the 2021 one carries the basis/service split. */
export function skema(p: Plan, aar: number, takst: number): Skema {
  const grundlag = takst * p.pladser * 365;
  const administration = Math.round(grundlag * 0.08);
  const s: Skema = {
    TS_Regelsaet: `MIDT-${aar}`,
    TS_Takstaar: aar,
    TS_Driftsherre: p.driftsherre,
    TS_Tilbud: p.tilbud,
    TS_Ydelse: p.ydelse,
    TS_Lovgrundlag: p.lov,
    TS_Kategori: "Lokalt tilbud",
    TS_Kontaktperson: "Økonomikonsulent",
    TS_Email: `takster@${p.driftsherre.split(" ")[0]!.toLowerCase().replace(/[^a-z]/g, "")}.dk`,
    TS_Pladser: p.pladser,
    TS_Belaegning: 1,
    TS_Dage: 365,
    TS_Takstenhed: p.enhed,
    TS_Loen: grundlag - administration,
    TS_Administration: administration,
    TS_OverheadSats: 0,
  };
  if (aar === AAR) {
    const basis = Math.round(takst * 0.3);
    Object.assign(s, { TS_Basistakst: basis, TS_Servicetakst: takst - basis, TS_PLPct: PL_PCT / 100 });
    if (p.t2020 !== null) s.TS_SidsteAarsTakst = p.t2020;
    if (p.begrundet) s.TS_UdviklingBegrundelse = "Ny normering efter socialtilsynets påbud og ændret målgruppe.";
    if (p.belaegningsafvigelse) Object.assign(s, { TS_BelaegningAarMinus2: 0.9, TS_BelaegningAarMinus1: 0.92 });
    Object.assign(s, p.gruppe ?? {});
  }
  return s;
}

/**
 * One skema with several ydelser (issue 12) whose takster come out exactly as planned: all
 * costs but a common basistakst b per belægningsdag are borgerrettede, and ressource_i = t_i − b,
 * so SOC.TAKSTSTRUKTUR gives servicetakst_i = servicegrundlag × r_i / Σ(r_j × bd_j) = t_i − b
 * exactly and takst_i = t_i (product.md §1). Belægning 100 %, so bd_i = pladser_i × 365.
 */
export function tabelSkema(planer: readonly Plan[], aar: number, takster: readonly number[]): Skema {
  const s = skema(planer[0]!, aar, 0);
  for (const k of ["TS_Ydelse", "TS_Pladser", "TS_Belaegning", "TS_Basistakst", "TS_Servicetakst", "TS_SidsteAarsTakst"]) delete s[k];
  const b = aar === AAR ? Math.round(Math.min(...takster) * 0.3) : 0;
  const bd = planer.map((p) => p.pladser * 365);
  const grundlag = takster.reduce((n, t, i) => n + t * bd[i]!, 0);
  const basis = b * bd.reduce((n, x) => n + x, 0);
  const administration = Math.round(grundlag * 0.08);
  const kolonne = (f: (p: Plan, i: number) => string | number | null) => [...planer.map(f), ...Array.from({ length: 10 - planer.length }, () => null)];
  return {
    ...s,
    TS_Loen: grundlag - administration,
    TS_Administration: administration,
    TS_Borgerrettet: grundlag - basis,
    TS_Ydelser_Navn: kolonne((p) => p.ydelse),
    TS_Ydelser_Pladser: kolonne((p) => p.pladser),
    TS_Ydelser_Belaegning: kolonne(() => 1),
    TS_Ydelser_Ressource: kolonne((_p, i) => takster[i]! - b),
    TS_Ydelser_SidsteAarsTakst: kolonne((p) => (aar === AAR ? p.t2020 : null)),
  } as unknown as Skema;
}

export interface Indsendelse {
  planer: Plan[];
  aar: number;
  takster: number[];
  skema: Skema;
}

/** The plan's entries per submission: one per driftsherre and tilbud (its ydelser), in plan order. */
function perTilbud(planer: readonly Plan[]): Plan[][] {
  const m = new Map<string, Plan[]>();
  for (const p of planer) m.set(`${p.driftsherre}|${p.tilbud}`, [...(m.get(`${p.driftsherre}|${p.tilbud}`) ?? []), p]);
  return [...m.values()];
}

/**
 * Every submission in the order it is sent: all of 2020, then each 2021 tilbud's versions oldest
 * first. A tilbud with one ydelse is sent in the former single-takst shape, one with several as
 * the Ydelser table.
 */
export function indsendelser(): Indsendelse[] {
  const ud: Indsendelse[] = [];
  const send = (planer: Plan[], aar: number, takster: number[]) =>
    ud.push({ planer, aar, takster, skema: planer.length === 1 ? skema(planer[0]!, aar, takster[0]!) : tabelSkema(planer, aar, takster) });
  for (const g of perTilbud(PLAN.filter((p) => p.t2020 !== null))) send(g, FORRIGE, g.map((p) => p.t2020!));
  for (const g of perTilbud(PLAN.filter((p) => p.t2021 !== null))) {
    const tidligere = Math.max(...g.map((p) => (p.tidligere ?? []).length));
    for (let v = 0; v < tidligere; v++) send(g, AAR, g.map((p) => p.tidligere?.[v] ?? p.t2021!));
    send(g, AAR, g.map((p) => p.t2021!));
  }
  return ud;
}

/** |ny − sidste × (1 + PL)| > 5 % × sidste × (1 + PL), in integers (no float at the 5,0 % edge). */
export function erUdsving(ny: number, sidste: number): boolean {
  return Math.abs(100 * ny - (100 + PL_PCT) * sidste) * 100 > 5 * (100 + PL_PCT) * sidste;
}

/** The real change rounded to one decimal of a percent, as the page shows it: "+17,6 %". */
export function udviklingTekst(ny: number, sidste: number): string {
  // (ny / (sidste × 1,02) − 1) × 1000, half away from zero, in integers.
  const taeller = 100 * ny * 1000 - (100 + PL_PCT) * sidste * 1000;
  const naevner = (100 + PL_PCT) * sidste;
  const promille = Math.sign(taeller) * Math.floor((2 * Math.abs(taeller) + naevner) / (2 * naevner));
  const tekst = `${Math.abs(promille / 10).toFixed(1).replace(".", ",")} %`;
  return promille === 0 ? tekst : `${promille > 0 ? "+" : "-"}${tekst}`;
}

/** Expected warnings of a 2021 takst, from its plan: TS050 beyond 5 % without begrundelse, TS012. */
export function forventedeAdvarsler(p: Plan, takst: number): string[] {
  const koder: string[] = [];
  if (p.belaegningsafvigelse) koder.push("TS012");
  if (p.t2020 !== null && !p.begrundet && erUdsving(takst, p.t2020)) koder.push("TS050");
  return koder;
}

/** The expected overview for 2021, derived from PLAN only. */
export function forventet() {
  const aktuelle = PLAN.filter((p) => p.t2021 !== null);
  const medAdvarsler = aktuelle.filter((p) => forventedeAdvarsler(p, p.t2021!).length > 0);
  const udsving = aktuelle.filter((p) => p.t2020 !== null && erUdsving(p.t2021!, p.t2020));
  const driftsherrer2021 = new Set(aktuelle.map((p) => p.driftsherre));
  const driftsherrer2020 = new Set(PLAN.filter((p) => p.t2020 !== null).map((p) => p.driftsherre));
  const manglendeDriftsherrer = [...driftsherrer2020].filter((d) => !driftsherrer2021.has(d));
  const manglendeTakster = PLAN.filter((p) => p.t2020 !== null && p.t2021 === null);
  // Per tilbud: the mean of its ydelser's changes (fractions; no edge cases in the plan).
  const tilbud = new Map<string, number[]>();
  for (const p of aktuelle) {
    if (p.t2020 === null) continue;
    const k = `${p.tilbud} · ${p.driftsherre}`;
    tilbud.set(k, [...(tilbud.get(k) ?? []), p.t2021! / (p.t2020 * (1 + PL_PCT / 100)) - 1]);
  }
  const middel = [...tilbud.entries()].map(([k, v]) => ({ navn: k, udv: v.reduce((a, b) => a + b, 0) / v.length }));
  // The counts are per skema (one submission per tilbud), not per ydelse.
  const skemaer = (liste: typeof PLAN) => new Set(liste.map((p) => `${p.driftsherre}|${p.tilbud}`)).size;
  return {
    indberetninger: skemaer(aktuelle),
    medAdvarsler: skemaer(medAdvarsler),
    godkendt: skemaer(aktuelle) - skemaer(medAdvarsler),
    udsving: skemaer(udsving),
    // The table, the filters and the export have a row per ydelse (a takst).
    takster: aktuelle.length,
    taksterMedAdvarsler: medAdvarsler.length,
    taksterMedUdsving: udsving.length,
    udsvingNavne: udsving.map((p) => `${p.driftsherre}|${p.tilbud}|${p.ydelse}`).sort(),
    driftsherrer: driftsherrer2021.size,
    manglendeDriftsherrer,
    manglendeTakster: manglendeTakster.length,
    genindsendte: aktuelle.filter((p) => (p.tidligere ?? []).length > 0).length,
    tilbudMedUdvikling: middel.length,
    tilbudMedUdsving: middel.filter((m) => Math.abs(m.udv) > 0.05).map((m) => m.navn).sort(),
    // Stored rows: one per submission (a tilbud's ydelser together), each version its own.
    raekker: indsendelser().length,
  };
}
