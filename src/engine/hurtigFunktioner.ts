import { hurtigOverhead } from "./hurtig";
import { broek, decimaler, gange, GRAENSE, heltalAf, mAf, plus, plusM, rundBroek, rundKvotient, skala, type Skaleret, skaler, somTal, TI_I } from "./skaleret";
import type { AfskrivningsRegler } from "./kapital";
import type { Afrunding } from "./fordeling";
import type { Driftsherre } from "./lukning";
import { STANDARD_GRAENSE } from "./efterreg";
import { FOERSTE_DAG, SIDSTE_DAG } from "./dato";

/**
 * Exact fast paths for the remaining SOC functions (forrentning, PL-regulering, belægning,
 * takstudvikling, betaling, afskrivning, OF pr. plejefamilie, tilsynskategori and -takster,
 * fordeling, lukning, overtagelse) in scaled integers held in doubles (skaleret.ts). Each returns
 * the very number(s) `tilTal` of the decimal.js function gives, or undefined when it cannot prove
 * that (non-numbers, more than 4 decimals, beyond 1e15 scaled, a precondition the engine would
 * refuse, a case where decimal.js's 40 digits could round otherwise); the caller (talFunktioner.ts)
 * then takes decimal.js, which also owns every error.
 *
 * Why one product-then-quotient N / D (integers ≤ 1e15) rounds as decimal.js does: decimal.js
 * forms the product exactly (≤ 30 digits) and the quotient to 40 digits. An exact tie n + ½ has
 * at most 17 digits, so decimal.js holds it exactly; any other N / D lies at least 1 / (2D) from
 * every tie and every integer, far beyond a 40-digit error (≤ 5e-25 here).
 */

const NUL: Skaleret = { m: 0, k: 0 };
const EN: Skaleret = { m: 1, k: 0 };

const neg = (a: Skaleret): Skaleret => ({ m: -a.m, k: a.k });
const tal = (a: Skaleret): number => somTal(a.m, a.k);

/** Half away from zero of N / D for any sign of N (D > 0), never -0. */
function rundMedFortegn(n: number, d: number): number {
  return n < 0 ? 0 - rundKvotient(-n, d) : rundKvotient(n, d);
}

/** a × b / c (c > 0) rounded half away from zero, exactly (the comment above); undefined beyond 1e15. */
function rundProduktKvotient(am: number, ak: number, bm: number, bk: number, cm: number, ck: number): number | undefined {
  const ab = am * bm;
  const k = ak + bk;
  if (!(Math.abs(ab) <= GRAENSE && k < TI_I.length && cm > 0)) return undefined;
  const n = Math.abs(ab) * TI_I[ck]!;
  const d = cm * TI_I[k]!;
  return n <= GRAENSE && d <= GRAENSE ? rundMedFortegn(ab < 0 ? -n : n, d) : undefined;
}

/** tilTal(forrentning(vaerdi, rentesats, loft)): vaerdi × rentesats in whole kroner, rentesats within [0, 1] and the cap. */
export function hurtigForrentning(vaerdi: number, rentesats: number, loft?: number): number | undefined {
  return vaerdi >= 0 ? hurtigOverhead(vaerdi, rentesats, loft) : undefined;
}

/** tilTal(plRegulering(beloeb, pl)): beloeb × (1 + pl) in whole kroner, pl in (-1, 1]. */
export function hurtigPlRegulering(beloeb: number, pl: number): number | undefined {
  if (!(pl > -1 && pl <= 1)) return undefined;
  const b = skaler(beloeb);
  const l = skaler(pl);
  const faktor = l && plus(EN, l);
  const p = b && faktor && gange(b, faktor);
  return p ? somTal(rundBroek(p.m, p.k), 0) : undefined;
}

