import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EGNE_NOEGLER, type Resultater } from "./resultater";

/**
 * The README's bench table, generated from bench/results.json (issue 27): between the markers
 * below, a row per figure with its limit and ratio as the bench wrote them. Run by bench/run.ts
 * after each run and on its own (`npx tsx bench/readme.ts`); tests/server/nybegynder.test.ts
 * checks that the README holds what this writes from the committed results.json.
 */

export const START = "<!-- bench-tabel: genereret af bench/readme.ts fra bench/results.json; ret i RAEKKER, ikke her -->";
export const SLUT = "<!-- bench-tabel slut -->";

/** A row: the results.json key(s) of the figure (several: shown as a / b / c), what it measures, its unit, and the keys of its limit and ratio. */
export interface Raekke {
  noegle: string | readonly string[];
  tekst: string;
  enhed?: string;
  graense?: string;
  forhold?: string;
}

/** The SOC functions in the functions bench (bench/functions.bench.ts), in its order. */
const FUNKTIONER_I_BENCH = ["TAKST", "TAKSTSTRUKTUR", "OVERHEAD", "EFTERREG", "EFTERREG.MODEL", "OBJFIN", "TILSYNSKATEGORI", "TILSYNSTAKST", "OFPLEJEFAMILIE", "LUKNING", "LUKNING.FORDEL", "OVERTAGELSE", "BETALINGSPERIODE", "BETALING", "AFSKRIVNING", "FORRENTNING", "BELAEGNING", "PLREG", "TAKSTUDVIKLING", "TJMPENSION"] as const;
/** The functions whose own fast path the engine bench compares with decimal.js on 1,000,000 inputs (the others: engine.fast_path_vs_decimal and engine.skema_fast_path_vs_decimal). */
const FUNKTIONER_MED_HURTIGVEJ = ["FORRENTNING", "PLREG", "BELAEGNING", "TAKSTUDVIKLING", "BETALING", "AFSKRIVNING", "OFPLEJEFAMILIE", "TILSYNSKATEGORI", "TILSYNSTAKST", "OBJFIN", "LUKNING", "OVERTAGELSE", "LUKNING.FORDEL"] as const;

