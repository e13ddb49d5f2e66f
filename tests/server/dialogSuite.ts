import "./jestCookie";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../src/server/db";
import { laesRegelsaetMappe } from "../../src/regelsaet/fraMappe";
import { behandlKrop } from "../../src/server/indberetninger/behandl";
import { kanoniskJson, sha256Hex } from "../../src/server/kanonisk";
import { gemIndberetning } from "../../src/server/indberetninger/sql";
import { opretToken } from "../../src/server/tokens";
import type { Oversigt } from "../../src/server/oversigt/typer";
import { apiMiljoe } from "./apiMiljoe";
import { bearer, gyldigtSkema, type Skemapost } from "./fixtures";

const URL = "/api/v1/indberetninger";

/**
 * Issue 14 on PGlite and PostgreSQL: status and remarks with who and when, who may make which
 * transition, A→B→A as three versions, withdrawal leaving the export and the missing-check,
 * and short receipt numbers under concurrency.
 */
export function dialogSuite(aabn: () => Promise<Db>): void {
  let db: Db;
  let app: FastifyInstance;
  const t = { odense: "", aarhus: "", sekretariat: "" };

  const tokens = async (d: Db) => ({
    odense: (await opretToken(d, { rolle: "kommune", driftsherre: "Odense Kommune", beskrivelse: "Anne Jensen, økonomi" })).token,
    aarhus: (await opretToken(d, { rolle: "kommune", driftsherre: "Aarhus Kommune" })).token,
    sekretariat: (await opretToken(d, { rolle: "sekretariat", beskrivelse: "Rammeaftalesekretariatet" })).token,
  });
  apiMiljoe(aabn, tokens, (m) => {
    ({ db, app } = m);
    Object.assign(t, m.t);
  });

  const post = (body: unknown, token = t.odense) =>
    app.inject({ method: "POST", url: URL, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const get = (url: string, token: string) => app.inject({ method: "GET", url, headers: bearer(token) });
  const status = (id: string, body: unknown, token: string) =>
    app.inject({ method: "POST", url: `${URL}/${id}/status`, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify(body) });
  const bemaerk = (id: string, tekst: unknown, token: string) =>
    app.inject({ method: "POST", url: `${URL}/${id}/bemaerkninger`, headers: { "content-type": "application/json", ...bearer(token) }, payload: JSON.stringify({ tekst }) });
  const indsend = async (over: Skemapost = {}, token = t.odense): Promise<string> => {
    const r = await post(gyldigtSkema(over), token);
    expect(r.statusCode).toBe(201);
    return r.json().id as string;
  };
  const detalje = async (id: string, token = t.sekretariat) => (await get(`${URL}/${id}`, token)).json();

  describe("status and remarks", () => {
    it("a new submission is modtaget with an empty dialogue", async () => {
      const id = await indsend();
      expect(await detalje(id)).toMatchObject({ status: "modtaget", dialog: [] });
    });

    it("the secretariat asks, the municipality answers, the secretariat approves: all with who and when", async () => {
      const id = await indsend();
      const foer = Date.now();
      const spoerg = await status(id, { status: "i_dialog", bemaerkning: "Hvorfor er lønnen steget 12 %?" }, t.sekretariat);
      expect(spoerg.statusCode).toBe(200);
      expect(spoerg.json()).toMatchObject({ id, status: "i_dialog" });
      const svar = await bemaerk(id, "  Ny normering efter tilsynets påbud.  ", t.odense);
      expect(svar.statusCode).toBe(201);
      const tak = await bemaerk(id, "Tak, det giver mening.", t.sekretariat);
      expect(tak.statusCode).toBe(201);
      expect((await status(id, { status: "godkendt" }, t.sekretariat)).statusCode).toBe(200);

      for (const token of [t.sekretariat, t.odense]) {
        const d = await detalje(id, token);
        expect(d.status).toBe("godkendt");
        expect(d.dialog.map((p: { art: string; status: string | null; tekst: string | null; hvem: unknown }) => [p.art, p.status, p.tekst, p.hvem])).toEqual([
          ["status", "i_dialog", "Hvorfor er lønnen steget 12 %?", { rolle: "sekretariat", driftsherre: null, beskrivelse: "Rammeaftalesekretariatet" }],
          ["bemaerkning", null, "Ny normering efter tilsynets påbud.", { rolle: "kommune", driftsherre: "Odense Kommune", beskrivelse: "Anne Jensen, økonomi" }],
          ["bemaerkning", null, "Tak, det giver mening.", { rolle: "sekretariat", driftsherre: null, beskrivelse: "Rammeaftalesekretariatet" }],
          ["status", "godkendt", null, { rolle: "sekretariat", driftsherre: null, beskrivelse: "Rammeaftalesekretariatet" }],
        ]);
        const tider = d.dialog.map((p: { tidspunkt: string }) => Date.parse(p.tidspunkt));
        expect(tider.every((x: number) => x >= foer - 1000 && x <= Date.now() + 1000)).toBe(true);
        expect([...tider].sort((a, b) => a - b)).toEqual(tider);
      }
      // The list shows the status too.
      expect((await get(URL, t.odense)).json().indberetninger[0]).toMatchObject({ id, status: "godkendt" });
    });

    it("a municipality may only withdraw, only its own, and only with a reason", async () => {
      const id = await indsend();
      for (const s of ["godkendt", "i_dialog", "modtaget"]) {
        const r = await status(id, { status: s, bemaerkning: "x" }, t.odense);
        expect({ s, kode: r.statusCode }).toEqual({ s, kode: 403 });
      }
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "Forkert" }, t.aarhus)).statusCode).toBe(404);
      expect((await bemaerk(id, "Hej", t.aarhus)).statusCode).toBe(404);
      const udenGrund = await status(id, { status: "tilbagetrukket" }, t.odense);
      expect(udenGrund.statusCode).toBe(400);
      expect(udenGrund.json().fejl).toMatch(/begrundelse/);
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "   " }, t.odense)).statusCode).toBe(400);
      const ok = await status(id, { status: "tilbagetrukket", bemaerkning: "Tastefejl i tilbuddets navn" }, t.odense);
      expect(ok.statusCode).toBe(200);
      const d = await detalje(id, t.odense);
      expect(d.status).toBe("tilbagetrukket");
      expect(d.dialog).toEqual([expect.objectContaining({ art: "status", status: "tilbagetrukket", tekst: "Tastefejl i tilbuddets navn" })]);
      // Withdrawn stays withdrawn: neither side can move it again.
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "igen" }, t.odense)).statusCode).toBe(409);
      expect((await status(id, { status: "godkendt" }, t.sekretariat)).statusCode).toBe(409);
    });

    it("the secretariat may approve and ask (with a question), not withdraw; nothing twice", async () => {
      const id = await indsend();
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "x" }, t.sekretariat)).statusCode).toBe(403);
      expect((await status(id, { status: "modtaget" }, t.sekretariat)).statusCode).toBe(403);
      expect((await status(id, { status: "i_dialog" }, t.sekretariat)).statusCode).toBe(400);
      expect((await status(id, { status: "godkendt", bemaerkning: "Fint." }, t.sekretariat)).statusCode).toBe(200);
      expect((await status(id, { status: "godkendt" }, t.sekretariat)).statusCode).toBe(409);
      // An approval can be reopened with a question.
      expect((await status(id, { status: "i_dialog", bemaerkning: "Et spørgsmål mere" }, t.sekretariat)).statusCode).toBe(200);
      // And the municipality can still withdraw an approved or questioned submission.
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "Tilbuddet lukker" }, t.odense)).statusCode).toBe(200);
      expect((await detalje(id)).dialog.map((p: { status: string | null }) => p.status)).toEqual(["godkendt", "i_dialog", "tilbagetrukket"]);
    });

    it("only the current version changes status; remarks may go on any version; a new version starts as modtaget", async () => {
      const v1 = await indsend();
      expect((await status(v1, { status: "godkendt" }, t.sekretariat)).statusCode).toBe(200);
      const v2 = await indsend({ TS_Loen: 6600000 });
      expect((await detalje(v2)).status).toBe("modtaget");
      expect((await detalje(v1)).status).toBe("godkendt");
      const gammel = await status(v1, { status: "i_dialog", bemaerkning: "?" }, t.sekretariat);
      expect(gammel.statusCode).toBe(409);
      expect((await status(v1, { status: "tilbagetrukket", bemaerkning: "?" }, t.odense)).statusCode).toBe(409);
      expect((await bemaerk(v1, "Note til version 1", t.sekretariat)).statusCode).toBe(201);
    });

    it("refuses bad bodies and ids with 400/404, and callers without a token with 401", async () => {
      const id = await indsend();
      expect((await status(id, { status: "slettet" }, t.sekretariat)).statusCode).toBe(400);
      expect((await status(id, { status: "godkendt", ekstra: 1 }, t.sekretariat)).statusCode).toBe(400);
      expect((await status(id, { status: "i_dialog", bemaerkning: "x".repeat(4001) }, t.sekretariat)).statusCode).toBe(400);
      expect((await status(id, "godkendt", t.sekretariat)).statusCode).toBe(400);
      expect((await bemaerk(id, "", t.sekretariat)).statusCode).toBe(400);
      expect((await bemaerk(id, 42, t.sekretariat)).statusCode).toBe(400);
      expect((await bemaerk(id, "a\u0000b", t.sekretariat)).statusCode).toBe(400);
      expect((await status("00000000-0000-0000-0000-000000000000", { status: "godkendt" }, t.sekretariat)).statusCode).toBe(404);
      expect((await status("ikke-et-id", { status: "godkendt" }, t.sekretariat)).statusCode).toBe(404);
      const uden = await app.inject({ method: "POST", url: `${URL}/${id}/bemaerkninger`, headers: { "content-type": "application/json" }, payload: "{\"tekst\":\"x\"}" });
      expect(uden.statusCode).toBe(401);
      expect((await detalje(id)).dialog).toEqual([]);
    });
  });

  describe("versions and receipts", () => {
    it("A→B→A gives three versions: the third is a new version with A's body and B is no longer current", async () => {
      const A = gyldigtSkema();
      const B = gyldigtSkema({ TS_Loen: 6600000 });
      const rA = await post(A);
      const rB = await post(B);
      const rA2 = await post(A);
      expect([rA.statusCode, rB.statusCode, rA2.statusCode]).toEqual([201, 201, 201]);
      const [a, b, a2] = [rA.json(), rB.json(), rA2.json()];
      expect(new Set([a.id, b.id, a2.id]).size).toBe(3);
      expect(new Set([a.nummer, b.nummer, a2.nummer]).size).toBe(3);
      expect(a2.sha256).toBe(a.sha256);
      expect(a.sha256).toBe(sha256Hex(kanoniskJson(A)));
      expect((await detalje(a2.id)).version).toBe(3);
      const aktuelle = (await get(`${URL}?aktuelle=true`, t.sekretariat)).json().indberetninger;
      expect(aktuelle.map((i: { id: string }) => i.id)).toEqual([a2.id]);
      // A fourth A is identical to the current version: its receipt again, 200, no new row.
      const rA3 = await post(A);
      expect(rA3.statusCode).toBe(200);
      expect(rA3.json()).toEqual(a2);
      expect((await get(URL, t.sekretariat)).json().indberetninger).toHaveLength(3);
    });

    it("storing a submission is one statement, one round trip to the database (no transaction around it)", async () => {
      const b = behandlKrop(gyldigtSkema(), laesRegelsaetMappe(), new Date());
      if (!b.ok) throw new Error("fixture ugyldig");
      const [{ id: tokenId } = { id: "" }] = await db.query<{ id: string }>("SELECT id FROM tokens WHERE driftsherre = 'Odense Kommune'");
      const kald: string[] = [];
      const taellende: Db = { ...db, query: (sql, p) => (kald.push("query"), db.query(sql, p)), transaction: (fn) => (kald.push("transaction"), db.transaction(fn)) };
      const n = { ...b.noegle, sha256: b.sha256, payload: b.indhold, vaerdier: b.vaerdier, findings: b.findings, sprunget: b.skipped, beregnet: b.beregnet, tokenId };
      expect((await gemIndberetning(taellende, n)).ny).toBe(true);
      expect(kald).toEqual(["query"]);
      expect((await gemIndberetning(taellende, n)).ny).toBe(false);
      expect(kald).toEqual(["query", "query"]);
    });

    it("submissions arriving while one is stored go together in one call; a revoked token in the group refuses only its own", async () => {
      const [{ id: tokenId } = { id: "" }] = await db.query<{ id: string }>("SELECT id FROM tokens WHERE driftsherre = 'Odense Kommune'");
      const tilbagekaldt = await opretToken(db, { rolle: "kommune", driftsherre: "Odense Kommune" });
      await db.query("UPDATE tokens SET tilbagekaldt = now() WHERE id = $1", [tilbagekaldt.id]);
      const kald: string[] = [];
      const taellende: Db = { ...db, query: (sql, p, navn) => (kald.push("query"), db.query(sql, p, navn)) };
      const n = (i: number) => {
        const b = behandlKrop(gyldigtSkema({ TS_Tilbud: `Gruppe ${i}` }), laesRegelsaetMappe(), new Date());
        if (!b.ok) throw new Error("fixture ugyldig");
        return { ...b.noegle, sha256: b.sha256, payload: b.indhold, vaerdier: b.vaerdier, findings: b.findings, sprunget: b.skipped, beregnet: b.beregnet, tokenId: i === 3 ? tilbagekaldt.id : tokenId };
      };
      const svar = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => gemIndberetning(taellende, n(i))));
      expect(svar.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"]);
      expect((svar[3] as PromiseRejectedResult).reason).toMatchObject({ grund: "token" });
      // The first is stored alone; the four that arrived meanwhile in one call.
      expect(kald).toEqual(["query", "query"]);
      const gemte = await db.query<{ tilbud: string; version: number }>("SELECT tilbud, version FROM indberetninger WHERE tilbud LIKE 'Gruppe %' ORDER BY tilbud");
      expect(gemte).toEqual(["Gruppe 0", "Gruppe 1", "Gruppe 2", "Gruppe 4"].map((tilbud) => ({ tilbud, version: 1 })));
    });

    it("the same body after a withdrawal is a new version (modtaget), not the withdrawn receipt", async () => {
      const r1 = (await post(gyldigtSkema())).json();
      expect((await status(r1.id, { status: "tilbagetrukket", bemaerkning: "Ved en fejl" }, t.odense)).statusCode).toBe(200);
      const r2 = await post(gyldigtSkema());
      expect(r2.statusCode).toBe(201);
      expect(r2.json().id).not.toBe(r1.id);
      expect(await detalje(r2.json().id)).toMatchObject({ version: 2, status: "modtaget" });
    });

    it("receipt numbers: <ruleset>-<4 digits>, distinct and without gaps under many concurrent submissions", async () => {
      const foerste = (await post(gyldigtSkema({ TS_Tilbud: "Start" }))).json().nummer as string;
      expect(foerste).toMatch(/^SYD-2018-\d{4}$/);
      const start = Number(foerste.slice(-4));
      const n = 24;
      const svar = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          i % 2 === 0
            ? post(gyldigtSkema({ TS_Tilbud: `Samtidig ${i}` }))
            : // Aarhus submits the same takst key over and over: versions race as well as numbers.
              post(gyldigtSkema({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus-tilbud", TS_Loen: 6000000 + i }), t.aarhus),
        ),
      );
      expect(svar.map((s) => s.statusCode)).toEqual(Array(n).fill(201));
      const numre = svar.map((s) => s.json().nummer as string);
      expect(new Set(numre).size).toBe(n);
      const sekvens = numre.map((x) => Number(/^SYD-2018-(\d{4})$/.exec(x)![1])).sort((a, b) => a - b);
      // Worked out by hand: the numbers after `start` are start+1 … start+n, each used once.
      expect(sekvens).toEqual(Array.from({ length: n }, (_, i) => start + 1 + i));
      // And the stored rows carry the same numbers as their receipts.
      const gemte = await db.query<{ nummer: string }>("SELECT nummer FROM indberetninger WHERE tilbud <> 'Start' ORDER BY nummer");
      expect(gemte.map((r) => r.nummer)).toEqual([...numre].sort());
      const aarhus = (await get(URL, t.aarhus)).json().indberetninger.map((i: { version: number }) => i.version);
      expect(aarhus).toEqual(Array.from({ length: n / 2 }, (_, i) => i + 1));
    });

    it("concurrent identical bodies after A→B still give one new version and one receipt", async () => {
      await post(gyldigtSkema());
      await post(gyldigtSkema({ TS_Loen: 6600000 }));
      const svar = await Promise.all(Array.from({ length: 8 }, () => post(gyldigtSkema())));
      expect(svar.map((s) => s.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(svar.map((s) => s.json().nummer)).size).toBe(1);
      expect((await get(URL, t.sekretariat)).json().indberetninger).toHaveLength(3);
    });
  });

  describe("withdrawal", () => {
    it("removes the takst from the export, the current list and next year's missing-check", async () => {
      // The typo of issue 14: "Bostedet Egeb0" next to "Bostedet Egebo" in 2017.
      const tastefejl = await indsend({ TS_Takstaar: 2017, TS_Tilbud: "Bostedet Egeb0" });
      await indsend({ TS_Takstaar: 2017, TS_Tilbud: "Bostedet Egebo" });
      await indsend({ TS_Takstaar: 2018, TS_Tilbud: "Bostedet Egebo", TS_PLPct: 0.02 });
      const foer = (await get("/api/v1/oversigt?takstaar=2018", t.sekretariat)).json() as Oversigt;
      expect(foer.mangler.flatMap((m) => m.takster.map((x) => x.tilbud))).toEqual(["Bostedet Egeb0"]);

      expect((await status(tastefejl, { status: "tilbagetrukket", bemaerkning: "Tastefejl: skal være Egebo" }, t.odense)).statusCode).toBe(200);

      const csv = (await get("/api/v1/eksport/takster.csv", t.sekretariat)).body;
      expect(csv).not.toContain("Egeb0");
      expect(csv.trim().split("\r\n")).toHaveLength(3); // header + Egebo 2017 + Egebo 2018
      const aktuelle = (await get(`${URL}?aktuelle=true`, t.sekretariat)).json().indberetninger;
      expect(aktuelle.map((i: { tilbud: string }) => i.tilbud)).not.toContain("Bostedet Egeb0");
      const efter = (await get("/api/v1/oversigt?takstaar=2018", t.sekretariat)).json() as Oversigt;
      expect(efter.mangler).toEqual([]);
      expect(efter.antal.manglendeTakster).toBe(0);
      const aar2017 = (await get("/api/v1/oversigt?takstaar=2017", t.sekretariat)).json() as Oversigt;
      expect(aar2017.indberetninger.map((i) => i.tilbud)).toEqual(["Bostedet Egebo"]);
      expect(aar2017.tilbagetrukne).toEqual([expect.objectContaining({ id: tastefejl, tilbud: "Bostedet Egeb0" })]);
      expect(aar2017.antal.sagsstatus).toEqual({ modtaget: 1, i_dialog: 0, godkendt: 0, tilbagetrukket: 1 });
    });

    it("a takst withdrawn this year that existed last year is listed as withdrawn, not as missing, and not in the current list", async () => {
      await indsend({ TS_Takstaar: 2017 });
      const id = await indsend({ TS_Takstaar: 2018 });
      expect((await status(id, { status: "tilbagetrukket", bemaerkning: "Tilbuddet er lukket" }, t.odense)).statusCode).toBe(200);
      const o = (await get("/api/v1/oversigt?takstaar=2018", t.sekretariat)).json() as Oversigt;
      expect(o.indberetninger).toEqual([]);
      // Issue 20: the municipality withdrew it; "ophørt eller glemt?" would ask what it already said.
      expect(o.mangler).toEqual([]);
      expect(o.tilbagetrukne.map((x) => x.tilbud)).toEqual(["Bofællesskabet Søhuset"]);
      const xlsxRaekker = (await get("/api/v1/eksport/takster.csv?takstaar=2018", t.sekretariat)).body.trim().split("\r\n");
      expect(xlsxRaekker).toHaveLength(1);
    });
  });

  describe("the municipality's overview", () => {
    it("shows its own current submissions with status and receipt number; the detail has the dialogue", async () => {
      const id = await indsend();
      await indsend({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus-tilbud" }, t.aarhus);
      await status(id, { status: "i_dialog", bemaerkning: "Uddyb belægningen" }, t.sekretariat);
      const o = (await get("/api/v1/oversigt", t.odense)).json() as Oversigt;
      expect(o.bruger).toEqual({ rolle: "kommune", driftsherre: "Odense Kommune" });
      expect(o.indberetninger.map((i) => [i.driftsherre, i.sagsstatus])).toEqual([["Odense Kommune", "i_dialog"]]);
      expect(o.indberetninger[0]!.nummer).toMatch(/^SYD-2018-\d{4}$/);
      const d = (await get(`/api/v1/oversigt/indberetninger/${id}`, t.odense)).json();
      expect(d).toMatchObject({ status: "i_dialog", erAktuel: true });
      expect(d.dialog).toEqual([expect.objectContaining({ tekst: "Uddyb belægningen", version: 1 })]);
    });
  });
}
