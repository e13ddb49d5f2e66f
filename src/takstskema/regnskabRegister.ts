import { celleFor } from "./layout";
import { danskDato, kr } from "./regel";
import type { Fund } from "./resultat";
import { sammeYdelse } from "./sidsteAar";

/** A period of a takst in the register (product.md §5.1): YYYY-MM-DD, `gyldigTil` null while open. */
export interface RegisterPeriode {
  navn: string;
  takst: number | null;
  gyldigFra: string;
  gyldigTil: string | null;
}

/** TS_A1Kilde = "regnskab": A1 is the revenue from the accounts (intern afregning), so the rows' takster are not the register's to judge. */
export function a1FraRegnskab(kilde: unknown): boolean {
  return typeof kilde === "string" && kilde.trim().toLocaleLowerCase("da-DK") === "regnskab";
}

/** The same takst to the øre (the register keeps the takst as published). */
const sammeTakst = (a: number, b: number) => Math.abs(a - b) < 0.005;

interface Raekke {
  i: number;
  navn: string;
  takst: number;
  fra: string;
  /** The first day after the row's period. */
  efter: string;
}

/**
 * The regnskab's rows as periods of year N: a row runs from its gyldig-fra (empty: 1 January) to the
 * day before the next row of the same ydelse begins, the last to 31 December.
 */
function raekkePerioder(vaerdier: Readonly<Record<string, unknown>>, aar: number): Raekke[] {
  const kolonne = (navn: string) => (Array.isArray(vaerdier[navn]) ? (vaerdier[navn] as unknown[]) : []);
  const navne = kolonne("TS_Ydelser_Navn");
  const takster = kolonne("TS_Ydelser_Takst");
  const fraer = kolonne("TS_Ydelser_GyldigFra");
  const raekker: Omit<Raekke, "efter">[] = [];
  navne.forEach((navn, i) => {
    const takst = takster[i];
    const fra = fraer[i];
    if (typeof navn === "string" && navn.trim() !== "" && typeof takst === "number") {
      raekker.push({ i, navn, takst, fra: typeof fra === "string" && /^\d{4}-\d{2}-\d{2}$/.test(fra) ? fra : `${aar}-01-01` });
    }
  });
  return raekker.map((r) => {
    const senere = raekker.filter((x) => sammeYdelse(x.navn, r.navn) && x.fra > r.fra).map((x) => x.fra).sort();
    return { ...r, efter: senere[0] ?? `${aar + 1}-01-01` };
  });
}

/**
 * TS201 (service): each row's takst must be a takst of that ydelse in the register for year N in
 * force at some time in the row's period (product.md §3; domain-season.md §B1: A1 is the days
 * times the takster that were published, in-year changes included). `perioder` are the register's
 * periods of the tilbud in year N. None when A1 comes from the accounts (TS_A1Kilde "regnskab").
 */
export function ts201(vaerdier: Readonly<Record<string, unknown>>, perioder: readonly RegisterPeriode[], a1Kilde: unknown): Fund[] {
  const aar = Number(vaerdier.TS_Regnskabsaar ?? vaerdier.TS_Takstaar);
  if (a1FraRegnskab(a1Kilde) || !Number.isInteger(aar)) return [];
  const fund: Fund[] = [];
  for (const r of raekkePerioder(vaerdier, aar)) {
    const ydelsens = perioder.filter((p) => sammeYdelse(p.navn, r.navn) && p.takst !== null);
    const iPerioden = ydelsens.filter((p) => p.gyldigFra < r.efter && (p.gyldigTil === null || p.gyldigTil >= r.fra));
    if (iPerioden.some((p) => sammeTakst(p.takst!, r.takst))) continue;
    const registret = ydelsens.length === 0
      ? `takstregistret har ingen takst for "${r.navn}" i ${aar}`
      : `takstregistret har ${[...new Set(iPerioden.map((p) => kr(p.takst!)))].join(" og ") || "ingen takst"} for "${r.navn}" i perioden`;
    fund.push({
      code: "TS201",
      severity: "error",
      field: "TS_Ydelser_Takst",
      cell: celleFor("TS_Ydelser_Takst", r.i),
      row: r.i,
      message: `Række ${r.i + 1}: taksten ${kr(r.takst)} fra ${danskDato(r.fra)} er ikke en offentliggjort takst; ${registret}. Brug registrets takst (eller angiv A1 fra regnskabet ved intern afregning).`,
    });
  }
  return fund;
}
