import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { buildApp as BuildApp } from "./app";
import { hentCertifikater } from "./certifikater";
import { logStroem } from "./logformat";
import { type Db, aabnDb } from "./db";
import { type Konfig, laesArgumenter, laesKonfig } from "./konfig";
import { laasDataMappe } from "./laas";
import { pgliteStartfejl } from "./dbStartfejl";
import { Kvitteringskontrol, kvitteringsfil } from "./kvitteringer";
import { afstemKvitteringer } from "./kvitteringer/afstem";
import { migrer } from "./migrationer";
import { regelsaetKommando } from "./regelsaet/cli";
import { type AdminKommando, type AdminSvar, udfoerAdmin } from "./admin/handlinger";
import { startAdminSokkel, viaSokkel } from "./admin/sokkel";
import { kopiNavn, startDagligKopi } from "./sikkerhedskopi/daglig";
import { POSTGRES_BACKUP, gendanKopi, tagKopi } from "./sikkerhedskopi/pglite";
import { tagPgDump } from "./sikkerhedskopi/pgdump";
import { ROLLER, type Rolle, udloeberFraDato } from "./tokens";
import { mailBanner } from "./udbakke/konfig";

const HJAELP = `takst-server — indberetningsservice for takster

  takst-server start [--http] [--port 3000] [--host localhost] [--data ./data]
  takst-server token opret --driftsherre "Odense Kommune" [--rolle kommune|sekretariat|socialtilsyn] [--beskrivelse tekst] [--udloeber 2027-06-30]
  takst-server token tilbagekald <id>
  takst-server token liste [--json]
  takst-server bruger tilknyt <subject eller e-mail> --rolle kommune|sekretariat|socialtilsyn [--driftsherre "Odense Kommune"] [--navn tekst]
  takst-server bruger fjern <subject eller e-mail>
  takst-server bruger liste [--json]
      Sekretariatets tilknytning af personer (personligt login, OIDC_ISSUER) til rolle og
      driftsherre, når OpenID-udbyderen ikke sender dem som claims.
  takst-server kvitteringer afstem [--data ./data]
      Med serveren stoppet: lister de kvitterede indberetninger, databasen mangler (fx efter en
      gendannelse af en ældre kopi), i en fil ved kvitteringsloggen og starter loggen forfra fra
      databasen, så serveren igen modtager indberetninger.
  takst-server regelsaet udgiv fil.json [--server https://… --token TOKEN] [--fjern]
      Udgiver et regelsæt (uden --server direkte i databasen: PGlite kun med serveren stoppet).
      --fjern bekræfter, at en ny version fjerner eller lemper parametre fra den forrige.
  takst-server backup [--ud fil] [--data ./data]
      Sikkerhedskopi af den indlejrede database (også mens serveren kører); standardnavn
      takst-server-ÅÅÅÅMMDD-TTMMSS.sikkerhedskopi. Med PostgreSQL: pg_dump (docs/drift.md).
  takst-server restore fil [--data ./data]
      Gendanner en sikkerhedskopi (serveren skal være stoppet). Filen kontrolleres først; den
      hidtidige database gemmes som pglite.foer-gendannelse-<tid> i datamappen.

Miljøvariabler: PORT, HOST, DATA_DIR, DATABASE_URL (PostgreSQL i stedet for den indlejrede
database), ADDIN_ORIGIN (CORS, standard https://localhost:<PORT>), BODY_LIMIT (bytes),
RATE_LIMIT (forespørgsler pr. minut pr. token eller klientadresse, standard 300; 0 = ingen grænse),
PUBLIC_RATE_LIMIT (de offentlige sider pr. klientadresse pr. minut, standard 600; 0 = ingen grænse),
TRUST_PROXY (bag en proxy: true, antal proxyer eller deres adresser; så bestemmer X-Forwarded-For
klientadressen), LOG_LEVEL, BACKUP_DIR (daglig sikkerhedskopi i den mappe; med PostgreSQL af
pg_dump, eller PG_DUMP), BACKUP_KEEP (antal daglige kopier, der gemmes, standard 7),
TLS_CERT og TLS_KEY (PEM-filer med et rigtigt certifikat i stedet for udviklingscertifikatet),
SMTP_URL og MAIL_FROM (e-mail: kvitteringer, spørgsmål, godkendelser, offentliggørelse og påmindelser;
uden SMTP_URL sendes ingen e-mail), SEKRETARIAT_EMAIL (kommunernes svar), MAIL_PAAMINDELSE_DAGE
(dage før fristen, standard 14,3; ingen = ingen påmindelser),
OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT, OIDC_SCOPE, OIDC_ROLLE_CLAIM,
OIDC_DRIFTSHERRE_CLAIM, OIDC_SESSION_TIMER (personligt login med OpenID Connect; se README).`;

