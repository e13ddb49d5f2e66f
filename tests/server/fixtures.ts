import type { Db } from "../../src/server/db";
import { type Rolle, opretToken } from "../../src/server/tokens";

export type Skemapost = Record<string, string | number | boolean | null>;

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
