import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { type Hastighedsgraense, STANDARD_BODY_LIMIT, STANDARD_HASTIGHED } from "./graenser";
import { type TrustProxy, laesTrustProxy } from "./klientadresse";
import { type MailKonfig, laesMailKonfig } from "./udbakke/konfig";
import { type OidcKonfig, laesOidcKonfig } from "./login/konfig";

export interface Konfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  addinOrigin: string;
  bodyLimit: number;
  http: boolean;
  /** The operator's own tilgængelighedserklæring, where /tilgaengelighed leads (TILGAENGELIGHED_URL). */
  tilgaengelighedUrl?: string;
  /** Per-token limit on the API (RATE_LIMIT requests per minute) and per-address on the public pages (PUBLIC_RATE_LIMIT); 0 turns each off. */
  hastighed: Hastighedsgraense | false;
  /** Which proxies' X-Forwarded-For gives the client's address (TRUST_PROXY; off by default). */
  trustProxy: TrustProxy;
  /** The optional daily backup (BACKUP_DIR, BACKUP_KEEP copies kept); pg_dump on PostgreSQL. */
  dagligKopi?: { mappe: string; behold: number };
  /** E-mail (SMTP_URL, MAIL_FROM, SEKRETARIAT_EMAIL, MAIL_PAAMINDELSE_DAGE); none sent when absent. */
  mail?: MailKonfig;
  /** Personal login (OIDC_ISSUER, OIDC_CLIENT_ID, …; login/konfig.ts); off when absent. */
  oidc?: OidcKonfig;
}

/**
 * Flags win over environment variables (PORT, HOST, DATA_DIR, DATABASE_URL, ADDIN_ORIGIN,
 * BODY_LIMIT, RATE_LIMIT, PUBLIC_RATE_LIMIT, TRUST_PROXY, TILGAENGELIGHED_URL, BACKUP_DIR, BACKUP_KEEP, SMTP_URL, MAIL_FROM, SEKRETARIAT_EMAIL, MAIL_PAAMINDELSE_DAGE). ADDIN_ORIGIN follows the port: the add-in is served by this server.
 */
export function laesKonfig(flag: Record<string, string | boolean>, env: NodeJS.ProcessEnv = process.env): Konfig {
  const tekst = (k: string) => (typeof flag[k] === "string" ? (flag[k] as string) : undefined);
  const port = Number(tekst("port") ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ugyldig port: ${tekst("port") ?? env.PORT}`);
  const bodyLimit = Number(env.BODY_LIMIT ?? STANDARD_BODY_LIMIT);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new Error(`Ugyldig BODY_LIMIT: ${env.BODY_LIMIT}`);
  const http = flag.http === true;
  const tilgaengelighedUrl = env.TILGAENGELIGHED_URL || undefined;
  if (tilgaengelighedUrl !== undefined && !/^https?:\/\/\S+$/.test(tilgaengelighedUrl)) throw new Error(`Ugyldig TILGAENGELIGHED_URL: ${tilgaengelighedUrl} (en adresse, der begynder med https://)`);
  return {
    port,
    host: tekst("host") ?? env.HOST ?? "localhost",
    dataDir: resolve(tekst("data") ?? env.DATA_DIR ?? "./data"),
    databaseUrl: tekst("database-url") ?? (env.DATABASE_URL || undefined),
    addinOrigin: env.ADDIN_ORIGIN || `${http ? "http" : "https"}://localhost:${port}`,
    bodyLimit,
    http,
    tilgaengelighedUrl,
    hastighed: laesHastighed(env),
    trustProxy: laesTrustProxy(env.TRUST_PROXY),
    dagligKopi: laesDagligKopi(env),
    mail: laesMailKonfig(env),
    oidc: laesOidcKonfig(env),
  };
}

/** RATE_LIMIT (per token or address) and PUBLIC_RATE_LIMIT (the public pages per address); off when both are 0. */
function laesHastighed(env: NodeJS.ProcessEnv): Konfig["hastighed"] {
  const rate = Number(env.RATE_LIMIT ?? STANDARD_HASTIGHED.antal);
  if (!Number.isInteger(rate) || rate < 0) throw new Error(`Ugyldig RATE_LIMIT: ${env.RATE_LIMIT} (antal forespørgsler pr. minut pr. token; 0 slår grænsen fra)`);
  // RATE_LIMIT=0 turns every limit off unless the public pages get their own.
  const offentlig = Number(env.PUBLIC_RATE_LIMIT ?? (rate === 0 ? 0 : STANDARD_HASTIGHED.offentlig));
  if (!Number.isInteger(offentlig) || offentlig < 0) throw new Error(`Ugyldig PUBLIC_RATE_LIMIT: ${env.PUBLIC_RATE_LIMIT} (antal forespørgsler pr. minut pr. klientadresse på de offentlige sider; 0 slår grænsen fra)`);
  return rate === 0 && offentlig === 0 ? false : { antal: rate, offentlig, vinduMs: STANDARD_HASTIGHED.vinduMs };
}

/** BACKUP_DIR turns the daily backup on; BACKUP_KEEP copies are kept (7 unless set). */
function laesDagligKopi(env: NodeJS.ProcessEnv): Konfig["dagligKopi"] {
  const behold = Number(env.BACKUP_KEEP ?? 7);
  if (!Number.isInteger(behold) || behold < 1) throw new Error(`Ugyldig BACKUP_KEEP: ${env.BACKUP_KEEP} (antal daglige sikkerhedskopier, der gemmes; mindst 1)`);
  return env.BACKUP_DIR ? { mappe: resolve(env.BACKUP_DIR), behold } : undefined;
}

/** The options of every command of takst-server (README, docs/server.md): text unless a switch. */
const TILVALG = {
  http: { type: "boolean" },
  json: { type: "boolean" },
  help: { type: "boolean" },
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  "database-url": { type: "string" },
  driftsherre: { type: "string" },
  rolle: { type: "string" },
  beskrivelse: { type: "string" },
  server: { type: "string" },
  token: { type: "string" },
  fjern: { type: "boolean" },
  ud: { type: "string" },
  udloeber: { type: "string" },
  navn: { type: "string" },
} as const;

/** `a b --x 1 --flag c` → positional [a, b, c] and flags {x: "1", flag: true}, by node:util's parseArgs. */
export function laesArgumenter(argv: readonly string[]): { pos: string[]; flag: Record<string, string | boolean> } {
  try {
    const { positionals, values } = parseArgs({ args: [...argv], options: TILVALG, strict: true, allowPositionals: true });
    const flag: Record<string, string | boolean> = {};
    for (const [k, v] of Object.entries(values)) if (v !== undefined) flag[k] = v;
    return { pos: positionals, flag };
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    const navn = /'(-[^' ]+)/.exec((e as Error).message)?.[1] ?? "";
    if (kode === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw new Error(`${navn} mangler en værdi`);
    if (kode === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new Error(`Ukendt tilvalg ${navn}.`);
    throw e;
  }
}