/** tilTal(gennemsnitligBelaegning(a2, a1)) = (a2 + a1) / 2, each in [0, 2]: at most 5 decimals, so exact. */
export function hurtigGennemsnitligBelaegning(aarMinus2: number, aarMinus1: number): number | undefined {
  if (!(aarMinus2 >= 0 && aarMinus2 <= 2 && aarMinus1 >= 0 && aarMinus1 <= 2)) return undefined;
  const a = skaler(aarMinus2);
  const b = skaler(aarMinus1);
  const s = a && b && plus(a, b);
  if (!s) return undefined;
  // Halve: an even m stays on its scale, an odd one moves one decimal down (× 5 / 10).
  return s.m % 2 === 0 ? somTal(s.m / 2, s.k) : somTal(s.m * 5, s.k + 1);
}

/**
 * tilTal(takstudvikling(ny, sidste, pl)) = ny / (sidste × (1 + pl)) − 1, unrounded. With n / d =
 * ny / (sidste × (1 + pl)) in integers ≤ 1e15 the value is (n − d) / d, and the IEEE division
 * gives the double nearest it. decimal.js rounds n / d to 40 digits before subtracting 1, an
 * error of up to 5e-40 × n / d: relative to (n − d) / d at most 5e-34 when |n − d| ≥ |n| / 1e6
 * (checked), while (n − d) / d, a fraction with denominator ≤ 1e15, lies a relative 5e-32 or
 * more from every midpoint between two doubles. A change nearer 0 than that goes to decimal.js.
 */
export function hurtigTakstudvikling(ny: number, sidste: number, pl: number): number | undefined {
  if (!(sidste > 0) || !(pl > -1 && pl <= 1)) return undefined;
  const t = skaler(ny);
  const g = skaler(sidste);
  const l = skaler(pl);
  const faktor = l && plus(EN, l);
  const naevner = g && faktor && gange(g, faktor);
  if (!t || !naevner) return undefined;
  const n = t.m * TI_I[naevner.k]!;
  const d = naevner.m * TI_I[t.k]!;
  if (!(Math.abs(n) <= GRAENSE && d > 0 && d <= GRAENSE)) return undefined;
  const forskel = n - d;
  if (forskel === 0) return 0;
  if (!(Math.abs(forskel) * 1e6 >= Math.abs(n))) return undefined;
  return forskel / d;
}

/** The day number dato(...) gives for a date argument in range (a number's floor), or undefined. */
function dag(d: number): number | undefined {
  return d >= FOERSTE_DAG && d <= SIDSTE_DAG ? Math.floor(d) : undefined;
}

/** tilTal(betaling(takst, fra, til)) = takst × (til − fra + 1) for dates in the supported range. */
export function hurtigBetaling(takst: number, fra: number, til: number): number | undefined {
  const f = dag(fra);
  const t = dag(til);
  if (f === undefined || t === undefined || t < f) return undefined;
  const s = skaler(takst);
  const p = s && gange(s, { m: t - f + 1, k: 0 });
  return p ? tal(p) : undefined;
}

const heltalI = (x: number | undefined, min: number, max: number): x is number => typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;

/** tilTal(afskrivning(...)): the same checks as the engine in doubles (it throws where this hands over), then sum / levetid rounded. */
export function hurtigAfskrivning(anskaffelsessum: number, levetid: number | undefined, startaar: number, takstaar: number, regler: AfskrivningsRegler): number | undefined {
  if (!(anskaffelsessum >= 0 && anskaffelsessum < Infinity)) return undefined;
  const bygning = regler.art === "BYGNING";
  const aar = levetid ?? (bygning ? regler.bygningLevetid : undefined);
  if (!heltalI(aar, 1, 100) || !heltalI(startaar, 1900, 2200) || !heltalI(takstaar, 1900, 2200)) return undefined;
  if (bygning && regler.bygningLevetid !== undefined && aar !== regler.bygningLevetid) return undefined;
  if (!bygning && regler.aktiveringsgraense !== undefined && !(anskaffelsessum > regler.aktiveringsgraense && aar > 1)) return undefined;
  const start = bygning && regler.bygningStartAar !== undefined ? Math.max(startaar, regler.bygningStartAar) : startaar;
  if (takstaar < start || takstaar >= start + aar) return 0;
  const s = skaler(anskaffelsessum);
  const q = s && broek(s, { m: aar, k: 0 });
  return q ? rundKvotient(q.n, q.d) : undefined;
}