/**
 * Opens and migrates the database. A PGlite data folder that cannot be opened or read is
 * explained in Danish (dbStartfejl.ts), the database closed again.
 */
async function aabnOgMigrer(k: Konfig): Promise<Db> {
  let db: Db | undefined;
  try {
    db = await aabnDb({ databaseUrl: k.databaseUrl, dataDir: k.dataDir });
    await migrer(db);
    return db;
  } catch (e) {
    await db?.close().catch(() => undefined);
    throw k.databaseUrl ? e : pgliteStartfejl(join(k.dataDir, "pglite"), e);
  }
}

/** How long a SIGTERM waits for requests and the database to close before the process stops anyway. */
const LUK_FRIST_MS = 8000;

async function medDb<T>(k: Konfig, fn: (db: Db) => Promise<T>): Promise<T> {
  const frigiv = k.databaseUrl ? () => undefined : laasDataMappe(k.dataDir);
  try {
    const db = await aabnOgMigrer(k);
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  } finally {
    frigiv();
  }
}

/**
 * A token command: through the running server's admin socket when one answers in the data
 * folder (embedded database), otherwise on the database directly.
 */
async function admin<O extends AdminKommando["op"]>(k: Konfig, kommando: AdminKommando & { op: O }, timeoutMs?: number): Promise<Extract<AdminSvar, { op: O }>> {
  const svar = (!k.databaseUrl ? await viaSokkel(k.dataDir, kommando, timeoutMs) : undefined) ?? (await medDb(k, (db) => udfoerAdmin(db, kommando)));
  return svar as Extract<AdminSvar, { op: O }>;
}

async function start(k: Konfig): Promise<void> {
  const frigiv = k.databaseUrl ? () => undefined : laasDataMappe(k.dataDir);
  try {
    await startMedLaas(k, frigiv);
  } catch (e) {
    frigiv();
    throw e;
  }
}

/** EADDRINUSE as the newcomer should read it. */
export function portOptaget(port: number): string {
  return `Port ${port} er optaget – start med PORT=${port === 65535 ? 3001 : port + 1} npm start (eller --port), eller stop programmet, der bruger porten.`;
}

