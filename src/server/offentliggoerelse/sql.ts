import type { RegisterPeriode } from "../../takstskema";
import type { Sql } from "../db";
import { type Udbakke, INGEN_MAIL } from "../udbakke";

export interface Offentliggoerelse {
  takstaar: number;
  offentliggjort: string;
  antalTakster: number;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
type Raekke = { takstaar: number; offentliggjort: Date | string; antal_takster: number };
const somOffentliggoerelse = (r: Raekke): Offentliggoerelse => ({ takstaar: r.takstaar, offentliggjort: iso(r.offentliggjort), antalTakster: r.antal_takster });

/**
 * The takst register's periods of a takstår (product.md §5.1, migration 010), each with the
 * submission it came from: one row per period of a takstniveau, in the order driftsherre,
 * tilbud, gyldig fra, the ydelse's place in its table. A period whose submission is withdrawn is
 * no takst unless it was in force when withdrawn: then it ends on the withdrawal day (migration
 * 011); withdrawn before it began, takstperioder_gyldige leaves it out. `$2` (a date or null): only the periods in force that day. Last year's current
 * submission of the same tilbud (not withdrawn) comes beside it for last year's takst
 * (sidsteAarsTakstVist); a withdrawn current version does not bring an older one back.
 */
export const TAKSTOVERSIGT_SQL = `
SELECT p.driftsherre, p.tilbud, i.vaerdier, i.beregnet, i.aendret_i_aaret, i.aendring_begrundelse, i.regelsaet_id, i.regelsaet_version,
       CASE WHEN p.nr IS NULL THEN NULL ELSE i.beregnet->'ydelser'->(p.nr - 1) END AS ydelse,
       to_char(p.gyldig_fra, 'YYYY-MM-DD') AS gyldig_fra, to_char(p.gyldig_til, 'YYYY-MM-DD') AS gyldig_til, p.art,
       i.id::text AS indberetning_id, p.nummer,
       f.vaerdier AS sidste_vaerdier, f.beregnet AS sidste_beregnet
FROM takstperioder_gyldige p
JOIN indberetninger i ON i.id = p.indberetning_id
LEFT JOIN LATERAL (
  SELECT x.status, x.vaerdier, x.beregnet FROM indberetninger x
  WHERE x.driftsherre = p.driftsherre AND x.tilbud = p.tilbud AND x.takstaar = p.takstaar - 1 AND x.skematype = 'budget'
  ORDER BY x.version DESC, x.modtaget DESC LIMIT 1
) f ON f.status <> 'tilbagetrukket'
WHERE p.takstaar = $1::int
  AND ($2::date IS NULL OR (p.gyldig_fra <= $2::date AND (p.gyldig_til IS NULL OR p.gyldig_til >= $2::date)))
ORDER BY p.driftsherre, p.tilbud, p.gyldig_fra, p.nr, p.id`;

export interface OversigtRaekke {
  driftsherre: string;
  tilbud: string;
  vaerdier: Record<string, unknown>;
  beregnet: unknown;
  aendret_i_aaret: Date | string | null;
  aendring_begrundelse: string | null;
  /** The ruleset the server validated against (null for submissions stored before it was recorded). */
  regelsaet_id?: string | null;
  regelsaet_version?: number | null;
  ydelse: unknown;
  /** The period: YYYY-MM-DD, gyldig_til null while open. */
  gyldig_fra: string;
  gyldig_til: string | null;
  art: string;
  indberetning_id: string;
  nummer: string | null;
  /** Last year's current submission of the tilbud; null when there is none. */
  sidste_vaerdier: Record<string, unknown> | null;
  sidste_beregnet: unknown;
}

/** The periods of a takstår; with `dato` (YYYY-MM-DD), those in force that day. */
export async function takstoversigtRaekker(db: Sql, takstaar: number, dato: string | null = null): Promise<OversigtRaekke[]> {
  return db.query<OversigtRaekke>(TAKSTOVERSIGT_SQL, [takstaar, dato]);
}

/**
 * How many takster (ydelser) publication opens: those of the current, not withdrawn submission
 * of every tilbud of the year (the periods migration 010's trigger opens).
 */
export async function aktuelleTaksterAntal(db: Sql, takstaar: number): Promise<number> {
  const [r] = await db.query<{ n: number }>(
    `SELECT COALESCE(sum(CASE WHEN jsonb_typeof(a.beregnet->'ydelser') = 'array' THEN jsonb_array_length(a.beregnet->'ydelser') ELSE 1 END), 0)::int AS n
     FROM (SELECT DISTINCT ON (driftsherre, tilbud) status, beregnet FROM indberetninger WHERE takstaar = $1::int AND skematype = 'budget'
           ORDER BY driftsherre, tilbud, version DESC, modtaget DESC) a
     WHERE a.status <> 'tilbagetrukket'`,
    [takstaar],
  );
  return Number(r?.n ?? 0);
}

/** The takster (per ydelse) of a tilbud in force on a day (YYYY-MM-DD) in the register. */
export async function taksterIKraft(db: Sql, driftsherre: string, tilbud: string, takstaar: number, dato: string): Promise<{ navn: string; takst: number | null }[]> {
  const rows = await db.query<{ navn: string; takst: number | null }>(
    `SELECT ydelse AS navn, takst FROM takstperioder_gyldige
     WHERE driftsherre = $1::text AND tilbud = $2::text AND takstaar = $3::int AND gyldig_fra <= $4::date AND (gyldig_til IS NULL OR gyldig_til >= $4::date)`,
    [driftsherre, tilbud, takstaar, dato],
  );
  return rows.map((r) => ({ navn: r.navn, takst: r.takst === null ? null : Number(r.takst) }));
}

/** Every period of a tilbud's takster in a takstår (the register, withdrawn ones as takstperioder_gyldige counts them). */
export async function tilbuddetsPerioder(db: Sql, driftsherre: string, tilbud: string, takstaar: number): Promise<RegisterPeriode[]> {
  const rows = await db.query<{ navn: string; takst: number | null; gyldig_fra: string; gyldig_til: string | null }>(
    `SELECT ydelse AS navn, takst, to_char(gyldig_fra, 'YYYY-MM-DD') AS gyldig_fra, to_char(gyldig_til, 'YYYY-MM-DD') AS gyldig_til FROM takstperioder_gyldige
     WHERE driftsherre = $1::text AND tilbud = $2::text AND takstaar = $3::int AND (gyldig_til IS NULL OR gyldig_til >= gyldig_fra)
     ORDER BY gyldig_fra, id`,
    [driftsherre, tilbud, takstaar],
  );
  return rows.map((r) => ({ navn: r.navn, takst: r.takst === null ? null : Number(r.takst), gyldigFra: r.gyldig_fra, gyldigTil: r.gyldig_til }));
}

export async function hentOffentliggoerelse(db: Sql, takstaar: number): Promise<Offentliggoerelse | undefined> {
  const [r] = await db.query<Raekke>("SELECT takstaar, offentliggjort, antal_takster FROM offentliggoerelser WHERE takstaar = $1::int", [takstaar]);
  return r ? somOffentliggoerelse(r) : undefined;
}

export async function offentliggjorteAar(db: Sql): Promise<Offentliggoerelse[]> {
  const rows = await db.query<Raekke>("SELECT takstaar, offentliggjort, antal_takster FROM offentliggoerelser ORDER BY takstaar DESC");
  return rows.map(somOffentliggoerelse);
}

/**
 * Publishes a takstår once: the insert does nothing when the year is already published (a
 * concurrent second call included), and the stored row is returned either way.
 */
export async function offentliggoer(db: Sql, takstaar: number, tokenId: string, antalTakster: number, udbakke: Udbakke = INGEN_MAIL): Promise<{ o: Offentliggoerelse; ny: boolean }> {
  // Called inside the publication's transaction: the mails are written exactly when the year is first published.
  const [ny] = await db.query<Raekke>(
    `INSERT INTO offentliggoerelser (takstaar, token_id, antal_takster) VALUES ($1::int, $2::text, $3::int)
     ON CONFLICT (takstaar) DO NOTHING RETURNING takstaar, offentliggjort, antal_takster`,
    [takstaar, tokenId, antalTakster],
  );
  if (ny) await udbakke.offentliggjort(db, takstaar);
  if (ny) return { o: somOffentliggoerelse(ny), ny: true };
  const o = await hentOffentliggoerelse(db, takstaar);
  if (!o) throw new Error("Offentliggørelsen blev hverken gemt eller fundet.");
  return { o, ny: false };
}


/** The public list's edition (migration 017): it grows with every change the list may show. */
export async function offentligUdgave(db: Sql): Promise<bigint> {
  const [r] = await db.query<{ u: string }>("SELECT udgave::text AS u FROM offentlig_udgave");
  return BigInt(r?.u ?? 0);
}
