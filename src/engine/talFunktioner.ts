import { tilTal } from "./decimal";
import { betaling } from "./betalingsperiode";
import { gennemsnitligBelaegning } from "./belaegning";
import { type Afrunding, fordel } from "./fordeling";
import {
  hurtigAfskrivning,
  hurtigBetaling,
  hurtigFordel,
  hurtigForrentning,
  hurtigGennemsnitligBelaegning,
  hurtigLukning,
  hurtigLukningFordel,
  hurtigOfPrPlejefamilie,
  hurtigOvertagelse,
  hurtigPlRegulering,
  hurtigTakstudvikling,
  hurtigTilsynskategori,
  hurtigTilsynstakster,
  type LukningTal,
  type ModtagerTal,
} from "./hurtigFunktioner";
import { afskrivning, type AfskrivningsRegler, forrentning } from "./kapital";
import { type Driftsherre, lukning, lukningFordel, overtagelseDele } from "./lukning";
import { plRegulering, takstudvikling } from "./prisniveau";
import { genvejeTil } from "./tal";
import { ofPrPlejefamilie, tilsynskategori, tilsynstakster } from "./tilsyn";

/**
 * The remaining SOC functions' doors for callers that want plain numbers (the Excel functions):
 * as in tal.ts, each tries the exact double fast path (hurtigFunktioner.ts) and otherwise
 * computes with decimal.js, which also owns every error.
 */

/** FORRENTNING: vaerdi × rentesats in whole kroner; a rate above `loft` is refused. */
export function forrentningTal(vaerdi: number, rentesats: number, loft?: number): number {
  return (genvejeTil() ? hurtigForrentning(vaerdi, rentesats, loft) : undefined) ?? tilTal(forrentning(vaerdi, rentesats, loft));
}

/** PLREG: beloeb × (1 + pl) in whole kroner. */
export function plReguleringTal(beloeb: number, pl: number): number {
  return (genvejeTil() ? hurtigPlRegulering(beloeb, pl) : undefined) ?? tilTal(plRegulering(beloeb, pl));
}

/** BELAEGNING: the average of two years' occupancy. */
export function gennemsnitligBelaegningTal(aarMinus2: number, aarMinus1: number): number {
  return (genvejeTil() ? hurtigGennemsnitligBelaegning(aarMinus2, aarMinus1) : undefined) ?? tilTal(gennemsnitligBelaegning(aarMinus2, aarMinus1));
}

/** TAKSTUDVIKLING: the real change as an unrounded fraction. */
export function takstudviklingBroekTal(ny: number, sidste: number, pl: number): number {
  return (genvejeTil() ? hurtigTakstudvikling(ny, sidste, pl) : undefined) ?? tilTal(takstudvikling(ny, sidste, pl));
}

/** BETALING: takst × days from fra to til, both included. */
export function betalingTal(takst: number, fra: number, til: number): number {
  return (genvejeTil() ? hurtigBetaling(takst, fra, til) : undefined) ?? tilTal(betaling(takst, fra, til));
}

/** AFSKRIVNING in whole kroner under the ruleset's rules. */
export function afskrivningTal(anskaffelsessum: number, levetid: number | undefined, startaar: number, takstaar: number, regler: AfskrivningsRegler): number {
  return (genvejeTil() ? hurtigAfskrivning(anskaffelsessum, levetid, startaar, takstaar, regler) : undefined) ?? tilTal(afskrivning(anskaffelsessum, levetid, startaar, takstaar, regler));
}

/** OFPLEJEFAMILIE: behov per foster family, truncated. */
export function ofPrPlejefamilieTal(behov: number, plejefamilier: number, nygodkendelser?: number): number {
  return (genvejeTil() ? hurtigOfPrPlejefamilie(behov, plejefamilier, nygodkendelser) : undefined) ?? tilTal(ofPrPlejefamilie(behov, plejefamilier, nygodkendelser));
}

/** TILSYNSKATEGORI: 1-4 from the number of places. */
export function tilsynskategoriTal(pladser: number): 1 | 2 | 3 | 4 {
  return (genvejeTil() ? hurtigTilsynskategori(pladser) : undefined) ?? tilsynskategori(pladser);
}

/** The common model's weights 1 : 1,2 : 2 : 3 as numbers (TILSYN_VAEGTE reads the same). */
const STANDARD_VAEGTE = [1, 1.2, 2, 3];

/** TILSYNSTAKST: the four category takster (× andel), each rounded. */
export function tilsynstaksterTal(behov: number, antal: readonly number[], vaegte?: readonly number[], andel?: number): number[] {
  const h = genvejeTil() ? hurtigTilsynstakster(behov, antal, vaegte ?? STANDARD_VAEGTE, andel) : undefined;
  return h ?? tilsynstakster(behov, antal, vaegte, andel).map(tilTal);
}

/** OBJFIN: beloeb shared by noegle ("REST" sums exactly, "HVER" rounds each row). */
export function fordelTal(beloeb: number, noegle: readonly number[], afrunding: Afrunding): number[] {
  return (genvejeTil() ? hurtigFordel(beloeb, noegle, afrunding) : undefined) ?? fordel(beloeb, noegle, afrunding).map(tilTal);
}

/** LUKNING: resultat's three parts at a unit's closure. */
export function lukningTal(resultat: number, enhedsbudget: number, samletBudget: number, driftsherre: Driftsherre, graense?: number): LukningTal {
  const h = genvejeTil() ? hurtigLukning(resultat, enhedsbudget, samletBudget, driftsherre, graense) : undefined;
  if (h) return h;
  const l = lukning(resultat, enhedsbudget, samletBudget, driftsherre, graense);
  return { viderefoeresAarPlus1: tilTal(l.viderefoeresAarPlus1), afregnesVedLukningen: tilTal(l.afregnesVedLukningen), resten: tilTal(l.resten) };
}

/** LUKNING.FORDEL: a closed unit's resultat spread by budget, and each receiver's part beyond its limit. */
export function lukningFordelTal(resultat: number, budgetter: readonly number[], resultater: readonly number[], graense?: number): ModtagerTal[] {
  const h = genvejeTil() ? hurtigLukningFordel(resultat, budgetter, resultater, graense) : undefined;
  return h ?? lukningFordel(resultat, budgetter, resultater, graense).map((m) => ({ andel: tilTal(m.andel), resultatEfterFordeling: tilTal(m.resultatEfterFordeling), efterreguleresAarPlus2: tilTal(m.efterreguleresAarPlus2) }));
}

/** OVERTAGELSE: what follows the offer and what stays. */
export function overtagelseTal(resultat: number, enhedsbudget: number, samletBudget: number): { foelgerMedTilbuddet: number; bliverIEnheden: number } {
  const h = genvejeTil() ? hurtigOvertagelse(resultat, enhedsbudget, samletBudget) : undefined;
  if (h) return h;
  const o = overtagelseDele(resultat, enhedsbudget, samletBudget);
  return { foelgerMedTilbuddet: tilTal(o.foelgerMedTilbuddet), bliverIEnheden: tilTal(o.bliverIEnheden) };
}