async function startMedLaas(k: Konfig, frigiv: () => void): Promise<void> {
  // Files the server creates (the embedded database among them) are the owner's only.
  process.umask(0o077);
  let https: { key: Buffer; cert: Buffer } | null = null;
  if (!k.http) {
    const c = await hentCertifikater((b) => console.warn(`ADVARSEL: ${b}`));
    https = { key: c.key, cert: c.cert };
  }
  // The database opens in its own thread (PGlite's WASM and initdb take seconds) while this one
  // loads the web service's modules: start-up costs the longer of the two, not their sum.
  const dbKlar = aabnOgMigrer(k);
  dbKlar.catch(() => undefined); // awaited below; handled there, not an unhandled rejection meanwhile
  let buildApp: typeof BuildApp;
  try {
    ({ buildApp } = await import("./app"));
  } catch (e) {
    await dbKlar.then((db) => db.close()).catch(() => undefined);
    throw e;
  }
  const db = await dbKlar;
  // The receipts kept apart from the tables, compared with them before anything is served.
  let kvitteringer: Kvitteringskontrol;
  try {
    kvitteringer = await Kvitteringskontrol.start(db, kvitteringsfil(k.dataDir, k.databaseUrl));
  } catch (e) {
    await db.close().catch(() => undefined);
    throw k.databaseUrl ? e : pgliteStartfejl(join(k.dataDir, "pglite"), e);
  }
  const dist = resolve(__dirname, "../../dist");
  const base = `${k.http ? "http" : "https"}://localhost:${k.port}`;
  const app = await buildApp({
    db,
    https,
    addinOrigin: k.addinOrigin,
    addinUrl: `${base}/`,
    bodyLimit: k.bodyLimit,
    hastighed: k.hastighed,
    trustProxy: k.trustProxy,
    tilgaengelighedUrl: k.tilgaengelighedUrl,
    oidc: k.oidc,
    logger: { level: process.env.LOG_LEVEL ?? "info", stream: logStroem(process.stdout) },
    statiskMappe: dist,
    lukDb: true,
    kvitteringer,
    mail: k.mail,
  });
  kvitteringer.varsl = (besked) => app.log.error({ kvitteringer: kvitteringer.status() }, besked);
  const tab = kvitteringer.spaerret();
  if (tab) kvitteringer.varsl(tab);
  kvitteringer.overvaag();
  app.addHook("onClose", async () => kvitteringer.luk());
  let lukSokkel: () => Promise<void> = async () => undefined;
  let stopKopi: () => Promise<void> = async () => undefined;
  let lukker = false;
  const luk = async (signal: string) => {
    if (lukker) return;
    lukker = true;
    app.log.info({ signal }, "lukker ned");
    // Bounded: a frozen PostgreSQL or a hanging PGlite thread must not keep the process alive.
    setTimeout(() => {
      app.log.warn({ signal, sekunder: LUK_FRIST_MS / 1000 }, "nedlukningen blev ikke færdig i tide; stopper alligevel");
      frigiv();
      process.exit(0);
    }, LUK_FRIST_MS);
    await lukSokkel().catch(() => undefined);
    await stopKopi().catch(() => undefined);
    await app.close().catch(() => undefined);
    frigiv();
    process.exit(0);
  };
  process.on("SIGINT", () => void luk("SIGINT"));
  process.on("SIGTERM", () => void luk("SIGTERM"));
  let adresse: string;
  try {
    adresse = await app.listen({ port: k.port, host: k.host });
  } catch (e) {
    // Close the database before the lock is released (start() releases it), then stop at once.
    await app.close().catch(() => undefined);
    if ((e as NodeJS.ErrnoException).code === "EADDRINUSE") throw new Error(portOptaget(k.port));
    throw e;
  }
  if (!k.databaseUrl && process.platform !== "win32") {
    try {
      lukSokkel = await startAdminSokkel(db, k.dataDir, (besked) => app.log.info({ admin: besked }, "token-administration"));
    } catch (e) {
      // E.g. a data folder path too long for a Unix socket: the service runs, token commands then need a stop.
      app.log.warn({ err: e }, "token-administrationens sokkel kunne ikke startes; stop serveren for at bruge token-kommandoerne");
    }
  }
  if (k.dagligKopi) {
    const url = k.databaseUrl;
    const tag = url ? (fil: string) => tagPgDump(url, fil) : (fil: string) => tagKopi(db, fil);
    stopKopi = startDagligKopi({ ...k.dagligKopi, endelse: url ? "dump" : "sikkerhedskopi", tag, log: app.log });
  }
  const db_ = k.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `indlejret PGlite i ${join(k.dataDir, "pglite")}`;
  if (tab) console.error(`\nADVARSEL: ${tab}\n`);
  console.log(`
takst-server kører på ${adresse} (${db_}).
  API:        ${base}/api/v1/health
  Eksport:    ${base}/api/v1/eksport/takster.csv og .xlsx (sekretariatets token)
  Oversigt:   ${base}/oversigt  (sekretariatets oversigt over indberetningerne)
  Takster:    ${base}/takstoversigt  (den offentlige takstoversigt for offentliggjorte år)
  Hjælp:      ${base}/hjaelp
  Manifest:   ${base}/manifest.xml${existsSync(join(dist, "manifest.xml")) ? "" : "  (ikke bygget endnu: kør npm run build)"}
  ${mailBanner(k.mail)}

Sådan indlæser du tilføjelsesprogrammet (sideload) – brug manifestet fra ${base}/manifest.xml,
som peger på port ${k.port}:
  Excel på skrivebordet:  npm run sideload  (Windows og Mac; stop igen med npm run stop)
  Excel på nettet:        Indsæt > Tilføjelsesprogrammer > Mine tilføjelsesprogrammer > Upload mit
                          tilføjelsesprogram, og vælg manifestet hentet fra ${base}/manifest.xml
Personligt login:         ${k.oidc ? `slået til (OpenID Connect hos ${k.oidc.issuer}); Log ind på ${base}/oversigt` : "slået fra (OIDC_ISSUER er ikke sat): kun tokens"}
Opret et token:           npx takst-server token opret --driftsherre "Odense Kommune"${k.databaseUrl ? "" : ` --data ${k.dataDir}`}
                          (virker, mens serveren kører)
`);
}

