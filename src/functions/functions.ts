import {
  afskrivningTal,
  type AfskrivningsRegler,
  betalingTal,
  betalingsperiode as motorBetalingsperiode,
  BOTILBUD_MODELLER,
  HAENDELSER,
  lukningTal,
  lukningFordelTal,
  overtagelseTal,
  efterregModelTal,
  efterreguleringTal,
  fordelTal,
  forrentningTal,
  gennemsnitligBelaegningTal,
  overheadTal,
  plReguleringTal,
  STANDARD_DAGE,
  takstTal,
  takstudviklingBroekTal,
  ofPrPlejefamilieTal,
  tilsynskategoriTal,
  tilsynstaksterTal,
  tjenestemandspensionTal,
  takststrukturTal,
} from "../engine";
import {
  celleraekke,
  dato,
  kolonne,
  kolonneCelle,
  huskKolonne,
  kolonneMedHoejde,
  navn,
  omraadeTal,
  regelsaetTal,
  tal,
  tilsynVaegte,
  valg,
  valgfriDato,
  valgfritRegelsaet,
  valgfritTal,
} from "./argumenter";
import { funktion, type FunktionBeskrivelse } from "./beskrivelser";
import { ArgumentFejl, excelFejl, type Kontekst, ResultatFejl } from "./fejl";

/**
 * The SOC.* Excel custom functions (product.md §1). The TypeScript signatures are what Microsoft's
 * custom-functions-metadata generator reads (unknown = any scalar, any[][] = a matrix, `?` or a
 * default = optional, string = text); tests/functions/generator.test.ts holds them to the table.
 * Each adapter parses Excel's arguments
 * (argumenter.ts), calls the engine and returns a number or a 2-D array; every failure becomes
 * CustomFunctions.Error(invalidValue) with a Danish message (fejl.ts). Descriptions and
 * parameter names live in beskrivelser.ts, which generates functions.json and functions-da.json.
 */

type Ud = number | (number | string)[][];

/** Descriptions by id, looked up once: Excel calls these functions for every cell on every recalculation. */
const beskrivelser = new Map<string, FunktionBeskrivelse>();

/**
 * Default of an optional range argument. Excel passes null for an omitted argument; the default
 * (null, typed as a range) marks the parameter optional for Microsoft's metadata generator.
 */
const UDELADT_OMRAADE = null as unknown as any[][]; // eslint-disable-line @typescript-eslint/no-explicit-any

function kald<T extends Ud>(id: string, beregn: (ctx: Kontekst) => T): T {
  let fn = beskrivelser.get(id);
  if (!fn) beskrivelser.set(id, (fn = funktion(id)));
  const ctx: Kontekst = { fn, tal: [] };
  try {
    return beregn(ctx);
  } catch (e) {
    throw excelFejl(ctx, e);
  }
}

/** The engine's number to Excel: beyond the double range is refused (the engine's door functions never give -0). */
function endeligt(n: number): number {
  if (!Number.isFinite(n)) throw new ResultatFejl("resultatet er for stort til Excel. Kontrollér størrelsesordenen af argumenterne.");
  return n;
}

/**
 * Takst = takstgrundlag / (pladser × dage × belægning), rounded half away from zero.
 * @customfunction TAKST
 * @param takstgrundlag Takstgrundlaget i kr.
 * @param pladser Antal pladser.
 * @param belaegning Belægning som brøk (95 % = 0,95).
 * @param [dage] Dage i takståret (standard 365).
 * @param [decimaler] Decimaler (standard 0).
 * @returns Taksten.
 */
export function takst(takstgrundlag: unknown, pladser: unknown, belaegning: unknown, dage: unknown = null, decimaler: unknown = null): number {
  return kald("TAKST", (c) => {
    const g = tal(c, 0, takstgrundlag);
    const p = tal(c, 1, pladser);
    const b = tal(c, 2, belaegning);
    const d = valgfritTal(c, 3, dage);
    const k = valgfritTal(c, 4, decimaler);
    return endeligt(takstTal(g, p, b, d, k));
  });
}

/**
 * Overhead = grundlag × sats in whole kroner; with a ruleset, a sats above its cap is refused.
 * @customfunction OVERHEAD
 * @param grundlag Overheadgrundlaget i kr.
 * @param sats Satsen som brøk (4,4 % = 0,044).
 * @param [regelsaet] Regelsættets id, fx SYD-2018.
 * @returns Overhead i hele kroner.
 */