/** tilTal(ofPrPlejefamilie(behov, familier, nye)): behov / (familier + nye) truncated (behov ≥ 0). */
export function hurtigOfPrPlejefamilie(behov: number, plejefamilier: number, nygodkendelser = 0): number | undefined {
  if (!heltalI(plejefamilier, 0, 1e9) || !heltalI(nygodkendelser, 0, 1e9) || !(behov >= 0)) return undefined;
  const b = skaler(behov);
  const q = b && broek(b, { m: plejefamilier + nygodkendelser, k: 0 });
  if (!q) return undefined;
  // n / d is an integer or lies ≥ 1 / d from one: the floor of decimal.js's 40 digits is the exact floor.
  let f = Math.floor(q.n / q.d);
  if (f * q.d > q.n) f -= 1;
  else if ((f + 1) * q.d <= q.n) f += 1;
  return f + 0;
}

/** tilsynskategori(pladser) for a whole number of places 1..1e9 (the engine's heltal check in doubles). */
export function hurtigTilsynskategori(pladser: number): 1 | 2 | 3 | 4 | undefined {
  if (!heltalI(pladser, 1, 1e9)) return undefined;
  return pladser <= 7 ? 1 : pladser <= 24 ? 2 : pladser <= 49 ? 3 : 4;
}

/**
 * tilsynstakster(...).map(tilTal): each round(behov × vægt × andel / Σ(antal × vægt)). decimal.js
 * rounds the base and both products to 40 digits (three errors ≤ 1.5e-39 relative), so away from
 * an exact tie it rounds as the exact fraction (≥ 1 / (2D) from one); a tie goes to decimal.js.
 */
export function hurtigTilsynstakster(behov: number, antal: readonly number[], vaegte: readonly number[], andel = 1): number[] | undefined {
  if (antal.length !== 4 || vaegte.length !== 4 || !(behov >= 0) || !(andel > 0 && andel <= 1)) return undefined;
  // The same scaled integers as skaler/gange/plus, in locals and a module scratch (no object per value).
  const kb = decimaler(behov);
  const ka = decimaler(andel);
  if (kb < 0 || ka < 0) return undefined;
  const mb = heltalAf(behov, kb);
  const ma = heltalAf(andel, ka);
  // Σ antal × vægt at the largest of the weights' scales.
  let kv = 0;
  for (let i = 0; i < 4; i++) {
    const w = vaegte[i]!;
    const k = w > 0 ? decimaler(w) : -1;
    if (k < 0 || !heltalI(antal[i], 0, 1e9)) return undefined;
    VAEGT_K[i] = k;
    VAEGT_M[i] = heltalAf(w, k);
    if (k > kv) kv = k;
  }
  let vaegtet = 0;
  for (let i = 0; i < 4; i++) {
    const led = antal[i]! * VAEGT_M[i]! * TI_I[kv - VAEGT_K[i]!]!;
    vaegtet += led;
    if (!(led <= GRAENSE && vaegtet <= GRAENSE)) return undefined;
  }
  if (vaegtet === 0) return undefined;
  const ud: number[] = [];
  for (let i = 0; i < 4; i++) {
    // behov × vægt × andel / vaegtet as n / d over integers ≤ 1e15.
    const bw = mb * VAEGT_M[i]!;
    const t = bw * ma;
    const kt = kb + VAEGT_K[i]! + ka;
    if (!(bw <= GRAENSE && t <= GRAENSE && kt < TI_I.length)) return undefined;
    const n = t * TI_I[kv]!;
    const d = vaegtet * TI_I[kt]!;
    if (!(n <= GRAENSE && d <= GRAENSE)) return undefined;
    const r = rundKvotient(n, d);
    if (2 * (n - (r - 1) * d) === d) return undefined; // exactly n + ½: decimal.js's 40-digit base may fall either side
    ud.push(r);
  }
  return ud;
}

/** Scratch for hurtigTilsynstakster's four weights as scaled integers m / 10^k. */
const VAEGT_M = [0, 0, 0, 0];
const VAEGT_K = [0, 0, 0, 0];

