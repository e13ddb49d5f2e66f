import { z } from "zod";
import { D, type Dec, rund, tilTal } from "../engine";
import { plFaktor } from "../engine/plFaktor";
import { sammeYdelse } from "./sidsteAar";

/**
 * The takstudvikling report (issue 21; product.md §5.1; domain-season.md §B3): the secretariat's
 * comparison of year B's takster with year T's, PL-regulated to B's level (002:2519-2533). Pure:
 * the service supplies both years' takstniveauer and the years' plSats.
 */

const navn = z.string().trim().min(1).max(300);
/** One takstniveau (driftsherre, tilbud, ydelse) as published for one year. */
export const udviklingsNiveauSchema = z
  .object({
    driftsherre: navn,
    tilbud: navn,
    ydelse: navn,
    takst: z.number().finite().positive(),
    /** TS_SaerligOpmaerksomhed (004:5565-5567): left out of the report, but listed. */
    saerligOpmaerksomhed: z.boolean().default(false),
  })
  .strict();

export const udviklingsrapportInputSchema = z
  .object({
    fra: z.number().int().min(1900).max(2200),
    til: z.number().int().min(1900).max(2201),
    niveauerFra: z.array(udviklingsNiveauSchema).max(100_000),
    niveauerTil: z.array(udviklingsNiveauSchema).max(100_000),
    /** plSats per year ("2024": 0.039), from each year's ruleset; the years B+1..T are needed. */
    plSatser: z.record(z.string().regex(/^\d{4}$/), z.number().gt(-1).max(1)),
  })
  .strict()
  .refine((i) => i.til > i.fra, { path: ["til"], message: "til skal være et senere år end fra" });

export type UdviklingsNiveau = z.input<typeof udviklingsNiveauSchema>;
export type UdviklingsrapportInput = z.input<typeof udviklingsrapportInputSchema>;

/** A figure of the report: exact (a fraction), and the percent the report prints (2 decimals). */
export interface Rapporttal {
  eksakt: Dec;
  procent: number;
}

/** The one rounding of the report: percent with 2 decimals, half away from zero (002:2541-2560). */
export function rapporttal(broek: Dec): Rapporttal {
  return { eksakt: broek, procent: tilTal(rund(broek.times(100), 2)) };
}

export type UdeladtGrund = "udgaaet" | "ny" | "saerligOpmaerksomhed";
export interface Udeladt {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  grund: UdeladtGrund;
}

export interface NiveauUdvikling {
  driftsherre: string;
  tilbud: string;
  ydelse: string;
  takstFra: number;
  takstTil: number;
  /** null when the PL of a year between is missing. */
  udvikling: Rapporttal | null;
}

export interface TilbudUdvikling {
  driftsherre: string;
  tilbud: string;
  /** Levels compared. */
  n: number;
  /** The number of levels changed (002:2579-2583): its levels paired only by name. */
  nyTakstmodel: boolean;
  udvikling: Rapporttal | null;
}

export interface DriftsherreUdvikling {
  driftsherre: string;
  n: number;
  udvikling: Rapporttal | null;
}

export interface RegionUdvikling {
  /** Driftsherrer in the mean. */
  n: number;
  udvikling: Rapporttal;
  /** The mean without each driftsherre (002's "uden Frederikshavn"); empty with one driftsherre. */
  udenHver: { driftsherre: string; udvikling: Rapporttal }[];
}

export interface Udviklingsrapport {
  fra: number;
  til: number;
  /** F = Π(1 + plSats) over B+1..T, or null with the years whose PL is missing. */
  plFaktor: Dec | null;
  plMangler: number[];
  niveauer: NiveauUdvikling[];
  tilbud: TilbudUdvikling[];
  driftsherrer: DriftsherreUdvikling[];
  /** null when no level could be compared (or the PL is missing). */
  region: RegionUdvikling | null;
  udeladt: Udeladt[];
  nyTakstmodel: { driftsherre: string; tilbud: string; niveauerFra: number; niveauerTil: number }[];
}

const middel = (xs: readonly Dec[]): Dec => xs.reduce((a, x) => a.plus(x), new D(0)).div(xs.length);

/**
 * The region figure: the plain mean over driftsherrer (002:2563-2587 reproduces this), with the
 * mean without each driftsherre. Exported so the seed's printed driftsherre figures can be fed to it.
 */
export function regionUdvikling(driftsherrer: readonly { driftsherre: string; udvikling: Dec }[]): RegionUdvikling | null {
  if (driftsherrer.length === 0) return null;
  const alle = driftsherrer.map((d) => d.udvikling);
  const udenHver = driftsherrer.length < 2 ? [] : driftsherrer.map((d, i) => ({ driftsherre: d.driftsherre, udvikling: rapporttal(middel(alle.filter((_, j) => j !== i))) }));
  return { n: driftsherrer.length, udvikling: rapporttal(middel(alle)), udenHver };
}

type Niveau = z.output<typeof udviklingsNiveauSchema>;