export function overhead(grundlag: unknown, sats: unknown, regelsaet: unknown = null): number {
  return kald("OVERHEAD", (c) => {
    const g = tal(c, 0, grundlag);
    const s = tal(c, 1, sats);
    const loft = regelsaetTal(valgfritRegelsaet(c, 2, regelsaet), "overheadLoft");
    return endeligt(overheadTal(g, s, loft));
  });
}

/**
 * Adjustment to the takstgrundlag in year +2 under the 5 % rule.
 * @customfunction EFTERREG
 * @param resultat Overskud (+) / underskud (-).
 * @param budget Omkostningsbudgettet.
 * @param [graense] Grænsen som brøk (standard 0,05).
 * @returns Reguleringen i år +2.
 */
export function efterreg(resultat: unknown, budget: unknown, graense: unknown = null): number {
  return kald("EFTERREG", (c) => {
    const r = tal(c, 0, resultat);
    const b = tal(c, 1, budget);
    const g = valgfritTal(c, 2, graense);
    return endeligt(efterreguleringTal(r, b, g));
  });
}

/**
 * The Bilag 18 model as a 7 × 2 array of labels A1..A7 and amounts.
 * @customfunction EFTERREG.MODEL
 * @param provenu A1.
 * @param afregningsgrundlag A2.
 * @param overfoersel A3.
 * @param genbevilget A6.
 * @returns A1..A7.
 */
export function efterregModel(provenu: unknown, afregningsgrundlag: unknown, overfoersel: unknown, genbevilget: unknown): any[][] { // eslint-disable-line @typescript-eslint/no-explicit-any -- any[][]: a matrix of labels and amounts to the generator
  return kald("EFTERREG.MODEL", (c) => {
    const A1 = tal(c, 0, provenu);
    const A2 = tal(c, 1, afregningsgrundlag);
    const A3 = tal(c, 2, overfoersel);
    const A6 = tal(c, 3, genbevilget);
    const m = efterregModelTal(A1, A2, A3, A6);
    return [["A1", A1], ["A2", A2], ["A3", A3], ["A4", endeligt(m.A4)], ["A5", endeligt(m.A5)], ["A6", A6], ["A7", endeligt(m.A7)]];
  });
}

/**
 * Shares beloeb by a key column: "REST" (largest remainder) or "HVER" (each row rounded).
 * @customfunction OBJFIN
 * @param beloeb Beløbet.
 * @param noegle Nøglen (én kolonne).
 * @param [afrunding] "REST" eller "HVER".
 * @returns En kolonne med andelene.
 */
export function objfin(beloeb: unknown, noegle: any[][], afrunding: unknown = null): number[][] { // eslint-disable-line @typescript-eslint/no-explicit-any -- any[][]: a matrix parameter to the generator
  return kald("OBJFIN", (c) => {
    const b = tal(c, 0, beloeb);
    const noegler = omraadeTal(c, 1, kolonne(c, 1, noegle), true);
    const regel = valg(c, 2, afrunding, ["REST", "HVER"] as const, "REST");
    return fordelTal(b, noegler, regel).map((andel) => [endeligt(andel)]);
  });
}

/**
 * Socialtilsyn size category 1-4 from the number of places.
 * @customfunction TILSYNSKATEGORI
 * @param pladser Antal pladser.
 * @returns Kategori 1-4.
 */
export function tilsynskategori(pladser: unknown): number {
  return kald("TILSYNSKATEGORI", (c) => tilsynskategoriTal(tal(c, 0, pladser)));
}

/**
 * The four category tilsynstakster (× andel), in the orientation of antal.
 * @customfunction TILSYNSTAKST
 * @param finansieringsbehov Finansieringsbehovet.
 * @param antal Antal tilbud i kategori 1-4.
 * @param [vaegte] Vægte (standard 1; 1,2; 2; 3) eller et regelsæts id.
 * @param [andel] Andel af årstaksten (0,1 skærpet pr. måned).
 * @returns Fire takster.
 */
export function tilsynstakst(finansieringsbehov: unknown, antal: any[][], vaegte: any[][] = UDELADT_OMRAADE, andel: unknown = null): number[][] { // eslint-disable-line @typescript-eslint/no-explicit-any -- any[][]: matrix parameters to the generator
  return kald("TILSYNSTAKST", (c) => {
    const behov = tal(c, 0, finansieringsbehov);
    const { m, retning } = celleraekke(c, 1, antal, 4);
    const counts = omraadeTal(c, 1, m, true);
    const a = valgfritTal(c, 3, andel);
    const takster = tilsynstaksterTal(behov, counts, tilsynVaegte(c, 2, vaegte), a).map(endeligt);
    return retning === "raekke" ? [takster] : takster.map((t) => [t]);
  });
}

