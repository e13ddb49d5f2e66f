import { indberetning, indberetningKrop, indsend } from "../../src/taskpane/indsendelse";
import { gemIndstillinger, hentIndstillinger, NOEGLE, type Lager } from "../../src/taskpane/indstillinger";
import { fundHvor, resume, takstLinje, tidspunkt } from "../../src/taskpane/visning";

const KVITTERING = { id: "0b5c7d3e-8f1a-4c2b-9d6e-1a2b3c4d5e6f", nummer: "SYD-2018-0042", modtaget: "2026-11-22T09:15:00.000Z", sha256: "f".repeat(64) };

function svar(status: number, krop: unknown): typeof fetch {
  return (async () => new Response(JSON.stringify(krop), { status, headers: { "content-type": "application/json" } })) as typeof fetch;
}

describe("indsend: every answer becomes a Danish message, nothing throws", () => {
  const kald = (f: typeof fetch, token = "tks_x") => indsend("http://127.0.0.1:9", token, "{}", { fetchFn: f, timeoutMs: 200 });

  it("201 is a new receipt, 200 the same receipt again (no duplicate)", async () => {
    expect(await kald(svar(201, KVITTERING))).toEqual({ ok: true, kvittering: { ...KVITTERING, findings: [] }, gentaget: false });
    expect(await kald(svar(200, KVITTERING))).toEqual({ ok: true, kvittering: { ...KVITTERING, findings: [] }, gentaget: true });
  });
  it("the warnings the service returns with the receipt reach the pane (TS120 is computed only there)", async () => {
    const ts120 = { code: "TS120", severity: "warning", field: "TS_Ydelser_SidsteAarsTakst", cell: "Takstskema!G41", message: "Sidste års takst ..." };
    const r = await kald(svar(201, { ...KVITTERING, findings: [ts120, "ikke et fund", { code: "TS090", severity: "warning", message: "Fristen", cell: null }] }));
    expect(r).toEqual({ ok: true, kvittering: { ...KVITTERING, findings: [ts120, { code: "TS090", severity: "warning", message: "Fristen" }] }, gentaget: false });
  });
  it("a receipt from a service without short numbers has nummer null; a nummer that is not text is no receipt", async () => {
    const gammel = { id: KVITTERING.id, modtaget: KVITTERING.modtaget, sha256: KVITTERING.sha256 };
    expect(await kald(svar(201, gammel))).toEqual({ ok: true, kvittering: { ...gammel, nummer: null, findings: [] }, gentaget: false });
    expect(await kald(svar(201, { ...KVITTERING, nummer: 42 }))).toMatchObject({ ok: false, art: "svar" });
  });

  it("only the receipt's shape is accepted: anything else is never written into the workbook", async () => {
    const skaeve = [
      { ...KVITTERING, id: '=HYPERLINK("https://evil.example","Klik")' },
      { ...KVITTERING, id: "x".repeat(5000) },
      { ...KVITTERING, id: `${KVITTERING.id}\u0007` },
      { ...KVITTERING, nummer: '=HYPERLINK("https://evil.example","Klik")' },
      { ...KVITTERING, nummer: "SYD-2018-0042\u001b[2J" },
      { ...KVITTERING, modtaget: "i går" },
      { ...KVITTERING, sha256: "F".repeat(64) },
      { id: KVITTERING.id },
      "0b5c7d3e-8f1a-4c2b-9d6e-1a2b3c4d5e6f",
    ];
    for (const k of skaeve) {
      const r = await kald(svar(201, k));
      expect([k, r.ok, !r.ok && r.art]).toEqual([k, false, "svar"]);
    }
    // Extra fields do not make a good receipt bad; the short number is kept.
    const r = await kald(svar(201, { ...KVITTERING, ekstra: "x" }));
    expect(r).toEqual({ ok: true, kvittering: { ...KVITTERING, findings: [] }, gentaget: false });
  });
  it("no connection", async () => {
    const r = await kald((async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch);
    expect(r).toMatchObject({ ok: false, art: "offline" });
    expect(!r.ok && r.besked).toMatch(/^Kunne ikke få forbindelse til indberetningsservicen/);
  });
  it("no answer within the timeout", async () => {
    const haenger = ((_u: unknown, init?: RequestInit) =>
      new Promise((_ok, nej) => init?.signal?.addEventListener("abort", () => nej(new DOMException("aborted", "AbortError"))))) as typeof fetch;
    const r = await kald(haenger);
    expect(r).toMatchObject({ ok: false, art: "timeout" });
    expect(!r.ok && r.besked).toMatch(/prøv igen/i);
  });
  it("401 and 403", async () => {
    expect(await kald(svar(401, {}))).toMatchObject({ ok: false, art: "adgang", status: 401 });
    const r = await kald(svar(403, { fejl: "x" }));
    expect(!r.ok && r.besked).toMatch(/driftsherre/);
  });
  it("422 carries the server's findings", async () => {
    const fund = [{ code: "TS020", severity: "error", field: "TS_OverheadSats", cell: "Takstskema!D40", message: "For høj" }];
    const r = await kald(svar(422, { fejl: "x", findings: fund }));
    expect(r).toMatchObject({ ok: false, art: "afvist", status: 422, fund });
  });
  it("5xx asks for a retry", async () => {
    const r = await kald(svar(503, {}));
    expect(r).toMatchObject({ ok: false, art: "server", status: 503 });
    expect(!r.ok && r.besked).toMatch(/^Serverfejl .*prøv igen/);
  });
  it("a missing token or a bad address is caught before any request", async () => {
    const aldrig = (async () => {
      throw new Error("må ikke kaldes");
    }) as typeof fetch;
    expect(await kald(aldrig, " ")).toMatchObject({ ok: false, art: "adgang" });
    expect(await indsend("ikke en adresse", "t", "{}", { fetchFn: aldrig })).toMatchObject({ ok: false, art: "klient" });
  });
});

describe("the body", () => {
  it("leaves out the receipt and unknown names, empty cells become null, keys sorted", () => {
    const b = indberetning({ TS_Pladser: 12, TS_Kvittering: "ind_abc", TS_Email: "", Andet: 1, TS_Driftsherre: "Odense Kommune" });
    expect(b).toEqual({ TS_Pladser: 12, TS_Email: null, TS_Driftsherre: "Odense Kommune" });
    expect(indberetningKrop(b)).toBe('{"TS_Driftsherre":"Odense Kommune","TS_Email":null,"TS_Pladser":12}');
    expect(indberetningKrop({ b: 1, a: 2 })).toBe(indberetningKrop({ a: 2, b: 1 }));
  });
  it("a Ydelser column is sent as the array of its rows, empty cells null", () => {
    expect(indberetning({ TS_Ydelser_Navn: ["A", "", "C"], TS_Ydelser_Pladser: [10, "", 4] })).toEqual({ TS_Ydelser_Navn: ["A", null, "C"], TS_Ydelser_Pladser: [10, null, 4] });
  });
});

describe("settings in local storage", () => {
  const lager = (): Lager & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };
  const standard = { regelsaet: "SYD-2018", serviceUrl: "https://localhost:3000", token: "" };
  it("round trip, trailing slash removed", () => {
    const l = lager();
    gemIndstillinger(l, { regelsaet: "MIDT-2021", serviceUrl: "https://x.dk/", token: " t " });
    expect(hentIndstillinger(l, standard)).toEqual({ regelsaet: "MIDT-2021", serviceUrl: "https://x.dk", token: "t" });
  });
  it("a damaged entry gives the defaults", () => {
    const l = lager();
    l.setItem(NOEGLE, "{ikke json");
    expect(hentIndstillinger(l, standard)).toEqual(standard);
  });
});

