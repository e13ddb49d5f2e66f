import JSZip from "jszip";
import { SYD_2018 } from "../tilsynsskema/saed";
import { syd2027 } from "../helpers/regelsaet";
import { koer } from "./barn";
import { gyldigtSkema } from "./fixtures";

/**
 * Issue 26, backup and restore: the same content is put into a service on either database through
 * its API, and read back as every answer a user or an export sees, so a restored copy can be
 * compared byte for byte with the original.
 */

export interface RundturTokens {
  odense: string;
  aarhus: string;
  sekretariat: string;
  tilsyn: string;
}

interface Svar {
  status: number;
  bytes: Buffer;
}

async function kald(base: string, metode: "GET" | "POST", url: string, token?: string, krop?: unknown): Promise<Svar> {
  const r = await fetch(`${base}${url}`, {
    method: metode,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(krop === undefined ? {} : { "content-type": "application/json" }) },
    body: krop === undefined ? undefined : JSON.stringify(krop),
  });
  return { status: r.status, bytes: Buffer.from(await r.arrayBuffer()) };
}

/** A POST that must succeed; its JSON answer, or an error naming the route. */
async function post(base: string, url: string, token: string, krop: unknown): Promise<Record<string, unknown>> {
  const r = await kald(base, "POST", url, token, krop);
  if (r.status >= 300) throw new Error(`${url}: ${r.status} ${r.bytes.toString()}`);
  return JSON.parse(r.bytes.toString()) as Record<string, unknown>;
}

/** `takst-server token opret …` (through the running server's socket on PGlite); the printed token. */
export async function opretTokenCli(args: string[], dbArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const r = await koer(["token", "opret", ...args, ...dbArgs], env);
  const token = /^(tks_\S+)$/m.exec(r.ud)?.[1];
  if (r.kode !== 0 || !token) throw new Error(`token opret ${args.join(" ")}: ${r.kode} ${r.fejl}`);
  return token;
}

export async function lavRundturTokens(dbArgs: string[], env: NodeJS.ProcessEnv = {}): Promise<RundturTokens> {
  const t = (args: string[]) => opretTokenCli(args, dbArgs, env);
  const tokens = {
    odense: await t(["--driftsherre", "Odense Kommune"]),
    aarhus: await t(["--driftsherre", "Aarhus Kommune"]),
    sekretariat: await t(["--rolle", "sekretariat"]),
    tilsyn: await t(["--rolle", "socialtilsyn", "--driftsherre", "Socialtilsyn Syd"]),
  };
  // A revoked token must come back revoked.
  const gammel = await t(["--driftsherre", "Odense Kommune", "--beskrivelse", "Udskiftet"]);
  const r = await koer(["token", "tilbagekald", gammel.split("_")[1]!, ...dbArgs], env);
  if (r.kode !== 0) throw new Error(`token tilbagekald: ${r.fejl}`);
  return tokens;
}

/**
 * Every kind of content the service stores: submissions with a second version and a withdrawal,
 * dialogue (remarks both ways, an approval), a published ruleset, the published takstoversigt,
 * the socialtilsyn's approved and published skema. (There is no pool table yet.)
 */