/** takst-server bruger tilknyt|fjern|liste: the secretariat's mapping of persons (login/tilknytning.ts). */
async function bruger(pos: string[], flag: Record<string, string | boolean>, k: Konfig): Promise<number> {
  const [handling, arg] = pos;
  if (handling === "tilknyt") {
    if (!arg) throw new Error("Angiv personens subject eller e-mail: takst-server bruger tilknyt <subject> --rolle kommune --driftsherre …");
    const rolle = (typeof flag.rolle === "string" ? flag.rolle : "kommune") as Rolle;
    if (!ROLLER.includes(rolle)) throw new Error(`Ukendt rolle "${rolle}": brug kommune, sekretariat eller socialtilsyn.`);
    const driftsherre = typeof flag.driftsherre === "string" ? flag.driftsherre : null;
    await admin(k, { op: "tilknyt", bruger: arg, rolle, driftsherre, navn: typeof flag.navn === "string" ? flag.navn : null });
    console.log(`${arg} er tilknyttet som ${rolle}${driftsherre && rolle !== "sekretariat" ? ` for ${driftsherre}` : ""}.`);
    return 0;
  }
  if (handling === "fjern") {
    if (!arg) throw new Error("Angiv personens subject eller e-mail: takst-server bruger fjern <subject>");
    const { ok } = await admin(k, { op: "fjern-tilknytning", bruger: arg });
    console.log(ok ? `Tilknytningen af ${arg} er fjernet.` : `${arg} var ikke tilknyttet.`);
    return ok ? 0 : 1;
  }
  if (handling === "liste") {
    const rows = (await admin(k, { op: "tilknytninger" })).tilknytninger;
    if (flag.json === true) console.log(JSON.stringify(rows, null, 2));
    else if (rows.length === 0) console.log("Ingen tilknyttede personer.");
    else for (const r of rows) console.log(`${r.bruger}  ${r.rolle.padEnd(11)}  ${r.driftsherre ?? "-"}${r.navn ? `  ${r.navn}` : ""}`);
    return 0;
  }
  throw new Error(`Ukendt bruger-kommando "${handling ?? ""}": brug tilknyt, fjern eller liste.`);
}

