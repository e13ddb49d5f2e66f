import "./jestCookie";
import type { FastifyInstance } from "fastify";
import { lavRegister } from "../../src/regelsaet";
import { laesRegelsaetMappe } from "../../src/regelsaet/fraMappe";
import { buildApp } from "../../src/server/app";
import type { Db } from "../../src/server/db";
import { behandlKrop } from "../../src/server/indberetninger/behandl";
import { gemIndberetning } from "../../src/server/indberetninger/sql";
import { opretToken } from "../../src/server/tokens";
import { type MailKonfig, lavUdbakke } from "../../src/server/udbakke";
import { planlaegPaamindelser } from "../../src/server/udbakke/paamindelser";
import type { Udbakke } from "../../src/kontrakt";
import { type Modtaget, type TestSmtp, startSmtp, ventPaa } from "../helpers/smtp";
import { bearer, gyldigtSkema, postOk, type Skemapost } from "./fixtures";

const SEKRETARIAT = "sekretariat@rammeaftale.dk";

/**
 * Issue 25, e-mail (acceptance 1): a real SMTP server in process; what arrives, to whom, once.
 * `aabn` opens the same database every time (the restart test closes it and opens it again);
 * `andenForbindelse`, where the database can have two (PostgreSQL), is a second server's.
 */