/**
 * Objective funding per foster family, truncated as published.
 * @customfunction OFPLEJEFAMILIE
 * @param behov Plejefamilieområdets behov.
 * @param plejefamilier Antal plejefamilier.
 * @param [nygodkendelser] Antal nygodkendelser (standard 0).
 * @returns Beløbet pr. plejefamilie i hele kroner.
 */
export function ofplejefamilie(behov: unknown, plejefamilier: unknown, nygodkendelser: unknown = null): number {
  return kald("OFPLEJEFAMILIE", (c) => endeligt(ofPrPlejefamilieTal(tal(c, 0, behov), tal(c, 1, plejefamilier), valgfritTal(c, 2, nygodkendelser))));
}

/**
 * Straight-line depreciation charged in the takst year; buildings and the aktiveringsgrænse follow the ruleset.
 * @customfunction AFSKRIVNING
 * @param anskaffelsessum Anskaffelsessummen.
 * @param levetid Levetid i år (tom for en bygning: regelsættets).
 * @param startaar Året aktivet blev taget i brug.
 * @param takstaar Takståret.
 * @param [art] "BYGNING" eller "ANDET".
 * @param [regelsaet] Regelsættets id.
 * @returns Afskrivningen i hele kroner.
 */
export function afskrivning(anskaffelsessum: unknown, levetid: unknown, startaar: unknown, takstaar: unknown, art: unknown = null, regelsaet: unknown = null): number {
  return kald("AFSKRIVNING", (c) => {
    const sum = tal(c, 0, anskaffelsessum);
    const aarArt = valg(c, 4, art, ["BYGNING", "ANDET"] as const, "ANDET");
    const r = valgfritRegelsaet(c, 5, regelsaet);
    const bygningLevetid = regelsaetTal(r, "bygningLevetid");
    // A blank levetid is allowed only where the ruleset gives a building life.
    const l = aarArt === "BYGNING" && bygningLevetid !== undefined ? valgfritTal(c, 1, levetid) : tal(c, 1, levetid);
    const start = tal(c, 2, startaar);
    const aar = tal(c, 3, takstaar);
    const regler: AfskrivningsRegler = { art: aarArt };
    if (bygningLevetid !== undefined) regler.bygningLevetid = bygningLevetid;
    const bygningStartAar = regelsaetTal(r, "bygningStartAar");
    if (bygningStartAar !== undefined) regler.bygningStartAar = bygningStartAar;
    const aktiveringsgraense = regelsaetTal(r, "aktiveringsgraense");
    if (aktiveringsgraense !== undefined) regler.aktiveringsgraense = aktiveringsgraense;
    return endeligt(afskrivningTal(sum, l, start, aar, regler));
  });
}

/**
 * Interest = vaerdi × rentesats; with a ruleset, a rate above its cap is refused.
 * @customfunction FORRENTNING
 * @param vaerdi Værdien pr. 1. januar.
 * @param rentesats Rentesatsen som brøk.
 * @param [regelsaet] Regelsættets id.
 * @returns Forrentningen i hele kroner.
 */
export function forrentning(vaerdi: unknown, rentesats: unknown, regelsaet: unknown = null): number {
  return kald("FORRENTNING", (c) => {
    const v = tal(c, 0, vaerdi);
    const r = tal(c, 1, rentesats);
    const loft = regelsaetTal(valgfritRegelsaet(c, 2, regelsaet), "renteLoft");
    return endeligt(forrentningTal(v, r, loft));
  });
}

/**
 * Average occupancy of the last two years.
 * @customfunction BELAEGNING
 * @param aarMinus2 Belægning for to år siden.
 * @param aarMinus1 Belægning sidste år.
 * @returns Gennemsnittet som brøk.
 */
export function belaegning(aarMinus2: unknown, aarMinus1: unknown): number {
  return kald("BELAEGNING", (c) => endeligt(gennemsnitligBelaegningTal(tal(c, 0, aarMinus2), tal(c, 1, aarMinus1))));
}

/**
 * PL adjustment: beloeb × (1 + plpct) in whole kroner.
 * @customfunction PLREG
 * @param beloeb Beløbet.
 * @param plpct PL-procenten som brøk.
 * @returns Det regulerede beløb.
 */
export function plreg(beloeb: unknown, plpct: unknown): number {
  return kald("PLREG", (c) => endeligt(plReguleringTal(tal(c, 0, beloeb), tal(c, 1, plpct))));
}

/**
 * Real takstudvikling as a fraction.
 * @customfunction TAKSTUDVIKLING
 * @param nytakst Den nye takst.
 * @param sidsteaarstakst Sidste års takst.
 * @param plpct PL-procenten som brøk.
 * @returns Udviklingen som brøk.
 */
