import { resolve } from "node:path";
import { STANDARD_BODY_LIMIT } from "./app";
import { type Hastighedsgraense, STANDARD_HASTIGHED } from "./graenser";

export interface Konfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  addinOrigin: string;
  bodyLimit: number;
  http: boolean;
  /** Per-token limit on the API (RATE_LIMIT requests per minute; 0 turns it off). */
  hastighed: Hastighedsgraense | false;
}

/**
 * Flags win over environment variables (PORT, HOST, DATA_DIR, DATABASE_URL, ADDIN_ORIGIN,
 * BODY_LIMIT, RATE_LIMIT). ADDIN_ORIGIN follows the port: the add-in is served by this server.
 */
export function laesKonfig(flag: Record<string, string | boolean>, env: NodeJS.ProcessEnv = process.env): Konfig {
  const tekst = (k: string) => (typeof flag[k] === "string" ? (flag[k] as string) : undefined);
  const port = Number(tekst("port") ?? env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Ugyldig port: ${tekst("port") ?? env.PORT}`);
  const bodyLimit = Number(env.BODY_LIMIT ?? STANDARD_BODY_LIMIT);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new Error(`Ugyldig BODY_LIMIT: ${env.BODY_LIMIT}`);
  const http = flag.http === true;
  const rate = Number(env.RATE_LIMIT ?? STANDARD_HASTIGHED.antal);
  if (!Number.isInteger(rate) || rate < 0) throw new Error(`Ugyldig RATE_LIMIT: ${env.RATE_LIMIT} (antal forespørgsler pr. minut pr. token; 0 slår grænsen fra)`);
  return {
    port,
    host: tekst("host") ?? env.HOST ?? "localhost",
    dataDir: resolve(tekst("data") ?? env.DATA_DIR ?? "./data"),
    databaseUrl: tekst("database-url") ?? (env.DATABASE_URL || undefined),
    addinOrigin: env.ADDIN_ORIGIN || `${http ? "http" : "https"}://localhost:${port}`,
    bodyLimit,
    http,
    hastighed: rate === 0 ? false : { antal: rate, vinduMs: STANDARD_HASTIGHED.vinduMs },
  };
}

/** `a b --x 1 --flag c` → positional [a, b, c] and flags {x: "1", flag: true}. */
export function parseArgs(argv: readonly string[], booleske: ReadonlySet<string>): { pos: string[]; flag: Record<string, string | boolean> } {
  const pos: string[] = [];
  const flag: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [navn, vaerdi] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (vaerdi !== undefined) flag[navn] = vaerdi;
      else if (booleske.has(navn)) flag[navn] = true;
      else {
        const naeste = argv[i + 1];
        if (naeste === undefined || naeste.startsWith("--")) throw new Error(`--${navn} mangler en værdi`);
        flag[navn] = naeste;
        i++;
      }
    } else pos.push(a);
  }
  return { pos, flag };
}