export function udbakkeSuite(aabn: () => Promise<Db>, andenForbindelse?: () => Promise<Db>): void {
  // Above ventPaa's own limit, so a mail that never comes is reported by what it was, not as a timeout.
  jest.setTimeout(180_000);
  let db: Db;
  let app: FastifyInstance;
  let smtp: TestSmtp;
  const t = { odense: "", aarhus: "", vejle: "", sekretariat: "" };
  const mail = (): MailKonfig => ({
    smtpUrl: smtp.url, fra: "takster@rammeaftale.dk", sekretariat: SEKRETARIAT, paamindelseDage: [14, 3],
    // Short waits and looks, so a refused mail is tried again soon; reminders only when a test plans them.
    ventetider: [100, 200, 400], tjekMs: 50, paamindelseMs: Number.POSITIVE_INFINITY,
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    db = await aabn();
    app = await buildApp({ db, statiskMappe: null, mail: mail() });
    const tok = async (driftsherre: string | null) => (await opretToken(db, { rolle: driftsherre ? "kommune" : "sekretariat", driftsherre })).token;
    Object.assign(t, { odense: await tok("Odense Kommune"), aarhus: await tok("Aarhus Kommune"), vejle: await tok("Vejle Kommune"), sekretariat: await tok(null) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await smtp?.stop();
  });
  beforeEach(async () => {
    // Everything sent before is out of the outbox's way first (a mail still pending would arrive in the next test).
    await ventPaa(async () => (await db.query("SELECT 1 FROM udbakke WHERE status = 'afventer'")).length === 0, "udbakken tom");
    for (const tabel of ["udbakke", "offentliggoerelser", "indberetninger"]) await db.query(`DELETE FROM ${tabel}`);
    smtp.mails.length = 0;
    smtp.afvis = null;
  });

  const indsend = (over: Skemapost, token = t.odense) => postOk(app, "/api/v1/indberetninger", token, gyldigtSkema(over)) as Promise<{ id: string; nummer: string }>;
  const udbakke = async (): Promise<Udbakke> => {
    const r = await app.inject({ method: "GET", url: "/api/v1/udbakke", headers: bearer(t.sekretariat) });
    expect(r.statusCode).toBe(200);
    return r.json();
  };
  const af = (art: string) => smtp.mails.filter((m) => m.art === art);
  const venter = (art: string, antal: number) => ventPaa(() => af(art).length >= antal, `${antal} e-mail(s) af arten ${art}; kom: ${JSON.stringify(smtp.mails.map((m) => [m.art, m.til]))}`);

  it("a submission sends a receipt with its number to TS_Email, once, with no takst figures", async () => {
    const k = await indsend({ TS_Email: "anne@odense.dk" });
    await venter("kvittering", 1);
    const [m] = af("kvittering") as [Modtaget];
    expect(m.til).toEqual(["anne@odense.dk"]);
    expect(m.fra).toContain("takster@rammeaftale.dk");
    expect(m.emne).toBe(`Kvittering ${k.nummer} for takster 2018: Bofællesskabet Søhuset`);
    expect(m.tekst).toContain(`Kvitteringsnummer: ${k.nummer}`);
    expect(m.tekst).toContain("Odense Kommune");
    // The takst of the skema is 1.682 kr. (fixtures.ts); the mail names no amount.
    expect(m.tekst).not.toMatch(/1\.?682|kr\./);
    // The same body again is the same receipt: no second mail is written.
    await postOk(app, "/api/v1/indberetninger", t.odense, gyldigtSkema({ TS_Email: "anne@odense.dk" }), 200);
    const u = await udbakke();
    expect(u.smtp).toBe(true);
    expect(u.mails.map((x) => [x.art, x.status, x.modtagere])).toEqual([["kvittering", "sendt", ["anne@odense.dk"]]]);
    expect(u.mails[0]!.svar).toMatch(/^250/);
    expect(u.mails[0]!.sendt).not.toBeNull();
  });

  it("the secretariat's question reaches the municipality, its answer the secretariat, the approval the municipality", async () => {
    const { id, nummer } = await indsend({ TS_Email: "anne@odense.dk" });
    await postOk(app, `/api/v1/indberetninger/${id}/status`, t.sekretariat, { status: "i_dialog", bemaerkning: "Hvorfor er lønnen steget 12 %?" }, 200);
    await venter("spoergsmaal", 1);
    const [s] = af("spoergsmaal") as [Modtaget];
    expect(s.til).toEqual(["anne@odense.dk"]);
    expect(s.tekst).toContain(`kvittering ${nummer}`);
    // The question itself stays in the service (it may name figures).
    expect(s.tekst).not.toContain("12 %");

    await postOk(app, `/api/v1/indberetninger/${id}/bemaerkninger`, t.odense, { tekst: "Ny normering efter tilsynets påbud." });
    await venter("svar", 1);
    expect(af("svar").map((m) => [m.til, m.emne])).toEqual([[[SEKRETARIAT], "Svar fra Odense Kommune: takster 2018, Bofællesskabet Søhuset"]]);

    // A remark by the secretariat is a question too; the approval has its own mail.
    await postOk(app, `/api/v1/indberetninger/${id}/status`, t.sekretariat, { status: "godkendt" }, 200);
    await venter("godkendt", 1);
    expect(af("godkendt").map((m) => m.til)).toEqual([["anne@odense.dk"]]);
    // A refused status change writes nothing.
    expect((await app.inject({ method: "POST", url: `/api/v1/indberetninger/${id}/status`, headers: { ...bearer(t.sekretariat), "content-type": "application/json" }, payload: { status: "godkendt" } })).statusCode).toBe(409);
    expect((await udbakke()).mails.map((m) => m.art).sort()).toEqual(["godkendt", "kvittering", "spoergsmaal", "svar"]);
  });

  it("a question goes to the address of the current version, not the one asked about", async () => {
    const v1 = await indsend({ TS_Email: "gammel@odense.dk" });
    await indsend({ TS_Email: "ny@odense.dk", TS_Loen: 6600000 });
    await postOk(app, `/api/v1/indberetninger/${v1.id}/bemaerkninger`, t.sekretariat, { tekst: "Hvorfor en ny version?" });
    await venter("spoergsmaal", 1);
    expect(af("spoergsmaal").map((m) => m.til)).toEqual([["ny@odense.dk"]]);
  });

  it("publication mails every driftsherre with a submission that year once, each to its contacts", async () => {
    await indsend({ TS_Email: "anne@odense.dk" });
    await indsend({ TS_Driftsherre: "Vejle Kommune", TS_Tilbud: "Bostedet", TS_Email: "a@vejle.dk" }, t.vejle);
    await indsend({ TS_Driftsherre: "Vejle Kommune", TS_Tilbud: "Værestedet", TS_Email: "b@vejle.dk" }, t.vejle);
    await postOk(app, "/api/v1/offentliggoerelse", t.sekretariat, { takstaar: 2018, bekraeft: true });
    await postOk(app, "/api/v1/offentliggoerelse", t.sekretariat, { takstaar: 2018, bekraeft: true }, 200);
    await venter("offentliggjort", 2);
    expect(af("offentliggjort").map((m) => m.til.sort()).sort()).toEqual([["a@vejle.dk", "b@vejle.dk"], ["anne@odense.dk"]]);
    expect((await udbakke()).mails.filter((m) => m.art === "offentliggjort")).toHaveLength(2);
  });

  it("a reminder goes only to the driftsherrer missing this year, once per reminder", async () => {
    // Last year (2018): Odense, Aarhus and Vejle (two tilbud).
    await indsend({ TS_Email: "anne@odense.dk" });
    await indsend({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus Bo", TS_Email: "bo@aarhus.dk" }, t.aarhus);
    await indsend({ TS_Driftsherre: "Vejle Kommune", TS_Tilbud: "Bostedet", TS_Email: "a@vejle.dk" }, t.vejle);
    await indsend({ TS_Driftsherre: "Vejle Kommune", TS_Tilbud: "Værestedet", TS_Email: "b@vejle.dk" }, t.vejle);
    // Published: last year's published tilbud are this year's expected (no list kept for 2019).
    await postOk(app, "/api/v1/offentliggoerelse", t.sekretariat, { takstaar: 2018, bekraeft: true });
    // This year (2019): Aarhus has submitted, Odense and Vejle have not.
    const b = behandlKrop(gyldigtSkema({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus Bo", TS_Email: "bo@aarhus.dk" }), laesRegelsaetMappe(), new Date());
    if (!b.ok) throw new Error("fixture ugyldig");
    const [{ id: tokenId } = { id: "" }] = await db.query<{ id: string }>("SELECT id FROM tokens WHERE driftsherre = 'Aarhus Kommune'");
    await gemIndberetning(db, { ...b.noegle, takstaar: 2019, sha256: b.sha256, payload: b.indhold, vaerdier: b.vaerdier, findings: [], sprunget: [], beregnet: b.beregnet, tokenId });
    const syd = laesRegelsaetMappe().hent("SYD-2018");
    const register = lavRegister([{ ...syd, id: "SYD-2019", takstaar: 2019, parametre: { ...syd.parametre, fristTakster: { vaerdi: "2018-11-15", kilde: "test" } } }]);
    const dage = [14, 3];

    expect(await planlaegPaamindelser(db, register, new Date("2018-10-20T10:00:00Z"), dage)).toBe(0);
    expect(await planlaegPaamindelser(db, register, new Date("2018-11-05T10:00:00Z"), dage)).toBe(2);
    expect(await planlaegPaamindelser(db, register, new Date("2018-11-06T10:00:00Z"), dage)).toBe(0);
    await venter("paamindelse", 2);
    expect(af("paamindelse").map((m) => m.til.sort()).sort()).toEqual([["a@vejle.dk", "b@vejle.dk"], ["anne@odense.dk"]]);
    const vejle = af("paamindelse").find((m) => m.til.includes("a@vejle.dk"))!;
    expect(vejle.tekst).toContain("om 10 dage");
    expect(vejle.tekst).toContain("  - Bostedet\n  - Værestedet");
    // Three days before: the second reminder, once; after the deadline none.
    expect(await planlaegPaamindelser(db, register, new Date("2018-11-12T23:30:00Z"), dage)).toBe(2);
    expect(await planlaegPaamindelser(db, register, new Date("2018-11-13T10:00:00Z"), dage)).toBe(0);
    expect(await planlaegPaamindelser(db, register, new Date("2018-11-16T10:00:00Z"), dage)).toBe(0);
    await venter("paamindelse", 4);
    const paamindelser = (await udbakke()).mails.filter((m) => m.art === "paamindelse");
    expect(paamindelser.flatMap((m) => m.modtagere)).not.toContain("bo@aarhus.dk");
    expect(paamindelser).toHaveLength(4);
    expect(af("paamindelse").flatMap((m) => m.til)).not.toContain("bo@aarhus.dk");
  });

  it("the running service plans the reminders itself, and sends each once however many rounds it runs", async () => {
    await indsend({ TS_Email: "anne@odense.dk" });
    await indsend({ TS_Driftsherre: "Aarhus Kommune", TS_Tilbud: "Aarhus Bo", TS_Email: "bo@aarhus.dk" }, t.aarhus);
    await venter("kvittering", 2);
    await postOk(app, "/api/v1/offentliggoerelse", t.sekretariat, { takstaar: 2018, bekraeft: true });
    const syd = laesRegelsaetMappe().hent("SYD-2018");
    const register = lavRegister([syd, { ...syd, id: "SYD-2019", takstaar: 2019, parametre: { ...syd.parametre, fristTakster: { vaerdi: "2018-11-15", kilde: "test" } } }]);
    // Planning in every round, on 5 November 2018 (ten days before the deadline).
    const app2 = await buildApp({ db, register, statiskMappe: null, mail: { ...mail(), paamindelseMs: 0, klokke: () => new Date("2018-11-05T10:00:00Z") } });
    try {
      await app2.ready();
      await venter("paamindelse", 2);
      // Mails written after the reminders arrive only after more rounds have planned again.
      await postOk(app2, "/api/v1/indberetninger", t.odense, gyldigtSkema({ TS_Tilbud: "Senere", TS_Email: "senere@odense.dk" }));
      await ventPaa(() => smtp.mails.some((m) => m.til.includes("senere@odense.dk")), "kvitteringen efter påmindelserne");
      await ventPaa(async () => (await db.query("SELECT 1 FROM udbakke WHERE status = 'afventer'")).length === 0, "udbakken tom");
      expect(af("paamindelse").map((m) => m.til).sort()).toEqual([["anne@odense.dk"], ["bo@aarhus.dk"]]);
    } finally {
      await app2.close();
    }
  });

  it("while the SMTP server refuses (451 at RCPT TO, then after DATA), nothing is lost; afterwards every mail arrives exactly once", async () => {
    smtp.afvis = "rcpt";
    const kvitteringer = [];
    for (const tilbud of ["A", "B", "C"]) kvitteringer.push(await indsend({ TS_Tilbud: `Tilbud ${tilbud}`, TS_Email: `${tilbud.toLowerCase()}@odense.dk` }));
    await postOk(app, `/api/v1/indberetninger/${kvitteringer[0]!.id}/status`, t.sekretariat, { status: "i_dialog", bemaerkning: "Et spørgsmål" }, 200);
    // Every mail refused at least twice, the server's answer kept.
    await ventPaa(async () => (await udbakke()).mails.every((m) => m.forsoeg >= 2 && m.status === "afventer"), "hver e-mail afvist to gange");
    expect((await udbakke()).mails.every((m) => /451/.test(m.svar ?? ""))).toBe(true);
    smtp.afvis = "data";
    const afvist = smtp.afvisninger;
    await ventPaa(() => smtp.afvisninger >= afvist + 4, "fire afvisninger efter DATA");
    expect(smtp.mails).toHaveLength(0);
    smtp.afvis = null;
    await ventPaa(async () => (await udbakke()).mails.every((m) => m.status === "sendt"), "alle sendt");
    expect(smtp.mails.map((m) => m.udbakkeId).sort()).toEqual((await udbakke()).mails.map((m) => String(m.id)).sort());
    expect(smtp.mails.map((m) => m.til[0]).sort()).toEqual(["a@odense.dk", "a@odense.dk", "b@odense.dk", "c@odense.dk"]);
  });

  it("a permanent refusal (550) fails the mail at once, with the server's answer, and only the secretariat sees the outbox", async () => {
    smtp.afvis = "altid";
    await indsend({ TS_Email: "findes.ikke@odense.dk" });
    await ventPaa(async () => (await udbakke()).mails.some((m) => m.status === "fejlet"), "e-mailen opgivet");
    const [m] = (await udbakke()).mails;
    expect(m).toMatchObject({ status: "fejlet", forsoeg: 1, sendt: null, naesteForsoeg: null, modtagere: ["findes.ikke@odense.dk"] });
    expect(m!.svar).toMatch(/^550/);
    const fejlede = await app.inject({ method: "GET", url: "/api/v1/udbakke?status=fejlet", headers: bearer(t.sekretariat) });
    expect(fejlede.json().mails).toHaveLength(1);
    expect((await app.inject({ method: "GET", url: "/api/v1/udbakke?status=sendt", headers: bearer(t.sekretariat) })).json().mails).toHaveLength(0);
    expect((await app.inject({ method: "GET", url: "/api/v1/udbakke", headers: bearer(t.odense) })).statusCode).toBe(403);
    expect((await app.inject({ method: "GET", url: "/api/v1/udbakke" })).statusCode).toBe(401);
  });

  it("a mail written in an action that is rolled back is never sent", async () => {
    const { id } = await indsend({ TS_Email: "anne@odense.dk" });
    await venter("kvittering", 1);
    const u = lavUdbakke(mail());
    await expect(db.transaction(async (tx) => {
      await u.dialog(tx, { indberetningId: id, rolle: "sekretariat", status: "i_dialog" });
      await u.offentliggjort(tx, 2018);
      throw new Error("handlingen fejler efter e-mailen");
    })).rejects.toThrow("handlingen fejler");
    expect((await udbakke()).mails.map((m) => m.art)).toEqual(["kvittering"]);
  });

  if (andenForbindelse) {
    it("two servers on one database send each mail once", async () => {
      const db2 = await andenForbindelse();
      const app2 = await buildApp({ db: db2, statiskMappe: null, mail: mail() });
      try {
        await app2.ready();
        const tilbud = Array.from({ length: 12 }, (_, i) => `Tilbud ${i}`);
        for (const [i, navn] of tilbud.entries()) await postOk(i % 2 ? app2 : app, "/api/v1/indberetninger", t.odense, gyldigtSkema({ TS_Tilbud: navn, TS_Email: `k${i}@odense.dk` }));
        await venter("kvittering", 12);
        await ventPaa(async () => (await udbakke()).mails.every((m) => m.status === "sendt"), "alle sendt");
        expect(smtp.mails.map((m) => m.til[0]).sort()).toEqual(tilbud.map((_, i) => `k${i}@odense.dk`).sort());
        expect((await udbakke()).mails.every((m) => m.forsoeg === 1)).toBe(true);
      } finally {
        await app2.close();
        await db2.close();
      }
    });
  }

  // Last: it replaces the suite's app and database with new ones on the same data.
  it("mails pending when the service stops are sent once after it starts again", async () => {
    smtp.afvis = "rcpt";
    await indsend({ TS_Email: "anne@odense.dk" });
    await indsend({ TS_Tilbud: "Andet tilbud", TS_Email: "bo@odense.dk" });
    await ventPaa(() => smtp.afvisninger >= 2, "afvist, før servicen stopper");
    await app.close();
    await db.close();
    smtp.afvis = null;
    db = await aabn();
    app = await buildApp({ db, statiskMappe: null, mail: mail() });
    await app.ready();
    await venter("kvittering", 2);
    await ventPaa(async () => (await udbakke()).mails.every((m) => m.status === "sendt"), "alle sendt");
    expect(af("kvittering").map((m) => m.til[0]).sort()).toEqual(["anne@odense.dk", "bo@odense.dk"]);
  });
}