/** Groups in first-seen order; names match as sammeYdelse compares them (case, spaces). */
function grupper<T>(xs: readonly T[], noegle: (x: T) => string): { navn: string; medlemmer: T[] }[] {
  const grupper: { navn: string; medlemmer: T[] }[] = [];
  for (const x of xs) {
    const g = grupper.find((k) => sammeYdelse(k.navn, noegle(x)));
    if (g) g.medlemmer.push(x);
    else grupper.push({ navn: noegle(x), medlemmer: [x] });
  }
  return grupper;
}

const udeladt = (n: Niveau, grund: UdeladtGrund): Udeladt => ({ driftsherre: n.driftsherre, tilbud: n.tilbud, ydelse: n.ydelse, grund });

/**
 * The report. Per level u = takst_T / (takst_B × F) − 1; a level with no partner of the same name
 * (sammeYdelse) in the other year is udgået or ny and left out but listed; a level flagged
 * særlig opmærksomhed in either year is left out and listed. Per tilbud the plain mean of its
 * levels; per driftsherre the plain mean over its levels (not over tilbud means: 002 writes
 * "Gennemsnitlig ændring i takster"); region: regionUdvikling.
 */
export function udviklingsrapport(input: UdviklingsrapportInput): Udviklingsrapport {
  const i = udviklingsrapportInputSchema.parse(input);
  const { faktor, mangler } = plFaktor(i.fra, i.til, new Map(Object.entries(i.plSatser).map(([aar, s]) => [Number(aar), s])));
  const nivFra = grupper(i.niveauerFra, (n) => `${n.driftsherre}\u0000${n.tilbud}`);
  const nivTil = grupper(i.niveauerTil, (n) => `${n.driftsherre}\u0000${n.tilbud}`);
  const rapport: Udviklingsrapport = { fra: i.fra, til: i.til, plFaktor: faktor, plMangler: mangler, niveauer: [], tilbud: [], driftsherrer: [], region: null, udeladt: [], nyTakstmodel: [] };
  const perDriftsherre: { navn: string; u: Dec[] }[] = [];
  const sammeTilbud = (a: Niveau, b: Niveau) => sammeYdelse(a.driftsherre, b.driftsherre) && sammeYdelse(a.tilbud, b.tilbud);

  for (const g of nivFra) {
    if (!nivTil.some((t) => sammeTilbud(t.medlemmer[0]!, g.medlemmer[0]!))) rapport.udeladt.push(...g.medlemmer.map((n) => udeladt(n, "udgaaet")));
  }
  for (const g of nivTil) {
    const foerste = g.medlemmer[0]!;
    const fra = nivFra.find((f) => sammeTilbud(f.medlemmer[0]!, foerste))?.medlemmer ?? [];
    const nyTakstmodel = fra.length > 0 && fra.length !== g.medlemmer.length;
    if (nyTakstmodel) rapport.nyTakstmodel.push({ driftsherre: foerste.driftsherre, tilbud: foerste.tilbud, niveauerFra: fra.length, niveauerTil: g.medlemmer.length });
    // Pairing is by name only, one to one (a ny takstmodel's levels have nothing else to pair by).
    const brugt = new Set<Niveau>();
    const u: Dec[] = [];
    let n = 0;
    for (const t of g.medlemmer) {
      const b = fra.find((f) => !brugt.has(f) && sammeYdelse(f.ydelse, t.ydelse));
      if (!b) {
        rapport.udeladt.push(udeladt(t, "ny"));
        continue;
      }
      brugt.add(b);
      if (t.saerligOpmaerksomhed || b.saerligOpmaerksomhed) {
        rapport.udeladt.push(udeladt(t, "saerligOpmaerksomhed"));
        continue;
      }
      const udv = faktor && new D(t.takst).div(new D(b.takst).times(faktor)).minus(1);
      if (udv) u.push(udv);
      n++;
      rapport.niveauer.push({ driftsherre: t.driftsherre, tilbud: t.tilbud, ydelse: t.ydelse, takstFra: b.takst, takstTil: t.takst, udvikling: udv ? rapporttal(udv) : null });
    }
    rapport.udeladt.push(...fra.filter((f) => !brugt.has(f)).map((f) => udeladt(f, "udgaaet")));
    if (fra.length === 0) continue;
    rapport.tilbud.push({ driftsherre: foerste.driftsherre, tilbud: foerste.tilbud, n, nyTakstmodel, udvikling: u.length ? rapporttal(middel(u)) : null });
    const d = perDriftsherre.find((x) => sammeYdelse(x.navn, foerste.driftsherre));
    if (d) d.u.push(...u);
    else perDriftsherre.push({ navn: foerste.driftsherre, u });
  }
  for (const d of perDriftsherre) {
    const n = rapport.tilbud.filter((t) => sammeYdelse(t.driftsherre, d.navn)).reduce((s, t) => s + t.n, 0);
    rapport.driftsherrer.push({ driftsherre: d.navn, n, udvikling: d.u.length ? rapporttal(middel(d.u)) : null });
  }
  const medTal = perDriftsherre.filter((d) => d.u.length > 0).map((d) => ({ driftsherre: d.navn, udvikling: middel(d.u) }));
  rapport.region = faktor ? regionUdvikling(medTal) : null;
  return rapport;
}
