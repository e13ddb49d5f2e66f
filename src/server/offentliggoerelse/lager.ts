import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { type Kodning, komprimer, valgtKodning } from "../benchmark/komprimering";

/** One answer of the public list as the route builds it: status, headers and the exact bytes. */
export interface OffentligtSvar {
  status: number;
  headers: Readonly<Record<string, string>>;
  krop: Buffer;
  /** Text (the page, the CSV) is sent compressed when the client accepts it; an .xlsx is a zip already. */
  komprimerbar: boolean;
}

interface Gemt extends OffentligtSvar {
  /** The strong validator: the body's sha256, so every instance gives the same bytes the same tag. */
  hash: string;
  komprimeret: Partial<Record<Kodning, Promise<Buffer>>>;
}

interface Post {
  udgave: bigint;
  svar: Promise<Gemt>;
  bytes: number;
}

/** What @fastify/compress leaves uncompressed (web.ts); the same here, so the bytes sent do not change. */
const MINDST_KOMPRIMERET = 1024;

/**
 * The public takstoversigt's answers, built once per edition of the list (migration 017) and
 * sent as a static file is: the same bytes, a strong ETag (If-None-Match → 304), compressed once
 * per encoding. Each request reads the edition (one row) first and an answer is kept under the
 * edition read before its data, so a change through any instance is in every instance's next
 * answer. Concurrent requests for one answer share its one build; the least recently used
 * answers go when the kept bytes pass `maksBytes` (each ?dato= is an answer of its own).
 */
export class OffentligtLager {
  private readonly poster = new Map<string, Post>();
  private bytes = 0;

  constructor(private readonly maksBytes = 64 * 1024 * 1024) {}

  /** The answer for `noegle` built at `udgave` or later, else `byg`'s (shared by the requests waiting for it). */
  hent(udgave: bigint, noegle: string, byg: () => Promise<OffentligtSvar>): Promise<Gemt> {
    const p = this.poster.get(noegle);
    if (p && p.udgave >= udgave) {
      // Most recently used last, for the eviction below.
      this.poster.delete(noegle);
      this.poster.set(noegle, p);
      return p.svar;
    }
    if (p) this.fjern(noegle, p);
    const post: Post = { udgave, bytes: 0, svar: Promise.resolve(null as unknown as Gemt) };
    post.svar = byg().then(
      (s) => {
        const g: Gemt = { ...s, hash: createHash("sha256").update(s.krop).digest("base64url").slice(0, 32), komprimeret: {} };
        if (this.poster.get(noegle) === post) {
          post.bytes = s.krop.length;
          this.bytes += post.bytes;
          this.ryd();
        }
        return g;
      },
      (e: unknown) => {
        // A failed build is not kept: the next request tries again.
        if (this.poster.get(noegle) === post) this.poster.delete(noegle);
        throw e;
      },
    );
    this.poster.set(noegle, post);
    return post.svar;
  }

  private fjern(noegle: string, p: Post): void {
    this.poster.delete(noegle);
    this.bytes -= p.bytes;
  }

  private ryd(): void {
    for (const [k, p] of this.poster) {
      if (this.bytes <= this.maksBytes || this.poster.size <= 1) break;
      this.fjern(k, p);
    }
  }
}

/** True when If-None-Match names this body in any encoding (weak comparison, as GET allows). */
function kendt(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === "*" || tag === `"${hash}"` || tag.startsWith(`"${hash}-`);
  });
}

/** Sends a kept answer: 304 when the client has it, else its bytes, compressed as web.ts would. */
export async function sendGemt(req: FastifyRequest, reply: FastifyReply, g: Gemt): Promise<FastifyReply> {
  reply.code(g.status);
  for (const [k, v] of Object.entries(g.headers)) reply.header(k, v);
  const kodning = g.komprimerbar && g.krop.length >= MINDST_KOMPRIMERET ? valgtKodning(req.headers["accept-encoding"]) : null;
  if (g.komprimerbar) reply.header("vary", "accept-encoding");
  if (g.status !== 200) return reply.send(g.krop);
  reply.header("etag", kodning ? `"${g.hash}-${kodning}"` : `"${g.hash}"`);
  if (kendt(req.headers["if-none-match"], g.hash)) return reply.code(304).send();
  if (!kodning) return reply.send(g.krop);
  const krop = await (g.komprimeret[kodning] ??= komprimer(g.krop, kodning));
  return reply.header("content-encoding", kodning).send(krop);
}

/**
 * `les` shared by concurrent callers, each still answered by a read that started after its call
 * (a change committed before a request arrived is in its answer): with a read in flight, callers
 * wait for the next one, which all of them share. Under many viewers the edition's row is read
 * about twice per round trip instead of once per view.
 */
export function delteLaesninger<T>(les: () => Promise<T>): () => Promise<T> {
  let iGang: Promise<T> | null = null;
  let venter: Promise<T> | null = null;
  const start = (): Promise<T> => {
    const p = les();
    iGang = p;
    const ryd = () => {
      if (iGang === p) iGang = null;
    };
    p.then(ryd, ryd);
    return p;
  };
  return () => {
    if (!iGang) return start();
    venter ??= iGang.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      venter = null;
      return start();
    });
    return venter;
  };
}
