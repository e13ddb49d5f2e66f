import type { Db } from "../../src/server/db";
import { YDELSE_KOLONNER } from "../../src/takstskema";
import { type Rolle, opretToken } from "../../src/server/tokens";
import type { FastifyInstance } from "fastify";

export type Skemapost = Record<string, string | number | boolean | null | (string | number | boolean | null)[]>;

/** A complete, valid SYD-2018 skema (takst 1682 kr.); overrides change single fields. */
export function gyldigtSkema(over: Skemapost = {}): Skemapost {
  return {
    TS_Regelsaet: "SYD-2018",
    TS_Takstaar: 2018,
    TS_Driftsherre: "Odense Kommune",
    TS_Tilbud: "Bofællesskabet Søhuset",
    TS_TilbudsportalID: "12345",
    TS_Ydelse: "Længerevarende botilbud",
    TS_Lovgrundlag: "SEL § 108",
    TS_Maalgruppe: "Voksne med udviklingshæmning",
    TS_Kontaktperson: "Anne Jensen",
    TS_Email: "anne@odense.dk",
    TS_Pladser: 12,
    TS_Belaegning: 0.96,
    TS_Dage: 365,
    TS_Takstenhed: "døgn",
    TS_Loen: 6500000,
    TS_Administration: 300000,
    TS_OverheadSats: 0.04,
    ...over,
  };
}

/** Distinct valid skemaer (different tilbud and wages), e.g. for load. */
export function skemaNr(i: number, driftsherre = "Odense Kommune"): Skemapost {
  return gyldigtSkema({ TS_Driftsherre: driftsherre, TS_Tilbud: `Tilbud ${i}`, TS_Loen: 6000000 + (i % 100000) * 10 });
}

export interface Tokens {
  odense: string;
  odenseId: string;
  aarhus: string;
  sekretariat: string;
  tilbagekaldt: string;
}

export async function lavTokens(db: Db): Promise<Tokens> {
  const t = (rolle: Rolle, driftsherre: string | null) => opretToken(db, { rolle, driftsherre });
  const odense = await t("kommune", "Odense Kommune");
  const aarhus = await t("kommune", "Aarhus Kommune");
  const sek = await t("sekretariat", null);
  const gammel = await t("kommune", "Odense Kommune");
  await db.query("UPDATE tokens SET tilbagekaldt = now() WHERE id = $1", [gammel.id]);
  return { odense: odense.token, odenseId: odense.id, aarhus: aarhus.token, sekretariat: sek.token, tilbagekaldt: gammel.token };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A JSON POST to the app, with the token's Authorization header where there is one. */
export function postJson(app: FastifyInstance, url: string, body: unknown, token?: string) {
  return app.inject({ method: "POST", url, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) }, payload: JSON.stringify(body) });
}

/** A JSON POST in a test's set-up that must succeed with `kode`; its answer, or an error naming the route. */
export async function postOk(app: FastifyInstance, url: string, token: string, body: unknown, kode = 201): Promise<{ id: string }> {
  const r = await postJson(app, url, body, token);
  if (r.statusCode !== kode) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return r.json();
}

/**
 * The red team's hostile body (issue 16): every amount and number field 4.000 characters of
 * spaces ending in a letter, the e-mail a long run of dots. Before the caps and linear patterns
 * one such body cost 0,6 s of server CPU. About 121 KB as JSON.
 */
export function fjendtligKrop(felter: readonly { navn: string; type: string; beregnet: boolean }[]): Record<string, unknown> {
  const krop = gyldigtSkema({ TS_Email: `a@${".".repeat(3990)} x` });
  const tal = felter.filter((f) => !f.beregnet && (f.type === "beloeb" || f.type === "tal" || f.type === "heltal" || f.type === "procent"));
  for (const f of tal) krop[f.navn] = `1${" ".repeat(3990)}kr x`;
  // Since issue 12 pladser, belægning and sidste års takst are Ydelser columns: their first row.
  const kolonner = YDELSE_KOLONNER.filter((k) => !k.beregnet && k.type !== "tekst");
  return { ...krop, ...Object.fromEntries(kolonner.map((k) => [k.navn, [`1${" ".repeat(3990)}kr x`]])) };
}
