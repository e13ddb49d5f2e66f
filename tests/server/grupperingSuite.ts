import { apiMiljoe } from "./apiMiljoe";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import type { Oversigt } from "../../src/server/oversigt/typer";
import { type Skemapost, type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

/**
 * The grouping fields of product.md §2 on the service (issue 21): stored with the submission,
 * shown in the overview's rows and filtered on by GET /api/v1/oversigt. PGlite and PostgreSQL.
 */
export function grupperingSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;

  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), undefined, false);
  beforeAll(async () => {
    const indsend = (over: Skemapost) =>
      app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify(gyldigtSkema(over)) });
    // Three tilbud of Odense 2018: two centres, one flagged særlig opmærksomhed, one without grouping.
    const skemaer: Skemapost[] = [
      { TS_Tilbud: "Søhuset", TS_Ledelsesomraade: "Center Syd", TS_Maalgruppekategori: "udviklingshæmmede", TS_Aarsvaerk: 18.5 },
      { TS_Tilbud: "Åbrinken", TS_Ledelsesomraade: "Center Nord", TS_Maalgruppekategori: "Socialpsykiatri", TS_SaerligOpmaerksomhed: "Ja" },
      { TS_Tilbud: "Engen" },
    ];
    for (const over of skemaer) expect((await indsend(over)).statusCode).toBe(201);
  });

  const get = (url: string) => app.inject({ method: "GET", url, headers: bearer(t.sekretariat) });
  const tilbud = async (query = ""): Promise<string[]> => {
    const r = await get(`/api/v1/oversigt?takstaar=2018${query}`);
    expect(r.statusCode).toBe(200);
    return (r.json() as Oversigt).indberetninger.map((i) => i.tilbud).sort();
  };

  it("a submission keeps its grouping fields (the stored body and the parsed values)", async () => {
    const [raekke] = await db.query<{ payload: Record<string, unknown>; vaerdier: Record<string, unknown> }>("SELECT payload, vaerdier FROM indberetninger WHERE tilbud = 'Søhuset'");
    expect(raekke!.payload).toMatchObject({ TS_Ledelsesomraade: "Center Syd", TS_Maalgruppekategori: "udviklingshæmmede", TS_Aarsvaerk: 18.5 });
    // The list's own spelling once parsed.
    expect(raekke!.vaerdier).toMatchObject({ TS_Maalgruppekategori: "Udviklingshæmmede", TS_Aarsvaerk: 18.5 });
  });

  it("the overview's rows carry ledelsesområde, målgruppekategori and særlig opmærksomhed", async () => {
    const o = (await get("/api/v1/oversigt?takstaar=2018")).json() as Oversigt;
    const som = (navn: string) => o.indberetninger.find((i) => i.tilbud === navn)!;
    expect([som("Søhuset").ledelsesomraade, som("Søhuset").maalgruppekategori, som("Søhuset").saerligOpmaerksomhed]).toEqual(["Center Syd", "Udviklingshæmmede", false]);
    expect([som("Åbrinken").ledelsesomraade, som("Åbrinken").maalgruppekategori, som("Åbrinken").saerligOpmaerksomhed]).toEqual(["Center Nord", "Socialpsykiatri", true]);
    expect([som("Engen").ledelsesomraade, som("Engen").maalgruppekategori, som("Engen").saerligOpmaerksomhed]).toEqual([null, null, false]);
  });

  it("GET /api/v1/oversigt filters on each grouping field (names as sammeYdelse compares them)", async () => {
    expect(await tilbud()).toEqual(["Engen", "Søhuset", "Åbrinken"]);
    expect(await tilbud(`&ledelsesomraade=${encodeURIComponent(" center syd ")}`)).toEqual(["Søhuset"]);
    expect(await tilbud("&maalgruppekategori=Socialpsykiatri")).toEqual(["Åbrinken"]);
    expect(await tilbud("&saerligOpmaerksomhed=ja")).toEqual(["Åbrinken"]);
    expect(await tilbud("&saerligOpmaerksomhed=nej")).toEqual(["Engen", "Søhuset"]);
    expect(await tilbud("&saerligOpmaerksomhed=nej&ledelsesomraade=Center%20Nord")).toEqual([]);
  });

  it("the counts follow the filter; an unknown særlig opmærksomhed value is 400", async () => {
    const o = (await get("/api/v1/oversigt?takstaar=2018&saerligOpmaerksomhed=ja")).json() as Oversigt;
    expect(o.antal.indberetninger).toBe(1);
    expect((await get("/api/v1/oversigt?takstaar=2018&saerligOpmaerksomhed=maaske")).statusCode).toBe(400);
  });
}