async function token(pos: string[], flag: Record<string, string | boolean>, k: Konfig): Promise<number> {
  const [handling, arg] = pos;
  if (handling === "opret") {
    const rolle = (typeof flag.rolle === "string" ? flag.rolle : "kommune") as Rolle;
    if (!ROLLER.includes(rolle)) throw new Error(`Ukendt rolle "${rolle}": brug kommune, sekretariat eller socialtilsyn.`);
    const driftsherre = typeof flag.driftsherre === "string" ? flag.driftsherre : null;
    const beskrivelse = typeof flag.beskrivelse === "string" ? flag.beskrivelse : null;
    const udloeber = typeof flag.udloeber === "string" ? udloeberFraDato(flag.udloeber) : null;
    const t = await admin(k, { op: "opret", rolle, driftsherre, beskrivelse, udloeber: udloeber?.toISOString() ?? null });
    console.log(`Token oprettet (id ${t.id}, rolle ${rolle}${driftsherre ? `, driftsherre ${driftsherre}` : ""}${udloeber ? `, udløber efter ${flag.udloeber as string}` : ""}).`);
    console.log("Gem det nu — det vises kun denne ene gang og gemmes kun som hash:");
    console.log(t.token);
    return 0;
  }
  if (handling === "tilbagekald") {
    if (!arg) throw new Error("Angiv tokenets id: takst-server token tilbagekald <id>");
    const { ok } = await admin(k, { op: "tilbagekald", id: arg });
    console.log(ok ? `Token ${arg} er tilbagekaldt.` : `Intet aktivt token med id ${arg}.`);
    return ok ? 0 : 1;
  }
  if (handling === "liste") {
    const rows = (await admin(k, { op: "liste" })).tokens;
    if (flag.json === true) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    if (rows.length === 0) console.log("Ingen tokens.");
    for (const r of rows) {
      const status = r.tilbagekaldt
        ? `tilbagekaldt ${new Date(r.tilbagekaldt).toISOString()}`
        : r.udloeber && new Date(r.udloeber) <= new Date()
          ? `udløbet ${new Date(r.udloeber).toISOString()}`
          : `aktiv${r.udloeber ? ` til ${new Date(r.udloeber).toISOString()}` : ""}${r.art === "person" ? " (personligt login)" : ""}`;
      console.log(`${r.id}  ${r.rolle.padEnd(11)}  ${(r.driftsherre ?? "-").padEnd(28)}  oprettet ${new Date(r.oprettet).toISOString()}  ${status}${r.beskrivelse ? `  ${r.beskrivelse}` : ""}`);
    }
    return 0;
  }
  throw new Error(`Ukendt token-kommando "${handling ?? ""}": brug opret, tilbagekald eller liste.`);
}

const raekker = (antal: Record<string, number>): string => `${Object.values(antal).reduce((a, b) => a + b, 0)} rækker i ${Object.keys(antal).length} tabeller`;

/**
 * `takst-server backup [--ud fil]`: through the running server's socket, or on the database
 * directly. The copy is first written inside the data folder, which the service may write to
 * even when its systemd sandbox (ProtectSystem=strict) forbids the destination; this command,
 * outside the sandbox, then moves it to `fil`.
 */
async function backup(flag: Record<string, string | boolean>, k: Konfig): Promise<number> {
  if (k.databaseUrl) throw new Error(POSTGRES_BACKUP);
  const fil = resolve(typeof flag.ud === "string" ? flag.ud : kopiNavn(new Date()));
  const midlertidig = join(k.dataDir, `.sikkerhedskopi-${process.pid}.tmp`);
  try {
    // A large database takes a while to pack: a running server gets ten minutes.
    const { hoved } = await admin(k, { op: "backup", fil: midlertidig }, 10 * 60_000);
    flytFil(midlertidig, fil);
    console.log(`Sikkerhedskopi skrevet: ${fil} (${raekker(hoved.antal)}, ${(hoved.indhold.bytes / 1e6).toFixed(1).replace(".", ",")} MB).`);
    console.log(`Gendan den med: takst-server restore ${fil}${k.dataDir === resolve("./data") ? "" : ` --data ${k.dataDir}`}  (med serveren stoppet)`);
    return 0;
  } finally {
    rmSync(midlertidig, { force: true });
  }
}

