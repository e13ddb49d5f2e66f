import { hentDetalje, hentMine, hentObjektivFinansiering, traekTilbage, ydelseTekst } from "../../src/taskpane/mine-klient";
import { ofAar } from "../../src/tilsynsskema";

/** The pane's client for "Mine indberetninger" against canned answers (the real service: tests/oversigt/dialog.e2e.test.ts). */

function svar(status: number, krop: unknown, kald?: { url: string; init?: RequestInit }[]): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    kald?.push({ url, init });
    return new Response(JSON.stringify(krop), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

const raekke = (o: Record<string, unknown>) => ({ id: "x", driftsherre: "Odense Kommune", tilbud: "A", ydelse: "Y", takstaar: 2018, version: 1, nummer: "SYD-2018-0001", status: "modtaget", sha256: "f".repeat(64), modtaget: "2026-11-22T09:15:00.000Z", ...o });

describe("Mine indberetninger: the pane's client", () => {
  it("groups versions per takst, current first, newest takstår first", async () => {
    const liste = [
      raekke({ id: "a1", tilbud: "A", version: 1, takstaar: 2018 }),
      raekke({ id: "a2", tilbud: "A", version: 2, takstaar: 2018, status: "i_dialog" }),
      raekke({ id: "b1", tilbud: "B", version: 1, takstaar: 2019, nummer: null }),
    ];
    const r = await hentMine("http://127.0.0.1:9/", "tks_x", svar(200, { indberetninger: liste }));
    expect(r.ok && r.data.map((t) => t.versioner.map((v) => [v.id, v.status]))).toEqual([[["b1", "modtaget"]], [["a2", "i_dialog"], ["a1", "modtaget"]]]);
  });

  it("one submission carries all its ydelser (issue 12): grouped per tilbud and takstår, named by its ydelser", async () => {
    const liste = [
      raekke({ id: "a1", tilbud: "A", ydelse: "Gruppe A", ydelser: ["Gruppe A"], version: 1 }),
      raekke({ id: "a2", tilbud: "A", ydelse: "Gruppe A", ydelser: ["Gruppe A", "Gruppe B"], version: 2 }),
    ];
    const r = await hentMine("http://127.0.0.1:9/", "tks_x", svar(200, { indberetninger: liste }));
    expect(r.ok && r.data.map((t) => t.versioner.map((v) => v.id))).toEqual([["a2", "a1"]]);
    expect(r.ok && ydelseTekst(r.data[0]!.versioner[0]!)).toBe("Gruppe A, Gruppe B");
    // An older service sends only the one name.
    expect(ydelseTekst({ ydelse: "Y" })).toBe("Y");
  });

  it("refuses an answer it does not understand, and says why in Danish", async () => {
    expect(await hentMine("http://127.0.0.1:9", "tks_x", svar(200, { indberetninger: [raekke({ status: "slettet" })] }))).toEqual({ ok: false, besked: "Indberetningsservicen sendte et svar, opgaveruden ikke forstår." });
    expect(await hentMine("http://127.0.0.1:9", "", svar(200, {}))).toMatchObject({ ok: false, besked: expect.stringMatching(/^Der er ikke angivet en adgangsnøgle/) });
    expect(await hentDetalje("http://127.0.0.1:9", "tks_x", "x", svar(401, {}))).toMatchObject({ ok: false, besked: expect.stringMatching(/afvist \(401\)/) });
    expect(await traekTilbage("http://127.0.0.1:9", "tks_x", "x", "grund", svar(409, { fejl: "Indberetningen er trukket tilbage." }))).toEqual({
      ok: false,
      besked: "Indberetningsservicen afviste handlingen: Indberetningen er trukket tilbage.",
    });
  });

  it("withdraws with POST …/status {status: tilbagetrukket, bemaerkning} and the token as Bearer", async () => {
    const kald: { url: string; init?: RequestInit }[] = [];
    await traekTilbage("http://127.0.0.1:9/", " tks_x ", "id 1", "Tastefejl", svar(200, { id: "id 1", status: "tilbagetrukket" }, kald));
    expect(kald[0]!.url).toBe("http://127.0.0.1:9/api/v1/indberetninger/id%201/status");
    expect(kald[0]!.init?.method).toBe("POST");
    expect(JSON.parse(String(kald[0]!.init?.body))).toEqual({ status: "tilbagetrukket", bemaerkning: "Tastefejl" });
    expect((kald[0]!.init?.headers as Record<string, string>).Authorization).toBe("Bearer tks_x");
  });

  describe("objektiv finansiering (issue 23)", () => {
    const of = (aar: number, beloeb: number[]) => ({ budgetaar: aar, objektivFinansiering: beloeb.map((b) => ({ socialtilsyn: "Socialtilsyn Syd", kommune: "Odense Kommune", beloeb: b })) });

    it("asks for the coming and the current budget year with the token, and keeps only years with amounts", async () => {
      const kald: { url: string; init?: RequestInit }[] = [];
      const f = (async (url: string, init?: RequestInit) => {
        kald.push({ url, init });
        const aar = Number(new URL(url).searchParams.get("budgetaar"));
        return new Response(JSON.stringify(of(aar, aar === 2027 ? [] : [17878])), { status: 200 });
      }) as typeof fetch;
      expect(ofAar(new Date("2026-12-07T08:00:00Z"))).toEqual([2027, 2026]);
      const r = await hentObjektivFinansiering("http://127.0.0.1:9/", " tks_k ", [2027, 2026], f);
      expect(kald.map((k) => k.url)).toEqual(["http://127.0.0.1:9/api/v1/tilsyn/mine?budgetaar=2027", "http://127.0.0.1:9/api/v1/tilsyn/mine?budgetaar=2026"]);
      expect(new Headers(kald[0]!.init!.headers).get("authorization")).toBe("Bearer tks_k");
      expect(r).toEqual({ ok: true, data: [of(2026, [17878])] });
    });

    it("an amount that is no number is refused in Danish, not shown", async () => {
      const r = await hentObjektivFinansiering("http://127.0.0.1:9", "t", [2026], svar(200, { budgetaar: 2026, objektivFinansiering: [{ socialtilsyn: "S", kommune: "K", beloeb: "17.878" }] }));
      expect(r).toEqual({ ok: false, besked: "Indberetningsservicen sendte et svar, opgaveruden ikke forstår." });
    });

    it("a token that is no municipality's (403) is a refusal with the service's reason", async () => {
      const r = await hentObjektivFinansiering("http://127.0.0.1:9", "t", [2026], svar(403, { fejl: "Kun kommuner." }));
      expect(r).toEqual({ ok: false, besked: "Indberetningsservicen afviste handlingen: Kun kommuner." });
    });
  });
});
