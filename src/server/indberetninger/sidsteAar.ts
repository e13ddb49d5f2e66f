import { type YdelseBeregnet, ydelserAf } from "../../takstskema";
import type { Sql } from "../db";
import type { Bruger } from "../tokens";

/** Last year's current submission of one tilbud, with its ydelser (a former single-takst row: one). */
export interface SidsteAarsIndberetning {
  id: string;
  nummer: string | null;
  takstaar: number;
  version: number;
  ydelser: YdelseBeregnet[];
}

/**
 * The current (highest) version of the budget skema of (driftsherre, tilbud, takstaar), unless it is withdrawn
 * (a withdrawn submission is no takst). Matching of driftsherre and tilbud is exact, as the
 * storage key.
 */
export async function hentSidsteAars(db: Sql, driftsherre: string, tilbud: string, takstaar: number): Promise<SidsteAarsIndberetning | undefined> {
  const [r] = await db.query<{ id: string; nummer: string | null; takstaar: number; version: number; status: string; vaerdier: unknown; beregnet: unknown }>(
    `SELECT id::text AS id, nummer, takstaar, version, status, vaerdier, beregnet FROM indberetninger
     WHERE driftsherre = $1::text AND tilbud = $2::text AND takstaar = $3::int AND skematype = 'budget' ORDER BY version DESC LIMIT 1`,
    [driftsherre, tilbud, takstaar],
  );
  if (!r || r.status === "tilbagetrukket") return undefined;
  return { id: r.id, nummer: r.nummer ?? null, takstaar: Number(r.takstaar), version: Number(r.version), ydelser: ydelserAf(r.vaerdier, r.beregnet) };
}

const sammeNavn = (a: string, b: string) => a.trim().toLocaleLowerCase("da-DK") === b.trim().toLocaleLowerCase("da-DK");

/**
 * Whose submission the last-year route reads: a municipality's own (naming another driftsherre
 * is refused, never answered with nothing); the secretariat's named one (it has none of its own).
 */
export function sidsteAarsDriftsherre(bruger: Pick<Bruger, "rolle" | "driftsherre">, oenskes: string | undefined): { ok: true; navn: string } | { ok: false; kode: 403; fejl: string } {
  if (bruger.rolle === "sekretariat") {
    return oenskes?.trim() ? { ok: true, navn: oenskes.trim() } : { ok: false, kode: 403, fejl: "Sekretariatet har ingen egne tilbud: angiv driftsherre." };
  }
  const egen = bruger.driftsherre ?? "";
  if (oenskes !== undefined && !sammeNavn(oenskes, egen)) return { ok: false, kode: 403, fejl: `Adgangsnøglen tilhører ${egen} og kan kun hente ${egen}s egne indberetninger.` };
  return { ok: true, navn: egen };
}
