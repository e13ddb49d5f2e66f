import type { OversigtQuery } from "../../kontrakt";
import { erSaerligOpmaerksomhed } from "../../takstskema/felter";
import { celleFor, sammeYdelse, sidsteAarsTakstVist, udviklingsPl, vistMiddelUdvikling, vistUdvikling, ydelserAf } from "../../takstskema";
import { INTET_OPSLAG, type RegelsaetOpslag } from "../regelsaet/opslag";
import type { DetaljeRaekke, OversigtRaekke, VersionRaekke } from "./forespoergsler";
import type { Advarsel, DialogPost, Detalje, Fund, Mangler, Oversigt, OversigtIndberetning, Sagsstatus, Tilbagetrukken, TilbudsUdvikling, ValideretMod } from "./typer";

export function tal(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

const tekst = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

/** The submitted takst, else the recomputed one (as the export does). */
function takstAf(indsendt: unknown, beregnet: unknown): number | null {
  return tal(indsendt) ?? tal(beregnet);
}

/**
 * The findings that concern one ydelse: those on its own row of the Ydelser table, and those
 * on the rest of the skema (which concern every ydelse); not those on another ydelse's row.
 * The row is the finding's own (fundSchema's row), which outlives a move of the table; a
 * finding stored before it had one is placed by its cell in today's layout.
 */
function forYdelse(findings: unknown[] | null, raekke: number | null): unknown[] {
  return (findings ?? []).filter((f) => {
    const felt = erFund(f) ? String(f.field ?? "") : "";
    if (!felt.startsWith("TS_Ydelser_") || raekke === null) return true;
    const row = (f as Fund).row;
    if (typeof row === "number") return row === raekke;
    return String((f as Fund).cell) === celleFor(felt, raekke);
  });
}

/** localeCompare(…, "da") looks the collator up on every call; 10,000 tilbud sort hundreds of thousands of times. */
const kollator = new Intl.Collator("da").compare;
const dansk = (a: string, b: string): number => (a === b ? 0 : kollator(a, b));

function erFund(f: unknown): f is Fund {
  return !!f && typeof f === "object" && typeof (f as Fund).code === "string" && typeof (f as Fund).severity === "string";
}

function advarsler(findings: unknown[] | null): Advarsel[] {
  return (findings ?? [])
    .filter(erFund)
    .filter((f) => f.severity === "warning")
    .map((f) => ({ code: f.code, field: String(f.field ?? ""), cell: String(f.cell ?? ""), message: String(f.message ?? "") }));
}

/** A row's grouping fields as the overview shows and filters them. */
export function gruppeAf(r: Pick<OversigtRaekke, "gruppe">): { ledelsesomraade: string | null; maalgruppekategori: string | null; saerligOpmaerksomhed: boolean } {
  const [ledelsesomraade, maalgruppekategori, saerlig] = r.gruppe ?? [null, null, null];
  return { ledelsesomraade: tekst(ledelsesomraade), maalgruppekategori: tekst(maalgruppekategori), saerligOpmaerksomhed: erSaerligOpmaerksomhed(saerlig) };
}

/**
 * The rows of the groups asked for (GET /api/v1/oversigt?ledelsesomraade=…&maalgruppekategori=…
 * &saerligOpmaerksomhed=ja|nej): names compared as sammeYdelse does (case, spaces). A takst
 * missing this year is judged by last year's grouping, the only one it has.
 */
export function iGruppe(raekker: readonly OversigtRaekke[], q: Omit<OversigtQuery, "takstaar">): OversigtRaekke[] {
  if (q.ledelsesomraade === undefined && q.maalgruppekategori === undefined && q.saerligOpmaerksomhed === undefined) return [...raekker];
  return raekker.filter((r) => {
    const g = gruppeAf(r);
    if (q.ledelsesomraade !== undefined && !sammeYdelse(g.ledelsesomraade ?? "", q.ledelsesomraade)) return false;
    if (q.maalgruppekategori !== undefined && !sammeYdelse(g.maalgruppekategori ?? "", q.maalgruppekategori)) return false;
    return q.saerligOpmaerksomhed === undefined || g.saerligOpmaerksomhed === (q.saerligOpmaerksomhed === "ja");
  });
}

/**
 * Turns the rows of oversigtRaekker into the overview: status, takstudvikling, outliers, missing.
 * `regelsaet` finds each submission's ruleset, whose plSats the takstudvikling uses (udviklingsPl).
 */
export function lavOversigt(
  takstaar: number | null,
  takstaarListe: number[],
  raekker: readonly OversigtRaekke[],
  bruger: Oversigt["bruger"] = { rolle: "sekretariat", driftsherre: null },
  regelsaet: RegelsaetOpslag = INTET_OPSLAG,
): Oversigt {
  const indberetninger: OversigtIndberetning[] = [];
  const tilbagetrukne: Tilbagetrukken[] = [];
  const pr_tilbud = new Map<string, { driftsherre: string; tilbud: string; par: { ny: number; sidste: number; pl: number }[] }>();
  const manglende = new Map<string, Mangler>();
  const aktiveDriftsherrer = new Set<string>();

  for (const r of raekker) {
    const trukket = r.id !== null && r.status === "tilbagetrukket";
    if (trukket) tilbagetrukne.push({ id: r.id!, driftsherre: r.driftsherre, tilbud: r.tilbud, ydelse: r.ydelse, version: Number(r.version), nummer: r.nummer ?? null });
    // A withdrawn takst is listed as withdrawn (above), not as "ophørt eller glemt?".
    if (trukket) continue;
    // Missing: last year's takst with no submission this year.
    if (r.id === null) {
      if (!r.har_sidste) continue;
      const m = manglende.get(r.driftsherre) ?? { driftsherre: r.driftsherre, helDriftsherre: true, takster: [] };
      m.takster.push({ tilbud: r.tilbud, ydelse: r.ydelse, takst: tal(r.sidste_takst) });
      manglende.set(r.driftsherre, m);
      continue;
    }
    aktiveDriftsherrer.add(r.driftsherre);
    const takst = tal(r.takst);
    const { takst: sidste, oplyst } = sidsteAarsTakstVist(r.har_sidste ? tal(r.sidste_takst) : null, tal(r.oplyst_sidste));
    const { pl } = udviklingsPl(regelsaet(r.regelsaet_id, r.regelsaet_version), tal(r.pl), takstaar);
    const udv = vistUdvikling(takst, sidste, pl);
    const udsving = udv !== null && udv.udsving;
    const adv = advarsler(forYdelse(r.findings, tal(r.raekke)));
    indberetninger.push({
      id: r.id,
      driftsherre: r.driftsherre,
      tilbud: r.tilbud,
      ydelse: r.ydelse,
      version: Number(r.version),
      antalVersioner: Number(r.antal_versioner ?? 1),
      modtaget: iso(r.modtaget ?? new Date(0)),
      takst,
      takstenhed: tekst(r.takstenhed),
      sidsteAarsTakst: sidste,
      sidsteAarsTakstOplyst: oplyst,
      plPct: pl,
      takstudvikling: udv === null ? null : udv.vaerdi,
      udsving,
      status: adv.length > 0 ? "advarsler" : "godkendt",
      advarsler: adv,
      valideretMod: valideretMod(r.regelsaet_id, r.regelsaet_version),
      sagsstatus: r.status ?? "modtaget",
      nummer: r.nummer ?? null,
      ...gruppeAf(r),
    });
    if (udv !== null) {
      const noegle = `${r.driftsherre}\u0000${r.tilbud}`;
      const t = pr_tilbud.get(noegle) ?? { driftsherre: r.driftsherre, tilbud: r.tilbud, par: [] };
      t.par.push({ ny: takst!, sidste: sidste!, pl: pl! });
      pr_tilbud.set(noegle, t);
    }
  }

  const mangler = [...manglende.values()].map((m) => ({ ...m, helDriftsherre: !aktiveDriftsherrer.has(m.driftsherre) }));
  // Domain §6: an average is the plain mean of like-for-like changes; new or discontinued
  // takster are left out (they have no pair).
  const tilbud: TilbudsUdvikling[] = [...pr_tilbud.values()]
    .map((t) => {
      const m = vistMiddelUdvikling(t.par)!;
      return { driftsherre: t.driftsherre, tilbud: t.tilbud, takstudvikling: m.vaerdi, udsving: m.udsving, antalYdelser: t.par.length };
    })
    .sort((a, b) => b.takstudvikling - a.takstudvikling || dansk(a.driftsherre, b.driftsherre) || dansk(a.tilbud, b.tilbud));

  // Counted per skema (one submission = one tilbud), not per ydelse: a skema with three ydelser
  // is one indberetning, one question to it is one "i dialog".
  const skemaer = new Map<string, { advarsler: boolean; udsving: boolean; sagsstatus: Sagsstatus }>();
  for (const i of indberetninger) {
    const s = skemaer.get(i.id) ?? { advarsler: false, udsving: false, sagsstatus: i.sagsstatus };
    s.advarsler ||= i.status === "advarsler";
    s.udsving ||= i.udsving;
    skemaer.set(i.id, s);
  }
  const medAdvarsler = [...skemaer.values()].filter((s) => s.advarsler).length;
  const sagsstatus: Record<Sagsstatus, number> = { modtaget: 0, i_dialog: 0, godkendt: 0, tilbagetrukket: new Set(tilbagetrukne.map((t) => t.id)).size };
  for (const s of skemaer.values()) sagsstatus[s.sagsstatus]++;
  return {
    bruger,
    takstaar,
    forrigeTakstaar: takstaar === null ? null : takstaar - 1,
    takstaarListe,
    antal: {
      indberetninger: skemaer.size,
      godkendt: skemaer.size - medAdvarsler,
      medAdvarsler,
      udsving: [...skemaer.values()].filter((s) => s.udsving).length,
      driftsherrer: aktiveDriftsherrer.size,
      manglendeDriftsherrer: mangler.filter((m) => m.helDriftsherre).length,
      manglendeTakster: mangler.reduce((n, m) => n + m.takster.length, 0),
      sagsstatus,
    },
    indberetninger,
    tilbud,
    mangler,
    tilbagetrukne,
  };
}

function valideretMod(id: string | null | undefined, version: number | null | undefined): ValideretMod | null {
  return id && version !== null && version !== undefined ? { id, version: Number(version) } : null;
}

/**
 * The detail of one submission seen from one of its ydelser (`ydelse` by name; none or unknown:
 * the first). Versions show that ydelse's takst in each version of the tilbud. Its PL is the one
 * the overview's takstudvikling uses (udviklingsPl with the ruleset `regelsaet` finds).
 */
export function lavDetalje(
  r: DetaljeRaekke,
  versioner: readonly VersionRaekke[],
  dialog: readonly (DialogPost & { version: number })[] = [],
  ydelse?: string,
  regelsaet: RegelsaetOpslag = INTET_OPSLAG,
): Detalje {
  const p = r.payload ?? {};
  const b = r.beregnet && typeof r.beregnet === "object" ? (r.beregnet as Record<string, unknown>) : {};
  const alle = ydelserAf(p, r.beregnet);
  const valgt = alle.find((y) => ydelse !== undefined && sammeYdelse(y.navn, ydelse)) ?? alle[0];
  const navn = valgt?.navn ?? r.ydelse;
  const takstI = (ydelser: unknown): number | null => ydelserAf({}, { ydelser }).find((y) => sammeYdelse(y.navn, navn))?.takst ?? null;
  return {
    id: r.id,
    driftsherre: r.driftsherre,
    tilbud: r.tilbud,
    ydelse: navn,
    takstaar: Number(r.takstaar),
    version: Number(r.version),
    nummer: r.nummer ?? null,
    status: r.status,
    modtaget: iso(r.modtaget),
    sha256: r.sha256,
    regelsaet: tekst(p.TS_Regelsaet),
    valideretMod: valideretMod(r.regelsaet_id, r.regelsaet_version),
    takst: valgt?.takst ?? takstAf(p.TS_Takst, b.takst),
    takstenhed: tekst(p.TS_Takstenhed),
    pladser: valgt?.pladser ?? null,
    belaegning: valgt?.belaegning ?? null,
    takstgrundlag: takstAf(p.TS_Takstgrundlag, b.takstgrundlag),
    sidsteAarsTakstOplyst: valgt?.sidsteAarsTakst ?? null,
    ydelser: alle.map((y) => ({ navn: y.navn, pladser: y.pladser, belaegning: y.belaegning, basistakst: y.basistakst, servicetakst: y.servicetakst, takst: y.takst, sidsteAarsTakst: y.sidsteAarsTakst })),
    plPct: udviklingsPl(regelsaet(r.regelsaet_id, r.regelsaet_version), tal(p.TS_PLPct), Number(r.takstaar)).pl,
    begrundelse: tekst(p.TS_UdviklingBegrundelse),
    findings: forYdelse(r.findings, valgt?.raekke ?? null).filter(erFund).map((f) => ({ code: f.code, severity: f.severity, field: String(f.field ?? ""), cell: String(f.cell ?? ""), message: String(f.message ?? "") })),
    sprunget: (r.sprunget ?? []).filter((s): s is { code: string; field?: string; message: string } => !!s && typeof s === "object" && typeof (s as { code?: unknown }).code === "string").map((s) => ({
      code: s.code,
      ...(typeof s.field === "string" ? { field: s.field } : {}),
      message: String(s.message ?? ""),
    })),
    erAktuel: versioner.length === 0 || Number(versioner[0]!.version) === Number(r.version),
    dialog: dialog.map((p) => ({ ...p })),
    versioner: versioner.map((v) => ({ id: v.id, version: Number(v.version), nummer: v.nummer ?? null, sagsstatus: v.status, modtaget: iso(v.modtaget), sha256: v.sha256, takst: takstI(v.ydelser), antalAdvarsler: Number(v.antal_advarsler) })),
  };
}
