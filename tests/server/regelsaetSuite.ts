import { buildApp } from "../../src/server/app";
import { apiMiljoe } from "./apiMiljoe";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { antalUdgivne } from "../../src/server/regelsaet/lager";
import { syd2027 } from "../helpers/regelsaet";
import { type Tokens, bearer, gyldigtSkema, lavTokens } from "./fixtures";

const URL = "/api/v1/regelsaet";

/** Publishing rulesets (product.md §5-§6), run against PGlite and a real PostgreSQL cluster. */
export function regelsaetSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  let t: Tokens;

  apiMiljoe(aabn, lavTokens, (m) => ({ db, app, t } = m), undefined, false);

  const udgiv = (body: unknown, token: string | null = t.sekretariat) =>
    app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...(token ? bearer(token) : {}) }, payload: JSON.stringify(body) });
  const get = (url: string) => app.inject({ method: "GET", url });
  const indsend = (over: Record<string, string | number | null>) =>
    app.inject({ method: "POST", url: "/api/v1/indberetninger", headers: { "content-type": "application/json", ...bearer(t.odense) }, payload: JSON.stringify(gyldigtSkema(over)) });

  it("lists the built-in rulesets without a token (id, navn, region, takstaar, version)", async () => {
    const r = await get(URL);
    expect(r.statusCode).toBe(200);
    const liste = r.json().regelsaet as Record<string, unknown>[];
    expect(liste.map((x) => x.id)).toEqual(["MIDT-2020", "MIDT-2021", "SYD-2018"]);
    expect(liste.find((x) => x.id === "SYD-2018")).toEqual({ id: "SYD-2018", navn: "Rammeaftale Syddanmark, takster 2018", region: "Syddanmark", takstaar: 2018, version: 1 });
  });

  it("refuses a file with errors with 422 and Danish findings naming the parameter; nothing is stored", async () => {
    const daarlig = syd2027();
    const p = daarlig.parametre as Record<string, Record<string, unknown>>;
    p.renteLoft = { vaerdi: 0.02 }; // no kilde
    p.overheadLoft = { vaerdi: 4.4, kilde: "bilag 17" }; // 440 %, written as a percent
    const r = await udgiv(daarlig);
    expect(r.statusCode).toBe(422);
    const fund = r.json().fund as { sti: string; besked: string }[];
    expect(fund).toEqual(
      expect.arrayContaining([
        { sti: "parametre.renteLoft.kilde", besked: "mangler" },
        { sti: "parametre.overheadLoft.vaerdi", besked: "en brøk fra 0 til 1 (4,4 % skrives 0,044)" },
      ]),
    );
    const ukendt = await udgiv({ ...syd2027(), parametre: { ...(syd2027().parametre as object), overheadloft: { vaerdi: 0.04, kilde: "x y z" } } });
    expect(ukendt.statusCode).toBe(422);
    expect(ukendt.json().fund[0].besked).toMatch(/^ukendt felt: overheadloft/);
    expect(await antalUdgivne(db)).toBe(0);
    expect((await get(`${URL}/SYD-2027`)).statusCode).toBe(404);
  });

  it("refuses a takstaar other than the id's year and a date that does not exist (422, nothing stored)", async () => {
    const fil = syd2027({ takstaar: 2026 });
    (fil.parametre as Record<string, unknown>).fristTakster = { vaerdi: "2026-02-30", kilde: "tidsplan 2027 (testdata)" };
    const r = await udgiv(fil);
    expect(r.statusCode).toBe(422);
    expect(r.json().fund).toEqual(
      expect.arrayContaining([
        { sti: "takstaar", besked: "takstaar er 2026, men id'et SYD-2027 siger 2027; de skal være ens" },
        { sti: "parametre.fristTakster.vaerdi", besked: "datoen 2026-02-30 findes ikke i kalenderen" },
      ]),
    );
    expect(await antalUdgivne(db)).toBe(0);
  });

  it("refuses a municipality's token (403) and a missing token (401)", async () => {
    expect((await udgiv(syd2027(), t.odense)).statusCode).toBe(403);
    expect((await udgiv(syd2027(), null)).statusCode).toBe(401);
    expect(await antalUdgivne(db)).toBe(0);
  });

  it("publishes a ruleset (201); the list and GET /:id show it with its sources; the same file again is no duplicate", async () => {
    const r = await udgiv(syd2027());
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ id: "SYD-2027", version: 1, takstaar: 2027, region: "Syddanmark" });
    const igen = await udgiv(syd2027());
    expect(igen.statusCode).toBe(200);
    expect(igen.json().sha256).toBe(r.json().sha256);
    expect(await antalUdgivne(db)).toBe(1);
    expect((await get(URL)).json().regelsaet.map((x: { id: string }) => x.id)).toContain("SYD-2027");
    const fuld = (await get(`${URL}/syd-2027`)).json();
    expect(fuld.parametre.overheadLoft).toEqual({ vaerdi: 0.05, kilde: "Rammeaftale Syddanmark 2027, bilag 17 afsnit 3 (testdata)" });
  });

  it("a submission under SYD-2027 is validated against the published cap and records id and version", async () => {
    // 4,9 % is under the 5 % cap of version 1.
    const r = await indsend({ TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, TS_OverheadSats: 0.049, TS_Tilbud: "Tilbud v1" });
    expect(r.statusCode).toBe(201);
    const [raekke] = await db.query<{ regelsaet_id: string; regelsaet_version: number }>("SELECT regelsaet_id, regelsaet_version FROM indberetninger WHERE id = $1", [r.json().id]);
    expect(raekke).toEqual({ regelsaet_id: "SYD-2027", regelsaet_version: 1 });
  });

  it("a correction is a new version beside the old one; a changed version 1 is refused (409)", async () => {
    const aendret = await udgiv(syd2027({ overheadLoft: 0.048 }));
    expect(aendret.statusCode).toBe(409);
    expect(aendret.json().fejl).toMatch(/version 2/);
    const v2 = await udgiv(syd2027({ version: 2, overheadLoft: 0.048 }));
    expect(v2.statusCode).toBe(201);
    expect((await get(URL)).json().regelsaet.find((x: { id: string }) => x.id === "SYD-2027").version).toBe(2);
    expect((await get(`${URL}/SYD-2027`)).json().parametre.overheadLoft.vaerdi).toBe(0.048);
    expect((await get(`${URL}/SYD-2027?version=1`)).json().parametre.overheadLoft.vaerdi).toBe(0.05);
    expect((await get(`${URL}/SYD-2027?version=9`)).statusCode).toBe(404);
    expect(await antalUdgivne(db)).toBe(2);
  });

  it("a submission after the correction is validated against version 2 and records it; the overview shows it", async () => {
    // 4,9 % is now over the 4,8 % cap: TS020 from the new version.
    const over = await indsend({ TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, TS_OverheadSats: 0.049, TS_Tilbud: "Tilbud v2" });
    expect(over.statusCode).toBe(422);
    expect(over.json().findings.map((f: { code: string }) => f.code)).toContain("TS020");
    const r = await indsend({ TS_Regelsaet: "SYD-2027", TS_Takstaar: 2027, TS_OverheadSats: 0.045, TS_Tilbud: "Tilbud v2" });
    expect(r.statusCode).toBe(201);
    const detalje = await app.inject({ method: "GET", url: `/api/v1/oversigt/indberetninger/${r.json().id}`, headers: bearer(t.sekretariat) });
    expect(detalje.json().valideretMod).toEqual({ id: "SYD-2027", version: 2 });
    const oversigt = await app.inject({ method: "GET", url: "/api/v1/oversigt?takstaar=2027", headers: bearer(t.sekretariat) });
    const pr = Object.fromEntries(oversigt.json().indberetninger.map((i: { tilbud: string; valideretMod: unknown }) => [i.tilbud, i.valideretMod]));
    expect(pr).toEqual({ "Tilbud v1": { id: "SYD-2027", version: 1 }, "Tilbud v2": { id: "SYD-2027", version: 2 } });
  });

  it("refuses to change a built-in ruleset's version (409) and a lower version than the newest", async () => {
    const syd = syd2027({ id: "SYD-2018", takstaar: 2018, version: 1 });
    expect((await udgiv(syd)).statusCode).toBe(409);
    expect((await udgiv(syd2027({ version: 1, overheadLoft: 0.03, navn: "igen" }))).statusCode).toBe(409);
  });

  it("a second server on the same database sees a publication (one register, newest version per id)", async () => {
    const anden = await buildApp({ db, statiskMappe: null });
    try {
      const ud = await udgiv(syd2027({ version: 3, overheadLoft: 0.047 }));
      expect(ud.statusCode).toBe(201);
      const r = await anden.inject({ method: "GET", url: `${URL}/SYD-2027` });
      expect(r.json().version).toBe(3);
    } finally {
      await anden.close();
    }
  });

  it("issue 26: a new version that drops or loosens parameters is refused with the list unless confirmed with \"fjern\": true", async () => {
    // Version 3 (0,047 overhead cap) is the newest (the test above).
    const tom = await udgiv({ ...syd2027({ version: 4 }), parametre: {} });
    expect(tom.statusCode).toBe(422);
    expect(tom.json().fejl).toContain("--fjern");
    const stier = (tom.json().fund as { sti: string; besked: string }[]).map((f) => f.sti);
    expect(stier).toEqual(expect.arrayContaining(["parametre.overheadLoft", "parametre.renteLoft", "parametre.kategorier", "parametre.fristTakster"]));
    expect(tom.json().fund.find((f: { sti: string }) => f.sti === "parametre.overheadLoft").besked).toMatch(/^fjernes \(var 0,047\)/);
    const loesere = await udgiv(syd2027({ version: 4, overheadLoft: 0.2 }));
    expect(loesere.statusCode).toBe(422);
    expect(loesere.json().fund).toEqual([{ sti: "parametre.overheadLoft", besked: "lempes fra 0,047 til 0,2" }]);
    expect(await antalUdgivne(db)).toBe(3);
    const bekraeftet = await udgiv({ ...syd2027({ version: 4 }), parametre: {}, fjern: true });
    expect(bekraeftet.statusCode).toBe(201);
    expect((await get(`${URL}/SYD-2027`)).json()).toMatchObject({ version: 4, parametre: {} });
    expect((await get(`${URL}/SYD-2027`)).json()).not.toHaveProperty("fjern");
  });

  it("issue 26: NUL in a text and a version of 2^31 or 2147483647 are 422 naming the field, not 500", async () => {
    const nul = await udgiv(syd2027({ version: 5, navn: "Syd\u00002027" }));
    expect(nul.statusCode).toBe(422);
    expect(nul.json().fund).toEqual([{ sti: "navn", besked: expect.stringContaining("kontroltegn") }]);
    for (const version of [2 ** 31, 2147483647]) {
      const r = await udgiv(syd2027({ version }));
      expect({ version, kode: r.statusCode, stier: r.json().fund?.map((f: { sti: string }) => f.sti) }).toEqual({ version, kode: 422, stier: ["version"] });
    }
  });
}