/** One row per figure, keyed by results.json's (dotted) keys: adding a figure to the README is one line here. */
export const RAEKKER: readonly Raekke[] = [
  { noegle: "engine.TAKST.engine_calls_per_s", tekst: "motoren (decimal.js), TAKST-kald pr. sekund; grænse: samme formel med almindelige tal; forhold: almindelige tal / motor", enhed: "/s", graense: "engine.TAKST.number_calls_per_s", forhold: "engine.TAKST.ratio_number_over_engine" },
  { noegle: "engine.OBJFIN_100_rows.engine_calls_per_s", tekst: "det samme for OBJFIN med 100 rækker", enhed: "/s", graense: "engine.OBJFIN_100_rows.number_calls_per_s", forhold: "engine.OBJFIN_100_rows.ratio_number_over_engine" },
  { noegle: "engine.EFTERREG.engine_calls_per_s", tekst: "det samme for EFTERREG", enhed: "/s", graense: "engine.EFTERREG.number_calls_per_s", forhold: "engine.EFTERREG.ratio_number_over_engine" },
  { noegle: ["engine.TAKST.fast_calls_per_s", "engine.EFTERREG.fast_calls_per_s"], tekst: "motorens eksakte hurtigvej (`hurtigTakst` / `hurtigEfterregulering`), kald pr. sekund", enhed: "/s" },
  { noegle: ["engine.fast_path_vs_decimal.TAKST.differences", "engine.fast_path_vs_decimal.OVERHEAD.differences", "engine.fast_path_vs_decimal.EFTERREG.differences"], tekst: "forskelle fra decimal.js på 1.000.000 input pr. funktion: TAKST / OVERHEAD / EFTERREG" },
  { noegle: ["SUM", "TAKSTSTRUKTUR", "BELAEGNING", "TAKSTUDVIKLING", "TJENESTEMANDSPENSION", "BELAEGNINGSAFVIGELSE"].map((f) => `engine.skema_fast_path_vs_decimal.${f}.differences`), tekst: "det samme for skemaets hurtigveje: SUM / TAKSTSTRUKTUR / BELAEGNING / TAKSTUDVIKLING / TJENESTEMANDSPENSION / BELAEGNINGSAFVIGELSE" },
  ...FUNKTIONER_I_BENCH.map((f, i): Raekke => ({
    noegle: `functions.${f}.adapter_calls_per_s`,
    tekst: i === 0 ? `=SOC.${f} gennem den eksporterede funktion i functions.js med argumenter, som Excel giver dem, kald pr. sekund; grænse: samme formel med almindelige tal (mål: forhold ≥ 0,1)` : `det samme for =SOC.${f}`,
    enhed: "/s",
    graense: `functions.${f}.number_calls_per_s`,
    forhold: `functions.${f}.ratio_to_limit`,
  })),
  { noegle: FUNKTIONER_MED_HURTIGVEJ.map((f) => `engine.functions_fast_path_vs_decimal.${f}.differences`), tekst: `forskelle fra decimal.js på 1.000.000 input pr. funktion: ${FUNKTIONER_MED_HURTIGVEJ.join(" / ")}` },
  { noegle: "functions_bundle_gzip_bytes", tekst: "functions.js, gzip", enhed: "B" },
  { noegle: "taskpane_bundle_gzip_bytes", tekst: "taskpane.js, gzip (deler zod, decimal.js og motoren med functions.js)", enhed: "B" },
  { noegle: "shared_page_scripts_gzip_bytes", tekst: "alle scripts, taskpane.html henter, gzip", enhed: "B" },
  { noegle: "production_build_seconds", tekst: "produktionsbygget (`npm run build`)", enhed: "s" },
  { noegle: ["excel_syncs_validate", "excel_syncs_insert", "excel_syncs_receipt"], tekst: "rundture til Excel (`context.sync`): Valider / Indsæt skabelon / kvittering" },
  { noegle: "validate_one_ms", tekst: "valideringen af ét skema (median)", enhed: "ms" },
  { noegle: "validate_1000_files_s", tekst: "CLI'en på en mappe med 1.000 .xlsx", enhed: "s", graense: "takstskema.validate_1000_files_limit_s" },
  { noegle: "takstskema.validate_1000_files_exceljs_s", tekst: "samme CLI kun via ExcelJS, samme kørsel; forhold: ExcelJS / CLI", enhed: "s", forhold: "takstskema.ratio_exceljs_over_fast" },
  { noegle: ["validate_1000_files_peak_mb", "takstskema.validate_1000_files_exceljs_peak_mb"], tekst: "største hukommelse ved 1.000 .xlsx: CLI / via ExcelJS", enhed: "MB" },
  { noegle: "cli_zipbomb_peak_mb", tekst: "CLI'en på en zip-bombe (2,6 MB, 2.500 MB udpakket; exitkode 2), største hukommelse", enhed: "MB" },
  { noegle: "server.pglite.spread.accepted_per_s", tekst: "servicen, PGlite: godkendte indberetninger pr. sekund (32 samtidige klienter, 50 driftsherrer); grænse: bar Fastify-rute, der gemmer kroppene grupperet i én INSERT og ét commit som servicen (mål: forhold ≥ 0,6)", enhed: "/s", graense: "server.pglite.spread.limit_per_s", forhold: "server.pglite.spread.ratio_to_limit" },
  { noegle: "server.pglite.one_driftsherre.accepted_per_s", tekst: "det samme, alle fra én driftsherre", enhed: "/s", graense: "server.pglite.one_driftsherre.limit_per_s", forhold: "server.pglite.one_driftsherre.ratio_to_limit" },
  { noegle: "server.postgres.spread.accepted_per_s", tekst: "servicen, PostgreSQL, 50 driftsherrer", enhed: "/s", graense: "server.postgres.spread.limit_per_s", forhold: "server.postgres.spread.ratio_to_limit" },
  { noegle: "server.postgres.one_driftsherre.accepted_per_s", tekst: "det samme, alle fra én driftsherre", enhed: "/s", graense: "server.postgres.one_driftsherre.limit_per_s", forhold: "server.postgres.one_driftsherre.ratio_to_limit" },
  { noegle: ["server.pglite.spread.p99_ms", "server.pglite.one_driftsherre.p99_ms", "server.postgres.spread.p99_ms", "server.postgres.one_driftsherre.p99_ms"], tekst: "servicens p99 i de fire kørsler ovenfor (mål ≤ 50 ms)", enhed: "ms" },
  { noegle: ["server.pglite.limit.grouped_insert_per_s", "server.pglite.limit.single_insert_per_s", "server.postgres.limit.grouped_insert_per_s", "server.postgres.limit.single_insert_per_s"], tekst: "grænsen grupperet / én INSERT pr. anmodning (issue 15's mildere grænse): PGlite / PostgreSQL", enhed: "/s" },
  { noegle: ["server.pglite.spread.cpu_ms_per_request", "server.pglite.limit.grouped_insert_cpu_ms_per_request", "server.postgres.spread.cpu_ms_per_request", "server.postgres.limit.grouped_insert_cpu_ms_per_request"], tekst: "CPU pr. godkendt indberetning i den svarende proces: servicen / grænsen, PGlite / PostgreSQL", enhed: "ms" },
  { noegle: "overview_1000_ms", tekst: "oversigten med 1.000 indberetninger (og 1.000 året før), fra navigation til brugbar side; grænse: API-svaret alene", enhed: "ms", graense: "overview_api_1000_ms", forhold: "overview_1000_ratio_to_api" },
  { noegle: "overview_10000_ms", tekst: "det samme med 10.000", enhed: "ms", graense: "overview_api_10000_ms", forhold: "overview_10000_ratio_to_api" },
  { noegle: "overview_full_year_ms", tekst: "det samme på en regions fulde år (`bench/fuldtAar.ts`: 2.500 tilbud, 4.123 ydelser, fire takstår med versioner), nyeste takstår", enhed: "ms", graense: "overview_api_full_year_ms", forhold: "overview_full_year_ratio_to_api" },
  { noegle: "benchmark_4000_ms", tekst: "`/benchmark` med 4.000 takstniveauer i 40 grupper, fra navigation til brugbar side; grænse: oversigtens budget", enhed: "ms", graense: "benchmark_4000_limit_ms", forhold: "benchmark_4000_ratio_to_limit" },
  { noegle: "benchmark_api_4000_ms", tekst: "`GET /api/v1/benchmark` alene, samme kørsel", enhed: "ms" },
  { noegle: "overview_1000_same_run_ms", tekst: "oversigten med 1.000 i samme kørsel, skiftevis med `/benchmark`; forhold: `/benchmark` / oversigten", enhed: "ms", forhold: "benchmark_4000_ratio_to_overview_1000" },
  { noegle: "hostile_body_ms", tekst: "servertid for det fjendtlige skema på 121 KB (median)", enhed: "ms" },
  { noegle: "proxy_flood_p99_ratio", tekst: "en venlig klients p99 bag samme proxy, mens en anden oversvømmer servicen, delt med p99 alene (`TRUST_PROXY`)" },
  { noegle: "startup.server_start_ms", tekst: "opstart: `takst-server start` til første svar på /api/v1/health på en PGlite-mappe med en regions fulde år (`bench/fuldtAar.ts`, 13.123 indberetninger); grænse: bar Fastify + PGlite på samme data (mål: forhold ≤ 1,2)", enhed: "ms", graense: "startup.bare_start_ms", forhold: "startup.ratio_to_bare" },
  { noegle: "startup.first_start_empty_folder_ms", tekst: "første start på en tom mappe; grænse: PGlite's initdb alene", enhed: "ms", graense: "startup.bare_first_start_empty_folder_ms" },
  { noegle: "startup.cli_1000_files_s", tekst: "`takstskema valider` på 1.000 .xlsx (proces fra start til slut); grænse: læs og pak hver fil ud og intet andet (mål: forhold ≤ 3)", enhed: "s", graense: "startup.unzip_floor_1000_files_s", forhold: "startup.ratio_to_floor" },
  { noegle: "startup.takstskema_valider_one_ms", tekst: "`takstskema valider` af ét skema (proces fra start til slut)", enhed: "ms" },
  { noegle: "public_list.page_views_per_s", tekst: "den offentlige takstoversigt (siden) på et fuldt år, visninger pr. sekund med 8 forbindelser; grænse: samme bytes fra en bar Fastify-rute (mål: forhold ≥ 0,6)", enhed: "/s", graense: "public_list.static_views_per_s", forhold: "public_list.ratio_to_static" },
  { noegle: "public_list.csv_views_per_s", tekst: "det samme for takstoversigtens CSV", enhed: "/s", graense: "public_list.csv_static_views_per_s", forhold: "public_list.csv_ratio_to_static" },
  { noegle: "public_list.submission_p90_with_viewers_ms", tekst: "en kommunes indsendelse, p90, mens 8 forbindelser ser siden; grænse: p90 alene (mål: forhold ≤ 2)", enhed: "ms", graense: "public_list.submission_p90_alone_ms", forhold: "public_list.ratio_p90" },
];

