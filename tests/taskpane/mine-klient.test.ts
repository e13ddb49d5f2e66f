import { hentDetalje, hentMine, traekTilbage, ydelseTekst } from "../../src/taskpane/mine-klient";

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
});
