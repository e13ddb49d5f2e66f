import ExcelJS from "exceljs";
import { somJson } from "../../src/cli/valider";
import { eksportRaekker, somCsv, somXlsx } from "../../src/server/indberetninger/eksport";
import { takstoversigtCsv, takstoversigtXlsx } from "../../src/server/offentliggoerelse/filer";
import { somTakstoversigt } from "../../src/server/offentliggoerelse/raekker";
import { takstoversigtSide } from "../../src/server/offentliggoerelse/side";
import type { OversigtRaekke as TakstoversigtDbRaekke } from "../../src/server/offentliggoerelse/sql";
import { lavOversigt } from "../../src/server/oversigt/beregning";
import type { OversigtRaekke } from "../../src/server/oversigt/forespoergsler";
import { aendring } from "../../src/server/oversigt/side/format";
import type { AktuelTakst } from "../../src/server/indberetninger/sql";
import type { Sql } from "../../src/server/db";
import { regelsaetOpslag } from "../../src/server/regelsaet";
import { lavRegister, parseRegelsaet, type RegelsaetRegister } from "../../src/regelsaet";
import { validerSkema } from "../../src/takstskema";
import { eksempel, I_TIDE, REGISTER } from "../takstskema/hjaelp";

/**
 * Every view of a takstudvikling shows the same figure to the digit (issue 28): the pane's TS050
 * message and the CLI's --json (the validator), the overview (API and page), the public
 * takstoversigt page, CSV and .xlsx, and the export's CSV and .xlsx. The expected figures are
 * worked out by hand. Last year's takst is the one submitted last year where the service has it,
 * else the skema's stated figure; the pane and the CLI know only the stated one, so they take
 * part where the two agree. The PL is the plSats of the ruleset the skema names (the server
 * finds it by the submission's stored id and version), else the skema's TS_PLPct, else none
 * (issue 21): then no writer shows a takstudvikling.
 */
interface Tilfaelde {
  navn: string;
  ny: number;
  /** Submitted last year (null: no submission). */
  indsendt: number | null;
  /** Stated in this year's skema. */
  oplyst: number | null;
  /** The skema's TS_PLPct; null: blank. */
  pl: number | null;
  /** The plSats of the skema's ruleset (SYD-2018 with it added); absent: the ruleset has none. */
  plSats?: number;
  /** One decimal of a percent, Danish, as every writer must show it; INGEN: no writer shows one. */
  vist: string;
  udsving: boolean;
}

/** What a writer shows where there is no takstudvikling (null, an empty cell, "–"), normalised. */
const INGEN = "ingen";

const TILFAELDE: Tilfaelde[] = [
  // 1.580 / 1.600 − 1 = −1,25 %: a negative tie, half away from zero → −1,3.
  { navn: "negative tie", ny: 1580, indsendt: 1600, oplyst: 1600, pl: 0, vist: "-1,3", udsving: false },
  // 1.620 / 1.600 − 1 = +1,25 % → +1,3.
  { navn: "positive tie", ny: 1620, indsendt: 1600, oplyst: 1600, pl: 0, vist: "1,3", udsving: false },
  // 1.027 / (1.000 × 1,04) = 1.027 / 1.040 − 1 = −1,25 % exactly, after PL → −1,3.
  { navn: "negative tie after PL", ny: 1027, indsendt: 1000, oplyst: 1000, pl: 0.04, vist: "-1,3", udsving: false },
  // 1.682 / 1.632 − 1 = 50 / 1.632 = 3,0637 % → 3,1.
  { navn: "after PL", ny: 1682, indsendt: 1600, oplyst: 1600, pl: 0.02, vist: "3,1", udsving: false },
  // 1.700 / 1.600 − 1 = 6,25 % → 6,3, beyond 5 %.
  { navn: "outlier and tie", ny: 1700, indsendt: 1600, oplyst: 1600, pl: 0, vist: "6,3", udsving: true },
  // 1.504 / 1.600 − 1 = −6 %.
  { navn: "outlier fall", ny: 1504, indsendt: 1600, oplyst: 1600, pl: 0, vist: "-6,0", udsving: true },
  // 9.999 / 10.000 − 1 = −0,01 % → a fall shown as 0,0 (never "−0,0").
  { navn: "fall rounded to nothing", ny: 9999, indsendt: 10_000, oplyst: 10_000, pl: 0, vist: "0,0", udsving: false },
  // Stated 1.500, submitted 1.600: the submitted one counts, 1.580 / 1.600 − 1 → −1,3.
  { navn: "stated differs from submitted", ny: 1580, indsendt: 1600, oplyst: 1500, pl: 0, vist: "-1,3", udsving: false },
  // Nothing submitted last year: the stated 1.600 counts.
  { navn: "only the stated figure", ny: 1580, indsendt: null, oplyst: 1600, pl: 0, vist: "-1,3", udsving: false },
  // Blank PL, a ruleset without plSats: no PL, so no takstudvikling anywhere (the nominal
  // 1.700 / 1.600 − 1 = +6,25 % would be an outlier: it must not be shown as real).
  { navn: "no PL at all", ny: 1700, indsendt: 1600, oplyst: 1600, pl: null, vist: INGEN, udsving: false },
  // Blank PL, the ruleset's plSats 3,9 %: 1.700 / (1.600 × 1,039) = 1.700 / 1.662,4 − 1 = 2,2618 % → 2,3.
  { navn: "the ruleset's PL", ny: 1700, indsendt: 1600, oplyst: 1600, pl: null, plSats: 0.039, vist: "2,3", udsving: false },
  // The skema states 0 %, the ruleset 3,9 %: the ruleset's wins (one PL for the region, 002:2529), → 2,3 (not 6,3).
  { navn: "the ruleset's PL over the skema's", ny: 1700, indsendt: 1600, oplyst: 1600, pl: 0, plSats: 0.039, vist: "2,3", udsving: false },
  // 1.750 / 1.662,4 − 1 = 5,2695 % → 5,3, beyond 5 % after the ruleset's PL.
  { navn: "outlier after the ruleset's PL", ny: 1750, indsendt: 1600, oplyst: 1600, pl: null, plSats: 0.039, vist: "5,3", udsving: true },
];

