import { z } from "zod";
import type { Db } from "../db";
import type { KopiHoved } from "../sikkerhedskopi/fil";
import { tagKopi } from "../sikkerhedskopi/pglite";
import { type Tilknytning, fjernTilknytning, listTilknytninger, tilknyt } from "../login/tilknytning";
import { ROLLER, listTokens, opretToken, tilbagekaldToken } from "../tokens";

/**
 * The token commands of `takst-server token …` and `takst-server backup`, as data: the same whether
 * run directly or through a running server. `fil` is an absolute path the server writes the backup to.
 */
export const adminKommando = z.discriminatedUnion("op", [
  z.object({
    op: z.literal("opret"),
    rolle: z.enum(ROLLER),
    driftsherre: z.string().max(500).nullable(),
    beskrivelse: z.string().max(500).nullable(),
    /** ISO time the token stops working (from --udloeber); absent = never. */
    udloeber: z.string().datetime().nullable().optional(),
  }),
  z.object({ op: z.literal("tilbagekald"), id: z.string().max(64) }),
  z.object({ op: z.literal("liste") }),
  z.object({ op: z.literal("backup"), fil: z.string().min(1).max(4096) }),
  z.object({ op: z.literal("tilknyt"), bruger: z.string().min(1).max(500), rolle: z.enum(ROLLER), driftsherre: z.string().max(500).nullable(), navn: z.string().max(500).nullable() }),
  z.object({ op: z.literal("fjern-tilknytning"), bruger: z.string().min(1).max(500) }),
  z.object({ op: z.literal("tilknytninger") }),
]);
export type AdminKommando = z.infer<typeof adminKommando>;

export interface TokenListeRaekke {
  id: string;
  rolle: string;
  driftsherre: string | null;
  beskrivelse: string | null;
  oprettet: string;
  tilbagekaldt: string | null;
  udloeber: string | null;
  art: "token" | "person";
}

export type AdminSvar = { op: "opret"; id: string; token: string } | { op: "tilbagekald"; ok: boolean } | { op: "liste"; tokens: TokenListeRaekke[] } | { op: "backup"; hoved: KopiHoved }
  | { op: "tilknyt" }
  | { op: "fjern-tilknytning"; ok: boolean }
  | { op: "tilknytninger"; tilknytninger: Tilknytning[] };

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function udfoerAdmin(db: Db, k: AdminKommando): Promise<AdminSvar> {
  switch (k.op) {
    case "opret":
      return { op: "opret", ...(await opretToken(db, { rolle: k.rolle, driftsherre: k.driftsherre, beskrivelse: k.beskrivelse, udloeber: k.udloeber ? new Date(k.udloeber) : null })) };
    case "tilbagekald":
      return { op: "tilbagekald", ok: await tilbagekaldToken(db, k.id) };
    case "liste":
      return { op: "liste", tokens: (await listTokens(db)).map((r) => ({ ...r, oprettet: iso(r.oprettet)!, tilbagekaldt: iso(r.tilbagekaldt), udloeber: iso(r.udloeber) })) };
    case "backup":
      return { op: "backup", hoved: await tagKopi(db, k.fil) };
    case "tilknyt":
      await tilknyt(db, k);
      return { op: "tilknyt" };
    case "fjern-tilknytning":
      return { op: "fjern-tilknytning", ok: await fjernTilknytning(db, k.bruger) };
    case "tilknytninger":
      return { op: "tilknytninger", tilknytninger: await listTilknytninger(db) };
  }
}
