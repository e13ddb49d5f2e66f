import { readFileSync } from "node:fs";
import { z } from "zod";
import type { Udfyldning } from "./skabelon";
import { filfejl } from "./laes";

/** A file the CLI cannot read or write, in Danish (never the raw ENOENT or JSON parser text). */
export class FilFejl extends Error {
  override name = "FilFejl";
}

/** "2017-11-10" → noon Danish time that day; a date that does not exist (2017-02-30) → undefined. */
export function indsendtDato(tekst: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tekst);
  if (!m) return undefined;
  const [aar, maaned, dag] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(aar, maaned - 1, dag));
  if (d.getUTCFullYear() !== aar || d.getUTCMonth() !== maaned - 1 || d.getUTCDate() !== dag) return undefined;
  return new Date(`${tekst}T12:00:00+01:00`);
}

const skalar = z.union([z.string(), z.number(), z.null()]);
/** TS_ name → value; a Ydelser column (TS_Ydelser_…) is a list of its rows' values (product.md §2). */
// Lists: the takstskema's Ydelser columns (10 rows) and the tilsynsskema's ST_ tables (the key table has 30 rows).
const inddataSchema = z.record(z.string(), z.union([skalar, z.array(skalar).max(30)])).superRefine((o, ctx) => {
  for (const [navn, v] of Object.entries(o)) {
    if (!Array.isArray(v) || navn.startsWith("ST_") || (navn.startsWith("TS_Ydelser_") && v.length <= 10)) continue;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "kun Ydelser-kolonner (højst 10) og ST_-tabeller kan være lister", path: [navn] });
  }
});

/** Values from elsewhere (the service's stored body) in the shape `udfyld` writes; undefined when they are not. */
export function somUdfyldning(data: unknown): Udfyldning | undefined {
  const r = inddataSchema.safeParse(data);
  return r.success ? (r.data as Udfyldning) : undefined;
}

/** The JSON input of `udfyld`: TS_ name → value, checked with zod. */
export function laesInddata(sti: string): Udfyldning {
  let tekst: string;
  try {
    tekst = readFileSync(sti, "utf8");
  } catch (e) {
    throw new FilFejl(`Filen ${sti} kan ikke åbnes: ${filfejl(e as NodeJS.ErrnoException)}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(tekst);
  } catch (e) {
    // Only the position is taken from the parser's (English) message.
    const pos = /position (\d+)/.exec((e as Error).message)?.[1];
    const linje = pos === undefined ? undefined : tekst.slice(0, Number(pos)).split("\n").length;
    throw new FilFejl(`${sti} er ikke gyldig JSON${linje === undefined ? "" : ` (fejl i linje ${linje})`}. Tjek kommaer, anførselstegn og klammer.`);
  }
  const r = inddataSchema.safeParse(data);
  if (!r.success) {
    throw new FilFejl(`${sti} skal være et JSON-objekt med TS_-navn → tal, tekst eller null (Ydelser-kolonner: en liste)${r.error.issues[0]?.path.length ? ` (se ${String(r.error.issues[0].path[0])})` : ""}.`);
  }
  return r.data as Udfyldning;
}

/** Run a write; an operating-system error becomes a Danish message naming the file. */
export async function skrivFil(sti: string, skriv: () => unknown): Promise<void> {
  try {
    await skriv();
  } catch (e) {
    const kode = (e as NodeJS.ErrnoException).code;
    if (typeof kode !== "string") throw e;
    throw new FilFejl(`Kan ikke skrive ${sti}: ${kode === "ENOENT" ? "mappen findes ikke" : filfejl(e as NodeJS.ErrnoException)}.`);
  }
}
