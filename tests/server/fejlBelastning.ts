import type { Server } from "./barn";
import { type Skemapost, skemaNr } from "./fixtures";

/** One answer as a client saw it: its status (0 = no answer at all) and how long it took. */
export interface Svar {
  status: number;
  ms: number;
  krop: string;
  /** When it was sent (Date.now()). */
  sendt: number;
}

const vent = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A request with its own 30 s limit: a server that never answers shows as status 0. */
async function maal(url: string, init: RequestInit = {}): Promise<Svar> {
  const t0 = Date.now();
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    return { status: r.status, krop: await r.text(), ms: Date.now() - t0, sendt: t0 };
  } catch (e) {
    return { status: 0, krop: String(e), ms: Date.now() - t0, sendt: t0 };
  }
}

export interface Belastning {
  /** Every answer to a submission. */
  poster: Svar[];
  /** Every answer to /health (polled three times a second). */
  helbred: Svar[];
  /** TS_Tilbud → the receipt the client got. */
  kvitteringer: Map<string, { id: string; sha256: string }>;
  /** Resolves when `antal` more receipts have arrived (and health said 200 meanwhile), or rejects after ms. */
  venTilKvitteringer(antal: number, ms: number): Promise<void>;
  /** When the fault began (set by the test). */
  fejlFra?: number;
  /** Stops sending new skemaer; each client first gets its current one receipted (retrying). */
  stop(): Promise<void>;
}

/**
 * Clients as a municipality's pane would behave: each submits distinct skemaer one after
 * another, and on 503 (or no answer) sends the same skema again until it has its receipt.
 */
export function startBelastning(server: Server, token: string, klienter = 4): Belastning {
  const poster: Svar[] = [];
  const helbred: Svar[] = [];
  const kvitteringer = new Map<string, { id: string; sha256: string }>();
  let naeste = 0;
  let stoppet = false;
  const send = async (krop: Skemapost) => {
    for (;;) {
      const s = await maal(`${server.base}/api/v1/indberetninger`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify(krop),
      });
      poster.push(s);
      if (s.status === 200 || s.status === 201) {
        const k = JSON.parse(s.krop) as { id: string; sha256: string };
        kvitteringer.set(String(krop.TS_Tilbud), { id: k.id, sha256: k.sha256 });
        return;
      }
      if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
      await vent(250);
    }
  };
  const klient = async () => {
    while (!stoppet) await send(skemaNr(naeste++));
  };
  const koerer = Array.from({ length: klienter }, klient);
  const poll = (async () => {
    while (!stoppet) {
      helbred.push(await maal(`${server.base}/api/v1/health`));
      await vent(300);
    }
  })();
  return {
    poster,
    helbred,
    kvitteringer,
    async venTilKvitteringer(antal, ms) {
      const maalTal = kvitteringer.size + antal;
      const fra = helbred.length;
      const frist = Date.now() + ms;
      while (kvitteringer.size < maalTal || !helbred.slice(fra).some((h) => h.status === 200)) {
        if (Date.now() > frist) throw new Error(`kun ${kvitteringer.size} af ${maalTal} kvitteringer efter ${ms} ms; sidste svar: ${JSON.stringify(poster.at(-1))}`);
        await vent(100);
      }
    },
    async stop() {
      stoppet = true;
      await Promise.all([...koerer, poll]);
    },
  };
}

/** SIGTERM, and the exit code or signal if the process ended within ms (else "kører stadig"). */
export async function sigterm(server: Server, ms: number): Promise<string> {
  const { proc } = server;
  if (proc.exitCode !== null || proc.signalCode !== null) return `allerede stoppet (${proc.exitCode ?? proc.signalCode})`;
  const ud = new Promise<string>((r) => proc.once("exit", (kode, signal) => r(`stoppet (${kode ?? signal})`)));
  proc.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const svar = await Promise.race([ud, new Promise<string>((r) => (timer = setTimeout(() => r("kører stadig"), ms)))]);
  clearTimeout(timer);
  return svar;
}

/** What must hold after a fault and its end; the test compares each with its expected value. */
export async function efterFejlen(server: Server, b: Belastning, sekretariat: string) {
  const liste = await maal(`${server.base}/api/v1/indberetninger`, { headers: { authorization: `Bearer ${sekretariat}` } });
  const raekker = (JSON.parse(liste.krop) as { indberetninger: { id: string; tilbud: string; version: number; sha256: string }[] }).indberetninger;
  const perTilbud = new Map<string, typeof raekker>();
  for (const r of raekker) perTilbud.set(r.tilbud, [...(perTilbud.get(r.tilbud) ?? []), r]);
  const log = server.log();
  // The first requests warm the server up (slow on a loaded machine): the fault is what is measured.
  const fra = b.fejlFra ?? 0;
  return {
    /** Answers other than a receipt or a 503 (a 500, no answer): none. */
    uventede: b.poster.filter((s) => ![200, 201, 503].includes(s.status)).map((s) => `${s.status} efter ${s.ms} ms: ${s.krop.slice(0, 200)}`),
    /** Answers from the fault on (a receipt or a 503) that took longer than 5 s: none. */
    langsomme: b.poster.filter((s) => s.sendt >= fra && s.ms > 5000).map((s) => `${s.status} efter ${s.ms} ms`),
    antal503: b.poster.filter((s) => s.status === 503).length,
    /** 503 bodies: the Danish message. */
    beskeder503: [...new Set(b.poster.filter((s) => s.status === 503).map((s) => (JSON.parse(s.krop) as { fejl: string }).fejl))],
    /** Health answers from the fault on that took longer than 2 s or were not 200/503: none. */
    helbredUdeAfTid: b.helbred.filter((h) => h.sendt >= fra && (h.ms > 2000 || ![200, 503].includes(h.status))).map((h) => `${h.status} efter ${h.ms} ms, ${h.sendt - fra} ms inde i fejlen`),
    helbred503: b.helbred.filter((h) => h.status === 503).map((h) => JSON.parse(h.krop) as unknown),
    /** Receipted skemaer whose row is missing or another: none. */
    tabte: [...b.kvitteringer].filter(([tilbud, k]) => !perTilbud.get(tilbud)?.some((r) => r.id === k.id && r.sha256 === k.sha256)).map(([t]) => t),
    /** Skemaer stored more than once: none. */
    dobbelte: [...perTilbud].filter(([, rs]) => rs.length > 1 || rs[0]!.version !== 1).map(([t]) => t),
    raekker: raekker.length,
    kvitteringer: b.kvitteringer.size,
    faultStart: log.split("databasen svarer ikke;").length - 1,
    faultSlut: log.split("databasen svarer igen").length - 1,
    interneFejl: log.split("intern fejl").length - 1,
  };
}