/** rename, or across file systems a copy under a temporary name and then a rename. */
function flytFil(fra: string, til: string): void {
  try {
    renameSync(fra, til);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    const tmp = `${til}.${process.pid}.tmp`;
    copyFileSync(fra, tmp);
    renameSync(tmp, til);
  }
}

/** `takst-server restore fil`: the server stopped; the replaced database is kept beside it. */
async function restore(pos: string[], k: Konfig): Promise<number> {
  if (k.databaseUrl) throw new Error(POSTGRES_BACKUP);
  const [arg] = pos;
  if (!arg) throw new Error("Angiv sikkerhedskopien: takst-server restore fil");
  const fil = resolve(arg);
  const g = await gendanKopi(fil, k.dataDir);
  console.log(`Gendannet fra ${fil}, taget ${g.hoved.tidspunkt} (${raekker(g.hoved.antal)}).`);
  console.log(g.gemt ? `Den hidtidige database er gemt i ${g.gemt}; slet den, når alt er i orden.` : "Der var ingen database i datamappen før.");
  console.log("Start takst-server igen. Mangler kopien indberetninger, der er kvitteret for siden, standser servicen nye indberetninger og siger hvilke; kør så takst-server kvitteringer afstem.");
  return 0;
}

async function kvitteringerKommando(pos: string[], k: Konfig): Promise<number> {
  if (pos[0] !== "afstem") throw new Error(`Ukendt kvitteringer-kommando "${pos[0] ?? ""}": brug afstem.`);
  const fil = kvitteringsfil(k.dataDir, k.databaseUrl);
  const a = await medDb(k, (db) => afstemKvitteringer(db, fil));
  if (a.beskadiget) console.log("Kvitteringsloggen var beskadiget; de linjer, der kunne læses, er sammenlignet med databasen.");
  if (a.mangler.length === 0) console.log("Databasen har alle kvitterede indberetninger.");
  else {
    console.log(`Databasen mangler ${a.mangler.length} kvitterede indberetninger: ${a.mangler.map((p) => p.nummer ?? p.id).join(", ")}.`);
    console.log(`Listen er gemt i ${a.listefil}: bed kommunerne indsende dem igen.`);
  }
  if (a.gammelLog) console.log(`Den tidligere kvitteringslog er gemt som ${a.gammelLog}.`);
  console.log(`Kvitteringsloggen er afstemt med databasen (${a.antal} indberetninger); serveren modtager indberetninger igen, når den startes.`);
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const { pos, flag } = laesArgumenter(argv);
  const [kommando, ...rest] = pos;
  if (!kommando || flag.help === true || kommando === "hjaelp" || kommando === "help") {
    console.log(HJAELP);
    return kommando ? 0 : 2;
  }
  const k = laesKonfig(flag);
  if (kommando === "start") {
    await start(k);
    return -1; // keeps running
  }
  if (kommando === "token") return token(rest, flag, k);
  if (kommando === "bruger") return bruger(rest, flag, k);
  if (kommando === "backup") return backup(flag, k);
  if (kommando === "restore") return restore(rest, k);
  if (kommando === "kvitteringer") return kvitteringerKommando(rest, k);
  if (kommando === "regelsaet") return regelsaetKommando(rest, flag, (fn) => medDb(k, fn));
  console.error(`Ukendt kommando "${kommando}".\n\n${HJAELP}`);
  return 2;
}

/** bin/takst-server.js: run, set the exit code; a running server keeps the process alive. */
export function koerFraKommandolinje(argv: readonly string[]): void {
  main(argv).then(
    (kode) => {
      if (kode >= 0) process.exitCode = kode;
    },
    (e: unknown) => {
      console.error(`Fejl: ${(e as Error).message}`);
      process.exitCode = 1;
      // Nothing may keep a failed start alive (an open handle would hang the terminal).
      setTimeout(() => process.exit(1), 500).unref();
    },
  );
}