describe("texts", () => {
  it("summaries in Danish", () => {
    expect(resume([])).toBe("Ingen fejl og ingen advarsler. Skemaet kan indsendes.");
    expect(resume([{ code: "TS090", severity: "warning", message: "" }])).toBe("Ingen fejl, 1 advarsel. Skemaet kan indsendes.");
    expect(resume([
      { code: "TS001", severity: "error", message: "" },
      { code: "TS010", severity: "error", message: "" },
      { code: "TS012", severity: "warning", message: "" },
    ])).toBe("2 fejl og 1 advarsel. Ret fejlene, før skemaet kan indsendes.");
  });
  it("a finding names its field and cell", () => {
    expect(fundHvor({ code: "TS010", severity: "error", field: "TS_Ydelser_Pladser", cell: "Takstskema!D40", message: "Hele tal." })).toBe("Pladser · D40");
  });
  it("da-DK numbers and dates", () => {
    // A single-takst skema (one ydelse) and one with several ydelser (beregnet.ydelser).
    expect(takstLinje({ TS_Ydelse: "Botilbud", TS_Takst: 1938, TS_Takstenhed: "døgn" }, null)).toBe("Beregnet takst: 1.938 kr. pr. døgn");
    const y = (raekke: number, navn: string, takst: number | null) => ({ raekke, navn, takst, pladser: null, belaegning: null, ressource: null, sidsteAarsTakst: null, belaegningsdage: null, basistakst: null, servicetakst: null, takstudvikling: null });
    expect(takstLinje({ TS_Takstenhed: "døgn" }, { ydelser: [y(0, "Gruppe A", 1484), y(1, "Gruppe B", 1927)] })).toBe("Beregnede takster: Gruppe A 1.484 kr., Gruppe B 1.927 kr. pr. døgn");
    expect(takstLinje({ TS_Takstenhed: "døgn" }, { ydelser: [y(0, "Gruppe A", null)] })).toBeUndefined();
    expect(tidspunkt(KVITTERING.modtaget)).toMatch(/22\. november 2026.*10[.:]15/);
  });
});
