/**
 * Server logs: JSON lines (pino) when the output is a file or a pipe, for log collectors; one
 * short readable line per entry when it is a terminal, for the person who just ran `npm start`.
 */

const NIVEAU: Record<number, string> = { 10: "SPOR", 20: "DEBUG", 30: "INFO", 40: "ADVAR", 50: "FEJL", 60: "FATAL" };

type Post = Record<string, unknown>;

/** One pino entry as "15:04:05 INFO  besked – fejl"; `anmodning` is "POST /sti" when known. */
export function laesbarLinje(o: Post, anmodning?: string): string {
  const tid = typeof o.time === "number" ? new Date(o.time).toTimeString().slice(0, 8) : "";
  const dele = [tid, (NIVEAU[Number(o.level)] ?? String(o.level ?? "")).padEnd(5)];
  const res = o.res as { statusCode?: number } | undefined;
  if (o.msg === "request completed" && anmodning) {
    dele.push(anmodning, String(res?.statusCode ?? ""), typeof o.responseTime === "number" ? `${Math.round(o.responseTime)} ms` : "");
  } else {
    if (anmodning) dele.push(anmodning);
    dele.push(String(o.msg ?? ""));
  }
  const fejl = o.err as { message?: string } | undefined;
  if (fejl?.message) dele.push(`– ${fejl.message}`);
  return `${dele.filter((d) => d !== "").join(" ")}\n`;
}

/**
 * The stream for pino: JSON as it is when not a terminal; on a terminal one line per request
 * (fastify logs "incoming request" and "request completed" separately; the first is held back by
 * request id and joined with the second).
 */
export function logStroem(ud: { isTTY?: boolean; write(s: string): unknown }): { write(msg: string): void } {
  if (!ud.isTTY) return { write: (msg) => void ud.write(msg) };
  const aabne = new Map<string, string>();
  return {
    write(msg: string) {
      let o: Post;
      try {
        o = JSON.parse(msg) as Post;
      } catch {
        ud.write(msg.endsWith("\n") ? msg : `${msg}\n`);
        return;
      }
      const id = String(o.reqId ?? "");
      const req = o.req as { method?: string; url?: string } | undefined;
      if (o.msg === "incoming request" && req?.method) {
        if (aabne.size > 1000) aabne.clear(); // requests that never completed must not pile up
        aabne.set(id, `${req.method} ${req.url ?? ""}`);
        return;
      }
      const anmodning = aabne.get(id);
      if (o.msg === "request completed") aabne.delete(id);
      ud.write(laesbarLinje(o, anmodning));
    },
  };
}