export async function fyld(base: string, t: RundturTokens): Promise<void> {
  await post(base, "/api/v1/regelsaet", t.sekretariat, syd2027());
  await post(base, "/api/v1/indberetninger", t.odense, gyldigtSkema());
  const soehuset = await post(base, "/api/v1/indberetninger", t.odense, gyldigtSkema({ TS_Loen: 6600000 }));
  await post(base, "/api/v1/indberetninger", t.aarhus, gyldigtSkema({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Botilbuddet Åkanden", TS_TilbudsportalID: "777" }));
  const fejl = await post(base, "/api/v1/indberetninger", t.odense, gyldigtSkema({ TS_Tilbud: "Forkert tilbud", TS_TilbudsportalID: "999" }));
  await post(base, `/api/v1/indberetninger/${fejl.id as string}/status`, t.odense, { status: "tilbagetrukket", bemaerkning: "Indsendt for det forkerte tilbud" });
  // The dialogue is about the current version (the second).
  const id = soehuset.id as string;
  await post(base, `/api/v1/indberetninger/${id}/bemaerkninger`, t.sekretariat, { tekst: "Hvorfor er lønnen steget 1,5 %?" });
  await post(base, `/api/v1/indberetninger/${id}/bemaerkninger`, t.odense, { tekst: "Ny overenskomst – se bilag." });
  await post(base, `/api/v1/indberetninger/${id}/status`, t.sekretariat, { status: "godkendt", bemaerkning: "Tak, godkendt." });
  await post(base, "/api/v1/offentliggoerelse", t.sekretariat, { takstaar: 2018, bekraeft: true });
  const tilsyn = await post(base, "/api/v1/tilsyn", t.tilsyn, SYD_2018);
  await post(base, `/api/v1/tilsyn/${tilsyn.id as string}/godkend`, t.sekretariat, {});
  await post(base, "/api/v1/tilsyn/offentliggoerelse", t.sekretariat, { budgetaar: 2018 });
}

/**
 * What the service answers about its content, as bytes: the lists, every submission with its
 * dialogue, the rulesets, the publications and every export (takstoversigt JSON/CSV/.xlsx, the
 * secretariat's CSV/.xlsx, oversigt JSON, the tilsyn's public files).
 */
export async function oejebliksbillede(base: string, t: RundturTokens): Promise<Record<string, Buffer>> {
  const ud: Record<string, Buffer> = {};
  const hent = async (url: string, token?: string) => {
    const r = await kald(base, "GET", url, token);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.bytes.toString()}`);
    ud[`${url}${token === t.odense ? " (Odense)" : ""}`] = r.bytes;
    return JSON.parse(url.includes(".csv") || url.includes(".xlsx") ? "null" : r.bytes.toString()) as Record<string, unknown>;
  };
  const liste = await hent("/api/v1/indberetninger", t.sekretariat);
  for (const i of liste.indberetninger as { id: string }[]) await hent(`/api/v1/indberetninger/${i.id}`, t.sekretariat);
  await hent("/api/v1/indberetninger", t.odense);
  const regelsaet = await hent("/api/v1/regelsaet");
  for (const r of regelsaet.regelsaet as { id: string }[]) await hent(`/api/v1/regelsaet/${r.id}`);
  await hent("/api/v1/offentliggoerelse");
  for (const f of ["takstoversigt", "takstoversigt.csv", "takstoversigt.xlsx"]) await hent(`/api/v1/${f}?takstaar=2018`);
  await hent("/api/v1/eksport/takster.csv", t.sekretariat);
  await hent("/api/v1/eksport/takster.xlsx", t.sekretariat);
  await hent("/api/v1/oversigt?takstaar=2018", t.sekretariat);
  await hent("/api/v1/tilsyn?budgetaar=2018", t.sekretariat);
  for (const f of ["offentlig", "offentlig.csv", "offentlig.xlsx"]) await hent(`/api/v1/tilsyn/${f}?budgetaar=2018`);
  return ud;
}

/**
 * An answer as compared before and after: text as text, an .xlsx as its parts. The only thing
 * normalised is what is the time of the request, not stored content: each part's time in the zip
 * directory and docProps/core.xml's dcterms:created and dcterms:modified (ExcelJS writes "now").
 */
export async function sammenlignelig(url: string, b: Buffer): Promise<string | Record<string, string>> {
  if (!url.includes(".xlsx")) return b.toString("utf8");
  const zip = await JSZip.loadAsync(b);
  const dele: Record<string, string> = {};
  for (const navn of Object.keys(zip.files).sort()) {
    const tekst = await zip.files[navn]!.async("string");
    dele[navn] = navn === "docProps/core.xml" ? tekst.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$1(tidspunkt)") : tekst;
  }
  return dele;
}
