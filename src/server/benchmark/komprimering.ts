import { promisify } from "node:util";
import { brotliCompress, gzip } from "node:zlib";
import { BROTLI_VALG } from "../web";

/**
 * A kept answer's body, compressed once per encoding instead of on every request (web.ts
 * compresses each answer as it leaves: for the comparison's 1,8 MB that was some 65 ms of the
 * server's one thread per request, while the page's script waited behind it). The zlib work runs
 * off the event loop; concurrent requests share the one compression.
 */
export type Kodning = "br" | "gzip";

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** The encoding to send for an accept-encoding header: br before gzip, none when neither is accepted (q=0 refuses). */
export function valgtKodning(accept: string | string[] | undefined): Kodning | null {
  const tilladt = new Set<string>();
  for (const del of (Array.isArray(accept) ? accept.join(",") : (accept ?? "")).split(",")) {
    const [navn, ...parametre] = del.trim().toLowerCase().split(";");
    const q = parametre.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find((m) => m !== null);
    if (navn && (!q || Number(q[1]) > 0)) tilladt.add(navn);
  }
  return tilladt.has("br") ? "br" : tilladt.has("gzip") ? "gzip" : null;
}

/** The body compressed with `kodning`. */
export function komprimer(tekst: string | ArrayBuffer | Buffer, kodning: Kodning): Promise<Buffer> {
  return kodning === "br" ? br(tekst, BROTLI_VALG) : gz(tekst);
}