const SYD = REGISTER.hent("SYD-2018");
/** SYD-2018 as its next version with a plSats (the built-in one has none: no seed gives PL for 2018). */
function medPlSats(sats: number) {
  return parseRegelsaet({ ...SYD, version: SYD.version + 1, parametre: { ...SYD.parametre, plSats: { vaerdi: sats, kilde: "testens eget tal", serie: "samlet" } } });
}
/** The register the validator (pane, CLI) and the service see for the case. */
function registerFor(t: Tilfaelde): RegelsaetRegister {
  return t.plSats === undefined ? REGISTER : lavRegister([...REGISTER.ids().map((id) => REGISTER.hent(id)), medPlSats(t.plSats)]);
}
/** No database query is needed: the ruleset validated against is the register's newest. */
const ingenDb = { query: () => Promise.reject(new Error("ingen forespørgsel forventet")) } as unknown as Sql;

/** "−1,3 %", "+1,3 %", "-1,3" … → "-1,3" / "1,3". */
function norm(s: string): string {
  if (s === "" || s === "–") return INGEN;
  return s.replace(/\u2212/g, "-").replace(/[\s\u00a0]*%$/, "").replace(/^\+/, "").trim();
}
/** A stored fraction as one decimal of a percent, only where it holds exactly that figure. */
function broek(x: number | null): string {
  if (x === null) return INGEN;
  const promille = x * 1000;
  if (Math.abs(promille - Math.round(promille)) > 1e-9) return `ikke afrundet: ${x}`;
  return (Math.round(promille) / 10).toFixed(1).replace(".", ",").replace(/^-0,0$/, "0,0");
}

const ydelse = (takst: number, sidste: number | null, takstudvikling: number | null) => ({
  raekke: 0, navn: "Botilbud", pladser: 24, belaegning: 0.96, ressource: null, sidsteAarsTakst: sidste, belaegningsdage: 8409.6,
  basistakst: null, servicetakst: null, takst, takstudvikling,
});

/** The validator's result for the case: the pane's findings and the CLI's --json come from it. */
function valideret(t: Tilfaelde) {
  const v = { ...eksempel(), TS_Ydelse: undefined, TS_Pladser: undefined, TS_Belaegning: undefined, TS_SidsteAarsTakst: undefined, TS_PLPct: t.pl ?? undefined,
    TS_Ydelser_Navn: ["Botilbud"], TS_Ydelser_Pladser: [24], TS_Ydelser_Belaegning: [0.96], TS_Ydelser_Takst: [t.ny], TS_Ydelser_SidsteAarsTakst: [t.oplyst] };
  return validerSkema(v as never, { register: registerFor(t), indsendt: I_TIDE });
}