const forNoegler = (r: Raekke): readonly string[] => (typeof r.noegle === "string" ? [r.noegle] : r.noegle);

/**
 * The value at a dotted key ("server.pglite.spread.p99_ms"); undefined when absent. A name may
 * itself hold a dot ("functions.EFTERREG.MODEL.ratio_to_limit"): the longest name present wins.
 */
export function hent(resultater: Resultater, noegle: string): unknown {
  const dele = noegle.split(".");
  let o: unknown = resultater;
  for (let i = 0; i < dele.length; ) {
    if (o === null || typeof o !== "object") return undefined;
    const obj = o as Record<string, unknown>;
    let j = dele.length;
    while (j > i && !(dele.slice(i, j).join(".") in obj)) j--;
    if (j === i) return undefined;
    o = obj[dele.slice(i, j).join(".")];
    i = j;
  }
  return o;
}

/** 97470687 → "97.470.687", 0.075 → "0,075", true → "ja"; absent → "–". */
function tal(v: unknown): string {
  if (typeof v === "number") return v.toLocaleString("da-DK", { maximumFractionDigits: 3 });
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if (v === undefined || v === null) return "–";
  return String(v);
}

const medEnhed = (tekst: string, enhed?: string) => (tekst === "–" || !enhed ? tekst : `${tekst} ${enhed}`);
const celle = (s: string) => s.replace(/\|/g, "\\|");