/**
 * fordel(beloeb, noegle, afrunding).map(tilTal). Every share is beloeb × nøgle / Σ nøgle over a
 * common scale (one quotient N_i / D). "HVER" rounds each (exact, the comment at the top);
 * "REST" floors each and hands the missing kroner to the largest remainders, ties to the first
 * row. decimal.js orders remainders as the exact ones, except equal non-zero ones, whose 40-digit
 * forms differ with the share's integer digits: where such a tie straddles the last krone handed
 * out, this goes to decimal.js.
 */
export function hurtigFordel(beloeb: number, noegle: readonly number[], afrunding: Afrunding = "REST"): number[] | undefined {
  if (noegle.length === 0 || !Number.isFinite(beloeb)) return undefined;
  if (afrunding === "REST" && !Number.isInteger(beloeb)) return undefined;
  const t = skaler(Math.abs(beloeb));
  if (!t) return undefined;
  const keys: Skaleret[] = [];
  let k = 0;
  for (const x of noegle) {
    const s = x >= 0 ? skaler(x) : undefined;
    if (!s) return undefined;
    keys.push(s);
    if (s.k > k) k = s.k;
  }
  let sum = 0;
  const taellere: number[] = [];
  for (const s of keys) {
    const m = s.m * TI_I[k - s.k]!;
    sum += m;
    taellere.push(t.m * m);
  }
  const d = sum * TI_I[t.k]!;
  if (!(sum > 0 && sum <= GRAENSE && d <= GRAENSE)) return undefined;
  for (const n of taellere) if (!(n <= GRAENSE)) return undefined;
  const fortegn = beloeb < 0 ? -1 : 1;
  if (afrunding === "HVER") return taellere.map((n) => fortegn * rundKvotient(n, d) + 0);
  const gulve: number[] = [];
  const rester: number[] = [];
  let mangler = Math.abs(beloeb);
  for (const n of taellere) {
    let f = Math.floor(n / d);
    if (f * d > n) f -= 1;
    else if ((f + 1) * d <= n) f += 1;
    gulve.push(f);
    rester.push(n - f * d);
    mangler -= f;
  }
  const orden = rester.map((_, i) => i).sort((a, b) => rester[b]! - rester[a]! || a - b);
  if (mangler > 0 && mangler < orden.length) {
    const sidst = rester[orden[mangler - 1]!]!;
    if (sidst !== 0 && sidst === rester[orden[mangler]!]) return undefined;
  }
  for (let i = 0; i < mangler; i++) gulve[orden[i]!]! += 1;
  return gulve.map((g) => fortegn * g + 0);
}

/** udOverGraense: the part of r beyond ±budget × graense (0 inside), exactly; undefined beyond 1e15. */
function udOver(r: Skaleret, budget: Skaleret, graense: Skaleret): Skaleret | undefined {
  const baand = gange(budget, graense);
  if (!baand) return undefined;
  const over = plus(r, neg(baand));
  const under = plus(r, baand);
  if (!over || !under) return undefined;
  if (over.m > 0) return over;
  if (under.m < 0) return under;
  return NUL;
}

function graenseSkaleret(graense: number): Skaleret | undefined {
  return graense >= 0 && graense <= 1 ? skaler(graense) : undefined;
}

export interface LukningTal {
  viderefoeresAarPlus1: number;
  afregnesVedLukningen: number;
  resten: number;
}

/** Scratch: resultat, enhedsbudget and samletBudget as m / 10^k (LUKNING and OVERTAGELSE read the same three). */
const DELE = { mr: 0, kr: 0, me: 0, ke: 0, ms: 0, ks: 0 };

/** Reads the three into DELE; false where the engine refuses them (0 ≤ enhedsbudget ≤ samletBudget, samletBudget > 0) or they leave the exact range. */
function laesDele(resultat: number, enhedsbudget: number, samletBudget: number): boolean {
  if (!(samletBudget > 0 && enhedsbudget >= 0 && enhedsbudget <= samletBudget)) return false;
  DELE.mr = mAf(resultat);
  DELE.kr = skala.k;
  DELE.me = mAf(enhedsbudget);
  DELE.ke = skala.k;
  DELE.ms = mAf(samletBudget);
  DELE.ks = skala.k;
  return !Number.isNaN(DELE.mr) && !Number.isNaN(DELE.me) && !Number.isNaN(DELE.ms);
}