export function takstudvikling(nytakst: unknown, sidsteaarstakst: unknown, plpct: unknown): number {
  return kald("TAKSTUDVIKLING", (c) => endeligt(takstudviklingBroekTal(tal(c, 0, nytakst), tal(c, 1, sidsteaarstakst), tal(c, 2, plpct))));
}

/**
 * Provision for uninsured tjenestemandspension; without sats, the ruleset's sats.
 * @customfunction TJMPENSION
 * @param pensionsgivendeloen Pensionsgivende løn.
 * @param [sats] Satsen som brøk.
 * @param [regelsaet] Regelsættets id.
 * @returns Hensættelsen i hele kroner.
 */
export function tjmpension(pensionsgivendeloen: unknown, sats: unknown = null, regelsaet: unknown = null): number {
  return kald("TJMPENSION", (c) => {
    const loen = tal(c, 0, pensionsgivendeloen);
    const givet = valgfritTal(c, 1, sats);
    const r = valgfritRegelsaet(c, 2, regelsaet);
    const s = givet ?? regelsaetTal(r, "tjenestemandspensionSats");
    if (s === undefined) {
      const p = funktion("TJMPENSION").parametre[1]!;
      throw new ArgumentFejl(p, r ? `mangler, og ${r.id} angiver ingen sats` : "mangler, og der er intet regelsæt at tage satsen fra", "en sats fra 0 % til 100 %, eller et regelsæt med en tjenestemandspensionssats, fx SYD-2018");
    }
    return endeligt(tjenestemandspensionTal(loen, s));
  });
}

/**
 * One row per ydelse: basistakst, servicetakst and takst; a blank pladser row gives empty cells.
 * @customfunction TAKSTSTRUKTUR
 * @param basisgrundlag Basisgrundlaget i kr.
 * @param servicegrundlag Servicegrundlaget i kr.
 * @param pladser Pladser pr. ydelse (én kolonne).
 * @param belaegning Belægning pr. ydelse som brøk (én kolonne).
 * @param [ressource] Ressource pr. ydelse (én kolonne; tom = 1).
 * @param [dage] Dage i takståret (standard 365).
 * @returns Basistakst, servicetakst og takst pr. ydelse.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- any[][]: matrix parameters and result to the generator */
export function takststruktur(
  basisgrundlag: unknown,
  servicegrundlag: unknown,
  pladser: any[][],
  belaegning: any[][],
  ressource: any[][] = UDELADT_OMRAADE,
  dage: unknown = null,
): any[][] {
  /* eslint-enable @typescript-eslint/no-explicit-any */
  return kald("TAKSTSTRUKTUR", (c) => {
    const basis = tal(c, 0, basisgrundlag);
    const service = tal(c, 1, servicegrundlag);
    const p = kolonne(c, 2, pladser);
    const b = kolonneMedHoejde(c, 3, belaegning, p.length, "pladser");
    const r = ressource === null || ressource === undefined || (ressource as unknown) === "" ? undefined : kolonneMedHoejde(c, 4, ressource, p.length, "pladser");
    const d = valgfritTal(c, 5, dage);
    // A blank pladser row is no ydelse: its belaegning and ressource cells are not read.
    const ydelser = p.map((_, i) => {
      const pl = kolonneCelle(c, 2, p, i);
      if (pl === null) return { pladser: null, belaegning: null, ressource: null };
      return { pladser: pl, belaegning: kolonneCelle(c, 3, b, i), ressource: r ? kolonneCelle(c, 4, r, i) : null };
    });
    // Kept only now: a row the engine names in a message was read above (its pladser is not blank).
    huskKolonne(c, 2, p);
    huskKolonne(c, 3, b);
    if (r) huskKolonne(c, 4, r);
    return takststrukturTal(basis, service, ydelser, d ?? STANDARD_DAGE).raekker.map((y) => (y ? [endeligt(y.basistakst), endeligt(y.servicetakst), endeligt(y.takst)] : ["", "", ""]));
  });
}

/**
 * Bilag 17 closure of a unit: videreføres år +1; afregnes ved lukningen; efterreguleres år +2 (kommune) or dækkes af andre enheder (region).
 * @customfunction LUKNING
 * @param resultat Den økonomiske enheds akkumulerede resultat.
 * @param enhedsbudget Den lukkede enheds budget.
 * @param samletbudget Den økonomiske enheds samlede budget.
 * @param [driftsherre] "kommune" eller "region".
 * @param [graense] Grænsen som brøk (standard 0,05).
 * @returns Én række med tre dele.
 */