/** What each writer shows for one case. */
async function visninger(t: Tilfaelde): Promise<Record<string, string>> {
  const res = valideret(t);
  const lagret = ydelse(t.ny, t.oplyst, res.beregnet?.ydelser[0]?.takstudvikling ?? null);
  // As stored: the ruleset the service validated against, by id and version.
  const mod = registerFor(t).hent("SYD-2018");
  const valideretMod = { regelsaet_id: mod.id, regelsaet_version: mod.version };
  const regelsaet = await regelsaetOpslag(ingenDb, registerFor(t), [{ id: mod.id, version: mod.version }]);
  const vaerdier = t.pl === null ? {} : { TS_PLPct: t.pl };
  const ud: Record<string, string> = {};
  if (t.indsendt === null || t.indsendt === t.oplyst) {
    ud.cliJson = broek((JSON.parse(JSON.stringify(somJson({ fil: "x.xlsx", resultat: res }))) as { beregnet: { ydelser: { takstudvikling: number }[] } }).beregnet.ydelser[0]!.takstudvikling);
    const ts050 = res.findings.find((f) => f.code === "TS050");
    ud.ruden = ts050 ? norm(/er (\S+ %)/.exec(ts050.message)?.[1] ?? "") : "ingen TS050";
    const sprunget = res.skipped.filter((s) => (s.code === "TS050" || s.code === "TS051") && s.message.includes("PL mangler")).map((s) => s.code);
    ud.sprunget = sprunget.length ? sprunget.join(",") : "ingen";
  }

  const oversigt = lavOversigt(2018, [2018], [{
    id: "a", driftsherre: "Kommune", tilbud: "Tilbud", ydelse: "Botilbud", raekke: 0, version: 1, nummer: null, status: "modtaget", antal_versioner: 1,
    modtaget: new Date(0), findings: [], takst: t.ny, oplyst_sidste: t.oplyst, pl: t.pl, takstenhed: "døgn", ...valideretMod,
    sidste_takst: t.indsendt, har_sidste: t.indsendt !== null,
  } as OversigtRaekke], undefined, regelsaet);
  const i = oversigt.indberetninger[0]!;
  ud.oversigtApi = broek(i.takstudvikling);
  ud.oversigtSide = norm(aendring(i.takstudvikling));
  ud.oversigtUdsving = String(i.udsving);
  ud.tilbudApi = broek(oversigt.tilbud[0]?.takstudvikling ?? null);
  ud.tilbudUdsving = String(oversigt.tilbud[0]?.udsving ?? INGEN);

  const sidsteAar = t.indsendt === null ? null : { TS_PLPct: 0.01 };
  const offentlig = somTakstoversigt([{
    driftsherre: "Kommune", tilbud: "Tilbud", vaerdier: { ...vaerdier, TS_Takstaar: 2018, TS_Takstenhed: "døgn" }, beregnet: { ydelser: [lagret] },
    aendret_i_aaret: null, aendring_begrundelse: null, ydelse: lagret, ...valideretMod,
    gyldig_fra: "2018-01-01", gyldig_til: null, art: "offentliggjort", indberetning_id: "00000000-0000-4000-8000-000000000001", nummer: null,
    sidste_vaerdier: sidsteAar, sidste_beregnet: t.indsendt === null ? null : { ydelser: [ydelse(t.indsendt, null, null)] },
  } as TakstoversigtDbRaekke], regelsaet);
  ud.takstoversigtApi = broek(offentlig[0]!.takstudvikling);
  const side = takstoversigtSide([{ takstaar: 2018, offentliggjort: "2017-11-30T10:00:00Z", antalTakster: 1 }], { takstaar: 2018, offentliggjort: "2017-11-30T10:00:00Z", antalTakster: 1 }, offentlig);
  const celler = [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(side)?.[1] ?? "").matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => m[1]!);
  ud.takstoversigtSide = norm(celler[12] ?? "");
  ud.takstoversigtCsv = norm(takstoversigtCsv(offentlig).split("\r\n")[1]!.split(";")[12]!);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await takstoversigtXlsx(2018, "2017-11-30T10:00:00Z", offentlig)) as unknown as ArrayBuffer);
  ud.takstoversigtXlsx = broek(wb.worksheets[0]!.getCell("M3").value as number | null);

  const aktuel: AktuelTakst = {
    driftsherre: "Kommune", tilbud: "Tilbud", ydelse: "Botilbud", takstaar: 2018, version: 1, vaerdier, beregnet: { ydelser: [lagret] },
    sidsteVaerdier: sidsteAar, sidsteBeregnet: t.indsendt === null ? null : { ydelser: [ydelse(t.indsendt, null, null)] },
    regelsaetId: mod.id, regelsaetVersion: mod.version,
  };
  const eksport = eksportRaekker([aktuel], regelsaet);
  ud.eksportCsv = norm(somCsv(eksport).split("\r\n")[1]!.split(";")[8]!);
  const ewb = new ExcelJS.Workbook();
  await ewb.xlsx.load((await somXlsx(eksport)) as unknown as ArrayBuffer);
  ud.eksportXlsx = broek(ewb.worksheets[0]!.getCell("I2").value as number | null);
  return ud;
}

describe("takstudvikling: every writer shows the same figure", () => {
  it.each(TILFAELDE)("$navn: $ny against $indsendt (stated $oplyst), PL $pl → $vist", async (t) => {
    const ud = await visninger(t);
    const forventet: Record<string, string> = {};
    for (const k of Object.keys(ud)) forventet[k] = k.endsWith("Udsving") ? String(t.udsving) : t.vist;
    // No takstudvikling: no tilbud row either (its mean has no pair).
    if (t.vist === INGEN) forventet.tilbudUdsving = INGEN;
    if ("ruden" in ud) forventet.ruden = t.udsving ? t.vist : "ingen TS050";
    // Without a PL, TS050 and TS051 are listed as skipped ("PL mangler"), never checked against 0 %.
    if ("sprunget" in ud) forventet.sprunget = t.vist === INGEN ? "TS050,TS051" : "ingen";
    expect(ud).toEqual(forventet);
    // Every writer took part (the pane and the CLI where the skema's stated figure is the one that counts).
    expect(Object.keys(ud).length).toBeGreaterThanOrEqual(11);
  });
});
