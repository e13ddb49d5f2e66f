/**
 * The overview's narrow row (oversigt_kort.kort, migration 006) of a new submission, built from
 * what the server has in hand when it stores it, so the database need not dig it out of the
 * stored JSON (that halved the service's throughput on PostgreSQL, npm run bench server). The JSON array of
 * migration 009's oversigt_kort_tekst without its last two elements, version and receipt
 * number, which the storing function (migration 007) assigns and appends.
 */
export interface KortKilde {
  id: string;
  driftsherre: string;
  tilbud: string;
  modtaget: Date;
  findings: readonly unknown[];
  vaerdier: Readonly<Record<string, unknown>>;
  beregnet: unknown;
  regelsaet: { id: string; version: number } | null | undefined;
}

const felt = (o: unknown, navn: string): unknown => {
  const v = o !== null && typeof o === "object" ? (o as Record<string, unknown>)[navn] : undefined;
  return v === undefined ? null : v;
};

export function kortUdenNummer(k: KortKilde): string {
  const advarsler = k.findings.filter((f) => felt(f, "severity") === "warning");
  const ydelser = felt(k.beregnet, "ydelser");
  const raekker = Array.isArray(ydelser) ? ydelser.map((y) => [felt(y, "navn"), felt(y, "raekke"), felt(y, "takst"), felt(y, "sidsteAarsTakst")]) : [];
  return JSON.stringify([
    k.id, k.driftsherre, k.tilbud, "modtaget", k.modtaget.getTime(), advarsler,
    felt(k.vaerdier, "TS_PLPct"), felt(k.vaerdier, "TS_Takstenhed"), k.regelsaet?.id ?? null, k.regelsaet?.version ?? null, raekker,
    // The grouping fields (migration 009).
    [felt(k.vaerdier, "TS_Ledelsesomraade"), felt(k.vaerdier, "TS_Maalgruppekategori"), felt(k.vaerdier, "TS_SaerligOpmaerksomhed")],
  ]);
}