/** The block between the markers (without them), from `resultater`. */
export function readmeTabel(resultater: Resultater): string {
  const m = resultater.machine as { cpus?: number; node?: string; measured?: string } | undefined;
  const linjer = [
    `Fra \`bench/results.json\`, målt ${m?.measured?.slice(0, 10) ?? "–"} på ${m?.cpus ?? "–"} CPU-kerner med Node ${m?.node ?? "–"} (hver dels tid står under \`parts\`). Forholdet er det, bench'en skrev; – = ikke målt.`,
    "",
    "| måling | nøgle | værdi | grænse | forhold |",
    "|---|---|---|---|---|",
  ];
  for (const r of RAEKKER) {
    const noegler = forNoegler(r);
    const vaerdi = medEnhed(noegler.map((k) => tal(hent(resultater, k))).join(" / "), r.enhed);
    const graense = r.graense ? medEnhed(tal(hent(resultater, r.graense)), r.enhed) : "";
    const forhold = r.forhold ? tal(hent(resultater, r.forhold)) : "";
    linjer.push(`| ${celle(r.tekst)} | ${noegler.map((k) => `\`${k}\``).join(" / ")} | ${vaerdi} | ${graense} | ${forhold} |`);
  }
  return linjer.join("\n");
}

/** The README's block between the markers; null without them. */
export function tabelIReadme(readme: string): string | null {
  const a = readme.indexOf(START);
  const b = readme.indexOf(SLUT);
  return a < 0 || b < a ? null : readme.slice(a + START.length, b).replace(/^\n|\n$/g, "");
}

/** `readme` with the block regenerated from `resultater`. */
export function medTabel(readme: string, resultater: Resultater): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(SLUT);
  if (a < 0 || b < a) throw new Error(`README.md mangler markeringerne ${START} … ${SLUT}.`);
  return `${readme.slice(0, a + START.length)}\n${readmeTabel(resultater)}\n${readme.slice(b)}`;
}

/**
 * Keys of `resultater` that no row shows: top-level keys, and the objects one level inside a key
 * that rows show (functions.<NAME> beside functions.TAKST). A bench part's keys to give a row.
 */
export function noeglerUdenRaekke(resultater: Resultater): string[] {
  const vist = RAEKKER.flatMap((r) => [...forNoegler(r), r.graense, r.forhold]).filter((k): k is string => !!k);
  const daekket = (sti: string) => vist.some((k) => k === sti || k.startsWith(`${sti}.`));
  const erObjekt = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
  return Object.entries(resultater)
    .filter(([k]) => !(EGNE_NOEGLER as readonly string[]).includes(k))
    .flatMap(([k, v]) => (!daekket(k) ? [k] : erObjekt(v) ? Object.entries(v).filter(([, u]) => erObjekt(u)).map(([c]) => `${k}.${c}`).filter((sti) => !daekket(sti)) : []));
}

const ROD = join(__dirname, "..");

/** Rewrites README.md's table from `resultater` and names the keys with no row. */
export function skrivReadme(resultater: Resultater): void {
  const sti = join(ROD, "README.md");
  writeFileSync(sti, medTabel(readFileSync(sti, "utf8"), resultater));
  console.log(`Skrev tabellen i ${sti}`);
  const uden = noeglerUdenRaekke(resultater);
  if (uden.length > 0) console.log(`Nøgler i results.json uden en række i bench/readme.ts: ${uden.join(", ")}`);
}

if (require.main === module) skrivReadme(JSON.parse(readFileSync(join(__dirname, "results.json"), "utf8")) as Resultater);