export function lukning(resultat: unknown, enhedsbudget: unknown, samletbudget: unknown, driftsherre: unknown = null, graense: unknown = null): number[][] {
  return kald("LUKNING", (c) => {
    const r = tal(c, 0, resultat);
    const e = tal(c, 1, enhedsbudget);
    const s = tal(c, 2, samletbudget);
    const herre = navn(c, 3, driftsherre, ["kommune", "region"] as const, "kommune");
    const l = lukningTal(r, e, s, herre, valgfritTal(c, 4, graense));
    return [[endeligt(l.viderefoeresAarPlus1), endeligt(l.afregnesVedLukningen), endeligt(l.resten)]];
  });
}

/**
 * A closed economic unit's resultat spread over the other units by budget, then the 5 % test per unit.
 * @customfunction LUKNING.FORDEL
 * @param resultat Den lukkede enheds akkumulerede resultat.
 * @param budgetter De øvrige enheders budgetter (én kolonne).
 * @param resultater De øvrige enheders akkumulerede resultater (én kolonne).
 * @param [graense] Grænsen som brøk (standard 0,05).
 * @returns Andel, resultat efter fordeling og efterregulering år +2 pr. enhed.
 */
export function lukningFordel(resultat: unknown, budgetter: any[][], resultater: any[][], graense: unknown = null): number[][] { // eslint-disable-line @typescript-eslint/no-explicit-any -- any[][]: matrix parameters to the generator
  return kald("LUKNING.FORDEL", (c) => {
    const r = tal(c, 0, resultat);
    const b = omraadeTal(c, 1, kolonne(c, 1, budgetter), false);
    const egne = omraadeTal(c, 2, kolonneMedHoejde(c, 2, resultater, b.length, "budgetter"), true);
    const g = valgfritTal(c, 3, graense);
    return lukningFordelTal(r, b, egne, g).map((m) => [endeligt(m.andel), endeligt(m.resultatEfterFordeling), endeligt(m.efterreguleresAarPlus2)]);
  });
}

/**
 * Takeover: the offer's budget share of the whole resultat follows it; the rest stays.
 * @customfunction OVERTAGELSE
 * @param resultat Den økonomiske enheds akkumulerede resultat.
 * @param enhedsbudget Det overtagne tilbuds budget.
 * @param samletbudget Den økonomiske enheds samlede budget.
 * @returns Én række: følger med tilbuddet; bliver i enheden.
 */
export function overtagelse(resultat: unknown, enhedsbudget: unknown, samletbudget: unknown): number[][] {
  return kald("OVERTAGELSE", (c) => {
    const o = overtagelseTal(tal(c, 0, resultat), tal(c, 1, enhedsbudget), tal(c, 2, samletbudget));
    return [[endeligt(o.foelgerMedTilbuddet), endeligt(o.bliverIEnheden)]];
  });
}

/**
 * Bilag 13: the last day paid after a notice, as an Excel date.
 * @customfunction BETALINGSPERIODE
 * @param varselsdato Dagen der varsles (opsiges).
 * @param haendelse Hændelsen, fx "botilbud" eller "§ 109".
 * @param [model] "2_maaneder" eller "loebende_maaned_plus_1".
 * @param [ophoersdato] Aftalt ophørsdato eller udskrivningsdag.
 * @param [nyborgerfra] Dagen en ny borger overtager pladsen.
 * @returns Sidste betalte dag.
 */
export function betalingsperiode(varselsdato: unknown, haendelse: unknown, model: unknown = null, ophoersdato: unknown = null, nyborgerfra: unknown = null): number {
  return kald("BETALINGSPERIODE", (c) => {
    const varsel = dato(c, 0, varselsdato);
    const h = navn(c, 1, haendelse, HAENDELSER);
    const m = navn(c, 2, model, BOTILBUD_MODELLER, "2_maaneder");
    return motorBetalingsperiode(varsel, h, { model: m, ophoersdato: valgfriDato(c, 3, ophoersdato), nyBorgerFra: valgfriDato(c, 4, nyborgerfra) });
  });
}

/**
 * takst × days from fra to til, both included.
 * @customfunction BETALING
 * @param takst Taksten pr. dag.
 * @param fra Første betalte dag.
 * @param til Sidste betalte dag.
 * @returns Betalingen i kr.
 */
export function betaling(takst: unknown, fra: unknown, til: unknown): number {
  return kald("BETALING", (c) => endeligt(betalingTal(tal(c, 0, takst), dato(c, 1, fra), dato(c, 2, til))));
}