/** lukning(...) through tilTal: resultat's three parts (Bilag 17). */
export function hurtigLukning(resultat: number, enhedsbudget: number, samletBudget: number, driftsherre: Driftsherre = "kommune", graense: number = STANDARD_GRAENSE): LukningTal | undefined {
  if (!(graense >= 0 && graense <= 1) || !laesDele(resultat, enhedsbudget, samletBudget)) return undefined;
  const { mr, kr, me, ke, ms, ks } = DELE;
  const mg = mAf(graense);
  const kg = skala.k;
  if (Number.isNaN(mg)) return undefined;
  // udOver: the part of r beyond ±samletBudget × graense (0 inside).
  const baand = ms * mg;
  const kb = ks + kg;
  if (!(baand <= GRAENSE && kb < TI_I.length)) return undefined;
  const over = plusM(mr, kr, -baand, kb);
  const under = plusM(mr, kr, baand, kb);
  const k = skala.k;
  if (Number.isNaN(over) || Number.isNaN(under)) return undefined;
  const mo = over > 0 ? over : under < 0 ? under : 0;
  const ko = over > 0 || under < 0 ? k : 0;
  const videre = plusM(mr, kr, -mo, ko);
  const kv = skala.k;
  if (Number.isNaN(videre)) return undefined;
  if (driftsherre === "region") return { viderefoeresAarPlus1: somTal(videre, kv), afregnesVedLukningen: 0, resten: somTal(mo, ko) };
  const ekstra = rundProduktKvotient(mo, ko, me, ke, ms, ks);
  const rest = ekstra !== undefined ? plusM(mo, ko, -ekstra, 0) : NaN;
  return Number.isNaN(rest) ? undefined : { viderefoeresAarPlus1: somTal(videre, kv), afregnesVedLukningen: ekstra! + 0, resten: somTal(rest, skala.k) };
}

/** overtagelseDele(...) through tilTal: the budget share of resultat that follows the offer, and the rest. */
export function hurtigOvertagelse(resultat: number, enhedsbudget: number, samletBudget: number): { foelgerMedTilbuddet: number; bliverIEnheden: number } | undefined {
  if (!laesDele(resultat, enhedsbudget, samletBudget)) return undefined;
  const { mr, kr, me, ke, ms, ks } = DELE;
  const foelger = rundProduktKvotient(mr, kr, me, ke, ms, ks);
  const bliver = foelger !== undefined ? plusM(mr, kr, -foelger, 0) : NaN;
  return Number.isNaN(bliver) ? undefined : { foelgerMedTilbuddet: foelger! + 0, bliverIEnheden: somTal(bliver, skala.k) };
}

export interface ModtagerTal {
  andel: number;
  resultatEfterFordeling: number;
  efterreguleresAarPlus2: number;
}

/** lukningFordel(...) through tilTal: the REST spread by budget, then the part beyond each unit's limit. */
export function hurtigLukningFordel(resultat: number, budgetter: readonly number[], resultater: readonly number[], graense: number = STANDARD_GRAENSE): ModtagerTal[] | undefined {
  if (resultater.length !== budgetter.length) return undefined;
  const g = graenseSkaleret(graense);
  const andele = g && hurtigFordel(resultat, budgetter, "REST");
  if (!andele) return undefined;
  const ud: ModtagerTal[] = [];
  for (let i = 0; i < andele.length; i++) {
    const egen = skaler(resultater[i]);
    const b = skaler(budgetter[i]);
    const efter = egen && plus(egen, { m: andele[i]!, k: 0 });
    const over = efter && b && udOver(efter, b, g);
    if (!over) return undefined;
    ud.push({ andel: andele[i]!, resultatEfterFordeling: tal(efter), efterreguleresAarPlus2: tal(over) });
  }
  return ud;
}
